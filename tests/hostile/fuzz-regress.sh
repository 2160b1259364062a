#!/bin/sh
# The fuzz targets' regression inputs: every crash, leak or hang a fuzzer
# found is kept in tests/fuzz-regress/TARGET and fed again, with the seeds
# of fuzz/seeds, through the same entry points (fuzz/standalone.c), built
# with this build's flags (ASan + UBSan in the sanitizer build).
. "$top_srcdir/tests/lib.sh"
export LSAN_OPTIONS="suppressions=$top_srcdir/fuzz/lsan.supp:print_suppressions=0"
for t in text akn gzip query; do
    dirs=
    for d in "$top_srcdir/tests/fuzz-regress/$t" "$top_srcdir/fuzz/seeds/$t"; do
        [ -d "$d" ] && dirs="$dirs $d"
    done
    [ "$t" = text ] && dirs="$dirs $top_srcdir/corpus"
    [ "$t" = akn ] && dirs="$dirs $top_srcdir/tests/data/akn"
    [ -n "$dirs" ] || continue
    # shellcheck disable=SC2086
    check "fuzz_$t regression inputs" timeout 120 "$top_builddir/tests/fuzz_regress_$t" $dirs
done
finish
