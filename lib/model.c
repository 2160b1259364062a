/* model.c - the document model: a parsed file's resolutions, paragraphs and
 * footnotes, and the builder the readers use (model.h). */
#include "model.h"
#include "cite.h"

#include <stdlib.h>
#include <string.h>
#include <stdio.h>

/* Every array in the model grows by doubling; its capacity is not stored but
 * derived from its length: it is full when the length is 0 or a power of 2. */
static int
needs_growth(size_t n)
{
    return n == 0 || (n & (n - 1)) == 0;
}

/* The arrays are malloc()ed (they are reallocated as they grow) and freed by
 * walking the structure; the strings live in the arena. */
struct resdex_doc {
    arena_t arena;
    resdex_resolution_t **res;
    size_t n_res;
    int failed;
    const char *over_limit; /* the limit a hostile input hit (model.h), or NULL */
    /* Resolutions that carry a draft for another body, and the paragraph
     * after which it starts (model_mark_draft). */
    struct draft_mark {
        const resdex_resolution_t *res;
        size_t at;
    } * drafts;
    size_t n_drafts;
    int headless_ok; /* a draft: text without a heading is one draft resolution */
};

/* Hit a limit: sticky, and every later addition is refused at once, so that
 * the rest of a hostile file costs nothing. */
static int
over(resdex_doc_t *doc, const char *what)
{
    if (!doc->over_limit)
        doc->over_limit = what;
    return 0;
}

static void *
grow(resdex_doc_t *doc, void *array, size_t n, size_t elem)
{
    if (!needs_growth(n))
        return array;
    size_t cap = n ? n * 2 : 4;
    if (cap > SIZE_MAX / elem) {
        doc->failed = 1;
        return NULL;
    }
    void *p = realloc(array, cap * elem);
    if (!p)
        doc->failed = 1;
    return p;
}

static void
free_paragraph_lists(const resdex_paragraph_t *p)
{
    free((void *)p->marks);
    free((void *)p->tags);
    free((void *)p->cites);
}

static void
free_resolution_arrays(const resdex_resolution_t *r)
{
    for (size_t j = 0; j < r->n_paragraphs; j++)
        free_paragraph_lists(&r->paragraphs[j]);
    free((void *)r->paragraphs);
    free((void *)r->footnotes);
}

resdex_doc_t *
model_doc_new(void)
{
    resdex_doc_t *doc = calloc(1, sizeof *doc);
    if (doc)
        arena_init(&doc->arena);
    return doc;
}

void
resdex_doc_destroy(resdex_doc_t *doc)
{
    if (!doc)
        return;
    for (size_t i = 0; i < doc->n_res; i++)
        free_resolution_arrays(doc->res[i]);
    free(doc->res);
    free(doc->drafts);
    arena_free(&doc->arena);
    free(doc);
}

arena_t *
model_arena(resdex_doc_t *doc)
{
    return &doc->arena;
}

int
model_failed(const resdex_doc_t *doc)
{
    return doc->failed || doc->arena.failed || doc->over_limit;
}

void
model_set_failed(resdex_doc_t *doc)
{
    doc->failed = 1;
}

const char *
model_over_limit(const resdex_doc_t *doc)
{
    return doc->over_limit;
}

const char *
model_str(resdex_doc_t *doc, const char *s)
{
    return arena_strdup(&doc->arena, s);
}

const char *
model_strn(resdex_doc_t *doc, const char *s, size_t n)
{
    return arena_strndup(&doc->arena, s, n);
}

size_t
resdex_doc_count(const resdex_doc_t *doc)
{
    return doc ? doc->n_res : 0;
}

const resdex_resolution_t *
resdex_doc_get(const resdex_doc_t *doc, size_t i)
{
    return doc && i < doc->n_res ? doc->res[i] : NULL;
}

resdex_resolution_t *
model_add_resolution(resdex_doc_t *doc)
{
    if (doc->over_limit)
        return NULL;
    if (doc->n_res >= MODEL_MAX_RESOLUTIONS) {
        over(doc, "more than " MODEL_STR(MODEL_MAX_RESOLUTIONS) " resolutions in one file");
        return NULL;
    }
    if (needs_growth(doc->n_res)) {
        size_t cap = doc->n_res ? doc->n_res * 2 : 4;
        resdex_resolution_t **p = realloc(doc->res, cap * sizeof *p);
        if (!p) {
            doc->failed = 1;
            return NULL;
        }
        doc->res = p;
    }
    resdex_resolution_t *r = arena_alloc(&doc->arena, sizeof *r);
    if (!r)
        return NULL;
    memset(r, 0, sizeof *r);
    doc->res[doc->n_res++] = r;
    return r;
}

