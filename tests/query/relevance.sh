#!/bin/sh
# Resolution-level relevance: the resolution devoted to a topic ranks above
# the ones that mention it in passing (the words of a resolution's title
# weigh in the ranking of each of its paragraphs). On the samples and the
# General Assembly's eightieth session in English (AKN4UN, shared corpus):
# 80/226 "United Nations Model Strategies on Reducing Reoffending (the Kyoto
# Model Strategies)", 80/227 "... crimes that affect the environment",
# 80/228 "Improving the coordination of efforts against trafficking in
# persons", 80/9 the 2025 Political Declaration on the Global Plan of Action
# to Combat Trafficking in Persons, and 80/229, the yearly "Strengthening the
# United Nations crime prevention and criminal justice programme", which
# mentions each of these topics. Without the title, 80/229 came first for
# "trafficking in persons" and "Kyoto Model Strategies" (bench/title-eval).
# Then the names the corpus spells out (the index's synonyms).
. "$top_srcdir/tests/lib.sh"
shared_or_skip
QUERY_NO_SAMPLES=1
. "$top_srcdir/tests/query/query-lib.sh"

mkdir "$T/c"
cp "$top_srcdir"/corpus/*.txt "$SHARED"/corpus/akn/ga/80session/English/*.xml "$T/c/"
chmod u+w "$T"/c/*
build_index "$T/c" "$T/db"

expect_status 0 "--group trafficking in persons" rs search --group trafficking in persons
check "trafficking in persons: 80/228 first" is "$(first_hit | cut -d'#' -f1)" A/RES/80/228
check "trafficking in persons: the devoted three before the omnibus" \
    is "$(hit_ids | cut -d'#' -f1 | head -n 3 | LC_ALL=C sort)" "$(lines A/RES/80/228 A/RES/80/9 E/2017/30/DR.B.I)"
expect_status 0 "--group Kyoto Model Strategies" rs search --group Kyoto Model Strategies
check "Kyoto Model Strategies: 80/226 first" is "$(first_hit | cut -d'#' -f1)" A/RES/80/226
check "Kyoto Model Strategies: then the omnibus" is "$(hit_ids | sed -n 2p | cut -d'#' -f1)" A/RES/80/229
expect_status 0 "--group reducing reoffending" rs search --group reducing reoffending
check "reducing reoffending: 80/226 first" is "$(first_hit | cut -d'#' -f1)" A/RES/80/226
# The title only ranks: a paragraph that does not say the words is no hit.
# 80/226's title says "Kyoto"; of its operative paragraphs only 3 does
# ("... be known as “the Kyoto Model Strategies”").
expect_status 0 "Kyoto in 80/226" rs search --no-fold --limit 100 Kyoto symbol:80/226
check "only 80/226 3" is "$(hit_ids)" "A/RES/80/226#3"

# Names the corpus spells out: 80/227, 80/228, 80/229 and 80/9 write "the
# International Criminal Police Organization (INTERPOL)"; 80/228 32 names it
# in full only ("... the International Criminal Police Organization ..."),
# 80/229 15 uses INTERPOL only ("... in particular INTERPOL, within existing
# mandates ..."). Each is found by the other name.
expect_status 0 "INTERPOL" rs search --no-fold --limit 1000 INTERPOL
check "INTERPOL finds 80/228 32, which spells the name out" grep -q '^[0-9]*\. A/RES/80/228#32 ' "$T/out"
check "INTERPOL finds 80/229 15" grep -q '^[0-9]*\. A/RES/80/229#15 ' "$T/out"
expect_status 0 "the name in full" rs search --no-fold --limit 1000 '"International Criminal Police Organization"'
check "the name finds 80/229 15, which says INTERPOL only" grep -q '^[0-9]*\. A/RES/80/229#15 ' "$T/out"
check "the name finds 80/228 32" grep -q '^[0-9]*\. A/RES/80/228#32 ' "$T/out"
expect_status 0 "the name unquoted" rs search --no-fold --limit 1000 International Criminal Police Organization
check "unquoted, the name finds 80/229 15 too" grep -q '^[0-9]*\. A/RES/80/229#15 ' "$T/out"
# The E/2017/30 report (draft resolution A.II, on "the United Nations
# Standard Minimum Rules for the Treatment of Prisoners (the Nelson Mandela
# Rules)") says "the Nelson Mandela Rules" alone in its operative 5.
expect_status 0 "the Rules' full name" rs search --no-fold --limit 1000 \
    '"United Nations Standard Minimum Rules for the Treatment of Prisoners"'
check "the full name finds DR.A.II 5, which says 'the Nelson Mandela Rules'" \
    grep -q '^[0-9]*\. E/2017/30/DR.A.II#5 ' "$T/out"
# A word of the name alone is no synonym.
expect_status 0 "Police alone" rs search --no-fold --limit 1000 Police
check "Police does not find 80/229 15" hasnt "$T/out" 'A/RES/80/229#15 '
finish
