#!/bin/sh
# Agreed language first (issue 15): when the same paragraph was adopted by
# consensus and, later, by a recorded vote, folding shows the consensus text
# (the newer one under "also"), and resdex check cites it as the precedent.
# Two hand-made AKN4UN resolutions with one identical operative paragraph:
# 79/903 (2024, adopted without a vote) and 80/904 (2025, a recorded vote).
. "$top_srcdir/tests/lib.sh"
QUERY_NO_SAMPLES=1
. "$top_srcdir/tests/query/query-lib.sh"

mkdir "$T/c"
# akn SESSION-NUMBER DATE VOTING FILE
akn() {
    cat >"$4" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0" xmlns:akn4un="http://un.org/akn4un">
  <statement name="resolution">
    <meta>
      <identification source="#DGACM">
        <FRBRWork>
          <FRBRthis value="/akn/un/statement/deliberation/unga/$2/$1/!main/"></FRBRthis>
          <FRBRdate date="$2" name="adoption"></FRBRdate>
        </FRBRWork>
        <FRBRExpression><FRBRlanguage language="eng"></FRBRlanguage></FRBRExpression>
      </identification>
      <analysis source="#un"><parliamentary>$3</parliamentary></analysis>
    </meta>
    <preface>
      <p><docNumber>$1.</docNumber>
        <docTitle refersTo="#resolutionTitle">Penguins in penitentiary aquariums</docTitle></p>
    </preface>
    <mainBody>
      <paragraph>
        <num>1.</num>
        <content><p><span class="italic">Urges</span> States to protect the penguins kept in penitentiary aquariums;</p></content>
      </paragraph>
    </mainBody>
  </statement>
</akomaNtoso>
XML
}
akn 79-903 2024-12-17 '<voting outcome="adoptedWithoutVote"></voting>' "$T/c/a.xml"
akn 80-904 2025-12-18 '<voting outcome="adoptedRecordedVote"><count value="100" refersTo="inFavour"/><count value="20" refersTo="against"/><count value="30" refersTo="abstaining"/></voting>' "$T/c/b.xml"
build_index "$T/c" "$T/db"
rs() { "$RESDEX" --db "$T/db" "$@"; }

expect_status 0 "the paragraph, folded" rs search '"penitentiary aquariums"'
check "folded: the consensus text shown, though older" is "$(hit_ids)" "A/RES/79/903#1"
check "folded: the vote under also" grep -q 'also in .*80/904' "$T/out"
check "folded: the hit says how it was adopted" grep -q '^1\. A/RES/79/903#1 .*adopted without a vote' "$T/out"
expect_status 0 "folded, JSON" rs search --json '"penitentiary aquariums"'
check "folded JSON: the adoption of the hit shown" grep -q '"adoption":{"method":"without a vote"' "$T/out"
expect_status 0 "--no-fold: both" rs search --no-fold '"penitentiary aquariums"'
check "--no-fold: both paragraphs" is "$(hit_ids | LC_ALL=C sort | tr '\n' ' ')" "A/RES/79/903#1 A/RES/80/904#1 "

printf 'Urges States to protect the penguins kept in penitentiary aquariums;\n' >"$T/draft.txt"
expect_status 0 "check: agreed" rs check --json "$T/draft.txt"
check "check: the consensus text is the precedent" \
    grep -q '"status":"agreed","precedent":{"rank":[0-9]*,"score":[^,]*,"id":"A/RES/79/903#1"' "$T/out"
finish
