/* cite.h - finding and normalising citations of UN documents (private).
 *
 * Both readers use it, so that a citation reads the same whatever the format:
 *   "General Assembly resolution 70/174"           -> "A/RES/70/174"
 *   "its resolution 65/229, annex" (GA context)     -> "A/RES/65/229"
 *   "Economic and Social Council resolution 2017/19" -> "E/RES/2017/19"
 *   "Resolution 2002/12" (a year: ECOSOC)           -> "E/RES/2002/12"
 *   "E/CN.15/2023/13", "A/CONF.234/16"              -> unchanged symbols
 *   "Commission on Narcotic Drugs resolution 55/12" -> "E/CN.7/RES/55/12"
 *   "Security Council resolution 2133 (2014)"       -> "S/RES/2133(2014)"
 *   "resolution 217 A (III)" (old GA numbering)     -> "A/RES/217(III)": the
 *     session in parentheses, the part letter dropped, as undocs.org names it
 */
#ifndef RESDEX_CITE_H
#define RESDEX_CITE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Call add(ctx, cite) for each document cited in text, normalised, in order
 * of appearance (duplicates allowed; the model drops them). `cite` is valid
 * during the call only. */
void cite_extract(const char *text, void (*add)(void *ctx, const char *cite), void *ctx);

/* The same, knowing which body speaks ("GA", "ECOSOC", "CCPCJ", "CND"; NULL
 * when unknown), so that "its resolution 18/3" in a CCPCJ text reads
 * E/CN.15/RES/18/3. */
void cite_extract_in(const char *text, const char *speaker,
                     void (*add)(void *ctx, const char *cite), void *ctx);

/* Normalise one reference - an AKN <a href> target such as
 * "https://undocs.org/en/A/RES/70/174" or "/en/A/RES/70/174", or a bare
 * symbol or number - into buf. Returns 1 when recognised, 0 otherwise. */
int cite_normalise(const char *ref, char *buf, size_t size);

/* A footnote that reads "Ibid." or "Ibid., vol. 993, No. 14537." made whole
 * from prev, the reference of the footnote before it (itself resolved):
 * "United Nations, Treaty Series, vol. 993, No. 14537.". A new string, owned
 * by the caller (free); NULL when text is not an "Ibid." or out of memory. */
char *cite_resolve_ibid(const char *text, const char *prev);

#ifdef __cplusplus
}
#endif

#endif
