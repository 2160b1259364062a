#!/bin/sh
# resdex exit status and error messages: 0 found, 1 nothing found, 2 error
# with one line on stderr (and nothing on stdout); the index found through
# --db, RESDEX_DB, XDG_DATA_HOME or HOME; --help and --version.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/query/query-lib.sh"

# error DESCRIPTION PATTERN ARGS...: resdex ARGS exits 2, prints nothing, and
# says one line on stderr matching PATTERN (grep -E).
error() {
    local d=$1 pat=$2; shift 2
    expect_status 2 "$d" "$RESDEX" "$@"
    check "$d: one line on stderr" one_err_line
    check "$d: nothing on stdout" test ! -s "$T/out"
    check "$d: the message" sh -c "grep -qE -- \"\$1\" '$T/err' || { echo \"  stderr: \$(cat '$T/err')\" >&2; false; }" sh "$pat"
}

# Found, nothing found.
expect_status 0 "found" rs search '"cultural diversity"'
check "found: nothing on stderr" test ! -s "$T/err"
expect_status 1 "nothing found" rs search zzzqqqxx
check "nothing found: silent" sh -c "test ! -s '$T/out' && test ! -s '$T/err'"

# Options.
error "unknown option" "unknown option '--bogus'" --db "$T/db" search --bogus prison
error "unknown option, shorthand" "unknown option '--frobnicate'" --db "$T/db" --frobnicate prison
error "an option with a value it does not take" "--json takes no value" --db "$T/db" search --json=yes prison
error "--limit not a number" "--limit wants a whole number from 0 to 100000, not 'ten'" --db "$T/db" search --limit ten prison
error "--limit too big" "not '100001'" --db "$T/db" search --limit 100001 prison
error "--offset negative" "--offset wants a whole number" --db "$T/db" search --offset -1 prison
error "--limit without its value" "--limit needs a value" --db "$T/db" search prison --limit
error "--sort unknown" "--sort is relevance or date, not 'size'" --db "$T/db" search --sort size prison
error "--count with --facets" "do not go together" --db "$T/db" search --count --facets prison
error "--batch with a query" "give no query on the command line" --db "$T/db" search --batch prison
error "no query" "no query" --db "$T/db" search
error "an empty query" "no query" --db "$T/db" search ''
error "--db without a directory" "--db needs a directory" --db
error "show: unknown option" "unknown option '--frob'" --db "$T/db" show --frob 2017/19
error "show: nothing to show" "what to show" --db "$T/db" show
error "show: a bad language" "--lang wants en, fr, es, ru, ar, zh, de \\(a list, or all\\), not 'xx'" --db "$T/db" show --lang xx 2017/19
# German is a language of the schema: asked for, it is looked for (and is not there).
expect_status 1 "show: German is a language" "$RESDEX" --db "$T/db" show --lang de 2017/19
error "show: an empty anchor" "'E/RES/2017/19#' is not SYMBOL or SYMBOL#ANCHOR" --db "$T/db" show 'E/RES/2017/19#'
error "stats: an argument" "unexpected 'extra'" --db "$T/db" stats extra
expect_status 2 "no command" "$RESDEX" --db "$T/db"
check "no command: the usage on stderr" grep -q '^usage: resdex' "$T/err"

# The index: named in the message when missing; found through the environment.
error "a missing index" "cannot open (the )?index $T/nowhere.*resdexd --once" --db "$T/nowhere" search prison
mkdir "$T/empty"
error "a folder that is not an index" "cannot open (the )?index $T/empty" --db "$T/empty" stats
error "show: a missing index" "resdex show: cannot open (the )?index $T/nowhere" --db "$T/nowhere" show 2017/19
error "stats: a missing index" "resdex stats: cannot open (the )?index $T/nowhere" --db "$T/nowhere" stats
export RESDEX_DB="$T/db"
expect_status 0 "RESDEX_DB" "$RESDEX" search '"cultural diversity"'
expect_status 0 "--db wins over RESDEX_DB" "$RESDEX" --db="$T/db" search '"cultural diversity"'
RESDEX_DB="$T/nowhere" expect_status 2 "RESDEX_DB missing" "$RESDEX" search prison
check "RESDEX_DB missing: named" grep -qF "$T/nowhere" "$T/err"
unset RESDEX_DB
expect_status 2 "XDG_DATA_HOME/resdex, missing" "$RESDEX" search prison
check "XDG_DATA_HOME/resdex: named" grep -qF "$XDG_DATA_HOME/resdex" "$T/err"
mkdir -p "$XDG_DATA_HOME" && cp -R "$T/db" "$XDG_DATA_HOME/resdex"
expect_status 0 "XDG_DATA_HOME/resdex" "$RESDEX" search '"cultural diversity"'
(unset XDG_DATA_HOME; HOME="$T/home" expect_status 2 "~/.local/share/resdex, missing" "$RESDEX" stats; \
    check "HOME: named" grep -qF "$T/home/.local/share/resdex" "$T/err"; exit "$failures") || failures=$((failures + 1))

