# Tests of libresdex as other programs see it: the shared library's exports,
# the installed header and resdex.pc (an example built through pkg-config),
# and the Python bindings.
LIBAPI_SHELL_TESTS = tests/libapi/symbols.sh tests/libapi/python.sh tests/libapi/install.sh \
	tests/libapi/lasterror.sh
TESTS += $(LIBAPI_SHELL_TESTS)
# The error contract, call by call, linked with the shared library only (the
# public API): run by lasterror.sh.
check_PROGRAMS += tests/libapi/lasterror
tests_libapi_lasterror_SOURCES = tests/libapi/lasterror.c
tests_libapi_lasterror_LDADD = lib/libresdex.la
EXTRA_DIST += $(LIBAPI_SHELL_TESTS) tests/libapi/test_python.py
# install.sh builds the example with the build's sanitizer flags (a
# sanitized library wants its runtime in the program).
AM_TESTS_ENVIRONMENT += CC='$(CC)' NM='$(NM)' PKG_CONFIG='$(PKG_CONFIG)' PYTHON='$(PYTHON)' \
	MAKE='$(MAKE)' EXAMPLE_CFLAGS='$(SAN_FLAGS)' libdir='$(libdir)' includedir='$(includedir)' \
	version='$(PACKAGE_VERSION)'; \
	export CC NM PKG_CONFIG PYTHON MAKE EXAMPLE_CFLAGS libdir includedir version;
