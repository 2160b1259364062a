/* diff.c - word-level comparison of two texts; see diff.h.
 *
 * Tokens keep two strings: the display form (as printed, minus footnote
 * markers and invisible characters) and the key they are compared by. The
 * edit script comes from Myers' O(ND) algorithm in its linear-space form
 * (find the middle snake, recurse on both halves), with a work budget so that
 * two long unrelated texts cost a bounded time: past the budget a piece is
 * reported as deleted and inserted whole, which is correct, only not minimal.
 * Runs are then tidied: within a change, deletions come before insertions,
 * and a word or two left equal between two larger changes joins them, so that
 * a rewritten clause reads as one change rather than a comb of fragments. */
#include "diff.h"
#include "results.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Total snake steps one comparison may take before it settles for a coarser
 * (still correct) diff: a few milliseconds. */
#define WORK_BUDGET (4u * 1000u * 1000u)

/* The longest equality, in words, that the clean-up joins to the changes
 * around it. */
#define MAX_ABSORBED_WORDS 3

typedef struct tok {
    uint32_t disp_off, disp_len;
    uint32_t key_off, key_len;
    uint64_t hash;
    unsigned char space_before; /* white space separated it from the token before */
    unsigned char is_word;      /* has a letter or digit */
    unsigned char closing;      /* punctuation that sticks to the token before: , ; ) */
} tok_t;

typedef struct buf {
    char *p;
    size_t len, cap;
} buf_t;

struct diff_text {
    tok_t *toks;
    size_t n, cap;
    size_t words;
    buf_t disp, key;
    int failed;
};

/* ---- UTF-8 and character classes ---------------------------------------- */

/* Decode one code point at s (n bytes left); *len gets its length. Invalid
 * bytes decode as themselves, one at a time (U+FFFD would lose them). */
static uint32_t
utf8_next(const unsigned char *s, size_t n, size_t *len)
{
    uint32_t c = s[0];
    size_t need = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (need <= 1 || need > n) {
        *len = 1;
        return c;
    }
    uint32_t cp = need == 2 ? c & 0x1F : need == 3 ? c & 0x0F : c & 0x07;
    for (size_t i = 1; i < need; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *len = 1;
            return c;
        }
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    *len = need;
    return cp;
}

static size_t
utf8_put(char *out, uint32_t cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static int
is_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

/* Characters that are not there for comparison or display: soft hyphen,
 * zero-width characters, footnote markers (superscript digits, the "*" of
 * converted text). */
static int
is_ignored(uint32_t c)
{
    return c == 0xAD || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF ||
           c == 0xB9 || c == 0xB2 || c == 0xB3 || c == 0x2070 || (c >= 0x2074 && c <= 0x2079) ||
           c == '*';
}

static int
is_hyphen(uint32_t c)
{
    return c == '-' || c == 0x2010 || c == 0x2011;
}

/* Punctuation that is cut from the edges of a word into tokens of its own. */
static int
is_edge_punct(uint32_t c)
{
    if (c < 0x80)
        return strchr("!\"#%&'(),-.:;?@[]{}<>", (int)c) != NULL && c != 0;
    switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B: /* ‘ ’ ‚ ‛ */
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F: /* “ ” „ ‟ */
    case 0xAB:
    case 0xBB:
    case 0x2039:
    case 0x203A: /* « » ‹ › */
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013: /* hyphens, dashes */
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0x2026: /* — ― − … */
    case 0x2032:
    case 0x2033: /* ′ ″ */
    case 0x3001:
    case 0x3002:
    case 0xFF0C:
    case 0xFF1B: /* 、 。 ， ； */
    case 0xFF1A:
    case 0xFF08:
    case 0xFF09:
    case 0x060C: /* ： （ ） ، */
    case 0x061B:
    case 0x061F: /* ؛ ؟ */
        return 1;
    default:
        return 0;
    }
}

