#!/bin/sh
# resdex check cites the text adopted without a vote first: A/RES/80/228
# (2025, adopted by a recorded vote, 139-3-38) repeats paragraphs of
# A/RES/78/228 (2023, adopted without a vote) word for word; a draft of
# operative paragraph 1 is agreed citing 78/228, the older consensus text,
# not the newer voted one, which is named beside it.
. "$top_srcdir/tests/lib.sh"
QUERY_NO_SAMPLES=1
. "$top_srcdir/tests/query/query-lib.sh"

mkdir "$T/c"
cp "$UN_CORPUS"/ga/80session/English/A_RES_80_228-*.xml.gz "$UN_CORPUS"/ga/78session/English/A_RES_78_228-*.xml.gz "$T/c/"
build_index "$T/c" "$T/db2"
"$RESDEX" --db "$T/db2" show --json 'A/RES/80/228#1' >"$T/p.json" || fail "show A/RES/80/228#1"
python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["paragraph"]["text"])' \
    "$T/p.json" >"$T/draft.txt"
expect_status 0 "check the paragraph" "$RESDEX" --db "$T/db2" check --json "$T/draft.txt"
check "agreed, citing the consensus text" \
    grep -q '"status":"agreed","precedent":{"rank":[0-9]*,"score":[^,]*,"id":"A/RES/78/228#1"' "$T/out"
check "its adoption: without a vote" grep -qF '"method":"without a vote"' "$T/out"
expect_status 0 "the text" "$RESDEX" --db "$T/db2" check "$T/draft.txt"
check "text: agreed, 78/228 cited" grep -q '^1\. operative · [A-Za-z ]*  agreed  A/RES/78/228#1 ' "$T/out"
check "text: the voted adoption named beside it" grep -qF 'also: A/RES/80/228#1' "$T/out"
finish
