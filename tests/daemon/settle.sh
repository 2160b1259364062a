#!/bin/sh
# Choosing between copies of a resolution (resdex_db_settle_copies) on an
# index holding each sample forty times: SIGTERM in the middle of it stops
# resdexd promptly with exit status 0 (resdexd(8), SIGNALS), the index keeps
# a mark (resdex:unsettled) and the next run finishes the choice, with no
# file changed: the index, the searches (folded, with their "also in") and
# the shadowed copies are those of a run never interrupted.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/daemon/daemon-lib.sh"
unset RESDEX_KEEP_COPIES

make_copies "$T/c" 40 # 200 files: every sample's resolutions held 40 times
copies=$(cd "$T/c" && find . -type f | wc -l)
expect_status 0 "a run never interrupted" "$RESDEXD" --once --db "$T/ref" --corpus "$T/c"
shadowed=$(sed -n 's/.*, \([0-9]*\) shadowed (.*/\1/p' "$T/err")
check "it shadowed all copies but one of each resolution ($shadowed)" test "${shadowed:-0}" -gt 150

: >"$T/d.log"
"$RESDEXD" --verbose --once --db "$T/db" --corpus "$T/c" 2>>"$T/d.log" &
DPID=$!
check "the settle begins" wait_until 300 grep -q 'is in two files' "$T/d.log"
kill -TERM "$DPID"
t0=$(now_ms)
check "SIGTERM during the settle: exits within 10 s" \
    wait_until 10 sh -c "! kill -0 $DPID 2>/dev/null"
wait "$DPID"
rc=$?
DPID=
echo "SIGTERM during the settle: exited in $(($(now_ms) - t0)) ms"
check "SIGTERM during the settle: exit status 0" test "$rc" -eq 0
check "... saying, once, that the next start finishes the choice" \
    test "$(grep -c "stopped while choosing between copies of resolutions" "$T/d.log")" -eq 1
check "the index is marked unsettled" has_meta resdex:unsettled
done_before=$(grep -c 'is in two files' "$T/d.log")
check "the settle was stopped half-way ($done_before of $shadowed copies)" \
    test "$done_before" -lt "$shadowed"
check "the index reads after SIGTERM" "$RESDEX" --db "$T/db" search --count prison

# Nothing changed on disk: the next run finishes the choice.
expect_status 0 "the next run" "$RESDEXD" --once --db "$T/db" --corpus "$T/c"
check "it shadows the copies left ($(grep -c 'is in two files' "$T/err") more)" \
    test $(($(grep -c 'is in two files' "$T/err") + done_before)) -eq "$shadowed"
check "the mark is gone" sh -c "! '$INDEX_DUMP' '$T/db' | cut -f1 | grep -qx resdex:unsettled"
dump "$T/db" | grep -v '^resdex:' >"$T/a"
dump "$T/ref" | grep -v '^resdex:' >"$T/b"
check "the index is the one a run never interrupted made" cmp -s "$T/a" "$T/b"
for q in 'prison' '"technical assistance"' 'crime prevention'; do
    "$RESDEX" --db "$T/db" search --limit 50 "$q" >"$T/a.txt"
    "$RESDEX" --db "$T/ref" search --limit 50 "$q" >"$T/b.txt"
    check "'$q': the same hits, folded the same" sh -c "test -s '$T/a.txt' && cmp -s '$T/a.txt' '$T/b.txt'"
done
check "... some with their copies folded in ('also in')" grep -q 'also in' "$T/a.txt"
"$RESDEX" --db "$T/db" stats --json | sed 's/.*"shadowed"://' >"$T/a.json"
"$RESDEX" --db "$T/ref" stats --json | sed 's/.*"shadowed"://' >"$T/b.json"
check "the same copies shadowed" cmp -s "$T/a.json" "$T/b.json"
expect_status 0 "a third run" "$RESDEXD" --once --db "$T/db" --corpus "$T/c"
check "... has nothing to choose" sh -c "! grep -q 'is in two files' '$T/err'"
finish
