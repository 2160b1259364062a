#!/bin/sh
# resdex search filters on the shipped samples: body: year: year:A..B
# symbol: kind: verb: lang: cites: tag:, negated filters, filters alone, and
# filters with words. Expected values were read from the documents.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/query/query-lib.sh"

ALT='"alternatives to imprisonment"'
# ids_of ARGS...: the sorted ids of a search with a big limit.
ids_of() { rs search --no-fold --limit 1000 "$@" >"$T/out" 2>"$T/err"; hit_ids | LC_ALL=C sort; }
# count_of ARGS...: search --count.
count_of() { rs search --no-fold --count "$@" 2>"$T/err"; }
# only_prefix PREFIX: every hit's id starts with PREFIX, and there is one.
only_prefix() { [ -n "$(hit_ids)" ] && ! hit_ids | grep -v "^$1" >&2; }

# body: sample 002 is the one CND resolution, 55/12, with operative 1 and 4.
check "body:cnd alone: 55/12 1 and 4" is "$(ids_of body:cnd)" "$(lines E/CN.7/RES/55/12#1 E/CN.7/RES/55/12#4)"
check "body:cnd --all: its 7 paragraphs (5 preambular)" is "$(count_of --all body:cnd)" 7
check "body:CND in capitals" is "$(ids_of body:CND)" "$(lines E/CN.7/RES/55/12#1 E/CN.7/RES/55/12#4)"
# Of the fifteen paragraphs with the phrase, 2021/23 5 is the GA draft that
# ECOSOC resolution 2021/23 carries: a resolution of its own, the GA's, and
# printed by ECOSOC in its resolution: found under both bodies.
check "body:ecosoc with words: 2017/19, its draft and the draft 2021/23 carries" \
    is "$(count_of body:ecosoc "$ALT")" 15
check "body:ecosoc: the draft 2021/23 carries" \
    is "$(ids_of body:ecosoc symbol:E/RES/2021/23/DR "$ALT")" "E/RES/2021/23/DR#5"
check "body:ecosoc --all: all 2021/23/DR's paragraphs, as body:ga" \
    is "$(count_of --all body:ecosoc symbol:E/RES/2021/23/DR)" "$(count_of --all body:ga symbol:E/RES/2021/23/DR)"
check "a report's draft is not its recommending Commission's: body:ccpcj" \
    is "$(count_of body:ccpcj symbol:E/2017/30/DR.B.II)" 0
check "body:ga with words: the draft 2021/23 carries" is "$(ids_of body:ga "$ALT")" "E/RES/2021/23/DR#5"
expect_status 1 "body:ga: 2017/19 is ECOSOC's" rs search body:ga symbol:2017/19
# Umoja is in the Commission's own resolution 26/1.
check "body:ccpcj Umoja" is "$(ids_of body:ccpcj Umoja)" "$(lines 'E/CN.15/RES/26/1#5' 'E/CN.15/RES/26/1#6(d)')"
expect_status 1 "body:ecosoc Umoja" rs search body:ecosoc Umoja

# year: 2023/24 (25 July 2023) has one operative paragraph of its own
# (Recommends ...) and its draft 12 (the draft's year is its resolution's);
# 2021/23 1 and 15.
check "year:2023: 13" is "$(count_of year:2023)" 13
check "year:2023 --all: 22 (7 preambular, 3 others)" is "$(count_of --all year:2023)" 22
check "year:2021..2023: 29" is "$(count_of year:2021..2023)" 29
check "year:2022..2023: 13" is "$(count_of year:2022..2023)" 13
check "year:2021..: from 2021 on" is "$(count_of year:2021..)" 29
check "year:2017 with the phrase: 2017/19 and its draft, not 2021/23" \
    is "$(count_of year:2017 "$ALT")" 14
check "-year:2017 with the phrase: 2021/23 5" is "$(ids_of "$ALT" -year:2017)" "E/RES/2021/23/DR#5"
expect_status 0 "year:2021 ... --json" rs search --json year:2021 '"adoption of the following draft resolution"'
check "year:2021: the date says so" grep -q '"date":"2021-07-22"' "$T/out"
expect_status 1 "year:1999" rs search year:1999

# symbol: by full symbol or by number.
check "symbol:E/RES/2017/19: 9 operative" is "$(count_of symbol:E/RES/2017/19)" 9
check "symbol:2017/19: the same" is "$(count_of symbol:2017/19)" 9
check "symbol:2017/19 --all: 22 (12 preambular, 1 heading)" is "$(count_of --all symbol:2017/19)" 22
ids_of symbol:2017/19 "$ALT" >/dev/null
check "symbol:2017/19 with the phrase: only 2017/19" only_prefix 'E/RES/2017/19#'
check "symbol:55/12 (a CND number)" is "$(ids_of symbol:55/12)" "$(lines E/CN.7/RES/55/12#1 E/CN.7/RES/55/12#4)"
# 26/1 numbers both the Commission's resolution 26/1 and its decision 26/1.
check "symbol:26/1: resolution and decision" \
    is "$(rs search --all --group --limit 100 symbol:26/1 | sed -n 's/^[0-9]*\. \([^#]*\)#.*/\1/p' | LC_ALL=C sort)" \
    "$(lines E/CN.15/DEC/26/1 E/CN.15/RES/26/1)"
