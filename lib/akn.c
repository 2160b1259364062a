/* akn.c - the reader for AKN4UN (Akoma Ntoso for the UN) XML.
 *
 * One <akomaNtoso><statement> is one resolution, in one language. A
 * multi-part resolution (A/RES/75/101 A-B) is an <akomaNtoso>
 * <documentCollection> whose <collectionBody> holds a <component> per part:
 * each part is a resolution of its own, A/RES/75/101A and A/RES/75/101B
 * (as citations of a part read; number "75/101 A" as printed), with its own
 * title and paragraphs, and the
 * collection's date, session, agenda item and proponent when it gives none.
 * For each resolution:
 *
 *  - symbol, body and number from the FRBR work URI
 *    (".../unga/2025-12-18/80-229/" -> A/RES/80/229, GA, "80/229";
 *    ".../unecosoc/2023-07-25/2023-24/" -> E/RES/2023/24, ECOSOC), the
 *    cover page's symbol when there is no URI; date from the FRBR adoption
 *    date; language from FRBRlanguage ("eng" -> "en", "deu" -> "de"); session, agenda item
 *    and proponent from the cover page; the title from the preface (the
 *    cover page's docTitle is "Resolution adopted by ..."); the meeting from
 *    the conclusions.
 *  - preamble/container: preambular paragraphs (the enacting formula "The
 *    General Assembly," is not a paragraph); mainBody/paragraph: operative
 *    paragraphs numbered by their <num>; list/point and blockList/item:
 *    paragraphs of their own with the parent's number and their letter as
 *    item (in the preamble: preambular items). A nested list's items are
 *    "a.i".
 *  - Numbers and letters are normalised so that all six languages agree:
 *    "1 -" (Arabic), "a)" (French, Spanish, Russian), "(أ)" (Arabic letters,
 *    abjad order) all become 1 and "a". Some Arabic files have no <num> and
 *    print the number in the text ("1 -\t<span>تؤكد</span> ..."), and some
 *    files print sub-items as unnumbered paragraphs "(a) ..."; the label is
 *    then read from the text and taken out of it.
 *  - Annexes (attachments) are paragraphs of kind "other" of the same
 *    resolution, headings included; a <num> that is not a number or a letter
 *    ("B.", a section) is kept at the start of the heading's text. Tables are
 *    one "other" paragraph each, cells separated by " | " (akn-text.c).
 *  - An ECOSOC resolution that recommends a draft to the General Assembly
 *    carries the draft inside its operative paragraph 1 (<embeddedStructure>)
 *    or as a <component>. It becomes ONE resolution (E/RES/..., body ECOSOC,
 *    recommends_to "GA") whose paragraphs are the "Recommends to the General
 *    Assembly the adoption of the following draft resolution:" text, of kind
 *    "other", then the draft's own preambular and operative paragraphs with
 *    the draft's numbering, then its annexes. This is the choice the text
 *    reader makes for the same documents converted from PDF, so a resolution
 *    reads the same whatever its source format. (A markup slip in some drafts
 *    puts a preambular paragraph in a <paragraph> without number before the
 *    first numbered one: it is read as preambular.)
 *  - Footnotes (<authorialNote>) belong to the resolution, by mark; the
 *    paragraph keeps the marks it carries and the citations its footnotes
 *    make.
 *
 * Errors: XML that is not well-formed is BAD_XML "NAME:LINE: malformed XML:
 * <libxml2's message>"; well-formed XML whose root is not <akomaNtoso> is
 * BAD_XML "NAME:LINE: not an AKN4UN document (root element <x>)"; an AKN
 * document without a resolution in it (no statement, or no symbol) is
 * NO_RESOLUTION.
 *
 * Safety: the document is parsed from memory with no network access, no DTD
 * loading and no entity substitution (an entity reference stays a reference
 * and adds no text, so "billion laughs" expands nothing), without
 * XML_PARSE_HUGE, so libxml2's limits hold (nesting depth 256, text node
 * size). libxml2's messages go to a handler on this parse's context, never
 * to stderr and never through process-wide state. libxml2 (2.9) checks each
 * attribute of an element against all the ones before it, and the tree
 * builder appends each to the end of a list: time quadratic in the
 * attributes of one element. So the attributes are counted first, in one
 * pass over the bytes (check_attributes), and a document with more than
 * AKN_MAX_ELEMENT_ATTRS on one element or AKN_MAX_ATTRS in all is TOO_LARGE
 * "NAME:LINE: element <x> has more than ... attributes". */
