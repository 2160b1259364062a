#!/bin/sh
# Word pairs (lib/pairs.cc, lib/search.cc): a new index carries a term for
# every two adjacent words of a paragraph that are both among its pair
# words; resdexd learns those from a sample of the corpus (indexer/pairs.c:
# resdex:pairs 3 and the list in resdex:pair-words; 2 is the built-in list
# of lib/common-words.h, 1 every pair). The phrase boost then finds the
# paragraphs with the phrase through the pairs. The results must be those of
# the same index searched without them (the marker removed): same hits,
# scores and totals, byte for byte.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/query/query-lib.sh"
INDEX_DUMP="$top_builddir/tests/index_dump"

check "a new index says it has its own pair words" \
    is "$("$INDEX_DUMP" --meta "$T/db" resdex:pairs)" "$(printf 'resdex:pairs\t3')"
# Five operative paragraphs. On the words alone the short ones rank first
# (3, 1, 5: "prevention of crime", "prevention crime"); the phrase "crime
# prevention" is in 2, and in 4 across a full stop (positions are adjacent:
# Xapian's phrase matches there, so the pair must be there too). With
# --limit 1 the boosted paragraph is found only through the pairs query:
# a pair missing, in the wrong order or at the wrong positions loses it.
mkdir -p "$T/pc"
cat >"$T/pc/pairs.txt" <<'DOC'
Resolution adopted by the Economic and Social Council on 25 July 2024

2024/99. Word pairs test

The Economic and Social Council,

Recalling its earlier work,

1. Urges prevention of crime;

2. Calls for crime prevention in the long list of national plans, programmes, strategies, policies, budgets, reports and reviews of all kinds;

3. Invites prevention of crime and of crime;

4. Encourages work against crime. Prevention, as in the long list of national plans, programmes, strategies, policies, budgets, reports and reviews of all kinds;

5. Requests data on prevention crime;
DOC
build_index "$T/pc" "$T/pdb"
P=E/RES/2024/99
expect_status 0 "words alone" "$RESDEX" --db "$T/pdb" search --json 'crime AND prevention'
check "words alone: 3 1 5 2 4" is "$(json_ids)" "$(lines $P#3 $P#1 $P#5 $P#2 $P#4)"
expect_status 0 "phrase boost" "$RESDEX" --db "$T/pdb" search --json crime prevention
check "phrase boost: 2 4 (the phrase) before 3 1 5" is "$(json_ids)" "$(lines $P#2 $P#4 $P#3 $P#1 $P#5)"
expect_status 0 "phrase boost, first hit" "$RESDEX" --db "$T/pdb" search --json --limit 1 crime prevention
check "phrase boost, --limit 1: 2" is "$(json_ids)" "$P#2"
expect_status 0 "phrase boost, second hit" "$RESDEX" --db "$T/pdb" search --json --limit 1 --offset 1 crime prevention
check "phrase boost, --offset 1 --limit 1: 4 (the phrase across a full stop)" is "$(json_ids)" "$P#4"
expect_status 0 "the other order" "$RESDEX" --db "$T/pdb" search --json --limit 1 prevention crime
check "prevention crime, --limit 1: 5" is "$(json_ids)" "$P#5"

# The same searches on copies of both indexes without the marker (as an
# index built before pairs): every output byte for byte the same.
same_without_pairs() {
    db=$1
    shift
    rm -rf "$T/nopairs" && cp -R "$db" "$T/nopairs" &&
        "$INDEX_DUMP" --set-meta "$T/nopairs" resdex:pairs "" || return 1
    [ -z "$("$INDEX_DUMP" --meta "$T/nopairs" resdex:pairs)" ] || { echo "  marker still there" >&2; return 1; }
    for opts in "--json" "--json --all" "--json --all --limit 3 --offset 2" "--json --limit 1"; do
        # shellcheck disable=SC2086 # opts: several options
        "$RESDEX" --db "$db" search $opts --batch <"$T/queries" >"$T/with" 2>&1
        # shellcheck disable=SC2086
        "$RESDEX" --db "$T/nopairs" search $opts --batch <"$T/queries" >"$T/without" 2>&1
        cmp -s "$T/with" "$T/without" || { echo "  search $opts: outputs differ" >&2; diff "$T/with" "$T/without" | head -n 10 >&2; return 1; }
        [ -s "$T/with" ] || { echo "  search $opts: no output" >&2; return 1; }
    done
}
lines 'crime prevention' 'prevention crime' 'prevention of crime' 'crime AND prevention' \
    'work against crime' 'reports and reviews' >"$T/queries"
