#!/bin/sh
# resdex serve's limits on clients (tests/web/slowclient.py misbehaves):
# a client that sends the start of a request and falls silent is cut off
# after --idle-timeout; one that trickles its headers, or its body, a byte
# at a time, never idle for long, is cut off after --request-timeout, and
# so is one that reads its answer a byte at a time; meanwhile the server
# answers others. A kept-alive connection has the
# request timeout for each request, not for all of them. More connections from one address than --per-ip are
# refused, while another address is still answered, and the address is
# answered again once its connections close.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/query/query-lib.sh"
. "$top_srcdir/tests/web/serve-lib.sh"
command -v curl >/dev/null || { echo "SKIP: no curl (scripts/install-deps installs it)" >&2; exit 77; }
command -v python3 >/dev/null || { echo "SKIP: no python3 (scripts/install-deps installs it)" >&2; exit 77; }
SLOW="python3 $top_srcdir/tests/web/slowclient.py"

# The send buffers small (RESDEX_TEST_SNDBUF, and the slow reader's own
# receive buffer), or the kernel takes a whole answer at once on loopback
# and a client reading slowly is never seen as one.
export RESDEX_TEST_SNDBUF=4096
start_server "$T/db" --idle-timeout 2 --request-timeout 4 --access-log "$T/access.log"
unset RESDEX_TEST_SNDBUF
port=${URL##*:}
port=${port%/}

# slow NAME MODE ARGS...: the slow client in the background, a request of
# another client answered meanwhile, then the slow client's report in
# $T/NAME.out and the seconds it was kept in $secs.
slow() {
    name=$1
    shift
    $SLOW "$@" >"$T/$name.out" &
    slow=$!
    sleep 0.3
    get "/api/search?q=prison&limit=1"
    check "while a client is $name, others are answered" status_is 200
    wait $slow
    check "a $name client is cut off" grep -q '^closed after' "$T/$name.out"
    secs=$(sed -n 's/^closed after \([0-9]*\).*/\1/p' "$T/$name.out")
}
# A partial request, then silence: cut off after the idle timeout (2 s),
# not at once and not never (the client gives up at 20 s).
slow silent partial 127.0.0.1 "$port" 20
check "... after the idle timeout, not before ($(cat "$T/silent.out"))" \
    test "${secs:-0}" -ge 1 -a "${secs:-99}" -lt 15
# A body trickled a byte every 0.5 s (never idle for 2 s): cut off after
# the request timeout (4 s), long before its 100000 bytes.
slow trickling trickle 127.0.0.1 "$port" 30 0.5
check "... after the request timeout ($(cat "$T/trickling.out"))" \
    test "${secs:-0}" -ge 3 -a "${secs:-99}" -lt 20
# Headers trickled a byte every 0.5 s, never ending: cut off after the
# request timeout too (4 s), not left to the idle timeout, which the
# client never reaches.
slow trickling-headers headers 127.0.0.1 "$port" 30 0.5
check "... after the request timeout, headers ($(cat "$T/trickling-headers.out"))" \
    test "${secs:-0}" -ge 3 -a "${secs:-99}" -lt 8
# An answer of 100 hits (over 100 kB) read a byte every millisecond
# (about 1 kB a second: the server's writes never wait the idle timeout of
# 2 s, and the whole would take two minutes): cut off after the request
# timeout (4 s), which covers sending the answer too.
big='/api/search?q=the&limit=100'
slow slow-reader slowread 127.0.0.1 "$port" "$big" 30 0.001
read_bytes=$(sed -n 's/.*, \([0-9]*\) of [0-9]* bytes read$/\1/p' "$T/slow-reader.out")
length=$(sed -n 's/.*, [0-9]* of \([0-9]*\) bytes read$/\1/p' "$T/slow-reader.out")
check "... after the request timeout, reading ($(cat "$T/slow-reader.out"))" \
    test "${secs:-0}" -ge 3 -a "${secs:-99}" -lt 8
check "... the answer is large (${length:-?} bytes) and was not read whole" \
    test "${length:-0}" -gt 100000 -a "${read_bytes:-0}" -lt "${length:-0}"
logged=$(sed -n "s|.*\"GET $big HTTP/1.1\" 200 \([0-9]*\)\$|\1|p" "$T/access.log")
check "the access log gives the cut answer: 200 and the bytes sent, fewer than all (${logged:-none})" \
    test -n "$logged" -a "${logged:-0}" -lt "${length:-0}"
check "the access log says the trickled body timed out" grep -q '"POST /api/similar HTTP/1.1" 408 0$' "$T/access.log"
# Five requests on one connection 1.5 s apart (6 s, more than the request
# timeout of 4 s): each is answered, the timeout is each request's.
$SLOW keepalive 127.0.0.1 "$port" 5 1.5 >"$T/keepalive.out"
check "a kept-alive connection: every request answered ($(cat "$T/keepalive.out"))" \
    grep -q '^answered 5 of 5' "$T/keepalive.out"
get "/api/stats"
check "the server answers after all of them" status_is 200
check "SIGTERM: exit 0" stop_server

# Two connections per address: a third from 127.0.0.1 is refused (closed
# without an answer), one from 127.0.0.2 is answered; once the two close,
# 127.0.0.1 is answered again.
start_server "$T/db" --per-ip 2 --idle-timeout 30
port=${URL##*:}
port=${port%/}
$SLOW hold 127.0.0.1 "$port" 2 30 >"$T/hold.out" &
holder=$!
wait_until 10 grep -q '^ready' "$T/hold.out"
get "/api/stats"
check "a third connection from one address: refused" status_is 000
get "/api/stats" --interface 127.0.0.2
check "another address: answered" status_is 200
kill "$holder"
wait "$holder" 2>/dev/null
answered() { get "/api/stats" && status_is 200; }
check "the address answered again once its connections closed" wait_until 10 answered
check "SIGTERM with the limits: exit 0" stop_server

expect_status 2 "--per-ip takes a number" "$RESDEX" --db "$T/db" serve --per-ip many
check "--per-ip: the message names the option" has "$T/err" "--per-ip"
expect_status 2 "--threads 0 is refused" "$RESDEX" --db "$T/db" serve --threads 0
finish
