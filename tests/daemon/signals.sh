#!/bin/sh
# resdexd and signals: SIGHUP reconciles everything, SIGTERM and SIGINT
# exit 0 promptly; a second resdexd on the same index exits 2 ("locked").
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/daemon/daemon-lib.sh"

check "reference index of the samples" reference
mkdir -p "$T/c"
cp "$SAMPLES/cnd-55-12.txt" "$T/c/a.txt"
start_daemon || { finish; exit 1; }
check "a.txt indexed" same_as a.txt cnd-55-12.txt

# A second daemon on the same index: clear error, exit 2, first unharmed.
expect_status 2 "second resdexd (watch)" "$RESDEXD" --db "$T/db" --corpus "$T/c"
check "second resdexd says the index is locked" grep -q 'locked' "$T/err"
check "...in one line" test "$(wc -l <"$T/err")" -eq 1
expect_status 2 "second resdexd --once" "$RESDEXD" --once --db "$T/db" --corpus "$T/c"
check "first daemon still running" daemon_alive

# SIGHUP: a change inotify cannot see yet (written through a descriptor
# that stays open: no IN_CLOSE_WRITE) is found by the full reconcile.
exec 3<>"$T/c/a.txt"
cat "$SAMPLES/ecosoc-2017-19.txt" >&3
check "not seen before SIGHUP" same_as a.txt cnd-55-12.txt
kill -HUP "$DPID"
check "SIGHUP: the change is indexed" wait_until 10 same_as a.txt ecosoc-2017-19.txt
check "SIGHUP logged" log_has 'SIGHUP'
exec 3>&-
check "daemon alive after SIGHUP" daemon_alive

# SIGTERM: exit 0 within a few seconds (stop_daemon checks both).
t0=$(now_ms)
stop_daemon && echo "SIGTERM: exited in $(( $(now_ms) - t0 )) ms"
check "SIGTERM logged" log_has 'SIGTERM'
check "index readable after SIGTERM" dump

# SIGINT as well.
start_daemon || { finish; exit 1; }
kill -INT "$DPID"
check "SIGINT: exits within 10 s" wait_until 10 sh -c "! kill -0 $DPID 2>/dev/null"
wait "$DPID"
rc=$?
DPID=
check "SIGINT: exit status 0" test "$rc" -eq 0

# SIGTERM in the middle of a long first reconcile: prompt, exit 0, and what
# was committed is whole (a restart completes it).
mkdir -p "$T/big"
i=0
while [ $i -lt 60 ]; do
    for f in "$SAMPLES"/*.txt; do cp "$f" "$T/big/$i-$(basename "$f")"; done
    i=$((i + 1))
done
rm -rf "$T/db2"
"$RESDEXD" --db "$T/db2" --corpus "$T/big" 2>"$T/d2.log" &
DPID=$!
wait_until 30 sh -c "grep -q 'indexing' \"$T/d2.log\""
kill -TERM "$DPID"
t0=$(now_ms)
check "SIGTERM during a reconcile: exits within 5 s" wait_until 5 sh -c "! kill -0 $DPID 2>/dev/null"
wait "$DPID"
rc=$?
DPID=
echo "SIGTERM during a reconcile: exited in $(( $(now_ms) - t0 )) ms"
check "SIGTERM during a reconcile: exit status 0" test "$rc" -eq 0
expect_status 0 "restart completes the index" "$RESDEXD" --once --db "$T/db2" --corpus "$T/big"
check "all 300 files there" test "$(dump "$T/db2" | grep -c '^file:')" -eq 300
finish
