#!/bin/sh
# The counts agree with each other and with the documents: --count (hits,
# folded), the hits listed, --group --count (resolutions) and the
# paragraphs (--no-fold, and "paragraphs" in --count --json), with and
# without --all. On the samples and the English AKN4UN texts (corpus/akn),
# as a user's corpus/ indexes them (the AKN4UN E/RES/2021/23 and 2023/24
# shadow the samples' text copies of them).
#
# cites:45/110 (the Tokyo Rules), from reading the documents: the paragraphs
# whose text or footnotes cite General Assembly resolution 45/110 are
# - in the AKN4UN texts, one in each of 18 resolutions: the preambles of
#   A/RES/76/182, 76/184, 77/232, 77/238, 78/224, 78/227, 79/187, 79/191,
#   and of the GA drafts inside E/RES/2021/21, 2021/23, 2022/13, 2023/24,
#   2023/27, 2024/10; operative 39 of 76/188 and 35 of 75/198; annex 36 of
#   76/181 and of the draft inside E/RES/2021/20. Their texts, once
#   normalised as folding has it, are 8: each adopted text with its draft
#   (76/181, 76/182, 76/184, 78/227, 79/187), 75/198 ¶35 = 76/188 ¶39,
#   77/238 = 79/191, and 77/232 = 78/224 = the drafts in 2022/13, 2023/24;
# - in the samples, 6 in 5 resolutions: E/2017/30 chapter I, draft
#   resolution A.II (a preambular paragraph and operative 2, footnote 10
#   marked twice), draft B.II and E/RES/2017/19 (the same preambular
#   paragraph, adopted from it), CCPCJ 26/2 (preambular) and 26/3 (operative
#   11).
# So: 24 paragraphs in 23 resolutions, 13 hits once folded; of them
# operative or annex (without --all): 76/181 and its draft, 76/188 and
# 75/198, A.II ¶2 and 26/3 ¶11, 6 paragraphs in 6 resolutions, 4 hits.
. "$top_srcdir/tests/lib.sh"
QUERY_NO_SAMPLES=1
. "$top_srcdir/tests/query/query-lib.sh"
command -v python3 >/dev/null || { echo "SKIP: no python3 (scripts/install-deps installs it)" >&2; exit 77; }

samples_corpus "$T/corpus"
mkdir -p "$T/corpus/akn"
cp "$UN_CORPUS"/*/*/English/*.xml.gz "$T/corpus/akn/"
build_index "$T/corpus" "$T/db"

# count QUERY ARGS...: --count's number.
count() { q=$1; shift; rs search --count "$@" "$q"; }
expect_count() {
    name=$1 want=$2
    shift 2
    got=$(count "$@")
    check "$name: $want" is "$got" "$want"
}
Q='cites:45/110'
expect_count "cites:45/110 --all --count: hits, folded" 13 "$Q" --all
expect_count "cites:45/110 --all --group --count: resolutions" 23 "$Q" --all --group
expect_count "cites:45/110 --all --no-fold --count: paragraphs" 24 "$Q" --all --no-fold
expect_count "cites:45/110 --count (operative and annex): hits" 4 "$Q"
expect_count "cites:45/110 --group --count: resolutions" 6 "$Q" --group
expect_count "cites:45/110 --no-fold --count: paragraphs" 6 "$Q" --no-fold
rs search --count --json --all "$Q" >"$T/out"
check "cites:45/110 --count --json: 13 hits of 24 paragraphs" \
    subset '{"query":"cites:45/110","total":13,"paragraphs":24}' "$T/out"
rs search --all --limit 100 "$Q" >"$T/out"
check "cites:45/110 --all: the footer says the same" grep -q '^hits 1 to 13 of 13 (24 paragraphs)$' "$T/out"
rs search --all --group --limit 100 "$Q" >"$T/out"
check "cites:45/110 --all --group: the footer too" grep -q '^hits 1 to 23 of 23 (24 paragraphs)$' "$T/out"

# agree QUERY [--all]: the four counts agree with the hits listed: --count
# is the number of hits, the paragraphs their own and their "also"s, the
# same ones --no-fold lists; --group --count the resolutions among them,
# and the hits --group lists.
agree() {
    for how in "" --group --no-fold; do
        rs search --json --limit 100000 $how "$@" >"$T/list$how" || return 1
        rs search --count --json $how "$@" >"$T/count$how" || return 1
    done
    python3 - "$T" <<'PY'
import json, sys
t = sys.argv[1]
def lines(name): return [json.loads(l) for l in open(t + "/" + name) if l.strip()]
def one(name): return lines(name)[0]
hits, groups, paras = lines("list"), lines("list--group"), lines("list--no-fold")
count, gcount, pcount = one("count"), one("count--group"), one("count--no-fold")
folded = sorted([h["id"] for h in hits] + [a["id"] for h in hits for a in h.get("also", [])])
resolutions = {(h["resolution"]["symbol"], h["resolution"]["lang"]) for h in paras}
bad = []
if count["total"] != len(hits): bad.append("--count %d, %d hits listed" % (count["total"], len(hits)))
if gcount["total"] != len(groups): bad.append("--group --count %d, %d listed" % (gcount["total"], len(groups)))
if gcount["total"] != len(resolutions): bad.append("--group --count %d, %d resolutions" % (gcount["total"], len(resolutions)))
if pcount["total"] != len(paras): bad.append("--no-fold --count %d, %d listed" % (pcount["total"], len(paras)))
if folded != sorted(h["id"] for h in paras): bad.append("%d paragraphs folded, not --no-fold's %d" % (len(folded), len(paras)))
for c in (count, gcount, pcount):
    if c["paragraphs"] != len(paras): bad.append("paragraphs %d, not %d" % (c["paragraphs"], len(paras)))
if not hits: bad.append("no hits")
for b in bad: print("  " + b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
}
for q in 'cites:45/110' 'cites:70/174' 'body:ecosoc year:2021' 'verb:encourages' 'tokyo rules' 'kind:preambular prison'; do
    check "counts agree: $q" agree "$q"
    check "counts agree: $q --all" agree "$q" --all
done
finish
