/* qualifiers.h - the negotiated softeners and hardeners of a paragraph
 * (private): "as appropriate", "subject to the availability of
 * extrabudgetary resources", "without delay", ... in the six languages, and
 * which of them a newer text added or dropped (resdex check). The lists are
 * in qualifiers.c and doc/resdex.1. */
#ifndef RESDEX_QUALIFIERS_H
#define RESDEX_QUALIFIERS_H

#include "arena.h"
#include "diff.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct qualifier_change {
    size_t n_added, n_dropped;
    const char **added, **dropped; /* the list's phrases (static), in the arena's arrays */
} qualifier_change_t;

/* The qualifiers of language lang ("en" for one not listed) that text
 * new_text holds more often than old_text (added) and less often
 * (dropped). 0, or -1 when memory runs out. */
int qualifiers_compare(const diff_text_t *old_text, const diff_text_t *new_text, const char *lang,
                       arena_t *a, qualifier_change_t *out);

#ifdef __cplusplus
}
#endif

#endif
