/* docx.c - Word (DOCX) files: the text of word/document.xml in the form the
 * text parser reads, then the text parser.
 *
 * A paragraph (w:p) becomes a block of text followed by a blank line, with
 * its automatic number ("1. ", "(a) ") written in front as Word shows it:
 * w:numPr names a list (w:numId) and a level (w:ilvl); word/numbering.xml
 * gives the level's format (decimal, lowerLetter, lowerRoman...), its text
 * ("%1.", "(%2)") and its start; a paragraph without w:numPr takes that of
 * its style (word/styles.xml, through w:basedOn). A w:footnoteReference becomes "[^N]" where N
 * is the footnote's number as Word prints it (the order of first reference);
 * the footnotes themselves (word/footnotes.xml) follow the body as
 * "[^N]: text". Tracked changes are read as accepted: w:ins and w:moveTo are
 * kept, w:del, w:moveFrom and their text dropped, a deleted paragraph mark
 * joins the paragraph with the next; the resolutions are then marked
 * tracked_changes. Tables are read cell by cell. */
#include "model.h"
#include "readers.h"
#include "util.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DOCX_LEVELS    9
#define DOCX_MAX_NUM   4096 /* list instances (w:num), and list definitions, remembered */
#define DOCX_MAX_NOTES 2000 /* footnotes numbered (MODEL_MAX_FOOTNOTES) */
#define DOCX_NOTE_HASH 4096 /* slots of the footnote id table: > 2 x DOCX_MAX_NOTES */

typedef struct level {
    char fmt[16];  /* numFmt: "decimal", "lowerLetter", ... */
    char text[32]; /* lvlText: "%1.", "(%2)" */
    int start;
} level_t;

typedef struct list {
    int num_id;
    level_t lvl[DOCX_LEVELS];
    int count[DOCX_LEVELS];
    int started[DOCX_LEVELS];
} list_t;

typedef struct docx {
    const char *name;
    buf_t out;
    list_t *lists;
    size_t n_lists;
    xmlDoc *styles;         /* word/styles.xml, or NULL */
    struct style *style_ix; /* its paragraph styles by id, sorted */
    size_t n_styles;
    long note_ids[DOCX_MAX_NOTES]; /* footnote ids, in order of first reference: number = index + 1
                                    */
    size_t n_notes;
    int note_slot[DOCX_NOTE_HASH]; /* open addressing: index + 1 into note_ids, 0 empty */
    int tracked;
    int failed;
} docx_t;

static int
is(const xmlNode *n, const char *local)
{
    return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, local) == 0;
}

/* The w:val (or other) attribute, whatever its prefix. */
static const char *
attr(const xmlNode *n, const char *local)
{
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (strcmp((const char *)a->name, local) == 0 && a->children &&
            a->children->type == XML_TEXT_NODE)
            return (const char *)a->children->content;
    return NULL;
}

static const xmlNode *
child(const xmlNode *n, const char *local)
{
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (is(c, local))
            return c;
    return NULL;
}

static int
int_attr(const xmlNode *n, const char *local, int dflt)
{
    const char *v = n ? attr(n, local) : NULL;
    if (!v)
        return dflt;
    char *end;
    long x = strtol(v, &end, 10);
    return end == v || x < -1000000 || x > 1000000 ? dflt : (int)x;
}

static void
copy_attr(char *dst, size_t size, const xmlNode *n, const char *dflt)
{
    const char *v = n ? attr(n, "val") : NULL;
    snprintf(dst, size, "%s", v ? v : dflt);
}

static void
read_levels(const xmlNode *abs, level_t *lvl)
{
    for (const xmlNode *l = abs->children; l; l = l->next) {
        if (!is(l, "lvl"))
            continue;
        int i = int_attr(l, "ilvl", -1);
        if (i < 0 || i >= DOCX_LEVELS)
            continue;
        copy_attr(lvl[i].fmt, sizeof lvl[i].fmt, child(l, "numFmt"), "decimal");
        copy_attr(lvl[i].text, sizeof lvl[i].text, child(l, "lvlText"), "");
        lvl[i].start = int_attr(child(l, "start"), "val", 1);
    }
}

typedef struct abstract {
    int id;
    const xmlNode *node;
} abstract_t;

static int
compare_abstract(const void *a, const void *b)
{
    int x = ((const abstract_t *)a)->id, y = ((const abstract_t *)b)->id;
    return (x > y) - (x < y);
}

