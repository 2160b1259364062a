/* text-link.c - the footnote linker (pass 2): footnote marks taken out of
 * the paragraph text and linked to the footnote of the same resolution,
 * citations collected from the paragraph and the footnotes it carries,
 * paragraphs and footnotes emitted into the model; see text-reader.h. */
#include "text-reader.h"
#include "cite.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Footnotes by mark: for each mark, the indices of its notes in document
 * order (so by resolution). */
typedef struct note_index {
    size_t *idx;
    size_t n, cap;
} note_index_t;

typedef struct linker {
    ctx_t *c;
    note_index_t *by_mark; /* FN_MAX_MARK + 1 entries */
    size_t res;
    unsigned marks[MAX_MARKS_PER_PAR];
    size_t n_marks;
} linker_t;

/* The note a mark of resolution `res` refers to: the one printed in the
 * same resolution; else the first after it (a footnote block can follow
 * the next heading), else the last before it. SIZE_MAX if none. */
static size_t
resolve(const linker_t *l, unsigned mark, size_t res)
{
    if (mark > FN_MAX_MARK)
        return SIZE_MAX;
    const note_index_t *ix = &l->by_mark[mark];
    if (ix->n == 0)
        return SIZE_MAX;
    const note_t *notes = l->c->notes.items;
    size_t lo = 0, hi = ix->n; /* first note with res >= res */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (notes[ix->idx[mid]].res < res)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < ix->n)
        return ix->idx[lo];
    return ix->idx[ix->n - 1];
}

static int
known_mark(void *ctx, unsigned mark)
{
    linker_t *l = ctx;
    return mark <= FN_MAX_MARK && l->by_mark[mark].n > 0;
}

static void
collect_mark(void *ctx, unsigned mark)
{
    linker_t *l = ctx;
    for (size_t i = 0; i < l->n_marks; i++)
        if (l->marks[i] == mark)
            return;
    if (l->n_marks < MAX_MARKS_PER_PAR)
        l->marks[l->n_marks++] = mark;
}

typedef struct cite_sink {
    resdex_doc_t *doc;
    resdex_paragraph_t *par;
} cite_sink_t;

static void
add_cite(void *ctx, const char *cite)
{
    cite_sink_t *s = ctx;
    if (s->par->n_cites < MAX_CITES_PER_PAR)
        model_add_cite(s->doc, s->par, cite);
}

static int
cmp_note_by_mark(const void *a, const void *b, void *notes)
{
    const note_t *na = &((const note_t *)notes)[*(const size_t *)a];
    const note_t *nb = &((const note_t *)notes)[*(const size_t *)b];
    return na->mark < nb->mark ? -1 : na->mark > nb->mark;
}

/* qsort_r differs between libcs; a plain insertion sort of the few notes
 * of one resolution is enough (they arrive nearly sorted). */
static void
sort_notes(size_t *v, size_t n, const note_t *notes)
{
    for (size_t i = 1; i < n; i++) {
        size_t x = v[i], j = i;
        while (j > 0 && cmp_note_by_mark(&v[j - 1], &x, (void *)notes) > 0) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = x;
    }
}

/* Append ni to the notes shown (*v, n used of *cap). -1 when out of memory. */
static int
push_shown(size_t **v, size_t *n, size_t *cap, size_t ni)
{
    if (*n == *cap) {
        size_t more = *cap ? *cap * 2 : 32;
        size_t *p = realloc(*v, more * sizeof *p);
        if (!p)
            return -1;
        *v = p;
        *cap = more;
    }
    (*v)[(*n)++] = ni;
    return 0;
}

