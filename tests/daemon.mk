# Tests of the daemon area.
