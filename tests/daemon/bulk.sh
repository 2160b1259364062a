#!/bin/sh
# A new index built in parts on several threads (indexer/bulk.c) is the
# index one writer builds: the same paragraphs, file states and rejections,
# and the same answers in the same order (ties between equal paragraphs are
# broken by the order they were added in). Its scratch folder is cleared,
# a stale one from a crash is removed, a folder that is not resdexd's is
# left alone; a stop during the build keeps whole files, and a restart
# completes it. A zip archive's members are shared out between the threads,
# and the index is the one one writer builds member by member.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/daemon/daemon-lib.sh"

# 300 files (make_big), and one that does not parse.
make_big "$T/big"
printf 'Nothing here looks like a resolution.\n' >"$T/big/d3/notes.txt"

expect_status 1 "one writer: built, one file rejected" \
    "$RESDEXD" --jobs 1 --verbose --once --db "$T/one" --corpus "$T/big"
check "one writer: no parts" sh -c "! grep -q 'merged' '$T/err'"
dump "$T/one" >"$T/one.dump"
check "one writer: 300 file states" test "$(grep -c '^file:' "$T/one.dump")" -eq 300

for jobs in 2 3; do
    expect_status 1 "$jobs threads: built, one file rejected" \
        "$RESDEXD" --jobs $jobs --verbose --once --db "$T/j$jobs" --corpus "$T/big"
    check "$jobs threads: built in parts and merged" grep -q 'debug: merged [0-9]* parts' "$T/err"
    check "$jobs threads: the log counts what one writer counts" \
        grep -q '301 files: 300 indexed, 0 moved, 0 touched, 0 removed, 1 rejected' "$T/err"
    check "$jobs threads: every file logged as indexed" \
        test "$(grep -c '^resdexd: debug: indexed ' "$T/err")" -eq 300
    dump "$T/j$jobs" >"$T/j.dump"
    check "$jobs threads: the same index as one writer's (paragraphs, states, rejection)" \
        cmp -s "$T/one.dump" "$T/j.dump"
    check "$jobs threads: the scratch folder is gone" test ! -e "$T/j$jobs.build"
    for q in 'prison' 'technical assistance' '"United Nations"' 'kind:preambular recalling'; do
        "$RESDEX" --db "$T/one" search --json --all --limit 1000 "$q" >"$T/a.json"
        "$RESDEX" --db "$T/j$jobs" search --json --all --limit 1000 "$q" >"$T/b.json"
        check "$jobs threads: '$q' gives the same hits in the same order" \
            sh -c "test -s '$T/a.json' && cmp -s '$T/a.json' '$T/b.json'"
    done
done

# A later change goes into the merged index the usual way.
cp "$(ls "$SAMPLES"/*.txt | head -n 1)" "$T/big/d0/late.txt"
expect_status 1 "merged index: a new file is added" \
    "$RESDEXD" --jobs 2 --verbose --once --db "$T/j2" --corpus "$T/big"
check "merged index: the reconcile saw one new file, no parts" \
    sh -c "grep -q '1 indexed' '$T/err' && ! grep -q merged '$T/err'"
check "merged index: the new file is there" sh -c "'$INDEX_DUMP' '$T/j2' | grep -q '^file:d0/late.txt'"
rm "$T/big/d0/late.txt"

# A crash left parts behind: the next cold build clears them.
mkdir -p "$T/stale.build/part-000" "$T/stale.build/merged"
echo junk >"$T/stale.build/part-000/junk"
expect_status 1 "stale scratch: built" "$RESDEXD" --jobs 2 --verbose --once --db "$T/stale" --corpus "$T/big"
check "stale scratch: built in parts" grep -q 'debug: merged' "$T/err"
check "stale scratch: cleared" test ! -e "$T/stale.build"
check "stale scratch: the same index" sh -c "'$INDEX_DUMP' '$T/stale' | cmp -s - '$T/one.dump'"

# A folder of that name that resdexd did not make: untouched, one writer.
mkdir -p "$T/mine.build"
echo "keep me" >"$T/mine.build/notes"
expect_status 1 "foreign scratch: built" "$RESDEXD" --jobs 2 --verbose --once --db "$T/mine" --corpus "$T/big"
check "foreign scratch: warned" grep -q "mine.build holds files resdexd did not put there" "$T/err"
check "foreign scratch: left alone" grep -qx "keep me" "$T/mine.build/notes"
check "foreign scratch: the same index" sh -c "'$INDEX_DUMP' '$T/mine' | cmp -s - '$T/one.dump'"

# --jobs takes a number from 1 to 64.
expect_status 2 "--jobs 0 refused" "$RESDEXD" --jobs 0 --once --db "$T/x" --corpus "$T/big"
check "--jobs 0: says why" grep -q -- "--jobs wants a number" "$T/err"
expect_status 2 "--jobs x refused" "$RESDEXD" --jobs x --once --db "$T/x" --corpus "$T/big"

