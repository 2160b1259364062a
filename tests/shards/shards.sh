#!/bin/bash
# Shards (issue 20): the whole shipped corpus built as one index and as 3
# shards (resdexd --shard K/N), the shards served by xapian-tcpsrv on
# loopback and joined by a stub file, local ('auto') and remote: search,
# --group, --facets, folding, show, similar, check and stats answer the same
# JSON; a shard that is down, or too slow, or killed between two lines of a
# batch, is named with exit 2 (CLI) and 503 (resdex serve), never a crash or
# a silent partial answer; --partial answers from the others, marked; writes
# to a stub and a shard rebuilt as another K/N are refused.
# The partition is by resolution symbol: every copy and language of one
# resolution is in one shard, where one copy shadows the others as in one
# index (resdexd(8), "shadowed"), so both hold the same searched paragraphs.
. "$top_srcdir/tests/lib.sh"
if ! command -v xapian-tcpsrv >/dev/null 2>&1; then
    if [ -n "${CI:-}" ] || [ "${RESDEX_REQUIRE_SHARED:-0}" = 1 ]; then
        echo "FAIL: xapian-tcpsrv is missing (Debian xapian-tools)" >&2
        exit 1
    fi
    echo "SKIP: xapian-tcpsrv not installed (Debian xapian-tools)" >&2
    exit 77
fi
servers=""
cleanup() {
    for g in $servers; do kill -KILL -- "-$g" 2>/dev/null; done
    rm -rf "$T"
}
trap cleanup EXIT

# The whole shipped corpus, once whole and once in 3 shards.
"$RESDEXD" --once --quiet --jobs 2 --db "$T/one" --corpus "$top_srcdir/corpus" 2>"$T/err"
check "the whole index builds" test $? -eq 0
total=0
for k in 1 2 3; do
    "$RESDEXD" --once --jobs 2 --shard $k/3 --db "$T/s$k" --corpus "$top_srcdir/corpus" 2>"$T/log$k"
    check "shard $k/3 builds" test $? -eq 0
    n=$("$RESDEX" --db "$T/s$k" stats --json | sed -n 's/.*"paragraphs":\([0-9]*\).*/\1/p')
    total=$((total + ${n:-0}))
done
whole=$("$RESDEX" --db "$T/one" stats --json | sed -n 's/.*"paragraphs":\([0-9]*\).*/\1/p')
check "the shards partition the corpus: $total paragraphs against $whole" test "$total" = "$whole"

# Identity: another K/N, or the whole corpus, is refused on a shard.
expect_status 2 "a shard rebuilt as another shard" "$RESDEXD" --once --shard 2/3 --db "$T/s1" --corpus "$top_srcdir/corpus"
check "... says which shard it is" grep -q "index $T/s1 is shard 1/3, not 2/3" "$T/err"
expect_status 2 "a shard reconciled as the whole corpus" "$RESDEXD" --once --db "$T/s1" --corpus "$top_srcdir/corpus"
check "... says to give --shard" grep -q "give --shard 1/3" "$T/err"
expect_status 2 "--shard on an index of the whole corpus" "$RESDEXD" --once --shard 1/3 --db "$T/one" --corpus "$top_srcdir/corpus"
expect_status 2 "--shard 4/3" "$RESDEXD" --once --shard 4/3 --db "$T/x" --corpus "$top_srcdir/corpus"
check "... explains K/N" grep -q "shard K of N" "$T/err"
# A shard of the earlier partition by file path (no resdex:shard-by) is
# refused: its files would keep the resolutions of other shards.
cp -r "$T/s1" "$T/old"
xapian-metadata set "$T/old" resdex:shard-by ""
expect_status 2 "a shard divided by path (an earlier resdexd)" "$RESDEXD" --once --shard 1/3 --db "$T/old" --corpus "$top_srcdir/corpus"
check "... says to rebuild it" grep -q "divided by file path .*rebuild it" "$T/err"
rm -rf "$T/old"

