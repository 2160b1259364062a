/* bodies.h - the UN bodies of the schema (lib/schema.cc), for the C
 * readers (private): the one list of names the text parser and the
 * citation finder recognise. */
#ifndef RESDEX_BODIES_H
#define RESDEX_BODIES_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The i-th body's name as printed ("General Assembly", from 0), with its
 * code ("GA") in *code; NULL past the last. Static storage. */
const char *schema_body_name(size_t i, const char **code);

/* The document series of the body with this code ("CCPCJ" -> "E/CN.15",
 * "GA" -> "A"; its resolutions are E/CN.15/RES/...), NULL when unknown.
 * Static storage. */
const char *schema_body_series(const char *code);

#ifdef __cplusplus
}
#endif

#endif