# SIGTERM during the build: what the threads finished is merged (whole
# files, each with its state), and a restart completes the index.
"$RESDEXD" --jobs 2 --verbose --db "$T/stop" --corpus "$T/big" --once 2>"$T/d.log" &
DPID=$!
wait_until 30 grep -q 'committed 10 files in part' "$T/d.log"
if kill -TERM "$DPID" 2>/dev/null; then
    wait "$DPID"
    st=$?
    check "stopped: exit 0 (exit $st)" test "$st" -eq 0
    check "stopped: said so" grep -q 'interrupted reconciling' "$T/d.log"
    dump "$T/stop" >"$T/stop.dump"
    n=$(grep -c '^file:' "$T/stop.dump")
    echo "stopped after $n files"
    check "stopped: some files indexed" test "$n" -gt 0
    # Each file with a state has exactly its paragraphs from the full build.
    grep '^file:' "$T/stop.dump" | cut -f1 | sed 's/^file://' >"$T/stop.files"
    grep -vE '^(count|file:|rejected:|resdex:)' "$T/one.dump" |
        awk -F'\t' 'NR == FNR { f[$1] = 1; next } $1 in f' "$T/stop.files" - >"$T/want"
    grep -vE '^(count|file:|rejected:|resdex:)' "$T/stop.dump" >"$T/got"
    check "stopped: whole files only" cmp -s "$T/want" "$T/got"
    check "stopped: the scratch folder is gone" test ! -e "$T/stop.build"
else
    wait "$DPID"
    echo "note: resdexd had already finished (machine too fast)"
fi
DPID=
expect_status 1 "stopped: restart" "$RESDEXD" --jobs 2 --once --db "$T/stop" --corpus "$T/big"
check "stopped: restart completes the index" sh -c "'$INDEX_DUMP' '$T/stop' | cmp -s - '$T/one.dump'"
# Zip archives, one per language as the GA ships them: their members are
# shared out between the threads in slices, and the index is the one one
# writer builds member by member (the same paragraphs, each member's state,
# the archive's state, the bad member's warning).
if [ -x /usr/bin/python3 ]; then PY=/usr/bin/python3; else PY=python3; fi
for lang in English French; do
    mkdir -p "$T/zsrc/$lang"
    for f in "$UN_CORPUS"/ga/*session/$lang/*.xml.gz; do
        s=$(basename "$(dirname "$(dirname "$f")")")
        gunzip -c "$f" >"$T/zsrc/$lang/${s}_$(basename "$f" .gz)"
    done
done
printf 'Nothing here looks like a resolution.\n' >"$T/zsrc/English/zz-notes.txt"
mkdir -p "$T/zc/zips" "$T/zc/txt"
$PY - "$T/zsrc" "$T/zc/zips" <<'PYEOF'
import os, sys, zipfile
for lang in sorted(os.listdir(sys.argv[1])):
    with zipfile.ZipFile(os.path.join(sys.argv[2], "ga-%s.zip" % lang), "w",
                         zipfile.ZIP_DEFLATED) as z:
        for f in sorted(os.listdir(os.path.join(sys.argv[1], lang))):
            z.write(os.path.join(sys.argv[1], lang, f), "%s/%s" % (lang, f))
PYEOF
cp "$SAMPLES"/*.txt "$T/zc/txt/"
members=$(cat "$T/zsrc"/*/*.xml | grep -c '<akomaNtoso')
expect_status 0 "zips, one writer: built" \
    "$RESDEXD" --jobs 1 --verbose --once --db "$T/zone" --corpus "$T/zc"
check "zips, one writer: the bad member named" \
    grep -q 'warning: zips/ga-English.zip!English/zz-notes.txt: no resolution' "$T/err"
check "zips, one writer: the pair words learnt from the text files, the archives left out" \
    sh -c "grep -q 'debug: learnt [0-9]* pair words from $(ls "$SAMPLES"/*.txt | wc -l) files' '$T/err' &&
           ! grep -q 'cannot learn' '$T/err'"
dump "$T/zone" >"$T/zone.dump"
"$INDEX_DUMP" --meta "$T/zone" member: >"$T/zone.members"
check "zips, one writer: a state for each of the $members members" \
    test "$(wc -l <"$T/zone.members")" -eq "$members"
for jobs in 2 3; do
    expect_status 0 "zips, $jobs threads: built" \
        "$RESDEXD" --jobs $jobs --verbose --once --db "$T/zj$jobs" --corpus "$T/zc"
    check "zips, $jobs threads: built in parts" grep -q 'debug: merged [0-9]* parts' "$T/err"
    check "zips, $jobs threads: each archive shared out in slices" sh -c \
        "[ \$(grep -cE 'debug: zips/ga-(English|French).zip: [0-9]+ entries shared out in ([2-9]|[1-9][0-9]+) slices' '$T/err') -eq 2 ]"
    check "zips, $jobs threads: the bad member named once" test \
        "$(grep -c 'warning: zips/ga-English.zip!English/zz-notes.txt: no resolution' "$T/err")" -eq 1
    check "zips, $jobs threads: the log counts what one writer counts" \
        grep -q "$(ls "$SAMPLES"/*.txt | wc -l | awk '{ n = $1 + 2; print n " files: " n " indexed, 0 moved" }')" "$T/err"
    dump "$T/zj$jobs" >"$T/zj.dump"
    check "zips, $jobs threads: the same index as one writer's (paragraphs, states)" \
        cmp -s "$T/zone.dump" "$T/zj.dump"
    "$INDEX_DUMP" --meta "$T/zj$jobs" member: >"$T/zj.members"
    check "zips, $jobs threads: the same member states" cmp -s "$T/zone.members" "$T/zj.members"
    "$RESDEX" --db "$T/zone" search --json --all --limit 1000 'human rights' >"$T/a.json"
    "$RESDEX" --db "$T/zj$jobs" search --json --all --limit 1000 'human rights' >"$T/b.json"
    check "zips, $jobs threads: the same hits in the same order" \
        sh -c "test -s '$T/a.json' && cmp -s '$T/a.json' '$T/b.json'"
done
finish
