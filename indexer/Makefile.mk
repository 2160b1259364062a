# resdexd: the indexing daemon.
sbin_PROGRAMS += indexer/resdexd
indexer_resdexd_SOURCES = indexer/main.c
nodist_EXTRA_indexer_resdexd_SOURCES = dummy.cxx
indexer_resdexd_LDADD = $(RESDEX_LIBS)
