# The tarball against the repository: make dist ships every file git tracks
# (tests/dist/tracked.sh; `make distcheck` builds and tests what it ships).
DIST_SHELL_TESTS = tests/dist/tracked.sh
TESTS += $(DIST_SHELL_TESTS)
EXTRA_DIST += $(DIST_SHELL_TESTS)
