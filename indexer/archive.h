/* archive.h - a zip archive in the corpus, reconciled member by member.
 *
 * Each member that is a document is indexed under its own source
 * "ARCHIVE!MEMBER", and its state is kept in the metadata key
 * "member:ARCHIVE!MEMBER" = "<size> 0 <hash hex> <paragraphs>" (the
 * file-state format; the hash is of the member's inflated bytes). When the
 * archive changes, a member with the same hash is left as it is, a new or
 * changed one is indexed again, and a member no longer in the archive has
 * its paragraphs and key removed. A member that cannot be read or parsed
 * is logged as a warning (naming archive and member) and its last good
 * paragraphs stay. */
#ifndef RESDEXD_ARCHIVE_H
#define RESDEXD_ARCHIVE_H

#include "reconcile.h"

#include <stddef.h>
#include <stdint.h>

#define META_MEMBER_PREFIX RESDEX_META_MEMBER_PREFIX

typedef struct archive_result {
    uint64_t paragraphs; /* indexed from the archive now, all members */
    size_t indexed, kept, removed, bad;
} archive_result_t;

/* Bring the index in line with the archive corpus/rel, whose bytes are
 * data[0..len). 0 on success (*r says what was done); 1 when the archive
 * as a whole cannot be read, *message (malloc()ed) saying why; -1 when the
 * index failed (logged). Changes go into ix's open batch. */
int archive_reconcile(indexer_t *ix, const char *rel, const char *data, size_t len,
                      archive_result_t *r, char **message);

/* Index one member, data[0..len), as `source` ("ARCHIVE!MEMBER") into db,
 * with its "member:" state: 0 (*paragraphs indexed), 1 when the member does
 * not parse (*why, malloc()ed or NULL, says so for a warning), -1 when the
 * index failed (resdex_db_last_error). */
int archive_index_member(resdex_db_t *db, const char *source, const char *data, size_t len,
                         uint64_t *paragraphs, char **why);

/* Remove every member of the archive rel from the index (the archive is
 * gone). 0, or -1 when the index failed (logged). */
int archive_drop(indexer_t *ix, const char *rel);

#endif
