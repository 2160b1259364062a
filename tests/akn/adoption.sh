#!/bin/sh
# How each text was adopted, read from AKN4UN's <analysis>, <workflow> and
# <classification> and from the UN's metadata extract: what resdex parse,
# search's filters and show print, checked against an independent reading
# of the XML (python's xml parser) and against hand-written bad metadata.
# The UN's files are the shipped corpus's (corpus/akn, gzipped as shipped).
. "$top_srcdir/tests/lib.sh"
AKN="$UN_CORPUS"
DATA="$top_srcdir/tests/data/akn"
en228=$(ls "$AKN"/ga/80session/English/A_RES_80_228-*.xml.gz)
fr228=$(ls "$AKN"/ga/80session/French/A_RES_80_228-*.xml.gz)
en229=$(ls "$AKN"/ga/80session/English/A_RES_80_229-*.xml.gz)

# The expectations, read from the XML without resdex: the counts and
# voters of <voting>, the draft of <workflow>, the SDGO goals and the UNBIS
# Thesaurus labels of <classification>.
expect_from_xml() {
    python3 - "$1" <<'PY'
import gzip, json, sys, xml.etree.ElementTree as ET
ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0", "u": "http://un.org/akn4un"}
root = ET.parse(gzip.open(sys.argv[1])).getroot()
meta = root.find("a:statement/a:meta", ns)
voting = meta.find("a:analysis/a:parliamentary/a:voting", ns)
out = {"method": {"adoptedWithoutVote": "without a vote",
                  "adoptedRecordedVote": "recorded vote"}.get(voting.get("outcome"))}
refers = {"inFavour": "in_favour", "against": "against", "abstaining": "abstaining"}
votes = []
for c in voting.findall("a:count", ns):
    out[refers[c.get("refersTo")]] = int(c.get("value"))
    for o in c.findall("u:voters/a:organization", ns):
        votes.append([o.text.strip(), refers[c.get("refersTo")]])
out["votes"] = votes
draft = [s for s in meta.findall("a:workflow/a:step", ns) if s.get("outcome") == "draftResolution"]
out["draft"] = draft[0].get("as") if draft else None
sdgs = []
subjects = []
for k in meta.findall("a:classification/a:keyword", ns):
    if k.get("dictionary") == "SDGO" and int(k.get("value")) not in sdgs:
        sdgs.append(int(k.get("value")))
    if k.get("dictionary") == "UNBIS Thesaurus" and k.get("showAs") not in subjects:
        subjects.append(k.get("showAs"))
out["sdgs"] = sdgs
out["subjects"] = subjects
print(json.dumps(out))
PY
}

# compare EXPECTED_JSON ACTUAL_JSON: the parse (or show) object has what the
# XML says.
compare() {
    python3 - "$1" "$2" <<'PY'
import json, sys
want = json.load(open(sys.argv[1]))
got = json.loads(open(sys.argv[2]).readline())
ad = got.get("adoption") or {}
bad = []
for k in ("method", "in_favour", "against", "abstaining"):
    if ad.get(k) != want.get(k):
        bad.append("%s: %r, expected %r" % (k, ad.get(k), want.get(k)))
for k in ("draft", "sdgs", "subjects"):
    if got.get(k) != want[k]:
        bad.append("%s: %r, expected %r" % (k, got.get(k), want[k]))
if "votes" in got and got["votes"] != [{"state": s, "vote": v} for s, v in want["votes"]]:
    bad.append("votes differ")
if bad:
    print("; ".join(bad), file=sys.stderr)
    sys.exit(1)
PY
}

# --- resdex parse, against the XML --------------------------------------
for f in "$en228" "$fr228" "$en229"; do
    expect_from_xml "$f" >"$T/want.json"
    expect_status 0 "parse --json $(basename "$f")" "$RESDEX" parse --json "$f"
    check "$(basename "$f"): adoption, draft, SDGs, subjects as the XML says" compare "$T/want.json" "$T/out"
