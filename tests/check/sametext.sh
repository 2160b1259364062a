#!/bin/sh
# "agreed" is folding's "the same text" (sametext.hh), one definition for
# both, on two real cases where the diff's token equality and folding's key
# used to disagree (corpus/akn):
# - A/RES/77/232 ¶11 "Invites Member States and other donors ... of the United
#   Nations;" is A/RES/79/187 ¶5 but for its final "." (79/187 ends with it).
#   Folding counted them the same; check called the 2022 text "modified"
#   (0.999), an edit of nothing but the final mark.
# - A/RES/77/236 ¶6(c) "... on the basis of non-discrimination;" (a hyphen-
#   minus) is A/RES/79/189 ¶6(c) typed with a non-breaking hyphen (U+2011).
#   check called it agreed; folding showed them as two hits.
. "$top_srcdir/tests/lib.sh"
QUERY_NO_SAMPLES=1
. "$top_srcdir/tests/query/query-lib.sh"

en() { ls "$UN_CORPUS"/ga/"$1"session/English/A_RES_"$1"_"$2"-*.xml.gz; }
mkdir "$T/c"
cp "$(en 79 187)" "$(en 79 189)" "$(en 77 236)" "$T/c/"
build_index "$T/c" "$T/db"

# The 2022 paragraph as adopted, read from its file (not indexed).
"$RESDEX" parse --json "$(en 77 232)" >"$T/77-232.json" || fail "parse 77/232"
python3 -c '
import json, sys
for p in json.load(open(sys.argv[1]))["paragraphs"]:
    if p["text"].startswith("Invites Member States and other donors"):
        print(p["text"])' "$T/77-232.json" >"$T/draft.txt"
check "the 2022 paragraph ends with ';'" grep -q 'United Nations;$' "$T/draft.txt"
expect_status 0 "check the 2022 paragraph" "$RESDEX" --db "$T/db" check --json "$T/draft.txt"
check "a final ';' for '.': agreed, A/RES/79/187#5" \
    grep -q '"status":"agreed","precedent":{"rank":1,"score":[^,]*,"id":"A/RES/79/187#5"' "$T/out"
check "a final ';' for '.': similarity 1" grep -q '"similarity":1\(\.0\)*[,}]' "$T/out"
expect_status 0 "similar: the same" "$RESDEX" --db "$T/db" similar --json --file "$T/draft.txt"
head -n 1 "$T/out" >"$T/first"
check "similar: the first hit" grep -qF '"id":"A/RES/79/187#5"' "$T/first"
check "similar: similarity 1" grep -q '"similarity":1\(\.0\)*[,}]' "$T/first"

# Two hyphens: one text, one hit.
expect_status 0 "search the organ paragraph" \
    "$RESDEX" --db "$T/db" search --json '"equitable access to human organ transplantation"' lang:en
check "non-discrimination and non\u2011discrimination fold: one hit" test "$(grep -c '"id":' "$T/out")" -eq 1
check "the 2022 text is among the other adoptions" grep -qF '"id":"A/RES/77/236#6(c)"' "$T/out"
"$RESDEX" --db "$T/db" show --json 'A/RES/77/236#6(c)' >"$T/p.json" || fail "show 77/236#6(c)"
python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["paragraph"]["text"])' \
    "$T/p.json" >"$T/organs.txt"
expect_status 0 "check the 2022 organ paragraph" "$RESDEX" --db "$T/db" check --json year:2024 "$T/organs.txt"
check "two hyphens: agreed, A/RES/79/189#6(c)" \
    grep -qF '"status":"agreed","precedent":{"rank":1' "$T/out"
check "two hyphens: the 2024 text cited" grep -qF '"id":"A/RES/79/189#6(c)"' "$T/out"

# An edit in the words is still an edit.
sed 's/other donors/all donors/' "$T/draft.txt" >"$T/edited.txt"
expect_status 0 "check an edited paragraph" "$RESDEX" --db "$T/db" check --json "$T/edited.txt"
check "an edit: modified" grep -qF '"status":"modified"' "$T/out"
finish