# One xapian-tcpsrv per shard, on a free loopback port, in its own process
# group (it forks a child per connection: killing the group ends both).
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
serve_shard() { # serve_shard K: sets port_K and pgid_K
    local k=$1 p
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        p=$((20000 + RANDOM % 40000))
        port_open "$p" && continue
        setsid xapian-tcpsrv --interface 127.0.0.1 --port "$p" "$T/s$k" >"$T/srv$k.log" 2>&1 &
        local pid=$!
        disown "$pid"
        if wait_until 10 port_open "$p"; then
            eval "port_$k=$p pgid_$k=$pid"
            servers="$servers $pid"
            return 0
        fi
        kill -KILL -- "-$pid" 2>/dev/null
    done
    return 1
}
for k in 1 2 3; do
    serve_shard $k || { fail "xapian-tcpsrv for shard $k does not listen"; finish; exit 1; }
done
printf 'remote 127.0.0.1:%s\nremote 127.0.0.1:%s\nremote 127.0.0.1:%s\n' "$port_1" "$port_2" "$port_3" >"$T/remote.stub"
printf '# three local shards\nauto s1\nauto s2\nauto %s\n' "$T/s3" >"$T/local.stub"

# Same JSON from the one index and from either stub.
# A snippet's window is left out of the comparison: Xapian weighs a snippet's
# terms by their best weight in each shard (doc/shards.md), so where two
# windows are nearly as good another can be chosen. The paragraph's text,
# its id, score and rank are compared.
# Snippets may differ (resdex(1)); every facet is compared.
no_snippets() {
    sed 's/"snippet":"\([^"\\]\|\\.\)*"/"snippet":_/g' "$1"
}
same() { # same DESCRIPTION ARGS...: resdex ARGS over the three, compared
    local d=$1; shift
    "$RESDEX" --db "$T/one" "$@" >"$T/a" 2>"$T/ea"; local a=$?
    no_snippets "$T/a" >"$T/a2"
    for stub in remote local; do
        "$RESDEX" --db "$T/$stub.stub" "$@" >"$T/b" 2>"$T/eb"; local b=$?
        no_snippets "$T/b" >"$T/b2"
        if [ "$a" = "$b" ] && [ "$a" -ne 2 ] && cmp -s "$T/a2" "$T/b2"; then
            pass
        else
            fail "$d ($stub stub): exit $a and $b; $(cmp "$T/a" "$T/b" 2>&1 | head -1); $(head -c 200 "$T/eb")"
        fi
    done
}
same "search" search --json --limit 30 alternatives to imprisonment
same "search, all kinds" search --json --limit 30 --all trafficking in persons
same "a phrase" search --json --limit 20 '"criminal justice"'
same "filters only (equal weights: the stable tie key)" search --json --limit 40 kind:preambular year:2017
same "by date" search --json --limit 20 --sort date corruption
same "--group" search --json --group --limit 20 trafficking in persons
same "--facets" search --json --facets --limit 5 cybercrime
same "--facets of every kind and language" search --json --facets --limit 5 --all trafficking
same "--facets under a kind filter" search --json --facets --limit 5 kind:preambular prison
same "folding over shards" search --json --limit 10 '"Convention against Transnational Organized Crime"'
same "an exact count" search --count --all prison
same "French" search --json --limit 10 lang:fr prison
same "nothing found" search --json zzzqqqxxunknown
same "an acronym widened to its name (synonyms, also over remote shards)" search --json --limit 20 '"Bangkok Rules"'

same "show a resolution" show --json A/RES/77/236
same "show a paragraph" show --json 'E/RES/2017/19#3'
same "show in Spanish" show --json --lang es A/RES/77/236
same "similar" similar --json 'E/RES/2017/19#3'
same "similar to a text" similar --json --text 'Encourages Member States to consider alternatives to imprisonment'
printf 'Encourages Member States to promote alternatives to imprisonment.\n\nRequests the Secretary-General to report on the implementation of the present resolution.\n' >"$T/draft.txt"
same "check a draft" check --json "$T/draft.txt"
# stats: the same counts (the index, its size and last update differ).
counts() { sed 's/"index":"[^"]*","corpus"/"corpus"/; s/"last_update":"[^"]*",//; s/"index_bytes":[0-9]*,//' "$1"; }
"$RESDEX" --db "$T/one" stats --json >"$T/a"
"$RESDEX" --db "$T/remote.stub" stats --json >"$T/b"
check "stats: the same counts over shards" test "$(counts "$T/a")" = "$(counts "$T/b")"
check "stats: the files of every shard" grep -q '"files":43[0-9],' "$T/b"
# Each shard reads every file and keeps its resolutions: A/RES/77/236 in six
# languages, its copies all on one shard.
holders=0
for k in 1 2 3; do
    n=$("$RESDEX" --db "$T/s$k" search --count --all symbol:77/236)
    [ "${n:-0}" -gt 0 ] && holders=$((holders + 1))
