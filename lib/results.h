/* results.h - the result set behind resdex_results_t (private). */
#ifndef RESDEX_RESULTS_H
#define RESDEX_RESULTS_H

#include "resdex.h"
#include "arena.h"

#ifdef __cplusplus
extern "C" {
#endif

resdex_results_t *results_new(void);
arena_t *results_arena(resdex_results_t *r);
/* A new zeroed hit at the end; NULL on allocation failure. Valid until the
 * next results_add_hit. */
resdex_hit_t *results_add_hit(resdex_results_t *r);
void results_set_total(resdex_results_t *r, uint64_t total);
/* Nonzero: the total is Xapian's estimate, not an exact count. */
void results_set_total_estimated(resdex_results_t *r, int estimated);
/* The matching paragraphs before folding or grouping (resdex_results_paragraphs). */
void results_set_paragraphs(resdex_results_t *r, uint64_t paragraphs);
/* The language searched: a string of static storage (schema_languages). */
void results_set_lang(resdex_results_t *r, const char *lang);
/* Record a facet count (facets are kept in the order added). 0 on success. */
int results_add_facet(resdex_results_t *r, const char *facet, const char *value, uint64_t count);

/* The word-level diffs of the hits (resdex_db_similar, resdex_db_lineage):
 * hit i has n_ops[i] runs at ops[i]. The arrays live in the arena; n is the
 * number of hits they cover. */
void results_set_diffs(resdex_results_t *r, const resdex_diff_op_t *const *ops, const size_t *n_ops,
                       size_t n);
/* similar: the closest paragraph left out by the threshold (id copied into
 * the arena). 0, or -1 when memory runs out. */
int results_set_best_rejected(resdex_results_t *r, const char *id, double similarity);
/* The runs of hit i (borrowed), or 0 and NULL when there are none. */
size_t results_diff(const resdex_results_t *r, size_t i, const resdex_diff_op_t **ops);

/* Where hit i's resolution comes from (provenance.cc): the symbol adopted
 * from it when it is a draft, the drafts it was adopted from. */
typedef struct results_prov {
    const char *adopted_as;
    const char *const *from;
    size_t n_from;
} results_prov_t;
/* prov[0..n) (in the arena) for hits 0..n. */
void results_set_provenance(resdex_results_t *r, const results_prov_t *prov, size_t n);

#ifdef __cplusplus
}
#endif

#endif
