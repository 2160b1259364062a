#!/bin/sh
# Folding: the paragraphs whose texts are the same (case, white space,
# quotation marks, footnote marks and the closing ";"/"." ignored) are one
# hit, the newest adopted text, the others in "also". On the five samples and
# seven GA resolutions of the shared corpus (AKN4UN, English): the yearly
# omnibus 75/196 76/187 77/237 78/229 80/229 ("Strengthening the United
# Nations crime prevention and criminal justice programme") and the asset-
# recovery resolutions 75/194 and 77/235, and trafficking in persons, 78/228
# (without a vote) and 80/228 (a recorded vote). Expected values from
# reading them.
. "$top_srcdir/tests/lib.sh"
shared_or_skip
QUERY_NO_SAMPLES=1
. "$top_srcdir/tests/query/query-lib.sh"

mkdir "$T/c"
cp "$top_srcdir"/corpus/*.txt "$T/c/"
for s in 75session/English/75_196_E 76session/English/A_RES_76_187 77session/English/A_RES_77_237 \
    78session/English/A_RES_78_229 80session/English/A_RES_80_229 75session/English/75_194_E \
    77session/English/A_RES_77_235 78session/English/A_RES_78_228 80session/English/A_RES_80_228; do
    cp "$SHARED"/corpus/akn/ga/$s*.xml "$T/c/" || { echo "FAIL: no $s in the shared corpus" >&2; exit 1; }
done
chmod u+w "$T"/c/*
build_index "$T/c" "$T/db"
also_of() { sed -n 's/.*"also":\(\[[^]]*\]\).*/\1/p' "$T/out"; }

# A report's draft and the resolution adopted from it: E/2017/30 chapter I
# section B draft resolution II became ECOSOC resolution 2017/19, the same
# seven operative paragraphs that say "alternatives to imprisonment"; 2021/23/DR
# 5 says it too. Eight hits of fifteen paragraphs; the adopted text shown.
ALT='"alternatives to imprisonment"'
expect_status 0 "the draft and its resolution" rs search --limit 100 "$ALT"
check "eight hits: 2017/19 1 2 3 4 6 7 8 and 2021/23 5" is "$(hit_ids | LC_ALL=C sort)" \
    "$(lines E/RES/2017/19#1 E/RES/2017/19#2 E/RES/2017/19#3 E/RES/2017/19#4 E/RES/2017/19#6 \
        E/RES/2017/19#7 E/RES/2017/19#8 E/RES/2021/23/DR#5)"
check "the draft is 'also in'" has "$T/out" '   also in E/2017/30 DR.B.II ¶3'
check "every hit of 2017/19 has its draft" is "$(grep -c '^   also in E/2017/30 DR.B.II ¶[0-9]$' "$T/out")" 7
check "2021/23 5 has no repeat" is "$(grep -A5 '^[0-9]*\. E/RES/2021/23/DR#5 ' "$T/out" | grep -c 'also in')" 0
expect_status 0 "--json" rs search --json "$ALT" proportionality
check "JSON: also [{id, cite, punctuation_differs}]" is "$(also_of)" '[{"id":"E/2017/30/DR.B.II#3","cite":"E/2017/30 DR.B.II ¶3","punctuation_differs":false}]'
expect_status 0 "--count --json" rs search --count --json "$ALT"
check "--count --json: hits and paragraphs" subset '{"total":8,"paragraphs":15}' "$T/out"
expect_status 0 "--count" rs search --count "$ALT"
check "--count: the hits" is "$(cat "$T/out")" 8
expect_status 0 "--no-fold --count" rs search --no-fold --count "$ALT"
check "--no-fold --count: the paragraphs" is "$(cat "$T/out")" 15
expect_status 0 "--no-fold" rs search --no-fold --limit 100 --json "$ALT"
check "--no-fold: fifteen hits" is "$(json_ids | wc -l | tr -d ' ')" 15
check "--no-fold: no also" is "$(grep -c '"also":\[\]' "$T/out")" 15
expect_status 0 "the footer says both" rs search --limit 3 "$ALT"
check "footer: hits and paragraphs" has "$T/out" 'hits 1 to 3 of 8 (15 paragraphs); --offset 3 for more'
printf '%s\n' "$ALT" | rs search --batch --limit 1 >"$T/out"
check "batch: total and paragraphs" subset '{"total":8,"paragraphs":15,"total_exact":true}' "$T/out"
printf '%s\n' "$ALT" | rs search --batch --no-fold --limit 1 >"$T/out"
check "batch --no-fold" subset '{"total":15,"paragraphs":15}' "$T/out"
# Facets count the paragraphs: the fifteen, 2021/23/DR 5 the GA's draft.
expect_status 0 "--facets" rs search --facets --json "$ALT"
check "--facets: paragraphs counted" subset '{"total":8,"paragraphs":15,"facets":{"body":{"ECOSOC":14,"GA":1}}}' "$T/out"