static int
compare_list(const void *a, const void *b)
{
    int x = ((const list_t *)a)->num_id, y = ((const list_t *)b)->num_id;
    return (x > y) - (x < y);
}

/* word/numbering.xml: each w:num with the levels of its w:abstractNum
 * (both looked up by binary search: linear in the part's size). */
static int
read_numbering(docx_t *d, xmlDoc *xml)
{
    const xmlNode *root = xmlDocGetRootElement(xml);
    size_t n = 0, n_abs = 0;
    for (const xmlNode *c = root ? root->children : NULL; c; c = c->next) {
        n += is(c, "num");
        n_abs += is(c, "abstractNum");
    }
    if (n > DOCX_MAX_NUM)
        n = DOCX_MAX_NUM;
    if (n_abs > DOCX_MAX_NUM)
        n_abs = DOCX_MAX_NUM;
    d->lists = calloc(n ? n : 1, sizeof *d->lists);
    abstract_t *abs = calloc(n_abs ? n_abs : 1, sizeof *abs);
    if (!d->lists || !abs) {
        free(abs);
        return -1;
    }
    size_t k = 0;
    for (const xmlNode *a = root ? root->children : NULL; a && k < n_abs; a = a->next)
        if (is(a, "abstractNum")) {
            abs[k].id = int_attr(a, "abstractNumId", -1);
            abs[k++].node = a;
        }
    qsort(abs, k, sizeof *abs, compare_abstract);
    for (const xmlNode *c = root->children; c && d->n_lists < n; c = c->next) {
        if (!is(c, "num"))
            continue;
        list_t *l = &d->lists[d->n_lists++];
        l->num_id = int_attr(c, "numId", -1);
        for (int i = 0; i < DOCX_LEVELS; i++) {
            snprintf(l->lvl[i].fmt, sizeof l->lvl[i].fmt, "decimal");
            l->lvl[i].start = 1;
        }
        abstract_t key = {int_attr(child(c, "abstractNumId"), "val", -1), NULL};
        const abstract_t *a = bsearch(&key, abs, k, sizeof *abs, compare_abstract);
        if (a)
            read_levels(a->node, l->lvl);
        for (const xmlNode *o = c->children; o; o = o->next) {
            int i = is(o, "lvlOverride") ? int_attr(o, "ilvl", -1) : -1;
            if (i < 0 || i >= DOCX_LEVELS)
                continue;
            const xmlNode *so = child(o, "startOverride");
            if (so)
                l->lvl[i].start = int_attr(so, "val", l->lvl[i].start);
            const xmlNode *ol = child(o, "lvl");
            if (ol) {
                level_t tmp[DOCX_LEVELS];
                memcpy(tmp, l->lvl, sizeof tmp);
                read_levels(o, tmp);
                l->lvl[i] = tmp[i];
            }
        }
    }
    free(abs);
    qsort(d->lists, d->n_lists, sizeof *d->lists, compare_list);
    return 0;
}

