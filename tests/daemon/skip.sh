#!/bin/sh
# Files beside the documents that are not documents (a manifest, a data
# extract, a README, editor and VCS files) are skipped quietly: counted as
# skipped, never rejected, and --once exits 0. --exclude GLOB and the
# corpus's .resdexignore leave out what they match (and remove it from the
# index). The UN's AKN corpus as shipped builds with exit 0 once its one
# malformed XML file is set aside, 1 with it.
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

# The UN's corpus as shipped.
shared_or_skip
cp -r "$SHARED/corpus/akn" "$T/akn"
[ -f "$SHARED/corpus/README.md" ] && cp "$SHARED/corpus/README.md" "$T/akn/"
expect_status 1 "the AKN corpus as shipped: exit 1 (one malformed XML file)" \
    "$RESDEXD" --once --db "$T/akn.db" --corpus "$T/akn"
check "the AKN corpus: exactly one file rejected" grep -q ' 1 rejected, ' "$T/err"
# The two MANIFEST.tsv (and a README) are skipped; the two metadata
# extracts are indexed: how their resolutions were adopted (resdex(1)).
check "the AKN corpus: the manifests skipped" grep -q ' [2-9] skipped, ' "$T/err"
extract_indexed() { dump "$T/akn.db" | cut -f1 | grep -qxF 'file:ga/metadata_data_extract.jsonl'; }
check "the AKN corpus: the metadata extracts indexed" extract_indexed
bad=$(grep 'warning: ' "$T/err" | sed -n 's/^resdexd: warning: \([^:]*\):.*/\1/p' | head -n 1)
check "the AKN corpus: the rejected file is an XML document ($bad)" sh -c "case '$bad' in *.xml) true;; *) false;; esac"
rm -f "$T/akn/$bad"
expect_status 0 "the AKN corpus without its malformed file: exit 0" \
    "$RESDEXD" --once --db "$T/akn.db" --corpus "$T/akn"
check "the AKN corpus: nothing rejected" grep -q ' 0 rejected, ' "$T/err"
finish
