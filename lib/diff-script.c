/* diff-script.c - the edit script (Myers, linear space) and its tidying;
 * see diff-script.h.
 *
 * The edit script comes from Myers' O(ND) algorithm in its linear-space form
 * (find the middle snake, recurse on both halves), with a work budget so that
 * two long unrelated texts cost a bounded time. Runs are then tidied: within
 * a change, deletions come before insertions, and a word or two left equal
 * between two larger changes joins them, so that a rewritten clause reads as
 * one change rather than a comb of fragments. */
#include "diff-script.h"

#include <stdlib.h>
#include <string.h>

/* Total snake steps one comparison may take before it settles for a coarser
 * (still correct) diff: a few milliseconds. */
#define WORK_BUDGET (4u * 1000u * 1000u)

/* The longest equality, in words, that the clean-up joins to the changes
 * around it. */
#define MAX_ABSORBED_WORDS 3

static void
script_add(script_t *s, edit_kind_t kind, size_t old_i, size_t new_i)
{
    if (s->failed)
        return;
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 128;
        edit_t *p = realloc(s->e, cap * sizeof *p);
        if (!p) {
            s->failed = 1;
            return;
        }
        s->e = p;
        s->cap = cap;
    }
    s->e[s->n].kind = (unsigned char)kind;
    s->e[s->n].old_i = (uint32_t)old_i;
    s->e[s->n].new_i = (uint32_t)new_i;
    s->n++;
}

static int
tok_eq(const script_t *s, size_t i, size_t j)
{
    const tok_t *x = &s->a->toks[i], *y = &s->b->toks[j];
    return x->hash == y->hash && x->key_len == y->key_len &&
           memcmp(s->a->key.data + x->key_off, s->b->key.data + y->key_off, x->key_len) == 0;
}

static void diff_range(script_t *s, size_t a0, size_t a1, size_t b0, size_t b1);

/* Find the middle snake of old[a0,a1) x new[b0,b1) and recurse on both
 * sides of it. Both ranges are non-empty and share no prefix or suffix. */
static void
bisect(script_t *s, size_t a0, size_t a1, size_t b0, size_t b1)
{
    long n = (long)(a1 - a0), m = (long)(b1 - b0);
    long max_d = (n + m + 1) / 2;
    long v_off = max_d, v_len = 2 * max_d + 2;
    if ((size_t)(2 * v_len) > s->v_cap) {
        long *p = realloc(s->v, (size_t)(2 * v_len) * sizeof *p);
        if (!p) {
            s->failed = 1;
            return;
        }
        s->v = p;
        s->v_cap = (size_t)(2 * v_len);
    }
    long *v1 = s->v, *v2 = s->v + v_len;
    for (long i = 0; i < v_len; i++)
        v1[i] = v2[i] = -1;
    v1[v_off + 1] = 0;
    v2[v_off + 1] = 0;
    long delta = n - m;
    int front = (delta % 2) != 0;
    long k1start = 0, k1end = 0, k2start = 0, k2end = 0;
    for (long d = 0; d < max_d && s->work < WORK_BUDGET; d++) {
        for (long k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
            long k1o = v_off + k1, x1;
            if (k1 == -d || (k1 != d && v1[k1o - 1] < v1[k1o + 1]))
                x1 = v1[k1o + 1];
            else
                x1 = v1[k1o - 1] + 1;
            long y1 = x1 - k1;
            while (x1 < n && y1 < m && tok_eq(s, a0 + (size_t)x1, b0 + (size_t)y1)) {
                x1++;
                y1++;
                s->work++;
            }
            s->work++;
            v1[k1o] = x1;
            if (x1 > n) {
                k1end += 2;
            } else if (y1 > m) {
                k1start += 2;
            } else if (front) {
                long k2o = v_off + delta - k1;
                if (k2o >= 0 && k2o < v_len && v2[k2o] != -1 && x1 >= n - v2[k2o]) {
                    diff_range(s, a0, a0 + (size_t)x1, b0, b0 + (size_t)y1);
                    diff_range(s, a0 + (size_t)x1, a1, b0 + (size_t)y1, b1);
                    return;
                }
            }
        }
        for (long k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
            long k2o = v_off + k2, x2;
            if (k2 == -d || (k2 != d && v2[k2o - 1] < v2[k2o + 1]))
                x2 = v2[k2o + 1];
            else
                x2 = v2[k2o - 1] + 1;
            long y2 = x2 - k2;
            while (x2 < n && y2 < m &&
                   tok_eq(s, a0 + (size_t)(n - x2 - 1), b0 + (size_t)(m - y2 - 1))) {
                x2++;
                y2++;
                s->work++;
            }
            s->work++;
            v2[k2o] = x2;
            if (x2 > n) {
                k2end += 2;
            } else if (y2 > m) {
                k2start += 2;
            } else if (!front) {
                long k1o = v_off + delta - k2;
                if (k1o >= 0 && k1o < v_len && v1[k1o] != -1) {
                    long x1 = v1[k1o];
                    long y1 = v_off + x1 - k1o;
                    if (x1 >= n - x2) {
                        diff_range(s, a0, a0 + (size_t)x1, b0, b0 + (size_t)y1);
                        diff_range(s, a0 + (size_t)x1, a1, b0 + (size_t)y1, b1);
                        return;
                    }
                }
            }
        }
    }
    /* Over budget (or no overlap at all): the whole piece changed. */
    for (size_t i = a0; i < a1; i++)
        script_add(s, E_DELETE, i, 0);
    for (size_t j = b0; j < b1; j++)
        script_add(s, E_INSERT, 0, j);
}

