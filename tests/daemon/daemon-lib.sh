# daemon-lib.sh - helpers for the resdexd end-to-end tests. Source it after
# tests/lib.sh:  . "$top_srcdir/tests/daemon/daemon-lib.sh"
#
# A test works on $T/c (the corpus) and $T/db (the index); the daemon's
# stderr goes to $T/d.log. Assertions poll with a deadline (wait_until);
# nothing relies on a fixed sleep.
INDEX_DUMP="$top_builddir/tests/index_dump"
# These tests index one sample many times over (make_copies), each copy a
# file to follow: every copy stays searched (resdexd(8), RESDEX_KEEP_COPIES).
# tests/daemon/dedupe.sh unsets it.
export RESDEX_KEEP_COPIES=1
SAMPLES="$top_srcdir/corpus"
DPID=
# At exit: no daemon left behind; on failure, the daemon's last words.
trap 'stop_daemon_hard; show_log_on_failure; rm -rf "$T"' EXIT
show_log_on_failure() {
    if [ "$failures" -gt 0 ] && [ -s "$T/d.log" ]; then
        echo "--- last lines of the resdexd log:"
        tail -n 30 "$T/d.log"
    fi >&2
}

# now_ms: milliseconds since the epoch.
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# make_corpus DIR: a fresh folder with copies of the sample corpus.
make_corpus() {
    samples_corpus "$1"
}

# make_copies DIR N: N copies of each sample in 6 subfolders (make_big: 60).
make_copies() {
    local i=0 d f
    mkdir -p "$1"
    while [ $i -lt "$2" ]; do
        d="$1/d$((i % 6))"
        mkdir -p "$d"
        for f in "$SAMPLES"/*.txt; do cp "$f" "$d/$i-$(basename "$f")"; done
        i=$((i + 1))
    done
}

# make_big DIR: 300 files, 60 copies of each sample (equal paragraphs
# everywhere), in 6 subfolders.
make_big() { make_copies "$1" 60; }

# reference: a clean index of the samples in $T/ref, built once; ref_ids
# SAMPLE prints the "id<TAB>texthash" lines the sample file gives, whatever
# name it is indexed under.
reference() {
    [ -d "$T/ref" ] && return 0
    make_corpus "$T/refc"
    "$RESDEXD" --quiet --once --db "$T/ref" --corpus "$T/refc" || return 1
    "$INDEX_DUMP" "$T/ref" >"$T/ref.dump" || return 1
}
ref_ids() { awk -F'\t' -v s="$1" '$1 == s { print $2 "\t" $3 }' "$T/ref.dump" | sort; }

# dump DB: index_dump of an index (default $T/db).
dump() { "$INDEX_DUMP" "${1:-$T/db}"; }
# ids SOURCE [DB]: the "id<TAB>texthash" lines indexed from SOURCE.
ids() { dump "${2:-$T/db}" | awk -F'\t' -v s="$1" '$1 == s { print $2 "\t" $3 }' | sort; }
# same_as SOURCE SAMPLE: SOURCE holds exactly the paragraphs of SAMPLE.
same_as() {
    local got want
    got=$(ids "$1") && want=$(ref_ids "$2") && [ -n "$want" ] && [ "$got" = "$want" ]
}
# not_indexed SOURCE: nothing from SOURCE, and no file state for it.
not_indexed() {
    local d
    d=$(dump) || return 1
    ! printf '%s\n' "$d" | awk -F'\t' -v s="$1" '$1 == s || $1 == "file:" s { f = 1 } END { exit !f }'
}
# has_meta KEY: the index has this metadata key (file:X or rejected:X).
has_meta() { dump | cut -f1 | grep -qxF "$1"; }
state_of() { dump | awk -F'\t' -v k="file:$1" '$1 == k { print $2 }'; }

# start_daemon [ARGS]: resdexd watching $T/c, ready once its first
# reconcile is logged.
start_daemon() {
    : >"$T/d.log"
    "$RESDEXD" --verbose --db "$T/db" --corpus "$T/c" "$@" 2>>"$T/d.log" &
    DPID=$!
    if ! wait_until 120 grep -q 'reconciled' "$T/d.log"; then
        fail "resdexd did not finish its first reconcile: $(tail -5 "$T/d.log")"
        return 1
    fi
}
# stop_daemon: SIGTERM, and the exit status must be 0 within 10 s.
stop_daemon() {
    [ -n "$DPID" ] || return 0
    kill -TERM "$DPID" 2>/dev/null
    if ! wait_until 10 sh -c "! kill -0 $DPID 2>/dev/null"; then
        fail "resdexd did not exit within 10 s of SIGTERM"
        stop_daemon_hard
        return 1
    fi
    wait "$DPID"
    local rc=$?
    DPID=
    [ "$rc" -eq 0 ] || { fail "resdexd exited $rc after SIGTERM"; return 1; }
}
stop_daemon_hard() {
    [ -n "$DPID" ] && kill -KILL "$DPID" 2>/dev/null && wait "$DPID" 2>/dev/null
    DPID=
}
# daemon_alive: the daemon has not died.
daemon_alive() { [ -n "$DPID" ] && kill -0 "$DPID" 2>/dev/null; }
# log_has PATTERN: the daemon logged a line matching the (grep -E) pattern.
log_has() { grep -qE "$1" "$T/d.log"; }
