/* embedded.c - a draft carried inside a resolution becomes a resolution of
 * its own.
 *
 * An ECOSOC resolution that recommends a draft to the General Assembly
 * prints it inside its operative paragraph 1: "Recommends to the General
 * Assembly the adoption of the following draft resolution:", then the
 * draft's own preamble, operative paragraphs and annexes, numbered from 1.
 * The readers (akn.c, text-paras.c) mark where the draft starts
 * (model_mark_draft); once a file is read, embedded_split_drafts() cuts
 * every marked resolution in two:
 *
 *  - the ECOSOC resolution keeps its preamble and the "Recommends ..."
 *    paragraph, which is its operative paragraph 1 (verb "Recommends"; a
 *    reader files it as "other" while it reads on), and the footnotes its
 *    paragraphs carry (and those no paragraph carries);
 *  - the draft follows it in the document, symbol SYMBOL/DR
 *    ("E/RES/2024/11/DR"), body the one it is recommended to (GA),
 *    doc_type "draft resolution", recommended_by the resolution's body,
 *    no number and no date (a draft has neither), the resolution's title
 *    (the draft is printed under it), session, agenda item, language and
 *    source; its paragraphs and the footnotes they carry. resdex(1) calls it
 *    "draft resolution recommended by ECOSOC in resolution 2024/11".
 *
 * The draft's paragraphs are then cited as the draft's ("E/RES/2024/11/DR#2"),
 * never as ECOSOC's own operative paragraph 2, and its provenance can be
 * traced to the GA resolution adopted from it (provenance.cc). */
#include "readers.h"
#include "model.h"

#include <stdlib.h>
#include <string.h>

typedef struct note_ref {
    const char *mark;
    size_t index;
} note_ref_t;

static int
by_mark(const void *a, const void *b)
{
    return strcmp(((const note_ref_t *)a)->mark, ((const note_ref_t *)b)->mark);
}

/* Set bit `bit` of flags[k] for each footnote k that a paragraph of res
 * carries. The marks are looked up in the footnotes sorted by mark, so a
 * hostile file at the model's limits costs n log n, not n * m. */
static void
flag_carried(const resdex_resolution_t *res, const note_ref_t *sorted, size_t n,
             unsigned char *flags, unsigned char bit)
{
    for (size_t i = 0; i < res->n_paragraphs; i++)
        for (size_t k = 0; k < res->paragraphs[i].n_marks; k++) {
            note_ref_t key = {res->paragraphs[i].marks[k], 0};
            const note_ref_t *f = bsearch(&key, sorted, n, sizeof *sorted, by_mark);
            if (f)
                flags[f->index] |= bit;
        }
}

/* Footnotes carried by the draft go with it; the resolution keeps the
 * others (those its own paragraphs carry, and those none carries). */
static void
share_footnotes(resdex_doc_t *doc, resdex_resolution_t *res, resdex_resolution_t *draft)
{
    size_t n = res->n_footnotes;
    if (!n)
        return;
    note_ref_t *sorted = malloc(n * sizeof *sorted);
    unsigned char *flags = calloc(n, 1);
    if (!sorted || !flags) {
        free(sorted);
        free(flags);
        model_set_failed(doc);
        return;
    }
    for (size_t i = 0; i < n; i++)
        sorted[i] = (note_ref_t){res->footnotes[i].mark, i};
    qsort(sorted, n, sizeof *sorted, by_mark);
    flag_carried(res, sorted, n, flags, 1);
    flag_carried(draft, sorted, n, flags, 2);
    resdex_footnote_t *notes = (resdex_footnote_t *)res->footnotes;
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        resdex_footnote_t f = notes[i];
        if (flags[i] & 2)
            model_add_footnote(doc, draft, f.mark, f.text);
        if (!(flags[i] & 2) || (flags[i] & 1))
            notes[kept++] = f;
    }
    res->n_footnotes = kept; /* shrinking keeps model.c's capacity rule */
    free(sorted);
    free(flags);
}

static const char *
draft_symbol(resdex_doc_t *doc, const char *symbol)
{
    size_t n = strlen(symbol);
    char *s = arena_alloc(model_arena(doc), n + 4);
    if (!s)
        return NULL;
    memcpy(s, symbol, n);
    memcpy(s + n, "/DR", 4);
    return s;
}

static void
split(resdex_doc_t *doc, size_t ri, size_t at)
{
    resdex_resolution_t *res = (resdex_resolution_t *)resdex_doc_get(doc, ri);
    if (at >= res->n_paragraphs)
        return;
    resdex_paragraph_t *rec = model_paragraph(res, at);
    rec->kind = RESDEX_KIND_OPERATIVE;
    if (rec->number == 0)
        rec->number = 1;
    if (!rec->verb)
        rec->verb = model_str(doc, "Recommends");
    if (at + 1 >= res->n_paragraphs)
        return; /* the draft was not printed (a summary): nothing to split */

    resdex_resolution_t *d = model_insert_resolution(doc, ri + 1);
    if (!d)
        return;
    d->symbol = draft_symbol(doc, res->symbol);
    d->body = res->recommends_to ? res->recommends_to : model_str(doc, "GA");
    d->doc_type = model_str(doc, "draft resolution");
    d->title = res->title;
    d->session = res->session;
    d->agenda_item = res->agenda_item;
    d->recommended_by = res->body;
    d->lang = res->lang;
    d->source = res->source;
    d->tracked_changes = res->tracked_changes;
    model_move_paragraphs(doc, res, at + 1, d);
    if (d->n_paragraphs) {
        d->line_first = d->paragraphs[0].line_first;
        d->line_last = res->line_last;
        res->line_last = res->paragraphs[at].line_last;
    }
    share_footnotes(doc, res, d);
}

void
embedded_split_drafts(resdex_doc_t *doc)
{
    /* From the last so that an inserted draft moves nothing still to see. */
    for (size_t ri = resdex_doc_count(doc); ri-- > 0;) {
        size_t at;
        if (model_take_draft_mark(doc, resdex_doc_get(doc, ri), &at))
            split(doc, ri, at);
    }
}