done
# A/RES/80/228, read by eye: 139 in favour, 3 against, 38 abstaining.
"$RESDEX" parse --json "$en228" >"$T/228.json"
check "80/228: 139-3-38" grep -q '"adoption":{"method":"recorded vote","in_favour":139,"against":3,"abstaining":38' "$T/228.json"
check "80/228: the draft" grep -q '"draft":"A/C.3/80/L.4/Rev.1"' "$T/228.json"
check "80/228: a sponsor with a comma-free bracket, whole" grep -q '"Venezuela (Bolivarian Republic of)"\]' "$T/228.json"
check "80/228: nine sponsors" python3 -c "import json,sys; sys.exit(len(json.load(open('$T/228.json'))['sponsors']) != 9)"
check "80/228: Antigua and Barbuda is one additional sponsor" grep -q '"additional_sponsors":\["Algeria","Antigua and Barbuda","Bahamas (The)"' "$T/228.json"
check "80/228: the last two additional sponsors split at 'and'" grep -q '"Uzbekistan","Viet Nam"\]' "$T/228.json"
# E/RES/2023/23, read by eye: the draft was "submitted by the Chair on behalf
# of the Commission and sponsored by Brazil, Canada, ... and the United
# States": the 20 States after "sponsored by" are its sponsors.
en2023_23=$(ls "$AKN"/ecosoc/2023/English/E_RES_2023_23-*.xml.gz)
"$RESDEX" parse --json "$en2023_23" >"$T/2023-23.json"
check "2023/23: the States after 'sponsored by' are the sponsors" grep -q '"sponsors":\["Brazil","Canada","Colombia",' "$T/2023-23.json"
check "2023/23: a bracket stays with its State; the last two split at 'and'" grep -q '"Sweden (on behalf of the States Members of the United Nations that are members of the European Union)","Switzerland","Thailand","the United Arab Emirates","the United Kingdom","the United States"\]' "$T/2023-23.json"
check "2023/23: twenty sponsors" python3 -c "import json,sys; sys.exit(len(json.loads(open('$T/2023-23.json').readline())['sponsors']) != 20)"

# --- bad metadata: read, with warnings naming the file and the element ---
expect_status 0 "bad metadata is no rejected file" "$RESDEX" parse --json "$DATA/adoption-bad.xml"
cp "$T/out" "$T/bad.json"
check "unknown outcome: method null; the count as printed" grep -q '"adoption":{"method":null,"in_favour":12,"against":null,"abstaining":null' "$T/bad.json"
check "warning: the unknown outcome, with its line" grep -q 'adoption-bad.xml: line 30: <voting outcome="adoptedByAcclamation">' "$T/err"
check "warning: the voter list disagrees with its count" grep -q 'line 31: <count refersTo="inFavour"> says 12 but lists 2 voters' "$T/err"
check "warning: a count that is not a number" grep -q 'line 37: <count refersTo="against"> has the value "three", not a number' "$T/err"
check "warning: SDG 18" grep -q 'line 20: <keyword dictionary="SDGO" value="18">' "$T/err"
check "SDG 16 kept, 18 left out" grep -q '"sdgs":\[16\]' "$T/bad.json"
check "names with 'and' inside" grep -q '"sponsors":\["Spain","Trinidad and Tobago","Antigua and Barbuda"\]' "$T/bad.json"
check "a body identifier is no sponsor" grep -q '"additional_sponsors":\[\]' "$T/bad.json"
expect_status 0 "a recorded vote without counts" "$RESDEX" parse --json "$DATA/adoption-novotes.xml"
check "method vote, counts null" grep -q '"adoption":{"method":"recorded vote","in_favour":null,"against":null,"abstaining":null' "$T/out"
check "warning: no counts" grep -q 'adoption-novotes.xml: line 21: a recorded vote without counts' "$T/err"

# A hostile list: 20000 voters and sponsors. Read in bounded time and
# memory (lists stop at 400), the count kept as printed, with a warning.
python3 - "$DATA/adoption-bad.xml" "$T/huge.xml" <<'PY'
import sys
s = open(sys.argv[1]).read()
voters = "".join("<organization>STATE %d</organization>" % i for i in range(20000))
s = s.replace("<organization refersTo=\"memberState\">JAPAN</organization>", voters)
s = s.replace('by="Spain, Trinidad and Tobago and Antigua and Barbuda"',
              'by="' + ", ".join("State %d" % i for i in range(20000)) + '"')
open(sys.argv[2], "w").write(s)
PY
expect_status 0 "20000 voters and sponsors" "$RESDEX" parse --json "$T/huge.xml"
check "the voters the list holds, counted" grep -q 'says 12 but lists 20001 voters' "$T/err"
check "at most 400 sponsors kept" python3 -c "import json,sys; sys.exit(len(json.load(open('$T/out'))['sponsors']) != 400)"

