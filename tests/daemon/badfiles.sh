#!/bin/sh
# Bad files beside good ones: binary, invalid UTF-8, empty, no resolution,
# huge, a FIFO, a broken link, a link loop. --once exits 1, indexes the
# good files, records every rejection, never blocks. A file that turns bad
# keeps its last good version searchable, with --once and while watching.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/daemon/daemon-lib.sh"

check "reference index of the samples" reference
make_corpus "$T/c"
head -c 4096 /dev/urandom >"$T/c/binary.txt"
printf 'abc\000def\n' >>"$T/c/binary.txt"
{ head -c 500 "$SAMPLES/cnd-55-12.txt"; printf '\377\376 broken\n'; } >"$T/c/badutf8.txt"
: >"$T/c/empty.txt"
echo "Just a note to self, no resolution here." >"$T/c/note.txt"
truncate -s 70M "$T/c/huge.txt"
mkfifo "$T/c/fifo.txt"
ln -s "$T/c/no-such-file.txt" "$T/c/dangling.txt"
ln -s . "$T/c/loop"
mkdir "$T/c/folder.txt"
if [ "$(id -u)" != 0 ]; then
    cp "$SAMPLES/cnd-55-12.txt" "$T/c/unreadable.txt" && chmod 000 "$T/c/unreadable.txt"
fi
BAD="binary.txt badutf8.txt empty.txt note.txt huge.txt fifo.txt dangling.txt"
[ "$(id -u)" != 0 ] && BAD="$BAD unreadable.txt"

# timeout: a FIFO must never block the daemon.
expect_status 1 "--once with bad files exits 1" timeout 60 "$RESDEXD" --once --db "$T/db" \
    --corpus "$T/c"
cp "$T/err" "$T/once.err"
for f in "$SAMPLES"/*.txt; do
    b=$(basename "$f")
    check "good $b indexed" same_as "$b" "$b"
done
for b in $BAD; do
    check "$b: warning naming it" grep -q "^resdexd: warning: $b[:]" "$T/once.err"
    check "$b: rejected: recorded" has_meta "rejected:$b"
    check "$b: not indexed" not_indexed "$b"
done
check "the link loop is not followed" sh -c "! \"$INDEX_DUMP\" \"$T/db\" | grep -q '^file:loop/'"
check "a folder named x.txt is a folder, not a rejection" sh -c \
    "! \"$INDEX_DUMP\" \"$T/db\" | grep -q 'folder.txt'"
check "binary: reason says binary" grep -q 'binary.txt: binary' "$T/once.err"
check "bad UTF-8: reason names the line" grep -q 'badutf8.txt:[0-9]*: invalid UTF-8' "$T/once.err"
check "huge: reason says too large" grep -q 'huge.txt: too large' "$T/once.err"
check "fifo: reason says FIFO" grep -q 'fifo.txt: a FIFO' "$T/once.err"
check "dangling: reason says broken link" grep -q 'dangling.txt: broken symbolic link' "$T/once.err"
# The rejected: value is "<ISO time> <reason>".
"$INDEX_DUMP" --meta "$T/db" rejected: >"$T/rejected"
check "rejected: value is '<ISO time> <reason>'" \
    grep -qE '^rejected:binary.txt	[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z binary' \
    "$T/rejected"

# Again: the same rejections, exit 1 again.
expect_status 1 "second --once still exits 1" timeout 60 "$RESDEXD" --once --db "$T/db" \
    --corpus "$T/c"

# A good file turns bad: its last good version stays, the rejection is
# recorded, and its state is the good version's.
before=$(state_of ecosoc-2017-19.txt)
cp "$T/c/binary.txt" "$T/c/ecosoc-2017-19.txt"
expect_status 1 "--once after a good file turned bad" "$RESDEXD" --once --db "$T/db" \
    --corpus "$T/c"
check "turned bad: last good version still indexed" same_as ecosoc-2017-19.txt ecosoc-2017-19.txt
check "turned bad: rejection recorded" has_meta rejected:ecosoc-2017-19.txt
check "turned bad: state kept" test "$(state_of ecosoc-2017-19.txt)" = "$before"

# Fixed again: re-indexed, rejection forgotten.
cp "$SAMPLES/cnd-55-12.txt" "$T/c/ecosoc-2017-19.txt"
expect_status 1 "--once after fixing it (others still bad)" "$RESDEXD" --once --db "$T/db" \
    --corpus "$T/c"
check "fixed: new content indexed" same_as ecosoc-2017-19.txt cnd-55-12.txt
check "fixed: rejection forgotten" sh -c "! \"$INDEX_DUMP\" \"$T/db\" | grep -qx 'rejected:ecosoc-2017-19.txt'"

# Bad files removed: exit 0, no rejection left.
for b in $BAD; do rm -f "$T/c/$b"; done
rm -f "$T/c/loop"
expect_status 0 "--once once the bad files are gone" "$RESDEXD" --once --db "$T/db" \
    --corpus "$T/c"
check "no rejection left" sh -c "! \"$INDEX_DUMP\" \"$T/db\" | grep -q '^rejected:'"

# While watching: a file turns bad, keeps its last good version.
start_daemon || { finish; exit 1; }
head -c 3000 /dev/urandom >"$T/c/cnd-55-12.txt"
check "watch: rejection recorded" wait_until 5 has_meta rejected:cnd-55-12.txt
check "watch: last good version still indexed" same_as cnd-55-12.txt cnd-55-12.txt
check "watch: warning logged" log_has '^resdexd: warning: cnd-55-12.txt: '
mkfifo "$T/c/fifo2.txt"
check "watch: a new FIFO is rejected, without blocking" wait_until 5 has_meta rejected:fifo2.txt
cp "$SAMPLES/ecosoc-2023-24.txt" "$T/c/later.txt"
check "watch: still indexing after the FIFO" wait_until 5 same_as later.txt ecosoc-2023-24.txt
cp "$SAMPLES/cnd-55-12.txt" "$T/c/cnd-55-12.txt"
check "watch: fixed, rejection forgotten" wait_until 5 sh -c \
    "! \"$INDEX_DUMP\" \"$T/db\" | grep -qx 'rejected:cnd-55-12.txt'"
rm "$T/c/fifo2.txt"
check "watch: FIFO removed, rejection forgotten" wait_until 5 sh -c \
    "! \"$INDEX_DUMP\" \"$T/db\" | grep -qx 'rejected:fifo2.txt'"
stop_daemon
finish
