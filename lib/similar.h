/* similar.h - the knobs of the precedent finder (private), for the
 * benchmark that chooses them. The defaults are what bench/similar-eval
 * measured best; see bench/RESULTS-similar.md. */
#ifndef RESDEX_SIMILAR_H
#define RESDEX_SIMILAR_H

#ifdef __cplusplus
extern "C" {
#endif

typedef struct similar_tuning {
    /* Candidate step: the input's most telling terms kept (Xapian
     * OP_ELITE_SET); 0 = every term in a weighted OR. */
    unsigned elite_terms;
    /* Candidates re-scored exactly: max(candidates, 4 * limit). */
    unsigned candidates;
    /* Blend of the exact re-score (diff_similarity). */
    double sequence_weight;
    /* Candidate step: nonzero = only the words as written, not their stems. */
    int plain_terms;
    /* Candidate step: nonzero = stopwords kept (they are left out). */
    int keep_stopwords;
    /* elite_terms when filters narrow the candidates (lineage always). */
    unsigned elite_terms_narrowed;
} similar_tuning_t;

/* The tuning in use (process-wide; set it before searching, not while). */
similar_tuning_t *similar_tuning_get(void);

#ifdef __cplusplus
}
#endif

#endif