#include "readers.h"
#include "akn.h"
#include "model.h"
#include "util.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------- */
/* Paragraphs                                                             */

/* An annex's heading "Article 12" (English, French; "Artículo", "Статья"):
 * the article the paragraphs after it stand in, numbered afresh. */
static void
note_article(akn_reader_t *r, const char *text)
{
    static const char *const words[] = {"Article ", "Artículo ", "Статья ", NULL};
    for (const char *const *w = words; *w && r->in_annex; w++) {
        size_t n = strlen(*w), d = 0;
        if (strncmp(text, *w, n) != 0)
            continue;
        while (text[n + d] >= '0' && text[n + d] <= '9' && d < 4)
            d++;
        if (d > 0 && text[n + d] == '\0') {
            r->article = atoi(text + n);
            r->last_number = 0;
        }
        return;
    }
}

/* Add a paragraph with what the text collector found. Empty text: nothing
 * (its footnotes are still the resolution's). A numbered paragraph or a
 * lettered item of an annex is of kind annex. */
static void
emit(akn_reader_t *r, akn_text_t *t, const char *text, resdex_kind_t kind, int number,
     const char *item, const xmlNode *src)
{
    for (size_t i = 0; i < t->n_note_items; i++)
        model_add_footnote(r->doc, r->res, t->notes[i].mark, t->notes[i].text);
    if (!text || !*text)
        return;
    if (r->in_annex && kind == RESDEX_KIND_OTHER && !number && !(item && *item))
        note_article(r, text);
    /* Agreed text: numbered, lettered, or the body (<content>, not a
     * heading) of a convention's article. */
    if (r->in_annex && kind == RESDEX_KIND_OTHER &&
        (number || (item && *item) ||
         (r->article > 0 && akn_is(src, "paragraph") && akn_child(src, "content"))))
        kind = RESDEX_KIND_ANNEX;
    resdex_paragraph_t *p = model_add_paragraph(r->doc, r->res, kind, text);
    if (!p)
        return;
    p->number = number;
    if (kind == RESDEX_KIND_ANNEX)
        p->article = r->article;
    p->item = item && *item ? model_str(r->doc, item) : NULL;
    if (!r->in_annex)
        p->verb = akn_text_verb(t);
    for (size_t i = 0; i < t->marks.n; i++)
        model_add_mark(r->doc, p, t->marks.v[i]);
    for (size_t i = 0; i < t->cites.n; i++)
        model_add_cite(r->doc, p, t->cites.v[i]);
    p->line_first = akn_line_of(src);
    p->line_last = akn_last_line_of(src);
}

/* The label of a <num> element; *printed gets its text when it is not a
 * label ("B.", "Article 3"), for the caller to keep in the text. */
static int
num_label(akn_reader_t *r, const xmlNode *num, akn_label_t *label, const char **printed)
{
    memset(label, 0, sizeof *label);
    *printed = NULL;
    if (!num)
        return 0;
    const char *s = akn_text_of(r, num);
    if (!s)
        return 0;
    if (akn_label_parse(s, label, AKN_LABEL_WHOLE))
        return 1;
    *printed = s;
    return 0;
}

/* Text with a printed, unparsed <num> put back in front. */
static const char *
with_printed(akn_reader_t *r, const char *printed, const char *text)
{
    if (!printed)
        return text;
    if (!text || !*text)
        return printed;
    size_t a = strlen(printed), b = strlen(text);
    char *s = malloc(a + b + 2);
    if (!s)
        return NULL;
    memcpy(s, printed, a);
    s[a] = ' ';
    memcpy(s + a + 1, text, b + 1);
    const char *copy = model_str(r->doc, s);
    free(s);
    return copy;
}

static void read_lists(akn_reader_t *r, const xmlNode *n, resdex_kind_t kind, int number,
                       const char *outer);

/* A label printed at the start of a paragraph's text (no <num>): "1 -",
 * "(a)", or a bare "7" when the verb phrase follows it. Returns its length. */
