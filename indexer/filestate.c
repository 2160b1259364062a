/* filestate.c - file states in the index metadata, through the library's
 * typed calls (the keys, their long form and the state's format are the
 * library's: lib/files.cc), and the content hash. A corpus file is read by
 * the library's reader too (resdex_read_file_raw, in load.c). */
#include "filestate.h"
#include "resdex.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
file_state_format(const file_state_t *fs, char *buf, size_t size)
{
    resdex_file_entry_t e = {
        .size = fs->size, .mtime_ns = fs->mtime_ns, .hash = fs->hash, .paragraphs = fs->paragraphs};
    resdex_file_state_format(&e, buf, size);
}

int
file_state_parse(const char *s, file_state_t *fs)
{
    resdex_file_entry_t e = {0};
    memset(fs, 0, sizeof *fs);
    if (resdex_file_state_parse(s, &e) != 0)
        return -1;
    *fs = (file_state_t){e.size, e.mtime_ns, e.hash, e.paragraphs};
    return 0;
}

static int64_t
mtime_ns(const struct stat *st)
{
    return (int64_t)st->st_mtim.tv_sec * 1000000000 + (int64_t)st->st_mtim.tv_nsec;
}

int
file_state_matches_stat(const file_state_t *fs, const struct stat *st)
{
    return fs->size == (uint64_t)st->st_size && fs->mtime_ns == mtime_ns(st);
}

uint64_t
content_hash(const void *data, size_t len)
{
    const unsigned char *p = data;
    uint64_t h = UINT64_C(14695981039346656037);
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= UINT64_C(1099511628211);
    }
    return h;
}

/* The keys and their long form are the library's (resdex_db_set_path_metadata). */
resdex_status_t
file_meta_set(resdex_db_t *db, const char *prefix, const char *rel, const char *value)
{
    return resdex_db_set_path_metadata(db, prefix, rel, value);
}

resdex_status_t
file_state_store(resdex_db_t *db, const char *rel, const file_state_t *fs)
{
    char value[FILE_STATE_MAX];
    file_state_format(fs, value, sizeof value);
    return file_meta_set(db, META_FILE_PREFIX, rel, value);
}

resdex_status_t
file_meta_list(resdex_db_t *db, const char *prefix, const char *under, file_meta_fn fn, void *ctx,
               size_t *migrated)
{
    return resdex_db_list_path_metadata(db, prefix, under, fn, ctx, migrated);
}
