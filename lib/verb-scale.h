/* verb-scale.h - how strongly a paragraph's lead verb asks (private): the
 * scale resdex check compares a draft's verb with its precedent's by.
 *
 * The scale, strongest first, in the six languages of the United Nations,
 * and where it is ambiguous, is in doc/resdex.1 (CHECK); verb-scale.c holds
 * the table and says where it comes from. */
#ifndef RESDEX_VERB_SCALE_H
#define RESDEX_VERB_SCALE_H

#include "arena.h"
#include "diff.h"
#include "resdex.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct verb_lead {
    const char *phrase; /* as printed in the text ("Strongly urges"), in the arena */
    const char *canon;  /* the English name of its step ("strongly urges"), static */
    int strength;       /* its place on the scale, higher asks more; 0: not on it */
} verb_lead_t;

/* The lead verb of a paragraph's text (tokenised as t), in language lang
 * ("en", "fr", "es", "ru", "zh", "ar"; others read as English), of a
 * preambular paragraph or not. `fallback` is the verb phrase the parser found
 * (resdex_paragraph_t.verb; may be NULL): used, off the scale, when the table
 * knows no verb there. 1 with *out filled, 0 when the text has no lead verb
 * known, -1 when memory runs out. */
int verb_lead(const diff_text_t *t, const char *lang, int preambular, const char *fallback,
              arena_t *a, verb_lead_t *out);

/* From one lead verb to another: SAME (the same step, or the same verb off
 * the scale), WEAKER, STRONGER, or OTHER (a verb off the scale changed). */
resdex_verb_change_t verb_compare(const verb_lead_t *from, const verb_lead_t *to);

#ifdef __cplusplus
}
#endif

#endif
