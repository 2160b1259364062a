# Tests of the query area.
