#!/bin/sh
# resdex's one option parser: every command takes its options and the global
# ones (--db, --json, --help) anywhere, before or after the command's name
# and its words; "--" ends the options; an unknown first word is a query; an
# unknown option is exit 2 naming it and the command. Each row of a table
# gives a canonical command line and the same request written another way:
# both must print the same and exit the same.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/query/query-lib.sh"

DB="$T/db"
F="$top_srcdir/corpus/cnd-55-12.txt"

# same DESCRIPTION "CANONICAL ARGS" "VARIANT ARGS": the words of each string
# are resdex's arguments (split on spaces; no argument here has one).
same() {
    local d=$1
    # shellcheck disable=SC2086
    "$RESDEX" $2 >"$T/want" 2>"$T/want.err"; local want=$?
    # shellcheck disable=SC2086
    "$RESDEX" $3 >"$T/got" 2>"$T/got.err"; local got=$?
    if [ "$want" -ne "$got" ]; then
        fail "$d: exit $got, expected $want ($(head -c 200 "$T/got.err"))"
    elif ! cmp -s "$T/want" "$T/got"; then
        fail "$d: output differs from resdex $2"
        diff "$T/want" "$T/got" | head -n 6 >&2
    elif [ ! -s "$T/want" ]; then
        fail "$d: no output at all (the canonical line printed nothing: $(head -c 200 "$T/want.err"))"
    else
        pass
    fi
}

# Every command, each option before and after the command's name and its
# words. One row: description | canonical | variant.
while IFS='|' read -r d want got; do
    [ -n "$d" ] || continue
    same "$d" "$want" "$got"
done <<EOF
search: global options after the command|--db $DB --json search --limit 2 prison|search --limit 2 prison --db $DB --json
search: all before the command|--db $DB --json search --limit 2 prison|--json --limit 2 --db $DB search prison
search: between the words|--db $DB --json search --limit 2 alternatives imprisonment|search alternatives --json --limit=2 imprisonment --db=$DB
search: after the words|--db $DB --json search --limit 2 --all prison|--db $DB search prison --all --limit 2 --json
search: shorthand, options before|--db $DB --json search --limit 2 prison|--db $DB --json --limit 2 prison
search: shorthand, options after (resdex prison --db X)|--db $DB --json search --limit 2 prison|prison --db $DB --json --limit 2
search: shorthand, text layout|--db $DB search --limit 3 --full prison|prison --full --limit 3 --db $DB
search: --count before and after|--db $DB search --count prison|--db $DB prison --count
search: --count --json anywhere|--db $DB --json search --count prison|--count prison --json --db $DB
search: --facets|--db $DB search --facets --json prison|--json --facets --db $DB search prison
search: --sort and --offset|--db $DB search --json --sort date --offset 2 --limit 2 prison|search prison --limit=2 --offset=2 --sort=date --json --db $DB
show: --json after the symbol|--db $DB show --json E/RES/2017/19#3|--db $DB show E/RES/2017/19#3 --json
show: global options after|--db $DB --json show E/RES/2017/19#3|show E/RES/2017/19#3 --json --db $DB
show: --lang before the command|--db $DB show --lang en E/RES/2017/19|--lang=en --db $DB show E/RES/2017/19
show: a whole resolution, text|--db $DB show 2017/19|show 2017/19 --db=$DB
similar: options after the paragraph|--db $DB similar --json --limit 1 E/RES/2021/23/DR#5|similar E/RES/2021/23/DR#5 --limit 1 --json --db $DB
similar: options before the command|--db $DB similar --json --limit 1 E/RES/2021/23/DR#5|--json --limit=1 --db $DB similar E/RES/2021/23/DR#5
similar: text layout|--db $DB similar --limit 1 E/RES/2021/23/DR#5|similar E/RES/2021/23/DR#5 --db $DB --limit 1
stats: --json before the command (resdex --json stats is stats)|--db $DB stats --json|--json --db $DB stats
stats: global options after|--db $DB stats --json|stats --json --db $DB
stats: text|--db $DB stats|stats --db $DB
parse: --json before and after|parse --json $F|--json parse $F
parse: --json after the file|parse --json $F|parse $F --json
help: before and after the command|search --help|--help search
help: -h|stats --help|stats -h
help: shorthand|search --help|prison --help
EOF

# resdex --json stats is stats, not a search for "stats".
expect_status 0 "--json stats" "$RESDEX" --db "$DB" --json stats
check "--json stats: the stats object" subset '{"files":5,"resolutions":19}' "$T/out"

