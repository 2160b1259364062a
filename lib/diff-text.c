/* diff-text.c - a text cut into tokens for the word-level diff; see diff.h.
 *
 * Tokens keep two strings: the display form (as printed, minus footnote
 * markers and invisible characters) and the key they are compared by. */
#include "diff-text.h"

#include <stdlib.h>
#include <string.h>

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

static void
buf_put(diff_text_t *t, buf_t *b, uint32_t cp)
{
    if (t->failed || buf_reserve(b, 4) != 0) {
        t->failed = 1;
        return;
    }
    b->len += utf8_put(b->data + b->len, cp);
    b->data[b->len] = '\0';
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
    k->hash = fnv1a(t->key.data + k->key_off, k->key_len);
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

/* A word: its code points w[0..n); hyphens and dashes are dropped from the
 * key, as same_text() drops them inside a word: "non-custodial" is
 * "noncustodial", and a number range one word whichever dash it was typed
 * with ("2010–2020" = "2010-2020"). */
static void
emit_word(diff_text_t *t, const uint32_t *w, size_t n, int space_before)
{
    tok_t *k = tok_begin(t, space_before);
    if (!k)
        return;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = w[i];
        buf_put(t, &t->disp, c);
        if (is_hyphen(c) || punct_key(c) == '-')
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
    buf_init(&t->disp, DIFF_BUF_MAX);
    buf_init(&t->key, DIFF_BUF_MAX);
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
    buf_free(&t->disp);
    buf_free(&t->key);
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
    return t->key.data + t->toks[i].key_off;
}

/* The length of the Arabic mark at s (n bytes left), 0 if none. */
static size_t
arabic_mark(const char *s, size_t n)
{
    if (n < 2 || (unsigned char)s[0] != 0xD9)
        return 0;
    unsigned char c = (unsigned char)s[1];
    return (c >= 0x8B && c <= 0x9F) || c == 0xB0 || c == 0x80 ? 2 : 0;
}

int
diff_key_matches(const char *a, size_t la, const char *b, size_t lb, int prefix)
{
    size_t i = 0, j = 0;
    for (;;) {
        size_t m;
        while ((m = arabic_mark(a + i, la - i)) != 0)
            i += m;
        while ((m = arabic_mark(b + j, lb - j)) != 0)
            j += m;
        if (j == lb)
            return prefix || i == la;
        if (i == la || a[i] != b[j])
            return 0;
        i++;
        j++;
    }
}

int
diff_text_is_word(const diff_text_t *t, size_t i)
{
    return t && i < t->n && t->toks[i].is_word;
}

char *
diff_text_span(const diff_text_t *t, size_t from, size_t to, arena_t *a)
{
    buf_t b;
    buf_init(&b, DIFF_BUF_MAX);
    for (size_t k = from; k < to && k < t->n; k++)
        if (diff_text_append_token(&b, t, k, k == from) != 0) {
            buf_free(&b);
            return NULL;
        }
    char *s = arena_strndup(a, b.data ? b.data : "", b.len);
    buf_free(&b);
    return s;
}

int
diff_text_append_token(buf_t *out, const diff_text_t *t, size_t k, int first_out)
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
        out->data[out->len++] = ' ';
    memcpy(out->data + out->len, t->disp.data + x->disp_off, x->disp_len);
    out->len += x->disp_len;
    out->data[out->len] = '\0';
    return 0;
}
