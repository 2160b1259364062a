#!/bin/sh
# A storm (issue 22): random file operations on a copy of a corpus (the
# samples, and 12 AKN files of corpus/akn, unzipped) while
# resdexd watches and readers search: files created, rewritten, appended to,
# renamed, moved between folders, deleted; folders moved; symbolic links to
# folders made and removed; names over 240 bytes; resdexd killed with
# SIGKILL and restarted at random moments. Throughout, `resdex search`
# exits 0 or 1, never anything else. After the last operation the watching
# daemon must settle to exactly what a fresh `resdexd --once` build of the
# final folder holds: paragraphs, file states and rejections (their times
# aside; a link left dangling by a folder moved away is rejected at the next
# full reconcile only, so links' rejections are not compared).
#
# Seeded and reproducible: the operations come from RESDEX_STORM_SEED
# (printed; set it to replay), their number from RESDEX_STORM_OPS (120 in
# make check, more in CI: .ci/run). Kill moments depend on timing, not on
# the seed; the final folder does not.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/daemon/daemon-lib.sh"

SEED=${RESDEX_STORM_SEED:-$(date +%s)}
OPS=${RESDEX_STORM_OPS:-120}
echo "RESDEX_STORM_SEED=$SEED RESDEX_STORM_OPS=$OPS"
c=$T/c
pool=$T/pool
mkdir -p "$pool" "$c/d0" "$c/d1" "$c/d2/sub" "$c/d3"
cp "$SAMPLES"/*.txt "$pool/"
find "$UN_CORPUS" -name '*.xml.gz' -size -40k | sort | head -n 12 | while read -r f; do
    gunzip -c "$f" >"$pool/$(basename "$f" .gz)"
done
n_pool=$(ls "$pool" | wc -l)
# A start: every pool file once, spread over the folders.
k=0
for f in "$pool"/*; do cp "$f" "$c/d$((k % 4))/"; k=$((k + 1)); done
echo "pool of $n_pool files"

# The operations, one a line, drawn from the seed. Names come from a small
# set, so that operations meet (a rename onto a file that exists, a delete
# of one that does not); one that fails is simply a no-op.
long=$(printf '%250s' '' | tr ' ' L)
awk -v seed="$SEED" -v ops="$OPS" -v npool="$n_pool" -v long="$long" 'BEGIN {
    srand(seed)
    split("d0 d1 d2 d3 d2/sub", dirs, " ")
    for (i = 0; i < ops; i++) {
        r = rand()
        d = dirs[int(rand() * 5) + 1]; e = dirs[int(rand() * 5) + 1]
        f = "f" int(rand() * 12) (rand() < 0.5 ? ".txt" : ".xml")
        g = "f" int(rand() * 12) (rand() < 0.5 ? ".txt" : ".xml")
        p = int(rand() * npool) + 1
        if (r < 0.22)      print "create", d "/" f, p
        else if (r < 0.32) print "rewrite", d "/" f, p
        else if (r < 0.38) print "append", d "/" f
        else if (r < 0.48) print "rename", d "/" f, d "/" g
        else if (r < 0.56) print "move", d "/" f, e "/" f
        else if (r < 0.66) print "delete", d "/" f
        else if (r < 0.72) print "link", d "/ln" int(rand() * 3), dirs[int(rand() * 4) + 1]
        else if (r < 0.76) print "unlink", d "/ln" int(rand() * 3)
        else if (r < 0.81) print "long", d "/" long int(rand() * 3) ".txt", p
        else if (r < 0.84) print "movedir", "d2/sub", (rand() < 0.5 ? "d1/sub" : "d3/sub")
        else if (r < 0.87) print "movedir", "d1/sub", "d2/sub"
        else if (r < 0.92) print "kill"
        else               print "pause"
    }
}' >"$T/ops"

nth_pool() { ls "$pool" | sed -n "${1}p"; }
# do_op LINE: one operation on $c (errors are no-ops).
do_op() {
    set -- $1
    case $1 in
    create | rewrite | long) cp "$pool/$(nth_pool "$3")" "$c/$2.tmp" 2>/dev/null &&
        mv "$c/$2.tmp" "$c/$2" 2>/dev/null ;;
    append) [ -f "$c/$2" ] && printf '\nNotes added later;\n' >>"$c/$2" ;;
    rename | move) [ -f "$c/$2" ] && [ ! -L "$c/$2" ] && mv "$c/$2" "$c/$3" 2>/dev/null ;;
    delete) [ -f "$c/$2" ] && [ ! -L "$c/$2" ] && rm -f "$c/$2" ;;
    link) [ -e "$c/$2" ] || [ -L "$c/$2" ] || ln -s "$(echo "$2" | sed 's|[^/]*/|../|g; s|[^/]*$||')$3" "$c/$2" 2>/dev/null ;;
    unlink) [ -L "$c/$2" ] && rm -f "$c/$2" ;;
    movedir) [ -d "$c/$2" ] && [ ! -e "$c/$3" ] && mv "$c/$2" "$c/$3" ;;
    pause) sleep 0.2 ;;
    kill) kill -KILL "$DPID" 2>/dev/null && wait "$DPID" 2>/dev/null
        kills=$((kills + 1))
        "$RESDEXD" --verbose --db "$T/db" --corpus "$c" 2>>"$T/d.log" &
        DPID=$! ;;
    esac
    return 0
}

