# Tests of the text area: the text reader and citations (cmocka), and the
# golden JSON of the five samples (tests/text/golden.sh).
check_PROGRAMS += tests/test_text tests/test_cite
tests_test_text_SOURCES = tests/test_text.c tests/testutil.h
tests_test_text_CPPFLAGS = $(TEST_CPPFLAGS)
tests_test_text_LDADD = $(TEST_LIBS)
nodist_EXTRA_tests_test_text_SOURCES = dummy.cxx
tests_test_cite_SOURCES = tests/test_cite.c
tests_test_cite_CPPFLAGS = $(TEST_CPPFLAGS)
tests_test_cite_LDADD = $(TEST_LIBS)
nodist_EXTRA_tests_test_cite_SOURCES = dummy.cxx

TESTS += tests/test_text tests/test_cite tests/text/golden.sh tests/text/layouts.sh
EXTRA_DIST += tests/text/golden.sh tests/text/layouts.sh tests/golden/ecosoc-2017-19.jsonl \
	tests/golden/E-2017-30-chapter-I.jsonl tests/golden/cnd-55-12.jsonl \
	tests/golden/ecosoc-2023-24.jsonl tests/golden/ecosoc-2021-23.jsonl \
	tests/golden/sc-638-1989.jsonl tests/golden/ga-45-110-volume.jsonl \
	tests/golden/ecosoc-1989-volume.jsonl tests/golden/ga-75-101-volume.jsonl \
	tests/data/text/sc-638-1989.txt tests/data/text/ga-75-101-volume.txt \
	tests/data/text/ga-45-110-volume.txt tests/data/text/ecosoc-1989-volume.txt \
	tests/data/text/README.md
