#!/bin/sh
# Provenance in resdex's output: adopted_as and from in search, show and
# similar JSON (null and [] where there is no link), the text lines, show's
# chain, similar --lineage through the link; and ECOSOC's own operative
# paragraph 1 beside the draft it carries. Expected values from the
# documents:
#  - E/2017/30 chapter I, section B, draft resolution II (the samples' report)
#    was adopted as ECOSOC resolution 2017/19 (sample ecosoc-2017-19.txt);
#  - ECOSOC resolution 2024/11 (UN AKN XML, 23 July 2024): paragraph 1
#    "Recommends to the General Assembly the adoption of the following draft
#    resolution:", then the draft: 16 preambular paragraphs, 12 operative
#    (1 "Strongly condemns" ... 12 "Invites"); GA resolution 79/188 of
#    17 December 2024 is that draft adopted, same title and paragraphs
#    (3: "Encourages Member States that have not yet integrated crime
#    prevention and children's issues ...").
. "$top_srcdir/tests/lib.sh"
QUERY_NO_SAMPLES=1
. "$top_srcdir/tests/query/query-lib.sh"
shared_or_skip
AKN="$SHARED/corpus/akn"

mkdir "$T/c"
cp "$top_srcdir"/corpus/E-2017-30-chapter-I.txt "$top_srcdir"/corpus/ecosoc-2017-19.txt \
    "$top_srcdir"/corpus/cnd-55-12.txt "$T/c/"
cp "$AKN/ecosoc/2024/English/E_RES_2024_11-2414119E.xml" "$AKN/ga/79session/English/A_RES_79_188-2424141E.xml" "$T/c/"
build_index "$T/c" "$T/db"

