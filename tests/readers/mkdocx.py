#!/usr/bin/env python3
"""mkdocx.py OUT [--clean]: write a Word file (a zip of WordprocessingML, as
Word saves it) holding General Assembly resolution 70/174 as tests/readers/
docx.sh expects it: automatic numbering (1., 2., (a), (b), 3.) from
word/numbering.xml (paragraph 2 numbered through its style, "OpNum", based
on "OpBase", which names the list in word/styles.xml), two footnotes referenced from the body (footnote ids 5
and 7, printed 1 and 2), and tracked changes: an insertion ("effective"), a
deletion ("obsolete"), and a deleted paragraph mark joining two paragraphs.
--clean writes the same text with no tracked change."""
import sys
import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
clean = "--clean" in sys.argv[2:]


def run(text):
    return '<w:r><w:rPr><w:lang w:val="en-GB"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>' % text


def ins(text):
    if clean:
        return run(text)
    return '<w:ins w:id="90" w:author="Delegate" w:date="2015-11-02T10:00:00Z">%s</w:ins>' % run(text)


def dele(text):
    if clean:
        return ""
    return ('<w:del w:id="91" w:author="Delegate" w:date="2015-11-02T10:00:00Z">'
            '<w:r><w:delText xml:space="preserve">%s</w:delText></w:r></w:del>' % text)


def note_ref(i):
    return ('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
            '<w:footnoteReference w:id="%d"/></w:r>' % i)


def para(*runs, num=None, mark_deleted=False, style=None):
    ppr = '<w:pStyle w:val="%s"/>' % style if style else ""
    if num:
        ppr += '<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % num
    if mark_deleted and not clean:
        ppr += '<w:rPr><w:del w:id="92" w:author="Delegate" w:date="2015-11-02T10:00:00Z"/></w:rPr>'
    return "<w:p><w:pPr>%s</w:pPr>%s</w:p>" % (ppr, "".join(runs))


body = [
    para(run("Resolution adopted by the General Assembly on 17 December 2015")),
    para(run("70/174. Thirteenth United Nations Congress on Crime Prevention and Criminal Justice")),
    para(run("The General Assembly,")),
    para(run("Recalling its resolution 69/193 of 18 December 2014,"), note_ref(5)),
    para(run("Noting with appreciation the "), dele("obsolete "), run("work of the Commission on Crime Prevention and Criminal Justice,")),
    para(run("Welcomes the Doha Declaration,"), note_ref(7), run(" adopted by the "), ins("effective "), run("Thirteenth Congress;"), num=(0, 3)),
    para(run("Invites Member States to take the following measures:"), style="OpNum"),
    para(run("To strengthen their criminal justice systems;"), num=(1, 3)),
    para(run("To share good practices in prison management;"), num=(1, 3)),
    para(run("Requests the Secretary-General to report"), num=(0, 3), mark_deleted=True),
    para(run(" to the Assembly at its seventy-first session.")),
    para(run("80th plenary meeting")),
    para(run("17 December 2015")),
]
if clean:
    # Without the tracked paragraph-mark deletion, the two halves are one.
    body[9] = para(run("Requests the Secretary-General to report to the Assembly at its seventy-first session."), num=(0, 3))
    del body[10]

document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document %s><w:body>%s'
            '<w:sectPr/></w:body></w:document>' % (W, "".join(body)))

numbering = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering %s>'
             '<w:abstractNum w:abstractNumId="4">'
             '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%%1."/></w:lvl>'
             '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%%2)"/></w:lvl>'
             '</w:abstractNum>'
             '<w:abstractNum w:abstractNumId="9">'
             '<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl></w:abstractNum>'
             '<w:num w:numId="2"><w:abstractNumId w:val="9"/></w:num>'
             '<w:num w:numId="3"><w:abstractNumId w:val="4"/></w:num>'
             '</w:numbering>' % W)


def footnote(i, text):
    return ('<w:footnote w:id="%d"><w:p><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
            '<w:footnoteRef/></w:r>%s</w:p></w:footnote>' % (i, run(" " + text)))


footnotes = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes %s>'
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
             '%s%s</w:footnotes>' % (W, footnote(7, "Resolution 70/174, annex."), footnote(5, "See A/69/PV.73.")))

styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles %s>'
          '<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
          '<w:style w:type="paragraph" w:styleId="OpNum"><w:basedOn w:val="OpBase"/></w:style>'
          '<w:style w:type="paragraph" w:styleId="OpBase"><w:basedOn w:val="Normal"/>'
          '<w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>'
          '</w:styles>' % W)

types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
         '</Types>')

with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", types)
    z.writestr("word/document.xml", document)
    z.writestr("word/numbering.xml", numbering)
    z.writestr("word/footnotes.xml", footnotes)
    z.writestr("word/styles.xml", styles)
