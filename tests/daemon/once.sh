#!/bin/sh
# resdexd --once: a first build, a rebuild that reads nothing, touch, change,
# delete; options, defaults and fatal errors.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/daemon/daemon-lib.sh"

check "reference index of the samples" reference
make_corpus "$T/c"

# Options and errors.
expect_status 0 "--help" "$RESDEXD" --help
check "--help names --once" grep -q -- '--once' "$T/out"
expect_status 0 "--version" "$RESDEXD" --version
check "--version says resdexd" grep -q '^resdexd ' "$T/out"
expect_status 2 "unknown option" "$RESDEXD" --no-such-option
expect_status 2 "missing corpus" "$RESDEXD" --once --db "$T/db0" --corpus "$T/nowhere"
check "missing corpus: one-line error naming it" \
    grep -q "^resdexd: error: corpus $T/nowhere: " "$T/err"

expect_status 2 "index inside the corpus" "$RESDEXD" --once --db "$T/c/idx" --corpus "$T/c"
check "index inside the corpus: said so" grep -q 'inside the corpus' "$T/err"
check "index inside the corpus: not created" test ! -e "$T/c/idx"

# First build: every sample indexed, exit 0, a state for every file.
expect_status 0 "--once on the samples" "$RESDEXD" --once --db "$T/db" --corpus "$T/c"
for f in "$SAMPLES"/*.txt; do
    b=$(basename "$f")
    check "$b indexed like the reference" same_as "$b" "$b"
    check "$b has a file state" has_meta "file:$b"
done
check "no rejected file" sh -c "! \"$INDEX_DUMP\" \"$T/db\" | grep -q '^rejected:'"
dump >"$T/first.dump"
# The reference was built from another folder, so compare all but the
# file states' mtimes: the paragraph lines.
grep -vE '^(file|resdex):' "$T/first.dump" >"$T/a"
grep -vE '^(file|resdex):' "$T/ref.dump" >"$T/b"
check "paragraphs equal the reference's" cmp -s "$T/a" "$T/b"
check "state is 'size mtime_ns hash paragraphs'" \
    sh -c "\"$INDEX_DUMP\" \"$T/db\" | grep '^file:' | cut -f2 | grep -qvE '^[0-9]+ [0-9]+ [0-9a-f]{16} [0-9]+\$' && exit 1 || exit 0"
size=$(wc -c <"$T/c/cnd-55-12.txt" | tr -d ' ')
check "the state of cnd-55-12.txt starts with its size" \
    sh -c "\"$INDEX_DUMP\" \"$T/db\" | grep -q \"^file:cnd-55-12.txt	$size \""

# Nothing changed: nothing read, same index.
expect_status 0 "second --once" "$RESDEXD" --once --db "$T/db" --corpus "$T/c"
check "second run: 0 indexed, 5 unchanged" grep -q '0 indexed.* 5 unchanged' "$T/err"
dump >"$T/second.dump"
check "second run changes nothing" cmp -s "$T/first.dump" "$T/second.dump"

# Touched (new mtime, same content): only the state changes.
touch -d '2001-01-01 00:00:00' "$T/c/ecosoc-2017-19.txt"
expect_status 0 "--once after touch" "$RESDEXD" --once --db "$T/db" --corpus "$T/c"
check "touch: 1 touched, 0 indexed" grep -q '0 indexed, 0 moved, 1 touched' "$T/err"
check "touch: paragraphs unchanged" same_as ecosoc-2017-19.txt ecosoc-2017-19.txt
check "touch: the state has the new mtime" \
    sh -c "\"$INDEX_DUMP\" \"$T/db\" | grep '^file:ecosoc-2017-19.txt' | grep -q ' 978307200000000000 '"

# Changed content: re-indexed. Removed: dropped.
cat "$SAMPLES/cnd-55-12.txt" >"$T/c/ecosoc-2017-19.txt"
rm "$T/c/ecosoc-2023-24.txt"
expect_status 0 "--once after change and delete" "$RESDEXD" --once --db "$T/db" --corpus "$T/c"
check "changed file re-indexed" same_as ecosoc-2017-19.txt cnd-55-12.txt
check "deleted file dropped" not_indexed ecosoc-2023-24.txt

# A rename: logged as a move.
mv "$T/c/ecosoc-2021-23.txt" "$T/c/renamed.txt"
expect_status 0 "--once after a rename" "$RESDEXD" --verbose --once --db "$T/db" --corpus "$T/c"
check "rename logged as a move" grep -q 'moved ecosoc-2021-23.txt -> renamed.txt' "$T/err"
check "renamed file under its new name" same_as renamed.txt ecosoc-2021-23.txt
check "old name gone" not_indexed ecosoc-2021-23.txt

# Dotfiles and editor files are not documents.
cp "$SAMPLES/cnd-55-12.txt" "$T/c/.hidden.txt"
cp "$SAMPLES/cnd-55-12.txt" "$T/c/backup.txt~"
cp "$SAMPLES/cnd-55-12.txt" "$T/c/.#lock.txt"
cp "$SAMPLES/cnd-55-12.txt" "$T/c/swap.txt.swp"
cp "$SAMPLES/cnd-55-12.txt" "$T/c/temp.tmp"
mkdir "$T/c/.git" && cp "$SAMPLES/cnd-55-12.txt" "$T/c/.git/x.txt"
expect_status 0 "--once with dotfiles and editor files" "$RESDEXD" --once --db "$T/db" --corpus "$T/c"
for f in .hidden.txt backup.txt~ .#lock.txt swap.txt.swp temp.tmp .git/x.txt; do
    check "$f skipped" not_indexed "$f"
done

# Defaults: $RESDEX_CORPUS, and $XDG_DATA_HOME/resdex (parents created).
export XDG_DATA_HOME="$T/xdg/deep/er"
expect_status 0 "defaults from the environment" env RESDEX_CORPUS="$T/c" "$RESDEXD" --once
check "index created at \$XDG_DATA_HOME/resdex" test -d "$T/xdg/deep/er/resdex"
check "it holds cnd-55-12.txt" test "$(ids cnd-55-12.txt "$T/xdg/deep/er/resdex")" = "$(ref_ids cnd-55-12.txt)"
expect_status 0 "\$RESDEX_DB" env RESDEX_DB="$T/envdb" RESDEX_CORPUS="$T/c" "$RESDEXD" --once
check "index created at \$RESDEX_DB" test -d "$T/envdb"
check "--quiet prints nothing on success" sh -c \
    "\"$RESDEXD\" --quiet --once --db \"$T/db\" --corpus \"$T/c\" 2>\"$T/q\" && test ! -s \"$T/q\""
check "not a terminal: no progress line" sh -c "! grep -q 'files/s' \"$T/err\""

finish
