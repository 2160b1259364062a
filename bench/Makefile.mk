# Benchmarks: make bench (not part of make check).
#
#   make bench                                  50k and 200k paragraphs, and the real corpora
#   make bench BENCH_SIZES="50000 200000 1000000"
#   make bench BENCH_REAL=no                    synthetic sizes only
#
# The programs below are EXTRA_PROGRAMS: built by `make bench` (or by name),
# never by `make all` or `make check`. Generated corpora and indexes go to
# $(BENCH_WORK) in the build tree; the small result tables and plots to
# bench/results/ in the source tree (see bench/RESULTS.md).
EXTRA_PROGRAMS = bench/gencorpus bench/genqueries bench/batchtime bench/bare_xapian bench/fts5 \
	bench/resdex_lib bench/title_eval

bench_gencorpus_SOURCES = bench/gencorpus.c bench/vocab.h
bench_gencorpus_LDADD = -lm
bench_genqueries_SOURCES = bench/genqueries.c
bench_batchtime_SOURCES = bench/batchtime.c
bench_bare_xapian_SOURCES = bench/bare_xapian.cc
bench_bare_xapian_CPPFLAGS = $(AM_CPPFLAGS) $(XAPIAN_CFLAGS)
bench_bare_xapian_LDADD = $(XAPIAN_LIBS)
bench_fts5_SOURCES = bench/fts5.c
bench_fts5_CPPFLAGS = $(AM_CPPFLAGS) $(SQLITE_CFLAGS)
bench_fts5_LDADD = $(SQLITE_LIBS)
bench_resdex_lib_SOURCES = bench/resdex_lib.c
bench_resdex_lib_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/lib
nodist_EXTRA_bench_resdex_lib_SOURCES = dummy.cxx
bench_resdex_lib_LDADD = $(RESDEX_LIBS)
# Resolution-level relevance (bench/title-eval; not part of make bench).
bench_title_eval_SOURCES = bench/title_eval.c
bench_title_eval_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/lib
nodist_EXTRA_bench_title_eval_SOURCES = dummy.cxx
bench_title_eval_LDADD = $(RESDEX_LIBS)

BENCH_BINS = bench/gencorpus$(EXEEXT) bench/genqueries$(EXEEXT) bench/batchtime$(EXEEXT) \
	bench/bare_xapian$(EXEEXT) bench/resdex_lib$(EXEEXT)
if HAVE_SQLITE
BENCH_BINS += bench/fts5$(EXEEXT)
endif
CLEANFILES += $(EXTRA_PROGRAMS)
EXTRA_DIST += bench/title-eval bench/title-judgments.tsv
EXTRA_DIST += bench/serve-bench bench/serve-wrk.lua bench/serve-wrk-cheap.lua bench/serve-memory \
	bench/serve-wrk-mix.lua bench/serve-scaling bench/serve-overhead
EXTRA_DIST += bench/check-time bench/shards
EXTRA_DIST += bench/run bench/readers bench/buildcmp bench/summarize bench/plot.gp bench/RESULTS.md
EXTRA_DIST += bench/similar-eval bench/similar_eval.c bench/similar-series.txt \
	bench/RESULTS-similar.md bench/results

BENCH_SIZES = 50000 200000
BENCH_REAL = yes
BENCH_WORK = $(abs_top_builddir)/bench-work
BENCH_RESULTS = $(abs_top_srcdir)/bench/results

bench-programs: $(BENCH_BINS) query/resdex$(EXEEXT) indexer/resdexd$(EXEEXT)

bench: bench-programs
	$(SHELL) $(top_srcdir)/bench/run --builddir '$(abs_top_builddir)' \
		--work '$(BENCH_WORK)' --results '$(BENCH_RESULTS)' \
		--sizes '$(BENCH_SIZES)' --real '$(BENCH_REAL)' \
		--seeds '$(abs_top_srcdir)/corpus' --akn '$(abs_top_srcdir)/corpus/akn'

bench-clean:
	rm -rf '$(BENCH_WORK)'

.PHONY: bench bench-programs bench-clean
