#!/bin/sh
# Hostile queries against an index of the samples: unbalanced quotes and
# brackets, bad filter values, reversed and huge ranges, a 200 kB query,
# 5,000 wildcards, deep nesting, bad UTF-8 in argv, empty queries, absurd
# options, missing or broken indexes. Every one exits 0, 1 or 2 (never a
# signal, never timeout's 124: each runs under `timeout 20`), and an exit 2
# says why in one line on stderr.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/daemon/daemon-lib.sh"

# Xapian's own leak on some malformed CJK queries (see fuzz/lsan.supp).
export LSAN_OPTIONS="suppressions=$top_srcdir/fuzz/lsan.supp:print_suppressions=0"
make_corpus "$T/c"
"$RESDEXD" --quiet --once --db "$T/db" --corpus "$T/c" || fail "indexing the samples"
if "$RESDEX" --db "$T/db" search imprisonment 2>&1 | grep -q 'not implemented'; then
    echo "SKIP: resdex search is not implemented yet" >&2
    exit 77
fi

set -f # from here the queries hold * and must reach resdex as typed

# q DESCRIPTION [--want N] [--usage] ARGS...: run resdex with ARGS (after
# --db); --usage: an exit 2 may print the whole usage.
q() {
    local d="$1" want='' usage=0
    shift
    if [ "${1:-}" = --want ]; then want=$2; shift 2; fi
    if [ "${1:-}" = --usage ]; then usage=1; shift; fi
    timeout 20 "$RESDEX" --db "$T/db" "$@" >"$T/out" 2>"$T/err"
    local st=$?
    if [ "$st" -eq 124 ]; then fail "$d: still running after 20 s"; return; fi
    if [ "$st" -gt 2 ]; then
        fail "$d: exit $st (a signal or a crash): $(head -c 400 "$T/err")"
        return
    fi
    if [ -n "$want" ] && [ "$st" -ne "$want" ]; then
        fail "$d: exit $st, expected $want: $(head -c 300 "$T/err")"
        return
    fi
    if [ "$st" -eq 2 ]; then
        if [ ! -s "$T/err" ]; then fail "$d: exit 2 without a message"; return; fi
        if [ "$usage" = 0 ] && [ "$(wc -l <"$T/err")" -gt 1 ]; then
            fail "$d: the message is more than one line: $(head -c 400 "$T/err")"
            return
        fi
    fi
    if grep -q 'Sanitizer' "$T/err"; then fail "$d: sanitizer report"; return; fi
    pass
}

q "a plain query finds" --want 0 search imprisonment
q "unbalanced quote" search '"alternatives to'
q "quote alone" search '"'
q "unbalanced quote in a filter" --want 2 search 'body:"ga'
q "unbalanced opening bracket" search '(alternatives'
q "unbalanced closing bracket" search 'alternatives)'
q "brackets only" search '()'
q "year:abc" --want 2 search 'year:abc'
q "year:2023..2015 (reversed)" --want 2 search 'year:2023..2015'
q "year:0..99999" --want 2 search 'year:0..99999'
q "year:1000..3000 (a huge span)" --want 2 search 'year:1000..3000'
q "year:.." search 'year:..'
q "year: with no value" --want 2 search 'year:'
q "body:mars" --want 2 search 'body:mars'
q "kind:nothing" --want 2 search 'kind:nothing'
q "lang:xx" --want 2 search 'lang:xx'
q "an unknown field" --want 2 search 'colour:blue'
q "operators only: AND" search AND
q "operators only: OR OR" search OR OR
q "operators only: NOT" search NOT
q "NEAR alone" search NEAR
q "a lone minus" search -
q "a lone star" search '*'
q "colons" search '::'
q "a filter negated only" --want 0 search -body:ga
q "NEAR/99999 (over 1000)" --want 2 search 'prison NEAR/99999 justice'
q "empty query" --want 2 search ''
q "blank query" --want 2 search '   '
q "no query at all" --want 2 --usage search
q "the shorthand with no query" --want 2 --usage

