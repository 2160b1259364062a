#!/bin/sh
# resdex similar's inputs: --text, --file, standard input, a pasted numbered
# paragraph, normalisation (quotes, footnote markers, line breaks), empty and
# huge inputs, usage errors.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/similar/similar-lib.sh"

P1='Encourages Member States, in implementing holistic and comprehensive crime prevention and criminal justice policies, to promote, as appropriate, alternatives to imprisonment, from the pretrial stage to the post-sentencing stage, taking into account the background, gender, age and other specific circumstances of offenders, including their vulnerability, and the objective of their rehabilitation and reintegration into society;'

expect_status 0 "--text" similar --text "$P1"
check "--text: 2017/19#1 first" is "$(first_hit)" "E/RES/2017/19#1"
check "--text: exact reuse" grep -q '^1\. E/RES/2017/19#1  similarity 1\.00 (exact)' "$T/out"
check "--text: no change marked in an exact hit" sh -c "sed -n 2p '$T/out' | grep -vq '\[[-+]'"

printf '%s\n' "$P1" >"$T/draft.txt"
expect_status 0 "--file" similar --file "$T/draft.txt"
check "--file: 2017/19#1 first" is "$(first_hit)" "E/RES/2017/19#1"
gzip -c "$T/draft.txt" >"$T/draft.txt.gz"
expect_status 0 "--file, gzip" similar --file "$T/draft.txt.gz"
check "--file gzip: 2017/19#1 first" is "$(first_hit)" "E/RES/2017/19#1"
expect_status 0 "standard input" sh -c "similar() { \"\$RESDEX\" --db '$T/db' similar \"\$@\"; }; RESDEX='$RESDEX' similar - <'$T/draft.txt'"
check "stdin: 2017/19#1 first" is "$(first_hit)" "E/RES/2017/19#1"

# A draft pasted from a converted PDF: number, italics, a footnote marker,
# curly quotes, a line break in a hyphenated word. Still exact reuse.
cat >"$T/pasted.txt" <<'TXT'
1. *Encourages* Member States, in implementing holistic and comprehensive crime
prevention and criminal justice policies,¹ to promote, as appropriate, alternatives
to imprisonment, from the pretrial stage to the post-sen-
tencing stage, taking into account the background, gender, age and other specific
circumstances of offenders, including their vulnerability, and the objective of
their rehabilitation and reintegration into society;
TXT
expect_status 0 "a pasted paragraph" similar --file "$T/pasted.txt"
check "pasted: exact reuse of 2017/19#1" grep -q '^1\. E/RES/2017/19#1  similarity 1\.00 (exact)' "$T/out"

# Edited draft: one clause added, a word changed.
expect_status 0 "an edited draft" similar --json --limit 1 --text \
    "Encourages Member States, in implementing holistic and comprehensive crime prevention and criminal justice policies, to promote, as appropriate, alternatives to imprisonment, from the pretrial stage to the post-sentencing stage, taking into account the background, gender, age and other specific circumstances of offenders, including their vulnerability and health, and the aim of their rehabilitation and reintegration into society;"
check "edited: 2017/19#1 or its draft first" sh -c "json_ids() { sed 's/^{\"rank\":[0-9]*,\"score\":[^,]*,\"id\":\"\\([^\"]*\\)\".*/\\1/' '$T/out'; }; json_ids | grep -q '#1\$'"
check "edited: the changed word" grep -qF '{"op":"delete","text":" objective"},{"op":"insert","text":" aim"}' "$T/out"

# Nothing like it.
expect_status 1 "no precedent" similar --text "Zebras juggle quantum xylophones at dawn"
check "no precedent: no output" test ! -s "$T/out"