check "pairs index: the same results without the pairs" same_without_pairs "$T/pdb"
lines 'alternatives to imprisonment' 'alternatives imprisonment' 'crime prevention' \
    'criminal justice' 'such as in relation to health' 'prison visits' 'member states' \
    'rehabilitation and reintegration' 'social reintegration' 'the gravity of the offences' \
    'drug-dependence treatment' 'justice crime' '"criminal justice"' 'criminal justice symbol:2017/19' \
    'united nations office on drugs and crime' >"$T/queries"
check "samples: the same results without the pairs" same_without_pairs "$T/db"

# The pair words are the corpus's own: "zorblat", in no list of UN words,
# is in a paragraph of each of 71 files, so its pairs are written and the
# phrase is found through them. As above, --limit 1 finds the one paragraph
# with the phrase only through its pair: built by one writer, and in parts
# (71 files: bulk.c), each part writing the words the index learnt.
mkdir -p "$T/zc"
i=100
while [ $i -lt 170 ]; do
    cat >"$T/zc/z$i.txt" <<DOC
Resolution adopted by the Economic and Social Council on 25 July 2024

2024/$i. Zorblat work

The Economic and Social Council,

Recalling its earlier work,

1. Urges zorblat work for prevention;

2. Requests reports on the work done;
DOC
    i=$((i + 1))
done
cat >"$T/zc/z200.txt" <<'DOC'
Resolution adopted by the Economic and Social Council on 25 July 2024

2024/200. Zorblat work

The Economic and Social Council,

Recalling its earlier work,

1. Calls for zorblat prevention in the long list of national plans, programmes, strategies, policies, budgets, reports and reviews of all kinds;

2. Notes a quuxly done work;
DOC
lines 'zorblat prevention' 'prevention zorblat' '"zorblat prevention"' 'zorblat work' \
    'quuxly done' 'work done' 'zorblat AND prevention' >"$T/queries"
for jobs in 1 2; do
    expect_status 0 "zorblat corpus, --jobs $jobs: built" \
        "$RESDEXD" --once --verbose --jobs $jobs --db "$T/z$jobs" --corpus "$T/zc"
    if [ $jobs = 2 ]; then
        check "zorblat corpus, --jobs 2: built in parts" grep -q 'debug: merged [0-9]* parts' "$T/err"
    fi
    check "zorblat corpus, --jobs $jobs: learnt from the files" \
        grep -q 'debug: learnt [0-9]* pair words from 71 files' "$T/err"
    check "zorblat corpus, --jobs $jobs: its own pair words" \
        is "$("$INDEX_DUMP" --meta "$T/z$jobs" resdex:pairs)" "$(printf 'resdex:pairs\t3')"
    "$INDEX_DUMP" --meta "$T/z$jobs" resdex:pair-words >"$T/words"
    check "zorblat corpus, --jobs $jobs: 'zorblat' and 'prevention' are pair words" \
        sh -c "grep -qx 'zorblat' '$T/words' && grep -qx 'prevention' '$T/words'"
    check "zorblat corpus, --jobs $jobs: 'quuxly' (one paragraph) is not" \
        sh -c "! grep -q 'quuxly' '$T/words'"
    expect_status 0 "zorblat corpus, --jobs $jobs: phrase, first hit" \
        "$RESDEX" --db "$T/z$jobs" search --json --limit 1 zorblat prevention
    check "zorblat corpus, --jobs $jobs: --limit 1 finds the phrase" is "$(json_ids)" "E/RES/2024/200#1"
    check "zorblat corpus, --jobs $jobs: the same results without the pairs" \
        same_without_pairs "$T/z$jobs"
