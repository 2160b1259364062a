# libresdex: the core library, linked by both programs, the tests and the benchmarks.
noinst_LIBRARIES += lib/libresdex.a
lib_libresdex_a_SOURCES = \
	include/resdex.h \
	lib/arena.c lib/arena.h \
	lib/util.c lib/util.h \
	lib/status.c \
	lib/paths.c \
	lib/reader.c \
	lib/model.c lib/model.h \
	lib/parse.c lib/readers.h \
	lib/zipr.c lib/zipr.h lib/docx.c lib/pdf.c \
	lib/text.c lib/text-reader.h lib/text-heads.c lib/text-paras.c lib/text-context.c \
	lib/text-link.c \
	lib/text-lines.c lib/text-lines.h \
	lib/text-meta.c lib/text-meta.h \
	lib/footnotes.c lib/footnotes.h \
	lib/verbs.c lib/verbs.h \
	lib/akn.c lib/akn.h lib/akn-text.c lib/akn-meta.c \
	lib/cite.c lib/cite.h \
	lib/record.c lib/record.h \
	lib/results.c lib/results.h \
	lib/stem.cc lib/stem.hh lib/stopwords.cc lib/stopwords.hh lib/session.c lib/session.h \
	lib/terms.hh lib/schema.cc lib/schema.hh \
	lib/db-private.hh lib/error.cc lib/error.hh \
	lib/db.cc \
	lib/index.cc \
	lib/merge.cc \
	lib/progress.cc \
	lib/files.cc \
	lib/search.cc \
	lib/query-prep.cc lib/query-prep.hh \
	lib/similar.cc lib/similar.h \
	lib/diff.c lib/diff.h lib/diff-text.c lib/diff-text.h lib/diff-script.c lib/diff-script.h \
	lib/verb-scale.c lib/verb-scale.h lib/qualifiers.c lib/qualifiers.h \
	lib/check.c
lib_libresdex_a_CPPFLAGS = $(AM_CPPFLAGS) $(XAPIAN_CFLAGS) $(ZLIB_CFLAGS) $(LIBXML_CFLAGS) \
	$(JANSSON_CFLAGS) $(ICU_CFLAGS) $(POPPLER_CFLAGS) $(LIBZIP_CFLAGS)

# What a program linking libresdex.a needs (it must link with the C++ driver:
# see nodist_EXTRA_*_SOURCES = dummy.cxx in the program fragments).
RESDEX_LIBS = lib/libresdex.a $(XAPIAN_LIBS) $(STEMMER_LIBS) $(LIBXML_LIBS) $(JANSSON_LIBS) \
	$(ZLIB_LIBS) $(ICU_LIBS) $(POPPLER_LIBS) $(LIBZIP_LIBS)
