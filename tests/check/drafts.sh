#!/bin/sh
# resdex check on drafts built here from real paragraphs of ECOSOC
# resolution 2017/19 (a shipped sample): verbatim, the verb strengthened
# (Encourages -> Urges) and weakened (Calls upon -> Invites), a preambular
# verb strengthened (Recalling -> Reaffirming), a qualifier added ("without
# delay") and one dropped ("where appropriate"), a clause dropped, a new
# paragraph; as plain text and as a Word file with tracked changes, built
# from its XML parts with zip(1). Statuses, verbs, qualifiers, exit codes,
# the JSON fields and the HTML's escaping of a hostile paragraph.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/similar/similar-lib.sh"

checkd() { "$RESDEX" --db "$T/db" check "$@"; }

# The paragraphs as adopted (E/RES/2017/19), and as the draft changes them.
PP1='Recalling the purposes and principles of the Charter of the United Nations, the Universal Declaration of Human Rights, the International Covenant on Civil and Political Rights, the Convention on the Rights of the Child and other relevant international legal instruments, as well as standards and norms pertaining to the treatment of offenders,'
PP2_TAIL='also that, in the Doha Declaration on Integrating Crime Prevention and Criminal Justice into the Wider United Nations Agenda to Address Social and Economic Challenges and to Promote the Rule of Law at the National and International Levels, and Public Participation, Member States expressed willingness to promote and encourage the use of alternatives to imprisonment, where appropriate, and to review or reform restorative justice and other processes in support of successful reintegration,'
OP1='Encourages Member States, in implementing holistic and comprehensive crime prevention and criminal justice policies, to promote, as appropriate, alternatives to imprisonment, from the pretrial stage to the post-sentencing stage, taking into account the background, gender, age and other specific circumstances of offenders, including their vulnerability, and the objective of their rehabilitation and reintegration into society;'
OP4_TAIL='Member States to build capacity and provide adequate resources for the effective implementation of alternatives to imprisonment, taking into account the potential role of the community, civil society and the private sector, where appropriate, in the provision of legal aid and the treatment, social rehabilitation, reintegration and, as necessary, aftercare of offenders;'
OP7_TAIL='Member States and relevant international and regional organizations to enhance cooperation and coordination at all levels, including with relevant non-governmental organizations and other relevant stakeholders, where appropriate, in order to better understand, identify, develop and implement effective policies on alternatives to imprisonment, in particular through the sharing of information, knowledge and best practices, including with regard to challenges to the implementation of such policies;'
OP3_HEAD='Further encourages Member States, in promoting alternatives to imprisonment as part of comprehensive crime prevention and criminal justice policies, to continue to take into consideration'
OP3_TAIL='the importance of the proportionality of sanctions;'
OP6_HEAD='Further encourages Member States, in cooperation with academia and civil society,'
OP6_TAIL='in accordance with domestic law, to promote the monitoring and evaluation of the use of alternatives to imprisonment in order to assess their effectiveness in the rehabilitation and reintegration of offenders;'
OP8_HEAD='Requests the United Nations Office on Drugs and Crime'
OP8_CLAUSE=', together with the institutes of the United Nations crime prevention and criminal justice programme network,'
OP8_TAIL='to continue its efforts to promote the collection, analysis and dissemination of statistical data on alternatives to imprisonment and research on relevant policies that relate to the social reintegration of offenders and reduce recidivism;'
NEW='Decides to establish a working group of zoologists on the welfare of penguins kept in penitentiary aquariums;'

# A draft has no heading: its paragraphs start at the first line.
cat >"$T/draft.txt" <<TXT
$PP1

Reaffirming $PP2_TAIL

1. $OP1

2. Urges $OP4_TAIL

3. Invites $OP7_TAIL

4. $OP3_HEAD, without delay, $OP3_TAIL

5. $OP6_HEAD $OP6_TAIL

6. $OP8_HEAD $OP8_TAIL

7. $NEW
TXT

# Text.
expect_status 1 "check a text draft with a new paragraph" checkd "$T/draft.txt"
check "text: the summary" grep -qx '2 agreed, 6 modified, 1 new' "$T/out"
check "text: verbatim is agreed, citing the adopted resolution" \
    grep -q '^1\. preambular · Recalling  agreed  E/RES/2017/19#pp1 ' "$T/out"
