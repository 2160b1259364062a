/* text-meta.h - the context of a resolution as printed (private): bodies,
 * dates, sessions, symbols. */
#ifndef RESDEX_TEXT_META_H
#define RESDEX_TEXT_META_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The body named at s[0..n) ("General Assembly", "Economic and Social
 * Council", "Commission on Crime Prevention and Criminal Justice",
 * "Commission on Narcotic Drugs", "Security Council", "Human Rights
 * Council"): its code ("GA", "ECOSOC", "CCPCJ", "CND", "SC", "HRC") and the
 * length of the name, or NULL. */
const char *meta_body_at(const char *s, size_t n, size_t *len);

/* The first body named anywhere in s[0..n) after `after` (a phrase such as
 * "adopted by the "), or NULL. */
const char *meta_body_after(const char *s, size_t n, const char *after);

/* A date "6 July 2017" at s[0..n): writes "2017-07-06" into iso (11 bytes)
 * and returns the length parsed, 0 if none. */
size_t meta_date_at(const char *s, size_t n, char iso[11]);
/* The first date anywhere in s[0..n) (after position `from`). */
int meta_date_in(const char *s, size_t n, char iso[11]);

/* An ordinal at s[0..n): "twenty-sixth" or "26th" -> 26 and its length. */
size_t meta_ordinal_at(const char *s, size_t n, unsigned *value);

/* The text's language by its commonest short words: "en", "fr" or "es". */
const char *meta_language(const char *s, size_t n);

#ifdef __cplusplus
}
#endif

#endif
