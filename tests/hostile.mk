# Reliability (issue 9): the fuzz targets' crash inputs kept as regression
# tests, hostile input end to end, kill -9 and disk-full tests.

# The fuzz targets built with the normal flags and a plain main()
# (fuzz/standalone.c): they feed every file of tests/fuzz-regress/TARGET
# through the same entry points as the fuzzer (and under ASan + UBSan in
# the sanitizer build).
FUZZ_REGRESS = tests/fuzz_regress_text tests/fuzz_regress_akn tests/fuzz_regress_gzip \
	tests/fuzz_regress_query tests/fuzz_regress_index tests/fuzz_regress_pdf \
	tests/fuzz_regress_docx tests/fuzz_regress_zip tests/fuzz_regress_serve
check_PROGRAMS += $(FUZZ_REGRESS)
tests_fuzz_regress_text_SOURCES = fuzz/fuzz_text.c fuzz/standalone.c fuzz/fuzz-common.h
tests_fuzz_regress_text_CPPFLAGS = $(AM_CPPFLAGS)
tests_fuzz_regress_text_LDADD = $(RESDEX_LIBS)
nodist_EXTRA_tests_fuzz_regress_text_SOURCES = dummy.cxx
tests_fuzz_regress_akn_SOURCES = fuzz/fuzz_akn.c fuzz/standalone.c fuzz/fuzz-common.h
tests_fuzz_regress_akn_CPPFLAGS = $(AM_CPPFLAGS)
tests_fuzz_regress_akn_LDADD = $(RESDEX_LIBS)
nodist_EXTRA_tests_fuzz_regress_akn_SOURCES = dummy.cxx
tests_fuzz_regress_gzip_SOURCES = fuzz/fuzz_gzip.c fuzz/standalone.c fuzz/fuzz-common.h
tests_fuzz_regress_gzip_CPPFLAGS = $(AM_CPPFLAGS)
tests_fuzz_regress_gzip_LDADD = $(RESDEX_LIBS)
nodist_EXTRA_tests_fuzz_regress_gzip_SOURCES = dummy.cxx
tests_fuzz_regress_serve_SOURCES = $(FUZZ_SERVE_SOURCES) fuzz/standalone.c
nodist_tests_fuzz_regress_serve_SOURCES = query/web-assets.c
tests_fuzz_regress_serve_CPPFLAGS = $(FUZZ_SERVE_CPPFLAGS)
tests_fuzz_regress_serve_LDADD = $(RESDEX_LIBS)
nodist_EXTRA_tests_fuzz_regress_serve_SOURCES = dummy.cxx
tests_fuzz_regress_query_SOURCES = fuzz/fuzz_query.c fuzz/standalone.c fuzz/fuzz-common.h
tests_fuzz_regress_query_CPPFLAGS = $(AM_CPPFLAGS)
tests_fuzz_regress_query_LDADD = $(RESDEX_LIBS)
nodist_EXTRA_tests_fuzz_regress_query_SOURCES = dummy.cxx
tests_fuzz_regress_index_SOURCES = fuzz/fuzz_index.c fuzz/standalone.c fuzz/fuzz-common.h
tests_fuzz_regress_index_CPPFLAGS = $(AM_CPPFLAGS)
tests_fuzz_regress_index_LDADD = $(RESDEX_LIBS)
nodist_EXTRA_tests_fuzz_regress_index_SOURCES = dummy.cxx
tests_fuzz_regress_pdf_SOURCES = fuzz/fuzz_pdf.c fuzz/standalone.c fuzz/fuzz-common.h
tests_fuzz_regress_pdf_CPPFLAGS = $(AM_CPPFLAGS)
tests_fuzz_regress_pdf_LDADD = $(RESDEX_LIBS)
nodist_EXTRA_tests_fuzz_regress_pdf_SOURCES = dummy.cxx
tests_fuzz_regress_docx_SOURCES = fuzz/fuzz_zip.c fuzz/standalone.c fuzz/fuzz-common.h
tests_fuzz_regress_docx_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_DOCX
tests_fuzz_regress_docx_LDADD = $(RESDEX_LIBS)
nodist_EXTRA_tests_fuzz_regress_docx_SOURCES = dummy.cxx
tests_fuzz_regress_zip_SOURCES = fuzz/fuzz_zip.c fuzz/standalone.c fuzz/fuzz-common.h
tests_fuzz_regress_zip_CPPFLAGS = $(AM_CPPFLAGS)
tests_fuzz_regress_zip_LDADD = $(RESDEX_LIBS)
nodist_EXTRA_tests_fuzz_regress_zip_SOURCES = dummy.cxx

HOSTILE_TESTS = tests/hostile/fuzz-regress.sh tests/hostile/files.sh tests/hostile/xml.sh \
	tests/hostile/queries.sh tests/hostile/crash.sh tests/hostile/diskfull.sh tests/hostile/names.sh
TESTS += $(HOSTILE_TESTS)
EXTRA_DIST += $(HOSTILE_TESTS) tests/hostile/hostile-lib.sh tests/hostile/gen-corpus.awk \
	tests/hostile/diskfull-xapian.supp tests/fuzz-regress doc/guarantees.md
