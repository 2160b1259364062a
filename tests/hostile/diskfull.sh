#!/bin/sh
# Disk full: the index on a small tmpfs holds the samples; then the corpus
# grows past what fits. resdexd --once fails with exit 2 and an error that
# says the disk is full, and the index still opens with every commit made
# before whole (resdexd commits every 2 s or 200 files, so on a slow or
# busy machine some copies were committed before the disk filled: each of
# them whole, the samples untouched); the watching daemon does the same
# (exit 2, for its service manager to restart it). Once there is room
# again, a restart converges to a clean build. Needs to mount a tmpfs
# (root): skipped, saying why, when it cannot.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/daemon/daemon-lib.sh"
# Xapian's own leak when a commit fails on a full disk (see the file).
export LSAN_OPTIONS="suppressions=$top_srcdir/tests/hostile/diskfull-xapian.supp:print_suppressions=0"

# The tmpfs is sized from the samples' own index (twice it, for the commit's
# new blocks, plus 1 MB), so that the samples fit with room whatever the
# index format costs, and the 40 copies below still do not.
make_corpus "$T/c"
"$RESDEXD" --once --quiet --db "$T/probe" --corpus "$T/c" 2>/dev/null ||
    { echo "the samples do not index" >&2; exit 1; }
size_k=$(($(du -sk "$T/probe" | cut -f1) * 2 + 1024))
rm -rf "$T/probe"
full=$T/full
mkdir -p "$full"
if ! mount -t tmpfs -o size=${size_k}k tmpfs "$full" 2>"$T/mount.err"; then
    echo "SKIP: cannot mount a tmpfs for the disk-full test: $(cat "$T/mount.err")" >&2
    exit 77
fi
trap 'stop_daemon_hard; show_log_on_failure; umount "$full" 2>/dev/null; rm -rf "$T"' EXIT
DB=$full/db

# whole_commits DB: the index opens and holds what whole commits made: each
# sample as a clean build has it, and each copy of the report it holds (a
# batch committed before the disk filled) with all of the report's
# paragraphs. Whether any copy is in depends on the clock; nothing else does.
reference || { echo "the reference does not build" >&2; exit 1; }
paragraphs_of() { awk -F'\t' -v s="$1" '$1 == s { print $2 "\t" $3 }' "$T/now.dump" | sort; }
whole_commits() {
    dump "$1" >"$T/now.dump" || return 1
    for f in $SAMPLE_FILES; do
        [ "$(paragraphs_of "${f##*/}")" = "$(ref_ids "${f##*/}")" ] || return 1
    done
    report=$(ref_ids E-2017-30-chapter-I.txt)
    for s in $(awk -F'\t' '$1 ~ /^more\// { print $1 }' "$T/now.dump" | sort -u); do
        [ "$(paragraphs_of "$s")" = "$report" ] || return 1
    done
}

only_samples() { whole_commits "$1" && ! grep -q '^more/' "$T/now.dump"; }

# fill_corpus: 40 copies of the report, more than the 2 MB index can take.
fill_corpus() {
    mkdir "$T/c/more"
    i=1
    while [ $i -le 40 ]; do
        cp "$SAMPLES/E-2017-30-chapter-I.txt" "$T/c/more/r$i.txt"
        i=$((i + 1))
    done
}

expect_status 0 "the samples fit in ${size_k} kB" "$RESDEXD" --once --db "$DB" --corpus "$T/c"
fill_corpus

# --once: a clear error, exit 2, the previous commit intact.
expect_status 2 "--once on a full disk exits 2" timeout 60 "$RESDEXD" --once --db "$DB" \
    --corpus "$T/c"
cp "$T/err" "$T/once.err"
check "the error says the disk is full" grep -q 'No space left on device' "$T/once.err"
check "the error names the index" grep -qF "index $DB" "$T/once.err"
check "the error is one line" test "$(grep -c 'error' "$T/once.err")" -eq 1
check "the index opens, its commits whole" whole_commits "$DB"
timeout 20 "$RESDEX" --db "$DB" search imprisonment >/dev/null 2>"$T/search.err"
st=$?
check "resdex still searches the index (exit $st)" test "$st" -eq 0

# Room again: the same index converges to the corpus as it is now.
mount -o remount,size=64m "$full" || fail "cannot grow the tmpfs"
rm -rf "$T/c/more"
# (What the failed run left in the way of free blocks is reused or dropped.)
expect_status 0 "back to the samples" "$RESDEXD" --once --db "$DB" --corpus "$T/c"
check "back to the samples: the copies gone" only_samples "$DB"

# Watching: the daemon meets the full disk while applying a change (on the
# small disk again, the samples in a fresh index).
rm -rf "$DB"
mount -o remount,size=${size_k}k "$full" || fail "cannot shrink the tmpfs"
expect_status 0 "the samples fit again" "$RESDEXD" --once --db "$DB" --corpus "$T/c"
: >"$T/d.log"
"$RESDEXD" --verbose --db "$DB" --corpus "$T/c" 2>>"$T/d.log" &
DPID=$!
check "watch: first reconcile" wait_until 60 grep -q 'reconciled' "$T/d.log"
fill_corpus
check "watch: the daemon stops on the full disk" wait_until 60 sh -c "! kill -0 $DPID 2>/dev/null"
wait "$DPID"
st=$?
DPID=
check "watch: exit 2 (got $st)" test "$st" -eq 2
check "watch: the error says the disk is full" log_has 'error: .*No space left on device'
check "watch: the index opens, its commits whole" whole_commits "$DB"

# Room again: a restart converges to a clean build of the corpus.
mount -o remount,size=64m "$full" || fail "cannot grow the tmpfs"
rm -f "$T/c/more"/r[1-9][0-9].txt "$T/c/more"/r[4-9].txt # (keeps the test short)
expect_status 0 "restart with room" timeout 120 "$RESDEXD" --once --db "$DB" --corpus "$T/c"
expect_status 0 "clean build" "$RESDEXD" --once --db "$T/clean" --corpus "$T/c"
dump "$DB" >"$T/after.dump"
dump "$T/clean" >"$T/clean.dump"
check "the restart converges to the clean build" cmp -s "$T/clean.dump" "$T/after.dump"
check "no sanitizer report" sh -c "! grep -q Sanitizer \"$T/d.log\" \"$T/once.err\""
finish