static size_t
text_label(akn_text_t *t, const char *text, akn_label_t *label)
{
    size_t k = akn_label_parse(text, label, 0);
    if (k)
        return k;
    const char *verb = akn_text_verb(t);
    if (!verb)
        return 0;
    k = akn_label_parse(text, label, AKN_LABEL_BARE);
    if (k && strncmp(text + k, verb, strlen(verb)) == 0)
        return k;
    memset(label, 0, sizeof *label);
    return 0;
}

/* A list/point or blockList/item: its own paragraph, with the parent's
 * number and its own letter. */
static void
read_point(akn_reader_t *r, const xmlNode *pt, resdex_kind_t kind, int number, const char *outer,
           size_t ordinal)
{
    akn_label_t label;
    const char *printed;
    int labelled = num_label(r, akn_child(pt, "num"), &label, &printed);
    akn_text_t t;
    akn_text_init(&t, r->doc, &r->n_notes);
    akn_text_children(&t, pt);
    const char *text = akn_text_finish(&t);
    if (text && !labelled && !printed) {
        size_t k = text_label(&t, text, &label);
        labelled = k > 0;
        text += k;
    }
    text = with_printed(r, printed, text);
    char item[64];
    if (label.item[0])
        snprintf(item, sizeof item, "%s", label.item);
    else if (label.number)
        snprintf(item, sizeof item, "%d", label.number);
    else /* unlabelled: its place in the list, as a letter */
        snprintf(item, sizeof item, "%c", (char)('a' + (int)(ordinal % 26)));
    char full[160];
    if (outer)
        snprintf(full, sizeof full, "%s.%s", outer, item);
    else
        snprintf(full, sizeof full, "%s", item);
    emit(r, &t, text, kind, number, full, pt);
    akn_text_free(&t);
    read_lists(r, pt, kind, number, full);
}

/* The lists inside n (directly, or in its <content>): each point or item
 * becomes a paragraph. */
static void
read_lists(akn_reader_t *r, const xmlNode *n, resdex_kind_t kind, int number, const char *outer)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (akn_is(c, "content")) {
            read_lists(r, c, kind, number, outer);
        } else if (akn_is(c, "list") || akn_is(c, "blockList")) {
            size_t ordinal = 0;
            for (const xmlNode *pt = c->children; pt; pt = pt->next)
                if (akn_is(pt, "point") || akn_is(pt, "item"))
                    read_point(r, pt, kind, number, outer, ordinal++);
        }
    }
}

/* Does this paragraph carry an operative number (in <num> or in its text)? */
static int
is_numbered(akn_reader_t *r, const xmlNode *p)
{
    akn_label_t label;
    const char *printed;
    const xmlNode *num = akn_child(p, "num");
    if (num)
        return num_label(r, num, &label, &printed) && label.number > 0;
    const char *text = akn_text_of(r, p);
    return text && akn_label_parse(text, &label, 0) && label.number > 0;
}

/* The number of the next numbered paragraph after p, or -1. */
static int
next_number(akn_reader_t *r, const xmlNode *p)
{
    for (const xmlNode *s = p->next; s; s = s->next) {
        if (!akn_is(s, "paragraph"))
            continue;
        akn_label_t label;
        const char *printed, *text;
        const xmlNode *num = akn_child(s, "num");
        if (num && num_label(r, num, &label, &printed) && label.number > 0)
            return label.number;
        if (!num && (text = akn_text_of(r, s)) && akn_label_parse(text, &label, 0) && label.number)
            return label.number;
    }
    return -1;
}

static int
numbered_follows(akn_reader_t *r, const xmlNode *p)
{
    for (const xmlNode *s = p->next; s; s = s->next)
        if (akn_is(s, "paragraph") && is_numbered(r, s))
            return 1;
    return 0;
}

static void read_draft_parts(akn_reader_t *r, const xmlNode *parent);

/* A paragraph of the operative part (kind operative) or of an annex (kind
 * other). `seen_numbered` tracks whether a numbered paragraph came before
 * in the same sequence. */