# ECOSOC's own part and the draft, each a resolution.
expect_status 0 "show 2024/11" rs show --json 2024/11
check "2024/11: one paragraph of its own" is "$(grep -o '"id":"[^"]*"' "$T/out" | tr '\n' ' ')" '"id":"E/RES/2024/11#1" '
check "2024/11: its operative 1, Recommends" has "$T/out" '{"kind":"operative","number":1,"item":null,"verb":"Recommends","text":"Recommends to the General Assembly the adoption of the following draft resolution:","id":"E/RES/2024/11#1"'
expect_status 1 "2024/11 has no operative 2 of its own" rs show '2024/11#2'
expect_status 0 "the draft's operative 2" rs show 'E/RES/2024/11/DR#2'
check "the draft: 16 preambular, 12 operative" is "$(rs search --count symbol:E/RES/2024/11/DR kind:preambular) $(rs search --count symbol:E/RES/2024/11/DR)" "16 12"
rs search symbol:E/RES/2024/11/DR 'verb:"strongly condemns"' >"$T/out"
check "the draft's 1: Strongly condemns" is "$(hit_ids)" E/RES/2024/11/DR#1
rs search symbol:E/RES/2024/11/DR verb:invites >"$T/out"
check "the draft's 12: Invites" is "$(hit_ids)" E/RES/2024/11/DR#12

# Search: JSON fields on every hit.
expect_status 0 "search a draft's paragraph" rs search --no-fold --json --limit 20 '"proportionality of sanctions"'
check "the draft's hit: adopted_as" grep -q '^{"rank":[0-9]*,"score":[^,]*,"id":"E/2017/30/DR.B.II#3","resolution":{.*"adopted_as":"E/RES/2017/19","from":\[\]},"paragraph"' "$T/out"
check "the adopted text's hit: from" grep -q '"id":"E/RES/2017/19#3","resolution":{.*"adopted_as":null,"from":\["E/2017/30/DR.B.II"\]},"paragraph"' "$T/out"
expect_status 0 "search a text without provenance" rs search --json symbol:55/12
check "no link: null and []" grep -q '"id":"E/CN.7/RES/55/12#1","resolution":{.*"adopted_as":null,"from":\[\]},' "$T/out"
expect_status 0 "search --json the GA text" rs search --json 'symbol:79/188 verb:"strongly condemns"'
check "GA 79/188: from the draft in 2024/11" grep -q '"id":"A/RES/79/188#1","resolution":{.*"adopted_as":null,"from":\["E/RES/2024/11/DR"\]},' "$T/out"

# Search: text.
expect_status 0 "search, text" rs search --no-fold --limit 20 '"proportionality of sanctions"'
check "text: the draft adopted as" grep -qxF '2. E/2017/30/DR.B.II#3  ECOSOC draft resolution II · recommended by CCPCJ · adopted as E/RES/2017/19' "$T/out"
check "text: the adopted text's draft" grep -qxF '1. E/RES/2017/19#3  ECOSOC resolution 2017/19 · 2017-07-06 · recommended by CCPCJ · adopted from E/2017/30/DR.B.II' "$T/out"

# Show: the chain.
expect_status 0 "show 2017/19" rs show 2017/19
check "2017/19's chain" grep -qxF 'chain  E/2017/30/DR.B.II → E/RES/2017/19' "$T/out"
expect_status 0 "show the report's draft" rs show E/2017/30/DR.B.II
check "the draft's chain" grep -qxF 'chain  E/2017/30/DR.B.II → E/RES/2017/19' "$T/out"
expect_status 0 "show 79/188" rs show 79/188
check "79/188's chain, through 2024/11" grep -qxF 'chain  E/RES/2024/11 → E/RES/2024/11/DR → A/RES/79/188' "$T/out"
# The resolution that carries the draft: the draft's chain, from it.
expect_status 0 "show 2024/11" rs show 2024/11
check "2024/11's chain: its draft became 79/188" grep -qxF 'chain  E/RES/2024/11 → E/RES/2024/11/DR → A/RES/79/188' "$T/out"
expect_status 0 "show --json 2024/11" rs show --json 2024/11
check "show --json 2024/11: the draft it carries, and what it became" \
    grep -q '"carries":{"symbol":"E/RES/2024/11/DR","adopted_as":"A/RES/79/188"}}$' "$T/out"
expect_status 0 "show the embedded draft's paragraph" rs show 'E/RES/2024/11/DR#3'
check "the embedded draft named for 2024/11, adopted as 79/188" \
    grep -qxF 'E/RES/2024/11/DR  GA draft resolution recommended by ECOSOC in resolution 2024/11 · adopted as A/RES/79/188' "$T/out"
check "the embedded draft's chain" grep -qxF 'chain  E/RES/2024/11 → E/RES/2024/11/DR → A/RES/79/188' "$T/out"
expect_status 0 "show 55/12" rs show 55/12
check "no link, no chain" hasnt "$T/out" 'chain'
expect_status 0 "show --json 55/12" rs show --json 55/12
check "55/12 carries no draft: null" grep -q '"carries":null}$' "$T/out"
expect_status 0 "show --json the draft" rs show --json E/RES/2024/11/DR
check "show --json: adopted_as and from" grep -q '^{"symbol":"E/RES/2024/11/DR",.*"adopted_as":"A/RES/79/188","from":\[\],"paragraphs":' "$T/out"
expect_status 0 "show --json a paragraph of 79/188" rs show --json 'A/RES/79/188#3'
check "show --json a paragraph: from" grep -q '"resolution":{"symbol":"A/RES/79/188",.*"adopted_as":null,"from":\["E/RES/2024/11/DR"\]}' "$T/out"

# similar --lineage: the adopted text's earlier version is its draft's
# paragraph, through the link.
expect_status 0 "lineage of 79/188 3" rs similar --json --lineage 'A/RES/79/188#3'
check "lineage: the draft's 3 is the version before" \
    grep -q '"id":"E/RES/2024/11/DR#3",.*"similarity":1.0,.*"next":"A/RES/79/188#3"}$' "$T/out"
check "lineage hits carry the link too" grep -q '"id":"E/RES/2024/11/DR#3","resolution":{.*"adopted_as":"A/RES/79/188","from":\[\]}' "$T/out"
expect_status 0 "lineage of 2017/19 1" rs similar --lineage 'E/RES/2017/19#1'
check "lineage: 2017/19 1 from the report's draft" grep -q '^E/2017/30/DR.B.II#1  ' "$T/out"
expect_status 0 "similar --json" rs similar --json --limit 3 'E/RES/2017/19#1'
check "similar hits carry the link" grep -q '"id":"E/2017/30/DR.B.II#1","resolution":{.*"adopted_as":"E/RES/2017/19","from":\[\]}' "$T/out"

finish
