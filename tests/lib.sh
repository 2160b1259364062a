# lib.sh - shared by the end-to-end shell tests. Source it:  . "$top_srcdir/tests/lib.sh"
# Provides: RESDEX, RESDEXD (the built programs), a scratch dir $T removed at
# exit, fail/assert helpers, the shipped corpus's two parts (SAMPLE_FILES,
# samples_corpus, UN_CORPUS), and shared_or_skip for tests that need ../shared.
set -u
: "${top_srcdir:?run through make check}" "${top_builddir:?run through make check}"
RESDEX="$top_builddir/query/resdex"
RESDEXD="$top_builddir/indexer/resdexd"
JSON_EQUAL="$top_builddir/tests/json_equal"
T=$(mktemp -d "${TMPDIR:-/tmp}/resdex-e2e-XXXXXX")
trap 'rm -rf "$T"' EXIT
unset RESDEX_DB RESDEX_CORPUS
export XDG_DATA_HOME="$T/xdg"
export NO_COLOR=1
failures=0
passes=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { passes=$((passes + 1)); }
# check DESCRIPTION COMMAND...: the command must succeed.
check() { local d=$1; shift; if "$@"; then pass; else fail "$d"; fi; }
# expect_status N DESCRIPTION COMMAND...: the command must exit with N.
expect_status() {
    local want=$1 d=$2; shift 2
    "$@" >"$T/out" 2>"$T/err"; local got=$?
    if [ "$got" -eq "$want" ]; then pass; else fail "$d: exit $got, expected $want; stderr: $(head -c 300 "$T/err")"; fi
}
# The shipped corpus/ holds two things a test names explicitly (indexing
# all of corpus/ means 429 files): the five sample documents, SAMPLE_FILES
# (corpus/*.txt; samples_corpus DIR copies them into a fresh folder DIR),
# and the UN's AKN4UN texts, UN_CORPUS (corpus/akn: 424 gzipped XML files of
# GA and ECOSOC resolutions in six languages, with manifests and a README).
SAMPLE_FILES=$(ls "$top_srcdir"/corpus/*.txt)
UN_CORPUS="$top_srcdir/corpus/akn"
samples_corpus() {
    rm -rf "$1" && mkdir -p "$1" && cp $SAMPLE_FILES "$1"/ && chmod u+w "$1"/*
}
# The shared corpus ($RESDEX_SHARED, which configure sets: ../shared beside
# the source tree unless named). Absent: skip (77), unless
# RESDEX_REQUIRE_SHARED=1 (CI), when its absence is a failure.
shared_or_skip() {
    SHARED="${RESDEX_SHARED:-$top_srcdir/../shared}"
    if [ ! -d "$SHARED/corpus" ]; then
        if [ "${RESDEX_REQUIRE_SHARED:-0}" = 1 ]; then echo "FAIL: $SHARED/corpus is missing" >&2; exit 1; fi
        echo "SKIP: $SHARED/corpus not present" >&2; exit 77
    fi
}
# wait_until SECONDS COMMAND...: poll (every 50 ms) until the command succeeds.
wait_until() {
    local limit=$1; shift
    local end=$(( $(date +%s%N) / 1000000 + limit * 1000 ))
    while ! "$@" >/dev/null 2>&1; do
        [ $(( $(date +%s%N) / 1000000 )) -lt "$end" ] || return 1
        sleep 0.05
    done
}
# Call at the end: prints the tally and exits 0 only when nothing failed.
finish() {
    echo "$passes passed, $failures failed"
    [ "$failures" -eq 0 ]
}