check "-symbol: leaves it out" is "$(count_of "$ALT" -symbol:2017/19)" 8
expect_status 1 "symbol: of nothing indexed" rs search symbol:1999/1

# kind: the draft 2023/24 carries: 7 preambular (Recalling ... Recalling
# also), 12 operative, 1 other (The General Assembly,); 2023/24 itself: The
# Economic and Social Council (other), then its operative 1, "Recommends to
# the General Assembly the adoption of the following draft resolution:".
check "kind:preambular" is "$(count_of symbol:E/RES/2023/24/DR kind:preambular)" 7
check "kind:operative" is "$(count_of symbol:E/RES/2023/24/DR kind:operative)" 12
check "kind:other" is "$(count_of symbol:E/RES/2023/24/DR kind:other)" 1
check "kind:other: the draft's formula" is "$(ids_of symbol:E/RES/2023/24/DR kind:other)" E/RES/2023/24/DR#x1
check "2023/24's own paragraphs" is "$(ids_of --all symbol:2023/24)" "$(lines E/RES/2023/24#1 E/RES/2023/24#x1)"
check "2023/24's operative 1" is "$(ids_of symbol:2023/24 verb:recommends)" E/RES/2023/24#1
check "the same filter twice: either value" is "$(count_of symbol:E/RES/2023/24/DR kind:preambular kind:operative)" 19
# The query preparer keeps a closing parenthesis in a filter's value.
check "a filter in parentheses: (kind:preambular OR kind:operative)" \
    is "$(count_of symbol:E/RES/2023/24/DR '(kind:preambular OR kind:operative)')" 19

# verb: the whole leading phrase, in any case (until index format 2 it also
# matched the phrase's head verb: verb:encourages found "Also encourages").
# 2023/24: Encourages 1 5, Also encourages 2 6, Further encourages 3 7,
# Strongly encourages 10; Takes note 9.
check "verb:encourages: that phrase, not also/further/strongly encourages" \
    is "$(ids_of verb:encourages symbol:E/RES/2023/24/DR)" "$(lines E/RES/2023/24/DR#1 E/RES/2023/24/DR#5)"
check "verb: in capitals" is "$(ids_of verb:Encourages symbol:E/RES/2023/24/DR)" "$(lines E/RES/2023/24/DR#1 E/RES/2023/24/DR#5)"
check "-verb:encourages" is "$(count_of -verb:encourages symbol:E/RES/2023/24/DR)" 10
check "verb:\"also encourages\"" is "$(ids_of 'verb:"also encourages"' symbol:E/RES/2023/24/DR)" "$(lines E/RES/2023/24/DR#2 E/RES/2023/24/DR#6)"
check "verb:\"takes note\"" is "$(ids_of 'verb:"takes note"' symbol:E/RES/2023/24/DR)" "E/RES/2023/24/DR#9"
check "verb:Recognizes" is "$(ids_of verb:Recognizes symbol:E/RES/2023/24/DR)" "E/RES/2023/24/DR#4"
# 2017/19's preamble: Bearing in mind pp5 pp8 pp11; ... also pp6; ... further pp7.
check "verb:\"bearing in mind\": that verb exactly" \
    is "$(ids_of --all 'verb:"bearing in mind"' symbol:2017/19)" "$(lines E/RES/2017/19#pp11 E/RES/2017/19#pp5 E/RES/2017/19#pp8)"
check "verb:\"bearing in mind also\"" is "$(ids_of --all 'verb:"bearing in mind also"' symbol:2017/19)" "E/RES/2017/19#pp6"
expect_status 1 "verb:bearing: no phrase is that word alone" rs search --all verb:bearing symbol:2017/19

# lang: the samples are English.
check "lang:en with the phrase" is "$(count_of lang:en "$ALT")" 15
expect_status 1 "lang:fr on English samples" rs search lang:fr "$ALT"