done
check "zorblat corpus: both builds learnt the same words" \
    sh -c "'$INDEX_DUMP' --meta '$T/z1' resdex:pair-words | cmp -s - '$T/words'"

# A corpus of zip archives only gives no sample (an archive is indexed
# member by member): the index keeps the built-in words (resdex:pairs 2),
# and the pairs it writes are theirs.
if [ -x /usr/bin/python3 ]; then PY=/usr/bin/python3; else PY=python3; fi
mkdir -p "$T/pz"
$PY - "$T/pc/pairs.txt" "$T/pz/pairs.zip" <<'PYEOF'
import sys, zipfile
with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as z:
    z.write(sys.argv[1], "pairs.txt")
PYEOF
expect_status 0 "zip only: built" "$RESDEXD" --once --verbose --db "$T/pzdb" --corpus "$T/pz"
check "zip only: no pair words learnt" grep -q 'debug: no pair words learnt from 0 files' "$T/err"
check "zip only: the built-in pair words" \
    is "$("$INDEX_DUMP" --meta "$T/pzdb" resdex:pair)" "$(printf 'resdex:pairs\t2')"
expect_status 0 "zip only: phrase boost, first hit" \
    "$RESDEX" --db "$T/pzdb" search --json --limit 1 crime prevention
check "zip only: --limit 1: 2" is "$(json_ids)" "$P#2"
lines 'crime prevention' 'prevention crime' 'prevention of crime' 'reports and reviews' >"$T/queries"
check "zip only: the same results without the pairs" same_without_pairs "$T/pzdb"

# An index made on an empty folder (its corpus committed, no paragraph),
# built in parts once the files are there: the words learnt go with the
# commit before the merge (which wants nothing pending).
mkdir -p "$T/empty"
expect_status 0 "an empty corpus: an empty index" "$RESDEXD" --once --db "$T/ze" --corpus "$T/empty"
cp "$T/zc"/*.txt "$T/empty/"
expect_status 0 "... then its 71 files, in parts" \
    "$RESDEXD" --once --verbose --jobs 2 --db "$T/ze" --corpus "$T/empty"
check "... built in parts" grep -q 'debug: merged [0-9]* parts' "$T/err"
check "... with its own pair words" \
    is "$("$INDEX_DUMP" --meta "$T/ze" resdex:pairs)" "$(printf 'resdex:pairs\t3')"
expect_status 0 "... phrase, first hit" "$RESDEX" --db "$T/ze" search --json --limit 1 zorblat prevention
check "... --limit 1 finds the phrase" is "$(json_ids)" "E/RES/2024/200#1"

# An index built when every pair was written (marker 1) is marked 2 by the
# first writer that opens it: what it adds has the common words' pairs only.
rm -rf "$T/old" && cp -R "$T/pdb" "$T/old"
"$INDEX_DUMP" --set-meta "$T/old" resdex:pair-words ""
"$INDEX_DUMP" --set-meta "$T/old" resdex:pairs 1
check "an index marked with every pair" \
    is "$("$INDEX_DUMP" --meta "$T/old" resdex:pairs)" "$(printf 'resdex:pairs\t1')"
expect_status 0 "resdexd --once on it" "$RESDEXD" --once --db "$T/old" --corpus "$T/pc"
check "a writer marks it with the common words' pairs" \
    is "$("$INDEX_DUMP" --meta "$T/old" resdex:pairs)" "$(printf 'resdex:pairs\t2')"
check "... and keeps them: no list of its own" \
    is "$("$INDEX_DUMP" --meta "$T/old" resdex:pair-words)" ""
lines 'crime prevention' 'prevention crime' 'reports and reviews' >"$T/queries"
check "re-marked index: the same results without the pairs" same_without_pairs "$T/old"

finish
