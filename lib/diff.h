/* diff.h - word-level comparison of two texts (private).
 *
 * A text is cut into tokens: words, and the punctuation marks at their
 * edges ("society;" is "society" and ";"). Tokens are compared by a
 * normalised key, so that case, footnote markers (superscript digits, "*"),
 * quote styles (curly or straight), hyphens inside words ("multi-sectoral"
 * = "multisectoral"), a word hyphenated across a line break, dashes and white
 * space never count as differences. The diff is the shortest edit script on
 * tokens (Myers' algorithm, linear space), tidied into readable runs. */
#ifndef RESDEX_DIFF_H
#define RESDEX_DIFF_H

#include "resdex.h"
#include "arena.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A tokenised text. Tokenise once, compare with many. */
typedef struct diff_text diff_text_t;

/* Tokenise `text` (UTF-8, len bytes). NULL on allocation failure. */
diff_text_t *diff_text_new(const char *text, size_t len);
void diff_text_free(diff_text_t *t);

/* Number of tokens, and of word tokens (punctuation left out). */
size_t diff_text_tokens(const diff_text_t *t);
size_t diff_text_words(const diff_text_t *t);

/* The normalised key of token i (not NUL-terminated, *len bytes). */
const char *diff_text_key(const diff_text_t *t, size_t i, size_t *len);

/* Does key a (of a token) read as key b (of a phrase looked for: a lead
 * verb, a qualifier), Arabic's vowel marks (tashkeel, U+064B-U+065F and
 * U+0670) and its tatweel (U+0640) aside, which a text may or may not
 * write ("تسلّم" = "تسلم")? With prefix, a need only start with b. The diff
 * itself compares keys as they are. */
int diff_key_matches(const char *a, size_t la, const char *b, size_t lb, int prefix);

/* Is token i a word (not punctuation)? */
int diff_text_is_word(const diff_text_t *t, size_t i);

/* Tokens [from, to) as printed, spaced as in the text, copied into a; NULL
 * when memory runs out. */
char *diff_text_span(const diff_text_t *t, size_t from, size_t to, arena_t *a);

typedef struct diff_stats {
    size_t old_words, new_words; /* word tokens of each text */
    size_t equal_words;          /* word tokens in the common subsequence */
    size_t common_words;         /* word tokens in both, order ignored (multiset) */
    double sequence;             /* 2 * equal_words / (old_words + new_words) */
    double overlap;              /* 2 * common_words / (old_words + new_words) */
    int exact;                   /* every token equal: the same text once normalised */
    double similarity;           /* the blend ranked by; 1.0 only when exact */
    /* equal_words / new_words: how much of the new text the old one holds,
     * in order. 1.0 when new is a fragment pasted from old (a first half, a
     * clause), which the symmetric similarity scores at about 0.5. */
    double containment;
} diff_stats_t;

/* Compare old with new. With `a`, the runs of the diff from old to new are
 * allocated in a and returned through *ops and *n_ops (both may be NULL
 * with a NULL arena: statistics only, cheaper). The statistics go to *stats.
 * Returns 0, or -1 when memory runs out. */
int diff_compare(const diff_text_t *old_text, const diff_text_t *new_text, arena_t *a,
                 resdex_diff_op_t **ops, size_t *n_ops, diff_stats_t *stats);

/* An upper bound of the similarity, cheap (no alignment): the overlap of
 * the word multisets, 2 * common / (words of both); diff_similarity() never
 * exceeds it. -1 when memory runs out. */
double diff_overlap(const diff_text_t *a, const diff_text_t *b);

/* The same bound for the containment of b in a: common / words of b (0
 * when b has none). -1 when memory runs out. */
double diff_containment_bound(const diff_text_t *a, const diff_text_t *b);

/* Convenience for tests and tools: tokenise both texts and compare. */
int diff_strings(const char *old_text, const char *new_text, arena_t *a, resdex_diff_op_t **ops,
                 size_t *n_ops, diff_stats_t *stats);

/* The blend: 1.0 when exact, else sequence_weight * sequence + (1 -
 * sequence_weight) * overlap, capped at 0.999 so that 1 always means exact.
 * Sequence rewards words kept in order; overlap forgives a reordered list. */
double diff_similarity(const diff_stats_t *stats, double sequence_weight);

/* The weight diff_compare uses for stats->similarity. */
#define DIFF_SEQUENCE_WEIGHT 0.5

#ifdef __cplusplus
}
#endif

#endif
