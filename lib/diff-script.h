/* diff-script.h - the edit script between two tokenised texts (private):
 * Myers' O(ND) algorithm in its linear-space form, then tidied for
 * reading. diff.c scores the script and turns it into runs. */
#ifndef RESDEX_DIFF_SCRIPT_H
#define RESDEX_DIFF_SCRIPT_H

#include "diff-text.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { E_EQUAL = 0, E_INSERT = 1, E_DELETE = 2 } edit_kind_t;

/* One token of the edit script: an EQUAL or DELETE names an old token, an
 * INSERT a new one (an EQUAL also its new token). */
typedef struct edit {
    unsigned char kind;
    uint32_t old_i, new_i;
} edit_t;

typedef struct script {
    edit_t *e;
    size_t n, cap;
    int failed;
    size_t work;
    const diff_text_t *a, *b;
    long *v; /* scratch for the bisection: 2 * (2 * max_d + 2) longs */
    size_t v_cap;
} script_t;

/* The shortest edit script from a to b into *s (zeroed first; free it with
 * script_free). With a work budget: past it a piece is reported deleted and
 * inserted whole, which is correct, only not minimal. 0, or -1 when memory
 * runs out. */
int script_make(script_t *s, const diff_text_t *a, const diff_text_t *b);

/* Tidy for reading: within a change deletions first, and a few words left
 * equal between two changes joined to them. 0, or -1 when memory runs out. */
int script_tidy(script_t *s);

void script_free(script_t *s);

#ifdef __cplusplus
}
#endif

#endif
