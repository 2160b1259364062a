#!/bin/sh
# onereader.sh - resdexd and resdex parse read a file through the one
# reader of the library (resdex_read_file_raw): a file too large on disk,
# too much text, a FIFO, a broken symbolic link, a symbolic link loop and a
# truncated gzip are refused by both with the same reason, and resdexd
# records that reason as the file's rejection.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/daemon/daemon-lib.sh"

c=$T/c
make_corpus "$c"
truncate -s 130M "$c/on-disk.txt"   # over RESDEX_MAX_FILE_BYTES (128 MiB)
truncate -s 70M "$c/text.txt"       # over RESDEX_MAX_INPUT_BYTES of text (64 MiB)
mkfifo "$c/fifo.txt"
ln -s "$c/no-such-file.txt" "$c/dangling.txt"
ln -s loop-b.txt "$c/loop-a.txt"
ln -s loop-a.txt "$c/loop-b.txt"
gzip -c -n "$SAMPLES/ecosoc-2017-19.txt" | head -c 1500 >"$c/cut.txt.gz"
BAD="on-disk.txt text.txt fifo.txt dangling.txt loop-a.txt cut.txt.gz"

expect_status 1 "--once: the bad files rejected, the good ones indexed" timeout 120 \
    "$RESDEXD" --once --db "$T/db" --corpus "$c"
cp "$T/err" "$T/once.err"
"$INDEX_DUMP" --meta "$T/db" rejected: >"$T/rejected"
for b in $BAD; do
    daemon=$(sed -n "s|^resdexd: warning: $b: ||p" "$T/once.err")
    timeout 60 "$RESDEX" parse "$c/$b" >/dev/null 2>"$T/p.err"
    st=$?
    parse=$(sed -n "s|^resdex: $c/$b: ||p" "$T/p.err")
    check "$b: resdex parse exits 2" test "$st" -eq 2
    check "$b: resdexd gives a reason" test -n "$daemon"
    check "$b: resdex parse gives the same reason ('$daemon' / '$parse')" \
        test "$daemon" = "$parse"
    stored=$(awk -F'\t' -v k="rejected:$b" '$1 == k { sub(/^[^ ]* /, "", $2); print $2 }' \
        "$T/rejected")
    check "$b: the rejection recorded with that reason ('$stored')" test "$stored" = "$daemon"
done
check "on disk: the reason gives the size and the limit" grep -qx \
    'resdexd: warning: on-disk.txt: too large: 136314880 bytes (the limit is 128 MiB)' "$T/once.err"
check "text: the reason gives the size and the limit" grep -qx \
    'resdexd: warning: text.txt: too large: 73400320 bytes of text (the limit is 64 MiB)' \
    "$T/once.err"
check "dangling: the reason says broken link" grep -qx \
    'resdexd: warning: dangling.txt: broken symbolic link' "$T/once.err"
check "fifo: the reason says FIFO" grep -qx \
    'resdexd: warning: fifo.txt: a FIFO, not a regular file' "$T/once.err"
finish
