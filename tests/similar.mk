# Tests of the similar area.
