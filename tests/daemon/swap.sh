#!/bin/sh
# The writer's lock is held while a new index takes the old one's place (the
# merge of a parallel build, a compaction): a second resdexd racing the swap
# is refused ("locked", exit 2) and the first finishes its work. Driven by
# the swap's test hook (RESDEX_TEST_SWAP_PAUSE, lib/merge.cc): the first
# resdexd stops at the swap's most exposed point — the new folder in place,
# no Xapian database open — until the test lets it go.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/daemon/daemon-lib.sh"

# 70 files: enough for a parallel build (bulk.h).
make_copies "$T/c" 14

# race KIND ARGS...: run resdexd ARGS paused at the swap; while it waits,
# a second resdexd and a reader try the index.
race() {
    local kind=$1 rc
    shift
    rm -f "$T/hook.paused" "$T/hook.go"
    RESDEX_TEST_SWAP_PAUSE="$T/hook" "$RESDEXD" "$@" 2>"$T/d.log" &
    DPID=$!
    if ! wait_until 120 test -e "$T/hook.paused"; then
        fail "$kind: resdexd never reached the swap: $(tail -3 "$T/d.log")"
        touch "$T/hook.go"
        stop_daemon_hard
        return
    fi
    expect_status 2 "$kind: a second resdexd during the swap is refused" \
        "$RESDEXD" --once --db "$T/db" --corpus "$T/c"
    check "$kind: ... saying the index is locked" grep -q "index $T/db is locked" "$T/err"
    expect_status 2 "$kind: so is resdexd --compact" "$RESDEXD" --compact --db "$T/db"
    expect_status 0 "$kind: a reader answers during the swap" \
        "$RESDEX" --db "$T/db" search --count prison
    touch "$T/hook.go"
    wait "$DPID"
    rc=$?
    DPID=
    check "$kind: the first resdexd finishes (exit 0)" test "$rc" -eq 0
    check "$kind: and did not lose the index" \
        test "$(dump | grep -c '^file:')" -eq 70
}

race "parallel build" --jobs 2 --once --db "$T/db" --corpus "$T/c"
check "parallel build: the parts were merged" test ! -e "$T/db.build"
race "compaction" --compact --db "$T/db"
check "compaction: logged" grep -q 'compacted' "$T/d.log"

# After the race the index is whole and writable: a later run changes it.
rm "$T/c/d0/0-cnd-55-12.txt"
expect_status 0 "afterwards: resdexd updates the index" \
    "$RESDEXD" --once --db "$T/db" --corpus "$T/c"
check "afterwards: the removed file is gone" not_indexed d0/0-cnd-55-12.txt
finish