static void
read_paragraph(akn_reader_t *r, const xmlNode *p, resdex_kind_t kind, int *seen_numbered)
{
    akn_label_t label;
    const char *printed;
    int labelled = num_label(r, akn_child(p, "num"), &label, &printed);
    akn_text_t t;
    akn_text_init(&t, r->doc, &r->n_notes);
    akn_text_children(&t, p);
    const char *text = akn_text_finish(&t);
    if (text && !labelled && !printed) {
        size_t k = text_label(&t, text, &label);
        labelled = k > 0;
        text += k;
    }
    text = with_printed(r, printed, text);

    /* Some files put the <num> in an empty paragraph of its own and the
     * text in the next, unnumbered one: the number belongs to that one. */
    const xmlNode *draft = akn_descendant(p, "embeddedStructure");
    if (label.number && !label.item[0] && (!text || !*text) && !draft && !t.n_note_items) {
        r->pending_number = label.number;
        akn_text_free(&t);
        read_lists(r, p, kind, label.number, NULL);
        return;
    }
    if (!labelled && r->pending_number && text && *text) {
        label.number = r->pending_number;
        labelled = 1;
    }
    r->pending_number = 0;

    if (draft) {
        kind = RESDEX_KIND_OTHER;
        r->res->recommends_to = model_str(r->doc, "GA");
    } else if (kind == RESDEX_KIND_OPERATIVE && !labelled) {
        const char *verb = akn_text_verb(&t);
        if (r->has_components)
            kind = RESDEX_KIND_OTHER; /* "Recommends ...": the draft follows */
        else if (!*seen_numbered && text && verb && strcmp(verb, text) == 0) {
            /* All in italics before the first operative paragraph: the
             * enacting formula ("The Economic and Social Council") put in
             * the operative part. Skipped, as in the preamble. */
            akn_text_free(&t);
            return;
        } else if (!*seen_numbered && numbered_follows(r, p))
            kind = RESDEX_KIND_PREAMBULAR;
    }

    /* A number out of sequence between neighbours that leave room for
     * exactly one ("11, 13, 13, 14" or "14, 154, 16") is a typing slip in
     * that language's file: the paragraph is the one in between. */
    if (kind == RESDEX_KIND_OPERATIVE && label.number && r->last_number > 0 &&
        label.number != r->last_number + 1 && next_number(r, p) == r->last_number + 2)
        label.number = r->last_number + 1;

    int number = 0;
    const char *item = NULL;
    if (label.number) {
        number = label.number;
        if (kind == RESDEX_KIND_OPERATIVE || r->in_annex)
            r->last_number = number;
        *seen_numbered = 1;
    } else if (label.item[0]) {
        number = r->last_number;
        item = label.item;
    }
    size_t before = r->res->n_paragraphs;
    emit(r, &t, text, kind, number, item, p);
    akn_text_free(&t);
    read_lists(r, p, kind, number, item);

    if (draft) {
        if (r->res->n_paragraphs > before)
            model_mark_draft(r->doc, r->res, r->res->n_paragraphs - 1);
        r->last_number = 0;
        read_draft_parts(r, draft);
    }
}

/* A container: a preambular paragraph (with its blockList items), or in an
 * annex a table or a block of text. */
static void
read_container(akn_reader_t *r, const xmlNode *c, resdex_kind_t kind)
{
    const char *name = akn_attr(r, c, "name");
    if (name && strcmp(name, "formula") == 0)
        return;
    akn_text_t t;
    akn_text_init(&t, r->doc, &r->n_notes);
    akn_text_children(&t, c);
    const char *text = akn_text_finish(&t);
    emit(r, &t, text, kind, 0, NULL, c);
    akn_text_free(&t);
    read_lists(r, c, kind, 0, NULL);
}

/* The operative part (mainBody) or an annex's body. */
static void
read_body(akn_reader_t *r, const xmlNode *body, resdex_kind_t kind)
{
    int seen_numbered = 0;
    for (const xmlNode *c = body->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (akn_is(c, "paragraph"))
            read_paragraph(r, c, kind, &seen_numbered);
        else if (akn_is(c, "container"))
            read_container(r, c, r->in_annex ? RESDEX_KIND_OTHER : kind);
        else if (akn_is(c, "num") || akn_is(c, "heading") || akn_is(c, "subheading")) {
            const char *h = akn_text_of(r, c);
            if (h) {
                note_article(r, h);
                model_add_paragraph(r->doc, r->res, RESDEX_KIND_OTHER, h);
            }
        } else /* chapters, sections, hcontainers: walk in */
            read_body(r, c, kind);
    }
}

