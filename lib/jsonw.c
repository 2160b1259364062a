/* jsonw.c - a JSON writer that prints as it goes (jsonw.h). */
#include "jsonw.h"
#include "util.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
jsonw_init(jsonw_t *w)
{
    memset(w, 0, sizeof *w);
    w->st = RESDEX_STATUS_SUCCESS;
}

void
jsonw_fail(jsonw_t *w, resdex_status_t st)
{
    if (w->st == RESDEX_STATUS_SUCCESS)
        w->st = st;
}

static void
put(jsonw_t *w, const char *s, size_t n)
{
    if (w->st != RESDEX_STATUS_SUCCESS)
        return;
    if (w->len + n + 1 > w->cap) {
        size_t cap = w->cap ? w->cap : 256;
        while (w->len + n + 1 > cap)
            cap *= 2;
        char *b = realloc(w->buf, cap);
        if (!b) {
            jsonw_fail(w, RESDEX_STATUS_OUT_OF_MEMORY);
            return;
        }
        w->buf = b;
        w->cap = cap;
    }
    memcpy(w->buf + w->len, s, n);
    w->len += n;
    w->buf[w->len] = '\0';
}

/* Before a value: the comma between the elements of an array. */
static void
value(jsonw_t *w)
{
    if (w->depth > 0 && w->array[w->depth - 1]) {
        if (!w->empty[w->depth - 1])
            put(w, ",", 1);
        w->empty[w->depth - 1] = 0;
    }
}

static void
open_container(jsonw_t *w, int array)
{
    value(w);
    if (w->depth >= JSONW_MAX_DEPTH) {
        jsonw_fail(w, RESDEX_STATUS_BAD_ARGUMENT);
        return;
    }
    put(w, array ? "[" : "{", 1);
    w->empty[w->depth] = 1;
    w->array[w->depth] = (unsigned char)array;
    w->depth++;
}

void
jsonw_object(jsonw_t *w)
{
    open_container(w, 0);
}

void
jsonw_array(jsonw_t *w)
{
    open_container(w, 1);
}

void
jsonw_end(jsonw_t *w)
{
    if (w->depth == 0) {
        jsonw_fail(w, RESDEX_STATUS_BAD_ARGUMENT);
        return;
    }
    w->depth--;
    put(w, w->array[w->depth] ? "]" : "}", 1);
}

/* s (n bytes, UTF-8 checked) quoted and escaped as jansson does. */
static void
quoted(jsonw_t *w, const char *s, size_t n)
{
    put(w, "\"", 1);
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        put(w, s + run, i - run);
        run = i + 1;
        char esc[8];
        switch (c) {
        case '"':
            put(w, "\\\"", 2);
            break;
        case '\\':
            put(w, "\\\\", 2);
            break;
        case '\b':
            put(w, "\\b", 2);
            break;
        case '\f':
            put(w, "\\f", 2);
            break;
        case '\n':
            put(w, "\\n", 2);
            break;
        case '\r':
            put(w, "\\r", 2);
            break;
        case '\t':
            put(w, "\\t", 2);
            break;
        default:
            snprintf(esc, sizeof esc, "\\u%04X", (unsigned)c);
            put(w, esc, 6);
        }
    }
    put(w, s + run, n - run);
    put(w, "\"", 1);
}

void
jsonw_key(jsonw_t *w, const char *key)
{
    if (w->depth == 0 || w->array[w->depth - 1]) {
        jsonw_fail(w, RESDEX_STATUS_BAD_ARGUMENT);
        return;
    }
    size_t n = strlen(key);
    if (!util_utf8_valid(key, n, NULL, NULL)) {
        jsonw_fail(w, RESDEX_STATUS_BAD_UTF8);
        return;
    }
    if (!w->empty[w->depth - 1])
        put(w, ",", 1);
    w->empty[w->depth - 1] = 0;
    quoted(w, key, n);
    put(w, ":", 1);
}

void
jsonw_string(jsonw_t *w, const char *s)
{
    if (!s) {
        jsonw_null(w);
        return;
    }
    size_t n = strlen(s);
    if (!util_utf8_valid(s, n, NULL, NULL)) {
        jsonw_fail(w, RESDEX_STATUS_BAD_UTF8);
        return;
    }
    value(w);
    quoted(w, s, n);
}

void
jsonw_integer(jsonw_t *w, int64_t n)
{
    char b[32];
    value(w);
    int len = snprintf(b, sizeof b, "%" PRId64, n);
    put(w, b, (size_t)len);
}

void
jsonw_real(jsonw_t *w, double x)
{
    /* jansson refuses what JSON cannot say. */
    if (!isfinite(x)) {
        jsonw_fail(w, RESDEX_STATUS_OUT_OF_MEMORY);
        return;
    }
    char b[64];
    int len = snprintf(b, sizeof b, "%.6g", x);
    if (len < 0 || (size_t)len >= sizeof b) {
        jsonw_fail(w, RESDEX_STATUS_OUT_OF_MEMORY);
        return;
    }
    /* A locale's decimal comma, as jansson undoes it. */
    for (char *p = b; *p; p++)
        if (*p == ',')
            *p = '.';
    if (!strchr(b, '.') && !strchr(b, 'e')) {
        memcpy(b + len, ".0", 3);
        len += 2;
    }
    /* "1e+05" -> "1e5", "1e-05" -> "1e-5". */
    char *e = strchr(b, 'e');
    if (e) {
        char *start = e + 1, *end = start + 1;
        if (*start == '-')
            start++;
        while (*end == '0')
            end++;
        if (end != start) {
            memmove(start, end, (size_t)(b + len - end) + 1);
            len -= (int)(end - start);
        }
    }
    value(w);
    put(w, b, (size_t)len);
}

void
jsonw_bool(jsonw_t *w, int v)
{
    value(w);
    put(w, v ? "true" : "false", v ? 4 : 5);
}

void
jsonw_null(jsonw_t *w)
{
    value(w);
    put(w, "null", 4);
}

resdex_status_t
jsonw_finish(jsonw_t *w, char **out)
{
    *out = NULL;
    if (w->st == RESDEX_STATUS_SUCCESS && (w->depth != 0 || !w->buf))
        jsonw_fail(w, RESDEX_STATUS_BAD_ARGUMENT);
    if (w->st != RESDEX_STATUS_SUCCESS) {
        free(w->buf);
        w->buf = NULL;
        return w->st;
    }
    *out = w->buf;
    w->buf = NULL;
    return RESDEX_STATUS_SUCCESS;
}
