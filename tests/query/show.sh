#!/bin/sh
# resdex show on the shipped samples: a whole resolution in document order
# (preambular before operative, numbers in order, footnotes at the end), by
# full symbol or by number; one paragraph by SYMBOL#N, #ppN, #N(x); unknown
# symbols and anchors; --json for a resolution and for a paragraph.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/query/query-lib.sh"

# anchors: the gutter of a resolution in $T/out (the anchor before the text).
anchors() { sed -n 's/^ *\(x[0-9]*\|pp[0-9]*\|[0-9][0-9]*\|[0-9]*([a-z])\)  .*/\1/p' "$T/out" | tr '\n' ' '; }
# line_of PATTERN: the first line number of $T/out matching PATTERN (fixed).
line_of() { grep -nF -- "$1" "$T/out" | head -n 1 | cut -d: -f1; }
before() { local a b; a=$(line_of "$1"); b=$(line_of "$2"); [ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ]; }

# ECOSOC 2017/19 (sample 000): "The Economic and Social Council," then 12
# preambular paragraphs (Recalling ... Encouraging), 9 operative, and
# footnotes 1 to 10.
expect_status 0 "show E/RES/2017/19" rs show E/RES/2017/19
check "header: symbol, body, number, date" grep -q '^E/RES/2017/19  ECOSOC resolution 2017/19 · 2017-07-06' "$T/out"
check "header: the title" has "$T/out" 'Promoting and encouraging the implementation of alternatives to imprisonment as part of comprehensive crime prevention and criminal justice policies'
check "header: session, agenda item, meeting, file" has "$T/out" '2017 session · agenda item 19 (c) · 40th plenary meeting · from ecosoc-2017-19.txt'
check "every paragraph, in document order" is "$(anchors)" "x1 pp1 pp2 pp3 pp4 pp5 pp6 pp7 pp8 pp9 pp10 pp11 pp12 1 2 3 4 5 6 7 8 9 "
check "the preamble opens with Recalling" grep -q '^ *pp1  Recalling the purposes and principles of the Charter' "$T/out"
check "pp12 is Encouraging" grep -q '^ *pp12  Encouraging the development, adoption and implementation' "$T/out"
check "9 is Invites" grep -q '^ *9  Invites Member States and other donors' "$T/out"
check "a paragraph across a page break, rejoined" has "$T/out" 'of alternative or additional measures with regard to conviction or punishment'
check "operative 8 across a page break, rejoined" has "$T/out" 'statistical data on alternatives to imprisonment and research on relevant policies that relate to the social reintegration of offenders'
check "a paragraph's footnote marks" grep -q '^ *pp1  Recalling.* \[1,2,3\]$' "$T/out"
check "the footnotes after the last paragraph" before '9  Invites Member States' 'Footnotes'
check "footnote 1" grep -qxF '[1] General Assembly resolution 217 A (III).' "$T/out"
check "footnote 3 (italics removed)" grep -qxF '[3] United Nations, Treaty Series, vol. 1577, No. 27531.' "$T/out"
check "footnote 7 (the link removed)" grep -qxF '[7] General Assembly resolution 65/229, annex.' "$T/out"
check "footnote 10, the last" is "$(tail -n 1 "$T/out")" '[10] General Assembly resolution 67/187, annex.'
check "footnotes in order" is "$(sed -n 's/^\[\([0-9]*\)\] .*/\1/p' "$T/out" | tr '\n' ' ')" "1 2 3 4 5 6 7 8 9 10 "
check "no markup left" hasnt "$T/out" '*'
cp "$T/out" "$T/full"
expect_status 0 "show 2017/19 (by number)" rs show 2017/19
check "by number = by symbol" cmp -s "$T/out" "$T/full"

