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
finish
