/* footnotes.h - footnote markers and inline markup in text (private).
 *
 * Text converted from the UN's PDFs carries footnote markers in three
 * forms: Unicode superscripts ("Rights,¹", "²³" is mark 23), markdown
 * ("[^4]", or a link whose label is a number: "Rights,[4](#fn4)"), and bare
 * digits glued to punctuation ("in 2000,1 the"). The last form is ambiguous,
 * so it only counts as a marker when the caller knows a footnote with that
 * number. Marks are numbers of 1 to 3 digits (reports run past 70, never
 * near 1000); longer superscript runs are dropped without being marks. */
#ifndef RESDEX_FOOTNOTES_H
#define RESDEX_FOOTNOTES_H

#include "util.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Highest mark recognised. */
#define FN_MAX_MARK 999u

/* Does a footnote with this mark exist (for bare-digit markers)? */
typedef int (*fn_known_fn)(void *ctx, unsigned mark);
/* A marker found, in order of appearance. */
typedef void (*fn_mark_fn)(void *ctx, unsigned mark);

/* Write the plain text of raw[0..n) to out: markdown links replaced by their
 * label, emphasis markers (* and **) and backslash escapes removed, footnote
 * markers removed and reported to on_mark, white space collapsed and
 * trimmed. Bare-digit markers count only when known is given and says yes.
 * on_mark may be NULL. Returns 0, or -1 when out cannot grow. */
int fn_clean(const char *raw, size_t n, fn_known_fn known, void *kctx, fn_mark_fn on_mark,
             void *mctx, buf_t *out);

/* Call fn for each place in raw[0..n) that could be a bare-digit marker. */
void fn_bare_candidates(const char *raw, size_t n, fn_mark_fn fn, void *ctx);

/* Does s[0..n) open a footnote ("¹ text", "²³ text", "[^4]: text")? Returns
 * the length of the marker and the white space after it (0 if not), and
 * the mark. */
size_t fn_note_start(const char *s, size_t n, unsigned *mark);

/* The length of the superscript digit at s (0 if none) and its value. */
size_t fn_superscript(const char *s, size_t n, unsigned *digit);

#ifdef __cplusplus
}
#endif

#endif