static int
is_closing(uint32_t c)
{
    return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
           c == ']' || c == '}' || c == 0x201D || c == 0x2019 || c == 0xBB || c == 0x2026 ||
           c == 0x3001 || c == 0x3002 || c == 0xFF0C || c == 0xFF1B || c == 0xFF1A || c == 0xFF09 ||
           c == 0x060C || c == 0x061B || c == 0x061F;
}

/* Han, kana and hangul: each character is a word of its own. */
static int
is_cjk(uint32_t c)
{
    return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
           (c >= 0xF900 && c <= 0xFAFF);
}

static int
is_lower_letter(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7) ||
           (c >= 0x430 && c <= 0x45F) || (c >= 0x3B1 && c <= 0x3C9);
}

/* Simple case folding for the scripts of the UN's languages. */
static uint32_t
fold(uint32_t c)
{
    if (c >= 'A' && c <= 'Z')
        return c + 32;
    if (c < 0x80)
        return c;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
        return c + 32;
    if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149 &&
        c != 0x17F) {
        /* Latin Extended-A pairs: even upper, odd lower, shifted by one in
         * 0x139-0x148 and 0x179-0x17E. */
        int odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
        if (odd_upper ? (c & 1) : !(c & 1))
            return c + 1;
        return c;
    }
    if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2)
        return c + 32;
    if (c >= 0x410 && c <= 0x42F)
        return c + 32;
    if (c >= 0x400 && c <= 0x40F)
        return c + 80;
    return c;
}

/* The key a punctuation mark is compared by: quote styles and dashes agree. */
static uint32_t
punct_key(uint32_t c)
{
    switch (c) {
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0xAB:
    case 0xBB:
    case 0x2033:
        return '"';
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2039:
    case 0x203A:
    case 0x2032:
        return '\'';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
        return '-';
    case 0xFF0C:
    case 0x060C:
        return ',';
    case 0xFF1B:
    case 0x061B:
        return ';';
    case 0xFF1A:
        return ':';
    case 0xFF08:
        return '(';
    case 0xFF09:
        return ')';
    case 0x061F:
        return '?';
    case 0x3002:
        return '.';
    default:
        return c;
    }
}

/* ---- Tokenising ---------------------------------------------------------- */

static int
buf_reserve(buf_t *b, size_t more)
{
    if (b->len + more <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + more)
        cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p)
        return -1;
    b->p = p;
    b->cap = cap;
    return 0;
}

static void
buf_put(diff_text_t *t, buf_t *b, uint32_t cp)
{
    if (t->failed || buf_reserve(b, 4) != 0) {
        t->failed = 1;
        return;
    }
    b->len += utf8_put(b->p + b->len, cp);
}

static uint64_t
fnv1a(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

/* Start a token; its characters follow with tok_char(); tok_end() closes it. */
static tok_t *
tok_begin(diff_text_t *t, int space_before)
{
    if (t->failed)
        return NULL;
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        tok_t *p = realloc(t->toks, cap * sizeof *p);
        if (!p) {
            t->failed = 1;
            return NULL;
        }
        t->toks = p;
        t->cap = cap;
    }
    tok_t *k = &t->toks[t->n++];
    memset(k, 0, sizeof *k);
    k->disp_off = (uint32_t)t->disp.len;
    k->key_off = (uint32_t)t->key.len;
    k->space_before = (unsigned char)(space_before && t->n > 1);
    return k;
}

static void
tok_end(diff_text_t *t, tok_t *k)
{
    if (!k || t->failed)
        return;
    k->disp_len = (uint32_t)(t->disp.len - k->disp_off);
    k->key_len = (uint32_t)(t->key.len - k->key_off);
    k->hash = fnv1a(t->key.p + k->key_off, k->key_len);
    if (k->is_word)
        t->words++;
}

static void
emit_punct(diff_text_t *t, uint32_t c, int space_before)
{
    tok_t *k = tok_begin(t, space_before);
    if (!k)
        return;
    k->closing = (unsigned char)is_closing(c);
    buf_put(t, &t->disp, c);
    buf_put(t, &t->key, punct_key(c));
    tok_end(t, k);
}