# Bad filter values and queries: an error naming the fault, never a crash.
error "year:abc" "year:abc is not a year" --db "$T/db" search year:abc prison
error "year:17" "year:17 is not a year" --db "$T/db" search year:17
error "a reversed range" "year:2023..2015 is a reversed range" --db "$T/db" search year:2023..2015
error "a range of words" "year:2015..now is not a range of years" --db "$T/db" search year:2015..now
error "kind:foo" "kind:foo is not a kind: use preambular, operative, other or annex" --db "$T/db" search kind:foo
error "body:unesco" "body:unesco is not a body: use ga, ecosoc, ccpcj, cnd, sc or hrc" --db "$T/db" search body:unesco
error "lang:pt" "lang:pt is not a language: use en, fr, es, ru, ar, zh or de" --db "$T/db" search lang:pt prison
# German is a language (the UN publishes its resolutions in German too): no
# German file in the samples, so nothing found, not an error.
expect_status 1 "lang:de: nothing found, no error" "$RESDEX" --db "$T/db" search lang:de prison
error "a filter without a value" "symbol: needs a value" --db "$T/db" search symbol: prison
error "an unbalanced quote" "unbalanced quote" --db "$T/db" search '"alternatives to imprisonment'
error "an unbalanced quote after a filter" "unbalanced quote after tag: at position" --db "$T/db" search 'tag:"alternatives'
error "a dangling AND" "cannot parse the query" --db "$T/db" search prison AND
# Xapian's message for a syntax error has no position: resdex finds the operator.
check "a dangling AND: the position" grep -q "at position 8" "$T/err"
error "not UTF-8" "not valid UTF-8" --db "$T/db" search "$(printf 'prison \377')"
# The length limit: 8192 bytes, said in the message.
LONG=$(head -c 8193 /dev/zero | tr '\0' x)
error "a query over 8192 bytes" "the limit is 8192" --db "$T/db" search "$LONG"
error "a query over 8192 bytes in words" "the limit is 8192" --db "$T/db" search $(yes xx | head -n 3000)
OK=$(head -c 8000 /dev/zero | tr '\0' x)
expect_status 1 "a query of 8000 bytes is run" rs search "$OK"

# show: a resolution or paragraph that is not there is "nothing found".
expect_status 1 "show: an unknown symbol" rs show E/RES/1999/1
check "show: an unknown symbol: named" grep -q 'E/RES/1999/1' "$T/err"
check "show: an unknown symbol: one line" one_err_line
expect_status 1 "show: an unknown anchor" rs show 'E/RES/2017/19#10'
check "show: an unknown anchor: the anchors it has, in order" \
    has "$T/err" 'E/RES/2017/19 has no paragraph 10 (it has: x1 pp1 pp2 pp3 pp4 pp5 pp6 pp7 pp8 pp9 pp10 pp11 pp12 1 2 3 4 5 6 7 8 9)'
check "show: an unknown anchor: one line" one_err_line

# --help and --version: on stdout, exit 0.
for c in "" search show stats; do
    expect_status 0 "resdex $c --help" "$RESDEX" $c --help
    check "resdex $c --help: usage on stdout" grep -q '^usage: resdex' "$T/out"
done
expect_status 0 "--version" "$RESDEX" --version
check "--version: resdex and a version" grep -qE '^resdex [0-9]+\.[0-9]+' "$T/out"

finish