# --- the metadata extract ------------------------------------------------
expect_status 0 "parse the GA metadata extract" "$RESDEX" parse --json "$AKN/ga/metadata_data_extract.jsonl"
check "its 80/228: a recorded vote, 139-3-38, from the extract" grep -q '"symbol":"A/RES/80/228".*"adoption":{"method":"recorded vote","in_favour":139,"against":3,"abstaining":38,"from":"extract"}' "$T/out"
check "its 75/194: without a vote, no counts" grep -q '"symbol":"A/RES/75/194".*"adoption":{"method":"without a vote","in_favour":null' "$T/out"
printf '%s\n' '{"symbol": "A/RES/79/903", "adoption_type": "By a recorded vote", "MS_in_favour_count": "2", "MS_in_favour": ["JAPAN"], "MS_against_count": "x"}' \
    'not json' >"$T/extract.jsonl"
expect_status 0 "a partial extract is read" "$RESDEX" parse --json "$T/extract.jsonl"
check "counts as printed" grep -q '"adoption":{"method":"recorded vote","in_favour":2,"against":null' "$T/out"
check "warning: list against count" grep -q 'extract.jsonl: line 1 (A/RES/79/903): "MS_in_favour_count" says 2 but "MS_in_favour" lists 1' "$T/err"
check "warning: the line that is not JSON" grep -q 'extract.jsonl: line 2: not a metadata record' "$T/err"

# The same as one JSON array (data_extract/<session>.json): each record named
# by the line it starts on; dates that are no dates left out, with a warning.
cat >"$T/extract.json" <<'EOF'
[
  {"symbol": "A/RES/79/901", "adoption_type": "Without a vote",
   "adoption_date": "31 February 2024"},
  {"no_symbol": 1},
  {"symbol": "A/RES/79/902", "adoption_type": "Without a vote", "adoption_date": "10 June 1900"},
  {"symbol": "A/RES/79/903", "adoption_type": "Without a vote", "adoption_date": "29 February 2024"}
]
EOF
expect_status 0 "an extract as one JSON array is read" "$RESDEX" parse --json "$T/extract.json"
check "array: the record on line 4 is named by its line" grep -q 'extract.json: line 4: not a metadata record (no "symbol")' "$T/err"
check "array: 31 February is no date" grep -q 'extract.json: line 2 (A/RES/79/901): "adoption_date" "31 February 2024" is not a date' "$T/err"
check "array: 1900 is no date of the UN" grep -q 'extract.json: line 5 (A/RES/79/902): "adoption_date" "10 June 1900" is not a date' "$T/err"
check "array: 29 February 2024 is one" grep -q '"symbol":"A/RES/79/903".*"date":"2024-02-29"' "$T/out"
check "array: no date made up for 79/901" sh -c "! grep -q '\"symbol\":\"A/RES/79/901\".*\"date\":\"2024' '$T/out'"
printf '[{"symbol": "A/RES/79/904", "adoption_type": "Without a vote"},\n {"symbol": "A/RES/79/905"} {"symbol": "x"}]\n' >"$T/broken.json"
expect_status 2 "an array broken on line 2 is refused" "$RESDEX" parse --json "$T/broken.json"
check "... naming line 2" grep -q "broken.json:2: not JSON: ',' or ']' expected" "$T/err"