static void
read_preamble(akn_reader_t *r, const xmlNode *pre, resdex_kind_t kind)
{
    for (const xmlNode *c = pre->children; c; c = c->next) {
        if (akn_is(c, "container"))
            read_container(r, c, kind);
        else if (akn_is(c, "paragraph")) {
            int seen = 1;
            read_paragraph(r, c, kind == RESDEX_KIND_OTHER ? kind : RESDEX_KIND_PREAMBULAR, &seen);
        }
    }
}

/* The children of an embedded draft: its formula (skipped), preambular
 * containers, operative paragraphs. */
static void
read_draft_parts(akn_reader_t *r, const xmlNode *parent)
{
    int seen_numbered = 0;
    for (const xmlNode *c = parent->children; c; c = c->next) {
        if (akn_is(c, "container"))
            read_container(r, c, RESDEX_KIND_PREAMBULAR);
        else if (akn_is(c, "paragraph"))
            read_paragraph(r, c, RESDEX_KIND_OPERATIVE, &seen_numbered);
    }
}

static void read_parts(akn_reader_t *r, const xmlNode *st);

static void
read_annexes(akn_reader_t *r, const xmlNode *atts)
{
    int was = r->in_annex;
    r->in_annex = 1;
    r->last_number = 0;
    for (const xmlNode *a = atts->children; a; a = a->next) {
        if (!akn_is(a, "attachment"))
            continue;
        r->article = 0;
        for (const xmlNode *d = a->children; d; d = d->next)
            if (d->type == XML_ELEMENT_NODE)
                read_parts(r, d);
    }
    r->in_annex = was;
}

/* A draft carried as <components><component><statement>. */
static void
read_components(akn_reader_t *r, const xmlNode *comps)
{
    r->res->recommends_to = model_str(r->doc, "GA");
    if (r->res->n_paragraphs)
        model_mark_draft(r->doc, r->res, r->res->n_paragraphs - 1);
    for (const xmlNode *c = comps->children; c; c = c->next) {
        if (!akn_is(c, "component"))
            continue;
        for (const xmlNode *s = c->children; s; s = s->next) {
            if (s->type != XML_ELEMENT_NODE)
                continue;
            int had = r->has_components;
            r->has_components = akn_child(s, "components") != NULL;
            r->last_number = 0;
            read_parts(r, s);
            r->has_components = had;
        }
    }
}

/* The parts of a statement (or of an annex's doc, or of a draft), in order. */
static void
read_parts(akn_reader_t *r, const xmlNode *st)
{
    resdex_kind_t op = r->in_annex ? RESDEX_KIND_OTHER : RESDEX_KIND_OPERATIVE;
    resdex_kind_t pre = r->in_annex ? RESDEX_KIND_OTHER : RESDEX_KIND_PREAMBULAR;
    for (const xmlNode *c = st->children; c; c = c->next) {
        if (akn_is(c, "preamble"))
            read_preamble(r, c, pre);
        else if (akn_is(c, "mainBody") || akn_is(c, "body") || akn_is(c, "mainContent"))
            read_body(r, c, op);
        else if (akn_is(c, "components"))
            read_components(r, c);
        else if (akn_is(c, "attachments"))
            read_annexes(r, c);
    }
}

/* What the parts of a documentCollection share: what its own meta, cover
 * page and preface say (symbol, number, body, date, language, session,
 * agenda item, proponent, title). */
static void
inherit(resdex_resolution_t *res, const resdex_resolution_t *from)
{
    res->symbol = from->symbol;
    res->number = from->number;
    res->body = from->body;
    res->title = from->title;
    res->date = from->date;
    res->session = from->session;
    res->agenda_item = from->agenda_item;
    res->meeting = from->meeting;
    res->recommended_by = from->recommended_by;
    res->lang = from->lang;
    res->adoption = from->adoption;
}

/* The letter of part `ordinal` (0, 1, ...) of a multi-part resolution: as
 * its FRBR URI names the component ("/75-101/!B/") or its preface numbers
 * it ("B", "75/101 B"); else its place (A, B, C ...). */
