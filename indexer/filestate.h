/* filestate.h - what resdexd remembers about each corpus file.
 *
 * The state of every indexed file lives in the index's metadata, written in
 * the same commit as the file's paragraphs, so the two never disagree: after
 * a crash, whatever was not committed is simply done again.
 *
 * Metadata keys (a contract: readers see them through resdex_db_list_files):
 *   "file:<corpus-relative path>"     "<size> <mtime_ns> <hash hex> <paragraphs>"
 *   "rejected:<corpus-relative path>" "<ISO 8601 UTC time> <reason>"
 * A key that would pass 240 bytes (Xapian takes 253) is instead the prefix,
 * the path cut, and "#<16 hex digits>" (a hash of the whole path), and its
 * value opens with the whole path as "@<length>:<path>" (the library's
 * resdex_db_set_path_metadata); file_meta_list() gives the path and value
 * decoded.
 *   "member:<archive path>!<member>"  a zip member's state (archive.h)
 *   "resdex:last-update"              ISO 8601 UTC time of the last commit
 *   "resdex:corpus"                   the corpus folder, absolute
 */
#ifndef RESDEXD_FILESTATE_H
#define RESDEXD_FILESTATE_H

#include "resdex.h"

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#define META_FILE_PREFIX     RESDEX_META_FILE_PREFIX
#define META_REJECTED_PREFIX RESDEX_META_REJECTED_PREFIX
#define META_LAST_UPDATE     RESDEX_META_LAST_UPDATE
#define META_CORPUS          RESDEX_META_CORPUS

typedef struct file_state {
    uint64_t size;       /* bytes on disk (compressed size for .gz) */
    int64_t mtime_ns;    /* st_mtim in nanoseconds since the epoch */
    uint64_t hash;       /* content_hash() of the bytes on disk */
    uint64_t paragraphs; /* paragraphs indexed from it */
} file_state_t;

/* Longest formatted state, with its NUL. */
#define FILE_STATE_MAX RESDEX_FILE_STATE_MAX

void file_state_format(const file_state_t *fs, char *buf, size_t size);
/* 0 when `s` is a well-formed state, -1 otherwise (*fs is then zeroed). */
int file_state_parse(const char *s, file_state_t *fs);
/* Nonzero when size and mtime match: the file is taken as unchanged
 * without reading it. */
int file_state_matches_stat(const file_state_t *fs, const struct stat *st);

/* Set the metadata key prefix+rel (META_FILE_PREFIX or META_REJECTED_PREFIX)
 * to value ("" deletes it) in db's pending commit. OUT_OF_MEMORY, or the
 * status of resdex_db_set_metadata (its message on db). */
resdex_status_t file_meta_set(resdex_db_t *db, const char *prefix, const char *rel,
                              const char *value);
/* The same for a file state, formatted. */
resdex_status_t file_state_store(resdex_db_t *db, const char *rel, const file_state_t *fs);

/* Called with each path and its value (decoded); nonzero stops. */
typedef resdex_path_meta_fn file_meta_fn;
/* Call fn for every key with `prefix` whose path is `under` or below it
 * ("" for all), in no particular order. Keys an older resdexd wrote too long
 * for today's plain form are rewritten in the long form in db's pending
 * commit; *migrated counts them. OUT_OF_MEMORY, or the status of the
 * metadata calls (their message on db). */
resdex_status_t file_meta_list(resdex_db_t *db, const char *prefix, const char *under,
                               file_meta_fn fn, void *ctx, size_t *migrated);

/* The content hash: 64-bit FNV-1a over the file's bytes as stored on disk,
 * written as 16 lower-case hex digits. Not cryptographic: it tells a touched
 * file from a changed one, and finds a renamed file by its content. */
uint64_t content_hash(const void *data, size_t len);

#endif