static void
build_paragraphs(ctx_t *c, linker_t *l)
{
    note_t *notes = c->notes.items;
    par_t *pars = c->pars.items;
    tag_t *tags = c->tags.items;
    size_t t = 0, p = 0;
    buf_t text;
    buf_init(&text, TEXT_MAX);
    size_t n_res = resdex_doc_count(c->doc);
    /* The notes each resolution shows: marks used, and those printed in it. */
    size_t *shown = NULL, n_shown = 0, cap_shown = 0;
    for (size_t r = 0; r < n_res && !c->oom; r++) {
        resdex_resolution_t *res = (resdex_resolution_t *)resdex_doc_get(c->doc, r);
        n_shown = 0;
        for (; p < c->pars.n && pars[p].res == r; p++) {
            par_t *pp = &pars[p];
            text.len = 0;
            l->n_marks = 0;
            l->res = r;
            if (fn_clean(c->ptext.data + pp->off, pp->len, known_mark, l, collect_mark, l, &text) !=
                0) {
                c->oom = 1;
                break;
            }
            resdex_paragraph_t *mp =
                model_add_paragraph(c->doc, res, pp->kind, text.data ? text.data : "");
            if (!mp) {
                c->oom = 1;
                break;
            }
            mp->number = pp->number;
            mp->item = pp->item[0] ? str(c, pp->item) : NULL;
            mp->verb = pp->verb;
            mp->line_first = pp->line_first;
            mp->line_last = pp->line_last;
            cite_sink_t sink = {c->doc, mp};
            cite_extract_in(mp->text, pp->speaker, add_cite, &sink);
            for (size_t m = 0; m < l->n_marks; m++) {
                char mark[16];
                snprintf(mark, sizeof mark, "%u", l->marks[m]);
                model_add_mark(c->doc, mp, mark);
                size_t ni = resolve(l, l->marks[m], r);
                if (ni == SIZE_MAX)
                    continue;
                cite_extract_in(c->fclean.data + notes[ni].coff, pp->speaker, add_cite, &sink);
                if (push_shown(&shown, &n_shown, &cap_shown, ni) != 0) {
                    c->oom = 1;
                    break;
                }
            }
            for (; t < c->tags.n && tags[t].par < p; t++)
                ;
            for (; t < c->tags.n && tags[t].par == p; t++)
                if (mp->n_tags < MAX_TAGS_PER_PAR) {
                    char *tag = strndup(c->ttext.data + tags[t].off, tags[t].len);
                    if (!tag)
                        c->oom = 1;
                    model_add_tag(c->doc, mp, tag);
                    free(tag);
                }
        }
        /* Notes printed inside this resolution that no mark used. */
        for (size_t ni = 0; ni < c->notes.n && !c->oom; ni++) {
            if (notes[ni].res != r)
                continue;
            if (push_shown(&shown, &n_shown, &cap_shown, ni) != 0) {
                c->oom = 1;
                break;
            }
        }
        sort_notes(shown, n_shown, notes);
        for (size_t k = 0; k < n_shown; k++) {
            if (k > 0 && notes[shown[k]].mark == notes[shown[k - 1]].mark)
                continue;
            char mark[16];
            snprintf(mark, sizeof mark, "%u", notes[shown[k]].mark);
            model_add_footnote(c->doc, res, mark, c->fclean.data + notes[shown[k]].coff);
        }
    }
    free(shown);
    buf_free(&text);
}

void
tx_link_and_emit(ctx_t *c)
{
    note_t *notes = c->notes.items;
    /* Clean every footnote once: markdown links, emphasis, white space. */
    for (size_t i = 0; i < c->notes.n; i++) {
        notes[i].coff = c->fclean.len;
        if (fn_clean(c->ftext.data + notes[i].off, notes[i].len, NULL, NULL, NULL, NULL,
                     &c->fclean) != 0 ||
            buf_putc(&c->fclean, '\0') != 0) {
            c->oom = 1;
            return;
        }
        notes[i].clen = c->fclean.len - notes[i].coff - 1;
    }
    note_index_t *by_mark = calloc(FN_MAX_MARK + 1, sizeof *by_mark);
    if (!by_mark) {
        c->oom = 1;
        return;
    }
    for (size_t i = 0; i < c->notes.n; i++) {
        note_index_t *ix = &by_mark[notes[i].mark];
        if (ix->n == ix->cap) {
            size_t cap = ix->cap ? ix->cap * 2 : 4;
            size_t *v = realloc(ix->idx, cap * sizeof *v);
            if (!v) {
                c->oom = 1;
                break;
            }
            ix->idx = v;
            ix->cap = cap;
        }
        ix->idx[ix->n++] = i;
    }
    linker_t l = {c, by_mark, 0, {0}, 0};
    if (!c->oom)
        build_paragraphs(c, &l);
    for (size_t m = 0; m <= FN_MAX_MARK; m++)
        free(by_mark[m].idx);
    free(by_mark);
}