static void
roman(int n, int upper, char *out, size_t size)
{
    static const struct {
        int v;
        const char *s;
    } t[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
             {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
    size_t k = 0;
    out[0] = '\0';
    for (size_t i = 0; i < sizeof t / sizeof t[0] && n > 0 && n < 4000; i++)
        while (n >= t[i].v && k + 3 < size) {
            for (const char *s = t[i].s; *s; s++)
                out[k++] = upper ? (char)(*s - 'a' + 'A') : *s;
            n -= t[i].v;
        }
    out[k] = '\0';
}

/* One level's counter as its w:numFmt writes it. */
static void
format_counter(const level_t *lvl, int n, char *out, size_t size)
{
    const char *f = lvl->fmt;
    if (strcmp(f, "lowerLetter") == 0 || strcmp(f, "upperLetter") == 0) {
        /* a..z, then aa, bb... as Word does */
        int base = f[0] == 'l' ? 'a' : 'A';
        int reps = n > 0 ? (n - 1) / 26 + 1 : 1;
        char c = (char)(base + (n > 0 ? (n - 1) % 26 : 0));
        size_t k = 0;
        for (; k < (size_t)reps && k + 1 < size; k++)
            out[k] = c;
        out[k] = '\0';
    } else if (strcmp(f, "lowerRoman") == 0 || strcmp(f, "upperRoman") == 0) {
        roman(n, f[0] == 'u', out, size);
    } else if (strcmp(f, "bullet") == 0 || strcmp(f, "none") == 0) {
        out[0] = '\0';
    } else {
        snprintf(out, size, "%d", n);
    }
}

/* The number in front of a paragraph with this w:numPr ("" if none). */
static void
number_paragraph(docx_t *d, const xmlNode *numpr, char *out, size_t size)
{
    out[0] = '\0';
    int num_id = int_attr(child(numpr, "numId"), "val", -1);
    int ilvl = int_attr(child(numpr, "ilvl"), "val", 0);
    if (num_id <= 0 || ilvl < 0 || ilvl >= DOCX_LEVELS)
        return;
    list_t key = {.num_id = num_id};
    list_t *l = d->n_lists ? bsearch(&key, d->lists, d->n_lists, sizeof *l, compare_list) : NULL;
    if (!l)
        return;
    if (!l->started[ilvl]) {
        l->count[ilvl] = l->lvl[ilvl].start;
        l->started[ilvl] = 1;
    } else {
        l->count[ilvl]++;
    }
    for (int k = ilvl + 1; k < DOCX_LEVELS; k++)
        l->started[k] = 0;
    if (strcmp(l->lvl[ilvl].fmt, "bullet") == 0 || strcmp(l->lvl[ilvl].fmt, "none") == 0)
        return;
    /* Expand "%1.%2." with each level's counter. */
    size_t k = 0;
    for (const char *p = l->lvl[ilvl].text; *p && k + 1 < size; p++) {
        if (p[0] == '%' && p[1] >= '1' && p[1] <= '9') {
            int lv = p[1] - '1';
            char num[32];
            format_counter(&l->lvl[lv], l->started[lv] ? l->count[lv] : l->lvl[lv].start, num,
                           sizeof num);
            for (const char *q = num; *q && k + 1 < size; q++)
                out[k++] = *q;
            p++;
        } else {
            out[k++] = *p;
        }
    }
    out[k] = '\0';
}

/* The slot of footnote `id` in the id table (empty or holding it). */
static size_t
note_slot(const docx_t *d, long id)
{
    size_t h = ((size_t)id * 2654435761u) % DOCX_NOTE_HASH;
    while (d->note_slot[h] && d->note_ids[d->note_slot[h] - 1] != id)
        h = (h + 1) % DOCX_NOTE_HASH;
    return h;
}

static const char *
attr_of(const xmlNode *n, const char *local)
{
    return n ? attr(n, local) : NULL;
}

typedef struct style {
    const char *id;
    const xmlNode *node;
} style_t;

static int
compare_style(const void *a, const void *b)
{
    return strcmp(((const style_t *)a)->id, ((const style_t *)b)->id);
}

/* Index the styles of word/styles.xml by id (at most DOCX_MAX_NUM). */
static int
index_styles(docx_t *d)
{
    const xmlNode *root = d->styles ? xmlDocGetRootElement(d->styles) : NULL;
    size_t n = 0;
    for (const xmlNode *c = root ? root->children : NULL; c; c = c->next)
        n += is(c, "style") && attr(c, "styleId");
    if (n > DOCX_MAX_NUM)
        n = DOCX_MAX_NUM;
    d->style_ix = calloc(n ? n : 1, sizeof *d->style_ix);
    if (!d->style_ix)
        return -1;
    for (const xmlNode *c = root ? root->children : NULL; c && d->n_styles < n; c = c->next)
        if (is(c, "style") && attr(c, "styleId")) {
            d->style_ix[d->n_styles].id = attr(c, "styleId");
            d->style_ix[d->n_styles++].node = c;
        }
    qsort(d->style_ix, d->n_styles, sizeof *d->style_ix, compare_style);
    return 0;
}

/* The w:numPr of paragraph style `id`, following w:basedOn (a few steps:
 * a loop of styles ends there), or NULL. */
static const xmlNode *
style_numpr(const docx_t *d, const char *id)
{
    for (int depth = 0; id && d->n_styles && depth < 8; depth++) {
        style_t key = {id, NULL};
        const style_t *s = bsearch(&key, d->style_ix, d->n_styles, sizeof key, compare_style);
        if (!s)
            return NULL;
        const xmlNode *numpr = child(child(s->node, "pPr"), "numPr");
        if (numpr)
            return numpr;
        id = attr_of(child(s->node, "basedOn"), "val");
    }
    return NULL;
}

/* The printed number of footnote `id`, given in order of first reference
 * (0 past DOCX_MAX_NOTES: the mark is left out). */
static size_t
note_number(docx_t *d, long id)
{
    size_t h = note_slot(d, id);
    if (d->note_slot[h])
        return (size_t)d->note_slot[h];
    if (d->n_notes == DOCX_MAX_NOTES)
        return 0;
    d->note_ids[d->n_notes++] = id;
    d->note_slot[h] = (int)d->n_notes;
    return d->n_notes;
}

static void
put(docx_t *d, const char *s, size_t n)
{
    if (buf_append(&d->out, s, n) != 0)
        d->failed = 1;
}

/* Text runs under n, in order, with insertions kept and deletions dropped. */
static void
run_text(docx_t *d, const xmlNode *n, int in_note)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is(c, "t")) {
            for (const xmlNode *t = c->children; t; t = t->next)
                if (t->type == XML_TEXT_NODE && t->content)
                    put(d, (const char *)t->content, strlen((const char *)t->content));
        } else if (is(c, "tab") || is(c, "br") || is(c, "cr")) {
            put(d, " ", 1);
        } else if (is(c, "noBreakHyphen")) {
            put(d, "-", 1);
        } else if (is(c, "del") || is(c, "moveFrom")) {
            d->tracked = 1;
        } else if (is(c, "ins") || is(c, "moveTo")) {
            d->tracked = 1;
            run_text(d, c, in_note);
        } else if (is(c, "footnoteReference") && !in_note) {
            const char *id = attr(c, "id");
            size_t k = id ? note_number(d, strtol(id, NULL, 10)) : 0;
            if (k) {
                char mark[32];
                int m = snprintf(mark, sizeof mark, "[^%zu]", k);
                put(d, mark, (size_t)m);
            }
        } else if (is(c, "pPr") || is(c, "rPr") || is(c, "delText") || is(c, "instrText") ||
                   is(c, "footnoteRef") || is(c, "fldData") || is(c, "drawing") || is(c, "pict") ||
                   is(c, "object")) {
            /* formatting, field codes and pictures: no text */
            if (is(c, "pPr") || is(c, "rPr")) {
                const xmlNode *rpr = is(c, "pPr") ? child(c, "rPr") : c;
                if (child(rpr, "ins") || child(rpr, "del"))
                    d->tracked = 1;
            }
        } else if (is(c, "AlternateContent")) {
            const xmlNode *alt = child(c, "Choice");
            if (alt)
                run_text(d, alt, in_note);
        } else {
            run_text(d, c, in_note); /* w:r, w:hyperlink, w:smartTag, w:sdt... */
        }
    }
}

