#!/bin/sh
# resdex search on the shipped samples: precedent queries find the right
# paragraph first; operative paragraphs only unless --all or kind:; phrases
# keep their stopwords; AND OR NOT, NEAR, prefix*; --sort date; paging;
# --count and --facets; the snippet highlights a phrase as one run; footnotes
# travel with their text; the JSON Lines fields of DESIGN.md section 5; the
# shorthand; colour only on a terminal without NO_COLOR.
# Every expected value below was read from the documents in corpus/.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/query/query-lib.sh"

# Sample 004 (ECOSOC 2021/23) adds "such as in relation to health" to the
# paragraph it took from 2017/19 1: operative 5, and nowhere else.
expect_status 0 "a phrase found once" rs search '"such as in relation to health"'
check "phrase found once: 2021/23 5" is "$(hit_ids)" "E/RES/2021/23/DR#5"
# Sample 003 (2023/24) 4 alone speaks of cultural diversity.
expect_status 0 "words of one paragraph" rs search cultural diversity
check "cultural diversity: 2023/24 4 first" is "$(first_hit)" "E/RES/2023/24/DR#4"
# Sample 002 (CND 55/12) 1: drug-dependence treatment.
expect_status 0 "a hyphenated word" rs search drug-dependence treatment
check "drug-dependence treatment: 55/12 1 first" is "$(first_hit)" "E/CN.7/RES/55/12#1"
# 2021/23 3: "an interruption in in-person prison visits".
expect_status 0 "in-person prison visits" rs search in-person prison visits
check "in-person prison visits: 2021/23 3 first" is "$(first_hit)" "E/RES/2021/23/DR#3"
# Stopwords are skipped outside phrases: "the" changes nothing.
expect_status 0 "a stopword among the words" rs search the cultural diversity
check "the cultural diversity: 2023/24 4 first" is "$(first_hit)" "E/RES/2023/24/DR#4"

