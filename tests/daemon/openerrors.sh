#!/bin/sh
# Why an index cannot be opened, told apart (issue 22, item 5): another
# writer holds the lock (named with its pid), the index is on a read-only
# file system, the folder is not writable, the index does not exist. Each
# has its own message (and the library its own status: DB_LOCKED,
# DB_READ_ONLY, DB_OPENING).
#
# Tests run as root, where chmod stops no write: the read-only file system is
# a read-only bind mount in a private mount namespace (unshare -m), the
# permission case runs resdexd as nobody (setpriv). Where neither can be
# done, that part is skipped and said; when both are, the test exits 77.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/daemon/daemon-lib.sh"

make_corpus "$T/c"
expect_status 0 "an index to open" "$RESDEXD" --quiet --once --db "$T/db" --corpus "$T/c"

# Locked: the watching daemon holds it.
start_daemon
expect_status 2 "a second writer: exit 2" "$RESDEXD" --once --db "$T/db" --corpus "$T/c"
check "a second writer: told the index is locked, by the daemon's pid" \
    grep -qF "index $T/db is locked: another resdexd (pid $DPID) is writing to it" "$T/err"
expect_status 0 "a reader beside the writer: fine" "$RESDEX" --db "$T/db" search prison
stop_daemon

# Missing: a reader says so.
expect_status 2 "a missing index: exit 2" "$RESDEX" --db "$T/none" search prison
check "a missing index: said so" grep -qF "cannot open index $T/none: it does not exist" "$T/err"

tested=0
# Read-only file system.
mkdir "$T/ro"
in_ro_mount() {
    unshare -m sh -c 'mount --bind "$1" "$2" && mount -o remount,bind,ro "$2" && shift 2 &&
        exec "$@"' sh "$T/db" "$T/ro" "$@"
}
if in_ro_mount true 2>/dev/null; then
    tested=1
    expect_status 2 "a read-only file system: exit 2" \
        in_ro_mount "$RESDEXD" --once --db "$T/ro" --corpus "$T/c"
    check "a read-only file system: said so, not 'locked'" \
        grep -qF "index $T/ro is on a read-only file system: it cannot be written" "$T/err"
    check "a read-only file system: nothing about a lock" sh -c "! grep -q locked '$T/err'"
    expect_status 0 "a read-only file system: resdex searches it" \
        in_ro_mount "$RESDEX" --db "$T/ro" search prison
else
    echo "SKIP part: no read-only bind mount here (unshare -m or mount refused)" >&2
fi

# No write permission.
as_other=
if [ "$(id -u)" -ne 0 ]; then
    as_other=env
elif setpriv --reuid=nobody --regid=nogroup --clear-groups true 2>/dev/null; then
    as_other="setpriv --reuid=nobody --regid=nogroup --clear-groups"
fi
if [ -n "$as_other" ]; then
    tested=1
    chmod 755 "$T" && chmod -R a+rX "$T/db" "$T/c" && chmod -R a-w "$T/db"
    expect_status 2 "no write permission: exit 2" \
        $as_other "$RESDEXD" --once --db "$T/db" --corpus "$T/c"
    check "no write permission: said so, not 'locked'" \
        grep -qF "index $T/db cannot be written: permission denied" "$T/err"
    expect_status 0 "no write permission: resdex searches it" $as_other "$RESDEX" --db "$T/db" search prison
    chmod 700 "$T/db"
    expect_status 2 "no read permission: exit 2" $as_other "$RESDEX" --db "$T/db" search prison
    check "no read permission: said so" grep -qF "cannot open index $T/db: permission denied" "$T/err"
    chmod -R u+w "$T/db"
else
    echo "SKIP part: cannot run as another user (setpriv missing) to test permissions" >&2
fi
if [ "$tested" = 0 ] && [ "$failures" -eq 0 ]; then
    echo "SKIP: neither a read-only mount nor another user is possible here" >&2
    exit 77
fi
finish
