#!/bin/bash
# A read replica of a shard (issue 20, doc/shards.md section 5): a shard
# built by resdexd (with XAPIAN_MAX_CHANGESETS, so that Xapian keeps
# changesets), served by xapian-replicate-server on loopback, copied by
# xapian-replicate and served by xapian-tcpsrv; searches over the replica
# answer as over the shard; the shard changed and replicated again while
# searches run: none fails, and the replica then finds the change.
. "$top_srcdir/tests/lib.sh"
for tool in xapian-tcpsrv xapian-replicate xapian-replicate-server; do
    if ! command -v $tool >/dev/null 2>&1; then
        if [ -n "${CI:-}" ] || [ "${RESDEX_REQUIRE_SHARED:-0}" = 1 ]; then
            echo "FAIL: $tool is missing (Debian xapian-tools)" >&2
            exit 1
        fi
        echo "SKIP: $tool not installed (Debian xapian-tools)" >&2
        exit 77
    fi
done
groups=""
cleanup() {
    for g in $groups; do kill -KILL -- "-$g" 2>/dev/null; done
    rm -rf "$T"
}
trap cleanup EXIT
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
start() { # start VAR COMMAND...: COMMAND with --port P on a free port; VAR=P
    local var=$1 p; shift
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        p=$((20000 + RANDOM % 40000))
        port_open "$p" && continue
        setsid "$@" --port "$p" >>"$T/servers.log" 2>&1 &
        local pid=$!
        disown "$pid"
        if wait_until 10 port_open "$p"; then
            groups="$groups $pid"
            eval "$var=$p"
            return 0
        fi
        kill -KILL -- "-$pid" 2>/dev/null
    done
    return 1
}

export XAPIAN_MAX_CHANGESETS=10
samples_corpus "$T/c"
mkdir -p "$T/primary" "$T/replica"
"$RESDEXD" --once --quiet --shard 1/1 --db "$T/primary/shard1" --corpus "$T/c"
check "the shard builds" test $? -eq 0
start rport xapian-replicate-server --interface 127.0.0.1 "$T/primary" ||
    { fail "xapian-replicate-server does not listen"; finish; exit 1; }
xapian-replicate -q -o -h 127.0.0.1 -p "$rport" -m shard1 "$T/replica/shard1" 2>"$T/err"
check "the first copy: $(head -c 200 "$T/err")" test $? -eq 0
start sport xapian-tcpsrv --interface 127.0.0.1 "$T/replica/shard1" ||
    { fail "xapian-tcpsrv does not listen"; finish; exit 1; }
printf 'remote 127.0.0.1:%s\n' "$sport" >"$T/replica.stub"

Q='"alternatives to imprisonment"'
"$RESDEX" --db "$T/primary/shard1" search --json "$Q" >"$T/a"
"$RESDEX" --db "$T/replica/shard1" search --json "$Q" >"$T/b"
check "the replica answers as the shard" cmp -s "$T/a" "$T/b"
"$RESDEX" --db "$T/replica.stub" search --json "$Q" >"$T/b"
check "... also served by xapian-tcpsrv" cmp -s "$T/a" "$T/b"
"$RESDEX" --db "$T/replica.stub" stats --json >"$T/b"
check "stats over the replica: the shard's files" grep -q '"files":5,' "$T/b"
expect_status 1 "the replica has not the change yet" "$RESDEX" --db "$T/replica.stub" search zzyzxquux

# A change to the shard, replicated while searches run over the replica.
sed 's/proportionality/zzyzxquux/' "$T/c/ecosoc-2017-19.txt" >"$T/c/changed.txt"
"$RESDEXD" --once --quiet --shard 1/1 --db "$T/primary/shard1" --corpus "$T/c"
check "the shard takes the change" test $? -eq 0
(
    for i in $(seq 1 30); do
        "$RESDEX" --db "$T/replica.stub" search --limit 3 "$Q" >/dev/null 2>>"$T/loop.err"
        echo $?
    done >"$T/loop.status"
) &
loop=$!
xapian-replicate -q -o -r 0 -h 127.0.0.1 -p "$rport" -m shard1 "$T/replica/shard1" 2>"$T/err"
check "the change replicated: $(head -c 200 "$T/err")" test $? -eq 0
wait "$loop"
check "30 searches ran during the replication" test "$(wc -l <"$T/loop.status")" -eq 30
check "every one answered (exit 0): $(sort "$T/loop.status" | uniq -c | tr '\n' ' ') $(head -c 200 "$T/loop.err")" \
    test "$(grep -cx 0 "$T/loop.status")" -eq 30
expect_status 0 "the replica finds the change" "$RESDEX" --db "$T/replica.stub" search --json zzyzxquux
check "... in the changed file" grep -q '"source":"changed.txt"' "$T/out"
expect_status 0 "resdexd never writes the replica's stub" sh -c "! '$RESDEXD' --once --db '$T/replica.stub' --corpus '$T/c' 2>/dev/null"
finish
