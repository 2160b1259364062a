#!/bin/sh
# Files beside the documents that are not documents (a manifest, a data
# extract, a README, editor and VCS files) are skipped quietly: counted as
# skipped, never rejected, and --once exits 0. --exclude GLOB and the
# corpus's .resdexignore leave out what they match (and remove it from the
# index). The UN's AKN corpus as shipped (corpus/akn) builds with exit 0;
# with the UN's one malformed XML file added, 1.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/daemon/daemon-lib.sh"

make_corpus "$T/c"
printf 'symbol\tlang\tsource_path\nA/RES/75/194\teng\tx.xml\n' >"$T/c/MANIFEST.tsv"
printf '{"symbol": "A/RES/75/194", "title": "x"}\n' >"$T/c/metadata_data_extract.jsonl"
printf '{"rows": []}\n' >"$T/c/data.json"
printf 'These are the resolutions of the sessions.\n' >"$T/c/README.md"
printf 'old\n' >"$T/c/notes.txt~"
printf 'swap\n' >"$T/c/.cnd-55-12.txt.swp"
mkdir -p "$T/c/.git" "$T/c/CVS"
printf '[core]\n' >"$T/c/.git/config"
printf '/cnd-55-12.txt/1.1///\n' >"$T/c/CVS/Entries"
# A README that is a resolution is indexed all the same.
cp "$SAMPLES/cnd-55-12.txt" "$T/c/README-cnd.txt"

expect_status 0 "non-documents: --once exits 0" \
    "$RESDEXD" --verbose --once --db "$T/db" --corpus "$T/c"
check "non-documents: counted as skipped, none rejected" \
    grep -q ': 6 indexed, 0 moved, 0 touched, 0 removed, 0 rejected, 8 skipped, ' "$T/err"
check "non-documents: no warning" sh -c "! grep -q 'warning' '$T/err'"
check "non-documents: stats shows no rejected file" \
    sh -c "'$RESDEX' --db '$T/db' stats | grep -q '^files *6 indexed, 0 rejected$'"
for f in MANIFEST.tsv metadata_data_extract.jsonl data.json README.md notes.txt~ CVS/Entries; do
    check "non-documents: $f not indexed" not_indexed "$f"
done
reference
check "a README holding a resolution is indexed" same_as README-cnd.txt cnd-55-12.txt

# A real document that fails is still a rejection.
printf 'Nothing here looks like a resolution.\n' >"$T/c/notes.txt"
expect_status 1 "a document without a resolution: rejected" \
    "$RESDEXD" --once --db "$T/db" --corpus "$T/c"
check "... with a warning naming it" grep -q 'warning: notes.txt' "$T/err"
rm "$T/c/notes.txt"

# --exclude (repeatable) and .resdexignore.
mkdir -p "$T/c/drafts" "$T/c/old"
cp "$SAMPLES/ecosoc-2017-19.txt" "$T/c/drafts/a.txt"
cp "$SAMPLES/ecosoc-2021-23.txt" "$T/c/old/b.txt"
cp "$SAMPLES/ecosoc-2023-24.txt" "$T/c/keep.text"
expect_status 0 "new files indexed" "$RESDEXD" --once --db "$T/db" --corpus "$T/c"
check "drafts/a.txt indexed before it is excluded" has_meta file:drafts/a.txt
printf '# not documents here\ndrafts/\n\n*.text\n' >"$T/c/.resdexignore"
expect_status 0 "--exclude and .resdexignore" \
    "$RESDEXD" --once --db "$T/db" --corpus "$T/c" --exclude 'old/*' --exclude 'README-*'
for f in drafts/a.txt old/b.txt keep.text README-cnd.txt; do
    check "excluded: $f removed from the index" not_indexed "$f"
done
check "excluded: the rest stays" has_meta file:ecosoc-2017-19.txt
check "excluded: counted as skipped" grep -q ' 0 rejected, 1[0-9] skipped, ' "$T/err"

