/* json.h - the JSON shapes of resdex's output (DESIGN.md section 5), built
 * with jansson. Every function returns a new reference (NULL on allocation
 * failure) that the caller json_decref()s. */
#ifndef RESDEX_QUERY_JSON_H
#define RESDEX_QUERY_JSON_H

#include "resdex.h"

#include <jansson.h>

/* {"symbol","number","body","title","date","lang","source", and when known
 * "doc_type","session","agenda_item","meeting","recommended_by","recommends_to"} */
json_t *json_resolution_context(const resdex_resolution_t *res);

/* {"kind","number","item","verb","text"}: number and item are null when the
 * paragraph has none. */
json_t *json_paragraph(const resdex_paragraph_t *par);

/* [{"mark","text"}, ...] */
json_t *json_footnotes(const resdex_footnote_t *notes, size_t n);

/* ["...", ...] */
json_t *json_strings(const char *const *items, size_t n);

/* resdex parse --json: one object per resolution, the context fields plus
 * "paragraphs": [{kind, number, item, verb, text, footnotes: [marks], tags,
 * cites}], "footnotes": [{mark, text}]. */
json_t *json_parsed_resolution(const resdex_resolution_t *res);

/* One search hit: {"rank","score","id","resolution":{...},"paragraph":{...,
 * "snippet"},"footnotes":[...],"tags":[...],"cites":[...]} */
json_t *json_hit(const resdex_hit_t *hit);

/* A line of input as a JSON string, whatever its bytes: a NUL or a byte
 * that is not part of valid UTF-8 becomes U+FFFD, so that an answer can
 * always say which line it is for. *bad (OUT, may be NULL) is the 1-based
 * position of the first byte replaced, 0 when none was. */
json_t *json_lossy_string(const char *s, size_t len, size_t *bad);

/* Print one JSON value on its own line (JSON Lines), keys in insertion
 * order, non-ASCII as UTF-8. Returns 0, or -1 on a write error. */
int json_print_line(json_t *value, FILE *out);

#endif
