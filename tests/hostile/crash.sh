#!/bin/sh
# kill -9 at random moments, many times, during reconciles of 300
# generated files: ten times while building a fresh index, ten times while
# catching up with a corpus that changed (files rewritten, removed, added)
# over an index left by the previous kill. After every kill the index
# opens and holds whole files only, each with its state, no duplicates;
# after the last, one restart converges to exactly what a clean build of
# the corpus holds. The random moments come from CRASH_SEED (printed; set
# it to replay a run). tests/daemon/crash.sh kills at three fixed moments.
# Last, an index damaged on disk makes resdexd exit 2 with an error.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/daemon/daemon-lib.sh"

GEN="$top_srcdir/tests/hostile/gen-corpus.awk"
SEED=${CRASH_SEED:-$(date +%s)}
echo "CRASH_SEED=$SEED"
c=$T/big
mkdir -p "$c/d0" "$c/d1" "$c/d2" "$c/d3" "$c/d4" "$c/d5"
awk -v n=300 -v dir="$c" -v seed="$SEED" -f "$GEN"

t0=$(now_ms)
expect_status 0 "clean build of 300 files" "$RESDEXD" --once --db "$T/clean" --corpus "$c"
build_ms=$(($(now_ms) - t0))
echo "clean build of 300 files: $build_ms ms"
dump "$T/clean" >"$T/clean.dump"
check "clean build: 300 file states" test "$(grep -c '^file:' "$T/clean.dump")" -eq 300

paragraphs() { grep -vE '^(count|file:|rejected:|resdex:)' "$1"; }
# whole_files DUMP: every paragraph's source has a state, none is counted
# twice, and (with a reference dump) each file with a state has exactly the
# reference's paragraphs.
whole_files() {
    # Killed before the index existed: nothing in it, nothing partial.
    [ -s "$1" ] || return 0
    grep '^file:' "$1" | cut -f1 | sed 's/^file://' >"$T/p.files"
    paragraphs "$1" | awk -F'\t' 'NR == FNR { f[$1] = 1; next } !($1 in f) { bad = 1 }
        END { exit bad }' "$T/p.files" - || { echo "paragraphs without a file state" >&2; return 1; }
    [ "$(grep '^count' "$1" | cut -f2)" -eq "$(paragraphs "$1" | wc -l)" ] ||
        { echo "paragraph count differs from the paragraphs listed" >&2; return 1; }
    [ -n "${2:-}" ] || return 0
    paragraphs "$2" | awk -F'\t' 'NR == FNR { f[$1] = 1; next } $1 in f' "$T/p.files" - >"$T/c.sub"
    paragraphs "$1" >"$T/p.sub"
    cmp -s "$T/c.sub" "$T/p.sub" || { echo "partial files or duplicates" >&2; return 1; }
}
# delay_ms I RANGE: the I-th random delay in [0, RANGE) ms for this seed.
delay_ms() {
    awk -v s="$SEED" -v i="$1" -v r="$2" 'BEGIN { srand(s); for (k = 0; k < i; k++) x = rand()
        print int(x * r) }'
}
# kill_during I RANGE: start a reconcile, kill -9 it after a random delay.
kill_during() {
    local ms
    ms=$(delay_ms "$1" "$2")
    "$RESDEXD" --verbose --once --db "$T/db" --corpus "$c" 2>"$T/d.log" &
    DPID=$!
    sleep "$(awk -v m="$ms" 'BEGIN { printf "%.3f", m / 1000 }')"
    if kill -KILL "$DPID" 2>/dev/null; then
        killed=$((killed + 1))
    fi
    wait "$DPID" 2>/dev/null
    DPID=
    echo "kill $1 after $ms ms: $(grep -c '^resdexd: debug: indexed' "$T/d.log") files indexed," \
        "$(grep -c 'committed' "$T/d.log") commits"
}
# opens I: the index opens after kill I (or was never created). Killed in
# the first milliseconds, Xapian may have made the folder but not yet its
# version file: no index yet, and resdexd must build one there.
opens() {
    if [ ! -e "$T/db" ]; then : >"$T/partial.dump"; return 0; fi
    if [ ! -e "$T/db/iamglass" ]; then
        : >"$T/partial.dump"
        "$RESDEXD" --once --quiet --db "$T/db" --corpus "$c" || return 1
        dump >"$T/rebuilt.dump" && cmp -s "$T/rebuilt.dump" "$T/clean.dump"
        return
    fi
    dump >"$T/partial.dump"
}

killed=0
# Fresh index, corpus as built by the clean run: strict whole-file checks.
i=1
while [ $i -le 10 ]; do
    rm -rf "$T/db"
    kill_during $i "$build_ms"
    if opens; then
        pass
        check "kill $i (fresh): only whole files, as the clean build" \
            whole_files "$T/partial.dump" "$T/clean.dump"
    else
        fail "kill $i (fresh): the index does not open after kill -9"
    fi
    i=$((i + 1))
done

# Cumulative: each kill leaves its index to the next run, and the corpus
# changes in between (30 files rewritten, 5 removed, 5 added).
expect_status 0 "a complete index to start from" "$RESDEXD" --once --db "$T/db" --corpus "$c"
next=301
while [ $i -le 20 ]; do
    awk -v n=30 -v dir="$c" -v seed="$((SEED + i))" -v from="$((i * 13 % 270 + 1))" -f "$GEN"
    for k in 1 2 3 4 5; do rm -f "$c/d$(((i + k) % 6))/gen-$((i * 7 + k * 31)).txt"; done
    awk -v n=5 -v dir="$c" -v seed="$SEED" -v from="$next" -f "$GEN"
    next=$((next + 5))
    kill_during $i "$((build_ms / 3 + 1))"
    if opens; then
        pass
        check "kill $i (catching up): only whole files" whole_files "$T/partial.dump"
    else
        fail "kill $i (catching up): the index does not open after kill -9"
    fi
    i=$((i + 1))
done
echo "$killed of 20 runs killed before they finished"
check "at least a quarter of the runs were killed before they finished" test "$killed" -ge 5

expect_status 0 "restart after the last kill" "$RESDEXD" --once --db "$T/db" --corpus "$c"
rm -rf "$T/clean"
expect_status 0 "clean build of the final corpus" "$RESDEXD" --once --db "$T/clean" --corpus "$c"
dump "$T/clean" >"$T/clean.dump"
dump >"$T/after.dump"
check "the restart converges to the clean build" cmp -s "$T/clean.dump" "$T/after.dump"
check "no sanitizer report" sh -c "! grep -q Sanitizer \"$T/d.log\""

# An index damaged on disk (not by a crash): resdexd says so and exits 2,
# without a signal and without touching the corpus.
for f in "$T/db"/*.glass; do
    n=$(wc -c <"$f")
    head -c "$n" /dev/urandom >"$f"
done
expect_status 2 "a damaged index: resdexd exits 2" timeout 60 "$RESDEXD" --once --db "$T/db" \
    --corpus "$c"
check "a damaged index: an error message" grep -qE 'error: .*(Corrupt|Database)' "$T/err"
check "a damaged index: the message names the index" grep -qF "$T/db" "$T/err"
finish
