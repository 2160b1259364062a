/* verbs.h - the leading verb phrase of a resolution paragraph (private).
 *
 * Preambular paragraphs open with a participle or adjective ("Recalling
 * further", "Bearing in mind also", "Mindful", "Having considered");
 * operative ones with a verb in the third person ("Also encourages",
 * "Calls upon", "Expresses its appreciation"). Converted PDFs mark the
 * phrase in italics (*Encourages*) and then the italics are taken as
 * printed; plain text (database extracts) needs the word lists here. */
#ifndef RESDEX_VERBS_H
#define RESDEX_VERBS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum verb_kind { VERB_NONE = 0, VERB_PREAMBULAR, VERB_OPERATIVE } verb_kind_t;

/* The verb phrase at the start of plain text s[0..n): its kind and its
 * length in bytes (0 when none). With lower_ok, a phrase in lower case is
 * accepted too ("recalling", after "The Economic and Social Council,"). */
verb_kind_t verb_find(const char *s, size_t n, int lower_ok, size_t *len);

/* The phrase in emphasis at the start of raw (markdown) text, "*Also
 * encourages* Member States": 1 with its offset and length, 0 if none. */
int verb_emphasis(const char *raw, size_t n, size_t *off, size_t *len);

/* The kind of a phrase the lists do not know (taken from emphasis): a
 * participle or adjective is preambular, anything else operative. */
verb_kind_t verb_guess(const char *s, size_t n);

#ifdef __cplusplus
}
#endif

#endif
