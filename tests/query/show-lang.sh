#!/bin/sh
# resdex show --lang and lang: on AKN4UN files of one resolution in three
# languages (GA 80/229 in English, French and Russian, from the shipped UN
# corpus, copied at test time): English by default, --lang fr the French,
# --lang en,fr both; a search in one language; the query's script picks it.
. "$top_srcdir/tests/lib.sh"
QUERY_NO_SAMPLES=1
. "$top_srcdir/tests/query/query-lib.sh"

mkdir "$T/akn"
for l in English French Russian; do
    cp "$UN_CORPUS"/ga/80session/$l/A_RES_80_229*.xml.gz "$T/akn/" || { echo "FAIL: no A/RES/80/229 in $l" >&2; exit 1; }
done
chmod u+w "$T"/akn/*
build_index "$T/akn" "$T/db"

# Operative 1, as the three files have it, with footnote 49 (A/80/157). The
# French and Russian put a no-break space (U+00A0) where NB stands; it stays.
NB=$(printf '\302\240')
EN1='Takes note with appreciation of the report of the Secretary-General prepared pursuant to resolution 78/229;'
FR1="Prend note avec satisfaction du rapport du Secrétaire général établi en application de sa résolution 78/229${NB};"
RU1="с признательностью принимает к сведению доклад Генерального секретаря, подготовленный во исполнение резолюции${NB}78/229;"

expect_status 0 "show 80/229#1" rs show '80/229#1'
check "default: English" has "$T/out" "$EN1"
check "default: not French" hasnt "$T/out" "$FR1"
check "default: the footnote" grep -qxF '[49] A/80/157.' "$T/out"
expect_status 0 "show --lang fr" rs show --lang fr 'A/RES/80/229#1'
check "--lang fr: the French text" has "$T/out" "$FR1"
check "--lang fr: no English" hasnt "$T/out" "$EN1"
check "--lang fr: the French title" has "$T/out" 'Renforcement du programme des Nations Unies pour'
check "--lang fr: said in the header" grep -q '^A/RES/80/229  GA resolution 80/229 · 2025-12-18 .*· fr$' "$T/out"
check "--lang fr: the French verb" grep -q '^A/RES/80/229#1  operative 1 · Prend note avec satisfaction$' "$T/out"
check "--lang fr: the footnote" grep -qxF '[49] A/80/157.' "$T/out"
expect_status 0 "show --lang=ru" rs show --lang=ru '80/229#1'
check "--lang=ru: the Russian text" has "$T/out" "$RU1"
expect_status 0 "show --lang en,fr" rs show --lang en,fr '80/229#1'
check "--lang en,fr: English" has "$T/out" "$EN1"
check "--lang en,fr: French" has "$T/out" "$FR1"
check "--lang en,fr: English first" \
    sh -c "[ \$(grep -nF '$EN1' '$T/out' | cut -d: -f1) -lt \$(grep -nF '$FR1' '$T/out' | cut -d: -f1) ]"
expect_status 0 "show --lang all" rs show --lang all '80/229#1'
check "--lang all: the three indexed" sh -c "grep -qF '$EN1' '$T/out' && grep -qF '$FR1' '$T/out' && grep -qF '$RU1' '$T/out'"
expect_status 1 "show --lang es: not indexed" rs show --lang es '80/229#1'
check "--lang es: said so" grep -q 'no resolution 80/229 in language es' "$T/err"

# The whole resolution in French: operative 1 after the preamble.
expect_status 0 "show --lang fr, the whole resolution" rs show --lang fr 80/229
check "whole, French: pp1 opens with Réaffirmant" grep -q '^ *pp1  Réaffirmant les dispositions de ses résolutions 46/152' "$T/out"
check "whole, French: operative 1" grep -qF "     1  $FR1" "$T/out"
check "whole, French: no English paragraph" hasnt "$T/out" 'Takes note with appreciation'

# JSON.
expect_status 0 "show --json --lang fr a paragraph" rs show --json --lang fr '80/229#1'
check "JSON fr: valid" valid_json "$T/out"
check "JSON fr: the French hit" subset "{\"id\":\"A/RES/80/229#1\",\"resolution\":{\"symbol\":\"A/RES/80/229\",\"number\":\"80/229\",\"body\":\"GA\",\"date\":\"2025-12-18\",\"lang\":\"fr\"},\"paragraph\":{\"kind\":\"operative\",\"number\":1,\"verb\":\"Prend note avec satisfaction\",\"text\":\"$FR1\"},\"footnotes\":[{\"mark\":\"49\",\"text\":\"A/80/157.\"}]}" "$T/out"
expect_status 0 "show --json --lang en,fr a resolution" rs show --json --lang en,fr 80/229
check "JSON en,fr: two objects" is "$(wc -l <"$T/out" | tr -d ' ')" 2
check "JSON en,fr: valid" valid_json "$T/out"
check "JSON en,fr: English then French" \
    is "$(sed -n 's/^{"symbol":"A\/RES\/80\/229",.*"date":"2025-12-18","lang":"\([a-z]*\)".*/\1/p' "$T/out" | tr '\n' ' ')" "en fr "

