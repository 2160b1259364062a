#!/bin/bash
# libresdex.so exports the public API and nothing else (as notmuch's
# test/T360-symbol-hiding.sh checks libnotmuch): its dynamic symbol table
# holds exactly the functions include/resdex.h declares, and resdex and
# resdexd, which link the library's objects statically, call nothing of it
# that the shared library does not export, and include none of its private
# headers.
. "$top_srcdir/tests/lib.sh"
so="$top_builddir/lib/.libs/libresdex.so"
core="$top_builddir/lib/.libs/libresdex-core.a"
[ -f "$so" ] || { echo "FAIL: $so not built" >&2; exit 1; }

# The functions the header declares (comments stripped by the preprocessor).
${CC:-cc} -E -P "$top_srcdir/include/resdex.h" | grep -o '\bresdex_[a-z0-9_]* *(' |
    sed 's/ *($//' | sort -u >"$T/declared"
# What the library exports: its defined dynamic symbols.
${NM:-nm} -D --defined-only "$so" | awk '{ print $NF }' | sort -u >"$T/exported"

check "the header declares functions" test "$(wc -l <"$T/declared")" -gt 40
grep -v '^resdex_' "$T/exported" >"$T/foreign"
check "only resdex_ names are exported: $(head -c 300 "$T/foreign" | tr '\n' ' ')" \
    test ! -s "$T/foreign"
comm -13 "$T/declared" "$T/exported" >"$T/undeclared"
check "every exported name is declared in resdex.h: $(tr '\n' ' ' <"$T/undeclared")" \
    test ! -s "$T/undeclared"
comm -23 "$T/declared" "$T/exported" >"$T/missing"
check "every function resdex.h declares is exported: $(tr '\n' ' ' <"$T/missing")" \
    test ! -s "$T/missing"
# Internals are there, and hidden: text_parse is a function of lib/text.c.
check "internals are in the library's objects" grep -qx text_parse \
    <(${NM:-nm} --defined-only "$core" 2>/dev/null | awk 'NF == 3 { print $3 }')
check "internals are not exported" test -z "$(grep -x text_parse "$T/exported")"

# The programs: what their own objects call of the library's must be public.
${NM:-nm} --defined-only "$core" 2>/dev/null | awk 'NF == 3 && $2 ~ /[TDBRVW]/ { print $3 }' |
    sort -u >"$T/core"
for prog in query indexer; do
    ${NM:-nm} -u "$top_builddir/$prog"/*.o | awk '{ print $NF }' | sort -u |
        comm -12 - "$T/core" | comm -23 - "$T/exported" >"$T/private-$prog"
    check "$prog/ calls only the public API: $(tr '\n' ' ' <"$T/private-$prog")" \
        test ! -s "$T/private-$prog"
done
# ... nor include a header of lib/ but resdex.h (they are built with -Ilib).
for prog in query indexer; do
    for src in "$top_srcdir/$prog"/*.[ch]; do
        sed -n 's/^#include "\(.*\)".*/\1/p' "$src" | while read -r h; do
            [ "$h" != resdex.h ] && [ -e "$top_srcdir/lib/$h" ] && [ ! -e "$top_srcdir/$prog/$h" ] &&
                echo "$prog/$(basename "$src"): $h"
        done
    done
done >"$T/private-headers"
check "the programs include no private header of lib/: $(tr '\n' ' ' <"$T/private-headers")" \
    test ! -s "$T/private-headers"
finish
