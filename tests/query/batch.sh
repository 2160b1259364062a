#!/bin/sh
# resdex search --batch: one query a line on standard input, one JSON object
# a line out ({"query","total","hits"}, or {"query","error"} for a bad query,
# which does not stop the others), the hits those of search --json, options
# applied to every query, each answer flushed before the next query is read.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/query/query-lib.sh"

printf '%s\n' '"cultural diversity"' 'year:abc' 'zzzqqqxx' '"working paper"' '' >"$T/queries"
rs search --batch <"$T/queries" >"$T/out" 2>"$T/err"
check "batch: exit 0 when a query found something" test $? -eq 0
check "batch: nothing on stderr" test ! -s "$T/err"
check "batch: one line per query" is "$(wc -l <"$T/out" | tr -d ' ')" 5
check "batch: valid JSON Lines" valid_json "$T/out"
sed -n 1p "$T/out" >"$T/l1"
check "batch: the first answer" subset '{"query":"\"cultural diversity\"","total":1,"hits":[{"rank":1,"id":"E/RES/2023/24/DR#4","resolution":{"symbol":"E/RES/2023/24/DR","number":null,"body":"GA","date":null,"adopted_as":null,"from":[]},"paragraph":{"kind":"operative","number":4,"verb":"Recognizes"},"footnotes":[],"tags":[],"cites":[]}]}' "$T/l1"
check "batch: fields in order" grep -q '^{"query":"\\"cultural diversity\\"","total":1,"hits":\[{"rank":1,"score":' "$T/l1"
check "batch: the snippet highlighted" grep -qF '[cultural diversity]' "$T/l1"
sed -n 2p "$T/out" >"$T/l2"
check "batch: a bad query answered with an error" \
    grep -q '^{"query":"year:abc","error":"year:abc is not a year[^"]*"}$' "$T/l2"
sed -n 3p "$T/out" >"$T/l3"
check "batch: nothing found" is "$(cat "$T/l3")" '{"query":"zzzqqqxx","total":0,"hits":[],"total_exact":true,"lang":"en","paragraphs":0}'
sed -n 4p "$T/out" >"$T/l4"
check "batch: after an error, the next query is answered" \
    subset '{"query":"\"working paper\"","total":1,"hits":[{"id":"E/RES/2023/24/DR#9","footnotes":[{"mark":"7","text":"E/CN.15/2023/13."}]}]}' "$T/l4"
sed -n 5p "$T/out" >"$T/l5"
check "batch: an empty line is answered with an error" grep -q '^{"query":"","error":"[^"]*"}$' "$T/l5"

# Lines that are not text: each still answered with its query and an error.
printf 'prison \377\n"cultural diversity"\nprison\000 overcrowding\nzzzqqqxx\n' | rs search --batch >"$T/out" 2>"$T/err"
check "bad bytes: exit 0 (a query found something)" test $? -eq 0
check "bad bytes: four answers" is "$(wc -l <"$T/out" | tr -d ' ')" 4
check "bad bytes: valid JSON Lines" valid_json "$T/out"
check "invalid UTF-8: the query (U+FFFD for the bad byte) and the error" \
    is "$(sed -n 1p "$T/out")" "{\"query\":\"prison $(printf '\357\277\275')\",\"error\":\"the query is not valid UTF-8 (byte 8)\"}"
check "after it, the next query" grep -q '^{"query":"\\"cultural diversity\\"","total":1,' "$T/out"
check "a NUL byte: refused, not cut short (U+FFFD in its place)" \
    is "$(sed -n 3p "$T/out")" "{\"query\":\"prison$(printf '\357\277\275') overcrowding\",\"error\":\"the query contains a NUL byte\"}"
check "bad bytes: nothing on stderr" test ! -s "$T/err"

# The hits are search --json's, for the same options.
ALT='"alternatives to imprisonment"'
rs search --no-fold --json --limit 4 "$ALT" >"$T/hits.json"
{ printf '{"query":"\\"alternatives to imprisonment\\"","total":15,"hits":['; paste -sd, "$T/hits.json" | tr -d '\n'; printf '],"total_exact":true,"lang":"en","paragraphs":15}\n'; } >"$T/expected-batch.json"
echo "$ALT" | rs search --no-fold --batch --limit 4 >"$T/out"
check "batch --no-fold --limit 4: the hits of search --json --limit 4, total 15" "$JSON_EQUAL" "$T/expected-batch.json" "$T/out"
echo "$ALT" | rs search --batch --limit 4 --offset 4 >"$T/out"
check "batch --offset 4: ranks 5 to 8" \
    is "$(grep -o '"rank":[0-9]*' "$T/out" | cut -d: -f2 | tr '\n' ' ')" "5 6 7 8 "
printf 'modi operandi\n' | rs search --batch >"$T/out"
check "batch: operative only by default" is "$(cat "$T/out")" '{"query":"modi operandi","total":0,"hits":[],"total_exact":true,"lang":"en","paragraphs":0}'
printf 'modi operandi\n' | rs search --batch --all >"$T/out"
check "batch --all: the preamble too" grep -qF '"id":"E/RES/2021/23/DR#pp6"' "$T/out"
printf 'cooperation academia\n' | rs search --batch --sort date >"$T/out"
check "batch --sort date: 2021/23 12 first" grep -q '"hits":\[{"rank":1,"score":[^,]*,"id":"E/RES/2021/23/DR#12"' "$T/out"
printf '"cultural diversity"\r\n' | rs search --batch >"$T/out"
check "batch: a CRLF line ending is not part of the query" grep -q '^{"query":"\\"cultural diversity\\"","total":1,' "$T/out"

# Exit status: 1 when no query found anything (errors included), 2 for a
# missing index.
printf 'zzzqqqxx\nyear:abc\n' >"$T/q2"
expect_status 1 "batch: nothing found anywhere" sh -c "'$RESDEX' --db '$T/db' search --batch <'$T/q2'"
check "batch: still an answer per line" is "$(wc -l <"$T/out" | tr -d ' ')" 2
expect_status 1 "batch: no input" sh -c "'$RESDEX' --db '$T/db' search --batch </dev/null"
check "batch: no input, no output" test ! -s "$T/out"
expect_status 2 "batch: a missing index" sh -c "'$RESDEX' --db '$T/nowhere' search --batch <'$T/queries'"
check "batch: a missing index, named" grep -qF "$T/nowhere" "$T/err"

# Lock step: each answer is written before the next query is read, so that a
# program can talk to resdex through pipes.
mkfifo "$T/in" "$T/res"
"$RESDEX" --db "$T/db" search --batch <"$T/in" >"$T/res" &
pid=$!
( sleep 15; kill "$pid" 2>/dev/null ) &
watchdog=$!
exec 3>"$T/in" 4<"$T/res"
echo '"cultural diversity"' >&3
IFS= read -r first <&4
check "lock step: the first answer before the second query" \
    sh -c "printf '%s' '$first' | grep -qF '\"id\":\"E/RES/2023/24/DR#4\"'"
echo '"working paper"' >&3
IFS= read -r second <&4
check "lock step: the second answer" sh -c "printf '%s' '$second' | grep -qF '\"id\":\"E/RES/2023/24/DR#9\"'"
exec 3>&-
wait "$pid"
check "lock step: exit 0 at the end of input" test $? -eq 0
exec 4<&-
kill "$watchdog" 2>/dev/null

finish
