#!/bin/sh
# The corpus is part of an index's identity: resdexd pointed at another
# folder for an existing index refuses (exit 2, saying what to do) and leaves
# the index as it was; --move-corpus makes the index follow the new folder.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/daemon/daemon-lib.sh"

make_corpus "$T/c"
make_corpus "$T/other"
rm "$T/other/cnd-55-12.txt"
expect_status 0 "built from c" "$RESDEXD" --once --db "$T/db" --corpus "$T/c"
dump >"$T/before"
# Every file but Xapian's lock file (which opening touches), with its time.
tables() { ls -l --time-style=+%s.%N "$T/db" | grep -v flintlock; }
tables >"$T/files-before"

for flags in "" "--quiet" "--jobs 2"; do
    expect_status 2 "another corpus ($flags): refused" \
        "$RESDEXD" $flags --once --db "$T/db" --corpus "$T/other"
    check "another corpus ($flags): the message names both folders" \
        grep -q "index $T/db was built from $T/c, not $T/other" "$T/err"
    check "another corpus ($flags): and says what to do" \
        sh -c "grep -q -- '--db' '$T/err' && grep -q -- '--move-corpus' '$T/err'"
    dump >"$T/after"
    check "another corpus ($flags): the index is unchanged" cmp -s "$T/after" "$T/before"
done
tables >"$T/files-after"
check "another corpus: not a file of the index was written" cmp -s "$T/files-before" "$T/files-after"
expect_status 2 "another corpus, watching: refused too" \
    "$RESDEXD" --db "$T/db" --corpus "$T/other"
dump >"$T/after"
check "watching: the index is unchanged" cmp -s "$T/after" "$T/before"

# The same folder by another name (a symbolic link) is the same corpus.
ln -s "$T/c" "$T/link"
expect_status 0 "the same folder through a link: accepted" \
    "$RESDEXD" --once --db "$T/db" --corpus "$T/link"

# Moving it on purpose.
expect_status 0 "--move-corpus: accepted" \
    "$RESDEXD" --move-corpus --once --db "$T/db" --corpus "$T/other"
check "--move-corpus: logged" grep -q "it follows $T/other from now on" "$T/err"
dump >"$T/after"
check "--move-corpus: the index follows the new folder" grep -qxF "resdex:corpus	$T/other" "$T/after"
check "--move-corpus: the file missing there is gone" not_indexed cnd-55-12.txt
expect_status 0 "afterwards the new folder needs no option" \
    "$RESDEXD" --once --db "$T/db" --corpus "$T/other"
finish
