# Shards (issue 20): the shipped corpus as one index and as three shards
# served by xapian-tcpsrv on loopback, joined by a stub file.
SHARDS_SHELL_TESTS = tests/shards/shards.sh
TESTS += $(SHARDS_SHELL_TESTS)
EXTRA_DIST += $(SHARDS_SHELL_TESTS)
