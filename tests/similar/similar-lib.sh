# similar-lib.sh - shared by the similar area's end-to-end tests: an index of
# the shipped samples in $T/db, and helpers. Source after tests/lib.sh.

# Build it once per script; the daemon may refuse files that are not
# resolutions (such as the corpus's Makefile fragment), so its exit status is
# not what matters: the index must answer.
samples_corpus "$T/samples"
"$RESDEXD" --once --db "$T/db" --corpus "$T/samples" >"$T/resdexd.log" 2>&1
if ! "$RESDEX" --db "$T/db" similar --text "Member States" >/dev/null 2>"$T/err" &&
    grep -q "cannot open" "$T/err"; then
    echo "FAIL: no index of the samples; resdexd said:" >&2
    cat "$T/resdexd.log" >&2
    exit 1
fi

similar() { "$RESDEX" --db "$T/db" similar "$@"; }

# first_hit: the id of the first hit in the text layout of $T/out.
first_hit() { sed -n '1s/^1\. \([^ ]*\) .*/\1/p' "$T/out"; }
# json_ids: the ids of the hits in the JSON Lines of $T/out, one a line.
json_ids() { sed 's/^{"rank":[0-9]*,"score":[^,]*,"id":"\([^"]*\)".*/\1/' "$T/out"; }
# is VALUE EXPECTED: compare, with both in the failure message.
is() { [ "$1" = "$2" ] || { echo "  got '$1', expected '$2'" >&2; return 1; }; }
