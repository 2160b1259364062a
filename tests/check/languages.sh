#!/bin/sh
# resdex check compares a draft with precedents in the draft's language: a
# French paragraph of A/RES/80/229 pasted as a draft is agreed, its
# precedent the French text (not searched as English and found new); the
# same paragraph in Spanish and Russian too. The index holds 80/229 in
# English, French, Spanish and Russian (corpus/akn).
. "$top_srcdir/tests/lib.sh"
QUERY_NO_SAMPLES=1
. "$top_srcdir/tests/query/query-lib.sh"

mkdir "$T/c"
for l in English French Spanish Russian; do
    cp "$UN_CORPUS"/ga/80session/$l/A_RES_80_229-*.xml.gz "$T/c/"
done
build_index "$T/c" "$T/db2"
for lang in fr es ru; do
    "$RESDEX" --db "$T/db2" show --json --lang $lang 'A/RES/80/229#5' >"$T/p.json" ||
        { fail "$lang: show the paragraph"; continue; }
    python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["paragraph"]["text"])' \
        "$T/p.json" >"$T/draft-$lang.txt"
    expect_status 0 "$lang draft: every paragraph has a precedent" \
        "$RESDEX" --db "$T/db2" check --json "$T/draft-$lang.txt"
    check "$lang draft: agreed, A/RES/80/229#5 in $lang" \
        grep -q "\"status\":\"agreed\",\"precedent\":{\"rank\":[0-9]*,\"score\":[^,]*,\"id\":\"A/RES/80/229#5\",\"resolution\":{[^}]*\"lang\":\"$lang\"" "$T/out"
done
finish
