#!/bin/sh
# docx.sh - Word files written by the test (tests/readers/mkdocx.py): the
# structure of resolution 70/174 as its source text has it (70-174.jsonl,
# written by hand from that text): automatic numbering, footnotes linked
# through w:footnoteReference, tracked changes read as accepted and reported.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/readers/readers-lib.sh"
G="$top_srcdir/tests/readers/70-174.jsonl"

$PY "$top_srcdir/tests/readers/mkdocx.py" "$T/draft.docx" || fail "mkdocx"
expect_status 0 "parse a Word file" "$RESDEX" parse --json "$T/draft.docx"
cp "$T/out" "$T/draft.jsonl"
check "Word: structure as in the source" "$JSON_EQUAL" --subset "$G" "$T/draft.jsonl"
check "Word: tracked changes reported" grep -q '"tracked_changes":true' "$T/draft.jsonl"
check "Word: insertion kept" grep -q 'adopted by the effective Thirteenth Congress;' "$T/draft.jsonl"
check "Word: deletion dropped" sh -c "! grep -q obsolete '$T/draft.jsonl'"
check "Word: a deleted paragraph mark joins" grep -q '"Requests the Secretary-General to report to the Assembly at its seventy-first session."' "$T/draft.jsonl"
check "Word: source is the file" grep -q "\"source\":\"$T/draft.docx\"" "$T/draft.jsonl"

$PY "$top_srcdir/tests/readers/mkdocx.py" "$T/clean.docx" --clean || fail "mkdocx --clean"
expect_status 0 "parse a clean Word file" "$RESDEX" parse --json "$T/clean.docx"
cp "$T/out" "$T/clean.jsonl"
check "clean Word: structure" "$JSON_EQUAL" --subset "$G" "$T/clean.jsonl"
check "clean Word: no tracked_changes" sh -c "! grep -q tracked_changes '$T/clean.jsonl'"

# By content, not by name: a Word file named .txt still reads.
cp "$T/draft.docx" "$T/misnamed.txt"
expect_status 0 "a Word file named .txt" "$RESDEX" parse "$T/misnamed.txt"

# Damaged: truncated, no document part, malformed XML.
head -c 600 "$T/draft.docx" >"$T/cut.docx"
expect_status 2 "truncated Word file" "$RESDEX" parse "$T/cut.docx"
check "truncated: message names the file" grep -q "cut.docx: damaged or truncated zip" "$T/err"
$PY - "$T/bad.docx" <<'PYEOF'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("word/document.xml", "<w:document><w:body><w:p>")
PYEOF
expect_status 2 "malformed document.xml" "$RESDEX" parse "$T/bad.docx"
check "malformed: names file and part" grep -q "bad.docx!word/document.xml:1: malformed XML" "$T/err"
finish