/* Is the paragraph mark itself deleted (the paragraph joins the next)? */
static int
mark_deleted(const xmlNode *p)
{
    const xmlNode *rpr = child(child(p, "pPr"), "rPr");
    return rpr && child(rpr, "del");
}

static void
end_paragraph(docx_t *d, size_t start)
{
    /* Nothing but white space: take it back. */
    size_t k = start;
    while (k < d->out.len && strchr(" \t", d->out.data[k]))
        k++;
    if (k == d->out.len) {
        d->out.len = start;
        if (d->out.data)
            d->out.data[start] = '\0';
        return;
    }
    put(d, "\n\n", 2);
}

static void
body_blocks(docx_t *d, const xmlNode *n, size_t *open, int *joining)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (is(c, "p")) {
            if (!*joining) {
                *open = d->out.len;
                const xmlNode *ppr = child(c, "pPr");
                const xmlNode *numpr = child(ppr, "numPr");
                if (!numpr)
                    numpr = style_numpr(d, attr_of(child(ppr, "pStyle"), "val"));
                char num[96];
                number_paragraph(d, numpr, num, sizeof num);
                if (num[0]) {
                    put(d, num, strlen(num));
                    put(d, " ", 1);
                }
            }
            run_text(d, c, 0);
            *joining = mark_deleted(c);
            if (*joining)
                d->tracked = 1;
            else
                end_paragraph(d, *open);
        } else if (is(c, "del") || is(c, "moveFrom")) {
            d->tracked = 1;
        } else if (is(c, "tbl") || is(c, "tr") || is(c, "tc") || is(c, "sdt") ||
                   is(c, "sdtContent") || is(c, "customXml") || is(c, "ins") || is(c, "moveTo") ||
                   is(c, "body")) {
            body_blocks(d, c, open, joining);
        }
    }
}

/* The footnotes referenced, in the order of their numbers: one pass over
 * word/footnotes.xml finds each by its id. */
