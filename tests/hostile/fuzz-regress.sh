#!/bin/sh
# The fuzz targets' regression inputs: every crash, leak or hang a fuzzer
# found is kept in tests/fuzz-regress/TARGET and fed again, with the seeds
# of fuzz/seeds, through the same entry points (fuzz/standalone.c), built
# with this build's flags (ASan + UBSan in the sanitizer build).
. "$top_srcdir/tests/lib.sh"
export LSAN_OPTIONS="suppressions=$top_srcdir/fuzz/lsan.supp:print_suppressions=0"
for t in text akn gzip query index; do
    dirs=
    for d in "$top_srcdir/tests/fuzz-regress/$t" "$top_srcdir/fuzz/seeds/$t"; do
        [ -d "$d" ] && dirs="$dirs $d"
    done
    case $t in
    text) dirs="$dirs $top_srcdir/corpus" ;;
    akn) dirs="$dirs $top_srcdir/tests/data/akn" ;;
    index) dirs="$dirs $top_srcdir/corpus $top_srcdir/tests/data/akn $top_srcdir/fuzz/seeds/akn
        $top_srcdir/fuzz/seeds/text" ;;
    esac
    [ -n "$dirs" ] || continue
    # shellcheck disable=SC2086
    check "fuzz_$t regression inputs" timeout 120 "$top_builddir/tests/fuzz_regress_$t" $dirs
done
finish
