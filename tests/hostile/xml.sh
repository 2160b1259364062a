#!/bin/sh
# Hostile XML beside a good AKN4UN file: 100,000-deep nesting (closed and
# not), truncated documents, billion laughs, a quadratic entity blow-up,
# external entities (a local file, a URL, an external DTD), 200,000
# paragraphs, 20 MB of XML, a root that is not AKN, 200,000 attributes on one
# element (and 16 MiB of them; libxml2 takes time quadratic in them), 250,000
# in a document. Each is refused with a
# warning naming the file (or, for entities, parsed without expanding
# them); the good file stays indexed; nothing outside the corpus is read;
# the daemon stays up.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/daemon/daemon-lib.sh"
. "$top_srcdir/tests/hostile/hostile-lib.sh"

GOOD="$top_srcdir/tests/data/akn/ga-80-229-fr.xml"
c=$T/c
mkdir -p "$c"
cp "$GOOD" "$c/good.xml"
# split_at FILE MARK: the text before and after the first line with MARK.
head_of() { sed -n "1,/$2/p" "$1" | sed '$d'; }
tail_of() { sed -n "/$2/,\$p" "$1"; }
head_of "$GOOD" '<mainBody>' >"$T/pre"
echo '<mainBody>' >>"$T/pre"
tail_of "$GOOD" '<mainBody>' | sed 1d >"$T/post"
body() { cat "$T/pre"; cat; cat "$T/post"; }

awk 'BEGIN { for (i = 0; i < 100000; i++) printf "<span>"; printf "x";
             for (i = 0; i < 100000; i++) printf "</span>"; print "" }' | body >"$c/deep.xml"
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "<p>"; print "" }' | body | head -c -200 \
    >"$c/deep-open.xml"
size=$(wc -c <"$GOOD")
for cut in 40 200 $((size / 3)) $((size / 2)) $((size - 30)); do
    head -c "$cut" "$GOOD" >"$c/cut-$cut.xml"
done
{
    echo '<?xml version="1.0"?>'
    echo '<!DOCTYPE akomaNtoso ['
    echo '<!ENTITY lol "lol">'
    prev=lol
    for i in 1 2 3 4 5 6 7 8 9; do
        printf '<!ENTITY lol%s "' "$i"
        for k in 1 2 3 4 5 6 7 8 9 10; do printf '&%s;' "$prev"; done
        echo '">'
        prev=lol$i
    done
    echo ']>'
    sed 1d "$T/pre" | sed '/^<!--/,/-->$/d'
    echo '<paragraph><num>1.</num><content><p>Encourage &lol9;</p></content></paragraph>'
    cat "$T/post"
} >"$c/laughs.xml"
# Quadratic blow-up: one 50 kB entity used 5,000 times (no nesting).
{
    echo '<?xml version="1.0"?>'
    printf '<!DOCTYPE akomaNtoso [<!ENTITY a "'
    head -c 50000 /dev/zero | tr '\000' 'a'
    echo '">]>'
    sed 1d "$T/pre" | sed '/^<!--/,/-->$/d'
    printf '<paragraph><num>1.</num><content><p>Encourage '
    awk 'BEGIN { for (i = 0; i < 5000; i++) printf "&a;" }'
    echo '</p></content></paragraph>'
    cat "$T/post"
} >"$c/quadratic.xml"
echo "SECRET-$$-NOT-FOR-THE-INDEX" >"$T/secret"
{
    echo '<?xml version="1.0"?>'
    echo "<!DOCTYPE akomaNtoso [<!ENTITY x SYSTEM \"file://$T/secret\">"
    echo '<!ENTITY y SYSTEM "http://127.0.0.1:9/nothing">'
    echo "<!ENTITY % p SYSTEM \"file://$T/secret\"> ]>"
    sed 1d "$T/pre" | sed '/^<!--/,/-->$/d'
    echo '<paragraph><num>1.</num><content><p>Encourage &x; and &y; here;</p></content></paragraph>'
    cat "$T/post"
} >"$c/external.xml"
{
    echo '<?xml version="1.0"?>'
    echo "<!DOCTYPE akomaNtoso SYSTEM \"file://$T/secret\">"
    sed 1d "$GOOD"
} >"$c/external-dtd.xml"
awk 'BEGIN { for (i = 1; i <= 200000; i++)
    printf "<paragraph><num>%d.</num><content><p>Decide %d;</p></content></paragraph>\n", i, i }' |
    body >"$c/many-paragraphs.xml"
# 20 MB of XML: over the 16 MiB limit for XML (a tree in memory).
awk 'BEGIN { for (i = 1; i <= 280000; i++)
    printf "<paragraph><num>%d.</num><content><p>Decides %d;</p></content></paragraph>\n", i, i }' |
    body >"$c/huge.xml"
printf '<?xml version="1.0"?>\n<html><body>not AKN</body></html>\n' >"$c/not-akn.xml"
# Attributes (issue 22): the limits are 256 on one element, 200,000 in all.
AKN_NS='xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"'
awk -v ns="$AKN_NS" 'BEGIN { printf "<akomaNtoso %s><doc name=\"x\"", ns
    for (i = 0; i < 200000; i++) printf " a%d=\"\"", i; print " /></akomaNtoso>" }' >"$c/attrs.xml"
