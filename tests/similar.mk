# Tests of the similar area: the word-level diff and resdex_db_similar on a
# hand-built index (cmocka), and end-to-end scripts of `resdex similar` on an
# index of the shipped samples.
check_PROGRAMS += tests/test_diff
tests_test_diff_SOURCES = tests/test_diff.c tests/testutil.h
tests_test_diff_CPPFLAGS = $(TEST_CPPFLAGS)
tests_test_diff_LDADD = $(TEST_LIBS)
nodist_EXTRA_tests_test_diff_SOURCES = dummy.cxx
TESTS += tests/test_diff

SIMILAR_SHELL_TESTS = tests/similar/seeds.sh tests/similar/inputs.sh tests/similar/fixes.sh
TESTS += $(SIMILAR_SHELL_TESTS)

# resdex check: drafts built from the samples' paragraphs (text and Word).
CHECK_SHELL_TESTS = tests/check/drafts.sh tests/check/languages.sh tests/check/sametext.sh tests/check/pdf.sh \
	tests/check/annex.sh tests/check/consensus.sh
TESTS += $(CHECK_SHELL_TESTS)
EXTRA_DIST += $(CHECK_SHELL_TESTS)
EXTRA_DIST += $(SIMILAR_SHELL_TESTS) tests/similar/similar-lib.sh
