/* record.h - the stored record of a paragraph (private).
 *
 * Each Xapian document carries everything needed to show its paragraph as a
 * hit without opening the source: the paragraph and the text of the
 * footnotes it carries; its resolution's context is in the record of the
 * resolution's first paragraph (one more document read). The record is a
 * tagged list of fields (record.c); records of older indexes are JSON
 * (record-json.c) and still read. A record that does not decode is
 * RESDEX_STATUS_CORRUPT_RECORD, never a crash. */
#ifndef RESDEX_RECORD_H
#define RESDEX_RECORD_H

#include "resdex.h"
#include "arena.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The tag byte that opens a record: its layout. Written now: BINARY
 * (record.c); read as well, from older indexes: the JSON ones
 * (record-json.c), ZLIB before index format 2, REF (the context in another
 * record) since format 5. */
#define RECORD_TAG_ZLIB   '1'
#define RECORD_TAG_JSON   '2'
#define RECORD_TAG_REF    '3'
#define RECORD_TAG_BINARY '4'

/* A record larger than this is corrupt (paragraphs are small). */
#define RECORD_MAX (16u * 1024u * 1024u)

/* Encode paragraph `index` of `res` with its id. With context_ref (the
 * unique term of a paragraph of the same resolution whose record carries
 * the context), the resolution's context is left out and the record points
 * there instead. *out (OUT) is malloc()ed. */
resdex_status_t record_encode(const resdex_resolution_t *res, size_t index, const char *id,
                              const char *context_ref, char **out, size_t *out_len);

/* The unique term (NUL-terminated, inside data) of the record that holds
 * this record's resolution context; NULL when the record holds its own. */
const char *record_context_ref(const char *data, size_t len);

/* Decode a record into `hit` (rank, score, snippet untouched); every string
 * and structure is allocated in `a`. `context`: the record named by
 * record_context_ref (NULL when there is none). */
resdex_status_t record_decode(arena_t *a, const char *data, size_t len, const char *context,
                              size_t context_len, resdex_hit_t *hit, char **message);

/* The JSON records of older indexes (record-json.c), for record_decode:
 * whether data is one; its paragraph, footnotes and id into hit and p, and
 * its context into res when it holds one (tag '2' or '1'); the context
 * alone into res. */
int record_is_json(const char *data, size_t len);
resdex_status_t record_json_read(arena_t *a, const char *data, size_t len, resdex_hit_t *hit,
                                 resdex_resolution_t *res, resdex_paragraph_t *p, char **message);
resdex_status_t record_json_context(arena_t *a, const char *data, size_t len,
                                    resdex_resolution_t *res, char **message);

/* The head verb of a verb phrase, lower-cased, into buf: "Also encourages"
 * -> "encourages", "Recalling further" -> "recalling", "Expresses its
 * appreciation" -> "expresses". Empty when phrase is NULL. */
void record_head_verb(const char *phrase, char *buf, size_t size);

#ifdef __cplusplus
}
#endif

#endif