# CND 55/12 (sample 002): numbering with a gap, as the extract has it.
expect_status 0 "show 55/12" rs show 55/12
check "55/12: pp1-pp5, then 1 and 4" is "$(anchors)" "pp1 pp2 pp3 pp4 pp5 1 4 "
check "55/12: the page's last line is not a paragraph" hasnt "$T/out" 'View document'
check "55/12: no footnotes" hasnt "$T/out" 'Footnotes'
# 2023/24 (sample 003): the formula "The Economic and Social Council" and
# its operative 1, "Recommends to the General Assembly the adoption of the
# following draft resolution:"; the draft it carries, a resolution of its
# own: its formula "The General Assembly,", 7 preambular, 12 operative, and
# the 7 footnotes.
expect_status 0 "show 2023/24" rs show 2023/24
check "2023/24: its own paragraphs" is "$(anchors)" "x1 1 "
check "2023/24: 1 is Recommends" grep -qF '     1  Recommends to the General Assembly the adoption of the following draft resolution:' "$T/out"
check "2023/24: no footnotes of its own" hasnt "$T/out" 'Footnotes'
expect_status 0 "show the draft 2023/24 carries" rs show E/RES/2023/24/DR
check "the draft: named for 2023/24" grep -qxF 'E/RES/2023/24/DR  GA draft resolution recommended by ECOSOC in resolution 2023/24' "$T/out"
check "the draft: in order" is "$(anchors)" "x1 pp1 pp2 pp3 pp4 pp5 pp6 pp7 1 2 3 4 5 6 7 8 9 10 11 12 "
check "the draft: footnote 7, at the very end of the document" is "$(tail -n 1 "$T/out")" '[7] E/CN.15/2023/13.'

# One paragraph.
expect_status 0 "show 2017/19#5" rs show 'E/RES/2017/19#5'
check "#5: its id and label" grep -q '^E/RES/2017/19#5  operative 5 · Also encourages$' "$T/out"
check "#5: its text" grep -q '^ *5  Also encourages Member States to build or enhance the capacity of criminal justice officials' "$T/out"
check "#5: only that paragraph" is "$(anchors)" "5 "
check "#5: the resolution's header" grep -q '^E/RES/2017/19  ECOSOC resolution 2017/19' "$T/out"
expect_status 0 "show 2017/19#pp2" rs show '2017/19#pp2'
check "#pp2: preambular, Recalling also" grep -q '^E/RES/2017/19#pp2  preambular · Recalling also$' "$T/out"
check "#pp2: the Doha Declaration" has "$T/out" 'Recalling also that, in the Doha Declaration on Integrating Crime Prevention'
check "#pp2: its footnote, with the text" grep -qxF '[4] General Assembly resolution 70/174, annex.' "$T/out"
check "#pp2: no other footnote" is "$(grep -c '^\[[0-9]*\] ' "$T/out")" 1
expect_status 0 "show a lettered item" rs show 'E/CN.15/RES/26/1#6(d)'
check "#6(d): Umoja" grep -q '^ *6(d)  Receiving reports on the impact of the implementation of Umoja' "$T/out"
# Decision 26/1 in the report: one paragraph, numbered 6 as a paragraph of
# the report, not as an operative paragraph: the first unnumbered one, o1.
expect_status 0 "show an unnumbered operative paragraph" rs show 'E/CN.15/DEC/26/1#o1'
check "#o1: the decision's text" grep -q '^ *o1  At its 9th meeting, on 25 May, the Commission on Crime Prevention' "$T/out"
check "#o1: operative, no number" grep -q '^E/CN.15/DEC/26/1#o1  operative' "$T/out"
expect_status 0 "show an anchor in capitals" rs show '26/1#6(D)'
expect_status 0 "show two paragraphs" rs show '2017/19#1' '2021/23/DR#5'
check "two paragraphs: 2017/19 1 then 2021/23 5" before 'E/RES/2017/19#1 ' 'E/RES/2021/23/DR#5 '
check "2021/23 5: the added clause" has "$T/out" 'including their vulnerability, such as in relation to health, and the objective'

# Unknown.
expect_status 1 "an unknown symbol" rs show E/RES/2017/99
check "an unknown symbol: nothing on stdout" test ! -s "$T/out"
expect_status 1 "an unknown number" rs show 1999/1
expect_status 1 "an unknown anchor" rs show '2023/24/DR#13'
check "an unknown anchor: the anchors listed" has "$T/err" '(it has: x1 pp1 pp2 pp3 pp4 pp5 pp6 pp7 1 2 3 4 5 6 7 8 9 10 11 12)'
expect_status 1 "an unknown preambular anchor" rs show '55/12#pp6'
expect_status 1 "one of two unknown" rs show '2017/19#1' '2017/19#99'
check "one of two unknown: the other shown" grep -q '^E/RES/2017/19#1 ' "$T/out"