# The same paragraph carried from year to year: "Urges all Member States to
# provide the fullest possible financial and political support to the United
# Nations Office on Drugs and Crime ..." is 75/196 30, 76/187 35, 77/237 36,
# 78/229 38 and 80/229 30. One hit, the newest; the others newest first.
FULL='"fullest possible financial and political support"'
expect_status 0 "carried paragraph" rs search "$FULL"
check "one hit: 80/229 30" is "$(hit_ids)" "A/RES/80/229#30"
check "also in the four earlier, newest first" \
    has "$T/out" '   also in 78/229 ¶38, 77/237 ¶36, 76/187 ¶35, 75/196 ¶30'
expect_status 0 "carried paragraph, JSON" rs search --json "$FULL"
check "JSON: the four ids" is "$(also_of)" \
    '[{"id":"A/RES/78/229#38","cite":"78/229 ¶38","punctuation_differs":false},{"id":"A/RES/77/237#36","cite":"77/237 ¶36","punctuation_differs":false},{"id":"A/RES/76/187#35","cite":"76/187 ¶35","punctuation_differs":false},{"id":"A/RES/75/196#30","cite":"75/196 ¶30","punctuation_differs":false}]'
# Only the matches fold (a filter on a report's symbol keeps the draft
# alone): a filter that leaves out the newest shows the newest left.
expect_status 0 "with year:2020..2022" rs search "$FULL" year:2020..2022
check "year:2020..2022: 77/237 36" is "$(hit_ids)" "A/RES/77/237#36"
check "year:2020..2022: also 76/187 and 75/196" has "$T/out" '   also in 76/187 ¶35, 75/196 ¶30'
expect_status 0 "--no-fold, carried" rs search --no-fold "$FULL"
check "--no-fold: the five" is "$(hit_ids | LC_ALL=C sort)" \
    "$(lines A/RES/75/196#30 A/RES/76/187#35 A/RES/77/237#36 A/RES/78/229#38 A/RES/80/229#30)"
# --group stays one hit per resolution: the five, and nothing folded.
expect_status 0 "--group" rs search --group --json "$FULL"
check "--group: five resolutions" is "$(json_ids | wc -l | tr -d ' ')" 5
check "--group: no also" is "$(grep -c '"also":\[\]' "$T/out")" 5
expect_status 0 "--facets, carried" rs search --facets --json "$FULL"
check "--facets: one hit, five paragraphs, one a year" \
    subset '{"total":1,"paragraphs":5,"facets":{"year":{"2020":1,"2021":1,"2022":1,"2023":1,"2025":1}}}' "$T/out"

# Corruption and asset recovery: 77/235 67 repeats 75/194 58 ("Encourages
# requesting States to ensure that adequate national investigative
# procedures have been initiated ... mutual legal assistance requests ...").
MLA='"mutual legal assistance"'
expect_status 0 "mutual legal assistance" rs search --limit 100 --json "$MLA"
check "77/235 67 shown, 75/194 58 folded into it" \
    grep -qF '"id":"A/RES/77/235#67",' "$T/out"
check "75/194 58 is not a hit of its own" is "$(json_ids | grep -c '^A/RES/75/194#58$')" 0
check "77/235 67: also 75/194 58" \
    sh -c "grep -F '\"id\":\"A/RES/77/235#67\",' '$T/out' | grep -qF '\"also\":[{\"id\":\"A/RES/75/194#58\",\"cite\":\"75/194 ¶58\",\"punctuation_differs\":false}]'"
# Paging over folded hits: pages put together are the whole list, ranks go on.
rs search --json --limit 4 "$MLA" >"$T/p1.json"
rs search --json --limit 4 --offset 4 "$MLA" >"$T/p2.json"
rs search --json --limit 4 --offset 8 "$MLA" >"$T/p3.json"
check "folded paging: three pages = the first twelve" \
    is "$(cat "$T/p1.json" "$T/p2.json" "$T/p3.json" | json_ids /dev/stdin)" "$(json_ids | head -n 12)"
check "folded paging: ranks 5 to 8" is "$(json_ranks "$T/p2.json" | tr '\n' ' ')" "5 6 7 8 "
# --count, --exact and the hits listed agree.
n=$(json_ids | wc -l | tr -d ' ')
check "--count = the folded hits listed" is "$(rs search --count "$MLA")" "$n"
rs search --exact --limit 1 "$MLA" >"$T/out"
check "--exact: the footer's total" grep -q "^hits 1 to 1 of $n ([0-9]* paragraphs); --offset 1 for more$" "$T/out"
check "--no-fold --count = the paragraphs" is "$(rs search --no-fold --count "$MLA")" \
    "$(rs search --count --json "$MLA" | sed 's/.*"paragraphs":\([0-9]*\).*/\1/')"

