#!/bin/sh
# zip.sh - zip archives of AKN files from the UN corpus: every member is
# a document with "ARCHIVE!MEMBER" as its source, in `resdex parse` and in
# the index; hostile archives (a zip bomb, "../" and absolute member names,
# an encrypted member, a truncated archive) are refused with a message that
# names the archive and the member, and never touch the file system.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/readers/readers-lib.sh"
# The UN's English files of session 75, unzipped as the UN publishes them.
AKN="$T/akn75"
mkdir -p "$AKN"
for f in "$UN_CORPUS"/ga/75session/English/*.xml.gz; do
    gunzip -c "$f" >"$AKN/$(basename "$f" .gz)"
done

# An archive as the UN publishes them: a folder of AKN files, and a picture.
mkdir -p "$T/src/ga75"
cp "$AKN"/75_194_E.xml "$AKN"/75_195_E.xml "$T/src/ga75/"
printf '\211PNG\r\n\032\n\0\0\0\rIHDR' >"$T/src/ga75/logo.png"
# A text member after the AKN ones: each member is parsed on its own.
printf 'Resolution adopted by the General Assembly on 25 September 2015\n\n70/1. Transforming our world\n\nThe General Assembly,\n\n1. Adopts the outcome document;\n\n4th plenary meeting\n' >"$T/src/ga75/zz_70_1.txt"
$PY - "$T/ga75.zip" "$T/src" <<'PYEOF'
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for root, _, files in os.walk(sys.argv[2]):
        for f in sorted(files):
            p = os.path.join(root, f)
            z.write(p, os.path.relpath(p, sys.argv[2]))
PYEOF
expect_status 0 "parse a zip of AKN files" "$RESDEX" parse --json "$T/ga75.zip"
cp "$T/out" "$T/zip.jsonl"
for m in 75_194_E.xml 75_195_E.xml; do
    "$RESDEX" parse --json "$AKN/$m" | sed 's/"source":"[^"]*"/"source":""/' >"$T/$m.jsonl"
    grep -F "\"source\":\"$T/ga75.zip!ga75/$m\"" "$T/zip.jsonl" | sed 's/"source":"[^"]*"/"source":""/' >"$T/$m.member.jsonl"
    check "member $m: the same resolution as the file" "$JSON_EQUAL" "$T/$m.jsonl" "$T/$m.member.jsonl"
done
check "the picture is passed over" sh -c "! grep -q logo.png '$T/zip.jsonl' && ! grep -q logo.png '$T/err'"
check "three resolutions" test "$(wc -l <"$T/zip.jsonl")" -eq 3
check "the text member's resolution" grep -q "\"symbol\":\"A/RES/70/1\".*\"source\":\"$T/ga75.zip!ga75/zz_70_1.txt\"" "$T/zip.jsonl"

# resdexd: each member indexed, its source named.
mkdir -p "$T/corpus"
cp "$T/ga75.zip" "$T/corpus/"
expect_status 0 "resdexd over a zip" "$RESDEXD" --once --db "$T/db" --corpus "$T/corpus"
expect_status 0 "search a member's text" "$RESDEX" --db "$T/db" search --json --all 'General Assembly'
check "hits name the member" grep -q 'ga75.zip!ga75/75_19[45]_E.xml' "$T/out"

# Hostile archives.
$PY - "$T" <<'PYEOF'
import sys, zipfile
t = sys.argv[1]
akn = open(sys.argv[0] if False else "/dev/null").read()
with zipfile.ZipFile(t + "/bomb.zip", "w", zipfile.ZIP_DEFLATED) as z:
    with z.open("bomb.txt", "w") as f:
        for _ in range(20):
            f.write(b"\n" * (1 << 20))
with zipfile.ZipFile(t + "/huge.zip", "w", zipfile.ZIP_DEFLATED) as z:
    with z.open("huge.txt", "w", force_zip64=True) as f:
        for i in range(70):
            f.write(bytes([65 + i % 26]) * (1 << 20))
with zipfile.ZipFile(t + "/escape.zip", "w") as z:
    z.writestr("../../etc/evil.txt", "Resolution adopted by the General Assembly\n")
    z.writestr("/abs/evil.txt", "Resolution adopted by the General Assembly\n")
with zipfile.ZipFile(t + "/enc.zip", "w") as z:
    z.writestr("secret.txt", "x" * 100)
# Set the "encrypted" bit in the local and central headers.
b = bytearray(open(t + "/enc.zip", "rb").read())
for sig, off in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
    i = b.find(sig)
    b[i + off] |= 1
open(t + "/enc.zip", "wb").write(bytes(b))
PYEOF
expect_status 2 "a zip bomb" "$RESDEX" parse "$T/bomb.zip"
check "bomb: names archive and member" grep -q "bomb.zip!bomb.txt: inflates more than 100 times" "$T/err"
expect_status 2 "a member over 64 MiB" "$RESDEX" parse "$T/huge.zip"
check "huge member: the limit" grep -q "huge.zip!huge.txt: .*limit of 64 MiB" "$T/err"
expect_status 2 "member names escaping the folder" "$RESDEX" parse "$T/escape.zip"
check "escape: unsafe name named" grep -q 'escape.zip: member "../../etc/evil.txt": unsafe name' "$T/err"
check "escape: nothing written outside" test ! -e "$T/../etc/evil.txt"
expect_status 2 "an encrypted member" "$RESDEX" parse "$T/enc.zip"
check "encrypted: said so" grep -q "enc.zip!secret.txt: encrypted member" "$T/err"
head -c 3000 "$T/ga75.zip" >"$T/cut.zip"
expect_status 2 "a truncated archive" "$RESDEX" parse "$T/cut.zip"
check "truncated: names the archive" grep -q "cut.zip: damaged or truncated zip archive" "$T/err"

# The daemon keeps the good members of an archive with a bad one.
cp "$T/ga75.zip" "$T/mixed.zip"
$PY -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1], "a").writestr("../evil.xml", "<x/>")' "$T/mixed.zip"
mkdir -p "$T/corpus2"
cp "$T/mixed.zip" "$T/corpus2/"
expect_status 0 "resdexd over an archive with a bad member" "$RESDEXD" --once --db "$T/db2" --corpus "$T/corpus2"
check "the bad member is reported" grep -q 'mixed.zip: member "../evil.xml": unsafe name' "$T/err"
expect_status 0 "the good members are indexed" "$RESDEX" --db "$T/db2" search --json --all 'General Assembly'
check "good member found" grep -q 'mixed.zip!ga75/75_194_E.xml' "$T/out"

# A changed archive, member by member: one kept, one changed, one removed,
# one added. The unchanged member is not indexed again; the removed one's
# paragraphs go.
mkzip() { # OUT MEMBER...: the AKN files under ga75/
    out=$1; shift
    $PY - "$out" "$AKN" "$@" <<'PYEOF'
import sys, zipfile
out, src, names = sys.argv[1], sys.argv[2], sys.argv[3:]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for n in names:
        member, _, file = n.partition("=")
        z.write(src + "/" + (file or member), "ga75/" + member)
PYEOF
}
mkdir -p "$T/corpus3"
mkzip "$T/corpus3/ga75.zip" 75_194_E.xml 75_195_E.xml 75_196_E.xml
expect_status 0 "index an archive of three" "$RESDEXD" --once --db "$T/db3" --corpus "$T/corpus3"
expect_status 0 "75/196 is there" "$RESDEX" --db "$T/db3" show A/RES/75/196
# Rewrite the archive: 194 the same, 195 now holds 197's text, 196 gone, 198 new.
mkzip "$T/new.zip" 75_194_E.xml 75_195_E.xml=75_197_E.xml 75_198_E.xml
mv "$T/new.zip" "$T/corpus3/ga75.zip"
expect_status 0 "reconcile the changed archive" "$RESDEXD" --once --verbose --db "$T/db3" --corpus "$T/corpus3"
cp "$T/err" "$T/log3"
check "the changed member is indexed again" grep -q 'indexed ga75.zip!ga75/75_195_E.xml' "$T/log3"
check "the new member is indexed" grep -q 'indexed ga75.zip!ga75/75_198_E.xml' "$T/log3"
check "the unchanged member is not" sh -c "! grep -q 'indexed ga75.zip!ga75/75_194_E.xml' '$T/log3'"
check "the archive's summary" grep -q 'indexed ga75.zip (2 members indexed, 1 unchanged, 1 removed, 0 bad' "$T/log3"
expect_status 1 "the removed member's resolution is gone" "$RESDEX" --db "$T/db3" show A/RES/75/196
expect_status 0 "the kept member's resolution stays" "$RESDEX" --db "$T/db3" show A/RES/75/194
expect_status 0 "the changed member's new text is there" "$RESDEX" --db "$T/db3" show A/RES/75/197
expect_status 0 "the new member is there" "$RESDEX" --db "$T/db3" show A/RES/75/198
expect_status 1 "195's old text is gone" "$RESDEX" --db "$T/db3" show A/RES/75/195
# The archive removed: every member goes.
rm "$T/corpus3/ga75.zip"
expect_status 0 "reconcile without the archive" "$RESDEXD" --once --db "$T/db3" --corpus "$T/corpus3"
expect_status 1 "its members are gone" "$RESDEX" --db "$T/db3" show A/RES/75/194
finish