done
check "one resolution's languages and copies are on one shard ($holders)" test "$holders" = 1
check "stats: adoption over shards (metadata of every shard)" \
    sh -c "'$RESDEX' --db '$T/remote.stub' show --json A/RES/77/236 | grep -q '\"adoption\":{\"method\"'"

# A stub is never written.
expect_status 2 "resdexd refuses a stub" "$RESDEXD" --once --db "$T/remote.stub" --corpus "$top_srcdir/corpus"
check "... naming it a stub" grep -q "is a stub file joining shards" "$T/err"
printf 'auto s1\nflint old\n' >"$T/bad.stub"
expect_status 2 "a stub with an unknown line" "$RESDEX" --db "$T/bad.stub" search prison
check "... names its line" grep -q "bad.stub line 2: unknown database type 'flint'" "$T/err"

# A shard killed between two lines of a live batch.
restart_shard() { # restart_shard K: on its port again
    local k=$1 p
    eval "p=\$port_$k"
    setsid xapian-tcpsrv --interface 127.0.0.1 --port "$p" "$T/s$k" >"$T/srv$k.log" 2>&1 &
    local pid=$!
    disown "$pid"
    servers="$servers $pid"
    eval "pgid_$k=$pid"
    wait_until 10 port_open "$p"
}
live_batch() { # live_batch ARGS...: 3 lines, shard 2 killed after the first
    rm -f "$T/fifo"
    mkfifo "$T/fifo"
    "$RESDEX" --db "$T/remote.stub" "$@" search --batch --json --limit 5 <"$T/fifo" >"$T/out" 2>"$T/err" &
    local bp=$!
    exec 7>"$T/fifo"
    echo prison >&7
    wait_until 20 test -s "$T/out"
    kill -KILL -- "-$pgid_2"
    echo corruption >&7
    echo trafficking in persons >&7
    exec 7>&-
    wait "$bp"
}
live_batch
check "a shard killed during a batch: exit 2" test $? -eq 2
check "... the first line answered in full" sh -c "head -1 '$T/out' | grep -q '\"hits\":\[{' && ! head -1 '$T/out' | grep -q shards_down"
check "... the batch ends on the next line, naming the shard" \
    sh -c "test \$(wc -l <'$T/out') -eq 2 && sed -n 2p '$T/out' | grep -q '\"error\":\"shard 127.0.0.1:$port_2 does not answer'"
check "... and on stderr" grep -q "shard 127.0.0.1:$port_2" "$T/err"
restart_shard 2 || fail "shard 2 does not listen again"
live_batch --partial
check "--partial: a shard killed during a batch: exit 0" test $? -eq 0
check "... every line answered" test "$(wc -l <"$T/out")" -eq 3
check "... the first unmarked" sh -c "! head -1 '$T/out' | grep -q shards_down"
check "... the next ones marked" sh -c "test \$(grep -c '\"shards_down\":\[\"127.0.0.1:$port_2\"\]}\$' '$T/out') -eq 2"
check "... a warning on stderr" grep -q "warning: partial answer (--partial), 1 shard left out: 127.0.0.1:$port_2" "$T/err"
# The partial answer is that of the two other shards (read here as local
# folders): the same ids in the same order.
printf 'auto s1\nauto s3\n' >"$T/two.stub"
ids() { grep -o '"id":"[^"]*"' | tr '\n' ' '; }
want=$("$RESDEX" --db "$T/two.stub" search --json --limit 5 trafficking in persons | ids)
got=$(sed -n 3p "$T/out" | ids)
check "... from the shards that answer: $got" test -n "$want" -a "$want" = "$got"

