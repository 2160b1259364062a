# resdex: the query tool.
bin_PROGRAMS += query/resdex
query_resdex_SOURCES = query/main.c query/commands.h query/opts.c query/opts.h \
	query/sprinter.c query/sprinter.h query/describe.c query/describe.h \
	query/utf8.c query/utf8.h \
	query/cmd_parse.c query/cmd_search.c query/cmd_show.c query/cmd_stats.c \
	query/cmd_similar.c query/cmd_check.c query/diffprint.c query/diffprint.h \
	query/html.c query/html.h \
	query/layout.c query/layout.h query/hitprint.c query/hitprint.h query/args.c query/args.h query/batch.c query/batch.h
query_resdex_CPPFLAGS = $(AM_CPPFLAGS) $(JANSSON_CFLAGS)
nodist_EXTRA_query_resdex_SOURCES = dummy.cxx
query_resdex_LDADD = $(RESDEX_LIBS)
