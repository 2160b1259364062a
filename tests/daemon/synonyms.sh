#!/bin/sh
# The synonyms a file teaches leave the index with the file: 80/227 and 80/9
# (AKN4UN, shipped corpus) each write "the International Criminal Police
# Organization (INTERPOL)"; a short resolution of ours says INTERPOL only.
# While one of the two is indexed, the name in full finds ours; once both
# are gone, or changed so that they no longer say it, it does not.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/daemon/daemon-lib.sh"

GA80="$UN_CORPUS/ga/80session/English"
mkdir -p "$T/c"
printf 'Resolution 2030/1. Cooperation with police organizations\n\nRecalling its earlier resolutions,\n\n1. Requests INTERPOL to report to the Commission at its next session;\n' >"$T/c/ours.txt"
cp "$GA80"/A_RES_80_227-*E.xml.gz "$GA80"/A_RES_80_9-*E.xml.gz "$T/c/"
chmod u+w "$T"/c/*
NAME='"International Criminal Police Organization"'
# finds_ours: the name in full finds our paragraph, which says INTERPOL only.
finds_ours() { "$RESDEX" --db "$T/db" search --no-fold --limit 1000 "$NAME" | grep -q '^[0-9]*\. E/RES/2030/1#1 '; }
reconcile() { "$RESDEXD" --once --quiet --db "$T/db" --corpus "$T/c"; }

expect_status 0 "built" reconcile
check "taught by 80/227 and 80/9: the name finds ours" finds_ours
expect_status 0 "INTERPOL" "$RESDEX" --db "$T/db" search --no-fold --limit 1000 INTERPOL
check "and INTERPOL finds ours" grep -q '^[0-9]*\. E/RES/2030/1#1 ' "$T/out"

rm "$T"/c/A_RES_80_227-*
expect_status 0 "80/227 removed" reconcile
check "80/9 still teaches it: the name finds ours" finds_ours

rm "$T"/c/A_RES_80_9-*
expect_status 0 "80/9 removed" reconcile
check "no file teaches it now: the name does not find ours" eval '! finds_ours'

cp "$GA80"/A_RES_80_9-*E.xml.gz "$T/c/"
chmod u+w "$T"/c/*
expect_status 0 "80/9 back" reconcile
check "80/9 back: the name finds ours again" finds_ours
# The same name, another content: the text of CND resolution 55/12.
f=$(ls "$T"/c/A_RES_80_9-*)
zcat "$f" >/dev/null && cp "$top_srcdir/corpus/cnd-55-12.txt" "$f.txt" && rm "$f" && gzip -c "$f.txt" >"$f" && rm "$f.txt"
expect_status 0 "80/9's file changed" reconcile
check "changed, it no longer teaches it: the name does not find ours" eval '! finds_ours'
finish
