#!/bin/sh
# resdex serve answering many clients at once (--threads 4, a read handle
# each): 8 clients in parallel send every request of a set (searches with
# several option sets, show, similar, stats), each in its own order, three
# rounds over; every answer must be the command line's for the same request
# (the hits of search --json, show --json, similar --json), so that none is
# another request's, half made, or made on a handle another thread used.
# Then resdexd commits a file: every request after it, whichever thread and
# handle answers, sees it.
. "$top_srcdir/tests/lib.sh"
QUERY_NO_SAMPLES=1
. "$top_srcdir/tests/query/query-lib.sh"
. "$top_srcdir/tests/web/serve-lib.sh"
command -v curl >/dev/null || { echo "SKIP: no curl (scripts/install-deps installs it)" >&2; exit 77; }

# The samples but one, added at the end.
samples_corpus "$T/samples"
mv "$T/samples/ecosoc-2021-23.txt" "$T/later.txt"
build_index "$T/samples" "$T/db"

# The cases: $T/case.K.path (the URL's path and query), $T/case.K.body (a
# POST's body, when any), $T/case.K.want (what the answer must contain:
# the CLI's hits as the API lists them, or its whole output).
n=0
add_case() { # PATH WANT_FILE [BODY_FILE]
    printf '%s' "$1" >"$T/case.$n.path"
    cp "$2" "$T/case.$n.want"
    [ -z "${3:-}" ] || cp "$3" "$T/case.$n.body"
    n=$((n + 1))
}
search_case() { # API_QUERY CLI_ARGS...
    a=$1
    shift
    rs search --json "$@" >"$T/cli.json"
    printf '"hits":[%s]' "$(paste -sd, "$T/cli.json")" >"$T/want"
    add_case "/api/search?$a" "$T/want"
}
search_case "q=prison" prison
search_case "q=prison&limit=3&offset=2" --limit 3 --offset 2 prison
search_case "q=%22alternatives+to+imprisonment%22" '"alternatives to imprisonment"'
search_case "q=tokyo+rules&all=1&sort=date" --all --sort date tokyo rules
search_case "q=encourages&group=1&limit=5" --group --limit 5 encourages
search_case "q=body:ecosoc+year:2017+restorative" body:ecosoc year:2017 restorative
search_case "q=restorative+justice&full=1" --full restorative justice
search_case "q=victims&limit=20" --limit 20 victims
search_case "q=member+states&all=1&limit=15" --all --limit 15 member states
search_case "q=criminal+justice+NOT+prison" criminal justice NOT prison
search_case "q=train*&limit=7" --limit 7 'train*'
search_case "q=zzzxqy" zzzxqy
for id in 'E/RES/2017/19#1' 'E/RES/2017/19#5' '2017/19'; do
    rs show --json "$id" >"$T/want"
    add_case "/api/show?id=$(printf '%s' "$id" | sed 's/#/%23/')" "$T/want"
done
TEXT='Also encourages Member States to build or enhance the capacity of criminal justice officials and practitioners, including through specialized training;'
printf '%s' "$TEXT" >"$T/text"
rs similar --json --text "$TEXT" >"$T/cli.json"
printf '"hits":[%s]' "$(paste -sd, "$T/cli.json")" >"$T/want"
add_case "/api/similar" "$T/want" "$T/text"
rs stats --json >"$T/want"
add_case "/api/stats" "$T/want"

start_server "$T/db" --threads 4

# client C ROUNDS: every case ROUNDS times, in an order of its own; a line
# in $T/bad.C for each answer that is not the CLI's, the count of answers
# checked in $T/done.C.
client() {
    c=$1 rounds=$2 r=0 done=0
    : >"$T/bad.$c"
    while [ $r -lt "$rounds" ]; do
        i=0
        while [ $i -lt $n ]; do
            k=$(((i * 7 + c * 5 + r * 3) % n))
            out="$T/out.$c"
            if [ -f "$T/case.$k.body" ]; then
                curl -s -o "$out" -X POST --data-binary "@$T/case.$k.body" "${URL%/}$(cat "$T/case.$k.path")"
            else
                curl -s -o "$out" "${URL%/}$(cat "$T/case.$k.path")"
            fi
            grep -qF -- "$(cat "$T/case.$k.want")" "$out" ||
                printf 'client %s, %s: %.300s\n' "$c" "$(cat "$T/case.$k.path")" "$(cat "$out")" >>"$T/bad.$c"
            done=$((done + 1))
            i=$((i + 1))
        done
        r=$((r + 1))
    done
    echo "$done" >"$T/done.$c"
}
pids=
for c in 1 2 3 4 5 6 7 8; do
    client $c 3 &
    pids="$pids $!"
done
# shellcheck disable=SC2086
wait $pids
checked=$(cat "$T"/done.* | awk '{ s += $1 } END { print s }')
check "8 clients x 3 rounds x $n requests answered and checked" is "$checked" $((8 * 3 * n))
cat "$T"/bad.* >"$T/bad"
check "every answer is the command line's" test ! -s "$T/bad"
head -n 5 "$T/bad" >&2

# A commit of resdexd while the handles are open: 8 clients in parallel
# ask for what it added, 4 times each; every answer has it.
cp "$T/later.txt" "$T/samples/"
"$RESDEXD" --once --db "$T/db" --corpus "$T/samples" 2>/dev/null
asks() {
    c=$1 j=0
    : >"$T/seen.$c"
    while [ $j -lt 4 ]; do
        curl -s "${URL%/}/api/search?q=symbol:2021/23&all=1&limit=1" >>"$T/seen.$c"
        echo >>"$T/seen.$c"
        j=$((j + 1))
    done
}
pids=
for c in 1 2 3 4 5 6 7 8; do
    asks $c &
    pids="$pids $!"
done
# shellcheck disable=SC2086
wait $pids
cat "$T"/seen.* | grep -v '^$' >"$T/seen"
check "32 answers after the commit" is "$(wc -l <"$T/seen")" 32
check "every handle sees the commit" is "$(grep -c '"symbol":"E/RES/2021/23"' "$T/seen")" 32
check "SIGTERM: exit 0" stop_server
finish
