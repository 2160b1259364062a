# Tests of the daemon area: end-to-end scripts that run the real resdexd on a
# temporary corpus and index, and check the index with index_dump.
check_PROGRAMS += tests/index_dump
tests_index_dump_SOURCES = tests/index_dump.c
tests_index_dump_LDADD = $(TEST_LIBS)
nodist_EXTRA_tests_index_dump_SOURCES = dummy.cxx

TESTS += tests/daemon/once.sh tests/daemon/watch.sh tests/daemon/signals.sh \
	tests/daemon/badfiles.sh tests/daemon/crash.sh tests/daemon/bulk.sh tests/daemon/longnames.sh \
	tests/daemon/openerrors.sh tests/daemon/links.sh tests/daemon/swap.sh tests/daemon/compact.sh \
	tests/daemon/identity.sh tests/daemon/skip.sh tests/daemon/progress.sh tests/daemon/storm.sh \
	tests/daemon/provenance.sh tests/daemon/dedupe.sh tests/daemon/settle.sh \
	tests/daemon/synonyms.sh tests/daemon/upgrade.sh
EXTRA_DIST += tests/daemon/daemon-lib.sh tests/daemon/once.sh tests/daemon/watch.sh \
	tests/daemon/signals.sh tests/daemon/badfiles.sh tests/daemon/crash.sh \
	tests/daemon/bulk.sh tests/daemon/longnames.sh tests/daemon/openerrors.sh tests/daemon/links.sh \
	tests/daemon/swap.sh tests/daemon/compact.sh tests/daemon/identity.sh \
	tests/daemon/skip.sh tests/daemon/progress.sh tests/daemon/storm.sh tests/daemon/provenance.sh \
	tests/daemon/dedupe.sh tests/daemon/synonyms.sh tests/daemon/settle.sh tests/daemon/upgrade.sh
