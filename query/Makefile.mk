# resdex: the query tool.
bin_PROGRAMS += query/resdex
query_resdex_SOURCES = query/main.c query/commands.h query/opts.c query/opts.h \
	query/sprinter.c query/sprinter.h query/describe.c query/describe.h \
	query/cmd_parse.c query/cmd_search.c query/cmd_show.c query/cmd_stats.c \
	query/cmd_similar.c query/cmd_check.c query/diffprint.c query/diffprint.h \
	query/html.c query/html.h \
	query/layout.c query/layout.h query/hitprint.c query/hitprint.h query/args.c query/args.h query/batch.c query/batch.h \
	query/cmd_serve.c query/serve_api.c query/serve_api.h query/serve_assets.h
nodist_query_resdex_SOURCES = query/web-assets.c
query_resdex_CPPFLAGS = $(AM_CPPFLAGS) $(JANSSON_CFLAGS) $(MHD_CFLAGS) -I$(top_srcdir)/query
nodist_EXTRA_query_resdex_SOURCES = dummy.cxx
query_resdex_LDADD = $(RESDEX_LIBS) $(MHD_LIBS)

# resdex serve's page, compiled into the program (a fixed table: no path
# from a URL reaches the file system).
WEB_FILES = web/index.html web/app.js web/app.css
EXTRA_DIST += $(WEB_FILES)
noinst_PROGRAMS += query/embed-assets
query_embed_assets_SOURCES = query/embed-assets.c
query/web-assets.c: query/embed-assets$(EXEEXT) $(addprefix $(srcdir)/,$(WEB_FILES))
	$(AM_V_GEN)query/embed-assets$(EXEEXT) $@ $(addprefix $(srcdir)/,$(WEB_FILES))
CLEANFILES += query/web-assets.c
BUILT_SOURCES = query/web-assets.c
