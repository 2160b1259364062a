#!/bin/sh
# A name the synonym miner would take that is longer than a Xapian key (a
# run of 120 capitalised words before "(the Gamma Rules)"), and a paragraph
# of 20,000 parentheses: resdexd indexes the file (exit 0) and the good
# samples beside it, never failing its commit with "Key too long", and the
# paragraphs are searchable; a short real name still finds the paragraph
# that gives only its alias.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/daemon/daemon-lib.sh"

make_corpus "$T/c"
{
    printf 'Resolution 55/99. Names longer than a key\n'
    printf '\n1. Welcomes the '
    i=0
    while [ $i -lt 40 ]; do printf 'Alpha%s Beta Gamma ' $i; i=$((i + 1)); done
    printf 'Rules (the Gamma Rules) on penguins;\n\n'
    printf '2. Notes the Zeta Omega Kappa Rules (the Kappa Rules) on penguins;\n\n3. Recalls '
    i=0
    while [ $i -lt 20000 ]; do printf '(x) '; i=$((i + 1)); done
    printf 'penguins;\n\n4. Applies the Kappa Rules to walruses;\n'
} >"$T/c/long-names.txt"
expect_status 0 "a name longer than a key: indexed" "$RESDEXD" --once --db "$T/db" --corpus "$T/c"
check "no 'Key too long'" sh -c "! grep -q 'too long' '$T/err'"
check "the file indexed" has_meta file:long-names.txt
check "the samples indexed too" has_meta file:cnd-55-12.txt
expect_status 0 "its paragraphs searchable" "$RESDEX" --db "$T/db" search --count penguins
check "three paragraphs" test "$(cat "$T/out")" = 3
expect_status 0 "the full name finds the paragraph that gives only the alias" \
    "$RESDEX" --db "$T/db" search '"Zeta Omega Kappa Rules" walruses'
check "... its paragraph 4" grep -qF 'Applies the Kappa Rules to [walruses]' "$T/out"
finish