# Readers: each searches in a loop; any status but 0 or 1 is written down.
reader() {
    local q st
    while [ ! -e "$T/stop" ]; do
        for q in prison 'technical assistance' '"United Nations"' 'kind:operative crime' justice; do
            "$RESDEX" --db "$T/db" search --limit 5 "$q" >/dev/null 2>"$T/r$1.err"
            st=$?
            [ "$st" -le 1 ] || echo "reader $1: exit $st for '$q': $(head -c 300 "$T/r$1.err")" >>"$T/readers.bad"
        done
    done
}

t0=$(now_ms)
start_daemon || { finish; exit 1; }
echo "first reconcile in $(($(now_ms) - t0)) ms"
: >"$T/readers.bad"
n_readers=$(awk -v s="$SEED" 'BEGIN { srand(s); print 2 + int(rand() * 3) }')
readers=
i=1
while [ $i -le "$n_readers" ]; do
    reader $i &
    readers="$readers $!"
    i=$((i + 1))
done
kills=0
t0=$(now_ms)
while IFS= read -r line; do
    do_op "$line"
    # A little time between operations, so batches and reconciles interleave.
    [ $(( $(printf '%s' "$line" | cksum | cut -d' ' -f1) % 4 )) -eq 0 ] && sleep 0.05
done <"$T/ops"
echo "$OPS operations, $kills kills, $n_readers readers in $(($(now_ms) - t0)) ms"
: >"$T/stop"
for r in $readers; do wait "$r"; done
check "readers: every search exited 0 or 1" test ! -s "$T/readers.bad"
[ -s "$T/readers.bad" ] && head -n 5 "$T/readers.bad" >&2
# The daemon may have been killed by the last operation: it is running now.
check "resdexd is running after the storm" daemon_alive

# What a fresh build of the final folder holds.
expect_status_01() {
    "$RESDEXD" --once --db "$T/fresh" --corpus "$c" >/dev/null 2>"$T/fresh.err"
    [ $? -le 1 ]
}
t0=$(now_ms)
check "a fresh build of the final folder" expect_status_01
echo "fresh build in $(($(now_ms) - t0)) ms"
# index_state DB: paragraphs, file states, rejections without their time.
# Aside: links' rejections (see above), and the paragraphs and state of a
# file the fresh build rejects: a watching daemon keeps a file's last good
# paragraphs when it turns bad (nothing lost), a fresh build never saw them.
# A key over 240 bytes holds its path in the value: "@<length>:<path>...".
DECODE='function path_of(key, value, plen,   n) {
    if (value ~ /^@[0-9]+:/) { n = substr(value, 2, index(value, ":") - 2) + 0
        return substr(value, index(value, ":") + 1, n) }
    return substr(key, plen + 1) }
function rest_of(value) {
    return value ~ /^@[0-9]+:/ ? substr(value, index(value, ":") + 1 + substr(value, 2, index(value, ":") - 2)) : value }'
index_state() {
    dump "$1" | awk -F'\t' "$DECODE"'
        NR == FNR { bad[$0] = 1; next }
        /^(resdex:|count\t)/ { next }
        /^rejected:/ { p = path_of($1, $2, 9); if (p ~ /\/ln[0-9]$/) next
                       v = rest_of($2); sub(/^[^ ]* /, "", v); print "rejected:" p "\t" v; next }
        /^file:/ { if (path_of($1, $2, 5) in bad) next; print; next }
        !($1 in bad) { print }' "$T/fresh.rejected" -
}
{ echo '/'; dump "$T/fresh" | awk -F'\t' "$DECODE"'/^rejected:/ { print path_of($1, $2, 9) }'; } \
    >"$T/fresh.rejected"
index_state "$T/fresh" >"$T/fresh.state"
settled() { index_state "$T/db" >"$T/watched.state" && cmp -s "$T/watched.state" "$T/fresh.state"; }
t0=$(now_ms)
check "the watching daemon settles to the fresh build" wait_until 60 settled
echo "settled in $(($(now_ms) - t0)) ms"
if ! cmp -s "$T/watched.state" "$T/fresh.state"; then
    echo "--- watched vs fresh (first differences):" >&2
    diff "$T/watched.state" "$T/fresh.state" | cut -c1-200 | head -n 20 >&2
fi
check "no sanitizer report" sh -c "! grep -q Sanitizer '$T/d.log'"
stop_daemon
finish