awk -v ns="$AKN_NS" 'BEGIN { printf "<akomaNtoso %s><doc name=\"x\"", ns
    for (i = 0; i < 1300000; i++) printf " a%d=\"\"", i; print " /></akomaNtoso>" }' >"$c/attrs-16m.xml"
awk -v ns="$AKN_NS" 'BEGIN { printf "<akomaNtoso %s><doc name=\"x\">\n", ns
    for (e = 0; e < 1000; e++) { printf "<p"; for (i = 0; i < 250; i++) printf " a%d=\"\"", i; print "/>" }
    print "</doc></akomaNtoso>" }' >"$c/attrs-all.xml"
# Under the limits: 250 attributes on the root, '=' in a comment and in
# values, are no reason to refuse a good file.
awk 'NR == 1 { print; next }
     !done && /<akomaNtoso/ { s = ""; for (i = 0; i < 250; i++) s = s " x" i "=\"a=b\""
                              sub(/<akomaNtoso/, "<!-- " s " --><akomaNtoso" s); done = 1 }
     { print }' "$GOOD" >"$c/attrs-ok.xml"
printf '<?xml version="1.0" encoding="UTF-16"?>\n<akomaNtoso/>\n' >"$c/utf16-decl.xml"
gzip -c -n "$c/deep.xml" >"$c/deep.xml.gz"

t0=$(now_ms)
expect_status 1 "--once with hostile XML exits 1" timeout 120 "$RESDEXD" --once --db "$T/db" \
    --corpus "$c"
echo "--once over the hostile XML: $(($(now_ms) - t0)) ms"
check "the good AKN file is indexed" has_meta file:good.xml
check "the good AKN file has its paragraphs" test "$(ids good.xml | wc -l)" -ge 3
check "deep nesting rejected, with libxml2's reason" rejected deep.xml 'malformed XML: .*depth'
check "deep unclosed nesting rejected" rejected deep-open.xml 'malformed XML'
check "deep nesting in gzip rejected" rejected deep.xml.gz 'malformed XML'
for f in "$c"/cut-*.xml; do
    b=$(basename "$f")
    check "truncated $b rejected" rejected "$b" '(malformed XML|no resolution|without a statement)'
done
check "200,000 paragraphs rejected as too large" rejected many-paragraphs.xml 'too large'
check "20 MB of XML rejected as too large" rejected huge.xml 'too large: .* MiB for XML'
check "non-AKN root rejected" rejected not-akn.xml 'not an AKN4UN document'
check "200,000 attributes on one element rejected, naming it" \
    rejected attrs.xml '1: element <doc> has more than 256 attributes'
check "16 MiB of attributes rejected" rejected attrs-16m.xml 'element <doc> has more than 256'
check "250,000 attributes in a document rejected" \
    rejected attrs-all.xml '[0-9]*: more than 200000 attributes in the document.*<p>'
check "250 attributes on an element: indexed" has_meta file:attrs-ok.xml
timeout 10 "$RESDEX" parse "$c/attrs.xml" >/dev/null 2>&1
check "parse of 200,000 attributes ends within 10 s (not quadratic)" test $? -eq 2
check "a false UTF-16 declaration rejected" rejected utf16-decl.xml '(malformed XML|no resolution|without a statement|not an AKN)'
# Entities: refused, or kept as references that add no text; never expanded
# from outside the corpus.
for f in laughs.xml quadratic.xml external.xml external-dtd.xml; do
    check "$f: indexed or rejected with a warning" sh -c \
        "\"$INDEX_DUMP\" \"$T/db\" | grep -q '^file:$f' || grep -q '^resdexd: warning: $f:' \"$T/err\""
done
check "no external file read into the index" sh -c \
    "! \"$INDEX_DUMP\" \"$T/db\" | grep -q 'SECRET-'"
"$RESDEX" parse --json "$c/external.xml" "$c/external-dtd.xml" >"$T/ext.json" 2>/dev/null
check "no external file read by resdex parse" sh -c "! grep -q 'SECRET-' \"$T/ext.json\""
"$RESDEX" parse --json "$c/laughs.xml" "$c/quadratic.xml" >"$T/lol.json" 2>/dev/null
check "no entity expanded (lollol..., aaaa...)" sh -c \
    "! grep -qE 'lollollol|aaaaaaaaaa' \"$T/lol.json\""

# resdex parse: exit 2, one line naming the file.
parse_refuses "$c" deep.xml cut-40.xml many-paragraphs.xml not-akn.xml attrs-all.xml

# Watch mode: the same files arriving one by one.
mkdir "$T/w"
mv "$c"/* "$T/w/"
cp "$GOOD" "$c/good.xml"
rm -rf "$T/db"
start_daemon || { finish; exit 1; }
for f in "$T/w"/*; do cp "$f" "$c/"; done
cp "$GOOD" "$c/later.xml"
check "watch: a good file after the hostile ones is indexed" wait_until 30 has_meta file:later.xml
check "watch: deep nesting rejected" wait_until 10 has_meta rejected:deep.xml
check "watch: daemon alive" daemon_alive
check "watch: no sanitizer report in the log" sh -c "! grep -q 'Sanitizer' \"$T/d.log\""
stop_daemon
finish
