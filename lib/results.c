/* results.c - a page of hits with the strings they point to; see results.h. */
#include "results.h"

#include <stdlib.h>
#include <string.h>

typedef struct facet_count {
    const char *facet, *value;
    uint64_t count;
} facet_count_t;

struct resdex_results {
    arena_t arena;
    resdex_hit_t *hits;
    size_t n, cap;
    uint64_t total;
    uint64_t paragraphs; /* before folding; UINT64_MAX: unset (the total) */
    int estimated;       /* the total is an estimate */
    const char *lang;    /* the language searched (static storage), NULL when none */
    facet_count_t *facets;
    size_t n_facets, cap_facets;
    /* similar and lineage: a diff per hit (in the arena) */
    const resdex_diff_op_t *const *diff_ops;
    const size_t *diff_n;
    size_t n_diffs;
    /* provenance per hit (provenance.cc; in the arena) */
    const results_prov_t *prov;
    size_t n_prov;
    /* similar: the closest paragraph below the threshold (in the arena) */
    const char *best_rejected_id;
    double best_rejected_sim;
};

resdex_results_t *
results_new(void)
{
    resdex_results_t *r = calloc(1, sizeof *r);
    if (r) {
        arena_init(&r->arena);
        r->paragraphs = UINT64_MAX;
    }
    return r;
}

arena_t *
results_arena(resdex_results_t *r)
{
    return &r->arena;
}

resdex_hit_t *
results_add_hit(resdex_results_t *r)
{
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        resdex_hit_t *h = realloc(r->hits, cap * sizeof *h);
        if (!h)
            return NULL;
        r->hits = h;
        r->cap = cap;
    }
    resdex_hit_t *hit = &r->hits[r->n++];
    memset(hit, 0, sizeof *hit);
    return hit;
}

void
results_set_total(resdex_results_t *r, uint64_t total)
{
    r->total = total;
}

void
results_set_paragraphs(resdex_results_t *r, uint64_t paragraphs)
{
    r->paragraphs = paragraphs;
}

uint64_t
resdex_results_paragraphs(const resdex_results_t *results)
{
    if (!results)
        return 0;
    return results->paragraphs == UINT64_MAX ? results->total : results->paragraphs;
}

void
results_set_total_estimated(resdex_results_t *r, int estimated)
{
    r->estimated = estimated;
}

int
resdex_results_total_is_exact(const resdex_results_t *results)
{
    return results && !results->estimated;
}

void
results_set_lang(resdex_results_t *r, const char *lang)
{
    r->lang = lang;
}

const char *
resdex_results_lang(const resdex_results_t *results)
{
    return results ? results->lang : NULL;
}

int
results_add_facet(resdex_results_t *r, const char *facet, const char *value, uint64_t count)
{
    if (r->n_facets == r->cap_facets) {
        size_t cap = r->cap_facets ? r->cap_facets * 2 : 32;
        facet_count_t *f = realloc(r->facets, cap * sizeof *f);
        if (!f)
            return -1;
        r->facets = f;
        r->cap_facets = cap;
    }
    facet_count_t *f = &r->facets[r->n_facets];
    f->facet = arena_strdup(&r->arena, facet);
    f->value = arena_strdup(&r->arena, value);
    f->count = count;
    if (!f->facet || !f->value)
        return -1;
    r->n_facets++;
    return 0;
}

size_t
resdex_results_count(const resdex_results_t *results)
{
    return results ? results->n : 0;
}

uint64_t
resdex_results_total(const resdex_results_t *results)
{
    return results ? results->total : 0;
}

const resdex_hit_t *
resdex_results_get(const resdex_results_t *results, size_t i)
{
    return results && i < results->n ? &results->hits[i] : NULL;
}

void
resdex_results_facets(const resdex_results_t *results, const char *facet,
                      int (*fn)(const char *value, uint64_t count, void *ctx), void *ctx)
{
    if (!results || !facet || !fn)
        return;
    for (size_t i = 0; i < results->n_facets; i++)
        if (strcmp(results->facets[i].facet, facet) == 0)
            if (fn(results->facets[i].value, results->facets[i].count, ctx))
                return;
}

void
results_set_diffs(resdex_results_t *r, const resdex_diff_op_t *const *ops, const size_t *n_ops,
                  size_t n)
{
    r->diff_ops = ops;
    r->diff_n = n_ops;
    r->n_diffs = n;
}

size_t
results_diff(const resdex_results_t *r, size_t i, const resdex_diff_op_t **ops)
{
    *ops = NULL;
    if (!r || i >= r->n_diffs || !r->diff_ops[i])
        return 0;
    *ops = r->diff_ops[i];
    return r->diff_n[i];
}

const char *
resdex_diff_kind_to_string(resdex_diff_kind_t kind)
{
    switch (kind) {
    case RESDEX_DIFF_EQUAL:
        return "equal";
    case RESDEX_DIFF_INSERT:
        return "insert";
    case RESDEX_DIFF_DELETE:
        return "delete";
    }
    return "unknown";
}

size_t
resdex_hit_diff(const resdex_results_t *results, size_t i, const resdex_diff_op_t **ops)
{
    const resdex_diff_op_t *dummy;
    return results_diff(results, i, ops ? ops : &dummy);
}

int
results_set_best_rejected(resdex_results_t *r, const char *id, double similarity)
{
    r->best_rejected_id = arena_strdup(&r->arena, id);
    r->best_rejected_sim = similarity;
    return r->best_rejected_id ? 0 : -1;
}

const char *
resdex_results_best_rejected(const resdex_results_t *results, double *similarity)
{
    if (!results || !results->best_rejected_id)
        return NULL;
    if (similarity)
        *similarity = results->best_rejected_sim;
    return results->best_rejected_id;
}

void
resdex_results_destroy(resdex_results_t *results)
{
    if (!results)
        return;
    free(results->hits);
    free(results->facets);
    arena_free(&results->arena);
    free(results);
}

void
results_set_provenance(resdex_results_t *r, const results_prov_t *prov, size_t n)
{
    r->prov = prov;
    r->n_prov = n;
}

const char *
resdex_hit_adopted_as(const resdex_results_t *results, size_t i)
{
    return results && i < results->n_prov ? results->prov[i].adopted_as : NULL;
}

size_t
resdex_hit_from(const resdex_results_t *results, size_t i, const char *const **drafts)
{
    if (drafts)
        *drafts = NULL;
    if (!results || i >= results->n_prov || !results->prov[i].n_from)
        return 0;
    if (drafts)
        *drafts = results->prov[i].from;
    return results->prov[i].n_from;
}
