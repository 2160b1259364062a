# Tests of the query area: end-to-end scripts of resdex search, show and
# stats on an index of the shipped samples (show-lang.sh: a few AKN4UN files
# of the UN corpus, corpus/akn, in three languages;
# pairs.sh: the phrase boost's word pairs change no result; options.sh: the
# option parser, a table of option positions; names.sh: file names that are
# not UTF-8, kept in every output; fold.sh: repeats folded into one hit, on
# samples and seven GA resolutions of the shared corpus; relevance.sh: the
# resolution devoted to a topic first, on the GA eightieth session;
# provenance.sh: drafts and the texts adopted from them, with the samples'
# report and two AKN4UN files; counts.sh: --count, --group and the hits
# listed agree, and with the documents, on the samples and the English AKN4UN
# texts; cache.sh: what a reader keeps between searches is dropped when the
# index changes).
QUERY_SHELL_TESTS = tests/query/search.sh tests/query/filters.sh \
	tests/query/batch.sh tests/query/errors.sh tests/query/show.sh \
	tests/query/show-lang.sh tests/query/stats.sh tests/query/concurrent.sh \
	tests/query/pairs.sh tests/query/options.sh tests/query/names.sh \
	tests/query/fold.sh tests/query/relevance.sh tests/query/provenance.sh \
	tests/query/snippets.sh tests/query/cite.sh tests/query/annex.sh tests/query/consensus.sh \
	tests/query/counts.sh tests/query/cache.sh
TESTS += $(QUERY_SHELL_TESTS)
EXTRA_DIST += $(QUERY_SHELL_TESTS) tests/query/query-lib.sh

# The query language case by case (cmocka, a hand-built index in four languages).
check_PROGRAMS += tests/test_query
tests_test_query_SOURCES = tests/test_query.c tests/testutil.h
tests_test_query_CPPFLAGS = $(TEST_CPPFLAGS)
tests_test_query_LDADD = $(TEST_LIBS)
nodist_EXTRA_tests_test_query_SOURCES = dummy.cxx
TESTS += tests/test_query