# --partial for the other commands, shard 2 down.
expect_status 0 "--partial search" "$RESDEX" --partial --db "$T/remote.stub" search prison
check "... the text says it is partial" grep -q "^partial answer: 1 shard left out: 127.0.0.1:$port_2" "$T/out"
check "... and stderr" grep -q "warning: partial answer" "$T/err"
"$RESDEX" --partial --db "$T/remote.stub" search --json --limit 3 prison >"$T/out" 2>/dev/null
check "... every JSON hit marked" test "$(grep -c "\"shards_down\":\[\"127.0.0.1:$port_2\"\]" "$T/out")" -eq 3
"$RESDEX" --partial --db "$T/remote.stub" search --json --facets prison >"$T/out" 2>/dev/null
check "--partial --facets: marked" grep -q '"shards_down":\["127.0.0.1:' "$T/out"
"$RESDEX" --partial --db "$T/remote.stub" stats --json >"$T/out" 2>"$T/err"
check "--partial stats: marked" grep -q '"shards_down":\["127.0.0.1:' "$T/out"
p1=$("$RESDEX" --db "$T/s1" stats --json | sed -n 's/.*"paragraphs":\([0-9]*\).*/\1/p')
p3=$("$RESDEX" --db "$T/s3" stats --json | sed -n 's/.*"paragraphs":\([0-9]*\).*/\1/p')
check "... the paragraphs of the shards that answer" grep -q "\"paragraphs\":$((p1 + p3))," "$T/out"
partial_cmd() { # partial_cmd ARGS...: marked with --partial, exit 2 without
    "$RESDEX" --partial --db "$T/remote.stub" "$@" >"$T/out" 2>"$T/err"
    local rc=$?
    # Found (0), nothing (1), or an id on shard 2 not found (2): never
    # answered without the mark.
    check "--partial $1: marked (exit $rc)" grep -q "warning: partial answer (--partial), 1 shard left out: 127.0.0.1:$port_2" "$T/err"
    [ "$rc" = 0 ] && check "... in its JSON" grep -q '"shards_down":\["127.0.0.1:' "$T/out"
    expect_status 2 "without --partial, $1 with a shard down" "$RESDEX" --db "$T/remote.stub" "$@"
    check "... names it" grep -q "shard 127.0.0.1:$port_2" "$T/err"
}
partial_cmd show --json A/RES/77/236
partial_cmd show --json E/RES/2017/19
partial_cmd similar --json --text 'Encourages Member States to consider alternatives to imprisonment'
partial_cmd similar --json 'E/RES/2017/19#3'
partial_cmd check --json "$T/draft.txt"
printf 'remote 127.0.0.1:%s\n' "$port_2" >"$T/dead.stub"
expect_status 2 "--partial with no shard answering" "$RESDEX" --partial --db "$T/dead.stub" search prison
check "... says so" grep -q "no shard of stub .* answers" "$T/err"
restart_shard 2 || fail "shard 2 does not listen again"

# resdex serve over the remote stub, then shard 2 killed while it runs.
sp=$((20000 + RANDOM % 40000))
setsid "$RESDEX" --db "$T/remote.stub" serve --listen "127.0.0.1:$sp" >"$T/serve.log" 2>&1 &
serve_pid=$!
disown "$serve_pid"
servers="$servers $serve_pid"
check "serve listens" wait_until 20 port_open "$sp"
code=$(curl -s -o "$T/page" -w '%{http_code}' "http://127.0.0.1:$sp/api/search?q=prison")
check "serve answers over the shards: $code" test "$code" = 200
kill -KILL -- "-$pgid_2"
code=$(curl -s -o "$T/page" -w '%{http_code}' "http://127.0.0.1:$sp/api/search?q=prison")
check "serve: a shard down is 503: $code" test "$code" = 503
check "serve: ... naming the shard" grep -q "127.0.0.1:$port_2" "$T/page"
check "serve: still running" kill -0 "$serve_pid"
expect_status 2 "search with a shard down" "$RESDEX" --db "$T/remote.stub" search prison
check "... names the shard" grep -q "shard 127.0.0.1:$port_2" "$T/err"
check "... prints no hit" test ! -s "$T/out"
expect_status 2 "stats with a shard down" "$RESDEX" --db "$T/remote.stub" stats

# Too slow: a shard that accepts and never answers (stopped), under a timeout.
kill -STOP -- "-$pgid_3"
RESDEX_SHARD_TIMEOUT=500 "$RESDEX" --db "$T/remote.stub" search prison >"$T/out" 2>"$T/err"
check "a stopped shard: exit 2" test $? -eq 2
check "... names a shard that does not answer" grep -q "shard 127.0.0.1:\($port_2\|$port_3\)" "$T/err"
kill -CONT -- "-$pgid_3"
expect_status 2 "a bad timeout" env RESDEX_SHARD_TIMEOUT=soon "$RESDEX" --db "$T/remote.stub" search prison
check "... explained" grep -q "RESDEX_SHARD_TIMEOUT wants milliseconds" "$T/err"
finish
