# Tests of the akn area: the AKN4UN reader on hand-written fragments
# (tests/data/akn), on every file of the UN corpus (corpus/akn) and its one
# malformed file (tests/data/akn-malformed), and `resdex parse` on real files.
check_PROGRAMS += tests/test_akn tests/test_akn_corpus
tests_test_akn_SOURCES = tests/test_akn.c tests/testutil.h
tests_test_akn_CPPFLAGS = $(TEST_CPPFLAGS)
tests_test_akn_LDADD = $(TEST_LIBS)
nodist_EXTRA_tests_test_akn_SOURCES = dummy.cxx
tests_test_akn_corpus_SOURCES = tests/test_akn_corpus.c tests/testutil.h
tests_test_akn_corpus_CPPFLAGS = $(TEST_CPPFLAGS) $(LIBXML_CFLAGS)
tests_test_akn_corpus_LDADD = $(TEST_LIBS)
nodist_EXTRA_tests_test_akn_corpus_SOURCES = dummy.cxx

AKN_SHELL_TESTS = tests/akn/parse.sh tests/akn/adoption.sh
TESTS += tests/test_akn tests/test_akn_corpus $(AKN_SHELL_TESTS)
EXTRA_DIST += $(AKN_SHELL_TESTS) tests/data/akn tests/data/akn-malformed
