# resdexd: the indexing daemon.
sbin_PROGRAMS += indexer/resdexd
indexer_resdexd_SOURCES = indexer/main.c \
	indexer/clock.c indexer/clock.h \
	indexer/log.c indexer/log.h \
	indexer/filestate.c indexer/filestate.h \
	indexer/walk.c indexer/walk.h \
	indexer/load.c indexer/load.h \
	indexer/archive.c indexer/archive.h \
	indexer/reconcile.c indexer/reconcile.h \
	indexer/bulk.c indexer/bulk.h \
	indexer/pairs.c indexer/pairs.h \
	indexer/compact.c indexer/compact.h \
	indexer/ignore.c indexer/ignore.h \
	indexer/shard.c indexer/shard.h \
	indexer/progress.c indexer/progress.h \
	indexer/watch.c indexer/watch.h
nodist_EXTRA_indexer_resdexd_SOURCES = dummy.cxx
indexer_resdexd_LDADD = $(RESDEX_LIBS) -lpthread
