/* search-tuning.h - the knobs of search's ranking (private), for the
 * benchmark that chooses them (bench/title-eval; bench/RESULTS.md,
 * "Resolution-level relevance"). */
#ifndef RESDEX_SEARCH_TUNING_H
#define RESDEX_SEARCH_TUNING_H

#ifdef __cplusplus
extern "C" {
#endif

typedef struct search_tuning {
    /* How much the words of a paragraph's resolution title weigh beside its
     * own words (Xapian OP_SCALE_WEIGHT on the title's terms, added with
     * OP_AND_MAYBE: the matches stay the same); 0: not at all. */
    double title_weight;
} search_tuning_t;

/* The tuning in use (process-wide; set it before searching, not while). */
search_tuning_t *search_tuning_get(void);

#ifdef __cplusplus
}
#endif

#endif