resdex_resolution_t *
model_insert_resolution(resdex_doc_t *doc, size_t pos)
{
    if (pos > doc->n_res || !model_add_resolution(doc))
        return NULL;
    resdex_resolution_t *r = doc->res[doc->n_res - 1];
    memmove(&doc->res[pos + 1], &doc->res[pos], (doc->n_res - 1 - pos) * sizeof *doc->res);
    doc->res[pos] = r;
    return r;
}

void
model_mark_draft(resdex_doc_t *doc, const resdex_resolution_t *res, size_t at)
{
    struct draft_mark *m = grow(doc, doc->drafts, doc->n_drafts, sizeof *m);
    if (!m)
        return;
    doc->drafts = m;
    m[doc->n_drafts].res = res;
    m[doc->n_drafts].at = at;
    doc->n_drafts++;
}

size_t
resdex_doc_keep(resdex_doc_t *doc, int (*keep)(const resdex_resolution_t *res, void *ctx),
                void *ctx)
{
    if (!doc || !keep)
        return resdex_doc_count(doc);
    size_t n = 0;
    for (size_t i = 0; i < doc->n_res; i++) {
        if (keep(doc->res[i], ctx)) {
            doc->res[n++] = doc->res[i];
            continue;
        }
        /* Its draft mark goes with it; its arrays are freed (its strings
         * stay in the arena until the document is destroyed). */
        size_t at;
        while (model_take_draft_mark(doc, doc->res[i], &at))
            ;
        free_resolution_arrays(doc->res[i]);
    }
    doc->n_res = n;
    return n;
}

int
model_take_draft_mark(resdex_doc_t *doc, const resdex_resolution_t *res, size_t *at)
{
    for (size_t i = 0; i < doc->n_drafts; i++) {
        if (doc->drafts[i].res != res)
            continue;
        *at = doc->drafts[i].at;
        doc->drafts[i] = doc->drafts[--doc->n_drafts];
        return 1;
    }
    return 0;
}

void
model_move_paragraphs(resdex_doc_t *doc, resdex_resolution_t *from, size_t first,
                      resdex_resolution_t *to)
{
    size_t before = to->n_paragraphs;
    for (size_t i = first; i < from->n_paragraphs; i++) {
        resdex_paragraph_t *pars =
            grow(doc, (void *)to->paragraphs, to->n_paragraphs, sizeof *pars);
        if (!pars) {
            to->n_paragraphs = before; /* failed is set; `from` still owns them all */
            return;
        }
        to->paragraphs = pars;
        pars[to->n_paragraphs++] = from->paragraphs[i];
    }
    /* Shrinking keeps the capacity rule (needs_growth) true. */
    if (first < from->n_paragraphs)
        from->n_paragraphs = first;
}

void
model_drop_last_resolution(resdex_doc_t *doc)
{
    if (doc->n_res) {
        doc->n_res--;
        free_resolution_arrays(doc->res[doc->n_res]);
    }
}

void
model_adopt(resdex_doc_t *dst, resdex_doc_t *src)
{
    for (size_t i = 0; i < src->n_res; i++) {
        if (dst->over_limit || dst->n_res >= MODEL_MAX_RESOLUTIONS) {
            over(dst, "more than " MODEL_STR(MODEL_MAX_RESOLUTIONS) " resolutions in one file");
            break;
        }
        if (needs_growth(dst->n_res)) {
            size_t cap = dst->n_res ? dst->n_res * 2 : 4;
            resdex_resolution_t **p = realloc(dst->res, cap * sizeof *p);
            if (!p) {
                dst->failed = 1;
                break;
            }
            dst->res = p;
        }
        dst->res[dst->n_res++] = src->res[i];
        src->res[i] = NULL;
    }
    /* What was not moved is freed with src; its strings move either way. */
    size_t kept = 0;
    for (size_t i = 0; i < src->n_res; i++)
        if (src->res[i])
            src->res[kept++] = src->res[i];
    src->n_res = kept;
    dst->failed |= src->failed;
    arena_adopt(&dst->arena, &src->arena);
    resdex_doc_destroy(src);
}

