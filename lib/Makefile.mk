# libresdex: the core library.
#
# Its objects are built once, into the convenience library libresdex-core.la
# (not installed), which resdex, resdexd, the tests and the benchmarks link
# statically: the tests of internals call what is not exported. libresdex.la
# is the same objects as the shared library libresdex.so that `make install`
# installs, with include/resdex.h and resdex.pc, for other programs. It
# exports only the names that start with resdex_ (lib/resdex.sym; checked by
# tests/libapi/symbols.sh against include/resdex.h). A new source file goes into
# lib_libresdex_core_la_SOURCES; a new public function needs only its
# declaration in include/resdex.h and a name that starts with resdex_.
noinst_LTLIBRARIES += lib/libresdex-core.la
lib_libresdex_core_la_SOURCES = \
	include/resdex.h \
	lib/arena.c lib/arena.h \
	lib/util.c lib/util.h \
	lib/status.c \
	lib/paths.c \
	lib/reader.c \
	lib/model.c lib/model.h lib/embedded.c \
	lib/parse.c lib/readers.h \
	lib/zipr.c lib/zipr.h lib/docx.c lib/pdf.c \
	lib/text.c lib/text-reader.h lib/text-heads.c lib/text-paras.c lib/text-context.c \
	lib/text-link.c \
	lib/text-lines.c lib/text-lines.h \
	lib/text-meta.c lib/text-meta.h \
	lib/footnotes.c lib/footnotes.h \
	lib/verbs.c lib/verbs.h \
	lib/akn.c lib/akn.h lib/akn-text.c lib/akn-meta.c lib/adoption.c lib/adoption.h lib/extract.c \
	lib/cite.c lib/cite.h \
	lib/record.c lib/record.h lib/record-json.c \
	lib/results.c lib/results.h \
	lib/stem.cc lib/stem.hh lib/stopwords.cc lib/stopwords.hh lib/session.c lib/session.h \
	lib/terms.hh lib/common-words.h lib/schema.cc lib/schema.hh lib/bodies.h \
	lib/db-private.hh lib/error.cc lib/error.hh \
	lib/db.cc \
	lib/shards.cc \
	lib/index.cc lib/pairs.cc lib/pairs.hh lib/provenance.cc lib/provenance.hh \
	lib/copies.cc \
	lib/merge.cc \
	lib/progress.cc \
	lib/files.cc \
	lib/search.cc lib/search-tuning.h \
	lib/also.cc lib/also.hh \
	lib/sametext.cc lib/sametext.hh \
	lib/synonyms.cc lib/synonyms.hh \
	lib/query-prep.cc lib/query-prep.hh lib/query-cache.cc lib/query-cache.hh \
	lib/similar.cc lib/similar.h \
	lib/diff.c lib/diff.h lib/diff-text.c lib/diff-text.h lib/diff-script.c lib/diff-script.h \
	lib/verb-scale.c lib/verb-scale.h lib/qualifiers.c lib/qualifiers.h \
	lib/check.c \
	lib/describe.c lib/jsonw.c lib/jsonw.h lib/citing.c lib/utf8.c
lib_libresdex_core_la_CPPFLAGS = $(AM_CPPFLAGS) $(XAPIAN_CFLAGS) $(ZLIB_CFLAGS) $(LIBXML_CFLAGS) \
	$(JANSSON_CFLAGS) $(ICU_CFLAGS) $(POPPLER_CFLAGS) $(LIBZIP_CFLAGS)
# The libraries libresdex uses.
RESDEX_DEP_LIBS = $(XAPIAN_LIBS) $(STEMMER_LIBS) $(LIBXML_LIBS) $(JANSSON_LIBS) \
	$(ZLIB_LIBS) $(ICU_LIBS) $(POPPLER_LIBS) $(LIBZIP_LIBS)

# The installed library: the convenience library whole, the exports cut to
# resdex_* by the version script. Version-info policy: configure.ac.
lib_LTLIBRARIES += lib/libresdex.la
lib_libresdex_la_SOURCES =
nodist_EXTRA_lib_libresdex_la_SOURCES = lib/dummy-so.cxx
lib_libresdex_la_LIBADD = lib/libresdex-core.la $(RESDEX_DEP_LIBS)
lib_libresdex_la_LDFLAGS = -version-info $(RESDEX_LT_VERSION_INFO) -no-undefined \
	-Wl,--version-script=$(srcdir)/lib/resdex.sym
EXTRA_lib_libresdex_la_DEPENDENCIES = lib/resdex.sym
include_HEADERS += include/resdex.h
pkgconfigdir = $(libdir)/pkgconfig
pkgconfig_DATA += lib/resdex.pc
EXTRA_DIST += lib/resdex.sym lib/resdex.pc.in

# What a program linking libresdex-core.la needs (it must link with the C++
# driver: see nodist_EXTRA_*_SOURCES = dummy.cxx in the program fragments).
RESDEX_LIBS = lib/libresdex-core.la $(RESDEX_DEP_LIBS)
