#!/bin/bash
# The Python bindings over the library just built (tests/libapi/test_python.py),
# with the system's python3 (no module from outside the standard library).
. "$top_srcdir/tests/lib.sh"
[ "${PYTHON:-:}" != : ] || { echo "SKIP: configure found no python3" >&2; exit 77; }
check "index the samples" "$RESDEXD" --once --db "$T/db" --corpus "$top_srcdir/corpus" -q
mkdir "$T/parts" && cp "$top_srcdir/tests/data/akn/ga-75-101-en.xml" "$T/parts/"
check "index a resolution in two parts" "$RESDEXD" --once --db "$T/parts.db" --corpus "$T/parts" -q
# The text samples and a binary file whose name is not UTF-8: rejected.
samples_corpus "$T/rejected" && printf 'abc\0def' >"$T/rejected/bad$(printf '\376').txt"
expect_status 1 "index a corpus with a file rejected (exit 1)" \
    "$RESDEXD" --once --db "$T/rejected.db" --corpus "$T/rejected" -q
export RESDEX RESDEX_TEST_DB="$T/db" RESDEX_PARTS_DB="$T/parts.db" RESDEX_REJECTED_DB="$T/rejected.db"
export RESDEX_HEADER="$top_srcdir/include/resdex.h"
export RESDEX_LIBRARY="$top_builddir/lib/.libs/libresdex.so"
export PYTHONPATH="$top_srcdir/bindings/python" PYTHONDONTWRITEBYTECODE=1
# A sanitized library needs its runtime loaded before python; python's own
# allocations are not ours to check for leaks (the test checks ours).
if ${NM:-nm} -D "$RESDEX_LIBRARY" | grep -q ' U __asan_init'; then
    LD_PRELOAD="$(${CC:-cc} -print-file-name=libasan.so)"
    ${NM:-nm} -D "$RESDEX_LIBRARY" | grep -q ' U __ubsan_' &&
        LD_PRELOAD="$LD_PRELOAD:$(${CC:-cc} -print-file-name=libubsan.so)"
    export LD_PRELOAD ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
fi
check "the Python tests pass" "$PYTHON" "$top_srcdir/tests/libapi/test_python.py"
finish