void
model_mark_tracked_changes(resdex_doc_t *doc, size_t from)
{
    for (size_t i = from; i < doc->n_res; i++)
        doc->res[i]->tracked_changes = 1;
}

resdex_paragraph_t *
model_add_paragraph(resdex_doc_t *doc, resdex_resolution_t *res, resdex_kind_t kind,
                    const char *text)
{
    if (!res || doc->over_limit)
        return NULL;
    if (res->n_paragraphs >= MODEL_MAX_PARAGRAPHS) {
        over(doc, "more than " MODEL_STR(MODEL_MAX_PARAGRAPHS) " paragraphs in one resolution");
        return NULL;
    }
    resdex_paragraph_t *pars = grow(doc, (void *)res->paragraphs, res->n_paragraphs, sizeof *pars);
    if (!pars)
        return NULL;
    res->paragraphs = pars;
    resdex_paragraph_t *p = &pars[res->n_paragraphs++];
    memset(p, 0, sizeof *p);
    p->kind = kind;
    p->text = model_str(doc, text ? text : "");
    if (!p->text)
        p->text = "";
    return p;
}

void
model_drop_last_paragraph(resdex_resolution_t *res)
{
    if (res && res->n_paragraphs) {
        res->n_paragraphs--;
        free_paragraph_lists(&res->paragraphs[res->n_paragraphs]);
    }
}

resdex_paragraph_t *
model_paragraph(resdex_resolution_t *res, size_t i)
{
    return res && i < res->n_paragraphs ? (resdex_paragraph_t *)&res->paragraphs[i] : NULL;
}

/* Append s to a list of strings unless it is there already. */
static void
add_unique(resdex_doc_t *doc, const char *const **list, size_t *n, const char *s)
{
    if (!s || !*s || doc->over_limit)
        return;
    for (size_t i = 0; i < *n; i++)
        if (strcmp((*list)[i], s) == 0)
            return;
    if (*n >= MODEL_MAX_LIST) {
        over(doc, "more than " MODEL_STR(MODEL_MAX_LIST) " footnote marks, tags or citations in "
                                                         "one paragraph");
        return;
    }
    const char **l = grow(doc, (void *)*list, *n, sizeof *l);
    if (!l)
        return;
    const char *copy = model_str(doc, s);
    if (!copy)
        return;
    l[(*n)++] = copy;
    *list = l;
}

void
model_add_mark(resdex_doc_t *doc, resdex_paragraph_t *par, const char *mark)
{
    if (par)
        add_unique(doc, &par->marks, &par->n_marks, mark);
}

void
model_add_tag(resdex_doc_t *doc, resdex_paragraph_t *par, const char *tag)
{
    if (par)
        add_unique(doc, &par->tags, &par->n_tags, tag);
}

void
model_add_cite(resdex_doc_t *doc, resdex_paragraph_t *par, const char *cite)
{
    if (par)
        add_unique(doc, &par->cites, &par->n_cites, cite);
}

void
model_add_footnote(resdex_doc_t *doc, resdex_resolution_t *res, const char *mark, const char *text)
{
    if (!res || !mark || doc->over_limit)
        return;
    const char *t = model_str(doc, text ? text : "");
    for (size_t i = 0; i < res->n_footnotes; i++) {
        if (strcmp(res->footnotes[i].mark, mark) == 0) {
            ((resdex_footnote_t *)res->footnotes)[i].text = t;
            return;
        }
    }
    if (res->n_footnotes >= MODEL_MAX_FOOTNOTES) {
        over(doc, "more than " MODEL_STR(MODEL_MAX_FOOTNOTES) " footnotes in one resolution");
        return;
    }
    resdex_footnote_t *f = grow(doc, (void *)res->footnotes, res->n_footnotes, sizeof *f);
    if (!f)
        return;
    res->footnotes = f;
    f[res->n_footnotes].mark = model_str(doc, mark);
    f[res->n_footnotes].text = t;
    f[res->n_footnotes].resolved = NULL;
    res->n_footnotes++;
}

/* A lettered item continues the nearest paragraph before it that is not an
 * item, of its kind (an annex item: of the annex) and, when numbered, of its
 * number. */
