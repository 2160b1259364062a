#!/bin/sh
# Long paths (issue 22, item 1): a corpus path of any length the file system
# allows is indexed, and never stops the files beside it. File states of up
# to 240 bytes keep their plain key; longer ones a hashed key with the path
# in the value (indexer/filestate.c); source terms the same (lib/index.cc).
# Two long paths that differ only past the cut stay two files. An index
# written by an older resdexd (plain keys up to 253 bytes) is migrated.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/daemon/daemon-lib.sh"

rep() { printf "%$2s" '' | tr ' ' "$1"; }
no_ids() { test -z "$(ids "$1")"; }
check "reference index of the samples" reference
make_corpus "$T/c"
c=$T/c
a246=$(rep a 246)
mkdir -p "$c/sub" "$c/$(rep b 200)/$(rep c 200)"
cp "$SAMPLES/cnd-55-12.txt" "$c/sub/$a246.txt"
# Over 400 bytes, in two folders; two more that share their first 410.
long1="$(rep b 200)/$(rep c 200)/$(rep d 200)-one.txt"
long2="$(rep b 200)/$(rep c 200)/$(rep d 200)-two.txt"
cp "$SAMPLES/ecosoc-2017-19.txt" "$c/$long1"
cp "$SAMPLES/ecosoc-2021-23.txt" "$c/$long2"
# Just under and just over the plain key's 240 bytes.
p235=$(rep e 231).txt
p236=$(rep f 232).txt
cp "$SAMPLES/ecosoc-2023-24.txt" "$c/$p235"
cp "$SAMPLES/ecosoc-2023-24.txt" "$c/$p236"

# Enough files for a parallel build (bulk.c) with --jobs 2.
mkdir -p "$c/more"
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
    for f in "$SAMPLES"/*.txt; do cp "$f" "$c/more/$i-$(basename "$f")"; done
done

for jobs in 1 2; do
    rm -rf "$T/db"
    expect_status 0 "--once --jobs $jobs over long paths: exit 0" \
        "$RESDEXD" --verbose --jobs $jobs --once --db "$T/db" --corpus "$c"
    [ $jobs = 1 ] || check "--jobs 2: built in parts" grep -q 'debug: merged' "$T/err"
    check "--jobs $jobs: no key error" sh -c "! grep -qi 'too long' '$T/err'"
    check "--jobs $jobs: the 250-byte path is indexed" same_as "sub/$a246.txt" cnd-55-12.txt
    check "--jobs $jobs: a 620-byte path is indexed" same_as "$long1" ecosoc-2017-19.txt
    check "--jobs $jobs: its neighbour, the same first 610 bytes, too" same_as "$long2" ecosoc-2021-23.txt
    check "--jobs $jobs: the 235-byte path" same_as "$p235" ecosoc-2023-24.txt
    check "--jobs $jobs: the 236-byte path" same_as "$p236" ecosoc-2023-24.txt
    check "--jobs $jobs: the samples beside them" same_as cnd-55-12.txt cnd-55-12.txt
done
dump >"$T/first.dump"
check "a plain key up to 240 bytes" grep -qF "file:$p235	" "$T/first.dump"
check "a hashed key past 240 bytes" sh -c "! grep -qF 'file:$p236	' '$T/first.dump'"

expect_status 0 "a second pass reads nothing" \
    "$RESDEXD" --verbose --once --db "$T/db" --corpus "$c"
check "a second pass: every long path unchanged" grep -q ' 0 indexed, 0 moved, 0 touched, 0 removed, 0 rejected' "$T/err"

# Removing one of the two look-alikes removes it, not its neighbour.
rm "$c/$long1"
expect_status 0 "one long path removed" "$RESDEXD" --verbose --once --db "$T/db" --corpus "$c"
check "its paragraphs are gone" no_ids "$long1"
check "its file state is gone" test "$(dump | grep -c "^file:$(rep b 200)/")" -eq 1
check "its neighbour stays" same_as "$long2" ecosoc-2021-23.txt

# A long path renamed is found as a move.
mv "$c/$long2" "$c/$long1"
expect_status 0 "a long path renamed" "$RESDEXD" --verbose --once --db "$T/db" --corpus "$c"
check "logged as a move" grep -qF "moved $long2 -> $long1" "$T/err"
check "indexed under its new name" same_as "$long1" ecosoc-2021-23.txt
check "nothing under its old name" no_ids "$long2"

# An index from before: the 236-byte path's state under its plain key (241
# bytes; older resdexd wrote plain keys up to Xapian's 253).
f4=$(rep f 4)
state=$("$INDEX_DUMP" --meta "$T/db" "file:$f4" | cut -f2 | sed 's/^@[0-9]*:f*\.txt//')
key=$("$INDEX_DUMP" --meta "$T/db" "file:$f4" | cut -f1)
check "the long-form state reads back" test -n "$state"
"$INDEX_DUMP" --set-meta "$T/db" "$key" "" && "$INDEX_DUMP" --set-meta "$T/db" "file:$p236" "$state"
check "an old-style key is in place" sh -c "'$INDEX_DUMP' --meta '$T/db' 'file:$f4' | grep -qF 'file:$p236	$state'"
expect_status 0 "an older index: reconciled" "$RESDEXD" --verbose --once --db "$T/db" --corpus "$c"
check "the old key is moved, the file not read again" \
    sh -c "grep -q '1 long file keys moved' '$T/err' && grep -q ' 0 indexed, 0 moved, 0 touched' '$T/err'"
check "one state for it, in the long form" \
    test "$("$INDEX_DUMP" --meta "$T/db" "file:$f4" | grep -c "	@236:$p236")" -eq 1
rm "$c/$p236"
expect_status 0 "the migrated file removed" "$RESDEXD" --verbose --once --db "$T/db" --corpus "$c"
check "no state left for it" test -z "$("$INDEX_DUMP" --meta "$T/db" "file:$f4")"
check "no paragraphs left for it" no_ids "$p236"

# Watching: a long path appears, changes and goes; the daemon stays up.
start_daemon
cp "$SAMPLES/cnd-55-12.txt" "$c/sub/$a246.txt"
check "watch: a new long path is indexed" wait_until 20 same_as "sub/$a246.txt" cnd-55-12.txt
mkdir -p "$c/$(rep g 250)"
cp "$SAMPLES/ecosoc-2017-19.txt" "$c/$(rep g 250)/$(rep h 250).txt"
check "watch: a 505-byte path in a new folder is indexed" \
    wait_until 20 same_as "$(rep g 250)/$(rep h 250).txt" ecosoc-2017-19.txt
rm "$c/sub/$a246.txt"
check "watch: a long path removed" wait_until 20 no_ids "sub/$a246.txt"
check "watch: the daemon is up" daemon_alive
check "watch: no error logged" sh -c "! grep -q 'error' '$T/d.log'"
stop_daemon
finish
