#!/bin/sh
# Readers while resdexd writes: searches, show and stats run in a loop while
# the daemon re-indexes files changed, added and removed under it. A reader
# never fails (exit 0 or 1, never 2), and once the writes settle it sees the
# last state.
. "$top_srcdir/tests/lib.sh"
QUERY_NO_SAMPLES=1
. "$top_srcdir/tests/query/query-lib.sh"

DPID=
trap '[ -n "$DPID" ] && kill -KILL "$DPID" 2>/dev/null; rm -rf "$T"' EXIT
mkdir "$T/c"
cp "$top_srcdir"/corpus/*.txt "$T/c/" && chmod u+w "$T"/c/*
"$RESDEXD" --db "$T/db" --corpus "$T/c" 2>"$T/d.log" &
DPID=$!
# Ready when the first reconcile is committed (resdexd logs "reconciled"
# just before its commit).
files_indexed() { "$RESDEX" --db "$T/db" stats --json 2>/dev/null | sed -n 's/.*"files":\([0-9]*\),.*/\1/p'; }
five() { [ "$(files_indexed)" = 5 ]; }
if ! wait_until 60 five; then
    echo "FAIL: resdexd did not index the samples: $(tail -n 5 "$T/d.log")" >&2
    exit 1
fi

# The writer: for about 3 seconds, rewrite 2017/19 (its paragraph 9 changed),
# copy it under other names and remove the copies, touch the report.
S="$T/c/ecosoc-2017-19.txt"
cp "$S" "$T/orig"
(
    end=$(( $(date +%s) + 3 ))
    i=0
    while [ "$(date +%s)" -lt "$end" ]; do
        i=$((i + 1))
        sed "s/Invites\* Member States and other donors/Invites* Member States and other donors (round $i)/" "$T/orig" >"$S.tmp" && mv "$S.tmp" "$S"
        cp "$T/orig" "$T/c/copy-$i.txt"
        [ "$i" -gt 1 ] && rm -f "$T/c/copy-$((i - 1)).txt"
        touch "$T/c/E-2017-30-chapter-I.txt"
        sleep 0.05
    done
    rm -f "$T"/c/copy-*.txt
    cp "$T/orig" "$S"
) &
writer=$!

# The readers, until the writer is done: every exit status is kept.
: >"$T/status"
n=0
while kill -0 "$writer" 2>/dev/null; do
    "$RESDEX" --db "$T/db" search --count '"alternatives to imprisonment"' >/dev/null 2>>"$T/rerr"; echo "search $?" >>"$T/status"
    "$RESDEX" --db "$T/db" search --json --all 'Invites donors' >/dev/null 2>>"$T/rerr"; echo "json $?" >>"$T/status"
    "$RESDEX" --db "$T/db" show 2017/19 >/dev/null 2>>"$T/rerr"; echo "show $?" >>"$T/status"
    "$RESDEX" --db "$T/db" stats >/dev/null 2>>"$T/rerr"; echo "stats $?" >>"$T/status"
    n=$((n + 1))
done
wait "$writer"
check "the readers ran" test "$n" -gt 2
echo "note: $n reader rounds; resdexd logged $(grep -c copy- "$T/d.log") lines about the copies"
check "no reader failed (exit 2)" sh -c "! grep -q ' 2\$' '$T/status'"
check "no reader error message" sh -c "test ! -s '$T/rerr' || { cat '$T/rerr' >&2; false; }"
check "show found 2017/19 while its file was being replaced" sh -c "! grep -q '^show [^0]' '$T/status'"

# Settled: the last state is what readers see.
settled() {
    five &&
        ! "$RESDEX" --db "$T/db" search --all '"round"' >/dev/null 2>&1
}
check "the index settles on the five samples" wait_until 20 settled
expect_status 0 "2017/19 9 as the sample has it" "$RESDEX" --db "$T/db" show '2017/19#9'
check "2017/19 9: the original text" has "$T/out" 'Invites Member States and other donors to provide extrabudgetary resources'
check "2017/19 9: no edit left" hasnt "$T/out" 'round'
check "the daemon is alive" kill -0 "$DPID"
kill -TERM "$DPID"
wait "$DPID"
check "the daemon exits 0" test $? -eq 0
DPID=

finish
