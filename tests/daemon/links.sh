#!/bin/sh
# Symbolic links (issue 22, item 2). A link to a file or folder inside the
# corpus is not followed: its target is indexed once, by its own path, the
# path the watch reports changes under. A link to a folder outside the
# corpus is followed, its files indexed under the link's path. Loops are not
# followed. Watching, the index follows the real folders through new files,
# deletions, renames and new or removed links, and ends as a fresh build of
# the final corpus (paragraphs and file states).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/daemon/daemon-lib.sh"

check "reference index of the samples" reference
c=$T/c
mkdir -p "$c/A" "$c/B" "$T/outside/O"
cp "$SAMPLES/cnd-55-12.txt" "$c/A/x.txt"
cp "$SAMPLES/ecosoc-2017-19.txt" "$c/B/b.txt"
cp "$SAMPLES/ecosoc-2021-23.txt" "$T/outside/O/o.txt"
ln -s ../A "$c/B/lnA"             # a folder inside the corpus
ln -s ../A/x.txt "$c/B/x-link.txt" # a file inside the corpus
ln -s "$T/outside/O" "$c/out"     # a folder outside
ln -s .. "$c/B/up"                # back up to the corpus
# index_state: paragraphs and file states, without times.
index_state() { dump "${1:-$T/db}" | grep -vE '^(resdex:|rejected:)'; }
no_ids() { test -z "$(ids "$1")"; }

expect_status 0 "--once over links: exit 0" "$RESDEXD" --verbose --once --db "$T/db" --corpus "$c"
check "a real folder's file is indexed by its path" same_as A/x.txt cnd-55-12.txt
check "not again through a link to its folder" no_ids B/lnA/x.txt
check "nor through a link to it" no_ids B/x-link.txt
check "a folder outside, through its link" same_as out/o.txt ecosoc-2021-23.txt
check "a link up to the corpus: nothing below it" sh -c "! '$INDEX_DUMP' '$T/db' | grep -q 'B/up/'"
check "five files' worth of states: three" test "$(dump | grep -c '^file:')" -eq 3

start_daemon
cp "$SAMPLES/ecosoc-2023-24.txt" "$c/A/y.txt"
check "watch: a new file in the linked folder, by its own path" wait_until 20 same_as A/y.txt ecosoc-2023-24.txt
check "watch: not under the link's path" no_ids B/lnA/y.txt
rm "$c/A/x.txt"
check "watch: a deleted file in the linked folder is gone" wait_until 20 no_ids A/x.txt
ln -s ../A "$c/B/lnA2"
cp "$SAMPLES/cnd-55-12.txt" "$c/A/z.txt"
check "watch: after a second link, new files still by their path" wait_until 20 same_as A/z.txt cnd-55-12.txt
check "watch: nothing under the new link" no_ids B/lnA2/z.txt
mv "$c/A" "$c/A2"
check "watch: the real folder renamed: its files move" wait_until 20 same_as A2/y.txt ecosoc-2023-24.txt
check "watch: nothing left under the old name" wait_until 20 no_ids A/y.txt
mkdir "$c/A"
cp "$SAMPLES/ecosoc-2017-19.txt" "$c/A/w.txt"
check "watch: a new folder where the link points" wait_until 20 same_as A/w.txt ecosoc-2017-19.txt
rm "$c/B/lnA"
ln -s ../A2 "$c/B/lnA"
cp "$SAMPLES/ecosoc-2021-23.txt" "$c/A2/v.txt"
check "watch: a link retargeted, the new target's files by their path" wait_until 20 same_as A2/v.txt ecosoc-2021-23.txt
cp "$SAMPLES/cnd-55-12.txt" "$T/outside/O/p.txt"
check "watch: a new file in the folder outside, under the link" wait_until 20 same_as out/p.txt cnd-55-12.txt
rm "$c/out"
check "watch: the outside link removed, its files go" wait_until 20 no_ids out/o.txt
check "watch: the daemon is up" daemon_alive
stop_daemon
index_state >"$T/watched"
# x-link.txt points at the deleted A/x.txt: a broken link, rejected.
expect_status 1 "a fresh build of the final corpus" "$RESDEXD" --once --db "$T/fresh" --corpus "$c"
check "the broken link is the one rejection" sh -c "grep -c 'warning' '$T/err' | grep -qx 1 &&
    grep -q 'B/x-link.txt: broken symbolic link' '$T/err'"
index_state "$T/fresh" >"$T/fresh.state"
check "watched index = fresh build (paragraphs, file states)" cmp -s "$T/watched" "$T/fresh.state"
finish
