#!/bin/sh
# resdex similar on the shipped samples: the seed pairs (ECOSOC 2021/23 5
# repeats 2017/19 1 with a clause added; 2023/24 2 repeats 2021/23 10),
# self-exclusion, filters, --json, --lineage.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/similar/similar-lib.sh"

# 2021/23 5 comes from 2017/19 1, with "such as in relation to health" added.
expect_status 0 "similar E/RES/2021/23/DR#5" similar 'E/RES/2021/23/DR#5'
check "2021/23/DR#5: 2017/19#1 first" is "$(first_hit)" "E/RES/2017/19#1"
check "2021/23/DR#5: the added clause marked as inserted" \
    grep -qF '[+such as in relation to health,+]' "$T/out"
check "2021/23/DR#5: nothing marked as deleted in the first hit" \
    sh -c "sed -n 3p '$T/out' | grep -vqF '[-'"
check "2021/23/DR#5: a similarity figure" grep -q '^1\. E/RES/2017/19#1  similarity 0\.9[0-9]' "$T/out"
check "2021/23/DR#5: never its own precedent" sh -c "! grep -q '^[0-9]*\. E/RES/2021/23/DR#5 ' '$T/out'"
check "no colour codes when not on a terminal" sh -c "! grep -q \"\$(printf '\\033')\" '$T/out'"

# The same by number, not full symbol.
expect_status 0 "similar 2021/23/DR#5" similar '2021/23/DR#5'
check "2021/23/DR#5 by number: 2017/19#1 first" is "$(first_hit)" "E/RES/2017/19#1"

# 2023/24 2 comes from 2021/23 10.
expect_status 0 "similar E/RES/2023/24/DR#2" similar 'E/RES/2023/24/DR#2'
check "2023/24/DR#2: 2021/23/DR#10 first" is "$(first_hit)" "E/RES/2021/23/DR#10"
check "2023/24/DR#2: the changed verb shown" grep -qF '[-Further recommends that-] [+Also encourages+]' "$T/out"

# JSON: search's hit object plus similarity and diff.
expect_status 0 "similar --json" similar --json --limit 3 'E/RES/2021/23/DR#5'
check "--json: at most 3 lines" test "$(wc -l <"$T/out")" -le 3
check "--json: 2017/19#1 first" is "$(json_ids | head -n 1)" "E/RES/2017/19#1"
check "--json: the inserted run" \
    grep -qF '{"op":"insert","text":" such as in relation to health,"}' "$T/out"
check "--json: similarity" sh -c "head -n 1 '$T/out' | grep -q '\"similarity\":0\.9[0-9]*,'"
check "--json: the resolution context" \
    sh -c "head -n 1 '$T/out' | grep -qF '\"resolution\":{\"symbol\":\"E/RES/2017/19\"'"
check "--json: the paragraph" sh -c "head -n 1 '$T/out' | grep -qF '\"paragraph\":{\"kind\":\"operative\",\"number\":1,'"
if [ -x "$JSON_EQUAL" ]; then
    check "--json: valid JSON Lines" "$JSON_EQUAL" "$T/out" "$T/out"
fi
check "--json: never itself" sh -c "! grep -qF '\"id\":\"E/RES/2021/23/DR#5\"' '$T/out'"

# Filters, as in search.
expect_status 0 "symbol: filter" similar 'E/RES/2021/23/DR#5' symbol:E/RES/2017/19
check "symbol: filter: only 2017/19" sh -c "! grep '^[0-9]*\. ' '$T/out' | grep -v '^[0-9]*\. E/RES/2017/19#'"
expect_status 0 "year: range" similar --json --min 0.3 'E/RES/2021/23/DR#5' year:2018..2030
check "year:2018..2030 leaves 2017 out" sh -c "! grep -q '\"date\":\"2017' '$T/out'"
expect_status 0 "negated filter" similar --json --min 0.3 'E/RES/2021/23/DR#5' -symbol:E/RES/2017/19
check "-symbol: leaves 2017/19 out" sh -c "! grep -qF '\"id\":\"E/RES/2017/19#' '$T/out'"
expect_status 2 "lang: picks the paragraph's version too" similar 'E/RES/2021/23/DR#5' lang:fr
check "lang:fr: no French version, said so" grep -q 'in language fr' "$T/err"
expect_status 0 "two negated filters" similar --json --min 0.3 'E/RES/2021/23/DR#5' -symbol:2017/19 -year:2023
check "two negated filters: both left out" sh -c "! grep -qF -e '\"id\":\"E/RES/2017/19#' -e '\"date\":\"2023' '$T/out'"
expect_status 1 "nothing that similar" similar --min 0.99 'E/RES/2021/23/DR#5'
expect_status 2 "a bad filter" similar 'E/RES/2021/23/DR#5' year:17
check "a bad filter: the message says which" grep -q 'year:17' "$T/err"
expect_status 2 "a word that is not a filter" similar 'E/RES/2021/23/DR#5' prisons
check "not a filter: said so" grep -q 'not a filter' "$T/err"

# Lineage: the earlier versions, oldest first, ending with the paragraph.
expect_status 0 "--lineage 2021/23/DR#5" similar --lineage 'E/RES/2021/23/DR#5'
check "--lineage: the step to the paragraph has the inserted clause" \
    grep -qF '[+such as in relation to health,+]' "$T/out"
check "--lineage: ends with the paragraph itself" \
    sh -c "grep '^E/RES/2021/23/DR#5 ' '$T/out' | grep -q 'this paragraph'"
check "--lineage: 2017/19#1 before it" \
    sh -c "grep -n '^E/RES/2017/19#1' '$T/out' | head -n 1 | cut -d: -f1 | { read n; m=\$(grep -n '^E/RES/2021/23/DR#5 ' '$T/out' | cut -d: -f1); [ \"\$n\" -lt \"\$m\" ]; }"
expect_status 0 "--lineage --json" similar --lineage --json 'E/RES/2021/23/DR#5'
check "--lineage --json: the last step leads to the paragraph" \
    sh -c "tail -n 2 '$T/out' | head -n 1 | grep -qF '\"next\":\"E/RES/2021/23/DR#5\"'"
check "--lineage --json: the last step is 2017/19#1" is "$(json_ids | tail -n 2 | head -n 1)" "E/RES/2017/19#1"
# Complete: the paragraph itself ends the chain, as in the text layout.
check "--lineage --json: ends with the paragraph itself" is "$(json_ids | tail -n 1)" "E/RES/2021/23/DR#5"
check "--lineage --json: marked as the paragraph" \
    sh -c "tail -n 1 '$T/out' | grep -qF '\"lineage\":\"this paragraph\"'"
check "--lineage --json: with its text" \
    sh -c "tail -n 1 '$T/out' | grep -qF 'such as in relation to health'"
expect_status 2 "--lineage wants a paragraph" similar --lineage --text "Encourages Member States"
expect_status 2 "an unknown paragraph" similar 'E/RES/2021/23/DR#99'
check "unknown paragraph: named" grep -q 'E/RES/2021/23/DR#99' "$T/err"

finish
