#!/bin/sh
# resdex parse on real AKN4UN files of the shipped UN corpus (corpus/akn,
# gzipped as shipped): JSON with the resolution's metadata and paragraphs;
# exit 2 and the file named on stderr for the UN's malformed one
# (tests/data/akn-malformed).
. "$top_srcdir/tests/lib.sh"
AKN="$UN_CORPUS"

f="$AKN/ecosoc/2023/English/E_RES_2023_24-2314955E.xml.gz"
expect_status 0 "parse --json an ECOSOC resolution" "$RESDEX" parse --json "$f"
cp "$T/out" "$T/json"
# ECOSOC's resolution, then the GA draft it recommends (inside its operative
# paragraph 1), a resolution of its own.
check "two resolutions: ECOSOC's and the draft it carries" test "$(wc -l <"$T/json")" -eq 2
sed -n 1p "$T/json" >"$T/ecosoc"
sed -n 2p "$T/json" >"$T/draft"
check "symbol, body, lang" grep -q '"symbol": *"E/RES/2023/24"' "$T/ecosoc"
check "body ECOSOC" grep -q '"body": *"ECOSOC"' "$T/ecosoc"
check "language" grep -q '"lang": *"en"' "$T/ecosoc"
check "date" grep -q '"date": *"2023-07-25"' "$T/ecosoc"
check "recommends to GA" grep -q '"recommends_to": *"GA"' "$T/ecosoc"
check "ECOSOC's only operative paragraph: 1, Recommends" grep -q \
    '"paragraphs":\[{"kind":"operative","number":1,"item":null,"verb":"Recommends","text":"Recommends to the General Assembly the adoption of the following draft resolution:"' "$T/ecosoc"
check "ECOSOC has no operative 2" sh -c "! grep -q '\"number\":2,' '$T/ecosoc'"
check "the draft's symbol" grep -q '^{"symbol":"E/RES/2023/24/DR","number":null,"body":"GA"' "$T/draft"
check "the draft: a draft resolution recommended by ECOSOC" \
    grep -q '"doc_type":"draft resolution".*"recommended_by":"ECOSOC"' "$T/draft"
check "the draft's operative paragraph 12" grep -q '"number": *12' "$T/draft"
check "the title" grep -q '"title": *"Reducing reoffending through rehabilitation and reintegration"' "$T/json"
check "a footnote of the draft" grep -q 'E/CN.15/2023/13' "$T/draft"
check "no tab leaks" sh -c "! grep -q '\\\\t' '$T/json'"

# Same content in another language: same symbol, lang fr.
f="$AKN/ecosoc/2023/French/E_RES_2023_24-2314955F.xml.gz"
if [ -f "$f" ]; then
    expect_status 0 "parse --json the French version" "$RESDEX" parse --json "$f"
    check "French symbol" grep -q '"symbol": *"E/RES/2023/24"' "$T/out"
    check "French lang" grep -q '"lang": *"fr"' "$T/out"
fi

# A plain copy reads the same.
gunzip -c "$AKN/ecosoc/2023/English/E_RES_2023_24-2314955E.xml.gz" >"$T/res.xml"
expect_status 0 "parse a plain copy" "$RESDEX" parse --json "$T/res.xml"
check "plain copy has the same symbol" grep -q '"symbol": *"E/RES/2023/24"' "$T/out"

gunzip -c "$top_srcdir/tests/data/akn-malformed/E_RES_2023_23-2314954A.xml.gz" >"$T/E_RES_2023_23-2314954A.xml"
bad="$T/E_RES_2023_23-2314954A.xml"
expect_status 2 "the malformed file" "$RESDEX" parse --json "$bad"
check "its name and line on stderr" grep -q 'E_RES_2023_23-2314954A.xml:[0-9][0-9]*: malformed XML' "$T/err"
check "nothing on stdout" test ! -s "$T/out"

# A good file and the bad one: the good one is printed, exit 2.
expect_status 2 "a good and a bad file" "$RESDEX" parse --json "$AKN/ecosoc/2023/English/E_RES_2023_24-2314955E.xml.gz" "$bad"

finish