static void
diff_range(script_t *s, size_t a0, size_t a1, size_t b0, size_t b1)
{
    if (s->failed)
        return;
    /* Common prefix. */
    while (a0 < a1 && b0 < b1 && tok_eq(s, a0, b0)) {
        script_add(s, E_EQUAL, a0, b0);
        a0++;
        b0++;
    }
    /* Common suffix, emitted after the middle. */
    size_t sa = a1, sb = b1;
    while (sa > a0 && sb > b0 && tok_eq(s, sa - 1, sb - 1)) {
        sa--;
        sb--;
    }
    if (a0 == sa) {
        for (size_t j = b0; j < sb; j++)
            script_add(s, E_INSERT, 0, j);
    } else if (b0 == sb) {
        for (size_t i = a0; i < sa; i++)
            script_add(s, E_DELETE, i, 0);
    } else {
        bisect(s, a0, sa, b0, sb);
    }
    for (size_t i = sa, j = sb; i < a1; i++, j++)
        script_add(s, E_EQUAL, i, j);
}

/* Within every stretch without an EQUAL, put the deletions first (stable). */
static int
deletions_first(script_t *s)
{
    edit_t *tmp = NULL;
    size_t cap = 0;
    for (size_t i = 0; i < s->n;) {
        if (s->e[i].kind == E_EQUAL) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < s->n && s->e[j].kind != E_EQUAL)
            j++;
        size_t len = j - i;
        if (len > cap) {
            edit_t *p = realloc(tmp, len * sizeof *p);
            if (!p) {
                free(tmp);
                return -1;
            }
            tmp = p;
            cap = len;
        }
        size_t k = 0;
        for (size_t x = i; x < j; x++)
            if (s->e[x].kind == E_DELETE)
                tmp[k++] = s->e[x];
        for (size_t x = i; x < j; x++)
            if (s->e[x].kind == E_INSERT)
                tmp[k++] = s->e[x];
        memcpy(&s->e[i], tmp, len * sizeof *tmp);
        i = j;
    }
    free(tmp);
    return 0;
}

/* The weight of the token an edit names in the clean-up: a word counts, a
 * punctuation mark does not. */
static size_t
edit_width(const script_t *s, const edit_t *e)
{
    const tok_t *t = e->kind == E_INSERT ? &s->b->toks[e->new_i] : &s->a->toks[e->old_i];
    return t->is_word;
}