# --- the index: filters, hits, show ---------------------------------------
mkdir -p "$T/corpus"
cp "$en228" "$fr228" "$en229" "$DATA/adoption-bad.xml" "$T/corpus/"
cp "$AKN/ga/metadata_data_extract.jsonl" "$T/corpus/"
# French 80/229 without metadata of its own (the English file's serves),
# and a French 79/186 whose only metadata is the extract's.
cp "$DATA/ga-80-229-fr.xml" "$T/corpus/"
sed 's|80-229|79-186|; s|80/229\.|79/186.|' "$DATA/ga-80-229-fr.xml" >"$T/corpus/ga-79-186-fr.xml"
"$RESDEXD" --db "$T/db" --corpus "$T/corpus" --once 2>"$T/d.err" || fail "resdexd: $(cat "$T/d.err")"
check "no file rejected" sh -c "! grep -q rejected: '$T/d.err' && grep -q '0 rejected' '$T/d.err'"
R() { "$RESDEX" --db "$T/db" "$@"; }
# symbols QUERY...: the distinct symbols of every hit (all kinds, all languages).
symbols() { R search --json --all --limit 10000 "$@" | python3 -c '
import json, sys
print(" ".join(sorted({json.loads(l)["resolution"]["symbol"] for l in sys.stdin})))'; }
# same DESCRIPTION GOT EXPECTED
same() { if [ "$2" = "$3" ]; then pass; else fail "$1: got '$2', expected '$3'"; fi; }
same "adopted:vote: 80/228 only" "$(symbols adopted:vote)" "A/RES/80/228"
same "adopted:consensus: 80/229" "$(symbols adopted:consensus)" "A/RES/80/229"
same "voted:\"United States=against\"" "$(symbols 'voted:"United States=against"')" "A/RES/80/228"
same "voted:japan=yes (in favour)" "$(symbols voted:japan=yes)" "A/RES/79/901 A/RES/80/228"
expect_status 1 "voted:Japan=against finds nothing" R search --all voted:Japan=against
same "voted: folds accents and apostrophes" "$(symbols "voted:côte_d’ivoire=in_favour")" "A/RES/79/901 A/RES/80/228"
same "sponsor:Japan: 80/229 (an additional sponsor)" "$(symbols sponsor:Japan)" "A/RES/80/229"
same "sponsor: any case, spaces" "$(symbols 'sponsor:"russian   FEDERATION"')" "A/RES/80/228"
same "sdg:5" "$(symbols sdg:5)" "A/RES/80/228"
same "subject: case and underscores folded" "$(symbols subject:Trafficking_In_Persons)" "A/RES/79/901 A/RES/80/228"
same "-adopted:vote" "$(symbols lang:en -adopted:vote)" "A/RES/79/901 A/RES/80/229"
expect_status 2 "sdg:18 is refused" R search sdg:18
check "it says which goals" grep -q 'sdg:18 is not a Sustainable Development Goal' "$T/err"
expect_status 2 "voted:japan without a vote is refused" R search voted:japan
expect_status 0 "facets" R search --facets --all --json lang:en
check "the adopted facet" grep -q '"adopted":{"consensus":[0-9]*,"vote":[0-9]*}' "$T/out"
# The list facets of 80/228, against the XML: each UNBIS label, sponsor
# (and additional sponsor) and State's vote once, folded as the filters
# fold them, counting every paragraph of the resolution.
expect_status 0 "facets of 80/228" R search --facets --all --json lang:en symbol:80/228
cp "$T/out" "$T/f228.json"
check "80/228's subjects, sponsors and votes as the XML says, each on all its paragraphs" \
    python3 - "$en228" "$T/f228.json" <<'PY'
import gzip, json, sys, unicodedata, xml.etree.ElementTree as ET
ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0", "u": "http://un.org/akn4un"}
meta = ET.parse(gzip.open(sys.argv[1])).getroot().find("a:statement/a:meta", ns)
got = json.load(open(sys.argv[2]))
n = got["paragraphs"]
def fold(s):
    s = unicodedata.normalize("NFKD", s.replace("_", " ").replace("\u2019", "'"))
    return " ".join("".join(c for c in s if not unicodedata.combining(c)).lower().split())
subjects = {fold(k.get("showAs")) for k in meta.findall("a:classification/a:keyword", ns)
            if k.get("dictionary") == "UNBIS Thesaurus"}
refers = {"inFavour": "in_favour", "against": "against", "abstaining": "abstaining"}
votes = {fold(o.text) + "=" + refers[c.get("refersTo")]
         for c in meta.findall("a:analysis/a:parliamentary/a:voting/a:count", ns)
         for o in c.findall("u:voters/a:organization", ns)}
bad = []
for name, want in (("subject", subjects), ("voted", votes)):
    if got["facets"][name] != {v: n for v in want}:
        bad.append("%s: %d values, expected %d" % (name, len(got["facets"][name]), len(want)))
sponsors = got["facets"]["sponsor"]
for s in ("belarus", "china", "venezuela (bolivarian republic of)", "antigua and barbuda", "viet nam"):
    if sponsors.get(s) != n:
        bad.append("sponsor %s: %r, expected %d" % (s, sponsors.get(s), n))
if len(votes) != 139 + 3 + 38 or not n:
    bad.append("the XML's votes: %d; paragraphs %d" % (len(votes), n))
print("; ".join(bad), file=sys.stderr)
sys.exit(1 if bad else 0)
PY
# The text prints the twenty most frequent values of a facet and says how
# many more --json has: 80/228's 180 votes.
expect_status 0 "facets of 80/228, text" R search --facets --all lang:en symbol:80/228
check "voted: twenty, then 160 more" sh -c "grep -A1 -x 'voted:' '$T/out' | tail -1 | grep -q '), and 160 more (--json lists them all)\$'"
same "voted: twenty values printed" "$(grep -A1 -x 'voted:' "$T/out" | tail -1 | tr ',' '\n' | grep -c '=')" 20
# Over the whole index, each value of the three facets is what its filter
# finds: the facet's count is the paragraphs of `QUERY FIELD:"VALUE"`.
expect_status 0 "facets of trafficking" R search --facets --all --json trafficking
cp "$T/out" "$T/ftr.json"
check "each subject, sponsor and vote facet count is its filter's count" \
    python3 - "$RESDEX" "$T/db" "$T/ftr.json" <<'PY'
import json, subprocess, sys
resdex, db, got = sys.argv[1], sys.argv[2], json.load(open(sys.argv[3]))
bad, seen = [], 0
for field in ("subject", "sponsor", "voted"):
    for value, count in got["facets"][field].items():
        q = 'trafficking %s:"%s"' % (field, value)
        out = subprocess.run([resdex, "--db", db, "search", "--count", "--all", "--json", q],
                             capture_output=True, text=True).stdout
        seen += 1
        if json.loads(out)["paragraphs"] != count:
            bad.append("%s: facet %d, filter %s" % (q, count, out.strip()))
if seen < 150:
    bad.append("only %d values counted" % seen)
print("; ".join(bad[:5]), file=sys.stderr)
sys.exit(1 if bad else 0)
PY

expect_status 0 "a hit's JSON" R search --json --limit 1 symbol:80/228 trafficking
check "a hit carries the adoption" grep -q '"adoption":{"method":"recorded vote","in_favour":139,"against":3,"abstaining":38,"from":"akn"}' "$T/out"
check "and the sponsors" grep -q '"sponsors":\["Belarus",' "$T/out"
expect_status 0 "a hit's text" R search --limit 1 symbol:80/228 trafficking
check "the header says the vote" grep -q '^1\. A/RES/80/228#.* · recorded vote 139–3–38$' "$T/out"
expect_status 0 "show 80/229" R show 80/229
check "the header says adopted without a vote" grep -q '^A/RES/80/229 .* · adopted without a vote$' "$T/out"
check "show: the draft" grep -q '^draft: A/C.3/80/L.3/Rev.1$' "$T/out"
check "show: the sponsors" grep -q '^sponsors: Albania, Austria, Bosnia and Herzegovina, Georgia, Honduras, Italy, Republic of Korea, Spain$' "$T/out"
expect_status 0 "show --lang fr 80/229 (a file without metadata)" R show --json --lang fr 80/229
check "the English file's metadata serves" grep -q '"adoption":{"method":"without a vote",.*"from":"akn:en"}' "$T/out"
expect_status 0 "show --lang fr 79/186" R show --json --lang fr 79/186
check "the extract serves" grep -q '"adoption":{"method":"without a vote",.*"from":"extract"}' "$T/out"

# show --votes, against the XML.
expect_from_xml "$en228" >"$T/want.json"
expect_status 0 "show --votes --json 80/228" R show --votes --json 80/228
check "how each State voted, as the XML says" compare "$T/want.json" "$T/out"
expect_status 0 "show --votes 80/228" R show --votes 80/228
check "text: in favour (139)" grep -q '^In favour (139): ALGERIA, ANTIGUA AND BARBUDA,' "$T/out"
check "text: against (3)" grep -q '^Against (3): ARGENTINA, ISRAEL, UNITED STATES$' "$T/out"
check "text: abstaining (38)" grep -q '^Abstaining (38): ALBANIA,' "$T/out"
expect_status 0 "show --votes 80/229" R show --votes 80/229
check "no recorded vote" grep -q '^No recorded vote: adopted without a vote$' "$T/out"
expect_status 0 "show of the bad file warns" R show 79/901
check "show repeats the warnings" grep -q 'resdex show: warning: .*adoption-bad.xml: line 31:' "$T/err"

# Replacing a file replaces its metadata; removing it removes it.
sed 's|adoptedByAcclamation|adoptedWithoutVote|' "$DATA/adoption-bad.xml" >"$T/corpus/adoption-bad.xml"
"$RESDEXD" --db "$T/db" --corpus "$T/corpus" --once 2>"$T/d.err" || fail "resdexd again"
same "changed file: its new outcome" "$(symbols adopted:consensus lang:en)" "A/RES/79/901 A/RES/80/229"
R show --json 79/901 >"$T/out"
check "changed file: its new metadata shown" grep -q '"method":"without a vote"' "$T/out"
rm "$T/corpus/$(basename "$en229")"
"$RESDEXD" --db "$T/db" --corpus "$T/corpus" --once 2>"$T/d.err" || fail "resdexd after rm"
R show --json --lang fr 80/229 >"$T/out"
check "removed English file: its metadata no longer serves" sh -c "! grep -q '\"from\":\"akn:en\"' '$T/out'"
check "the extract serves instead" grep -q '"from":"extract"' "$T/out"
finish
