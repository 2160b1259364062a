# Shards (issue 20): the shipped corpus as one index and as three shards
# served by xapian-tcpsrv on loopback, joined by a stub file; a read replica
# of a shard with xapian-replicate while searches run.
SHARDS_SHELL_TESTS = tests/shards/shards.sh tests/shards/replicate.sh
TESTS += $(SHARDS_SHELL_TESTS)
EXTRA_DIST += $(SHARDS_SHELL_TESTS)
