# Tests of libresdex as other programs see it: the shared library's exports,
# the installed header and resdex.pc (an example built through pkg-config),
# and the Python bindings.
LIBAPI_SHELL_TESTS = tests/libapi/symbols.sh tests/libapi/python.sh
TESTS += $(LIBAPI_SHELL_TESTS)
EXTRA_DIST += $(LIBAPI_SHELL_TESTS) tests/libapi/test_python.py
AM_TESTS_ENVIRONMENT += CC='$(CC)' NM='$(NM)' PKG_CONFIG='$(PKG_CONFIG)'; export CC NM PKG_CONFIG;
