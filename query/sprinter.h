/* sprinter.h - resdex's one output layer (after notmuch's sprinter.h): a
 * command describes what it prints once, as maps, lists and scalars, and
 * the printer renders each top-level value either as one line of JSON (the
 * interface contract: the keys in the order described) or through the
 * command's text layout, which reads the same value. So the text and the
 * JSON cannot drift apart: a field the layout shows is a field of the JSON.
 *
 *     sp_begin_map(sp);
 *     sp_key(sp, "total"); sp_int(sp, 16);
 *     sp_end(sp);             -> {"total":16}, or layout(value) for text
 *
 * The value handed to a layout is a jansson tree (objects keep their keys
 * in order); sp_get_string() and sp_get_int() read it. Calls after a
 * failure (out of memory, a write error) do nothing; sprinter_failed()
 * says so at the end. */
#ifndef RESDEX_QUERY_SPRINTER_H
#define RESDEX_QUERY_SPRINTER_H

#include <jansson.h>
#include <stdio.h>

typedef struct sprinter sprinter_t;

/* Print one top-level value in a command's text layout (value borrowed,
 * ctx the layout's own). Returns 0, or -1 when it could not. */
typedef int (*sprinter_layout_fn)(const json_t *value, void *ctx, FILE *out);

/* A printer to out: JSON Lines when layout is NULL, else text through
 * layout(value, ctx, out). NULL when out of memory. */
sprinter_t *sprinter_new(FILE *out, sprinter_layout_fn layout, void *ctx);

/* A printer that prints nothing: each top-level value is appended to
 * `into` (a JSON array, borrowed; it takes its own reference), so that
 * resdex serve answers with exactly the values the command line prints.
 * NULL when out of memory. */
sprinter_t *sprinter_new_collect(json_t *into);

/* Non-zero when a value could not be built or printed. */
int sprinter_failed(const sprinter_t *sp);

/* Free the printer (NULL is fine). An unfinished value is dropped. */
void sprinter_destroy(sprinter_t *sp);

void sp_begin_map(sprinter_t *sp);
void sp_begin_list(sprinter_t *sp);
/* End the innermost map or list; ending the outermost prints it. */
void sp_end(sprinter_t *sp);
/* The key of the next value in a map; borrowed until that value is given. */
void sp_key(sprinter_t *sp, const char *key);
/* A string (UTF-8; a byte that is not is printed as U+FFFD); NULL: null. */
void sp_string(sprinter_t *sp, const char *s);
/* A file name, any bytes, escaped as resdex_name_escape (resdex.h) says; NULL: null. */
void sp_name(sprinter_t *sp, const char *name);
void sp_int(sprinter_t *sp, long long v);
void sp_real(sprinter_t *sp, double v);
void sp_bool(sprinter_t *sp, int v);
void sp_null(sprinter_t *sp);
/* sp_key then sp_string, sp_int. */
void sp_key_string(sprinter_t *sp, const char *key, const char *s);
void sp_key_int(sprinter_t *sp, const char *key, long long v);
/* A list of strings. */
void sp_strings(sprinter_t *sp, const char *const *items, size_t n);

/* A value given as JSON text (one of the library's descriptions, e.g.
 * resdex_results_hit_json's): parsed and added as it is; printed as JSON
 * Lines (no layout, not collected), kept as its text instead and printed
 * as it is, the same bytes (the library prints with json_print_line's
 * flags), unchecked. sp_json_fields
 * adds the keys of a JSON object to the map being described instead (the
 * caller then adds keys of its own; a key given again keeps its place and
 * takes the new value). NULL json (the library's call failed) fails the
 * printer, as text that does not parse does. */
void sp_json(sprinter_t *sp, const char *json);
void sp_json_fields(sprinter_t *sp, const char *json);

/* For layouts: the string at key in object o, NULL when absent or null;
 * the integer, 0 when absent. */
const char *sp_get_string(const json_t *o, const char *key);
long long sp_get_int(const json_t *o, const char *key);

/* Print one JSON value on its own line (JSON Lines), keys in insertion
 * order, non-ASCII as UTF-8. Returns 0, or -1 on a write error. */
int json_print_line(const json_t *value, FILE *out);

#endif
