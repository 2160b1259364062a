/* utf8.c - file names and input lines as valid UTF-8 (resdex_name_escape,
 * resdex_utf8_lossy; the rule in resdex.h). */
#include "resdex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The length of the valid UTF-8 sequence starting at u, at most len bytes
 * long; 0 when the bytes at u do not start one. */
static size_t
utf8_sequence(const unsigned char *u, size_t len)
{
    unsigned c = u[0];
    size_t n = c == 0                   ? 0
               : c < 0x80               ? 1
               : c >= 0xC2 && c <= 0xDF ? 2
               : c >= 0xE0 && c <= 0xEF ? 3
               : c >= 0xF0 && c <= 0xF4 ? 4
                                        : 0;
    if (n == 0 || n > len)
        return 0;
    for (size_t k = 1; k < n; k++)
        if ((u[k] & 0xC0) != 0x80)
            return 0;
    if (n == 3 && ((c == 0xE0 && u[1] < 0xA0) || (c == 0xED && u[1] >= 0xA0)))
        return 0;
    if (n == 4 && ((c == 0xF0 && u[1] < 0x90) || (c == 0xF4 && u[1] >= 0x90)))
        return 0;
    return n;
}

size_t
resdex_utf8_first_invalid(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        size_t n = utf8_sequence(u + i, len - i);
        if (!n)
            return i + 1;
        i += n;
    }
    return 0;
}

char *
resdex_utf8_lossy(const char *s, size_t len)
{
    char *buf = malloc(len * 3 + 1);
    if (!buf)
        return NULL;
    const unsigned char *u = (const unsigned char *)s;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        size_t n = utf8_sequence(u + i, len - i);
        if (n) {
            memcpy(buf + o, s + i, n);
            o += n;
            i += n;
        } else {
            memcpy(buf + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        }
    }
    buf[o] = '\0';
    return buf;
}

char *
resdex_name_escape(const char *name)
{
    size_t len = strlen(name);
    char *buf = malloc(len * 4 + 1);
    if (!buf)
        return NULL;
    const unsigned char *u = (const unsigned char *)name;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        size_t n = utf8_sequence(u + i, len - i);
        if (n == 1 && u[i] == '\\') {
            buf[o++] = '\\';
            buf[o++] = '\\';
        } else if (n == 0 || (n == 1 && (u[i] < 0x20 || u[i] == 0x7F))) {
            o += (size_t)snprintf(buf + o, 5, "\\x%02x", u[i]);
            n = 1;
        } else {
            memcpy(buf + o, name + i, n);
            o += n;
        }
        i += n;
    }
    buf[o] = '\0';
    return buf;
}
