#!/bin/sh
# Annexes are agreed language (issue 14): the numbered paragraphs, lettered
# items and article texts of an annexed convention or declaration are of
# kind annex, searched by default beside operative paragraphs, with a cite
# that names their place. On the UN's A/RES/79/243 (the Convention against
# Cybercrime: article 2, item (c) "Traffic data" at line 410 of its XML)
# and A/RES/80/9 (the political declaration: annex paragraph 13, line 264).
. "$top_srcdir/tests/lib.sh"
QUERY_NO_SAMPLES=1
. "$top_srcdir/tests/query/query-lib.sh"
mkdir -p "$T/c"
cp "$UN_CORPUS"/ga/79session/English/*79_243*.xml.gz "$UN_CORPUS"/ga/80session/English/A_RES_80_9-*.xml.gz "$T/c/"
build_index "$T/c" "$T/db"

expect_status 0 "a convention's item, found by default" rs search --json --limit 1 \
    '"Traffic data" shall mean any electronic data relating to a communication'
check "its kind, article, item and cite" \
    subset '{"resolution":{"symbol":"A/RES/79/243"},"paragraph":{"kind":"annex","article":2,"item":"c"},"cite":"General Assembly resolution 79/243, annex, art. 2 (c)"}' "$T/out"
expect_status 0 "a declaration's paragraph" rs search --json 'facilitate access to justice and protections for victims of trafficking'
check "annex para. 13" \
    subset '{"paragraph":{"kind":"annex","number":13},"cite":"General Assembly resolution 80/9, annex, para. 13"}' "$T/out"
expect_status 0 "text layout" rs search --limit 1 \
    '"Traffic data" shall mean any electronic data relating to a communication'
check "text: the label names the article" grep -q '^   annex art\. 2 (c)$' "$T/out"
check "text: the cite" grep -qx '   cite: General Assembly resolution 79/243, annex, art. 2 (c)' "$T/out"
expect_status 1 "kind:operative leaves annexes out" rs search 'kind:operative "Traffic data" shall mean'
expect_status 0 "kind:annex alone" rs search --count 'kind:annex'
check "kind:annex: the annexes' paragraphs" sh -c "[ \$(cat '$T/out') -gt 400 ]"
expect_status 0 "stats by kind" rs stats --json
check "stats: annex counted" grep -q '"by_kind":{"annex":[1-9][0-9]*' "$T/out"

# "Also in" names an annex paragraph as its cite does: the Kyoto
# Declaration, annexed to the draft ECOSOC resolution 2021/20 carries
# (E/RES/2021/20/DR) and to GA resolution 76/181 adopted from it, says in
# its paragraph 36 "Take measures to address overcrowding in detention
# facilities ..." in both.
mkdir -p "$T/k"
cp "$UN_CORPUS"/ecosoc/2021/English/E_RES_2021_20-*.xml.gz "$UN_CORPUS"/ga/76session/English/A_RES_76_181-*.xml.gz "$T/k/"
build_index "$T/k" "$T/kdb"
KYOTO='"address overcrowding in detention facilities and to improve the overall effectiveness"'
expect_status 0 "Kyoto Declaration 36, folded" "$RESDEX" --db "$T/kdb" search --json --limit 1 "$KYOTO"
check "also: the carried draft's annex paragraph, by its symbol and place" \
    subset '{"id":"A/RES/76/181#an36","cite":"General Assembly resolution 76/181, annex, para. 36","also":[{"id":"E/RES/2021/20/DR#an36","cite":"E/RES/2021/20/DR annex ¶36"}]}' "$T/out"
expect_status 0 "the same, text" "$RESDEX" --db "$T/kdb" search --limit 1 "$KYOTO"
check "text: also in E/RES/2021/20/DR annex ¶36" grep -qx '   also in E/RES/2021/20/DR annex ¶36' "$T/out"
finish