# Searching: one language per query; lang: picks it, else the script of the
# query (Cyrillic: Russian), else English.
expect_status 0 "lang:fr search" rs search --limit 100 'lang:fr "Prend note avec satisfaction"'
check "lang:fr: operative 1 and 50, which open with it, and 26, which has it" \
    is "$(hit_ids | LC_ALL=C sort)" "$(lines 'A/RES/80/229#1' 'A/RES/80/229#26' 'A/RES/80/229#50')"
check "lang:fr: French hits only" sh -c "! grep '^[0-9]*\. ' '$T/out' | grep -v ' · fr$'"
expect_status 0 "lang:fr --json" rs search --json 'lang:fr "Prend note avec satisfaction"'
check "lang:fr --json: the phrase highlighted" has "$T/out" '"snippet":"[Prend note avec satisfaction] du rapport'
# Without lang:, the language the words are written in (until issue 13 the
# script alone chose, and French words searched the English: nothing found).
expect_status 0 "French words, no lang: the French is searched" rs search '"Prend note avec satisfaction"'
check "French words, no lang: the hits of lang:fr" \
    is "$(hit_ids | LC_ALL=C sort)" "$(lines 'A/RES/80/229#1' 'A/RES/80/229#26' 'A/RES/80/229#50')"
expect_status 0 "French words without accents, no lang:" rs search 'prend note avec satisfaction du rapport du secretaire general'
check "French words without accents: French hits only" sh -c "! grep '^[0-9]*\. ' '$T/out' | grep -v ' · fr$'"
check "French words without lang: the footer says French was searched" \
    grep -q '^hits 1 to [0-9]* of [0-9a-z ]* in lang:fr' "$T/out"
printf 'prend note avec satisfaction\n' | rs search --batch --limit 1 >"$T/batch"
check "--batch: the language searched" grep -q '"lang":"fr","paragraphs":[0-9]*}$' "$T/batch"
expect_status 0 "a Cyrillic query searches the Russian" rs search --json 'доклад Генерального секретаря'
check "Cyrillic: operative 1 among the hits" sh -c "json_ids() { sed -n 's/^{\"rank\":[0-9]*,\"score\":[^,]*,\"id\":\"\\([^\"]*\\)\".*/\\1/p' \"\$1\"; }; json_ids '$T/out' | grep -qxF 'A/RES/80/229#1'"
check "Cyrillic: Russian hits only" sh -c "! grep -v '\"lang\":\"ru\"' '$T/out'"
expect_status 0 "English by default" rs search --json 'Takes note with appreciation'
check "English by default: English hits only" sh -c "! grep -v '\"lang\":\"en\"' '$T/out'"
check "English by default: operative 1" sh -c "grep -qF '\"id\":\"A/RES/80/229#1\"' '$T/out'"

# stats: three files, one resolution in three languages.
expect_status 0 "stats --json" rs stats --json
check "stats: 3 files, 3 (symbol, language) pairs" subset '{"files":3,"resolutions":3,"rejected":[]}' "$T/out"
check "stats: the same number of paragraphs in each language" \
    grep -q '"by_lang":{"en":\([0-9]*\),"fr":\1,"ru":\1}' "$T/out"

finish
