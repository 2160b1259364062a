#!/bin/sh
# Provenance through resdexd: a draft and the resolution adopted from it are
# linked whichever is indexed first, and the link goes when either goes.
#  - E/2017/30 (the CCPCJ's report of 2017), chapter I, section B, draft
#    resolution II "Promoting and encouraging the implementation of
#    alternatives to imprisonment ..." for ECOSOC, adopted as ECOSOC
#    resolution 2017/19 of 6 July 2017 (same title, the same 9 operative
#    paragraphs word for word).
#  - ECOSOC resolution 2024/11 of 23 July 2024 recommends to the GA a draft
#    "Preventing and countering violence against children by organized
#    criminal groups and terrorist groups ...", adopted as GA resolution
#    79/188 of 17 December 2024 (its 12 operative paragraphs are the draft's).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/daemon/daemon-lib.sh"
shared_or_skip

AKN="$SHARED/corpus/akn"
ECOSOC_2024_11="$AKN/ecosoc/2024/English/E_RES_2024_11-2414119E.xml"
GA_79_188="$AKN/ga/79session/English/A_RES_79_188-2424141E.xml"

# field SYMBOL: show --json's "adopted_as" and "from" of a resolution, as
# 'adopted_as=X from=[...]' (X null when there is no link).
field() {
    "$RESDEX" --db "$T/db" show --json "$1" 2>/dev/null |
        sed -n 's/.*"adopted_as":\(null\|"[^"]*"\),"from":\(\[[^]]*\]\).*/adopted_as=\1 from=\2/p'
}
# has SYMBOL EXPECTED: field SYMBOL is EXPECTED.
has() { [ "$(field "$1")" = "$2" ]; }
# linked DESCRIPTION SYMBOL EXPECTED: wait until it holds (polling; the
# deadline, 60 s, is for loaded or sanitized builds).
linked() {
    if wait_until 60 has "$2" "$3"; then pass; else fail "$1: $2 is '$(field "$2")', expected '$3'"; fi
}

mkdir -p "$T/c"
start_daemon || { finish; exit 1; }

# 1. The adopted text first, then the draft.
cp "$SAMPLES/ecosoc-2017-19.txt" "$T/c/"
linked "adopted text alone" E/RES/2017/19 'adopted_as=null from=[]'
cp "$SAMPLES/E-2017-30-chapter-I.txt" "$T/c/"
linked "draft added after: the draft's link" E/2017/30/DR.B.II 'adopted_as="E/RES/2017/19" from=[]'
linked "draft added after: the adopted text's link" E/RES/2017/19 \
    'adopted_as=null from=["E/2017/30/DR.B.II"]'
# The other drafts of the report have no adopted text here.
linked "draft without its adopted text" E/2017/30/DR.B.I 'adopted_as=null from=[]'

# 2. The draft removed: the adopted text has no draft any more.
rm "$T/c/E-2017-30-chapter-I.txt"
linked "draft removed" E/RES/2017/19 'adopted_as=null from=[]'
# 3. The draft back, then the adopted text removed.
cp "$SAMPLES/E-2017-30-chapter-I.txt" "$T/c/"
linked "draft back" E/RES/2017/19 'adopted_as=null from=["E/2017/30/DR.B.II"]'
rm "$T/c/ecosoc-2017-19.txt"
linked "adopted text removed" E/2017/30/DR.B.II 'adopted_as=null from=[]'

# 4. The other order with the UN's XML: the ECOSOC resolution carrying the
# draft first, then the GA resolution.
cp "$ECOSOC_2024_11" "$T/c/ecosoc-2024-11.xml"
linked "embedded draft alone" E/RES/2024/11/DR 'adopted_as=null from=[]'
cp "$GA_79_188" "$T/c/ga-79-188.xml"
linked "GA text added after: the draft's link" E/RES/2024/11/DR 'adopted_as="A/RES/79/188" from=[]'
linked "GA text added after: its link" A/RES/79/188 'adopted_as=null from=["E/RES/2024/11/DR"]'
check "the ECOSOC resolution itself is not the draft" has E/RES/2024/11 'adopted_as=null from=[]'
rm "$T/c/ecosoc-2024-11.xml"
linked "ECOSOC file removed" A/RES/79/188 'adopted_as=null from=[]'
cp "$ECOSOC_2024_11" "$T/c/ecosoc-2024-11.xml"
linked "ECOSOC file back" A/RES/79/188 'adopted_as=null from=["E/RES/2024/11/DR"]'
rm "$T/c/ga-79-188.xml"
linked "GA file removed" E/RES/2024/11/DR 'adopted_as=null from=[]'

# 5. A title alone never links: the draft with its operative paragraphs
# rewritten (same body, title and year) is not E/RES/2017/19's.
rm "$T/c/E-2017-30-chapter-I.txt"
cp "$SAMPLES/ecosoc-2017-19.txt" "$T/c/"
linked "the report gone" E/RES/2017/19 'adopted_as=null from=[]'
sed -E '/^Draft resolution II$/,/^Draft resolution III|^C\. /s/^([1-8]\.) .*/\1 Decides to remain seized of the matter;/' \
    "$SAMPLES/E-2017-30-chapter-I.txt" >"$T/c/report.txt"
wait_until 60 sh -c "\"$RESDEX\" --db \"$T/db\" --no-fold --count 'symbol:E/2017/30/DR.B.II \"remain seized\"' | grep -qx 8"
check "the rewritten draft is indexed" sh -c "\"$RESDEX\" --db \"$T/db\" --no-fold --count 'symbol:E/2017/30/DR.B.II \"remain seized\"' | grep -qx 8"
check "same title, other text: no link" has E/2017/30/DR.B.II 'adopted_as=null from=[]'
check "same title, other text: none either way" has E/RES/2017/19 'adopted_as=null from=[]'

stop_daemon
finish