static void
link_lead_ins(resdex_resolution_t *res)
{
    const resdex_paragraph_t *lead = NULL;
    for (size_t i = 0; i < res->n_paragraphs; i++) {
        resdex_paragraph_t *p = (resdex_paragraph_t *)&res->paragraphs[i];
        if (!p->item) {
            lead = p;
            continue;
        }
        int kin = lead && (lead->kind == p->kind ||
                           (p->kind == RESDEX_KIND_ANNEX && lead->kind == RESDEX_KIND_OTHER));
        if (kin && (p->number == 0 || lead->number == p->number))
            p->lead_in = lead->text;
    }
}

static void
resolve_ibids(resdex_doc_t *doc, resdex_resolution_t *res)
{
    resdex_footnote_t *notes = (resdex_footnote_t *)res->footnotes;
    for (size_t i = 1; i < res->n_footnotes; i++) {
        const char *prev = notes[i - 1].resolved ? notes[i - 1].resolved : notes[i - 1].text;
        char *whole = cite_resolve_ibid(notes[i].text, prev);
        if (whole)
            notes[i].resolved = model_str(doc, whole);
        free(whole);
    }
}

/* Each paragraph's citation; preambular paragraphs numbered in order, their
 * items under the number of the paragraph they continue. */
static void
cite_paragraphs(resdex_doc_t *doc, resdex_resolution_t *res)
{
    unsigned preambular = 0;
    for (size_t i = 0; i < res->n_paragraphs; i++) {
        resdex_paragraph_t *p = (resdex_paragraph_t *)&res->paragraphs[i];
        if (p->kind == RESDEX_KIND_PREAMBULAR && (!p->item || !p->lead_in))
            preambular++;
        char buf[512];
        resdex_cite(res, p, preambular, buf, sizeof buf);
        p->cite = model_str(doc, buf);
    }
}

void
model_finish(resdex_doc_t *doc)
{
    for (size_t i = 0; doc && i < doc->n_res; i++) {
        link_lead_ins(doc->res[i]);
        resolve_ibids(doc, doc->res[i]);
        cite_paragraphs(doc, doc->res[i]);
    }
}

const resdex_footnote_t *
resdex_resolution_footnote(const resdex_resolution_t *res, const char *mark)
{
    if (!res || !mark)
        return NULL;
    for (size_t i = 0; i < res->n_footnotes; i++)
        if (strcmp(res->footnotes[i].mark, mark) == 0)
            return &res->footnotes[i];
    return NULL;
}

const char *
resdex_kind_to_string(resdex_kind_t kind)
{
    switch (kind) {
    case RESDEX_KIND_PREAMBULAR:
        return "preambular";
    case RESDEX_KIND_OPERATIVE:
        return "operative";
    case RESDEX_KIND_OTHER:
        return "other";
    case RESDEX_KIND_ANNEX:
        return "annex";
    }
    return "other";
}

void
resdex_paragraph_anchor(const resdex_resolution_t *res, size_t index, char *buf, size_t size)
{
    if (!buf || size == 0)
        return;
    buf[0] = '\0';
    if (!res || index >= res->n_paragraphs)
        return;
    const resdex_paragraph_t *p = &res->paragraphs[index];
    if (p->kind == RESDEX_KIND_OPERATIVE && (p->number > 0 || p->item)) {
        if (p->number > 0 && p->item)
            snprintf(buf, size, "%d(%s)", p->number, p->item);
        else if (p->number > 0)
            snprintf(buf, size, "%d", p->number);
        else
            snprintf(buf, size, "(%s)", p->item);
        return;
    }
    /* Count paragraphs of the same kind up to this one. Unnumbered operative
     * paragraphs (rare: "Decides ..." alone) count among "o". */
    size_t ordinal = 0;
    for (size_t i = 0; i <= index; i++)
        if (res->paragraphs[i].kind == p->kind)
            ordinal++;
    const char *prefix = p->kind == RESDEX_KIND_PREAMBULAR  ? "pp"
                         : p->kind == RESDEX_KIND_OPERATIVE ? "o"
                         : p->kind == RESDEX_KIND_ANNEX     ? "an"
                                                            : "x";
    snprintf(buf, size, "%s%zu", prefix, ordinal);
}

void
model_set_headless_ok(resdex_doc_t *doc, int ok)
{
    doc->headless_ok = ok;
}

int
model_headless_ok(const resdex_doc_t *doc)
{
    return doc->headless_ok;
}
