#!/bin/sh
# golden.sh - `resdex parse --json` on each sample against JSON written by
# hand from reading the document (tests/golden/NAME.jsonl). The report's
# golden gives every resolution's context and every paragraph's kind,
# number, item, verb and marks, but the text and citations of a subset of
# paragraphs only: it is compared with json_equal --subset (fields absent
# from the golden are not checked; arrays must still have the same length).
. "$top_srcdir/tests/lib.sh"
cd "$top_srcdir" || exit 1

for name in ecosoc-2017-19 cnd-55-12 ecosoc-2023-24 ecosoc-2021-23; do
    expect_status 0 "parse $name" "$RESDEX" parse --json "corpus/$name.txt"
    cp "$T/out" "$T/$name.jsonl"
    check "$name matches its golden" "$JSON_EQUAL" "tests/golden/$name.jsonl" "$T/$name.jsonl"
done

name=E-2017-30-chapter-I
expect_status 0 "parse $name" "$RESDEX" parse --json "corpus/$name.txt"
cp "$T/out" "$T/$name.jsonl"
check "$name matches its golden" "$JSON_EQUAL" --subset "tests/golden/$name.jsonl" "$T/$name.jsonl"

# The layouts of the printed volumes (tests/data/text, written from real
# resolutions): a Security Council resolution, a GA and two ECOSOC ones
# with hard-wrapped lines, page numbers and OCR'd digits, a GA resolution in
# two parts (75/101 A and B). Their goldens give
# every paragraph's kind, number and verb, the text of some.
for fixture in sc-638-1989 ga-45-110-volume ecosoc-1989-volume ga-75-101-volume; do
    expect_status 0 "parse $fixture" "$RESDEX" parse --json "tests/data/text/$fixture.txt"
    cp "$T/out" "$T/$fixture.jsonl"
    check "$fixture matches its golden" "$JSON_EQUAL" --subset "tests/golden/$fixture.jsonl" \
        "$T/$fixture.jsonl"
done

# The comparison can fail: a changed paragraph is caught.
sed 's/Also encourages/Encourages/' "$T/ecosoc-2017-19.jsonl" >"$T/changed.jsonl"
expect_status 1 "a changed verb is a difference" "$JSON_EQUAL" tests/golden/ecosoc-2017-19.jsonl "$T/changed.jsonl"
# --subset still checks what the golden has, and array lengths.
sed 's/"number":2,/"number":3,/' "$T/$name.jsonl" >"$T/changed.jsonl"
expect_status 1 "subset: a changed number is a difference" "$JSON_EQUAL" --subset "tests/golden/$name.jsonl" "$T/changed.jsonl"
head -n 3 "$T/$name.jsonl" >"$T/short.jsonl"
expect_status 1 "subset: a missing resolution is a difference" "$JSON_EQUAL" --subset "tests/golden/$name.jsonl" "$T/short.jsonl"
printf '{"a":1,"b":[1,2]}\n' >"$T/g.jsonl"
printf '{"a":1,"b":[1,2],"c":3}\n' >"$T/x.jsonl"
expect_status 0 "subset: extra fields are ignored" "$JSON_EQUAL" --subset "$T/g.jsonl" "$T/x.jsonl"
expect_status 1 "without --subset extra fields count" "$JSON_EQUAL" "$T/g.jsonl" "$T/x.jsonl"
printf '{"a":1,"b":[1]}\n' >"$T/x.jsonl"
expect_status 1 "subset: a shorter array is a difference" "$JSON_EQUAL" --subset "$T/g.jsonl" "$T/x.jsonl"

# Bad input through the command: exit 2 and a message naming the file.
printf 'Chapter I\n\nNothing to see.\n' >"$T/none.txt"
expect_status 2 "no resolution: exit 2" "$RESDEX" parse "$T/none.txt"
check "no resolution: message names the file" grep -q "none.txt" "$T/err"
printf '2017/19. T\n\nRecalling \377 x,\n' >"$T/bad.txt"
expect_status 2 "invalid UTF-8: exit 2" "$RESDEX" parse "$T/bad.txt"
check "invalid UTF-8: message names file and line" grep -q "bad.txt:3:" "$T/err"
finish
