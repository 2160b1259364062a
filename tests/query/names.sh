#!/bin/sh
# File names that are not UTF-8 (issue 22): kept in every output. A corpus
# with a file named caf<0xff>.txt (a good resolution), bad<0xfe>.txt (binary,
# rejected) and a\b.txt (a backslash), indexed by resdexd; then stats, search,
# show and parse, in JSON and text. The rule (resdex(1), FILE NAMES): a byte
# that is not UTF-8, or a control character, is written \xNN; a backslash is
# doubled; so a script gets the exact bytes back.
. "$top_srcdir/tests/lib.sh"
QUERY_NO_SAMPLES=1
. "$top_srcdir/tests/query/query-lib.sh"

mkdir "$T/c"
FF=$(printf 'caf\377.txt')
FE=$(printf 'bad\376.txt')
cp "$top_srcdir/corpus/cnd-55-12.txt" "$T/c/$FF"
cp "$top_srcdir/corpus/ecosoc-2017-19.txt" "$T/c/a\\b.txt"
printf '\177ELF\002\001\001\000binary\000junk' >"$T/c/$FE"
build_index "$T/c" "$T/db"
rs() { "$RESDEX" --db "$T/db" "$@"; }
check "resdexd's log names the rejected file by the rule" grep -qF 'bad\xfe.txt: binary data' "$T/resdexd.log"
check "resdexd's log holds no byte that is not UTF-8" sh -c "! LC_ALL=C grep -q \"\$(printf '\\376')\" '$T/resdexd.log'"

# decode NAME: the bytes an escaped name stands for (\\ and \xNN).
decode() {
    printf '%s' "$1" | awk '
        BEGIN { hex = "0123456789abcdef" }
        {
            out = ""
            for (i = 1; i <= length($0); i++) {
                c = substr($0, i, 1)
                if (c == "\\" && substr($0, i + 1, 1) == "\\") { out = out "\\\\"; i++ }
                else if (c == "\\" && substr($0, i + 1, 1) == "x") {
                    n = (index(hex, substr($0, i + 2, 1)) - 1) * 16 + index(hex, substr($0, i + 3, 1)) - 1
                    out = out sprintf("\\0%o", n); i += 3
                } else out = out c
            }
            printf "%s", out
        }' | xargs -0 printf '%b'
}
# json_string KEY FILE: the first value of "KEY" in the file, JSON escapes of
# backslash undone (the names here have no other JSON escape).
json_string() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p" "$2" | head -n 1 | sed 's/\\\\/\\/g'; }

# stats --json keeps the file key of the rejection.
expect_status 0 "stats --json" rs stats --json
check "stats --json: valid JSON (UTF-8)" valid_json "$T/out"
check "stats --json: 2 files indexed" subset '{"files":2}' "$T/out"
check "stats --json: the rejection has its file, escaped" has "$T/out" '"rejected":[{"file":"bad\\xfe.txt","since":'
check "stats --json: the exact bytes come back" is "$(decode "$(json_string file "$T/out")")" "$FE"
expect_status 0 "stats" rs stats
check "stats: the rejected file, escaped" grep -q '^  bad\\xfe\.txt  binary data' "$T/out"

# Hits keep their source.
expect_status 0 "search --json" rs --json symbol:55/12 --all
check "search --json: valid JSON" valid_json "$T/out"
check "search --json: no null source" hasnt "$T/out" '"source":null'
check "search --json: every hit names the file, escaped" \
    is "$(grep -cF '"source":"caf\\xff.txt"' "$T/out")" 7
check "search --json: the exact bytes come back" is "$(decode "$(json_string source "$T/out")")" "$FF"
expect_status 0 "search --json, the backslash" rs --json symbol:2017/19 --limit 1
check "search --json: a backslash doubled" has "$T/out" '"source":"a\\\\b.txt"'
check "search --json: the backslash comes back" is "$(decode "$(json_string source "$T/out")")" 'a\b.txt'
printf 'symbol:55/12\n' | rs search --batch --all >"$T/out"
check "search --batch: the source kept" has "$T/out" '"source":"caf\\xff.txt"'

# show and parse, JSON and text.
expect_status 0 "show --json" rs show --json 55/12
check "show --json: valid" valid_json "$T/out"
check "show --json: the source" has "$T/out" '"source":"caf\\xff.txt"'
expect_status 0 "show" rs show 55/12
check "show: the file named, escaped" grep -q 'from caf\\xff\.txt$' "$T/out"
expect_status 0 "parse --json" "$RESDEX" parse --json "$T/c/$FF"
check "parse --json: valid" valid_json "$T/out"
check "parse --json: the source, escaped" grep -q '"source":"[^"]*/caf\\\\xff\.txt"' "$T/out"

# The escaping rule on its own (parse names the file as given): a control
# character, a UTF-8 sequence cut short, and valid UTF-8, kept as it is.
# One row: description | the name (printf) | the name in the JSON text.
while IFS='|' read -r d bytes want; do
    [ -n "$d" ] || continue
    # shellcheck disable=SC2059
    name=$(printf "$bytes")
    cp "$top_srcdir/corpus/cnd-55-12.txt" "$T/$name"
    expect_status 0 "parse --json, $d" "$RESDEX" parse --json "$T/$name"
    check "$d: written $want" has "$T/out" "/$want\","
    check "$d: the exact bytes come back" \
        is "$(decode "$(json_string source "$T/out" | sed 's|.*/||')")" "$name"
    rm -f "$T/$name"
done <<'EOF'
a tab|tab\tname.txt|tab\\x09name.txt
a UTF-8 sequence cut short|cut\303.txt|cut\\xc3.txt
valid UTF-8|r\303\251solution.txt|résolution.txt
EOF

finish