# --json, a resolution: one object, the paragraphs in order with their ids,
# the footnotes with their text.
expect_status 0 "show --json a resolution" rs show --json 2017/19
check "--json: one line" is "$(wc -l <"$T/out" | tr -d ' ')" 1
check "--json: valid" valid_json "$T/out"
check "--json: the resolution's fields" subset '{"symbol":"E/RES/2017/19","number":"2017/19","body":"ECOSOC","title":"Promoting and encouraging the implementation of alternatives to imprisonment as part of comprehensive crime prevention and criminal justice policies","date":"2017-07-06","lang":"en","source":"ecosoc-2017-19.txt"}' "$T/out"
check "--json: fields in order" grep -q '^{"symbol":"E/RES/2017/19","number":"2017/19","body":"ECOSOC","title":"[^"]*","date":"2017-07-06","lang":"en","source":"ecosoc-2017-19.txt",' "$T/out"
check "--json: paragraph ids in order" \
    is "$(grep -o '"id":"[^"]*"' "$T/out" | sed 's/.*#//; s/"$//' | tr '\n' ' ')" "x1 pp1 pp2 pp3 pp4 pp5 pp6 pp7 pp8 pp9 pp10 pp11 pp12 1 2 3 4 5 6 7 8 9 "
check "--json: a paragraph's fields" has "$T/out" '{"kind":"preambular","number":null,"item":null,"verb":"Recalling also","text":"Recalling also that, in the Doha Declaration'
check "--json: its footnote marks" has "$T/out" 'in support of successful reintegration,","id":"E/RES/2017/19#pp2","footnotes":["4"],"tags":[],"cites":['
check "--json: an operative paragraph" has "$T/out" '{"kind":"operative","number":9,"item":null,"verb":"Invites","text":"Invites Member States and other donors to provide extrabudgetary resources for the purposes described above, in accordance with the rules and procedures of the United Nations.","id":"E/RES/2017/19#9"'
check "--json: the footnotes at the end" grep -q '"footnotes":\[{"mark":"1","text":"General Assembly resolution 217 A (III)."},.*{"mark":"10","text":"General Assembly resolution 67/187, annex."}\],"cited_by":[0-9]*,"citing":\[.*\],"carries":null}$' "$T/out"
check "--json: ten footnotes" is "$(grep -o '{"mark":"[0-9]*"' "$T/out" | wc -l | tr -d ' ')" 10

# --json, a paragraph: a hit object, as search --json gives.
expect_status 0 "show --json a paragraph" rs show --json '2023/24/DR#9'
check "--json paragraph: valid, one line" sh -c "'$JSON_EQUAL' '$T/out' '$T/out' && [ \$(wc -l <'$T/out') -eq 1 ]"
check "--json paragraph: a hit object" subset '{"id":"E/RES/2023/24/DR#9","resolution":{"symbol":"E/RES/2023/24/DR","number":null,"body":"GA","date":null,"lang":"en","source":"ecosoc-2023-24.txt","doc_type":"draft resolution","recommended_by":"ECOSOC","adopted_as":null,"from":[]},"paragraph":{"kind":"operative","number":9,"item":null,"verb":"Takes note","text":"Takes note of the working paper prepared by the Secretariat examining preliminary areas for consideration by the open-ended intergovernmental expert group;"},"footnotes":[{"mark":"7","text":"E/CN.15/2023/13."}],"tags":[],"cites":["E/CN.15/2023/13"]}' "$T/out"
check "--json paragraph: the hit fields" grep -q '^{"rank":[0-9]*,"score":[0-9.]*,"id":"E/RES/2023/24/DR#9","resolution":{' "$T/out"
rs search --json '"working paper"' >"$T/hit.json"
check "--json paragraph: the same as search's hit but rank, score, snippet" \
    is "$(sed 's/^{"rank":[0-9]*,"score":[^,]*,//; s/,"snippet":"[^"]*"//; s/,"snippet":null//' "$T/out")" \
       "$(sed 's/^{"rank":[0-9]*,"score":[^,]*,//; s/,"snippet":"[^"]*"//; s/,"snippet":null//' "$T/hit.json")"

# No colour into a file, even without NO_COLOR.
(unset NO_COLOR; rs show 2017/19 >"$T/piped")
check "show into a file: no escape sequences" no_escapes "$T/piped"

finish