/* Readability (after diff-match-patch's semantic cleanup, on tokens): an
 * EQUAL stretch of a few words ("the", "and the") between two changes each
 * at least as long becomes a deletion plus an insertion, so that a
 * rewritten clause reads as one change. Lengths are in words; punctuation
 * weighs nothing. diff-match-patch's own rule (an equality no longer than
 * the changes on both sides) is made for characters: on words it swallowed
 * whole shared clauses ("mutatis mutandis, in accordance with General
 * Assembly resolutions 74/247 and 75/282") between two long changes, and a
 * paragraph that shares most of its words read as one long deletion and one
 * long insertion. Repeated until nothing changes; runs at the ends are
 * kept. */
static int
absorb_small_equalities(script_t *s)
{
    for (int changed = 1; changed;) {
        changed = 0;
        size_t i = 0;
        /* Skip the leading EQUAL stretch. */
        while (i < s->n && s->e[i].kind == E_EQUAL)
            i++;
        while (i < s->n) {
            /* A change stretch [c0, c1), then an EQUAL stretch [c1, q1), then
             * a change stretch [q1, r1). */
            size_t c0 = i, c1 = i;
            size_t del_a = 0, ins_a = 0;
            while (c1 < s->n && s->e[c1].kind != E_EQUAL) {
                if (s->e[c1].kind == E_DELETE)
                    del_a += edit_width(s, &s->e[c1]);
                else
                    ins_a += edit_width(s, &s->e[c1]);
                c1++;
            }
            size_t q1 = c1;
            while (q1 < s->n && s->e[q1].kind == E_EQUAL)
                q1++;
            if (q1 >= s->n)
                break;
            size_t r1 = q1, del_b = 0, ins_b = 0;
            while (r1 < s->n && s->e[r1].kind != E_EQUAL) {
                if (s->e[r1].kind == E_DELETE)
                    del_b += edit_width(s, &s->e[r1]);
                else
                    ins_b += edit_width(s, &s->e[r1]);
                r1++;
            }
            size_t eq = q1 - c1, eq_width = 0;
            for (size_t k = c1; k < q1; k++)
                eq_width += edit_width(s, &s->e[k]);
            size_t before = del_a > ins_a ? del_a : ins_a;
            size_t after = del_b > ins_b ? del_b : ins_b;
            size_t smaller = before < after ? before : after;
            if (eq_width <= MAX_ABSORBED_WORDS && eq_width <= smaller) {
                /* Replace the EQUAL tokens by DELETE + INSERT in place: the
                 * stretch grows by eq entries. */
                size_t add = eq;
                if (s->n + add > s->cap) {
                    size_t cap = s->cap * 2 + add;
                    edit_t *p = realloc(s->e, cap * sizeof *p);
                    if (!p)
                        return -1;
                    s->e = p;
                    s->cap = cap;
                }
                memmove(&s->e[q1 + add], &s->e[q1], (s->n - q1) * sizeof *s->e);
                for (size_t k = 0; k < eq; k++) {
                    edit_t x = s->e[c1 + k];
                    s->e[c1 + k] = (edit_t){E_DELETE, x.old_i, x.new_i};
                    s->e[c1 + eq + k] = (edit_t){E_INSERT, x.old_i, x.new_i};
                }
                s->n += add;
                changed = 1;
                i = c0;
                if (deletions_first(s) != 0)
                    return -1;
                /* Re-scan the merged stretch from its start. */
                continue;
            }
            i = q1;
        }
    }
    return 0;
}

int
script_make(script_t *s, const diff_text_t *a, const diff_text_t *b)
{
    memset(s, 0, sizeof *s);
    s->a = a;
    s->b = b;
    diff_range(s, 0, a->n, 0, b->n);
    return s->failed ? -1 : 0;
}

int
script_tidy(script_t *s)
{
    return deletions_first(s) != 0 || absorb_small_equalities(s) != 0 ? -1 : 0;
}

void
script_free(script_t *s)
{
    free(s->e);
    free(s->v);
    s->e = NULL;
    s->v = NULL;
}
