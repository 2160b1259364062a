/* adoption.h - the adoption metadata of a resolution (private): building it
 * while a reader reads, and its JSON form in the index's store.
 *
 * A resolution's resdex_adoption_t is made by the readers (akn-meta.c,
 * extract.c) in the document's arena, stored once per resolution and
 * language in the index's metadata (index.cc, key ADOPTION_KEY_PREFIX
 * SYMBOL@LANG) and read back for hits and `show` (query-prep.cc). */
#ifndef RESDEX_ADOPTION_H
#define RESDEX_ADOPTION_H

#include "resdex.h"
#include "arena.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A new adoption record in a: method UNKNOWN, counts -1, lists empty;
 * NULL when memory ran out. */
resdex_adoption_t *adoption_new(arena_t *a, const char *from);

/* Append to its lists (copies in a); a string already there is not added
 * twice, and a list stops at 400 items (more than there are States: a
 * hostile file's millionth name is dropped, not searched for). Out of
 * memory marks the arena failed. */
void adoption_add_sponsor(arena_t *a, resdex_adoption_t *ad, const char *name, int additional);
void adoption_add_subject(arena_t *a, resdex_adoption_t *ad, const char *label);
void adoption_add_sdg(arena_t *a, resdex_adoption_t *ad, int goal);
void adoption_add_voter(arena_t *a, resdex_adoption_t *ad, const char *state, resdex_vote_t vote);
/* printf-style: a warning about the metadata (the caller names the file
 * and the element). */
void adoption_warn(arena_t *a, resdex_adoption_t *ad, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Split a list of States as the UN prints it ("Albania, Austria, Bosnia and
 * Herzegovina and Spain") into sponsors; a text that is not a list of
 * States ("submitted by the President of the General Assembly", a body's
 * name) is one sponsor as printed; an identifier ("economicAndSocialCouncil")
 * is none. */
void adoption_add_sponsor_list(arena_t *a, resdex_adoption_t *ad, const char *by, int additional);

/* Does ad say anything? (a method, a draft, a list) */
int adoption_is_empty(const resdex_adoption_t *ad);

/* The JSON of the store: {"method", "in_favour", "against", "abstaining",
 * "draft", "sponsors", "additional_sponsors", "sdgs", "subjects", "votes":
 * [[state, vote]...], "warnings", "from", "source"}. malloc()ed; NULL when
 * out of memory. `source` is the file it was read from. */
char *adoption_encode(const resdex_adoption_t *ad, const char *source);

/* The "source" of the store's JSON, malloc()ed; NULL when it has none. */
char *adoption_source(const char *json, size_t len);

/* Decode the store's JSON into a new record in a; NULL when it is not one
 * (or memory ran out). */
resdex_adoption_t *adoption_decode(arena_t *a, const char *json, size_t len);

#ifdef __cplusplus
}
#endif

#endif
