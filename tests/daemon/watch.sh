#!/bin/sh
# resdexd watching a folder: add, change, rename, atomic save, new
# subfolder (with files already inside), folder moved in and out, delete.
# Every change must become visible; the time it took is printed (the goal
# is under 1 s; the deadline asserted is generous for loaded CI machines).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/daemon/daemon-lib.sh"

check "reference index of the samples" reference
mkdir -p "$T/c"
cp "$SAMPLES/ecosoc-2017-19.txt" "$T/c/a.txt"
start_daemon || { finish; exit 1; }
check "a.txt indexed at start" same_as a.txt ecosoc-2017-19.txt

# visible DESCRIPTION COMMAND...: poll until COMMAND holds; print the delay.
visible() {
    local d=$1 t0
    shift
    t0=$(now_ms)
    if wait_until 5 "$@"; then
        pass
        echo "visible after $(( $(now_ms) - t0 )) ms: $d"
    else
        fail "$d: not visible within 5 s"
    fi
}

# Add: a file copied in.
cp "$SAMPLES/cnd-55-12.txt" "$T/c/b.txt"
visible "new file" same_as b.txt cnd-55-12.txt

# Change: rewritten in place.
cat "$SAMPLES/ecosoc-2023-24.txt" >"$T/c/b.txt"
visible "changed file" same_as b.txt ecosoc-2023-24.txt

# Rename.
mv "$T/c/b.txt" "$T/c/c.txt"
visible "renamed file under its new name" same_as c.txt ecosoc-2023-24.txt
visible "renamed file gone under its old name" not_indexed b.txt

# Atomic save: write a temporary file, rename it over the document.
cp "$SAMPLES/ecosoc-2021-23.txt" "$T/c/.a.txt.swp-new"
mv "$T/c/.a.txt.swp-new" "$T/c/a.txt"
visible "atomic save (dot temp)" same_as a.txt ecosoc-2021-23.txt
cp "$SAMPLES/cnd-55-12.txt" "$T/c/a.txt.tmp"
mv "$T/c/a.txt.tmp" "$T/c/a.txt"
visible "atomic save (.tmp)" same_as a.txt cnd-55-12.txt
check "temporary names never indexed" not_indexed a.txt.tmp

# A new subfolder, then a file in it.
mkdir "$T/c/sub"
cp "$SAMPLES/ecosoc-2017-19.txt" "$T/c/sub/d.txt"
visible "file in a new subfolder" same_as sub/d.txt ecosoc-2017-19.txt
mkdir -p "$T/c/sub/deeper/deepest"
cp "$SAMPLES/cnd-55-12.txt" "$T/c/sub/deeper/deepest/e.txt"
visible "file two new folders down" same_as sub/deeper/deepest/e.txt cnd-55-12.txt

# A folder with files already inside, moved in from outside the corpus.
mkdir -p "$T/outside/pack/inner"
cp "$SAMPLES/ecosoc-2023-24.txt" "$T/outside/pack/f.txt"
cp "$SAMPLES/ecosoc-2021-23.txt" "$T/outside/pack/inner/g.txt"
mv "$T/outside/pack" "$T/c/pack"
visible "folder moved in: its file" same_as pack/f.txt ecosoc-2023-24.txt
visible "folder moved in: its subfolder's file" same_as pack/inner/g.txt ecosoc-2021-23.txt
# ...and its subfolders are watched.
cp "$SAMPLES/cnd-55-12.txt" "$T/c/pack/inner/h.txt"
visible "new file in a moved-in folder" same_as pack/inner/h.txt cnd-55-12.txt

# A folder renamed within the corpus: everything under the new name.
mv "$T/c/pack" "$T/c/pack2"
visible "renamed folder: new names" same_as pack2/inner/h.txt cnd-55-12.txt
visible "renamed folder: old names gone" not_indexed pack/inner/h.txt
cp "$SAMPLES/ecosoc-2017-19.txt" "$T/c/pack2/inner/i.txt"
visible "renamed folder still watched" same_as pack2/inner/i.txt ecosoc-2017-19.txt

# A folder moved out of the corpus: its files dropped, no longer watched.
mv "$T/c/pack2" "$T/outside/pack2"
visible "folder moved out: dropped" not_indexed pack2/f.txt
visible "folder moved out: subfolder dropped" not_indexed pack2/inner/i.txt
cp "$SAMPLES/cnd-55-12.txt" "$T/outside/pack2/j.txt"

# Delete a file, then a whole folder.
rm "$T/c/c.txt"
visible "deleted file dropped" not_indexed c.txt
rm -r "$T/c/sub"
visible "deleted folder dropped" not_indexed sub/deeper/deepest/e.txt
check "deleted folder: nothing left under it" sh -c \
    "! \"$INDEX_DUMP\" \"$T/db\" | grep -q '^file:sub/'"

# A file still being written when its folder is moved in (a gzip file, so
# that half of it is truly unreadable): not rejected, indexed once closed.
gzip -c "$SAMPLES/cnd-55-12.txt" >"$T/slow.gz"
size=$(wc -c <"$T/slow.gz")
mkdir "$T/outside/slow"
exec 4>"$T/outside/slow/x.txt.gz"
head -c $((size / 2)) "$T/slow.gz" >&4
mv "$T/outside/slow" "$T/c/slow"
check "half-written file: deferred, not rejected" \
    wait_until 5 log_has 'slow/x.txt.gz: not readable yet'
tail -c +$((size / 2 + 1)) "$T/slow.gz" >&4
exec 4>&-
visible "half-written file indexed once complete" same_as slow/x.txt.gz cnd-55-12.txt
check "half-written file: no warning" sh -c "! grep -q 'warning: slow/x.txt.gz' \"$T/d.log\""
check "half-written file: no rejection" sh -c "! \"$INDEX_DUMP\" \"$T/db\" | grep -q '^rejected:slow'"

# A burst: 20 files at once, batched.
for i in 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20; do
    cp "$SAMPLES/cnd-55-12.txt" "$T/c/burst$i.txt"
done
visible "a burst of 20 files" same_as burst20.txt cnd-55-12.txt
check "burst: all 20 there" test "$(dump | grep -c '^file:burst')" -eq 20
check "nothing from outside the corpus" sh -c "! \"$INDEX_DUMP\" \"$T/db\" | grep -q 'j.txt'"

check "daemon still running" daemon_alive
check "resdex:last-update recorded" has_meta resdex:last-update
check "resdex:corpus recorded" sh -c "\"$INDEX_DUMP\" \"$T/db\" | grep -qxF \"resdex:corpus	$(cd "$T/c" && pwd -P)\""
stop_daemon
check "no error logged" sh -c "! grep -q 'resdexd: error' \"$T/d.log\""
finish
