#!/bin/sh
# The progress of a long build: readers see it through the library
# (resdex stats: "building: N of M files", JSON "progress"), also while a
# parallel build keeps the index empty; a journal (stderr not a terminal)
# gets a progress line every few seconds; nothing is left once it ends.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/daemon/daemon-lib.sh"

make_copies "$T/c" 14 # 70 files

for jobs in 1 2; do
    db="$T/db$jobs"
    "$RESDEXD" --jobs $jobs --once --db "$db" --corpus "$T/c" 2>"$T/d.log" &
    DPID=$!
    # Freeze the build as soon as it has published its progress.
    if ! wait_until 120 test -e "$db/resdexd.progress"; then
        fail "jobs $jobs: no progress published: $(tail -3 "$T/d.log")"
        stop_daemon_hard
        continue
    fi
    kill -STOP "$DPID"
    expect_status 0 "jobs $jobs: stats during the build" "$RESDEX" --db "$db" stats
    check "jobs $jobs: stats says how far the build is ($(head -n 1 "$T/out"))" \
        grep -qE '^building: [0-9,]+ of 70 files' "$T/out"
    expect_status 0 "jobs $jobs: stats --json during the build" "$RESDEX" --db "$db" stats --json
    check "jobs $jobs: JSON progress" \
        grep -qE '"progress":\{"state":"building","files_done":[0-9]+,"files_total":70,' "$T/out"
    # Time passes while it is stopped: its next report is a log line.
    sleep 5
    kill -CONT "$DPID"
    wait "$DPID"
    rc=$?
    DPID=
    check "jobs $jobs: the build ends (exit 0)" test "$rc" -eq 0
    check "jobs $jobs: a progress line in the log" \
        grep -qE '^resdexd: info: building: [0-9]+ of 70 files, [0-9]+ paragraphs' "$T/d.log"
    # The count never goes back (a parallel build's files are walked again
    # once merged: they stay counted as done).
    check "jobs $jobs: the files done never go back" sh -c "grep -oE '^resdexd: info: building: [0-9]+ of' '$T/d.log' | awk '{ n = \$4 + 0; if (n < last) exit 1; last = n }'"
    check "jobs $jobs: no progress left" test ! -e "$db/resdexd.progress"
    expect_status 0 "jobs $jobs: stats afterwards" "$RESDEX" --db "$db" stats --json
    check "jobs $jobs: no progress afterwards" sh -c "! grep -q '\"progress\"' '$T/out'"
done

# A progress file whose writer died reads as nothing running.
printf 'pid 999999999\nstate building\nfiles_done 1\nfiles_total 2\nparagraphs 3\neta_seconds 4\nstarted 5\nupdated 6\n' \
    >"$T/db1/resdexd.progress"
expect_status 0 "stale progress: stats" "$RESDEX" --db "$T/db1" stats
check "stale progress: not shown" sh -c "! grep -q '^building' '$T/out'"
finish
