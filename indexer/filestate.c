/* filestate.c - file states in the index metadata, the content hash, and
 * reading a corpus file safely. */
#include "filestate.h"
#include "resdex.h"
#include "walk.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void
file_state_format(const file_state_t *fs, char *buf, size_t size)
{
    snprintf(buf, size, "%" PRIu64 " %" PRId64 " %016" PRIx64 " %" PRIu64, fs->size, fs->mtime_ns,
             fs->hash, fs->paragraphs);
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

static char *
reason_errno(const char *what, int err)
{
    char *r = NULL;
    if (asprintf(&r, "%s: %s", what, strerror(err)) < 0)
        return NULL;
    return r;
}

const char *
file_type_name(mode_t mode)
{
    if (S_ISFIFO(mode))
        return "a FIFO";
    if (S_ISSOCK(mode))
        return "a socket";
    if (S_ISCHR(mode))
        return "a character device";
    if (S_ISBLK(mode))
        return "a block device";
    return "not a regular file";
}

/* One attempt. *changed is set when the file changed during the read. */
static read_result_t
read_once(const char *path, char **data, size_t *len, struct stat *st, char **reason, int *changed)
{
    *changed = 0;
    /* O_NONBLOCK: a FIFO that appeared since the walk must not hang us. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        int err = errno;
        struct stat lst;
        if (err == ENOENT && lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
            *reason = strdup("broken symbolic link");
            return READ_BAD;
        }
        if (err == ENOENT || err == ENOTDIR)
            return READ_GONE;
        if (err == ELOOP) {
            *reason = strdup("symbolic link loop");
            return READ_BAD;
        }
        *reason = reason_errno("cannot open", err);
        return READ_BAD;
    }
    read_result_t result = READ_BAD;
    char *buf = NULL;
    if (fstat(fd, st) != 0) {
        *reason = reason_errno("cannot stat", errno);
        goto DONE;
    }
    if (S_ISDIR(st->st_mode)) {
        /* Replaced by a folder since the walk: the folder's own walk sees to
         * it; as a file it is gone. */
        result = READ_GONE;
        goto DONE;
    }
    if (!S_ISREG(st->st_mode)) {
        if (asprintf(reason, "%s, not a regular file", file_type_name(st->st_mode)) < 0)
            *reason = NULL;
        goto DONE;
    }
    /* The size policy of resdex.h, as resdex_read_file applies it. */
    if ((uint64_t)st->st_size > RESDEX_MAX_FILE_BYTES) {
        if (asprintf(reason, "too large: %lld bytes (the limit is %u MiB)", (long long)st->st_size,
                     RESDEX_MAX_FILE_BYTES / (1024u * 1024u)) < 0)
            *reason = NULL;
        goto DONE;
    }
    size_t cap = (size_t)st->st_size + 1, n = 0;
    buf = malloc(cap + 1);
    if (!buf) {
        *reason = strdup("out of memory");
        goto DONE;
    }
    for (;;) {
        if (n == cap) {
            /* Grew since fstat: read what is there, up to the limit. */
            if (cap > RESDEX_MAX_FILE_BYTES) {
                if (asprintf(reason, "too large: over %u MiB",
                             RESDEX_MAX_FILE_BYTES / (1024u * 1024u)) < 0)
                    *reason = NULL;
                goto DONE;
            }
            char *bigger = realloc(buf, cap * 2 + 1);
            if (!bigger) {
                *reason = strdup("out of memory");
                goto DONE;
            }
            buf = bigger;
            cap *= 2;
        }
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            int err = errno;
            if (err == EAGAIN) {
                *changed = 1;
                goto DONE;
            }
            *reason = reason_errno("read error", err);
            goto DONE;
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    struct stat after;
    if (fstat(fd, &after) != 0 || after.st_size != st->st_size ||
        after.st_mtim.tv_sec != st->st_mtim.tv_sec ||
        after.st_mtim.tv_nsec != st->st_mtim.tv_nsec || n != (size_t)st->st_size) {
        *changed = 1;
        goto DONE;
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    buf = NULL;
    result = READ_OK;
DONE:
    free(buf);
    close(fd);
    return result;
}

read_result_t
file_read(const char *path, char **data, size_t *len, struct stat *st, char **reason)
{
    *data = NULL;
    *len = 0;
    *reason = NULL;
    for (int attempt = 0; attempt < 3; attempt++) {
        int changed = 0;
        read_result_t r = read_once(path, data, len, st, reason, &changed);
        if (!changed)
            return r;
        /* Being written right now: give the writer a moment. */
        usleep(20000);
    }
    *reason = strdup("kept changing while being read");
    return READ_BAD;
}

/* Metadata keys: Xapian takes up to 253 bytes. A key of up to
 * META_KEY_PLAIN_MAX bytes is prefix+rel, as it always was; a longer one is
 * prefix + the path cut + "#<16 hex digits of its FNV-1a hash>", between
 * META_KEY_PLAIN_MAX+1 and META_KEY_LONG bytes, and its value carries the
 * whole path: "@<length>:<path><value>". A plain key is never that long, so
 * the two never meet; an index written before this had plain keys up to 253
 * bytes, and file_meta_list() moves those to the long form. */
#define META_KEY_PLAIN_MAX RESDEX_META_KEY_PLAIN_MAX
#define META_KEY_LONG      RESDEX_META_KEY_LONG
#define HASH_SUFFIX        RESDEX_META_KEY_HASH_BYTES /* "#" and 16 hex digits */
/* The shortest cut of a long key's path (a UTF-8 cut backs up <= 3 bytes). */
#define LONG_CUT_MIN(plen) (META_KEY_LONG - HASH_SUFFIX - 3 - (plen))

static int
key_is_plain(const char *prefix, const char *rel)
{
    return strlen(prefix) + strlen(rel) <= META_KEY_PLAIN_MAX;
}

/* The one place a path becomes a metadata key. malloc()ed; NULL when out of
 * memory. */
static char *
file_meta_key(const char *prefix, const char *rel)
{
    char *key = NULL;
    if (key_is_plain(prefix, rel))
        return asprintf(&key, "%s%s", prefix, rel) < 0 ? NULL : key;
    size_t plen = strlen(prefix), n = META_KEY_LONG - HASH_SUFFIX - plen;
    for (int back = 0; back < 3 && ((unsigned char)rel[n] & 0xC0) == 0x80; back++)
        n--;
    uint64_t h = content_hash(rel, strlen(rel));
    if (asprintf(&key, "%s%.*s#%016" PRIx64, prefix, (int)n, rel, h) < 0)
        return NULL;
    return key;
}

resdex_status_t
file_meta_set(resdex_db_t *db, const char *prefix, const char *rel, const char *value)
{
    char *key = file_meta_key(prefix, rel), *v = NULL;
    if (!key)
        return RESDEX_STATUS_OUT_OF_MEMORY;
    if (!key_is_plain(prefix, rel) && *value &&
        asprintf(&v, "@%zu:%s%s", strlen(rel), rel, value) < 0) {
        free(key);
        return RESDEX_STATUS_OUT_OF_MEMORY;
    }
    resdex_status_t st = resdex_db_set_metadata(db, key, v ? v : value);
    free(v);
    free(key);
    return st;
}

resdex_status_t
file_state_store(resdex_db_t *db, const char *rel, const file_state_t *fs)
{
    char value[FILE_STATE_MAX];
    file_state_format(fs, value, sizeof value);
    return file_meta_set(db, META_FILE_PREFIX, rel, value);
}

typedef struct meta_walk {
    const char *prefix;
    const char *under;
    file_meta_fn fn;
    void *ctx;
    char **legacy; /* plain keys too long for today's plain form */
    size_t n_legacy, cap_legacy;
    int oom, stopped;
} meta_walk_t;

int
file_meta_decode(const char *key, const char *prefix, const char **rel, const char **value,
                 char **owned)
{
    unsigned long long len;
    int used = 0;
    const char *v = *value;
    *owned = NULL;
    *rel = key + strlen(prefix);
    if (v[0] == '@' && sscanf(v, "@%llu:%n", &len, &used) == 1 && used > 0 &&
        strnlen(v + used, len) == len) {
        if (!(*owned = strndup(v + used, len)))
            return -1;
        *rel = *owned;
        *value = v + used + len;
    }
    return 0;
}

static int
meta_walk_one(const char *key, const char *value, void *ctx)
{
    meta_walk_t *w = ctx;
    const char *rel;
    char *long_rel = NULL;
    if (file_meta_decode(key, w->prefix, &rel, &value, &long_rel) != 0) {
        w->oom = 1;
        return 1;
    }
    if (!long_rel && strlen(key) > META_KEY_PLAIN_MAX) {
        if (w->n_legacy == w->cap_legacy) {
            size_t cap = w->cap_legacy ? w->cap_legacy * 2 : 8;
            char **v = realloc(w->legacy, cap * sizeof *v);
            if (!v) {
                w->oom = 1;
                return 1;
            }
            w->legacy = v;
            w->cap_legacy = cap;
        }
        if (!(w->legacy[w->n_legacy] = strdup(key))) {
            w->oom = 1;
            return 1;
        }
        w->n_legacy++;
    }
    int rc = path_within(rel, w->under) ? w->fn(rel, value, w->ctx) : 0;
    free(long_rel);
    if (rc)
        w->stopped = 1;
    return rc;
}

resdex_status_t
file_meta_list(resdex_db_t *db, const char *prefix, const char *under, file_meta_fn fn, void *ctx,
               size_t *migrated)
{
    meta_walk_t w = {.prefix = prefix, .under = under, .fn = fn, .ctx = ctx};
    *migrated = 0;
    /* Long keys hold only the start of their path: list by at most that
     * much of `under`; meta_walk_one() checks the whole path. */
    size_t plen = strlen(prefix), ulen = strlen(under);
    if (ulen > (size_t)LONG_CUT_MIN(plen))
        ulen = (size_t)LONG_CUT_MIN(plen);
    char *key_prefix = NULL;
    if (asprintf(&key_prefix, "%s%.*s", prefix, (int)ulen, under) < 0)
        return RESDEX_STATUS_OUT_OF_MEMORY;
    resdex_status_t st = resdex_db_list_metadata(db, key_prefix, meta_walk_one, &w);
    free(key_prefix);
    if (st == RESDEX_STATUS_SUCCESS && w.oom)
        st = RESDEX_STATUS_OUT_OF_MEMORY;
    /* Move old-style long keys to the long form, in the pending commit. */
    for (size_t i = 0; i < w.n_legacy; i++) {
        char *value = NULL;
        const char *key = w.legacy[i];
        if (st == RESDEX_STATUS_SUCCESS)
            st = resdex_db_read_metadata(db, key, &value);
        if (st == RESDEX_STATUS_SUCCESS)
            st = resdex_db_set_metadata(db, key, "");
        if (st == RESDEX_STATUS_SUCCESS)
            st = file_meta_set(db, prefix, key + plen, value);
        if (st == RESDEX_STATUS_SUCCESS)
            (*migrated)++;
        free(value);
        free(w.legacy[i]);
    }
    free(w.legacy);
    return st;
}