# Empty and huge inputs: clear errors.
expect_status 2 "empty --text" similar --text ""
check "empty --text: said so" grep -q 'empty' "$T/err"
expect_status 2 "blank --text" similar --text "   "
: >"$T/empty.txt"
expect_status 2 "empty file" similar --file "$T/empty.txt"
check "empty file: said so" grep -q 'empty' "$T/err"
expect_status 2 "empty standard input" sh -c "'$RESDEX' --db '$T/db' similar - </dev/null"
expect_status 2 "punctuation only" similar --text ";;; -- ()"
head -c 70000 /dev/zero | tr '\0' 'a' | fold -w 9 | tr '\n' ' ' >"$T/huge.txt"
expect_status 2 "huge --file" similar --file "$T/huge.txt"
check "huge: names the limit" grep -q 'limit is 65536' "$T/err"
expect_status 2 "huge standard input" sh -c "'$RESDEX' --db '$T/db' similar - <'$T/huge.txt'"
check "huge stdin: names the limit" grep -q 'limit is 65536' "$T/err"
expect_status 2 "missing file" similar --file "$T/nowhere.txt"
check "missing file: named" grep -q 'nowhere.txt' "$T/err"
printf 'abc\0def' >"$T/binary"
expect_status 2 "binary standard input" sh -c "'$RESDEX' --db '$T/db' similar - <'$T/binary'"

# --batch: one JSON line per input line, errors included.
printf '%s\n' 'E/RES/2021/23/DR#5' "$P1" '' 'E/RES/2021/23/DR#99' >"$T/batch.in"
expect_status 0 "--batch" sh -c "'$RESDEX' --db '$T/db' similar --batch --limit 2 <'$T/batch.in'"
check "--batch: one line per input" test "$(wc -l <"$T/out")" -eq 4
check "--batch: a paragraph id" sh -c "sed -n 1p '$T/out' | grep -qF '\"hits\":[{\"rank\":1,\"score\":' "
check "--batch: 2017/19#1 for the id" sh -c "sed -n 1p '$T/out' | grep -qF '\"id\":\"E/RES/2017/19#1\"'"
check "--batch: a text" sh -c "sed -n 2p '$T/out' | grep -qF '\"similarity\":1.0,'"
check "--batch: an empty line is an error" sh -c "sed -n 3p '$T/out' | grep -qF '\"error\":\"empty text'"
check "--batch: an unknown paragraph is an error" sh -c "sed -n 4p '$T/out' | grep -qF '\"error\":\"no paragraph'"
# A line that is not UTF-8 is answered with its input (the bad byte as
# U+FFFD) and an error; the next line is answered as usual.
printf 'Encourages \377 Member States\n%s\n' 'E/RES/2021/23/DR#5' >"$T/batch.in"
expect_status 0 "--batch, a line not UTF-8" sh -c "'$RESDEX' --db '$T/db' similar --batch --limit 1 <'$T/batch.in'"
ufffd=$(printf '\357\277\275')
check "--batch: not UTF-8 is an error naming the input" sh -c "sed -n 1p '$T/out' | grep -qF '{\"input\":\"Encourages $ufffd Member States\",\"error\":\"the input is not valid UTF-8'"
check "--batch: the next line answered" sh -c "sed -n 2p '$T/out' | grep -qF '\"id\":\"E/RES/2017/19#1\"'"
expect_status 2 "--batch takes no other input" similar --batch --text "Member States"

# Usage errors.
expect_status 2 "no input" similar
expect_status 2 "two inputs" similar --text "Member States" 'E/RES/2021/23/DR#5'
expect_status 2 "bad --limit" similar --limit 0 --text "Member States"
expect_status 2 "bad --min" similar --min 2 --text "Member States"
expect_status 2 "unknown option" similar --frobnicate --text "Member States"
expect_status 0 "--help" similar --help
check "--help shows the usage" grep -q 'usage: resdex \[--db DIR\] similar' "$T/out"
expect_status 2 "no index" "$RESDEX" --db "$T/nowhere" similar --text "Member States"
expect_status 0 "--limit 1" similar --limit 1 --text "$P1"
check "--limit 1: one hit" test "$(grep -c '^[0-9]*\. ' "$T/out")" -eq 1

finish