static char
part_letter(akn_reader_t *r, const xmlNode *st, size_t ordinal)
{
    const char *uri = akn_attr(
        r, akn_child(akn_descendant(akn_child(st, "meta"), "FRBRWork"), "FRBRthis"), "value");
    const char *bang = uri ? strrchr(uri, '!') : NULL;
    if (bang && bang[1] >= 'A' && bang[1] <= 'Z' && (bang[2] == '/' || bang[2] == '\0'))
        return bang[1];
    const char *num = akn_text_of(r, akn_descendant(akn_child(st, "preface"), "docNumber"));
    size_t n = num ? strlen(num) : 0;
    while (n > 0 && (num[n - 1] == '.' || num[n - 1] == ' '))
        n--;
    if (n > 0 && num[n - 1] >= 'A' && num[n - 1] <= 'Z' && (n == 1 || num[n - 2] == ' '))
        return num[n - 1];
    return (char)('A' + (int)(ordinal % 26));
}

/* "A/RES/75/101" and part B: "A/RES/75/101B" as citations of the part
 * read (cite.h), the number "75/101 B" as printed (a symbol or number that
 * already names a part, or the whole "A/RES/75/101 A-B" of a cover page,
 * loses it first). */
static const char *
with_part(akn_reader_t *r, const char *s, char part, const char *sep)
{
    if (!s)
        return NULL;
    size_t n = strlen(s);
    const char *sp = strrchr(s, ' ');
    if (sp && sp[1] >= 'A' && sp[1] <= 'Z' && (sp[2] == '\0' || sp[2] == '-'))
        n = (size_t)(sp - s);
    char buf[160];
    snprintf(buf, sizeof buf, "%.*s%s%c", (int)(n < 150 ? n : 150), s, sep, part);
    return model_str(r->doc, buf);
}

/* Do symbols a and b name the same resolution, parts aside ("A/RES/77/264"
 * and the cover page's "A/RES/77/264 A-C")? */
static int
same_resolution(const char *a, const char *b)
{
    if (!a || !b)
        return 0;
    size_t na = strcspn(a, " "), nb = strcspn(b, " ");
    return na == nb && memcmp(a, b, na) == 0;
}

static resdex_status_t
read_statement(akn_reader_t *r, const xmlNode *st, const resdex_resolution_t *collection, char part,
               char **message)
{
    resdex_resolution_t *res = model_add_resolution(r->doc);
    if (!res)
        return util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "%s: out of memory", r->name);
    if (collection)
        inherit(res, collection);
    r->res = res;
    r->n_notes = 0;
    r->last_number = 0;
    r->pending_number = 0;
    r->in_annex = 0;
    r->article = 0;
    r->has_components = akn_child(st, "components") != NULL;
    res->source = model_str(r->doc, r->name);
    res->doc_type = model_str(r->doc, "resolution");
    res->line_first = akn_line_of(st);
    res->line_last = akn_last_line_of(st);

    akn_read_metadata(r, st);
    /* A component that names a resolution of its own (another symbol) is
     * that resolution, not a part. */
    if (part && res->symbol && !same_resolution(res->symbol, collection->symbol))
        part = 0;
    if (part) {
        res->symbol = with_part(r, res->symbol, part, "");
        res->number = with_part(r, res->number, part, " ");
    }
    read_parts(r, st);

    if (!res->symbol) {
        model_drop_last_resolution(r->doc);
        return util_fail(message, RESDEX_STATUS_NO_RESOLUTION,
                         "%s:%u: AKN document without a resolution symbol (no FRBR URI, no "
                         "docNumber)",
                         r->name, akn_line_of(st));
    }
    if (res->n_paragraphs == 0)
        model_drop_last_resolution(r->doc);
    return RESDEX_STATUS_SUCCESS;
}

/* A documentCollection: a multi-part resolution (A/RES/75/101 A-B), each
 * part a <statement> in a <component> of its <collectionBody>. Each part
 * becomes a resolution of its own, A/RES/75/101A, A/RES/75/101B, with
 * what the collection says about the whole (symbol, date, session, cover
 * page, title) unless the part says otherwise. */
