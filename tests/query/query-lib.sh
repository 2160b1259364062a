# query-lib.sh - shared by the query tool's end-to-end tests: an index of the
# five shipped samples (copied to $T/samples) in $T/db (built once per
# script), and helpers.
# Source after tests/lib.sh. Expected values in the tests come from reading
# the sample documents in corpus/, not from earlier output.

# build_index CORPUS DB: index a folder once; resdexd's exit status is not
# what matters (it may reject a file on purpose), the index must answer.
build_index() {
    "$RESDEXD" --once --db "$2" --corpus "$1" >"$T/resdexd.log" 2>&1
    if ! "$RESDEX" --db "$2" stats >/dev/null 2>"$T/err"; then
        echo "FAIL: no index of $1; resdexd said:" >&2
        cat "$T/resdexd.log" "$T/err" >&2
        exit 1
    fi
}

if [ -z "${QUERY_NO_SAMPLES:-}" ]; then
    samples_corpus "$T/samples"
    build_index "$T/samples" "$T/db"
fi

# rs ARGS...: resdex on the samples' index.
rs() { "$RESDEX" --db "$T/db" "$@"; }

# hit_ids: the ids of the hits in the text layout of $T/out, one a line.
hit_ids() { sed -n 's/^[0-9][0-9]*\. \([^ ]*\)  .*/\1/p' "$T/out"; }
# first_hit: the first of them.
first_hit() { hit_ids | head -n 1; }
# json_ids [FILE]: the ids of the hits in JSON Lines (search --json), one a line.
json_ids() { sed -n 's/^{"rank":[0-9]*,"score":[^,]*,"id":"\([^"]*\)".*/\1/p' "${1:-$T/out}"; }
# json_ranks [FILE]: their ranks.
json_ranks() { sed -n 's/^{"rank":\([0-9]*\),.*/\1/p' "${1:-$T/out}"; }
# lines LIST...: the words given, one a line (to compare with hit_ids).
lines() { printf '%s\n' "$@"; }
# is VALUE EXPECTED: compare, with both in the failure message.
is() { [ "$1" = "$2" ] || { printf '  got:      %s\n  expected: %s\n' "$1" "$2" | head -n 40 >&2; return 1; }; }
# has FILE STRING: the file contains the string (fixed).
has() { grep -qF -- "$2" "$1" || { echo "  '$2' not in $1: $(head -c 400 "$1")" >&2; return 1; }; }
# hasnt FILE STRING: the file does not contain it.
hasnt() { ! grep -qF -- "$2" "$1" || { echo "  '$2' unexpected in $1" >&2; return 1; }; }
# one_err_line: exactly one line on stderr ($T/err).
one_err_line() { [ "$(wc -l <"$T/err")" -eq 1 ] || { echo "  stderr has $(wc -l <"$T/err") lines:" >&2; head -n 5 "$T/err" >&2; return 1; }; }
# valid_json FILE: every line parses (json_equal compares the file with itself).
valid_json() { "$JSON_EQUAL" "$1" "$1"; }
# subset EXPECTED_JSON_LINES FILE: the file's objects hold these values.
subset() { printf '%s\n' "$1" >"$T/expected.json" && "$JSON_EQUAL" --subset "$T/expected.json" "$2"; }
# no_escapes FILE: no terminal escape sequence in it.
no_escapes() { ! grep -q "$(printf '\033')" "$1"; }
# wrapped_to WIDTH FILE: the lines of a terminal capture fit in WIDTH columns
# (escape sequences left out; a middle dot or an ellipsis is one column).
wrapped_to() {
    tr -d '\r' <"$2" | sed "s/$(printf '\033')\[[0-9;]*m//g; s/\xc2\xb7/./g; s/\xe2\x80\xa6/./g" |
        awk -v w="$1" 'length($0) > w { print "  too wide: " $0 > "/dev/stderr"; bad = 1 } END { exit bad }'
}
