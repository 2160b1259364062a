#!/bin/sh
# resdex similar as issue 16 fixed it, on the shipped samples: the diff runs
# from the older text to the newer whichever was asked; scores are rounded;
# a pasted fragment is found (containment); when nothing passes --min, the
# best score is named; hits show their kind, verb and footnotes; a file of
# several paragraphs is sent to resdex check.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/similar/similar-lib.sh"

# 2017/19 1 (2017) is older than its reuse 2021/23 5 (2021), which adds
# "such as in relation to health,": asked from the older paragraph, that
# clause is still what the newer text adds.
expect_status 0 "similar the older paragraph" similar 'E/RES/2017/19#1' 'symbol:E/RES/2021/23/DR'
check "older asked: the newer hit's clause is inserted" \
    grep -qF '[+such as in relation to health,+]' "$T/out"
check "older asked: nothing deleted" sh -c "! grep -qF '[-' '$T/out'"
check "older asked: the hit is said to be newer" grep -q 'newer' "$T/out"
expect_status 0 "similar the older paragraph --json" similar --json 'E/RES/2017/19#1' 'symbol:E/RES/2021/23/DR'
check "--json: the insert run" grep -qF '{"op":"insert","text":" such as in relation to health,"}' "$T/out"
check "--json: newer" grep -qF '"newer":true' "$T/out"
expect_status 0 "similar the newer paragraph --json" similar --json 'E/RES/2021/23/DR#5' 'symbol:E/RES/2017/19'
check "newer asked: the same insert run" grep -qF '{"op":"insert","text":" such as in relation to health,"}' "$T/out"
check "newer asked: the hit is not newer" sh -c "! grep -qF '\"newer\"' '$T/out'"

# Rounded, not truncated: 0.948 prints 0.95.
expect_status 0 "similarity in JSON" similar --json 'E/RES/2021/23/DR#5' 'symbol:E/RES/2017/19'
check "JSON: 0.948" grep -qF '"similarity":0.948,' "$T/out"
expect_status 0 "similarity in text" similar 'E/RES/2021/23/DR#5' 'symbol:E/RES/2017/19'
check "text: 0.95" grep -q '^1\. E/RES/2017/19#1  similarity 0\.95 ' "$T/out"

# A pasted first half of the paragraph: symmetric similarity about 0.5, the
# paragraph holds all of it.
HALF='Encourages Member States, in implementing holistic and comprehensive crime prevention and criminal justice policies, to promote, as appropriate, alternatives to imprisonment, from the pretrial stage to the post-sentencing stage'
expect_status 0 "a pasted first half" similar --json --text "$HALF"
check "first half: 2017/19#1 or its reuse among the hits" sh -c "json_ids() { sed 's/^{\"rank\":[0-9]*,\"score\":[^,]*,\"id\":\"\\([^\"]*\\)\".*/\\1/' '$T/out'; }; json_ids | grep -qE '^E/RES/(2017/19#1|2021/23/DR#5)\$'"
check "first half: containment 1" grep -qF '"containment":1.0' "$T/out"
expect_status 0 "a pasted first half, text" similar --limit 1 --text "$HALF"
check "first half: says the hit holds it" grep -q 'holds all of the text' "$T/out"

# Nothing passes: the best score and where it was.
expect_status 1 "nothing passes --min 0.99" similar --min 0.99 'E/RES/2021/23/DR#5' 'symbol:E/RES/2017/19'
check "nothing passes: no hits printed" test ! -s "$T/out"
check "nothing passes: the best named" \
    grep -qF 'nothing passed --min 0.99; best was 0.95 (E/RES/2017/19#1)' "$T/err"

expect_status 1 "nothing passes --min 0.95" similar --min 0.95 'E/RES/2021/23/DR#5' 'symbol:E/RES/2017/19'
check "nothing passes: 0.948 is not shown as 0.95" \
    grep -qF 'nothing passed --min 0.95; best was 0.948 (E/RES/2017/19#1)' "$T/err"

# Hits carry kind, verb and footnotes, as search's do.
expect_status 0 "a paragraph with a footnote" similar --limit 1 --text \
    'Takes note of the working paper prepared by the Secretariat examining preliminary areas for consideration by the open-ended intergovernmental expert group;'
check "kind and verb" sh -c "sed -n 2p '$T/out' | grep -qF 'operative 9 · Takes note'"
check "its footnote" grep -qF '[7] E/CN.15/2023/13.' "$T/out"

# A draft of two paragraphs is not one paragraph.
printf '1. Encourages Member States to act;\n\n2. Requests the Secretary-General to report;\n' >"$T/two.txt"
expect_status 2 "similar --file with two paragraphs" similar --file "$T/two.txt"
check "two paragraphs: sent to resdex check" grep -qF 'holds 2 paragraphs; similar compares one: use resdex check' "$T/err"

finish
