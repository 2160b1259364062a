#!/bin/sh
# One resolution per symbol and language: ECOSOC resolution 2021/23 in two
# files (the sample's text, corpus/ecosoc-2021-23.txt, and the UN's AKN4UN
# XML) is searched and shown once, from the XML; the text's copy comes back
# when the XML goes. A fresh build, one file added after the other, and a
# build in parts end with the same index. Between two copies of one format
# the newer file is searched, then the path first in byte order.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/daemon/daemon-lib.sh"
unset RESDEX_KEEP_COPIES

TXT=ecosoc-2021-23.txt
AKN=akn/E_RES_2021_23-2110318E.xml.gz
put_akn() { mkdir -p "$1/akn" && cp "$UN_CORPUS/ecosoc/2021/English/E_RES_2021_23-2110318E.xml.gz" "$1/akn/"; }
# operative DB SYMBOL: how many operative lines `show` prints (a number, two
# spaces, the text).
operative() { "$RESDEX" --db "$1" show "$2" | grep -c '^ *[0-9][0-9]*  '; }
# from DB SYMBOL: the file show names.
from() { "$RESDEX" --db "$1" show "$2" | sed -n 's/.* from \(.*\)$/\1/p' | head -n 1; }
shadowed_json() { "$RESDEX" --db "$1" stats --json | sed 's/.*"shadowed":\(\[[^]]*\]\).*/\1/'; }

# A fresh build of both.
mkdir -p "$T/c"
cp "$top_srcdir/corpus/$TXT" "$T/c/"
put_akn "$T/c"
expect_status 0 "fresh: built" "$RESDEXD" --jobs 1 --once --db "$T/db" --corpus "$T/c"
check "fresh: the draft 2021/23 carries has its 15 operative paragraphs once" \
    test "$(operative "$T/db" E/RES/2021/23/DR)" -eq 15
check "fresh: ECOSOC's own text, its operative 1 once" test "$(operative "$T/db" E/RES/2021/23)" -eq 1
check "fresh: shown from the AKN XML" test "$(from "$T/db" E/RES/2021/23/DR)" = "$AKN"
check "fresh: the log names both files" \
    grep -qF "warning: E/RES/2021/23/DR (en) is in two files: searching $AKN, not $TXT" "$T/err"
check "fresh: the summary counts the copies shadowed" grep -q ', 2 shadowed (' "$T/err"
"$RESDEX" --db "$T/db" search --json --all --no-fold --limit 100 '"coronavirus disease"' >"$T/hits"
check "fresh: no hit from the text's copy" sh -c "test -s '$T/hits' && ! grep -q '\"source\":\"$TXT\"' '$T/hits'"
check "fresh: stats --json lists the shadowed copies" test "$(shadowed_json "$T/db")" = \
    "[{\"symbol\":\"E/RES/2021/23/DR\",\"lang\":\"en\",\"file\":\"$TXT\",\"kept\":\"$AKN\"},{\"symbol\":\"E/RES/2021/23\",\"lang\":\"en\",\"file\":\"$TXT\",\"kept\":\"$AKN\"}]"
check "fresh: two resolutions (2021/23 and its draft), each counted once" \
    sh -c "'$RESDEX' --db '$T/db' stats --json | grep -q '\"resolutions\":2,'"
"$RESDEX" --db "$T/db" stats >"$T/stats"
check "fresh: stats says so" grep -qF "E/RES/2021/23/DR (en)  $TXT (searched in $AKN)" "$T/stats"
dump "$T/db" | grep -v '^resdex:' >"$T/fresh.dump"

# The text first, the XML added to the index afterwards.
mkdir -p "$T/i"
cp -p "$T/c/$TXT" "$T/i/"
expect_status 0 "incremental: the text alone" "$RESDEXD" --jobs 1 --once --db "$T/idb" --corpus "$T/i"
check "incremental: the text's 15 paragraphs" test "$(operative "$T/idb" E/RES/2021/23/DR)" -eq 15
check "incremental: shown from the text" test "$(from "$T/idb" E/RES/2021/23/DR)" = "$TXT"
cp -pr "$T/c/akn" "$T/i/"
expect_status 0 "incremental: the XML added" "$RESDEXD" --once --db "$T/idb" --corpus "$T/i"
check "incremental: still 15, not 30" test "$(operative "$T/idb" E/RES/2021/23/DR)" -eq 15
check "incremental: shown from the XML now" test "$(from "$T/idb" E/RES/2021/23/DR)" = "$AKN"
dump "$T/idb" | grep -v '^resdex:' >"$T/inc.dump"
check "incremental: the same index as the fresh build" cmp -s "$T/fresh.dump" "$T/inc.dump"

# The XML goes: the text's copy is searched again; and comes back.
rm -r "$T/i/akn"
expect_status 0 "winner gone: reconciled" "$RESDEXD" --once --db "$T/idb" --corpus "$T/i"
check "winner gone: the log says the text is searched again" \
    grep -qF "info: E/RES/2021/23/DR (en): searching $TXT again" "$T/err"