check "text: the draft carried in the report as another adoption" grep -q 'also: E/2017/30/DR.B.II#pp1' "$T/out"
check "text: verb strengthened" grep -qF 'verb: Encourages -> Urges (stronger)' "$T/out"
check "text: verb weakened" grep -qF 'verb: Calls upon -> Invites (weaker)' "$T/out"
check "text: preambular verb strengthened" grep -qF 'verb: Recalling -> Reaffirming (stronger)' "$T/out"
check "text: qualifier added" grep -qF 'qualifiers: +"without delay"' "$T/out"
check "text: qualifier dropped" grep -qF 'qualifiers: -"where appropriate"' "$T/out"
check "text: the dropped clause marked" grep -qF "[-$OP8_CLAUSE-]" "$T/out"
check "text: the new paragraph" grep -q '^9\. operative 7 · Decides  new' "$T/out"

# JSON Lines: one object per paragraph.
expect_status 1 "check --json" checkd --json "$T/draft.txt"
check "--json: 9 lines" test "$(wc -l <"$T/out")" -eq 9
line() { sed -n "${1}p" "$T/out"; }
check "--json: n, kind, number first" sh -c "sed -n 3p '$T/out' | grep -qF '{\"n\":3,\"kind\":\"operative\",\"number\":1,'"
check "--json: agreed" sh -c "sed -n 3p '$T/out' | grep -qF '\"status\":\"agreed\"'"
check "--json: the precedent is a search hit" \
    sh -c "sed -n 3p '$T/out' | grep -qF '\"precedent\":{\"rank\":1,\"score\":'"
check "--json: the precedent's id" sh -c "sed -n 3p '$T/out' | grep -qF '\"id\":\"E/RES/2017/19#1\"'"
check "--json: verb object" \
    sh -c "sed -n 4p '$T/out' | grep -qF '\"verb\":{\"from\":\"Encourages\",\"to\":\"Urges\",\"change\":\"stronger\"}'"
check "--json: qualifiers object" \
    sh -c "sed -n 6p '$T/out' | grep -qF '\"qualifiers\":{\"added\":[\"without delay\"],\"dropped\":[]}'"
check "--json: the diff runs from the precedent to the draft" \
    sh -c "sed -n 8p '$T/out' | grep -qF '{\"op\":\"delete\",\"text\":\"$OP8_CLAUSE\"}'"
check "--json: new has no precedent" sh -c "sed -n 9p '$T/out' | grep -qF '\"status\":\"new\",\"precedent\":null'"
if [ -x "$JSON_EQUAL" ]; then
    check "--json: valid JSON Lines" "$JSON_EQUAL" "$T/out" "$T/out"
fi

# resdex parse reads the headless draft as check does: one draft resolution,
# the same paragraphs, the file's name standing in for a symbol.
cp "$T/out" "$T/check.jsonl"
expect_status 0 "parse the headless draft" "$RESDEX" parse --json "$T/draft.txt"
check "parse: one resolution" test "$(wc -l <"$T/out")" -eq 1
check "parse: a draft resolution" grep -qF '"symbol":"draft","number":"","body":null' "$T/out"
check "parse: doc_type" grep -qF '"doc_type":"draft resolution"' "$T/out"
python3 - "$T/out" "$T/check.jsonl" <<'PY' || fail "parse: not the paragraphs check checked"
import json, sys
parsed = json.load(open(sys.argv[1]))["paragraphs"]
checked = [json.loads(l) for l in open(sys.argv[2])]
assert [(p["kind"], p["number"], p["text"]) for p in parsed] == \
    [(c["kind"], c["number"], c["text"]) for c in checked], "differ"
PY
expect_status 0 "parse the headless draft, text" "$RESDEX" parse "$T/draft.txt"
check "parse text: the new paragraph" grep -q '^  7 *operative  Decides$' "$T/out"

# Every paragraph with a precedent: exit 0.
grep -v 'penguins' "$T/draft.txt" >"$T/known.txt"
expect_status 0 "a draft without a new paragraph" checkd "$T/known.txt"
check "known: the summary" grep -qx '2 agreed, 6 modified, 0 new' "$T/out"
expect_status 0 "standard input" sh -c "'$RESDEX' --db '$T/db' check - <'$T/known.txt'"
check "stdin: the summary" grep -qx '2 agreed, 6 modified, 0 new' "$T/out"

