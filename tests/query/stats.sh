#!/bin/sh
# resdex stats: what the index holds, counted from the samples, and the files
# resdexd rejected, with their reasons, in text and JSON.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/query/query-lib.sh"

# The five samples: 5 files; 19 resolutions: 2017/19, 55/12, 2023/24 and
# the draft it carries, 2021/23 and the draft it carries, and in the E/2017/30 report three draft resolutions for the GA,
# two for ECOSOC, three draft decisions, resolutions 26/1-26/4 and decision 26/1.
expect_status 0 "stats" rs stats
check "stats: 5 files, none rejected" grep -q '^files *5 indexed, 0 rejected$' "$T/out"
check "stats: 19 resolutions" grep -q '^resolutions *19$' "$T/out"
check "stats: the index named" grep -qF "$T/db" "$T/out"
# resdexd records the corpus as a real path (top_srcdir may hold ".." in a VPATH build).
check "stats: the corpus named" grep -qF "$(cd "$T/samples" && pwd -P)" "$T/out"
check "stats: all English" grep -q '^  by language *en [0-9]*$' "$T/out"
check "stats: the four bodies" grep -q '^  by body .*CCPCJ.*CND 7' "$T/out"
check "stats: no rejected files listed" hasnt "$T/out" 'rejected files:'
expect_status 0 "stats --json" rs stats --json
check "stats --json: valid" valid_json "$T/out"
check "stats --json: counts" subset '{"files":5,"resolutions":19,"rejected":[]}' "$T/out"
check "stats --json: every field" \
    grep -q '^{"index":"[^"]*","corpus":"[^"]*","last_update":"[0-9T:-]*Z","index_bytes":[1-9][0-9]*,"files":5,"resolutions":19,"paragraphs":[1-9][0-9]*,"by_kind":{[^}]*},"by_lang":{"en":[0-9]*},"by_body":{[^}]*},"rejected":\[\],"shadowed":\[\]}$' "$T/out"
check "stats --json: the paragraphs add up by kind" sh -c "
    p=\$(sed 's/.*\"paragraphs\":\([0-9]*\).*/\1/' '$T/out')
    k=\$(sed 's/.*\"by_kind\":{\([^}]*\)}.*/\1/' '$T/out' | tr ',' '\n' | awk -F: '{ s += \$2 } END { print s }')
    [ \"\$p\" = \"\$k\" ]"
# The text and the JSON agree.
P=$(sed 's/.*"paragraphs":\([0-9]*\).*/\1/' "$T/out")
rs stats >"$T/text"
check "stats: the same paragraph count in text" grep -q "^paragraphs *$P\$" "$T/text"

# Four of the samples, counted paragraph by paragraph:
#   2017/19: 1 heading ("The Economic and Social Council,"), 12 preambular, 9 operative
#   55/12:   5 preambular, 2 operative (1 and 4)
#   2023/24: 1 heading ("The Economic and Social Council"), 1 operative
#            ("Recommends to the General Assembly the adoption of the
#            following draft resolution:"); the draft it carries, a
#            resolution of its own: 1 heading ("The General Assembly,"),
#            7 preambular, 12 operative
#   2021/23: the same, and its draft 1 heading, 12 preambular, 15 operative
# and binary junk and an empty file, which are rejected.
mkdir "$T/c"
cp "$top_srcdir"/corpus/ecosoc-2017-19.txt "$top_srcdir"/corpus/cnd-55-12.txt \
    "$top_srcdir"/corpus/ecosoc-2023-24.txt "$top_srcdir"/corpus/ecosoc-2021-23.txt "$T/c/"
# (an ELF header: bytes starting "PK\3\4" would be read as a damaged zip archive)
printf '\177ELF\002\001\001\000binary\000junk' >"$T/c/junk.txt"
: >"$T/c/empty.txt"
build_index "$T/c" "$T/db4"
expect_status 0 "stats, four samples and two bad files" "$RESDEX" --db "$T/db4" stats
check "4 files indexed, 2 rejected" grep -q '^files *4 indexed, 2 rejected$' "$T/out"
check "6 resolutions (two of them drafts)" grep -q '^resolutions *6$' "$T/out"
check "81 paragraphs" grep -q '^paragraphs *81$' "$T/out"
check "by kind" grep -q '^  by kind *operative 40, other 5, preambular 36$' "$T/out"
# 2021/23 and 2023/24 are ECOSOC's (their 2 + 2 paragraphs count for the GA
# too, to which they recommend a draft); the drafts (28 + 20) are the GA's,
# and count for ECOSOC too, which printed them (body:ecosoc finds them).
check "by body" grep -q '^  by body *CND 7, ECOSOC 74, GA 52$' "$T/out"
check "rejected files listed" grep -q '^rejected files:$' "$T/out"
check "junk.txt rejected as binary" grep -q '^  junk\.txt  binary data' "$T/out"
check "empty.txt rejected as empty" grep -q '^  empty\.txt  empty file' "$T/out"
expect_status 0 "stats --json, four samples and two bad files" "$RESDEX" --db "$T/db4" stats --json
check "--json: valid" valid_json "$T/out"
check "--json: the counts" subset '{"files":4,"resolutions":6,"paragraphs":81,"by_kind":{"operative":40,"other":5,"preambular":36},"by_lang":{"en":81},"by_body":{"CND":7,"ECOSOC":74,"GA":52}}' "$T/out"
check "--json: the rejected files, with reasons" \
    grep -q '"rejected":\[{"file":"empty.txt","since":"[0-9T:-]*Z","reason":"empty file"},{"file":"junk.txt","since":"[0-9T:-]*Z","reason":"binary data[^"]*"}\],"shadowed":\[\]}$' "$T/out"
# The rejected file is not searchable, the others are.
expect_status 1 "junk is not searched" "$RESDEX" --db "$T/db4" search junk
expect_status 0 "the good files are" "$RESDEX" --db "$T/db4" search --count '"cultural diversity"'

finish
