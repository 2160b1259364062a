/* util.c - buffers, messages, UTF-8 checking; see util.h. */
#include "util.h"
#include "arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
buf_init(buf_t *b, size_t max)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->max = max;
    b->too_large = 0;
}

int
buf_reserve(buf_t *b, size_t more)
{
    if (more > b->max || b->len > b->max - more) {
        b->too_large = 1;
        return -1;
    }
    size_t need = b->len + more + 1;
    if (need <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    if (cap > b->max + 1)
        cap = b->max + 1 > need ? b->max + 1 : need;
    char *p =
        resdex_test_alloc_fails && resdex_test_alloc_fails(cap) ? NULL : realloc(b->data, cap);
    if (!p)
        return -1;
    b->data = p;
    b->cap = cap;
    b->data[b->len] = '\0';
    return 0;
}

int
buf_append(buf_t *b, const char *s, size_t n)
{
    if (buf_reserve(b, n) != 0)
        return -1;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int
buf_puts(buf_t *b, const char *s)
{
    return buf_append(b, s, strlen(s));
}

int
buf_putc(buf_t *b, char c)
{
    return buf_append(b, &c, 1);
}

int
buf_printf(buf_t *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return -1;
    if ((size_t)n < sizeof small)
        return buf_append(b, small, (size_t)n);
    if (buf_reserve(b, (size_t)n) != 0)
        return -1;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

char *
buf_finish(buf_t *b, size_t *len)
{
    char *p = b->data;
    size_t n = b->len;
    if (!p) {
        p = calloc(1, 1);
        n = 0;
    } else {
        p[n] = '\0'; /* callers may have written into the buffer directly */
    }
    b->data = NULL;
    b->len = b->cap = 0;
    if (len)
        *len = p ? n : 0;
    return p;
}

void
buf_free(buf_t *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

resdex_status_t
util_fail(char **message, resdex_status_t st, const char *fmt, ...)
{
    if (!message)
        return st;
    va_list ap;
    va_start(ap, fmt);
    char *m = NULL;
    if (vasprintf(&m, fmt, ap) < 0)
        m = NULL;
    va_end(ap);
    free(*message);
    *message = m;
    return st;
}

int
util_utf8_valid(const char *s, size_t n, unsigned *bad_line, size_t *bad_offset)
{
    const unsigned char *p = (const unsigned char *)s;
    unsigned line = 1;
    size_t i = 0;
    while (i < n) {
        unsigned char c = p[i];
        if (c < 0x80) {
            if (c == '\n')
                line++;
            i++;
            continue;
        }
        size_t len;
        unsigned cp;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        } else {
            goto BAD;
        }
        if (n - i < len)
            goto BAD;
        for (size_t k = 1; k < len; k++) {
            if ((p[i + k] & 0xC0) != 0x80)
                goto BAD;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            goto BAD;
        i += len;
    }
    return 1;
BAD:
    if (bad_line)
        *bad_line = line;
    if (bad_offset)
        *bad_offset = i;
    return 0;
}

size_t
util_utf8_decode(const char *s, size_t n, unsigned *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    unsigned char c = p[0];
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (len > n) {
        *cp = 0xFFFD;
        return 1;
    }
    unsigned v = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (size_t k = 1; k < len; k++)
        v = (v << 6) | (p[k] & 0x3Fu);
    *cp = v;
    return len;
}

uint64_t
util_fnv1a(const char *s, size_t n)
{
    uint64_t h = UINT64_C(14695981039346656037);
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= UINT64_C(1099511628211);
    }
    return h;
}
