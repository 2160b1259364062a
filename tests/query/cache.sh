#!/bin/sh
# What a reader keeps between searches (lib/query-cache.hh: a resolution's
# context record, cited_by, provenance) is dropped when the index changes:
# one search --batch, in lock step, asks the same query before and after
# resdexd re-indexes a changed title and a new citation; the second answer
# has both.
. "$top_srcdir/tests/lib.sh"
QUERY_NO_SAMPLES=1
. "$top_srcdir/tests/query/query-lib.sh"

samples_corpus "$T/c"
chmod u+w "$T"/c/*
build_index "$T/c" "$T/db"
Q='alternatives imprisonment'
# res_of LINE: each E/RES/2017/19 hit's title and cited_by, one a line.
res_of() {
    printf '%s\n' "$1" | sed 's/{"rank":/\
/g' | grep '"symbol":"E/RES/2017/19"' |
        sed 's/.*"title":"\([^"]*\)".*\("cited_by":[0-9]*\).*/\1	\2/' | sort -u
}

mkfifo "$T/in" "$T/res"
"$RESDEX" --db "$T/db" search --batch --json --all --no-fold <"$T/in" >"$T/res" &
pid=$!
( sleep 60; kill "$pid" 2>/dev/null ) &
watchdog=$!
exec 3>"$T/in" 4<"$T/res"
echo "$Q" >&3
IFS= read -r first <&4
check "before: 2017/19 with its title, cited by none" \
    is "$(res_of "$first" | head -n 1)" "$(printf 'Promoting and encouraging the implementation of alternatives to imprisonment as part of comprehensive crime prevention and criminal justice policies\t"cited_by":0')"
echo "$Q" >&3
IFS= read -r again <&4
check "the same query again: the same answer" is "$again" "$first"

# 2017/19's title changed; 2023/24 cites it.
sed -i '/^2017\/19\. /s/Promoting and encouraging/Furthering/' "$T/c/ecosoc-2017-19.txt"
sed -i '/^Recalling the outcome of the Fourteenth/i Recalling Economic and Social Council resolution 2017/19 of 6 July 2017 on alternatives to imprisonment,\
' "$T/c/ecosoc-2023-24.txt"
"$RESDEXD" --once --db "$T/db" --corpus "$T/c" >"$T/resdexd2.log" 2>&1
echo "$Q" >&3
IFS= read -r after <&4
check "after: the new title, cited by 2023/24" \
    is "$(res_of "$after" | head -n 1)" "$(printf 'Furthering the implementation of alternatives to imprisonment as part of comprehensive crime prevention and criminal justice policies\t"cited_by":1')"
check "after: the answer of a new reader" \
    is "$after" "$(echo "$Q" | "$RESDEX" --db "$T/db" search --batch --json --all --no-fold)"
exec 3>&-
wait "$pid"
check "the batch ends with its input" test $? -eq 0
exec 4<&-
kill "$watchdog" 2>/dev/null

finish
