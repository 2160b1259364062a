# serve-lib.sh - shared by resdex serve's tests: start a server on a free
# loopback port (--listen 127.0.0.1:0; the port is read from the line it
# prints), stop it with SIGTERM. Source after tests/lib.sh.

SERVER=
# start_server DB [ARGS...]: resdex --db DB serve ARGS; sets SERVER, URL.
start_server() {
    db=$1
    shift
    : >"$T/serve.err"
    "$RESDEX" --db "$db" serve --listen 127.0.0.1:0 "$@" 2>"$T/serve.err" &
    SERVER=$!
    if ! wait_until 20 grep -q ' at http://' "$T/serve.err"; then
        echo "FAIL: resdex serve did not start:" >&2
        cat "$T/serve.err" >&2
        exit 1
    fi
    URL=$(sed -n 's/.* at \(http:[^ ]*\)$/\1/p' "$T/serve.err" | head -n 1)
}
# stop_server: SIGTERM; the server must exit 0 within 10 seconds.
stop_server() {
    [ -n "$SERVER" ] || return 0
    kill -TERM "$SERVER"
    st=0
    wait "$SERVER" || st=$?
    SERVER=
    [ "$st" -eq 0 ] || { echo "  resdex serve exited $st after SIGTERM" >&2; return 1; }
}
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$T"' EXIT

# get PATH [CURL ARGS...]: the body in $T/out, the status in $T/status, the
# headers in $T/headers.
get() {
    p=$1
    shift
    curl -s -o "$T/out" -D "$T/headers" -w '%{http_code}' --path-as-is "$@" "${URL%/}$p" >"$T/status"
}
status_is() { [ "$(cat "$T/status")" = "$1" ] || { echo "  status $(cat "$T/status"), expected $1: $(head -c 300 "$T/out")" >&2; return 1; }; }
header_has() { tr -d '\r' <"$T/headers" | grep -qi "^$1" || { echo "  no header '$1' in: $(cat "$T/headers")" >&2; return 1; }; }
# hits_equal CLI_JSON_LINES: the API answer's "hits" are these lines, byte
# for byte (the same emitter prints both).
hits_equal() {
    want="\"hits\":[$(paste -sd, "$1")]"
    grep -qF -- "$want" "$T/out" || { printf '  API:  %.600s\n  CLI:  %.600s\n' "$(cat "$T/out")" "$want" >&2; return 1; }
}
