#!/bin/sh
# layouts.sh - the layouts of the printed volumes and the multi-part AKN
# resolution, end to end: indexed by resdexd, found by resdex. A Security
# Council resolution (tests/data/text/sc-638-1989.txt) answers body:sc and
# its symbol; the parts of A/RES/75/101 A-B (tests/data/akn/ga-75-101-en.xml)
# answer their own symbols. Expected values were read from the fixtures.
. "$top_srcdir/tests/lib.sh"
QUERY_NO_SAMPLES=1
. "$top_srcdir/tests/query/query-lib.sh"

mkdir -p "$T/corpus"
for f in sc-638-1989 ga-45-110-volume ecosoc-1989-volume; do
    cp "$top_srcdir/tests/data/text/$f.txt" "$T/corpus/"
done
cp "$top_srcdir/tests/data/akn/ga-75-101-en.xml" "$T/corpus/"
build_index "$T/corpus" "$T/db"
ids_of() { rs search --limit 1000 "$@" >"$T/out" 2>"$T/err"; hit_ids | LC_ALL=C sort; }
count_of() { rs search --count "$@" 2>"$T/err"; }

# body:sc: the six operative paragraphs of 638 (1989), and nothing else.
check "body:sc: 638 (1989)'s six operative paragraphs" is "$(ids_of body:sc)" \
    "$(lines 'S/RES/638(1989)#1' 'S/RES/638(1989)#2' 'S/RES/638(1989)#3' 'S/RES/638(1989)#4' \
        'S/RES/638(1989)#5' 'S/RES/638(1989)#6')"
check "body:sc --all: with the formula and four preambular" is "$(count_of --all body:sc)" 11
check "body:SC and body:s say the same" is "$(count_of body:SC)/$(count_of body:s)" 6/6
check "body:sc \"safe release\": 2 and 3" is "$(ids_of body:sc '"safe release"')" \
    "$(lines 'S/RES/638(1989)#2' 'S/RES/638(1989)#3')"
expect_status 1 "body:ga holds no SC paragraph" rs search body:ga Demands
check "year:1989 body:sc" is "$(count_of year:1989 body:sc)" 6
check "symbol: the quoted symbol" is "$(count_of 'symbol:"S/RES/638(1989)"')" 6
check "symbol: the printed number" is "$(count_of 'symbol:"638 (1989)"')" 6
expect_status 0 "show S/RES/638(1989)#2" rs show 'S/RES/638(1989)#2'
check "show: SC resolution 638 (1989) of 31 July 1989" has "$T/out" "SC resolution 638 (1989) · 1989-07-31"
check "show: its verb" has "$T/out" "operative 2 · Demands"
check "show: its meeting" has "$T/out" "2872nd meeting"
expect_status 0 "show S/RES/638(1989)" rs show 'S/RES/638(1989)'
check "its footnotes" has "$T/out" "[2] General Assembly resolution 3166 (XXVIII), annex."
# Its footnotes' citations: paragraph pp4 cites the Hostages Convention.
check "cites: through footnote 1" is "$(ids_of --all 'cites:A/RES/34/146')" 'S/RES/638(1989)#pp4'

# The older layouts: ECOSOC 1989/60 and 1989/65 (OCR'd "l989/60", "1989/6S").
check "body:ecosoc year:1989: two and two operative" is "$(ids_of body:ecosoc year:1989)" \
    "$(lines E/RES/1989/60#1 E/RES/1989/60#2 E/RES/1989/65#1 E/RES/1989/65#2)"
check "symbol:45/110: its five operative" is "$(count_of symbol:45/110)" 5

# A/RES/75/101 A-B: two resolutions, each with its symbol.
check "symbol:A/RES/75/101B" is "$(ids_of symbol:A/RES/75/101B)" \
    "$(lines 'A/RES/75/101B#1' 'A/RES/75/101B#2')"
check "symbol:\"75/101 A\": one unnumbered operative paragraph and its items" \
    is "$(ids_of 'symbol:"75/101 A"')" "$(lines 'A/RES/75/101A#(a)' 'A/RES/75/101A#(b)' 'A/RES/75/101A#o1')"
check "symbol:75/101 finds both parts" is "$(ids_of symbol:75/101)" \
    "$(lines 'A/RES/75/101A#(a)' 'A/RES/75/101A#(b)' 'A/RES/75/101A#o1' 'A/RES/75/101B#1' 'A/RES/75/101B#2')"
check "symbol:A/RES/75/101 finds both parts" is "$(count_of symbol:A/RES/75/101)" 5
# A part written with or without its space: that part alone.
check "symbol:75/101A: part A only" is "$(ids_of symbol:75/101A)" \
    "$(lines 'A/RES/75/101A#(a)' 'A/RES/75/101A#(b)' 'A/RES/75/101A#o1')"
check "symbol:\"A/RES/75/101 B\": part B only" is "$(ids_of 'symbol:"A/RES/75/101 B"')" \
    "$(lines 'A/RES/75/101B#1' 'A/RES/75/101B#2')"
expect_status 0 "show A/RES/75/101B" rs show A/RES/75/101B
check "show: part B's title" has "$T/out" "United Nations global communications policies and activities"
check "show: part B's number" has "$T/out" "GA resolution 75/101 B · 2020-12-10"
hasnt "$T/out" "Information in the service of humanity"
expect_status 0 "show 75/101: the whole, part after part" rs show 75/101
check "show 75/101: part A, then part B" is "$(grep -o '^A/RES/75/101[A-Z] ' "$T/out" | tr -d ' ' | tr '\n' ' ')" \
    "A/RES/75/101A A/RES/75/101B "
check "show 75/101: part B's operative 2" has "$T/out" "Requests the Department to continue to report"
expect_status 0 "show 75/101#2: the part that has operative 2" rs show '75/101#2'
check "show 75/101#2: part B's" has "$T/out" "A/RES/75/101B#2"
expect_status 1 "show 75/101#9: no part has it" rs show '75/101#9'
finish