# Cited by: 75/196 76/187 77/237 78/229 ("Welcoming also Economic and Social
# Council resolution 2017/19 of 6 July 2017 on promoting and encouraging the
# implementation of alternatives to imprisonment ...") and 80/229
# ("Recalling Economic and Social Council resolution 2017/19 ...") cite
# 2017/19; nothing here cites its draft in the report.
expect_status 0 "show --json 2017/19" rs show --json 2017/19
check "show: cited by five" subset '{"symbol":"E/RES/2017/19","cited_by":5}' "$T/out"
check "show: the five, newest first" \
    is "$(grep -o '"citing":\[.*' "$T/out" | grep -o '"id":"[^"#]*' | cut -d'"' -f4 | tr '\n' ' ')" \
    "A/RES/80/229 A/RES/78/229 A/RES/77/237 A/RES/76/187 A/RES/75/196 "
check "show: the citing paragraph's text" has "$T/out" '"text":"Recalling Economic and Social Council resolution 2017/19 of 6'
expect_status 0 "show 2017/19" rs show 2017/19
check "show: 'Cited by 5 resolutions'" grep -qx 'Cited by 5 resolutions' "$T/out"
check "show: 80/229 first" is "$(sed -n '/^Cited by/{n;p;}' "$T/out")" '  A/RES/80/229#pp52'
expect_status 0 "show --json the draft" rs show --json E/2017/30/DR.B.II
check "the draft: cited by none" subset '{"cited_by":0,"citing":[]}' "$T/out"
expect_status 0 "show 80/229: nothing here cites it" rs show 80/229
check "show 80/229: no 'Cited by'" hasnt "$T/out" 'Cited by'
expect_status 0 "hits carry cited_by" rs search --json --limit 1 "$ALT" proportionality
check "the hit of 2017/19: cited_by 5" subset '{"id":"E/RES/2017/19#3","cited_by":5}' "$T/out"
expect_status 0 "a paragraph of show carries it" rs show --json '2017/19#3'
check "show 2017/19#3: cited_by 5" subset '{"id":"E/RES/2017/19#3","cited_by":5}' "$T/out"
# Only the punctuation differs: 80/228 24 is 78/228 20 with a comma more,
# "in armed conflicts, trafficking in persons" (read in both; a phrase query
# matches across the comma). One hit, the text adopted without a vote
# (78/228; 80/228 went to a recorded vote), 80/228 24 folded into it and
# marked; --no-fold shows both.
ARMED='"in armed conflicts trafficking in persons"'
expect_status 0 "a comma apart" rs search --json "$ARMED"
check "one hit: 78/228 20, adopted without a vote" is "$(json_ids)" "A/RES/78/228#20"
check "80/228 24 folded, its punctuation differs" is "$(also_of)" \
    '[{"id":"A/RES/80/228#24","cite":"80/228 ¶24","punctuation_differs":true}]'
expect_status 0 "a comma apart, text" rs search "$ARMED"
check "text: 'also in 80/228 ¶24 (punctuation differs)'" has "$T/out" \
    '   also in 80/228 ¶24 (punctuation differs)'
expect_status 0 "a comma apart, --no-fold" rs search --no-fold "$ARMED"
check "--no-fold: both" is "$(hit_ids | LC_ALL=C sort)" "$(lines A/RES/78/228#20 A/RES/80/228#24)"
# Still not "the same text": similar gives 80/228 24 less than 1, with the
# comma in its diff.
expect_status 0 "similar to 78/228 20" rs similar --json --limit 3 'A/RES/78/228#20'
check "similar: 80/228 24 below 1" python3 -c '
import json, sys
h = [json.loads(l) for l in open(sys.argv[1])]
s = [x for x in h if x["id"] == "A/RES/80/228#24"]
sys.exit(not (s and 0.9 < s[0]["similarity"] < 1))' "$T/out"
# Folded paragraphs are listed from the value stored with each
# (resdex:also); an index made before has none and folds from the records:
# the same output, byte for byte, on a copy without the marker.
INDEX_DUMP="$top_builddir/tests/index_dump"
check "a new index has the folding values" \
    is "$("$INDEX_DUMP" --meta "$T/db" resdex:also)" "$(printf 'resdex:also\t1')"
cp -R "$T/db" "$T/noalso" && "$INDEX_DUMP" --set-meta "$T/noalso" resdex:also "" ||
    fail "a copy without the marker"
lines "$ALT" "$FULL" "$ARMED" 'crime prevention' 'trafficking in persons' \
    'asset recovery' 'criminal justice programme' 'proportionality' >"$T/queries"
same_from_records() {
    for opts in "--json" "--json --all --limit 30" "--json --limit 2 --offset 1" ""; do
        # shellcheck disable=SC2086 # opts: several options
        "$RESDEX" --db "$T/db" search $opts --batch <"$T/queries" >"$T/with" 2>&1
        # shellcheck disable=SC2086
        "$RESDEX" --db "$T/noalso" search $opts --batch <"$T/queries" >"$T/without" 2>&1
        cmp -s "$T/with" "$T/without" ||
            { echo "  search $opts: outputs differ" >&2; diff "$T/with" "$T/without" | head -n 10 >&2; return 1; }
        grep -q '"also":\[{' "$T/with" || { echo "  search $opts: nothing folded" >&2; return 1; }
    done
}
check "folding from the records: the same hits" same_from_records
finish