# JSON: the draft's own text, the similarity (1 when agreed), the verb the
# same when it is.
expect_status 0 "check --json, every paragraph known" checkd --json "$T/known.txt"
python3 - "$T/out" "$OP1" <<'PY' || fail "--json: text, similarity, verb same"
import json, sys
items = [json.loads(l) for l in open(sys.argv[1])]
assert items[2]["text"] == sys.argv[2], items[2]["text"]
assert items[2]["similarity"] == 1.0 and items[2]["status"] == "agreed"
assert items[2]["verb"] == {"from": "Encourages", "to": "Encourages", "change": "same"}
assert all(0.5 <= i["similarity"] < 1.0 for i in items if i["status"] == "modified")
assert [i["status"] for i in items].count("modified") == 6
PY

# --min: a precedent counts from the threshold on; above every precedent's
# similarity, the edited paragraphs are new, and each names its closest.
expect_status 1 "--min 0.99" checkd --min 0.99 "$T/known.txt"
check "--min: the summary" grep -qx '2 agreed, 0 modified, 6 new' "$T/out"
check "--min: the closest named" grep -q '^8\. operative 6 · Requests  new  (closest 0\.9[0-9]: E/RES/2017/19#8)$' "$T/out"
check "--min: a closest that two decimals would round up to the threshold has three" \
    grep -q '^2\. preambular · Reaffirming  new  (closest 0\.98[0-9]: E/RES/2017/19#pp2)$' "$T/out"
expect_status 1 "--min 0.99 --json" checkd --json --min 0.99 "$T/known.txt"
check "--min --json: closest" sh -c "sed -n 8p '$T/out' | grep -qF '\"status\":\"new\",\"precedent\":null' && sed -n 8p '$T/out' | grep -qF '\"closest\":{\"id\":\"E/RES/2017/19#8\"'"

# Colour on a terminal: the diff's words coloured instead of marked; none
# with NO_COLOR.
if command -v script >/dev/null 2>&1 && script -qec true /dev/null >/dev/null 2>&1; then
    (unset NO_COLOR; script -qec "'$RESDEX' --db '$T/db' check '$T/known.txt'" /dev/null) >"$T/tty" 2>&1
    check "terminal: the inserted verb in green" grep -qF "$(printf '\033[32;1mUrges\033[0m')" "$T/tty"
    check "terminal: the deleted clause in red" grep -qF "$(printf '\033[31;9m')$OP8_CLAUSE" "$T/tty"
    check "terminal: no [+ +] markers" sh -c "! grep -qF '[+' '$T/tty'"
    NO_COLOR=1 script -qec "'$RESDEX' --db '$T/db' check '$T/known.txt'" /dev/null >"$T/tty" 2>&1
    check "terminal with NO_COLOR: the markers" grep -qF '[+Urges+]' "$T/tty"
    check "terminal with NO_COLOR: no escapes" sh -c "! grep -q '$(printf '\033')' '$T/tty'"
else
    echo "note: script(1) unavailable; terminal checks skipped"
fi

# Markdown: a title heading (not checked) and verbs in emphasis, as a
# converted Word file has them: the same paragraphs, the same statuses.
{
    printf '# Draft resolution on alternatives to imprisonment\n\n'
    sed 's/^\([0-9]\)\. \(Urges\|Invites\)/\1. *\2*/' "$T/known.txt"
} >"$T/known.md"
check "markdown: the verbs in emphasis" grep -q '^2\. \*Urges\* ' "$T/known.md"
expect_status 0 "a Markdown draft" checkd "$T/known.md"
check "markdown: the summary" grep -qx '2 agreed, 6 modified, 0 new' "$T/out"
check "markdown: the title is not a paragraph" sh -c "! grep -q 'Draft resolution on alternatives' '$T/out'"
check "markdown: the emphasised verb read, its diff clean" grep -qF '[-Encourages-] [+Urges+] Member States to build capacity' "$T/out"

# A filter on the precedents: none before 2017, so nothing is agreed.
expect_status 1 "a filter" checkd year:..2016 "$T/known.txt"
check "filter: nothing agreed" grep -q '^0 agreed' "$T/out"

