#!/bin/sh
# Hostile files beside good ones, end to end through resdexd: random bytes,
# invalid UTF-8 of every kind, an empty file, a 50 MB single line, truncated
# and corrupt gzip, a gzip bomb, 200,000 footnote markers in a paragraph, a
# symbolic link loop, a FIFO, 300 nested folders. --once indexes the good
# files, names each bad one in a warning (and records it), exits 1, and
# never blocks; in watch mode the daemon stays up through the same files,
# and through files that vanish or change while they are read. resdex parse
# says the same.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/daemon/daemon-lib.sh"
. "$top_srcdir/tests/hostile/hostile-lib.sh"

check "reference index of the samples" reference
make_corpus "$T/c"
c=$T/c
head -c 65536 /dev/urandom >"$c/random.txt"
# Random bytes without NUL: must still be refused (as binary or bad UTF-8).
head -c 65536 /dev/urandom | tr -d '\000' >"$c/random-nonul.txt"
{ head -c 700 "$SAMPLES/cnd-55-12.txt"; printf 'over\300\257long\n'; } >"$c/overlong.txt"
{ head -c 700 "$SAMPLES/cnd-55-12.txt"; printf 'surrogate \355\240\200\n'; } >"$c/surrogate.txt"
{ head -c 700 "$SAMPLES/cnd-55-12.txt"; printf 'cut \342\202'; } >"$c/cut-at-end.txt"
{ head -c 700 "$SAMPLES/cnd-55-12.txt"; printf 'latin-1 r\351solution\n'; } >"$c/latin1.txt"
printf '\377\376R\000e\000s\000' >"$c/utf16.txt"
: >"$c/empty.txt"
printf '\n \n\t\n' >"$c/blank.txt"
# A 50 MB single line (within the 64 MiB input limit, over the line limit).
{ printf 'Resolution 1/1. One line\n\n1. Decides '; head -c 52428800 /dev/zero | tr '\000' 'a'; } \
    >"$c/one-line.txt"
gzip -c -n "$SAMPLES/ecosoc-2017-19.txt" >"$T/good.gz"
head -c 1500 "$T/good.gz" >"$c/truncated.txt.gz"
cp "$T/good.gz" "$c/corrupt.gz"
printf 'XXXXXXXX' | dd of="$c/corrupt.gz" bs=1 seek=400 conv=notrunc 2>/dev/null
# Gzip bomb: 200 MB of text in about 200 kB.
head -c 209715200 /dev/zero | tr '\000' 'a' | gzip -1 -c >"$c/bomb.txt.gz"
# 100,000 numbered paragraphs: past 999 a number is not a paragraph's, the
# lines join one paragraph over the 1 MiB limit, and the reason says why.
{ printf 'Resolution 1/1. Many paragraphs\n\n'
  awk 'BEGIN { for (i = 1; i <= 100000; i++) printf "%d. Decides;\n", i }'; } >"$c/numbered.txt"
gen_footnotes "$c/footnotes-same.txt" same
gen_footnotes "$c/footnotes-distinct.txt" distinct
ln -s loop-b "$c/loop-a.txt"
ln -s loop-a.txt "$c/loop-b"
ln -s . "$c/self"
mkfifo "$c/fifo.txt"
# 300 nested folders.
p=$c/deep
i=0
while [ $i -lt 300 ]; do p=$p/d; i=$((i + 1)); done
mkdir -p "$p" && cp "$SAMPLES/cnd-55-12.txt" "$p/deep.txt"
# A good gzip file and a good file beside them are indexed.
cp "$T/good.gz" "$c/good-copy.txt.gz"

# A file rewritten over and over, and removed, while --once reads the
# corpus.
(
    while [ ! -e "$T/stop" ]; do
        cp "$SAMPLES/ecosoc-2021-23.txt" "$c/rewritten.txt"
        head -c 2000 /dev/urandom >"$c/rewritten.txt"
        : >"$c/rewritten.txt"
        rm -f "$c/rewritten.txt"
    done
) &
writer=$!

t0=$(now_ms)
expect_status 1 "--once with hostile files exits 1" timeout 120 "$RESDEXD" --once --db "$T/db" \
    --corpus "$c"
echo "--once over the hostile corpus: $(($(now_ms) - t0)) ms"
: >"$T/stop"
wait "$writer"
cp "$T/err" "$T/once1.err"
cp "$SAMPLES/ecosoc-2021-23.txt" "$c/rewritten.txt"
expect_status 1 "--once again once the rewriting stopped" timeout 120 "$RESDEXD" --once \
    --db "$T/db" --corpus "$c"
check "the file rewritten while read ends as its last content" \
    same_as rewritten.txt ecosoc-2021-23.txt
check "and its rejection, if any, is forgotten" sh -c \
    "! \"$INDEX_DUMP\" \"$T/db\" | grep -q '^rejected:rewritten.txt'"
