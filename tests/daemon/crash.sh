#!/bin/sh
# kill -9 during a large reconcile, at several moments: the index still
# opens, holds only whole files (each with its state), no duplicates; and a
# restart converges to exactly the index a clean build gives.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/daemon/daemon-lib.sh"

# 300 files: 60 copies of each sample, in 6 subfolders.
make_big "$T/big"
t0=$(now_ms)
expect_status 0 "clean build of 300 files" "$RESDEXD" --once --db "$T/clean" --corpus "$T/big"
echo "clean build of 300 files: $(( $(now_ms) - t0 )) ms"
dump "$T/clean" >"$T/clean.dump"
check "clean build: 300 file states" test "$(grep -c '^file:' "$T/clean.dump")" -eq 300

# paragraphs FILE: the paragraph lines of a dump (no count, no metadata).
paragraphs() { grep -vE '^(count|file:|rejected:|resdex:)' "$1"; }

# consistent DUMP: a crashed index holds whole files only.
consistent() {
    local p="$1"
    grep '^file:' "$p" | cut -f1 | sed 's/^file://' >"$T/p.files"
    # Every paragraph's source has a state...
    paragraphs "$p" | awk -F'\t' 'NR == FNR { f[$1] = 1; next } !($1 in f) { bad = 1 }
        END { exit bad }' "$T/p.files" - || { echo "paragraphs without a file state" >&2; return 1; }
    # ...and the files with a state have exactly the clean build's paragraphs.
    paragraphs "$T/clean.dump" | awk -F'\t' 'NR == FNR { f[$1] = 1; next } $1 in f' \
        "$T/p.files" - >"$T/c.sub"
    paragraphs "$p" >"$T/p.sub"
    cmp -s "$T/c.sub" "$T/p.sub" || { echo "partial files or duplicates" >&2; return 1; }
    # No paragraph counted twice (a duplicate the search would collapse).
    [ "$(grep '^count' "$p" | cut -f2)" -eq "$(wc -l <"$T/p.sub")" ] ||
        { echo "paragraph count differs from the paragraphs listed" >&2; return 1; }
}

# consistent_subset DUMP: every paragraph's source has a file state, and
# none is counted twice (for a corpus unlike the clean build's).
consistent_subset() {
    grep '^file:' "$1" | cut -f1 | sed 's/^file://' >"$T/p.files"
    paragraphs "$1" | awk -F'\t' 'NR == FNR { f[$1] = 1; next } !($1 in f) { bad = 1 }
        END { exit bad }' "$T/p.files" - || return 1
    [ "$(grep '^count' "$1" | cut -f2)" -eq "$(paragraphs "$1" | wc -l)" ]
}

# Kill at three moments: just after the start, after the first batch
# commit, and a little later.
for moment in start first-commit later; do
    rm -rf "$T/db"
    "$RESDEXD" --verbose --db "$T/db" --corpus "$T/big" --once 2>"$T/d.log" &
    DPID=$!
    case $moment in
    start) wait_until 20 grep -q 'indexing' "$T/d.log" ;;
    first-commit) wait_until 60 grep -q 'committed' "$T/d.log" ;;
    later) wait_until 60 grep -q 'committed' "$T/d.log" && sleep 0.3 ;;
    esac
    if kill -KILL "$DPID" 2>/dev/null; then
        echo "killed at $moment after $(grep -c '^resdexd: debug: indexed' "$T/d.log") files"
    else
        echo "note: resdexd had already finished at $moment (machine too fast)"
    fi
    wait "$DPID" 2>/dev/null
    DPID=
    if dump >"$T/partial.dump"; then
        pass
        check "$moment: only whole files, no duplicates" consistent "$T/partial.dump"
    else
        fail "$moment: the index does not open after kill -9"
    fi
    expect_status 0 "$moment: restart" "$RESDEXD" --once --db "$T/db" --corpus "$T/big"
    dump >"$T/after.dump"
    check "$moment: restart converges to the clean build" cmp -s "$T/clean.dump" "$T/after.dump"
done

# kill -9 while watching, in the middle of applying a burst of 50 files.
rm -rf "$T/db"
make_corpus "$T/c"
start_daemon || { finish; exit 1; }
mkdir "$T/c/burst"
for f in "$T/big/d0/"*; do cp "$f" "$T/c/burst/"; done
wait_until 60 grep -q 'indexed burst/' "$T/d.log"
stop_daemon_hard
if dump >"$T/partial.dump"; then pass; else fail "watch: index does not open after kill -9"; fi
check "watch: only whole files after kill -9" consistent_subset "$T/partial.dump"
expect_status 0 "watch: restart" "$RESDEXD" --once --db "$T/db" --corpus "$T/c"
check "watch: restart indexed the whole burst" \
    test "$(dump | grep -c '^file:burst/')" -eq "$(ls "$T/big/d0" | wc -l)"
finish
