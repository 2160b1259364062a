# Example programs for libresdex's users. They are built against the
# installed library, through pkg-config, by tests/libapi/install.sh (make
# check), which installs the build into a staging folder first.
EXTRA_DIST += examples/search.c
