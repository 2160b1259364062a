#!/bin/bash
# libresdex as another program gets it: `make install` into a staging folder
# (DESTDIR) puts there the shared library, resdex.h, resdex.pc and the Python
# module; examples/search.c builds against them through pkg-config alone and
# finds what `resdex search` finds; the bindings work over the installed
# library; `make uninstall` leaves no file behind.
. "$top_srcdir/tests/lib.sh"
stage="$T/stage"
make_q() { ${MAKE:-make} -s -C "$top_builddir" "$@" >"$T/make.out" 2>&1; }
check "make install DESTDIR: $(tail -5 "$T/make.out" 2>/dev/null)" make_q install DESTDIR="$stage"
lib="$stage$libdir"
check "the shared library is installed" test -e "$lib/libresdex.so.0"
check "the header is installed" cmp -s "$top_srcdir/include/resdex.h" "$stage$includedir/resdex.h"
check "resdex.pc is installed" test -f "$lib/pkgconfig/resdex.pc"
check "no static or internal library is installed" \
    test -z "$(find "$stage" -name '*.a' -o -name '*resdex-core*')"

# pkg-config over the staged tree: the sysroot is prefixed to its paths.
export PKG_CONFIG_PATH="$lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$stage"
pc="${PKG_CONFIG:-pkg-config}"
check "pkg-config knows resdex's version" test "$($pc --modversion resdex)" = "$version"
cflags=$($pc --cflags resdex) libs=$($pc --libs resdex)
check "pkg-config names the staged header folder: $cflags" grep -q -- "-I$stage$includedir" <<<"$cflags"
# shellcheck disable=SC2086
check "examples/search.c builds with pkg-config's flags only" \
    ${CC:-cc} $EXAMPLE_CFLAGS -Wall -Wextra -Werror $cflags -o "$T/search" \
    "$top_srcdir/examples/search.c" $libs
check "index the samples" "$RESDEXD" --once --db "$T/db" --corpus "$top_srcdir/corpus" -q
LD_LIBRARY_PATH="$lib" "$T/search" "$T/db" 'prison body:ga' >"$T/example.out" 2>"$T/example.err"
check "the example finds hits: $(cat "$T/example.err")" test $? -eq 0
check "the example runs on the installed library" \
    grep -q "$lib/libresdex.so.0" <(LD_LIBRARY_PATH="$lib" ldd "$T/search")
"$RESDEX" --db "$T/db" search --json --limit 5 'prison body:ga' |
    grep -o '"id":"[^"]*"' | head -5 | sed 's/"id":"\(.*\)"/\1/' >"$T/want"
grep -o '^[0-9]*\. [^ ]*' "$T/example.out" | sed 's/^[0-9]*\. //' >"$T/got"
check "the example's hits are resdex search's: $(diff "$T/want" "$T/got" | head -5)" \
    test -s "$T/want" -a -z "$(diff "$T/want" "$T/got")"
expect_status 2 "the example reports a missing index" \
    env LD_LIBRARY_PATH="$lib" "$T/search" "$T/nothing" prison
check "... with the library's message: $(cat "$T/err")" grep -q "$T/nothing" "$T/err"

# The Python module as installed, over the installed library (no RESDEX_LIBRARY).
if [ "${PYTHON:-:}" != : ]; then
    py=$(find "$stage" -name __init__.py -path '*/resdex/*' | head -1)
    check "the Python module is installed" test -n "$py"
    if [ -n "$py" ] && [ -z "$EXAMPLE_CFLAGS" ]; then
        out=$(cd "$T" && env -u RESDEX_LIBRARY LD_LIBRARY_PATH="$lib" \
            PYTHONPATH="$(dirname "$(dirname "$py")")" PYTHONDONTWRITEBYTECODE=1 "$PYTHON" -c '
import resdex, sys
hits = resdex.Database(sys.argv[1]).search("prison body:ga", limit=5)
print(resdex._capi.lib._name)
print("\n".join(h["id"] for h in hits))' "$T/db" 2>&1)
        check "the installed module loads the installed library: $out" \
            test "$(head -1 <<<"$out")" = libresdex.so.0
        check "and finds what resdex search finds" test "$(tail -n +2 <<<"$out")" = "$(cat "$T/want")"
    fi
fi

check "make uninstall DESTDIR: $(tail -5 "$T/make.out")" make_q uninstall DESTDIR="$stage"
check "make uninstall leaves no file: $(find "$stage" \! -type d | grep -v '__pycache__' | head -5)" \
    test -z "$(find "$stage" \! -type d)"
finish