check "winner gone: the text's 15 paragraphs" test "$(operative "$T/idb" E/RES/2021/23/DR)" -eq 15
check "winner gone: shown from the text" test "$(from "$T/idb" E/RES/2021/23/DR)" = "$TXT"
check "winner gone: nothing shadowed" test "$(shadowed_json "$T/idb")" = "[]"
expect_status 0 "a fresh build of the text alone" "$RESDEXD" --jobs 1 --once --db "$T/tdb" --corpus "$T/i"
dump "$T/idb" | grep -v '^resdex:' >"$T/a"
dump "$T/tdb" | grep -v '^resdex:' >"$T/b"
check "winner gone: the index a fresh build of the text gives" cmp -s "$T/a" "$T/b"

# A watching resdexd: the XML copied in, then removed.
cp -r "$T/c/akn" "$T/i/"
: >"$T/d.log"
"$RESDEXD" --verbose --db "$T/idb" --corpus "$T/i" 2>>"$T/d.log" &
DPID=$!
check "watching: the copy added is shadowed" wait_until 60 grep -qF "searching $AKN, not $TXT" "$T/d.log"
# (The log line comes before its commit: the index is polled.)
check "watching: shown from the XML" wait_until 60 sh -c "test \"\$('$RESDEX' --db '$T/idb' show E/RES/2021/23/DR | sed -n 's/.* from //p' | head -n 1)\" = '$AKN'"
check "watching: 15 paragraphs" test "$(operative "$T/idb" E/RES/2021/23/DR)" -eq 15
rm -r "$T/i/akn"
check "watching: the text comes back" wait_until 60 grep -qF "searching $TXT again" "$T/d.log"
check "watching: shown from the text" wait_until 60 sh -c "test \"\$('$RESDEX' --db '$T/idb' show E/RES/2021/23/DR | sed -n 's/.* from //p' | head -n 1)\" = '$TXT'"
check "watching: 15 paragraphs from the text" test "$(operative "$T/idb" E/RES/2021/23/DR)" -eq 15
stop_daemon

# A build in parts (bulk.c: 64 files or more, on two threads) ends with the
# index one writer gives when the XML comes after the rest.
mkdir -p "$T/p"
cp -p "$top_srcdir"/corpus/*.txt "$T/p/"
cp -pr "$UN_CORPUS/ecosoc" "$T/p/"
expect_status 0 "parts: built on two threads" \
    "$RESDEXD" --jobs 2 --verbose --once --db "$T/pdb" --corpus "$T/p"
check "parts: built in parts and merged" grep -q 'debug: merged [0-9]* parts' "$T/err"
check "parts: 15 paragraphs" test "$(operative "$T/pdb" E/RES/2021/23/DR)" -eq 15
mkdir -p "$T/p2"
cp -p "$top_srcdir"/corpus/*.txt "$T/p2/"
expect_status 0 "one writer: the texts first" "$RESDEXD" --jobs 1 --once --db "$T/p2db" --corpus "$T/p2"
cp -pr "$T/p/ecosoc" "$T/p2/"
expect_status 0 "one writer: then the XML" "$RESDEXD" --jobs 1 --once --db "$T/p2db" --corpus "$T/p2"
dump "$T/pdb" | grep -v '^resdex:' >"$T/a"
dump "$T/p2db" | grep -v '^resdex:' >"$T/p.dump"
check "parts: the same index as one writer adding the XML later" cmp -s "$T/a" "$T/p.dump"
check "parts: the same shadowed copies" test "$(shadowed_json "$T/pdb")" = "$(shadowed_json "$T/p2db")"

# Two copies of one format: the newer file, then the path.
mkdir -p "$T/n/x" "$T/n/y"
cp "$top_srcdir/corpus/$TXT" "$T/n/x/"
cp "$top_srcdir/corpus/$TXT" "$T/n/y/"
touch -d '2020-01-01 00:00' "$T/n/x/$TXT"
touch -d '2021-01-01 00:00' "$T/n/y/$TXT"
expect_status 0 "newer: built" "$RESDEXD" --jobs 1 --once --db "$T/ndb" --corpus "$T/n"
check "newer: the newer file is searched" test "$(from "$T/ndb" E/RES/2021/23/DR)" = "y/$TXT"
touch -d '2021-01-01 00:00' "$T/n/x/$TXT"
expect_status 0 "same time: x touched" "$RESDEXD" --once --db "$T/ndb" --corpus "$T/n"
check "same time: the path first in byte order" test "$(from "$T/ndb" E/RES/2021/23/DR)" = "x/$TXT"
check "same time: still 15" test "$(operative "$T/ndb" E/RES/2021/23/DR)" -eq 15
touch -d '2022-01-01 00:00' "$T/n/y/$TXT"
expect_status 0 "newer: y touched" "$RESDEXD" --once --db "$T/ndb" --corpus "$T/n"
check "newer: touched, y is the newer one again" test "$(from "$T/ndb" E/RES/2021/23/DR)" = "y/$TXT"

# The tests' opt-out: every copy searched.
expect_status 0 "RESDEX_KEEP_COPIES=1: built" env RESDEX_KEEP_COPIES=1 \
    "$RESDEXD" --jobs 1 --once --db "$T/kdb" --corpus "$T/c"
check "RESDEX_KEEP_COPIES=1: both copies shown" test "$(operative "$T/kdb" E/RES/2021/23/DR)" -eq 30
check "RESDEX_KEEP_COPIES=1: nothing shadowed" test "$(shadowed_json "$T/kdb")" = "[]"
finish
