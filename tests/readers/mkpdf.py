#!/usr/bin/env python3
"""mkpdf.py OUT [--pages N] [--blank] [--repeat N] [--draft FILE]: print General Assembly resolution
70/174 to a PDF with cairo, laid out as the Official Document System prints
it: a masthead on page 1, the symbol header "A/RES/70/174" on every later
page, page numbers "2/3", the job number "15-14112 (E)", the barcode
"*1514112*" and "Please recycle" at the foot of page 1, footnotes in a
smaller font at the foot of the page that cites them, marked by raised
digits, and a paragraph split by a page break. --pages N repeats blank pages
to N (a long PDF); --blank prints no text at all (a scanned PDF); --repeat N
prints the operative part N times (pages of text, for bench/readers). --draft
FILE prints the paragraphs of FILE (one a line) instead, with the furniture of a
Third Committee draft, A/C.3/79/L.9 (tests/check/pdf.sh)."""
import sys
import cairo

W, H = 595.0, 842.0
LEFT, RIGHT = 90.0, 505.0
BODY, NOTE, MARK = 10.0, 8.0, 6.0
PITCH = 12.0
args = sys.argv[1:]
out = args[0]
pages = int(args[args.index("--pages") + 1]) if "--pages" in args else 0
blank = "--blank" in args
repeat = int(args[args.index("--repeat") + 1]) if "--repeat" in args else 1
draft = args[args.index("--draft") + 1] if "--draft" in args else None
SYMBOL, JOB, BARCODE, DISTR, ISSUED = ("A/RES/70/174", "15-14112 (E)", "*1514112*",
                                       "Distr.: General", "8 January 2016")
if draft:
    SYMBOL, JOB, BARCODE, DISTR, ISSUED = ("A/C.3/79/L.9", "24-18020 (E)", "*2418020*",
                                           "Distr.: Limited", "9 October 2024")

surface = cairo.PDFSurface(out, W, H)
cr = cairo.Context(surface)
cr.select_font_face("DejaVu Serif", cairo.FONT_SLANT_NORMAL, cairo.FONT_WEIGHT_NORMAL)


def text_at(x, y, s, size):
    cr.set_font_size(size)
    cr.move_to(x, y)
    cr.show_text(s)
    return cr.text_extents(s).x_advance


def width(s, size):
    cr.set_font_size(size)
    return cr.text_extents(s).x_advance


# A paragraph: words; "^N" after a word is a footnote mark.
RES = [
    ["Resolution adopted by the General Assembly on 17 December 2015"],
    ["70/174. Thirteenth United Nations Congress on Crime Prevention and Criminal Justice"],
    ["The General Assembly,"],
    ["Recalling its resolution 69/193 of 18 December 2014,^1"],
    ["Noting with appreciation the work of the Commission on Crime Prevention and Criminal Justice, "
     "which the Member States have supported through their contributions over many years and in "
     "many forms, including the preparation of the Congress, the regional preparatory meetings and "
     "the workshops held during it, and recognizing the contributions of the institutes of the "
     "United Nations crime prevention and criminal justice programme network and of the "
     "intergovernmental and non-governmental organizations that took part in the Congress,"],
    ["1. Welcomes the Doha Declaration,^2 adopted by the Thirteenth Congress;"],
    ["2. Invites Member States to take the following measures:"],
    ["(a) To strengthen their criminal justice systems;"],
    ["(b) To share good practices in prison management;"],
    ["3. Requests the Secretary-General to report to the Assembly at its seventy-first session."],
    ["80th plenary meeting"],
    ["17 December 2015"],
]
RES = RES[:5] + RES[5:10] * repeat + RES[10:]
NOTES = {1: "See A/69/PV.73.", 2: "Resolution 70/174, annex."}
if draft:
    RES = [[ln] for ln in open(draft, encoding="utf-8").read().split("\n") if ln.strip()]
# Body lines available on each page: page 1 breaks the long paragraph.
CAPACITY = {1: 14}


def lines_of(par):
    words = par.split(" ")
    lines, cur, cur_w = [], [], 0.0
    for w in words:
        ww = width(w.split("^")[0] + " ", BODY)
        if cur and cur_w + ww > RIGHT - LEFT:
            lines.append(cur)
            cur, cur_w = [], 0.0
        cur.append(w)
        cur_w += ww
    if cur:
        lines.append(cur)
    return lines


def draw_words(y, words):
    x = LEFT
    marks = []
    for i, w in enumerate(words):
        word, _, mark = w.partition("^")
        x += text_at(x, y, word, BODY)
        if mark:
            x += text_at(x, y - 3.5, mark, MARK)
            marks.append(int(mark))
        if i + 1 < len(words):
            x += width(" ", BODY)
    return marks


def foot(page, total, notes):
    y = 735.0
    if notes:
        cr.move_to(LEFT, y - 10)
        cr.line_to(LEFT + 100, y - 10)
        cr.set_line_width(0.5)
        cr.stroke()
    for n in notes:
        text_at(LEFT, y - 3, str(n), MARK)
        text_at(LEFT + 8, y, NOTES[n], NOTE)
        y += 10
    if page == 1:
        text_at(LEFT, 790, JOB, 7.0)
        text_at(LEFT + 300, 790, BARCODE, 9.0)
        text_at(LEFT, 805, "Please recycle", 7.0)
    else:
        text_at(RIGHT - 20, 815, "%d/%d" % (page, total), 8.0)


def head(page):
    if page == 1:
        text_at(LEFT, 40, "United Nations", 9.0)
        text_at(RIGHT - 60, 40, SYMBOL, 9.0)
        text_at(LEFT, 80, "General Assembly", 14.0)
        text_at(RIGHT - 80, 80, DISTR, BODY)
        text_at(RIGHT - 80, 92, ISSUED, BODY)
    else:
        text_at(LEFT, 40, SYMBOL, 9.0)


if blank:
    cr.rectangle(100, 100, 300, 300)
    cr.fill()
    surface.show_page()
    surface.finish()
    sys.exit(0)

# Lay out: lines with a blank line between paragraphs.
flow = []
for p in RES:
    for ln in lines_of(p[0]):
        flow.append(ln)
    flow.append(None)
total = max(2, pages)
if repeat > 1:
    total = 2 + len(flow) // 45
page, y, used, notes = 1, 120.0, 0, []
head(1)
for ln in flow:
    cap = CAPACITY.get(page, 45)
    if used >= cap:
        foot(page, total, notes)
        surface.show_page()
        page += 1
        head(page)
        y, used, notes = 70.0, 0, []
        if ln is None:
            continue
    if ln is None:
        if used:
            y += PITCH
            used += 1
        continue
    notes += draw_words(y, ln)
    y += PITCH
    used += 1
foot(page, total, notes)
surface.show_page()
while page < total:
    page += 1
    head(page)
    foot(page, total, [])
    surface.show_page()
surface.finish()