# "--" ends the options.
expect_status 0 "-- -word: a query word" "$RESDEX" --db "$DB" --json -- -zzzqqq diversity
check "-- -word: a search (hits), not an option error" grep -q '^{"rank":1,' "$T/out"
same "-- after search" "--db $DB --json search -- -zzzqqq diversity" "--db $DB --json -- -zzzqqq diversity"
same "-- then words: a search" "--db $DB search -- diversity" "--db $DB -- diversity"
"$RESDEX" --db "$DB" -- --json zzzqqq >"$T/out" 2>"$T/err"
check "-- --json: --json is a query word, not an option" hasnt "$T/err" option
check "-- --json: no JSON printed" hasnt "$T/out" '{"rank"'
expect_status 1 "-- stats: a search for the word stats" "$RESDEX" --db "$DB" -- stats
check "-- stats: not the stats" hasnt "$T/out" resolutions
expect_status 1 "search stats: a search for the word stats" "$RESDEX" --db "$DB" search stats
check "search stats: not the stats" hasnt "$T/out" resolutions
# A word that is not a command starts a query, wherever the options are.
same "an unknown first word is a query" "--db $DB search --json diversity cultural" "--json diversity cultural --db $DB"

# Unknown options: exit 2, one line naming the option and the command.
while IFS='|' read -r d msg args; do
    [ -n "$d" ] || continue
    # shellcheck disable=SC2086
    expect_status 2 "$d" "$RESDEX" $args
    check "$d: the message" has "$T/err" "$msg"
    check "$d: one line" one_err_line
    check "$d: nothing on stdout" test ! -s "$T/out"
done <<EOF
search: before the command|resdex search: unknown option '--bogus'|--db $DB --bogus search prison
search: after the words|resdex search: unknown option '--bogus'|--db $DB search prison --bogus
shorthand|resdex search: unknown option '--bogus'|--db $DB prison --bogus
with a value|resdex search: unknown option '--bogus'|--db $DB search --bogus=3 prison
show: after the symbol|resdex show: unknown option '--bogus'|--db $DB show 2017/19 --bogus
show: a single dash|resdex show: unknown option '-x'|--db $DB show -x 2017/19
show: another command's option|resdex show: unknown option '--limit'|--db $DB show --limit 3 2017/19
similar: before the command|resdex similar: unknown option '--bogus'|--db $DB --bogus similar E/RES/2021/23/DR#5
stats: before the command|resdex stats: unknown option '--bogus'|--db $DB --bogus stats
stats: after|resdex stats: unknown option '--bogus'|--db $DB stats --bogus
stats: another command's option|resdex stats: unknown option '--limit'|--db $DB stats --limit 3
parse: after the file|resdex parse: unknown option '--bogus'|parse $F --bogus
a flag given a value|resdex stats: --json takes no value|--db $DB stats --json=yes
a value missing at the end|resdex search: --limit needs a value|--db $DB prison --limit
a bad keyword|resdex search: --sort is relevance or date, not 'size'|--db $DB prison --sort size
similar: --limit out of range|resdex similar: --limit wants a whole number from 1 to 1000, not '0'|--db $DB similar --limit 0 E/RES/2021/23/DR#5
similar: --min out of range|resdex similar: --min wants a number from 0 to 1, not '2'|--db $DB similar --min 2 E/RES/2021/23/DR#5
EOF

# --help is generated from the command's table: every option is in it.
for c in search show similar stats parse; do
    expect_status 0 "$c --help" "$RESDEX" "$c" --help
    check "$c --help: its usage" grep -q "^usage: resdex.* $c" "$T/out"
    check "$c --help: the global options" grep -q '^  --db DIR' "$T/out"
    check "$c --help: --json said" grep -q '^  --json ' "$T/out"
done
expect_status 0 "search --help" "$RESDEX" search --help
for o in '--limit N' '--offset N' '--all' '--sort relevance|date' '--full' '--group' '--count' '--facets' '--batch'; do
    check "search --help: $o" grep -qF -- "  $o" "$T/out"
done
expect_status 0 "similar --help" "$RESDEX" similar --help
for o in '--text TEXT' '--file FILE' '--limit N' '--min S' '--lineage' '--batch'; do
    check "similar --help: $o" grep -qF -- "  $o" "$T/out"
done
expect_status 0 "show --help" "$RESDEX" show --help
check "show --help: --lang" grep -qF -- "  --lang LANGS " "$T/out"
expect_status 0 "resdex --help: the commands" "$RESDEX" --help
check "resdex --help: lists the commands" grep -q '^  similar ' "$T/out"
expect_status 0 "--version after the command" "$RESDEX" stats --version
check "--version: resdex and a version" grep -qE '^resdex [0-9]+\.[0-9]+' "$T/out"

finish