/* A word: its code points w[0..n); hyphens are dropped from the key. */
static void
emit_word(diff_text_t *t, const uint32_t *w, size_t n, int space_before)
{
    tok_t *k = tok_begin(t, space_before);
    if (!k)
        return;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = w[i];
        buf_put(t, &t->disp, c);
        if (is_hyphen(c))
            continue;
        uint32_t key = fold(punct_key(c));
        buf_put(t, &t->key, key);
        if (!is_edge_punct(c))
            k->is_word = 1;
    }
    tok_end(t, k);
}

/* A chunk: a run of non-space characters, footnote markers removed. Edge
 * punctuation becomes tokens of its own; CJK characters are words of their
 * own. */
static void
emit_chunk(diff_text_t *t, const uint32_t *c, size_t n, int space_before)
{
    size_t i = 0;
    while (i < n) {
        size_t a = i;
        /* Leading punctuation. */
        if (is_edge_punct(c[i]) || is_cjk(c[i])) {
            if (is_cjk(c[i]))
                emit_word(t, &c[i], 1, space_before && i == 0);
            else
                emit_punct(t, c[i], space_before && i == 0);
            i++;
            continue;
        }
        /* The word: up to a CJK character, or to the trailing punctuation
         * (edge punctuation followed only by edge punctuation to the end or
         * to a CJK character). */
        size_t end = a;
        while (end < n && !is_cjk(c[end]))
            end++;
        size_t w = end;
        while (w > a && is_edge_punct(c[w - 1]))
            w--;
        emit_word(t, &c[a], w - a, space_before && a == 0);
        for (size_t j = w; j < end; j++)
            emit_punct(t, c[j], 0);
        i = end;
    }
}

diff_text_t *
diff_text_new(const char *text, size_t len)
{
    diff_text_t *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    const unsigned char *s = (const unsigned char *)(text ? text : "");
    if (!text)
        len = 0;
    uint32_t *chunk = NULL;
    size_t nc = 0, capc = 0;
    int space_before = 0;
    size_t i = 0;
    while (i < len && !t->failed) {
        size_t l;
        uint32_t c = utf8_next(s + i, len - i, &l);
        if (is_ignored(c)) {
            i += l;
            continue;
        }
        if (is_space(c)) {
            /* A word hyphenated across a line break: "multi-\nsectoral". */
            if (nc >= 2 && is_hyphen(chunk[nc - 1]) && !is_hyphen(chunk[nc - 2]) &&
                !is_edge_punct(chunk[nc - 2])) {
                size_t j = i, l2 = 0;
                int newline = 0;
                uint32_t d = 0;
                while (j < len) {
                    d = utf8_next(s + j, len - j, &l2);
                    if (!is_space(d))
                        break;
                    newline |= d == '\n';
                    j += l2;
                }
                if (newline && j < len && is_lower_letter(d)) {
                    nc--; /* the hyphen goes: the word is one word */
                    i = j;
                    continue;
                }
            }
            if (nc) {
                emit_chunk(t, chunk, nc, space_before);
                nc = 0;
            }
            space_before = 1;
            i += l;
            continue;
        }
        if (nc == capc) {
            size_t cap = capc ? capc * 2 : 64;
            uint32_t *p = realloc(chunk, cap * sizeof *p);
            if (!p) {
                t->failed = 1;
                break;
            }
            chunk = p;
            capc = cap;
        }
        chunk[nc++] = c;
        i += l;
    }
    if (nc && !t->failed)
        emit_chunk(t, chunk, nc, space_before);
    free(chunk);
    if (t->failed) {
        diff_text_free(t);
        return NULL;
    }
    return t;
}

void
diff_text_free(diff_text_t *t)
{
    if (!t)
        return;
    free(t->toks);
    free(t->disp.p);
    free(t->key.p);
    free(t);
}

size_t
diff_text_tokens(const diff_text_t *t)
{
    return t ? t->n : 0;
}

size_t
diff_text_words(const diff_text_t *t)
{
    return t ? t->words : 0;
}