static void
footnotes(docx_t *d, xmlDoc *xml)
{
    const xmlNode *root = xmlDocGetRootElement(xml);
    const xmlNode **node = calloc(d->n_notes + 1, sizeof *node);
    if (!node) {
        d->failed = 1;
        return;
    }
    for (const xmlNode *f = root ? root->children : NULL; f; f = f->next) {
        const char *id = is(f, "footnote") ? attr(f, "id") : NULL;
        size_t h = id ? note_slot(d, strtol(id, NULL, 10)) : 0;
        if (id && d->note_slot[h] && !node[d->note_slot[h] - 1])
            node[d->note_slot[h] - 1] = f;
    }
    for (size_t i = 0; i < d->n_notes && !d->failed; i++) {
        const xmlNode *f = node[i];
        if (f) {
            char mark[32];
            int m = snprintf(mark, sizeof mark, "[^%zu]: ", i + 1);
            put(d, mark, (size_t)m);
            for (const xmlNode *p = f->children; p; p = p->next)
                if (is(p, "p")) {
                    run_text(d, p, 1);
                    put(d, " ", 1);
                }
            put(d, "\n\n", 2);
        }
    }
    free(node);
}

/* Parse one XML part of the package (NULL when absent: *st SUCCESS). */
static xmlDoc *
read_part(zipr_t *z, const char *name, const char *part, int required, resdex_status_t *st,
          char **message)
{
    *st = RESDEX_STATUS_SUCCESS;
    long i = zipr_find(z, part);
    if (i < 0) {
        if (required)
            *st = util_fail(message, RESDEX_STATUS_BAD_DOCUMENT, "%s: Word file without %s", name,
                            part);
        return NULL;
    }
    char *data = NULL;
    size_t len = 0;
    *st = zipr_read(z, (size_t)i, &data, &len, message);
    if (*st != RESDEX_STATUS_SUCCESS)
        return NULL;
    xmlDoc *xml = xmlReadMemory(data, (int)len, part, NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    free(data);
    if (!xml) {
        const xmlError *e = xmlGetLastError();
        *st = util_fail(message, RESDEX_STATUS_BAD_XML, "%s!%s:%d: malformed XML: %s", name, part,
                        e ? e->line : 0, e && e->message ? e->message : "parse error");
    }
    return xml;
}

int
docx_is_word(zipr_t *z)
{
    return zipr_find(z, "word/document.xml") >= 0;
}

resdex_status_t
docx_parse(resdex_doc_t *doc, const char *name, zipr_t *z, char **message)
{
    docx_t d;
    memset(&d, 0, sizeof d);
    d.name = name;
    buf_init(&d.out, RESDEX_MAX_INPUT_BYTES);
    resdex_status_t st;
    xmlDoc *body = read_part(z, name, "word/document.xml", 1, &st, message);
    xmlDoc *numbering = NULL, *notes = NULL;
    if (st == RESDEX_STATUS_SUCCESS)
        numbering = read_part(z, name, "word/numbering.xml", 0, &st, message);
    if (st == RESDEX_STATUS_SUCCESS)
        notes = read_part(z, name, "word/footnotes.xml", 0, &st, message);
    if (st == RESDEX_STATUS_SUCCESS)
        d.styles = read_part(z, name, "word/styles.xml", 0, &st, message);
    if (st == RESDEX_STATUS_SUCCESS && numbering && read_numbering(&d, numbering) != 0)
        d.failed = 1;
    if (st == RESDEX_STATUS_SUCCESS && index_styles(&d) != 0)
        d.failed = 1;
    if (st == RESDEX_STATUS_SUCCESS) {
        size_t open = 0;
        int joining = 0;
        body_blocks(&d, xmlDocGetRootElement(body), &open, &joining);
        if (joining)
            end_paragraph(&d, open);
        if (notes)
            footnotes(&d, notes);
        if (d.out.too_large)
            st = util_fail(message, RESDEX_STATUS_TOO_LARGE,
                           "%s: text of the Word file exceeds the limit of %u MiB", name,
                           RESDEX_MAX_INPUT_BYTES >> 20);
        else if (d.failed)
            st = util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "%s: out of memory", name);
    }
    xmlFreeDoc(body);
    xmlFreeDoc(numbering);
    xmlFreeDoc(notes);
    xmlFreeDoc(d.styles);
    free(d.style_ix);
    free(d.lists);
    if (st == RESDEX_STATUS_SUCCESS) {
        size_t before = resdex_doc_count(doc);
        st = reader_parse_text(doc, name, d.out.data ? d.out.data : "", d.out.len, message);
        if (st == RESDEX_STATUS_SUCCESS && d.tracked)
            model_mark_tracked_changes(doc, before);
    }
    buf_free(&d.out);
    return st;
}