static resdex_status_t
read_collection(akn_reader_t *r, const xmlNode *coll, int *statements, char **message)
{
    resdex_resolution_t whole;
    memset(&whole, 0, sizeof whole);
    r->res = &whole;
    akn_read_metadata(r, coll);
    r->res = NULL;
    const xmlNode *body = akn_child(coll, "collectionBody");
    size_t ordinal = 0;
    resdex_status_t st = RESDEX_STATUS_SUCCESS;
    for (const xmlNode *c = body ? body->children : NULL; c && st == RESDEX_STATUS_SUCCESS;
         c = c->next) {
        if (!akn_is(c, "component"))
            continue;
        for (const xmlNode *d = c->children; d && st == RESDEX_STATUS_SUCCESS; d = d->next) {
            if (akn_is(d, "statement") || akn_is(d, "doc")) {
                (*statements)++;
                st = read_statement(r, d, &whole, part_letter(r, d, ordinal++), message);
            }
        }
    }
    return st;
}

/* ---------------------------------------------------------------------- */
/* Parsing                                                                */

typedef struct xml_error {
    int have, fatal;
    int line;
    char message[512];
} xml_error_t;

/* libxml2 reports through this, for this parse only (the handler is set on
 * the parser context, not process-wide). Keep the first error, preferring
 * a fatal one: that is what made the document unreadable. */
#if LIBXML_VERSION >= 21200
static void
on_xml_error(void *data, const xmlError *err)
#else
static void
on_xml_error(void *data, xmlErrorPtr err)
#endif
{
    xmlParserCtxtPtr ctxt = data;
    xml_error_t *e = ctxt ? ctxt->_private : NULL;
    if (!e || !err || err->level < XML_ERR_ERROR)
        return;
    int fatal = err->level == XML_ERR_FATAL;
    if (e->have && (e->fatal || !fatal))
        return;
    e->have = 1;
    e->fatal = fatal;
    e->line = err->line;
    snprintf(e->message, sizeof e->message, "%s", err->message ? err->message : "error");
    size_t n = strlen(e->message);
    while (n > 0 && (e->message[n - 1] == '\n' || e->message[n - 1] == ' '))
        e->message[--n] = '\0';
}

int
akn_looks_like_xml(const char *data, size_t len)
{
    size_t i = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && strchr(" \t\r\n", data[i]) && data[i])
        i++;
    if (i + 1 >= len || data[i] != '<')
        return 0;
    char c = data[i + 1];
    return c == '?' || c == '!' || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The largest real AKN4UN file has 5 attributes on an element and about
 * 3,000 in all. */
#define AKN_MAX_ELEMENT_ATTRS 256
#define AKN_MAX_ATTRS         200000

/* The index just past the first `end` at or after i (len when there is
 * none), counting the newlines passed. */
static size_t
skip_past(const char *s, size_t len, size_t i, const char *end, unsigned *line)
{
    size_t n = strlen(end);
    for (; i < len; i++) {
        if (i + n <= len && memcmp(s + i, end, n) == 0)
            return i + n;
        if (s[i] == '\n')
            (*line)++;
    }
    return len;
}

/* Count the attributes of every start tag (an '=' outside quotes), without
 * parsing: comments, CDATA sections, processing instructions and
 * declarations are skipped. Malformed XML is left to libxml2. */