# A Word draft with tracked changes (accepted: insertions kept, deletions
# dropped), built from its XML parts: the verb weakened by a deletion and an
# insertion, the qualifier inserted, the clause deleted.
mkdir -p "$T/docx/word" "$T/docx/_rels"
cat >"$T/docx/[Content_Types].xml" <<'XML'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
XML
cat >"$T/docx/_rels/.rels" <<'XML'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
XML
r() { printf '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' "$1"; }
ins() { printf '<w:ins w:id="%s" w:author="Delegate" w:date="2026-11-30T10:00:00Z">%s</w:ins>' "$1" "$(r "$2")"; }
del() { printf '<w:del w:id="%s" w:author="Delegate" w:date="2026-11-30T10:00:00Z"><w:r><w:delText xml:space="preserve">%s</w:delText></w:r></w:del>' "$1" "$2"; }
p() { printf '<w:p>%s</w:p>' "$1"; }
{
    printf '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    printf '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    p "$(r "$PP1")"
    p "$(r "1. $OP1")"
    p "$(r '2. ')$(del 1 'Calls upon')$(ins 2 'Invites')$(r " $OP7_TAIL")"
    p "$(r "3. $OP3_HEAD")$(ins 3 ', without delay,')$(r " $OP3_TAIL")"
    p "$(r "4. $OP8_HEAD")$(del 4 "$OP8_CLAUSE")$(r " $OP8_TAIL")"
    printf '</w:body></w:document>\n'
} >"$T/docx/word/document.xml"
(cd "$T/docx" && zip -q -X -r "$T/draft.docx" '[Content_Types].xml' _rels word) || fail "zip"
expect_status 0 "check the Word draft" checkd "$T/draft.docx"
check "Word: the summary" grep -qx '2 agreed, 3 modified, 0 new' "$T/out"
check "Word: verbatim agreed" grep -q '^2\. operative 1 · Encourages  agreed  E/RES/2017/19#1 ' "$T/out"
check "Word: the deleted verb and the inserted one: weaker" grep -qF 'verb: Calls upon -> Invites (weaker)' "$T/out"
check "Word: the inserted qualifier" grep -qF 'qualifiers: +"without delay"' "$T/out"
check "Word: the deleted clause" grep -qF "[-$OP8_CLAUSE-]" "$T/out"

# HTML: one file, no external resource, every text escaped.
printf '%s\n\n1. %s\n\n2. Decides <script>alert("x")</script> & <img src=x onerror=\047y\047> now;\n' \
    "$PP1" "$OP1" >"$T/hostile.txt"
expect_status 1 "check --html" checkd --html "$T/hostile.txt"
check "html: a document" sh -c "head -n 1 '$T/out' | grep -qx '<!DOCTYPE html>'"
check "html: ends" sh -c "tail -n 1 '$T/out' | grep -qx '</html>'"
check "html: the summary" grep -qF '<p class="summary">2 agreed, 0 modified, 1 new</p>' "$T/out"
check "html: no script element" sh -c "! grep -q '<script' '$T/out'"
check "html: no img element" sh -c "! grep -q '<img' '$T/out'"
check "html: the hostile text escaped" \
    grep -qF 'Decides &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=&#39;y&#39;&gt; now;' "$T/out"
check "html: no external resource" sh -c "! grep -qiE '<[^>]*(src|href)=|url\\(|@import' '$T/out'"
expect_status 0 "html of a modified paragraph" checkd --html "$T/known.txt"
check "html: a deletion marked" grep -qF "<del>$OP8_CLAUSE</del>" "$T/out"
check "html: an insertion marked" grep -qF '<ins>Urges</ins>' "$T/out"
check "html: the verb notes" grep -qF '<p class="note">verb: Encourages &rarr; Urges (stronger)</p>' "$T/out"
check "html: a weakened verb" grep -qF '<p class="note">verb: Calls upon &rarr; Invites (weaker)</p>' "$T/out"
check "html: a qualifier added" grep -qF '<p class="note">qualifiers added: &ldquo;without delay&rdquo;</p>' "$T/out"
check "html: a qualifier dropped" grep -qF '<p class="note">qualifiers dropped: &ldquo;where appropriate&rdquo;</p>' "$T/out"
check "html: the summary of the known draft" grep -qF '<p class="summary">2 agreed, 6 modified, 0 new</p>' "$T/out"

# Errors: exit 2, a message naming the file.
expect_status 2 "no such draft" checkd "$T/missing.txt"
check "missing: named" grep -qF "$T/missing.txt" "$T/err"
: >"$T/empty.txt"
expect_status 2 "an empty draft" checkd "$T/empty.txt"
check "empty: named" grep -qF "empty.txt" "$T/err"
expect_status 2 "--json and --html" checkd --json --html "$T/draft.txt"
expect_status 2 "no draft" checkd
expect_status 2 "two drafts" checkd "$T/draft.txt" "$T/known.txt"
expect_status 2 "a bad filter" checkd year:17 "$T/draft.txt"
check "bad filter: says which" grep -q 'year:17' "$T/err"

finish
