#!/bin/sh
# The fuzz targets' regression inputs: every crash, leak or hang a fuzzer
# found is kept in tests/fuzz-regress/TARGET and fed again, with the seeds
# of fuzz/seeds, through the same entry points (fuzz/standalone.c), built
# with this build's flags (ASan + UBSan in the sanitizer build).
. "$top_srcdir/tests/lib.sh"
export LSAN_OPTIONS="suppressions=$top_srcdir/fuzz/lsan.supp:print_suppressions=0"
# The PDF, Word and zip targets' seeds, printed by the readers' generators.
if [ -x /usr/bin/python3 ]; then PY=/usr/bin/python3; else PY=python3; fi
mkdir -p "$T/pdf" "$T/docx" "$T/zip"
$PY "$top_srcdir/tests/readers/mkpdf.py" "$T/pdf/res.pdf" 2>/dev/null || rmdir "$T/pdf"
$PY "$top_srcdir/tests/readers/mkdocx.py" "$T/docx/draft.docx" && cp "$T/docx/draft.docx" "$T/zip/"
for t in text akn gzip query index pdf docx zip serve; do
    dirs=
    for d in "$top_srcdir/tests/fuzz-regress/$t" "$top_srcdir/fuzz/seeds/$t"; do
        [ -d "$d" ] && dirs="$dirs $d"
    done
    case $t in
    text) dirs="$dirs $SAMPLE_FILES" ;;
    akn) dirs="$dirs $top_srcdir/tests/data/akn $top_srcdir/tests/data/akn-malformed" ;;
    pdf | docx | zip) [ -d "$T/$t" ] && dirs="$dirs $T/$t" ;;
    index) dirs="$dirs $SAMPLE_FILES $top_srcdir/tests/data/akn $top_srcdir/fuzz/seeds/akn
        $top_srcdir/fuzz/seeds/text" ;;
    esac
    [ -n "$dirs" ] || continue
    # shellcheck disable=SC2086
    check "fuzz_$t regression inputs" timeout 120 "$top_builddir/tests/fuzz_regress_$t" $dirs
done
finish
