#!/bin/sh
# Compaction: an index that holds much more than its live data (most of its
# corpus deleted) is rewritten compactly at the next reconcile, past the
# threshold of indexer/compact.h, and on demand with resdexd --compact; it
# then answers as a fresh build of what is left. Searches running all the
# while keep answering (exit 0 or 1, never 2).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/daemon/daemon-lib.sh"

bytes() { du -sb "$1" | cut -f1; }
make_copies "$T/c" 12 # 60 files
expect_status 0 "built" "$RESDEXD" --jobs 1 --once --db "$T/db" --corpus "$T/c"
check "the size of a compact index is recorded" has_meta resdex:compact-size
full=$(bytes "$T/db")

# Readers in a loop, each exit status noted, until told to stop.
readers() {
    while [ ! -e "$T/stop" ]; do
        "$RESDEX" --db "$T/db" search --count prison >/dev/null 2>>"$T/rerr"
        echo $? >>"$T/status"
        "$RESDEX" --db "$T/db" show E/RES/2017/19 >/dev/null 2>>"$T/rerr"
        echo $? >>"$T/status"
    done
}
readers &
RPID=$!

# Five files out of six go: the index keeps their space.
rm -r "$T/c/d1" "$T/c/d2" "$T/c/d3" "$T/c/d4" "$T/c/d5"
expect_status 0 "the deletions reconciled" "$RESDEXD" --once --db "$T/db" --corpus "$T/c"
check "past the threshold, compacted without being asked" grep -q "info: compacted $T/db" "$T/err"
small=$(bytes "$T/db")
check "the index shrank to less than a third ($full -> $small bytes)" test $((small * 3)) -lt "$full"
expect_status 0 "a second reconcile" "$RESDEXD" --once --db "$T/db" --corpus "$T/c"
check "under the threshold: not compacted again" sh -c "! grep -q compacted '$T/err'"

# The reader's worst moment, made certain by its test hook
# (RESDEX_TEST_OPEN_PAUSE, lib/db.cc): it holds the index folder's
# descriptor, not yet opened by Xapian, while --compact swaps the compacted
# index in and removes the folder it holds. It answers from the folder now
# at the path, with the same count as before.
want=$("$RESDEX" --db "$T/db" search --count prison)
RESDEX_TEST_OPEN_PAUSE="$T/hook" "$RESDEX" --db "$T/db" search --count prison \
    >"$T/paused.out" 2>"$T/paused.err" &
PPID_=$!
check "the paused reader reached its hook" wait_until 60 test -e "$T/hook.paused"
expect_status 0 "--compact while a reader holds the old folder" "$RESDEXD" --compact --db "$T/db"
touch "$T/hook.go"
wait "$PPID_"
rc=$?
check "the reader whose folder was removed under it answers (exit $rc): $(cat "$T/paused.err")" test "$rc" -eq 0
check "... the count of the index now at the path ($want)" test "$(cat "$T/paused.out")" = "$want"

# On demand, again and again while the readers read (RESDEX_COMPACT_ROUNDS:
# 8 in make check; more to hunt a race).
i=0
while [ $i -lt "${RESDEX_COMPACT_ROUNDS:-8}" ]; do
    expect_status 0 "resdexd --compact ($i)" "$RESDEXD" --compact --db "$T/db"
    i=$((i + 1))
done
check "--compact says what it did" grep -q "info: compacted $T/db: .* MiB -> .* MiB (" "$T/err"
check "no scratch folder left" test ! -e "$T/db.build"
touch "$T/stop"
wait "$RPID"
check "the readers ran" test "$(wc -l <"$T/status")" -gt 0
check "every search and show answered (0 or 1, never 2): $(sort "$T/status" | uniq -c | tr '\n' ' ')" \
    sh -c "! grep -qv '^[01]$' '$T/status'"

# What is left answers as a fresh build of the same files.
expect_status 0 "a fresh build of what is left" "$RESDEXD" --jobs 1 --once --db "$T/fresh" --corpus "$T/c"
dump "$T/db" | grep -v '^resdex:' >"$T/a"
dump "$T/fresh" | grep -v '^resdex:' >"$T/b"
check "the compacted index holds what a fresh build holds" cmp -s "$T/a" "$T/b"
for q in 'prison' '"technical assistance"'; do
    "$RESDEX" --db "$T/db" search --json --all --limit 1000 "$q" | sed 's/"rank":[0-9]*,//; s/"score":[^,]*,//' | sort >"$T/a.json"
    "$RESDEX" --db "$T/fresh" search --json --all --limit 1000 "$q" | sed 's/"rank":[0-9]*,//; s/"score":[^,]*,//' | sort >"$T/b.json"
    check "'$q': the same hits" sh -c "test -s '$T/a.json' && cmp -s '$T/a.json' '$T/b.json'"
done

# A watching resdexd compacts when sent SIGUSR1; --compact beside it says so.
start_daemon
expect_status 2 "--compact beside a watching resdexd: refused" "$RESDEXD" --compact --db "$T/db"
check "... saying that SIGUSR1 asks the daemon" grep -q 'is locked: .*SIGUSR1' "$T/err"
kill -USR1 "$DPID"
check "SIGUSR1: the watching daemon compacts" wait_until 60 grep -q "info: compacted $T/db: " "$T/d.log"
gone=$(cd "$T/c" && find . -type f | sort | head -n 1 | sed 's|^\./||')
rm "$T/c/$gone"
check "SIGUSR1: it goes on watching (the removal of $gone is indexed)" \
    wait_until 60 not_indexed "$gone"
check "SIGUSR1: still running" kill -0 "$DPID"
stop_daemon
expect_status 0 "after SIGUSR1: what is left answers as a fresh build" \
    "$RESDEXD" --jobs 1 --once --db "$T/fresh2" --corpus "$T/c"
dump "$T/db" | grep -v '^resdex:' >"$T/a"
dump "$T/fresh2" | grep -v '^resdex:' >"$T/b"
check "after SIGUSR1: the index holds what a fresh build holds" cmp -s "$T/a" "$T/b"

expect_status 2 "--compact: a missing index" "$RESDEXD" --compact --db "$T/nowhere"
check "--compact: the missing index is named" grep -q "$T/nowhere" "$T/err"
finish
