/* util.h - small helpers shared by the library's C files (private). */
#ifndef RESDEX_UTIL_H
#define RESDEX_UTIL_H

#include "resdex.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A handle's last error (include/resdex.h: "" after a successful call, a
 * message after a failed one), for the public functions written in C; the
 * C++ ones have guarded() (db-private.hh). Defined in error.cc. db may be
 * NULL. db_error_clear starts a call; db_error_end(db, st) ends one that
 * answers st: a success clears the message, a failure that left none gets
 * its status's description. It returns st. */
void db_error_clear(resdex_db_t *db);
resdex_status_t db_error_end(resdex_db_t *db, resdex_status_t st);

/* A growable byte buffer with a hard size cap (after curl's dynbuf). The
 * content is always NUL-terminated once anything was reserved. */
typedef struct buf {
    char *data;
    size_t len, cap, max;
    int too_large; /* set when a reserve would exceed max */
} buf_t;

void buf_init(buf_t *b, size_t max);
/* Make room for `more` bytes plus a NUL; 0 on success, -1 on failure (the
 * buffer is kept as it was). */
int buf_reserve(buf_t *b, size_t more);
int buf_append(buf_t *b, const char *s, size_t n);
int buf_puts(buf_t *b, const char *s);
int buf_putc(buf_t *b, char c);
int buf_printf(buf_t *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hand the data to the caller (malloc()ed, NUL-terminated); the buffer is
 * left empty. Returns "" copied when nothing was written. */
char *buf_finish(buf_t *b, size_t *len);
void buf_free(buf_t *b);

/* Format a message into *message (when message is not NULL) and return st. */
resdex_status_t util_fail(char **message, resdex_status_t st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Check that s[0..n) is valid UTF-8 (no overlongs, surrogates or code points
 * above U+10FFFF). Returns 1 when valid; otherwise 0 and, when the pointers
 * are given, the 1-based line and the byte offset of the first bad byte. */
int util_utf8_valid(const char *s, size_t n, unsigned *bad_line, size_t *bad_offset);

/* Decode one UTF-8 code point at s (valid input assumed, n > 0); returns its
 * length in bytes and stores the code point. */
size_t util_utf8_decode(const char *s, size_t n, unsigned *cp);

/* 64-bit FNV-1a of s[0..n): a stable hash (the same on every machine and
 * build), not a cryptographic one. */
uint64_t util_fnv1a(const char *s, size_t n);
#ifdef __cplusplus
}
#endif

#endif
