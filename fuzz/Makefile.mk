# Fuzz targets: make fuzz (clang, libFuzzer). See fuzz/run.
#
# In a build configured with CC=clang CXX=clang++ --enable-fuzzing the
# library carries the fuzzer's instrumentation and `make fuzz` links the
# targets here. In any other build, `make fuzz` configures such a build in
# fuzz/build (under this build folder) with the clang configure found, and
# builds the targets there; without clang it says so and fails.
FUZZ_TARGETS = fuzz/fuzz_text fuzz/fuzz_akn fuzz/fuzz_gzip fuzz/fuzz_query fuzz/fuzz_index \
	fuzz/fuzz_pdf fuzz/fuzz_docx fuzz/fuzz_zip fuzz/fuzz_serve fuzz/fuzz_record
FUZZ_SOURCES_COMMON = fuzz/fuzz-common.h
# fuzz_serve: resdex serve's request handler and what it answers with.
FUZZ_SERVE_SOURCES = fuzz/fuzz_serve.c query/serve_api.c query/describe.c query/sprinter.c \
	query/cmd_stats.c query/layout.c $(FUZZ_SOURCES_COMMON)
FUZZ_SERVE_CPPFLAGS = $(AM_CPPFLAGS) $(JANSSON_CFLAGS) -I$(top_srcdir)/query

EXTRA_DIST += fuzz/run fuzz/text.dict fuzz/akn.dict fuzz/gzip.dict fuzz/query.dict \
	fuzz/lsan.supp fuzz/serve.dict fuzz/pdf.dict fuzz/docx.dict fuzz/zip.dict fuzz/record.dict fuzz/seeds fuzz/standalone.c $(FUZZ_SOURCES_COMMON)

if FUZZING
EXTRA_PROGRAMS += $(FUZZ_TARGETS)
FUZZ_LINK_FLAGS = $(SAN_FLAGS) -fsanitize=fuzzer
fuzz_fuzz_text_SOURCES = fuzz/fuzz_text.c $(FUZZ_SOURCES_COMMON)
fuzz_fuzz_text_LDADD = $(RESDEX_LIBS)
fuzz_fuzz_text_LDFLAGS = $(FUZZ_LINK_FLAGS)
nodist_EXTRA_fuzz_fuzz_text_SOURCES = dummy.cxx
fuzz_fuzz_akn_SOURCES = fuzz/fuzz_akn.c $(FUZZ_SOURCES_COMMON)
fuzz_fuzz_akn_LDADD = $(RESDEX_LIBS)
fuzz_fuzz_akn_LDFLAGS = $(FUZZ_LINK_FLAGS)
nodist_EXTRA_fuzz_fuzz_akn_SOURCES = dummy.cxx
fuzz_fuzz_gzip_SOURCES = fuzz/fuzz_gzip.c $(FUZZ_SOURCES_COMMON)
fuzz_fuzz_gzip_LDADD = $(RESDEX_LIBS)
fuzz_fuzz_gzip_LDFLAGS = $(FUZZ_LINK_FLAGS)
nodist_EXTRA_fuzz_fuzz_gzip_SOURCES = dummy.cxx
fuzz_fuzz_query_SOURCES = fuzz/fuzz_query.c $(FUZZ_SOURCES_COMMON)
fuzz_fuzz_query_LDADD = $(RESDEX_LIBS)
fuzz_fuzz_query_LDFLAGS = $(FUZZ_LINK_FLAGS)
nodist_EXTRA_fuzz_fuzz_query_SOURCES = dummy.cxx
fuzz_fuzz_index_SOURCES = fuzz/fuzz_index.c $(FUZZ_SOURCES_COMMON)
fuzz_fuzz_index_LDADD = $(RESDEX_LIBS)
fuzz_fuzz_index_LDFLAGS = $(FUZZ_LINK_FLAGS)
nodist_EXTRA_fuzz_fuzz_index_SOURCES = dummy.cxx
fuzz_fuzz_pdf_SOURCES = fuzz/fuzz_pdf.c $(FUZZ_SOURCES_COMMON)
fuzz_fuzz_pdf_LDADD = $(RESDEX_LIBS)
fuzz_fuzz_pdf_LDFLAGS = $(FUZZ_LINK_FLAGS)
nodist_EXTRA_fuzz_fuzz_pdf_SOURCES = dummy.cxx
fuzz_fuzz_docx_SOURCES = fuzz/fuzz_zip.c $(FUZZ_SOURCES_COMMON)
fuzz_fuzz_docx_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_DOCX
fuzz_fuzz_docx_LDADD = $(RESDEX_LIBS)
fuzz_fuzz_docx_LDFLAGS = $(FUZZ_LINK_FLAGS)
nodist_EXTRA_fuzz_fuzz_docx_SOURCES = dummy.cxx
fuzz_fuzz_zip_SOURCES = fuzz/fuzz_zip.c $(FUZZ_SOURCES_COMMON)
fuzz_fuzz_zip_LDADD = $(RESDEX_LIBS)
fuzz_fuzz_zip_LDFLAGS = $(FUZZ_LINK_FLAGS)
nodist_EXTRA_fuzz_fuzz_zip_SOURCES = dummy.cxx
fuzz_fuzz_record_SOURCES = fuzz/fuzz_record.c $(FUZZ_SOURCES_COMMON)
fuzz_fuzz_record_LDADD = $(RESDEX_LIBS)
fuzz_fuzz_record_LDFLAGS = $(FUZZ_LINK_FLAGS)
nodist_EXTRA_fuzz_fuzz_record_SOURCES = dummy.cxx
fuzz_fuzz_serve_SOURCES = $(FUZZ_SERVE_SOURCES)
nodist_fuzz_fuzz_serve_SOURCES = query/web-assets.c
fuzz_fuzz_serve_CPPFLAGS = $(FUZZ_SERVE_CPPFLAGS)
fuzz_fuzz_serve_LDADD = $(RESDEX_LIBS)
fuzz_fuzz_serve_LDFLAGS = $(FUZZ_LINK_FLAGS)
nodist_EXTRA_fuzz_fuzz_serve_SOURCES = dummy.cxx

fuzz: $(FUZZ_TARGETS)
	@echo "fuzz targets built: $(FUZZ_TARGETS) (run them with $(top_srcdir)/fuzz/run)"
else
fuzz:
	@if test -z "$(CLANG)" || test -z "$(CLANGXX)"; then \
	    echo "make fuzz: clang and clang++ not found by configure; the fuzz targets need" \
	        "clang with libFuzzer (apt-get install clang, or scripts/install-deps --fuzz)," \
	        "then re-run configure" >&2; \
	    exit 1; \
	fi
	FUZZ_BUILD='$(abs_top_builddir)/fuzz/build' CC='$(CLANG)' CXX='$(CLANGXX)' \
	    '$(top_srcdir)/fuzz/run' --build-only
endif
.PHONY: fuzz

# The clang build `make fuzz` sets up in a normal build folder.
clean-local: clean-fuzz-build
clean-fuzz-build:
	-rm -rf fuzz/build
.PHONY: clean-fuzz-build