static resdex_status_t
check_attributes(const char *name, const char *s, size_t len, char **message)
{
    unsigned line = 1;
    size_t total = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\n')
            line++;
        if (s[i] != '<' || i + 1 >= len)
            continue;
        if (len - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
            i = skip_past(s, len, i + 4, "-->", &line) - 1;
            continue;
        }
        if (len - i >= 9 && memcmp(s + i, "<![CDATA[", 9) == 0) {
            i = skip_past(s, len, i + 9, "]]>", &line) - 1;
            continue;
        }
        if (s[i + 1] == '?') {
            i = skip_past(s, len, i + 2, "?>", &line) - 1;
            continue;
        }
        if (s[i + 1] == '/' || s[i + 1] == '!')
            continue; /* an end tag, a DOCTYPE: no attributes */
        size_t j = i + 1;
        while (j < len && !strchr(" \t\r\n/>", s[j]))
            j++;
        const char *tag = s + i + 1;
        int tag_len = (int)(j - i - 1);
        unsigned tag_line = line;
        size_t attrs = 0;
        char quote = 0;
        for (; j < len && (quote || s[j] != '>'); j++) {
            if (s[j] == '\n')
                line++;
            if (quote) {
                if (s[j] == quote)
                    quote = 0;
            } else if (s[j] == '"' || s[j] == '\'') {
                quote = s[j];
            } else if (s[j] == '=' && ++attrs > AKN_MAX_ELEMENT_ATTRS) {
                return util_fail(message, RESDEX_STATUS_TOO_LARGE,
                                 "%s:%u: element <%.*s> has more than %d attributes (the limit "
                                 "for one element)",
                                 name, tag_line, tag_len > 64 ? 64 : tag_len, tag,
                                 AKN_MAX_ELEMENT_ATTRS);
            }
        }
        total += attrs;
        if (total > AKN_MAX_ATTRS)
            return util_fail(message, RESDEX_STATUS_TOO_LARGE,
                             "%s:%u: more than %d attributes in the document (the limit), at "
                             "element <%.*s>",
                             name, tag_line, AKN_MAX_ATTRS, tag_len > 64 ? 64 : tag_len, tag);
        i = j < len ? j : len - 1;
    }
    return RESDEX_STATUS_SUCCESS;
}

/* XML is read into a tree before anything else: about 16 bytes of memory
 * for each byte of markup. The largest real AKN4UN file is under 500 kB;
 * this cap keeps a hostile one under about 300 MB. */
#define AKN_MAX_BYTES (16u * 1024u * 1024u)

resdex_status_t
akn_parse(resdex_doc_t *doc, const char *name, const char *data, size_t len, char **message)
{
    if (len > AKN_MAX_BYTES)
        return util_fail(message, RESDEX_STATUS_TOO_LARGE,
                         "%s: too large: %zu bytes of XML exceeds the limit of %u MiB for XML",
                         name, len, AKN_MAX_BYTES >> 20);
    resdex_status_t bounded = check_attributes(name, data, len, message);
    if (bounded != RESDEX_STATUS_SUCCESS)
        return bounded;
    xmlInitParser();
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt)
        return util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "%s: out of memory", name);
    xml_error_t err = {0};
    ctxt->_private = &err;
    ctxt->sax->serror = on_xml_error;
    /* No NOENT (entities stay references), no DTDLOAD, no HUGE. */
    int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES;
    xmlDocPtr xdoc = xmlCtxtReadMemory(ctxt, data, (int)len, name, "UTF-8", options);
    resdex_status_t st = RESDEX_STATUS_SUCCESS;
    if (!xdoc || !ctxt->wellFormed) {
        st = util_fail(message, RESDEX_STATUS_BAD_XML, "%s:%d: malformed XML: %s", name,
                       err.have ? err.line : 0, err.have ? err.message : "unreadable document");
        goto DONE;
    }
    const xmlNode *root = xmlDocGetRootElement(xdoc);
    if (!akn_is(root, "akomaNtoso")) {
        st = util_fail(message, RESDEX_STATUS_BAD_XML,
                       "%s:%u: not an AKN4UN document (root element <%s>)", name,
                       root ? akn_line_of(root) : 0, root ? (const char *)root->name : "");
        goto DONE;
    }
    akn_reader_t r = {.doc = doc, .name = name};
    int statements = 0;
    for (const xmlNode *c = root->children; c && st == RESDEX_STATUS_SUCCESS; c = c->next) {
        if (akn_is(c, "statement") || akn_is(c, "doc")) {
            statements++;
            st = read_statement(&r, c, NULL, 0, message);
        } else if (akn_is(c, "documentCollection")) {
            st = read_collection(&r, c, &statements, message);
        }
    }
    if (st == RESDEX_STATUS_SUCCESS && statements == 0)
        st = util_fail(message, RESDEX_STATUS_NO_RESOLUTION,
                       "%s:%u: AKN document without a statement (no <statement>, nor one in a "
                       "<documentCollection>'s components)",
                       name, akn_line_of(root));
DONE:
    xmlFreeDoc(xdoc);
    xmlFreeParserCtxt(ctxt);
    return st;
}
