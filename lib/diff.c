/* diff.c - the comparison of two tokenised texts: the statistics the
 * precedent finder ranks by and the runs it shows; see diff.h. The tokens
 * come from diff-text.c, the edit script from diff-script.c. */
#include "diff-script.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- Statistics ------------------------------------------------------------ */

static int
cmp_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return a < b ? -1 : a > b;
}

/* Word tokens in both texts, order ignored (multiset intersection by key
 * hash). -1 on allocation failure. */
static long
common_words(const diff_text_t *a, const diff_text_t *b)
{
    if (!a->words || !b->words)
        return 0;
    uint64_t *ha = malloc(a->words * sizeof *ha), *hb = malloc(b->words * sizeof *hb);
    if (!ha || !hb) {
        free(ha);
        free(hb);
        return -1;
    }
    size_t na = 0, nb = 0;
    for (size_t i = 0; i < a->n; i++)
        if (a->toks[i].is_word)
            ha[na++] = a->toks[i].hash;
    for (size_t i = 0; i < b->n; i++)
        if (b->toks[i].is_word)
            hb[nb++] = b->toks[i].hash;
    qsort(ha, na, sizeof *ha, cmp_u64);
    qsort(hb, nb, sizeof *hb, cmp_u64);
    long common = 0;
    for (size_t i = 0, j = 0; i < na && j < nb;) {
        if (ha[i] == hb[j]) {
            common++;
            i++;
            j++;
        } else if (ha[i] < hb[j]) {
            i++;
        } else {
            j++;
        }
    }
    free(ha);
    free(hb);
    return common;
}

/* ---- Runs ------------------------------------------------------------------ */

static int
build_runs(const script_t *s, arena_t *a, resdex_diff_op_t **ops, size_t *n_ops)
{
    size_t runs = 0;
    for (size_t i = 0; i < s->n; i++)
        if (i == 0 || s->e[i].kind != s->e[i - 1].kind)
            runs++;
    resdex_diff_op_t *r = runs ? arena_alloc(a, runs * sizeof *r) : NULL;
    if (runs && !r)
        return -1;
    buf_t b;
    buf_init(&b, DIFF_BUF_MAX);
    size_t k = 0;
    for (size_t i = 0; i < s->n;) {
        size_t j = i;
        b.len = 0;
        while (j < s->n && s->e[j].kind == s->e[i].kind) {
            const edit_t *e = &s->e[j];
            int rc = e->kind == E_INSERT ? diff_text_append_token(&b, s->b, e->new_i, j == 0)
                                         : diff_text_append_token(&b, s->a, e->old_i, j == 0);
            if (rc != 0) {
                buf_free(&b);
                return -1;
            }
            j++;
        }
        r[k].op = s->e[i].kind == E_EQUAL    ? RESDEX_DIFF_EQUAL
                  : s->e[i].kind == E_INSERT ? RESDEX_DIFF_INSERT
                                             : RESDEX_DIFF_DELETE;
        r[k].text = arena_strndup(a, b.data ? b.data : "", b.len);
        if (!r[k].text) {
            buf_free(&b);
            return -1;
        }
        k++;
        i = j;
    }
    buf_free(&b);
    *ops = r;
    *n_ops = runs;
    return 0;
}

int
diff_compare(const diff_text_t *old_text, const diff_text_t *new_text, arena_t *a,
             resdex_diff_op_t **ops, size_t *n_ops, diff_stats_t *stats)
{
    if (ops)
        *ops = NULL;
    if (n_ops)
        *n_ops = 0;
    memset(stats, 0, sizeof *stats);
    script_t s;
    int rc = -1;
    if (script_make(&s, old_text, new_text) != 0)
        goto DONE;

    stats->old_words = old_text->words;
    stats->new_words = new_text->words;
    int exact = old_text->n == new_text->n;
    for (size_t i = 0; i < s.n; i++) {
        if (s.e[i].kind == E_EQUAL) {
            if (old_text->toks[s.e[i].old_i].is_word)
                stats->equal_words++;
        } else {
            exact = 0;
        }
    }
    stats->exact = exact;
    long common = common_words(old_text, new_text);
    if (common < 0)
        goto DONE;
    stats->common_words = (size_t)common;
    size_t total = stats->old_words + stats->new_words;
    stats->sequence = total ? 2.0 * (double)stats->equal_words / (double)total : exact;
    stats->overlap = total ? 2.0 * (double)stats->common_words / (double)total : exact;
    stats->similarity = diff_similarity(stats, DIFF_SEQUENCE_WEIGHT);
    stats->containment =
        stats->new_words ? (double)stats->equal_words / (double)stats->new_words : exact;

    if (a && ops && n_ops) {
        if (script_tidy(&s) != 0)
            goto DONE;
        if (build_runs(&s, a, ops, n_ops) != 0)
            goto DONE;
    }
    rc = 0;
DONE:
    script_free(&s);
    return rc;
}

double
diff_overlap(const diff_text_t *a, const diff_text_t *b)
{
    size_t total = a->words + b->words;
    if (total == 0)
        return 1.0;
    long common = common_words(a, b);
    if (common < 0)
        return -1;
    return 2.0 * (double)common / (double)total;
}

double
diff_containment_bound(const diff_text_t *a, const diff_text_t *b)
{
    if (b->words == 0)
        return 0;
    long common = common_words(a, b);
    if (common < 0)
        return -1;
    return (double)common / (double)b->words;
}

double
diff_similarity(const diff_stats_t *stats, double sequence_weight)
{
    if (stats->exact)
        return 1.0;
    double sim = sequence_weight * stats->sequence + (1.0 - sequence_weight) * stats->overlap;
    return sim > 0.999 ? 0.999 : sim;
}

int
diff_strings(const char *old_text, const char *new_text, arena_t *a, resdex_diff_op_t **ops,
             size_t *n_ops, diff_stats_t *stats)
{
    diff_text_t *x = diff_text_new(old_text, old_text ? strlen(old_text) : 0);
    diff_text_t *y = diff_text_new(new_text, new_text ? strlen(new_text) : 0);
    int rc = -1;
    if (x && y)
        rc = diff_compare(x, y, a, ops, n_ops, stats);
    diff_text_free(x);
    diff_text_free(y);
    return rc;
}
