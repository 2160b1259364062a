#!/bin/sh
# Snippets are plain text, as the paragraph is: a paragraph holding "&", "<"
# and ">" (a hostile one, "<script>", too) shows them as they are in the
# snippet, text and JSON alike, never as the HTML entities Xapian's snippet
# generator writes; a paragraph's own "&lt;" stays as it is.
. "$top_srcdir/tests/lib.sh"
QUERY_NO_SAMPLES=1
. "$top_srcdir/tests/query/query-lib.sh"

mkdir "$T/c"
sed 's|valuable link between|valuable link (R\&D <b>units</b> \&lt;sic\&gt;) between|' \
    "$top_srcdir/corpus/cnd-55-12.txt" >"$T/c/cnd.txt"
grep -q 'R&D <b>units</b> &lt;sic&gt;' "$T/c/cnd.txt" || { echo "FAIL: test document not made" >&2; exit 1; }
build_index "$T/c" "$T/db"
rs() { "$RESDEX" --db "$T/db" "$@"; }

expect_status 0 "search a paragraph with markup" rs search --json '"valuable link"'
check "JSON snippet: & < > as they are" grep -qF '(R&D <b>units</b> &lt;sic&gt;)' "$T/out"
check "JSON snippet: no entity Xapian wrote" sh -c "! grep -qF '&amp;' '$T/out' && ! grep -qF '&lt;b&gt;' '$T/out'"
expect_status 0 "search, text" rs search '"valuable link"'
check "text snippet: as the paragraph is" grep -qF '(R&D <b>units</b> &lt;sic&gt;)' "$T/out"
expect_status 0 "a word inside the markup is highlighted as text" rs search --json units
check "highlight inside: [units]" grep -qF '<b>[units]</b>' "$T/out"
finish