# Sizes: 200 kB of words (over the 8 kB limit), exactly at the limit, and
# 5,000 wildcards.
words=$(awk 'BEGIN { for (i = 0; i < 20000; i++) printf "imprison%02d ", i % 100 }')
# shellcheck disable=SC2086
q "200 kB query in 20,000 words" --want 2 search $words
# (one argument of argv holds at most 128 kB)
big=$(head -c 122880 /dev/zero | tr '\000' 'a')
q "120 kB single word" --want 2 search "$big"
at=$(awk 'BEGIN { s = ""; while (length(s) < 8190) s = s "prison "; print substr(s, 1, 8192) }')
q "a query of 8,192 bytes" search "$at"
stars=$(awk 'BEGIN { for (i = 0; i < 5000; i++) printf "a* " }')
# shellcheck disable=SC2086
q "5,000 wildcards" search $stars
stars=$(awk 'BEGIN { for (i = 0; i < 2000; i++) printf "%c* ", 97 + i % 26 }')
# shellcheck disable=SC2086
q "2,000 wildcards within the size limit" search $stars
q "one wildcard matching every word" search 'a*'
q "a wildcard inside a phrase" search '"alter* to impris*"'
deep=$(awk 'BEGIN { for (i = 0; i < 3000; i++) printf "("; printf "prison"; for (i = 0; i < 3000; i++) printf ")" }')
q "3,000 nested brackets" search "$deep"
deepnot=$(awk 'BEGIN { for (i = 0; i < 1500; i++) printf "NOT "; printf "prison" }')
q "1,500 NOTs" search "$deepnot"
phrase=$(awk 'BEGIN { printf "\""; for (i = 0; i < 1000; i++) printf "the "; printf "\"" }')
q "a phrase of 1,000 stopwords" search "$phrase"

# Bad UTF-8 in argv.
q "invalid UTF-8 bytes" search "$(printf '\377\376')"
q "an overlong encoding" search "$(printf 'pri\300\257son')"
q "a surrogate" search "$(printf '\355\240\200')"
q "a sequence cut short" search "$(printf 'prison \342\202')"
q "bad UTF-8 in a filter value" search "$(printf 'body:\377')"
q "control characters" search "$(printf 'pri\001\002son\033[31m')"
q "CJK with a leading OR" search "$(printf 'OR n \344\270\200 n')"
q "JSON output of bad UTF-8" search --json "$(printf '\377')"

# Options.
q "--limit 0" search --limit 0 prison
q "--limit huge" search --limit 4294967295 prison
q "--limit over 2^32" search --limit 99999999999999999999 prison
q "--limit negative" search --limit -1 prison
q "--limit not a number" search --limit abc prison
q "--offset huge" search --offset 4294967295 prison
q "--offset and --limit at the top" search --offset 4294967295 --limit 4294967295 prison
q "--sort nonsense" search --sort sideways prison
q "an unknown option" search --frobnicate prison

# show and stats.
q "show an empty symbol" show ''
q "show a symbol that is not there" --want 1 show 'A/RES/99/999'
q "show a missing anchor" show 'E/RES/2017/19#999999'
q "show a broken anchor" show 'E/RES/2017/19#'
q "show a 100 kB symbol" show "$(head -c 100000 /dev/zero | tr '\000' '9')"
q "show bad UTF-8" show "$(printf '\377/RES')"
q "stats" --want 0 stats

# Indexes that are not there or not indexes.
timeout 20 "$RESDEX" --db "$T/none" search prison >"$T/out" 2>"$T/err"
check "a missing index: exit 2" test $? -eq 2
check "a missing index: one line" test "$(wc -l <"$T/err")" -eq 1
mkdir "$T/emptydir"
timeout 20 "$RESDEX" --db "$T/emptydir" search prison >"$T/out" 2>"$T/err"
check "an empty folder as index: exit 2" test $? -eq 2
echo "not an index" >"$T/afile"
timeout 20 "$RESDEX" --db "$T/afile" search prison >"$T/out" 2>"$T/err"
check "a file as index: exit 2" test $? -eq 2
set +f
cp -r "$T/db" "$T/broken"
for f in "$T/broken"/*.glass; do
    [ -f "$f" ] || continue
    n=$(wc -c <"$f")
    head -c "$n" /dev/urandom >"$f"
done
timeout 20 "$RESDEX" --db "$T/broken" search prison >"$T/out" 2>"$T/err"
st=$?
check "a corrupt index: exit 2, not a signal (got $st)" test "$st" -eq 2
check "a corrupt index: a message" test -s "$T/err"
finish