# "alternatives to imprisonment" in operative paragraphs: 2017/19 1 2 3 4 6 7
# 8, the same seven in its draft in the E/2017/30 report (section B, draft
# resolution II), and 2021/23 5.
ALT='"alternatives to imprisonment"'
ALT_IDS=$(lines E/2017/30/DR.B.II#1 E/2017/30/DR.B.II#2 E/2017/30/DR.B.II#3 \
    E/2017/30/DR.B.II#4 E/2017/30/DR.B.II#6 E/2017/30/DR.B.II#7 E/2017/30/DR.B.II#8 \
    E/RES/2017/19#1 E/RES/2017/19#2 E/RES/2017/19#3 E/RES/2017/19#4 E/RES/2017/19#6 \
    E/RES/2017/19#7 E/RES/2017/19#8 E/RES/2021/23/DR#5)
expect_status 0 "alternatives to imprisonment" rs search --no-fold --limit 100 "$ALT"
check "alternatives to imprisonment: the fifteen operative paragraphs" \
    is "$(hit_ids | LC_ALL=C sort)" "$ALT_IDS"
expect_status 0 "--count" rs search --no-fold --count "$ALT"
check "--count: 15" is "$(cat "$T/out")" 15
expect_status 0 "--count --json" rs search --no-fold --count --json "$ALT"
check "--count --json: query and total" subset '{"query":"\"alternatives to imprisonment\"","total":15,"paragraphs":15}' "$T/out"

# Operative only by default: "modi operandi" is in 2021/23's preamble only.
expect_status 1 "preambular text is not searched by default" rs search modi operandi
check "nothing found: nothing on stdout" test ! -s "$T/out"
expect_status 0 "--all searches the preamble" rs search --all modi operandi
check "--all: 2021/23 pp6" is "$(hit_ids)" "E/RES/2021/23/DR#pp6"
expect_status 0 "kind:preambular searches the preamble" rs search modi operandi kind:preambular
check "kind:preambular: 2021/23 pp6" is "$(hit_ids)" "E/RES/2021/23/DR#pp6"
expect_status 0 "--all: preambular and operative" rs search --all '"modi operandi"' OR '"cultural diversity"'
check "--all: 2021/23 pp6 and 2023/24 4" \
    is "$(hit_ids | LC_ALL=C sort)" "$(lines E/RES/2021/23/DR#pp6 E/RES/2023/24/DR#4)"

# Phrases keep their stopwords. 2017/19 pp11 says "the gravity of the
# offences", 2021/23 pp11 "the gravity of offences".
expect_status 0 "phrase without 'the'" rs search --all '"gravity of offences"'
check "\"gravity of offences\": only 2021/23 pp11" is "$(hit_ids)" "E/RES/2021/23/DR#pp11"
expect_status 0 "phrase with 'the'" rs search --no-fold --all --limit 100 '"gravity of the offences"'
check "\"gravity of the offences\": 2017/19 pp11 and its draft, not 2021/23" \
    is "$(hit_ids | LC_ALL=C sort)" "$(lines E/2017/30/DR.B.II#pp11 E/RES/2017/19#pp11)"
# 2017/19 4 has "social rehabilitation, reintegration": both words, not the phrase.
expect_status 0 "words" rs search --limit 100 rehabilitation reintegration symbol:2017/19
check "words: 2017/19 4 among the hits" sh -c "grep -q '^[0-9]*\. E/RES/2017/19#4 ' '$T/out'"
expect_status 0 "phrase with 'and'" rs search --limit 100 '"rehabilitation and reintegration"' symbol:2017/19
check "phrase: 2017/19 4 not among the hits" sh -c "! grep -q '^[0-9]*\. E/RES/2017/19#4 ' '$T/out'"
check "phrase: 2017/19 6 is (\"the rehabilitation and reintegration of offenders\")" \
    sh -c "grep -q '^[0-9]*\. E/RES/2017/19#6 ' '$T/out'"

# AND OR NOT. Umoja: E/CN.15/RES/26/1 5 and 6 (d), in the E/2017/30 report.
expect_status 0 "Umoja" rs search Umoja
check "Umoja: 26/1 5 and 6(d)" is "$(hit_ids | LC_ALL=C sort)" "$(lines 'E/CN.15/RES/26/1#5' 'E/CN.15/RES/26/1#6(d)')"
expect_status 0 "OR" rs search Umoja OR '"cultural diversity"'
check "OR: both" is "$(hit_ids | LC_ALL=C sort)" "$(lines 'E/CN.15/RES/26/1#5' 'E/CN.15/RES/26/1#6(d)' 'E/RES/2023/24/DR#4')"
expect_status 0 "AND" rs search '"cultural diversity"' AND rehabilitation
check "AND: 2023/24 4" is "$(hit_ids)" "E/RES/2023/24/DR#4"
expect_status 1 "AND with a word it lacks" rs search '"cultural diversity"' AND prison
expect_status 1 "NOT a word it has" rs search '"cultural diversity"' NOT rehabilitation
# Of the fifteen, 2017/19 1, its draft and 2021/23 5 say "pretrial".
expect_status 0 "NOT" rs search --no-fold --count "$ALT" NOT pretrial
check "NOT pretrial: 12 left" is "$(cat "$T/out")" 12
expect_status 0 "-word" rs search --no-fold --count "$ALT" -pretrial
check "-pretrial: 12 left" is "$(cat "$T/out")" 12

# NEAR: 2017/19 6 (and its draft) has "cooperation with academia"; 2021/23 12
# has both words far apart.
expect_status 0 "both words" rs search --no-fold cooperation academia
check "cooperation academia: three" is "$(hit_ids | LC_ALL=C sort)" \
    "$(lines E/2017/30/DR.B.II#6 E/RES/2017/19#6 E/RES/2021/23/DR#12)"
expect_status 0 "NEAR/2" rs search --no-fold cooperation NEAR/2 academia
check "cooperation NEAR/2 academia: not 2021/23 12" is "$(hit_ids | LC_ALL=C sort)" \
    "$(lines E/2017/30/DR.B.II#6 E/RES/2017/19#6)"
# prefix*: extradition is in 2021/23 9 and the report's GA draft III 3 (and
# 2021/23's preamble).
expect_status 0 "prefix*" rs search 'extradit*'
check "extradit*: two operative paragraphs" is "$(hit_ids | LC_ALL=C sort)" \
    "$(lines E/2017/30/DR.A.III#3 E/RES/2021/23/DR#9)"
expect_status 0 "prefix* --all" rs search --all 'extradit*'
check "extradit* --all: and 2021/23 pp7" sh -c "grep -q '^[0-9]*\. E/RES/2021/23/DR#pp7 ' '$T/out'"

# --sort date: 2021/23 (22 July 2021) before 2017/19 (6 July 2017); the
# report's draft carries no adoption date, so it comes last.
expect_status 0 "--sort date" rs search --no-fold --sort date --limit 100 "$ALT"
check "--sort date: 2021/23 5 first" is "$(first_hit)" "E/RES/2021/23/DR#5"
check "--sort date: then the seven of 2017/19" \
    is "$(hit_ids | sed -n 2,8p | cut -d'#' -f1 | uniq)" "E/RES/2017/19"
check "--sort date: the undated draft last" \
    is "$(hit_ids | sed -n 9,15p | cut -d'#' -f1 | uniq)" "E/2017/30/DR.B.II"
expect_status 0 "--sort=date" rs search --sort=date --limit 1 "$ALT"
check "--sort=date: 2021/23 5" is "$(first_hit)" "E/RES/2021/23/DR#5"
expect_status 0 "--sort relevance" rs search --sort relevance "$ALT"

# Paging: pages put together are the whole list, and ranks continue.
rs search --no-fold --json --limit 15 "$ALT" >"$T/all.json"
rs search --no-fold --json --limit 5 "$ALT" >"$T/p1.json"
rs search --no-fold --json --limit 5 --offset 5 "$ALT" >"$T/p2.json"
rs search --no-fold --json --offset 10 "$ALT" >"$T/p3.json"
check "paging: three pages = one list" \
    is "$(cat "$T/p1.json" "$T/p2.json" "$T/p3.json" | json_ids /dev/stdin)" "$(json_ids "$T/all.json")"
check "paging: ranks 6 to 10 on the second page" is "$(json_ranks "$T/p2.json" | tr '\n' ' ')" "6 7 8 9 10 "
check "paging: ranks 11 to 15 on the third" is "$(json_ranks "$T/p3.json" | tr '\n' ' ')" "11 12 13 14 15 "
# The same with plain words (the phrase boost): pages smaller than the
# matches (the boosted paragraphs are looked for apart) and one page holding
# them all (the words' own matches are all there is) give one ranking.
rs search --no-fold --json --limit 100 alternatives imprisonment >"$T/wall.json"
rs search --no-fold --json --limit 5 alternatives imprisonment >"$T/w1.json"
rs search --no-fold --json --limit 5 --offset 5 alternatives imprisonment >"$T/w2.json"
rs search --no-fold --json --limit 5 --offset 10 alternatives imprisonment >"$T/w3.json"
check "boost paging: three pages = the first 15 of one list" \
    is "$(cat "$T/w1.json" "$T/w2.json" "$T/w3.json" | json_ids /dev/stdin)" \
    "$(json_ids "$T/wall.json" | head -n 15)"
check "boost paging: more than 15 matches" test "$(json_ids "$T/wall.json" | wc -l)" -gt 15
expect_status 0 "text paging" rs search --no-fold --limit 5 --offset 5 "$ALT"
check "text: ranks continue" is "$(sed -n 's/^\([0-9]*\)\. .*/\1/p' "$T/out" | tr '\n' ' ')" "6 7 8 9 10 "
check "text: where the page is" grep -q 'hits 6 to 10 of 15; --offset 10 for more' "$T/out"
expect_status 1 "an offset past the end" rs search --no-fold --offset 15 "$ALT"
check "an offset past the end: nothing on stdout" test ! -s "$T/out"
check "... and stderr says it is past the last hit, of how many" \
    grep -qx 'resdex search: --offset 15 is past the last hit (15 in all)' "$T/err"
expect_status 1 "nothing found" rs search --no-fold zzzqqqxx
check "nothing found: no word of an offset" sh -c "! grep -q offset '$T/err'"
expect_status 1 "--limit 0 shows no hit" rs search --limit 0 "$ALT"
check "--limit 0: nothing printed" test ! -s "$T/out"
# --count equals the number of hits listed with a big limit, for a broad query.
rs search --count Member States >"$T/count"
rs search --json --limit 100000 Member States >"$T/many.json"
check "--count = JSON lines" is "$(cat "$T/count")" "$(wc -l <"$T/many.json" | tr -d ' ')"
rs search --count --all Member States >"$T/count"
rs search --json --all --limit 100000 Member States >"$T/many.json"
check "--count --all = JSON lines" is "$(cat "$T/count")" "$(wc -l <"$T/many.json" | tr -d ' ')"
check "a broad query has many hits" test "$(cat "$T/count")" -gt 100

# --group: one hit per resolution, its best paragraph. The fifteen are in
# three resolutions: 2017/19, its draft in the report, and the GA draft
# that ECOSOC resolution 2021/23 carries.
expect_status 0 "--group" rs search --group --limit 100 "$ALT"
check "--group: one hit for each of the three resolutions" \
    is "$(hit_ids | cut -d'#' -f1 | LC_ALL=C sort)" "$(lines E/2017/30/DR.B.II E/RES/2017/19 E/RES/2021/23/DR)"
check "--group: 2021/23's hit is 5" sh -c "grep -q '^[0-9]\. E/RES/2021/23/DR#5 ' '$T/out'"
expect_status 0 "--group --count" rs search --group --count "$ALT"
check "--group --count: 3" is "$(cat "$T/out")" 3

# --facets over the fifteen: ECOSOC fourteen, the GA one (the draft 2021/23
# carries); 2017 fourteen, 2021 one; verbs, by
# the whole phrase as printed: Encourages (1 4 twice, 2021/23 5), Further
# encourages (3 6 twice), Also encourages (2 twice), Calls upon (7 twice),
# Requests (8 twice). (Until index format 2 the facet cut each phrase to its
# head verb: "encourages" 11, "calls" 2.) The text samples say nothing of
# how they were adopted: the adopted facet is empty, and of no SDG,
# subject, sponsor or vote. Kind
# counts every kind: the fifteen operative paragraphs and the eleven
# preambular ones that say it; all in English.
expect_status 0 "--facets --json" rs search --facets --json "$ALT"
check "--facets --json: counts" subset '{"query":"\"alternatives to imprisonment\"","total":8,"paragraphs":15,"facets":{"body":{"ECOSOC":14,"GA":1},"year":{"2017":14,"2021":1},"verb":{"Encourages":5,"Further encourages":4,"Also encourages":2,"Calls upon":2,"Requests":2},"adopted":{},"kind":{"operative":15,"preambular":11},"lang":{"en":15},"sdg":{},"subject":{},"sponsor":{},"voted":{}}}' "$T/out"
check "--facets --json: nothing else" "$JSON_EQUAL" "$T/expected.json" "$T/out"
expect_status 0 "--facets" rs search --facets "$ALT"
check "--facets: the totals" grep -q '^8 hits, 15 matching paragraphs' "$T/out"
check "--facets: body" grep -q 'ECOSOC (14), GA (1)' "$T/out"
check "--facets: years" grep -q '2017 (14), 2021 (1)' "$T/out"
check "--facets: verbs" grep -q 'Encourages (5), Further encourages (4), Also encourages (2), Calls upon (2), Requests (2)' "$T/out"
# The text shows every facet the JSON has, in its order, each under its
# name: kind and language too, and the empty ones said to be empty.
check "--facets: every facet of the JSON, in order" \
    is "$(grep -x '[a-z]*:' "$T/out" | paste -sd' ')" "body: year: verb: adopted: kind: lang: sdg: subject: sponsor: voted:"
check "--facets: kinds" sh -c "grep -A1 -x 'kind:' '$T/out' | grep -qx '  operative (15), preambular (11)'"
check "--facets: languages" sh -c "grep -A1 -x 'lang:' '$T/out' | grep -qx '  en (15)'"
check "--facets: no SDG, said" sh -c "grep -A1 -x 'sdg:' '$T/out' | grep -qx '  none'"
expect_status 1 "--facets, nothing found" rs search --facets zzzqqqxx
expect_status 1 "--count, nothing found" rs search --count zzzqqqxx
check "--count, nothing found: 0" is "$(cat "$T/out")" 0

# The snippet highlights the phrase as one run.
expect_status 0 "snippets" rs search --no-fold --json --limit 100 "$ALT"
check "JSON: each snippet has [alternatives to imprisonment]" \
    is "$(grep -c '"snippet":"[^"]*\[alternatives to imprisonment\]' "$T/out")" 15
check "JSON: never a word on its own" hasnt "$T/out" '[alternatives]'
check "JSON: valid JSON Lines" valid_json "$T/out"
expect_status 0 "text snippet" rs search "$ALT"
check "text: the phrase as one run" has "$T/out" '[alternatives to imprisonment]'
expect_status 0 "--full" rs search --full '"such as in relation to health"'
check "--full: the whole paragraph, from its first words" \
    has "$T/out" '   Encourages Member States, in implementing holistic'
check "--full: to its last words" has "$T/out" 'and the objective of their rehabilitation and reintegration into society'
# The library's snippet ends a whole paragraph with "…" in place of its ";".
check "--full: the whole paragraph's last character" has "$T/out" 'reintegration into society;'

# Footnotes travel with the paragraph: 2023/24 9 carries footnote 7,
# "E/CN.15/2023/13." (a link in the document).
expect_status 0 "a paragraph with a footnote" rs search '"working paper"'
check "text: 2023/24 9" is "$(first_hit)" "E/RES/2023/24/DR#9"
check "text: the footnote with its text" has "$T/out" '[7] E/CN.15/2023/13.'
expect_status 0 "--json a paragraph with a footnote" rs search --json '"working paper"'
check "JSON: the footnote, the citation" subset '{"id":"E/RES/2023/24/DR#9","footnotes":[{"mark":"7","text":"E/CN.15/2023/13."}],"tags":[],"cites":["E/CN.15/2023/13"]}' "$T/out"
# 2017/19 pp4 carries 6 (Tokyo Rules) and 7 (Bangkok Rules) and runs across a
# page break with footnotes in between.
expect_status 0 "two footnotes, a paragraph across a page" rs search --all --json '"Bangkok Rules"' symbol:2017/19
check "JSON: pp4 with 6 and 7" subset '{"id":"E/RES/2017/19#pp4","footnotes":[{"mark":"6","text":"General Assembly resolution 45/110, annex."},{"mark":"7","text":"General Assembly resolution 65/229, annex."}]}' "$T/out"
check "JSON: the text rejoined over the page break" \
    has "$T/out" 'the United Nations Rules for the Treatment of Women Prisoners and Non-custodial Measures for Women Offenders (the Bangkok Rules), which recommend'

# The JSON Lines fields of DESIGN.md section 5, values from sample 003.
expect_status 0 "--json" rs search --json '"cultural diversity"'
check "--json: one line" is "$(wc -l <"$T/out" | tr -d ' ')" 1
check "--json: valid" valid_json "$T/out"
check "--json: the fields of a hit" subset '{"rank":1,"id":"E/RES/2023/24/DR#4","resolution":{"symbol":"E/RES/2023/24/DR","number":null,"body":"GA","title":"Reducing reoffending through rehabilitation and reintegration","date":null,"lang":"en","source":"ecosoc-2023-24.txt","doc_type":"draft resolution","recommended_by":"ECOSOC","adopted_as":null,"from":[]},"paragraph":{"kind":"operative","number":4,"item":null,"verb":"Recognizes","text":"Recognizes the benefit that may be derived from incorporating respect for cultural diversity, based on respect for the rule of law, into rehabilitation and reintegration programmes;"},"footnotes":[],"tags":[],"cites":[]}' "$T/out"
# A paragraph shorter than the snippet comes back whole; the library's snippet
# puts "…" in place of a last ";" (not of a last ".").
check "--json: a short paragraph's snippet is the whole paragraph" \
    grep -qF '"snippet":"Recognizes the benefit that may be derived from incorporating respect for [cultural diversity], based on respect for the rule of law, into rehabilitation and reintegration programmes;"' "$T/out"
check "--json: field order as DESIGN.md" \
    grep -q '^{"rank":1,"score":[0-9.e+-]*,"id":"E/RES/2023/24/DR#4","resolution":{"symbol":' "$T/out"
check "--json: paragraph fields in order, then footnotes, tags, cites, cite, also, cited_by" \
    grep -q '"paragraph":{"kind":"operative","number":4,"item":null,"verb":"Recognizes","text":"[^"]*","snippet":"[^"]*\[cultural diversity\][^"]*","lead_in":null},"footnotes":\[\],"tags":\[\],"cites":\[\],"cite":"[^"]*2023/24[^"]*para. 4","also":\[\],"cited_by":0}$' "$T/out"
# A lettered item: 26/1 6 (d).
expect_status 0 "--json an item" rs search --json Umoja Receiving
check "--json: number and item" subset '{"id":"E/CN.15/RES/26/1#6(d)","resolution":{"symbol":"E/CN.15/RES/26/1","number":"26/1","body":"CCPCJ"},"paragraph":{"kind":"operative","number":6,"item":"d"}}' "$T/out"
# Tags, from the database extract (sample 002).
expect_status 0 "--json tags" rs search --json drug-dependence treatment
check "--json: tags of 55/12 1" subset '{"id":"E/CN.7/RES/55/12#1","resolution":{"symbol":"E/CN.7/RES/55/12","number":"55/12","body":"CND","date":null},"tags":["Flexibilities in the UN drug conventions","Alternatives to punishment"]}' "$T/out"

# The shorthand: resdex QUERY is resdex search QUERY.
rs search "$ALT" >"$T/a" 2>&1
rs "$ALT" >"$T/b" 2>&1
check "shorthand = search" cmp -s "$T/a" "$T/b"
rs search --json --limit 3 --all Member States >"$T/a" 2>&1
rs --json --limit 3 --all Member States >"$T/b" 2>&1
check "shorthand with options = search" cmp -s "$T/a" "$T/b"
expect_status 1 "shorthand: nothing found" rs zzzqqqxx

# Colour: never into a pipe or file, never with NO_COLOR.
(unset NO_COLOR; rs search "$ALT" >"$T/piped")
check "a file: no escape sequences" no_escapes "$T/piped"
check "a file: plain markers" has "$T/piped" '[alternatives to imprisonment]'
if command -v script >/dev/null 2>&1 && script -qec true /dev/null >/dev/null 2>&1; then
    (unset NO_COLOR; COLUMNS=60 script -qec "'$RESDEX' --db '$T/db' search '$ALT'" /dev/null) >"$T/tty" 2>&1
    check "a terminal: colour" grep -q "$(printf '\033')\[" "$T/tty"
    check "a terminal: the phrase highlighted, no brackets" hasnt "$T/tty" '[alternatives to imprisonment]'
    check "a terminal: wrapped to COLUMNS, the hits' first lines too" wrapped_to 60 "$T/tty"
    NO_COLOR=1 script -qec "'$RESDEX' --db '$T/db' search '$ALT'" /dev/null >"$T/tty" 2>&1
    check "a terminal with NO_COLOR: no escape sequences" no_escapes "$T/tty"
else
    echo "note: script(1) unavailable; terminal checks skipped"
fi

# Totals: an estimate says so; --exact and --count count every match.
expect_status 0 "a common word" rs search States --limit 1
est=$(sed -n 's/^hits 1 to 1 of \(about \)\{0,1\}\([0-9]*\)[ ;].*/\1\2/p' "$T/out")
rs --count States >"$T/count"
rs --count --json States >"$T/count.json"
paras=$(sed 's/.*"paragraphs":\([0-9]*\).*/\1/' "$T/count.json")
expect_status 0 "--exact" rs search States --limit 1 --exact
check "--exact: the footer's totals are --count's" grep -q "^hits 1 to 1 of $(cat "$T/count") ($paras paragraphs); --offset 1 for more$" "$T/out"
case $est in
"about "*) pass ;;
"$(cat "$T/count")") pass ;;
*) fail "an estimated total must say 'about' (got '$est', --count $(cat "$T/count"))" ;;
esac
printf 'States\n' | rs search --batch --limit 1 --exact >"$T/batch"
check "--batch --exact: total_exact true, the exact total" \
    grep -q "^{\"query\":\"States\",\"total\":$(cat "$T/count"),.*\"total_exact\":true,\"lang\":\"en\",\"paragraphs\":$paras}$" "$T/batch"
# The query fields in --help come from the library's schema.
expect_status 0 "search --help" rs search --help
for f in body year symbol kind verb tag lang cites title; do
    check "search --help lists $f:" grep -q "^  $f:" "$T/out"
done

finish
