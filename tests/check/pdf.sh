#!/bin/sh
# resdex check of a PDF draft: General Assembly resolution 79/187 (corpus/akn)
# as next year's draft would carry it, printed with cairo by
# tests/readers/mkpdf.py --draft as the ODS prints a Third Committee draft:
# the masthead (United Nations, A/C.3/79/L.9, General Assembly, "Distr.:
# Limited", the date), the session, committee and agenda lines, the sponsors'
# line ("...: draft resolution"), the title; on every page the symbol header,
# page numbers, and on the first the job number, the barcode and "Please
# recycle". Every
# paragraph kept verbatim is agreed with 79/187, the one edited
# ("Strongly encourages" made "Encourages") is modified and weaker, the one
# added is new, and no piece of furniture became a paragraph.
. "$top_srcdir/tests/lib.sh"
QUERY_NO_SAMPLES=1
. "$top_srcdir/tests/query/query-lib.sh"
. "$top_srcdir/tests/readers/readers-lib.sh"
if ! $PY -c 'import cairo' 2>/dev/null; then
    echo "SKIP: python3-cairo is not installed (scripts/install-deps installs it)" >&2
    exit 77
fi

RES=$(ls "$UN_CORPUS"/ga/79session/English/A_RES_79_187-*.xml.gz)
mkdir "$T/c"
cp "$RES" "$T/c/"
build_index "$T/c" "$T/db"

NEW='Decides to establish a working group of zoologists on the welfare of penguins kept in penitentiary aquariums;'
"$RESDEX" parse --json "$RES" >"$T/79-187.json" || fail "parse 79/187"
# The draft: the session lines, the sponsors, the title, "The General
# Assembly,", the preambular paragraphs, the operative ones numbered,
# operative 3 edited, a new one before the last.
$PY - "$T/79-187.json" "$NEW" >"$T/draft.txt" <<'PY'
import json, sys
res = json.load(open(sys.argv[1]))
print("Seventy-ninth session")
print("Third Committee")
print("Agenda item 109")
print("Crime prevention and criminal justice")
print("Austria, Brazil, Japan, Morocco, Philippines, South Africa and Thailand: draft resolution")
print(res["title"])
print("The General Assembly,")
ops = [p["text"] for p in res["paragraphs"] if p["kind"] == "operative"]
for p in res["paragraphs"]:
    if p["kind"] == "preambular":
        print(p["text"])
assert ops[2].startswith("Strongly encourages Member States")
ops[2] = ops[2].replace("Strongly encourages", "Encourages", 1)
ops.insert(len(ops) - 1, sys.argv[2])
for i, t in enumerate(ops):
    print("%d. %s" % (i + 1, t))
PY
$PY "$top_srcdir/tests/readers/mkpdf.py" "$T/draft.pdf" --draft "$T/draft.txt" || fail "mkpdf --draft"
check "a PDF" sh -c "head -c 5 '$T/draft.pdf' | grep -q '%PDF-'"

expect_status 1 "check the PDF draft" "$RESDEX" --db "$T/db" check --json "$T/draft.pdf"
cp "$T/out" "$T/check.jsonl"
check "15 paragraphs checked: 9 preambular, 6 operative" test "$(wc -l <"$T/check.jsonl")" -eq 15
check "9 preambular" test "$(grep -c '"kind":"preambular"' "$T/check.jsonl")" -eq 9
check "6 operative" test "$(grep -c '"kind":"operative"' "$T/check.jsonl")" -eq 6
check "13 agreed" test "$(grep -c '"status":"agreed"' "$T/check.jsonl")" -eq 13
$PY - "$T/check.jsonl" <<'PY' || fail "the statuses paragraph by paragraph"
import json, sys
items = [json.loads(l) for l in open(sys.argv[1])]
for it in items:
    want = "modified" if it["number"] == 3 else "new" if it["number"] == 5 else "agreed"
    assert it["status"] == want, (it["number"], it["status"], it["text"][:60])
    if want == "agreed":
        assert it["precedent"]["id"].startswith("A/RES/79/187#"), it["precedent"]["id"]
op3 = [it for it in items if it["number"] == 3][0]
assert op3["precedent"]["id"] == "A/RES/79/187#3", op3["precedent"]["id"]
assert op3["verb"] == {"from": "Strongly encourages", "to": "Encourages", "change": "weaker"}, op3["verb"]
assert op3["diff"][0] == {"op": "delete", "text": "Strongly"}, op3["diff"]
last = items[-1]
assert last["number"] == 6 and last["precedent"]["id"] == "A/RES/79/187#5", last
PY

# The furniture became no paragraph, in check or in parse.
expect_status 0 "parse the PDF draft" "$RESDEX" parse --json "$T/draft.pdf"
cp "$T/out" "$T/parsed.json"
for furniture in 'A/C.3/79/L.9' '24-18020' '2418020' 'Please recycle' 'Distr.' 'Limited' '9 October 2024' 'United Nations"' '"General Assembly"'; do
    check "furniture \"$furniture\" in no paragraph checked" sh -c "! grep -qF '$furniture' '$T/check.jsonl'"
    check "furniture \"$furniture\" in no paragraph parsed" sh -c "! grep -qF '$furniture' '$T/parsed.json'"
done
check "no page number in a paragraph" sh -c "! grep -q '\"text\":\"[0-9]/[0-9]' '$T/parsed.json'"
check "parse: a draft resolution" grep -qF '"doc_type":"draft resolution"' "$T/parsed.json"
check "parse: its title" grep -qF '"title":"Reducing reoffending through rehabilitation and reintegration"' "$T/parsed.json"
for line in 'Seventy-ninth session' 'Third Committee' 'Agenda item 109' 'Thailand: draft resolution'; do
    check "\"$line\" in no paragraph" sh -c "! grep -qF '$line' '$T/parsed.json'"
done
check "parse: 15 paragraphs and \"The General Assembly,\"" \
    test "$($PY -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["paragraphs"]))' "$T/parsed.json")" -eq 16
finish
