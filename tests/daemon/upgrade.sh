#!/bin/sh
# An index of an older format (resdex upgraded under it) is rebuilt by
# resdexd, not refused: this resdex cannot read it, and a refusal under
# systemd (Restart=on-failure) would be a restart every few seconds. What the
# index is for stays: its corpus (another folder is still refused) and its
# shard. An index of a newer format is refused and left as it is.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/daemon/daemon-lib.sh"

make_corpus "$T/c"
make_corpus "$T/other"
expect_status 0 "fresh build" "$RESDEXD" --quiet --once --db "$T/fresh" --corpus "$T/c"
dump "$T/fresh" >"$T/fresh.dump"

# An index of format 4: the one built here, marked so, with a file state the
# new build must not keep (a file it would then never read).
expect_status 0 "build" "$RESDEXD" --quiet --once --db "$T/db" --corpus "$T/c"
"$INDEX_DUMP" --set-meta "$T/db" "file:$T/c/ghost.txt" "1 2 3" || fail "set a file state"
"$INDEX_DUMP" --set-meta "$T/db" resdex:format 4 || fail "set the format"
expect_status 2 "resdex on the old index: refused" "$RESDEX" --db "$T/db" prison
check "resdex: says what to do" grep -q "has format '4'.*run resdexd on it" "$T/err"

expect_status 0 "resdexd rebuilds it" "$RESDEXD" --once --db "$T/db" --corpus "$T/c"
check "the log says why" grep -q "index $T/db had format '4', which this resdexd cannot read" "$T/err"
dump >"$T/after"
check "the rebuilt index equals a fresh build (the old file state gone)" \
    cmp -s "$T/after" "$T/fresh.dump"
expect_status 0 "resdex searches it" "$RESDEX" --db "$T/db" --count prison
check "no folder left beside it" sh -c "! ls -d '$T'/db.renew-* 2>/dev/null"
expect_status 0 "a second run has nothing to rebuild" "$RESDEXD" --once --db "$T/db" --corpus "$T/c"
check "a second run: no rebuild" sh -c "! grep -q 'had format' '$T/err'"

# The corpus identity survives the rebuild: the old index (which this
# resdex could not use) is replaced, and the empty one refuses another folder.
"$INDEX_DUMP" --set-meta "$T/db" resdex:format 4 || fail "set the format again"
expect_status 2 "old index, another corpus: refused" \
    "$RESDEXD" --once --db "$T/db" --corpus "$T/other"
check "old index, another corpus: named" grep -q "was built from $T/c, not $T/other" "$T/err"
expect_status 0 "and its own corpus builds it" "$RESDEXD" --quiet --once --db "$T/db" --corpus "$T/c"
dump >"$T/after"
check "built again: equal to a fresh build" cmp -s "$T/after" "$T/fresh.dump"

# A shard stays the shard it was.
expect_status 0 "fresh shard" "$RESDEXD" --quiet --once --shard 2/3 --db "$T/fresh2" --corpus "$T/c"
expect_status 0 "shard" "$RESDEXD" --quiet --once --shard 2/3 --db "$T/s2" --corpus "$T/c"
"$INDEX_DUMP" --set-meta "$T/s2" resdex:format 4 || fail "set the shard's format"
expect_status 2 "the old shard as another shard: refused" \
    "$RESDEXD" --quiet --once --shard 1/3 --db "$T/s2" --corpus "$T/c"
expect_status 0 "the old shard rebuilt" "$RESDEXD" --quiet --once --shard 2/3 --db "$T/s2" --corpus "$T/c"
dump "$T/fresh2" >"$T/fresh2.dump"
dump "$T/s2" >"$T/s2.dump"
check "the rebuilt shard equals a fresh one" cmp -s "$T/s2.dump" "$T/fresh2.dump"

# A newer format is never replaced.
"$INDEX_DUMP" --set-meta "$T/fresh" resdex:format 99 || fail "set a newer format"
expect_status 2 "a newer format: refused" "$RESDEXD" --once --db "$T/fresh" --corpus "$T/c"
check "a newer format: says so" grep -q "has format '99'.*written by a newer resdex" "$T/err"
expect_status 2 "a newer format: still there for resdex" "$RESDEX" --db "$T/fresh" --count prison
check "a newer format: the index is untouched" grep -q "has format '99'" "$T/err"
finish
