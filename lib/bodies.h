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

#ifdef __cplusplus
}
#endif

#endif