# While watching, SIGHUP reads .resdexignore again.
start_daemon
check "watching: drafts/ excluded at start" not_indexed drafts/a.txt
printf '*.text\necosoc-2021-23.txt\n' >"$T/c/.resdexignore"
: >"$T/d.log"
kill -HUP "$DPID"
check "SIGHUP: reconciled again" wait_until 60 grep -q 'reconciled' "$T/d.log"
check "SIGHUP: the new pattern excludes its file" not_indexed ecosoc-2021-23.txt
check "SIGHUP: the pattern no longer there lets its files back" has_meta file:drafts/a.txt
stop_daemon

# A .resdexignore in a folder applies below that folder, its paths from there.
rm -f "$T/c/.resdexignore"
mkdir -p "$T/c/sub/deep" "$T/c/sub/kept" "$T/c/other"
cp "$SAMPLES/ecosoc-2017-19.txt" "$T/c/sub/one.txt"
cp "$SAMPLES/ecosoc-2021-23.txt" "$T/c/sub/deep/two.txt"
cp "$SAMPLES/ecosoc-2023-24.txt" "$T/c/sub/kept/three.txt"
cp "$SAMPLES/cnd-55-12.txt" "$T/c/other/one.txt"
mkdir -p "$T/c/sub/kept/gone"
cp "$SAMPLES/cnd-55-12.txt" "$T/c/sub/kept/gone/four.txt"
printf 'one.txt\n/deep/\n' >"$T/c/sub/.resdexignore"
printf 'gone/\n' >"$T/c/sub/kept/.resdexignore"
expect_status 0 "nested .resdexignore" "$RESDEXD" --once --db "$T/db" --corpus "$T/c"
check "nested: sub/one.txt excluded by sub/.resdexignore" not_indexed sub/one.txt
check "nested: other/one.txt (same name, another folder) indexed" has_meta file:other/one.txt
check "nested: /deep/ anchored at sub/ excludes sub/deep/two.txt" not_indexed sub/deep/two.txt
check "nested: sub/kept/three.txt indexed" has_meta file:sub/kept/three.txt
check "nested: a deeper .resdexignore (sub/kept/) is read too" not_indexed sub/kept/gone/four.txt
printf 'gone/\n' >"$T/c/.resdexignore"
printf '/deep/\n' >"$T/c/sub/.resdexignore"
expect_status 0 "nested: patterns changed" "$RESDEXD" --once --db "$T/db" --corpus "$T/c"
check "nested: sub/one.txt back once its pattern is gone" has_meta file:sub/one.txt
rm -rf "$T/c/sub" "$T/c/other" "$T/c/.resdexignore"

# The UN's corpus as shipped (corpus/akn: its README, manifests and metadata
# extracts beside the XML): exit 0; the README and the two MANIFEST.tsv are
# skipped quietly, the two metadata extracts indexed (how their resolutions
# were adopted, resdex(1)).
cp -r "$UN_CORPUS" "$T/akn"
chmod -R u+w "$T/akn"
expect_status 0 "the AKN corpus as shipped: exit 0" \
    "$RESDEXD" --once --db "$T/akn.db" --corpus "$T/akn"
check "the AKN corpus: 426 indexed, none rejected, 3 skipped" \
    grep -q ': 429 files: 426 indexed, .* 0 rejected, 3 skipped, ' "$T/err"
extract_indexed() { dump "$T/akn.db" | cut -f1 | grep -qxF 'file:ga/metadata_data_extract.jsonl'; }
check "the AKN corpus: the metadata extracts indexed" extract_indexed
check "the AKN corpus: not a warning" sh -c "! grep -q warning: '$T/err'"
# With the UN's malformed file added back: exit 1, that file named.
cp "$top_srcdir/tests/data/akn-malformed/E_RES_2023_23-2314954A.xml.gz" "$T/akn/ecosoc/2023/Arabic/"
chmod u+w "$T/akn/ecosoc/2023/Arabic/E_RES_2023_23-2314954A.xml.gz"
expect_status 1 "the AKN corpus with its malformed file: exit 1" \
    "$RESDEXD" --once --db "$T/akn.db" --corpus "$T/akn"
check "the AKN corpus: exactly one file rejected" grep -q ' 1 rejected, ' "$T/err"
check "the AKN corpus: the rejected file named, with its line" \
    grep -q '^resdexd: warning: ecosoc/2023/Arabic/E_RES_2023_23-2314954A.xml.gz:450: malformed XML' "$T/err"
finish
