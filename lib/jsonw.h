/* jsonw.h - a JSON writer that prints as it goes (private), for the
 * descriptions of describe.c: keys and values in the order they are
 * written, into one growing buffer, with no tree in between (notmuch's
 * sprinter is the model). Its bytes are those jansson's json_dumps gives
 * with JSON_COMPACT | JSON_REAL_PRECISION(6), which resdex printed before
 * (and which other JSON of resdex still uses): strings with \" \\ \b \f \n
 * \r \t and \u00XX escaped and everything else as it is, reals as %.6g with
 * ".0" when that reads as an integer and no "+" or leading zeros in an
 * exponent.
 *
 * The first failure is kept (later calls do nothing): OUT_OF_MEMORY, or
 * BAD_UTF8 for a string that is not UTF-8 (never printed half-right). */
#ifndef RESDEX_JSONW_H
#define RESDEX_JSONW_H

#include "resdex.h"

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define JSONW_MAX_DEPTH 32

typedef struct jsonw {
    char *buf;
    size_t len, cap;
    resdex_status_t st;
    int depth;
    /* Per open container: nothing written in it yet. */
    unsigned char empty[JSONW_MAX_DEPTH];
    /* Per open container: an array (values take commas themselves). */
    unsigned char array[JSONW_MAX_DEPTH];
} jsonw_t;

/* A writer with nothing written (no allocation yet). */
void jsonw_init(jsonw_t *w);
/* Keep st as the writer's failure, unless it has one already. */
void jsonw_fail(jsonw_t *w, resdex_status_t st);

void jsonw_object(jsonw_t *w); /* { */
void jsonw_array(jsonw_t *w);  /* [ */
void jsonw_end(jsonw_t *w);    /* } or ], the innermost open one */
/* A key of the open object; its value comes next. */
void jsonw_key(jsonw_t *w, const char *key);
/* A string; null for NULL. */
void jsonw_string(jsonw_t *w, const char *s);
void jsonw_integer(jsonw_t *w, int64_t n);
void jsonw_real(jsonw_t *w, double x);
void jsonw_bool(jsonw_t *w, int b);
void jsonw_null(jsonw_t *w);

/* The text written (malloc()ed, NUL-terminated; the caller frees it) in
 * *out and SUCCESS; on a failure, *out NULL and the failure. The writer is
 * spent either way. */
resdex_status_t jsonw_finish(jsonw_t *w, char **out);

#ifdef __cplusplus
}
#endif

#endif
