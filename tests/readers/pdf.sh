#!/bin/sh
# pdf.sh - PDFs printed by the test with cairo (tests/readers/mkpdf.py) from
# the text of resolution 70/174, with the UN's page furniture: the structure
# is the source text's (70-174.jsonl, written by hand), the furniture is
# gone, the footnotes at the page foot are linked through their raised
# marks, and the paragraph split by the page break is whole again.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/readers/readers-lib.sh"
G="$top_srcdir/tests/readers/70-174.jsonl"
if ! $PY -c 'import cairo' 2>/dev/null; then
    echo "SKIP: python3-cairo is not installed (scripts/install-deps installs it)" >&2
    exit 77
fi

$PY "$top_srcdir/tests/readers/mkpdf.py" "$T/res.pdf" || fail "mkpdf"
expect_status 0 "parse a PDF" "$RESDEX" parse --json "$T/res.pdf"
cp "$T/out" "$T/res.jsonl"
check "PDF: structure as in the source" "$JSON_EQUAL" --subset "$G" "$T/res.jsonl"
for furniture in '15-14112' '1514112' 'Please recycle' '2/2' '"A/RES/70/174 '; do
    check "PDF: page furniture \"$furniture\" dropped" sh -c "! grep -q '$furniture' '$T/res.jsonl'"
done
# The paragraph printed across pages 1 and 2, whole (the text of mkpdf.py).
check "PDF: paragraph split by the page break rejoined" grep -q 'Noting with appreciation the work of the Commission on Crime Prevention and Criminal Justice, which the Member States have supported through their contributions over many years and in many forms, including the preparation of the Congress, the regional preparatory meetings and the workshops held during it, and recognizing the contributions of the institutes of the United Nations crime prevention and criminal justice programme network and of the intergovernmental and non-governmental organizations that took part in the Congress,"' "$T/res.jsonl"
check "PDF: footnote mark out of the text" grep -q '"Welcomes the Doha Declaration, adopted by the Thirteenth Congress;"' "$T/res.jsonl"

# Gzip-compressed PDF: by content.
gzip -c "$T/res.pdf" >"$T/res.pdf.gz"
expect_status 0 "a gzip-compressed PDF" "$RESDEX" parse "$T/res.pdf.gz"

# No text layer, truncated, too many pages: refused with the reason.
$PY "$top_srcdir/tests/readers/mkpdf.py" "$T/scan.pdf" --blank || fail "mkpdf --blank"
expect_status 2 "a PDF without a text layer" "$RESDEX" parse "$T/scan.pdf"
check "no text layer: the reason" grep -q "scan.pdf: PDF without a text layer" "$T/err"
head -c 2000 "$T/res.pdf" >"$T/cut.pdf"
expect_status 2 "a truncated PDF" "$RESDEX" parse "$T/cut.pdf"
check "truncated: message names the file" grep -q "cut.pdf: damaged or truncated PDF" "$T/err"
$PY "$top_srcdir/tests/readers/mkpdf.py" "$T/long.pdf" --pages 2001 || fail "mkpdf --pages"
expect_status 2 "a PDF of 2001 pages" "$RESDEX" parse "$T/long.pdf"
check "too many pages: the limit" grep -q "long.pdf: 2001 pages (the limit is 2000)" "$T/err"
$PY "$top_srcdir/tests/readers/mkpdf.py" "$T/ok.pdf" --pages 300 || fail "mkpdf --pages 300"
expect_status 0 "a PDF of 300 pages, mostly empty" "$RESDEX" parse "$T/ok.pdf"
# The time limit, checked after each page: with none left, the first page is
# the last read.
expect_status 2 "a PDF read past its time limit" env RESDEX_PDF_SECONDS=0 "$RESDEX" parse "$T/ok.pdf"
check "time limit: the file, the limit and the page" grep -q "ok.pdf: reading it takes longer than the limit of 0 s (stopped after page 1 of 300" "$T/err"
expect_status 0 "within a limit of an hour" env RESDEX_PDF_SECONDS=3600 "$RESDEX" parse "$T/res.pdf"
expect_status 0 "a limit that is no number: the default" env RESDEX_PDF_SECONDS=junk "$RESDEX" parse "$T/ok.pdf"

# resdexd indexes a PDF as any other file: searchable.
mkdir -p "$T/corpus"
cp "$T/res.pdf" "$T/corpus/"
expect_status 0 "resdexd --once over a PDF" "$RESDEXD" --once --db "$T/db" --corpus "$T/corpus"
expect_status 0 "search finds the PDF's paragraph" "$RESDEX" --db "$T/db" search --json 'prison management'
check "the hit's source is the PDF" grep -q 'res.pdf' "$T/out"
finish
