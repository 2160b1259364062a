# Tests: cmocka unit tests, one binary per module, and end-to-end scripts.
TEST_CPPFLAGS = $(AM_CPPFLAGS) $(CMOCKA_CFLAGS) -DTOP_SRCDIR='"$(abs_top_srcdir)"'
TEST_LIBS = $(RESDEX_LIBS) $(CMOCKA_LIBS)

check_PROGRAMS += tests/test_reader tests/test_stem tests/test_db
tests_test_reader_SOURCES = tests/test_reader.c
tests_test_reader_CPPFLAGS = $(TEST_CPPFLAGS) $(ZLIB_CFLAGS)
tests_test_reader_LDADD = $(TEST_LIBS)
nodist_EXTRA_tests_test_reader_SOURCES = dummy.cxx
tests_test_stem_SOURCES = tests/test_stem.cc
tests_test_stem_CPPFLAGS = $(TEST_CPPFLAGS) $(XAPIAN_CFLAGS)
tests_test_stem_LDADD = $(TEST_LIBS)
tests_test_db_SOURCES = tests/test_db.c tests/corrupt.cc tests/testutil.h
tests_test_db_CPPFLAGS = $(TEST_CPPFLAGS) $(XAPIAN_CFLAGS)
tests_test_db_LDADD = $(TEST_LIBS)


TESTS += tests/test_reader tests/test_stem tests/test_db