# cites: 2017/19 pp2 cites 70/174 through its footnote 4; 2023/24 8 and pp6
# name 77/232; 2023/24 9's footnote 7 is E/CN.15/2023/13.
check "cites:70/174 in 2017/19: pp2 (by a footnote)" is "$(ids_of --all cites:70/174 symbol:2017/19)" "E/RES/2017/19#pp2"
check "cites:77/232 --all" is "$(ids_of --all cites:77/232)" "$(lines E/RES/2023/24/DR#8 E/RES/2023/24/DR#pp6)"
check "cites:77/232: operative only" is "$(ids_of cites:77/232)" "E/RES/2023/24/DR#8"
check "cites:E/CN.15/2023/13" is "$(ids_of cites:E/CN.15/2023/13)" "E/RES/2023/24/DR#9"
check "cites:A/RES/77/232, the full symbol" is "$(ids_of cites:A/RES/77/232)" "E/RES/2023/24/DR#8"
# A symbol typed as a word finds the text, not the footnotes.
check "77/232 as a word" is "$(ids_of --all 77/232)" "$(lines E/RES/2023/24/DR#8 E/RES/2023/24/DR#pp6)"
# A/CONF.234/16 (the Kyoto Congress report) is only in footnotes: 2021/23
# pp4's 2, 2023/24 pp1's 1 and pp4's 3.
check "cites: through footnotes only" is "$(ids_of --all cites:A/CONF.234/16)" \
    "$(lines E/RES/2021/23/DR#pp4 E/RES/2023/24/DR#pp1 E/RES/2023/24/DR#pp4)"
# A full symbol typed as a word also finds the paragraphs that cite it
# (paragraphs print "resolution 77/232", their footnotes "A/CONF.234/16")
# and those of the document itself.
check "A/CONF.234/16 as a word: in no text, cited by three footnotes" is "$(ids_of --all A/CONF.234/16)" \
    "$(lines E/RES/2021/23/DR#pp4 E/RES/2023/24/DR#pp1 E/RES/2023/24/DR#pp4)"
check "A/RES/77/232 as a word: the paragraphs that cite it" is "$(ids_of --all A/RES/77/232)" \
    "$(lines E/RES/2023/24/DR#8 E/RES/2023/24/DR#pp6)"
check "E/RES/2017/19 as a word: its own 22 paragraphs" is "$(ids_of --all e/res/2017/19)" "$(ids_of --all symbol:E/RES/2017/19)"
check "... 22 of them" is "$(count_of --all E/RES/2017/19)" 22
rs search --json --limit 1 A/RES/77/232 >"$T/sym.json"
check "a symbol is in no language: A/RES/77/232 is searched in English" grep -q '"lang":"en"' "$T/sym.json"
check "-A/RES/77/232 leaves out the paragraphs that cite it" \
    is "$(ids_of --all symbol:E/RES/2023/24/DR -A/RES/77/232 | grep -c '#8$\|#pp6$')" 0
check "... and keeps the others" is "$(count_of --all symbol:E/RES/2023/24/DR -A/RES/77/232)" \
    "$(( $(count_of --all symbol:E/RES/2023/24/DR) - 2 ))"
check "-A/RES/77/232 alone: every paragraph but those" is "$(count_of --all lang:en -A/RES/77/232)" \
    "$(( $(count_of --all lang:en) - 2 ))"
# E/CN.15/2017/8 is in the text of decision 26/1, its one (unnumbered) paragraph.
check "E/CN.15/2017/8 as a word" is "$(ids_of --all E/CN.15/2017/8)" "E/CN.15/DEC/26/1#o1"
check "cites:E/CN.15/2017/8" is "$(ids_of --all cites:E/CN.15/2017/8)" "E/CN.15/DEC/26/1#o1"

# tag: sample 002's topic tags. "Alternatives to punishment": pp1-pp4, 1, 4;
# "Civil society engagement": pp5; "Flexibilities in the UN drug
# conventions": pp1 and 1.
check "tag: operative" is "$(ids_of 'tag:"alternatives to punishment"')" "$(lines E/CN.7/RES/55/12#1 E/CN.7/RES/55/12#4)"
check "tag: --all" is "$(count_of --all 'tag:"Alternatives to punishment"')" 6
check "tag: civil society" is "$(ids_of --all 'tag:"civil society engagement"')" "E/CN.7/RES/55/12#pp5"
check "tag: flexibilities" is "$(ids_of --all 'tag:"flexibilities in the UN drug conventions"')" "$(lines E/CN.7/RES/55/12#1 E/CN.7/RES/55/12#pp1)"
check "-tag:" is "$(ids_of --all body:cnd '-tag:"alternatives to punishment"')" "E/CN.7/RES/55/12#pp5"

# Filters together, and with words.
check "body + year + words" is "$(ids_of body:ga year:2021 "$ALT")" "E/RES/2021/23/DR#5"
check "body + year + words: the draft ECOSOC printed" is "$(ids_of body:ecosoc year:2021 "$ALT")" "E/RES/2021/23/DR#5"
check "kind:preambular + cites + words" is "$(ids_of kind:preambular cites:70/174 Doha symbol:2017/19)" "E/RES/2017/19#pp2"
# A filter's value is not a word: "body:cnd" does not search for "cnd".
expect_status 1 "no word 'cnd' in the text" rs search cnd

finish
