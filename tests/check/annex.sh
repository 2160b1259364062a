#!/bin/sh
# resdex check reads a draft's annex too: the annex of A/RES/80/226 (the
# Kyoto Model Strategies on Reducing Reoffending, corpus/akn) pasted after
# an "Annex" heading: its first paragraph verbatim is agreed with the
# annex's paragraph (A/RES/80/226#an1), the second with one word changed is
# modified with that word in its diff; the annex's title (a heading) is not
# checked, and the draft's annex paragraphs are annex paragraphs, numbered
# as printed, although no meeting line closes the draft before "Annex".
. "$top_srcdir/tests/lib.sh"
QUERY_NO_SAMPLES=1
. "$top_srcdir/tests/query/query-lib.sh"

mkdir "$T/c"
cp "$UN_CORPUS"/ga/80session/English/A_RES_80_226-*.xml.gz "$T/c/"
build_index "$T/c" "$T/db2"
"$RESDEX" parse --json "$T/c"/*.xml.gz >"$T/res.json" || fail "parse A/RES/80/226"
python3 - "$T/res.json" "$T/draft.txt" <<'PY' || fail "build the draft"
import json, sys
ps = json.load(open(sys.argv[1]))["paragraphs"]
op = [p["text"] for p in ps if p["kind"] == "operative"]
an = [p["text"] for p in ps if p["kind"] == "annex"]
assert "can be prevented" in an[1], an[1]
with open(sys.argv[2], "w") as f:
    f.write("1. %s\n\nAnnex\n\nUnited Nations Model Strategies on Reducing Reoffending\n\n"
            "1. %s\n\n2. %s\n" % (op[0], an[0], an[1].replace("can be prevented", "can be reduced")))
PY
expect_status 0 "check a draft with an annex" "$RESDEX" --db "$T/db2" check --json "$T/draft.txt"
python3 - "$T/out" <<'PY' || fail "the annex's paragraphs checked"
import json, sys
items = [json.loads(l) for l in open(sys.argv[1])]
got = [(i["status"], i["precedent"]["id"] if i["precedent"] else None) for i in items]
assert got == [("agreed", "A/RES/80/226#1"), ("agreed", "A/RES/80/226#an1"),
               ("modified", "A/RES/80/226#an2")], got
assert items[1]["precedent"]["paragraph"]["kind"] == "annex", items[1]["precedent"]["paragraph"]
# The draft has no closing lines: its "Annex" heading still opens the annex,
# whose numbered paragraphs are annex paragraphs 1 and 2, not operative.
assert [(i["kind"], i["number"]) for i in items] == [("operative", 1), ("annex", 1), ("annex", 2)], \
    [(i["kind"], i["number"]) for i in items]
ops = items[2]["diff"]
assert {"op": "delete", "text": " prevented"} in ops and {"op": "insert", "text": " reduced"} in ops, ops
assert not any("Model Strategies on Reducing Reoffending" == i["text"] for i in items)
PY
expect_status 0 "the text" "$RESDEX" --db "$T/db2" check "$T/draft.txt"
check "text: the summary" grep -qx '2 agreed, 1 modified, 0 new' "$T/out"
check "text: the changed word" grep -qF '[-prevented-] [+reduced+]' "$T/out"
finish
