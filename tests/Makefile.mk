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
# The one definition of "the same text" (folding, resdex check).
check_PROGRAMS += tests/test_sametext
tests_test_sametext_SOURCES = tests/test_sametext.cc
tests_test_sametext_CPPFLAGS = $(TEST_CPPFLAGS) $(XAPIAN_CFLAGS)
tests_test_sametext_LDADD = $(TEST_LIBS)
TESTS += tests/test_sametext
tests_test_db_SOURCES = tests/test_db.c tests/corrupt.cc tests/testutil.h
tests_test_db_CPPFLAGS = $(TEST_CPPFLAGS) $(XAPIAN_CFLAGS)
tests_test_db_LDADD = $(TEST_LIBS)
# The C/C++ seam broken on purpose: allocations that fail, a damaged index.
check_PROGRAMS += tests/test_errors
tests_test_errors_SOURCES = tests/test_errors.cc
tests_test_errors_CPPFLAGS = $(TEST_CPPFLAGS)
tests_test_errors_LDADD = $(TEST_LIBS)


check_PROGRAMS += tests/test_session
tests_test_session_SOURCES = tests/test_session.c
tests_test_session_CPPFLAGS = $(TEST_CPPFLAGS)
tests_test_session_LDADD = $(TEST_LIBS)
nodist_EXTRA_tests_test_session_SOURCES = dummy.cxx

TESTS += tests/test_reader tests/test_stem tests/test_db tests/test_errors tests/test_session

# The streaming JSON writer of the descriptions, byte for byte jansson's.
check_PROGRAMS += tests/test_jsonw
tests_test_jsonw_SOURCES = tests/test_jsonw.c
tests_test_jsonw_CPPFLAGS = $(TEST_CPPFLAGS) $(JANSSON_CFLAGS)
tests_test_jsonw_LDADD = $(TEST_LIBS) $(JANSSON_LIBS)
nodist_EXTRA_tests_test_jsonw_SOURCES = dummy.cxx
TESTS += tests/test_jsonw

# The stored record of a paragraph, and the JSON records of older indexes.
check_PROGRAMS += tests/test_record
tests_test_record_SOURCES = tests/test_record.c
tests_test_record_CPPFLAGS = $(TEST_CPPFLAGS)
tests_test_record_LDADD = $(TEST_LIBS)
nodist_EXTRA_tests_test_record_SOURCES = dummy.cxx
TESTS += tests/test_record

# Compares JSON Lines files (golden tests).
check_PROGRAMS += tests/json_equal
tests_json_equal_SOURCES = tests/json_equal.c
tests_json_equal_CPPFLAGS = $(AM_CPPFLAGS) $(JANSSON_CFLAGS)
tests_json_equal_LDADD = $(JANSSON_LIBS)

# Shell tests (end to end) run with these in their environment.
AM_TESTS_ENVIRONMENT = top_srcdir='$(abs_top_srcdir)' top_builddir='$(abs_top_builddir)' \
	RESDEX_SHARED='$(RESDEX_SHARED)' RESDEX_NODE_MODULES='$(RESDEX_NODE_MODULES)'; \
	export top_srcdir top_builddir RESDEX_SHARED RESDEX_NODE_MODULES;
# The unpacked tarball's tests read the shared corpus this tree's tests read,
# and the browser tests use this tree's npm packages.
AM_DISTCHECK_CONFIGURE_FLAGS += RESDEX_SHARED='$(RESDEX_SHARED)' \
	RESDEX_NODE_MODULES='$(RESDEX_NODE_MODULES)'
EXTRA_DIST += tests/lib.sh

# One fragment per area, so that parallel work does not collide.
include tests/text.mk
include tests/akn.mk
include tests/daemon.mk
include tests/query.mk
include tests/similar.mk
include tests/hostile.mk
include tests/readers.mk
include tests/libapi.mk
include tests/web.mk
include tests/shards.mk
include tests/dist.mk