cp "$T/once1.err" "$T/err"
check "good samples indexed" samples_indexed
check "good gzip copy indexed" same_as good-copy.txt.gz ecosoc-2017-19.txt
check "random bytes rejected as binary" rejected random.txt 'binary'
check "random bytes without NUL rejected" rejected random-nonul.txt '(binary|invalid UTF-8)'
check "overlong UTF-8 rejected, line named" rejected overlong.txt '[0-9]+: invalid UTF-8'
check "surrogate rejected" rejected surrogate.txt 'invalid UTF-8'
check "sequence cut at the end rejected" rejected cut-at-end.txt 'invalid UTF-8'
check "Latin-1 rejected" rejected latin1.txt 'invalid UTF-8'
check "UTF-16 rejected" rejected utf16.txt '(binary|invalid UTF-8)'
check "empty file rejected" rejected empty.txt 'empty'
check "blank file rejected" rejected blank.txt 'empty'
check "50 MB line rejected" rejected one-line.txt 'line longer than'
check "truncated gzip rejected" rejected truncated.txt.gz 'truncated'
check "corrupt gzip rejected" rejected corrupt.gz '(corrupt|truncated)'
check "gzip bomb rejected" rejected bomb.txt.gz 'exceeds the limit'
check "200,000 distinct footnotes rejected" rejected footnotes-distinct.txt \
    '(too large|paragraph longer than)'
check "100,000 numbered lines: the reason names the 3-digit paragraph numbers" rejected numbered.txt \
    'paragraph longer than 1048576 bytes \(lines 1001 to [0-9]+\): from line 1002 on, lines numbered over 999 continue it, since a paragraph number has at most 3 digits'
check "symbolic link loop rejected" rejected loop-a.txt 'symbolic link loop'
check "FIFO rejected" rejected fifo.txt 'FIFO'
check "300 nested folders: a warning, not a crash" grep -q 'folders nested too deep' "$T/err"
check "link to its own folder not followed" sh -c "! \"$INDEX_DUMP\" \"$T/db\" | grep -q '^file:self/'"
# 200,000 times the same marker: valid, indexed, the mark kept once.
check "200,000 markers of one footnote indexed" has_meta file:footnotes-same.txt
"$RESDEX" parse --json "$c/footnotes-same.txt" >"$T/fs.json" 2>"$T/fs.err"
check "200,000 markers: the paragraph carries mark 1 once" \
    grep -q '"footnotes":\["1"\]' "$T/fs.json"

# resdex parse says the same, with exit 2 and the file named, never a signal.
parse_refuses "$c" random.txt overlong.txt empty.txt one-line.txt truncated.txt.gz bomb.txt.gz \
    footnotes-distinct.txt fifo.txt loop-a.txt

# Watch mode: the daemon starts on the hostile corpus, stays up, and keeps
# indexing; files that vanish or change while being read do no harm.
rm -rf "$T/db"
start_daemon || { finish; exit 1; }
check "watch: started despite the hostile files" daemon_alive
head -c 65536 /dev/urandom >"$c/random2.txt"
cp "$c/truncated.txt.gz" "$c/truncated2.txt.gz"
mkfifo "$c/fifo2.txt"
check "watch: new bad files rejected" wait_until 20 sh -c \
    "\"$INDEX_DUMP\" \"$T/db\" | grep -q '^rejected:random2.txt' &&
     \"$INDEX_DUMP\" \"$T/db\" | grep -q '^rejected:truncated2.txt.gz' &&
     \"$INDEX_DUMP\" \"$T/db\" | grep -q '^rejected:fifo2.txt'"
# Vanishing: files created and removed at once, many times.
i=0
while [ $i -lt 40 ]; do
    cp "$SAMPLES/cnd-55-12.txt" "$c/gone-$i.txt"
    rm -f "$c/gone-$i.txt"
    i=$((i + 1))
done
# Changing while read: one file rewritten over and over, good and bad in
# turn, ending good.
i=0
while [ $i -lt 30 ]; do
    cp "$SAMPLES/ecosoc-2021-23.txt" "$c/changing.txt"
    head -c 3000 /dev/urandom >"$c/changing.txt"
    cp "$SAMPLES/E-2017-30-chapter-I.txt" "$c/changing.txt"
    i=$((i + 1))
done
cp "$SAMPLES/ecosoc-2023-24.txt" "$c/changing.txt"
cp "$SAMPLES/cnd-55-12.txt" "$c/last.txt"
check "watch: still indexing after the storm" wait_until 30 same_as last.txt cnd-55-12.txt
check "watch: the changing file ends as its last content" wait_until 30 \
    same_as changing.txt ecosoc-2023-24.txt
check "watch: no trace of the vanished files" wait_until 10 sh -c \
    "! \"$INDEX_DUMP\" \"$T/db\" | grep -q 'gone-'"
check "watch: daemon alive" daemon_alive
check "watch: no sanitizer report in the log" sh -c "! grep -q 'Sanitizer' \"$T/d.log\""
stop_daemon
finish