const char *
diff_text_key(const diff_text_t *t, size_t i, size_t *len)
{
    if (!t || i >= t->n) {
        *len = 0;
        return NULL;
    }
    *len = t->toks[i].key_len;
    return t->key.p + t->toks[i].key_off;
}

static int append_token(buf_t *out, const diff_text_t *t, size_t k, int first_out);

int
diff_text_is_word(const diff_text_t *t, size_t i)
{
    return t && i < t->n && t->toks[i].is_word;
}

char *
diff_text_span(const diff_text_t *t, size_t from, size_t to, arena_t *a)
{
    buf_t b = {0};
    for (size_t k = from; k < to && k < t->n; k++)
        if (append_token(&b, t, k, k == from) != 0) {
            free(b.p);
            return NULL;
        }
    char *s = arena_strndup(a, b.p ? b.p : "", b.len);
    free(b.p);
    return s;
}

/* ---- The edit script (Myers, linear space) ------------------------------- */

typedef enum { E_EQUAL = 0, E_INSERT = 1, E_DELETE = 2 } edit_kind_t;

/* One token of the edit script: an EQUAL or DELETE names an old token, an
 * INSERT a new one (an EQUAL also its new token). */
typedef struct edit {
    unsigned char kind;
    uint32_t old_i, new_i;
} edit_t;

typedef struct script {
    edit_t *e;
    size_t n, cap;
    int failed;
    size_t work;
    const diff_text_t *a, *b;
    long *v; /* scratch for the bisection: 2 * (2 * max_d + 2) longs */
    size_t v_cap;
} script_t;

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
           memcmp(s->a->key.p + x->key_off, s->b->key.p + y->key_off, x->key_len) == 0;
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

/* Append token k of t to the run being built, with the space that separates
 * it from what is already shown. `first_out`: nothing shown yet. */
static int
append_token(buf_t *out, const diff_text_t *t, size_t k, int first_out)
{
    const tok_t *x = &t->toks[k];
    int space;
    if (first_out)
        space = 0;
    else if (k == 0)
        space = !x->closing; /* first of its text, not first shown */
    else
        space = x->space_before;
    if (buf_reserve(out, x->disp_len + 2) != 0)
        return -1;
    if (space)
        out->p[out->len++] = ' ';
    memcpy(out->p + out->len, t->disp.p + x->disp_off, x->disp_len);
    out->len += x->disp_len;
    return 0;
}

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
    buf_t b = {0};
    size_t k = 0;
    for (size_t i = 0; i < s->n;) {
        size_t j = i;
        b.len = 0;
        while (j < s->n && s->e[j].kind == s->e[i].kind) {
            const edit_t *e = &s->e[j];
            int rc = e->kind == E_INSERT ? append_token(&b, s->b, e->new_i, j == 0)
                                         : append_token(&b, s->a, e->old_i, j == 0);
            if (rc != 0) {
                free(b.p);
                return -1;
            }
            j++;
        }
        r[k].op = s->e[i].kind == E_EQUAL    ? RESDEX_DIFF_EQUAL
                  : s->e[i].kind == E_INSERT ? RESDEX_DIFF_INSERT
                                             : RESDEX_DIFF_DELETE;
        r[k].text = arena_strndup(a, b.p ? b.p : "", b.len);
        if (!r[k].text) {
            free(b.p);
            return -1;
        }
        k++;
        i = j;
    }
    free(b.p);
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
    script_t s = {0};
    s.a = old_text;
    s.b = new_text;
    int rc = -1;
    diff_range(&s, 0, old_text->n, 0, new_text->n);
    if (s.failed)
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
        if (deletions_first(&s) != 0 || absorb_small_equalities(&s) != 0)
            goto DONE;
        if (build_runs(&s, a, ops, n_ops) != 0)
            goto DONE;
    }
    rc = 0;
DONE:
    free(s.e);
    free(s.v);
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

/* ---- Public accessors -------------------------------------------------------- */

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
