/* filestate.c - file states in the index metadata, the content hash, and
 * reading a corpus file safely. */
#include "filestate.h"
#include "resdex.h"

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
    int used = 0;
    memset(fs, 0, sizeof *fs);
    if (sscanf(s, "%" SCNu64 " %" SCNd64 " %" SCNx64 " %" SCNu64 "%n", &fs->size, &fs->mtime_ns,
               &fs->hash, &fs->paragraphs, &used) != 4 ||
        s[used] != '\0') {
        memset(fs, 0, sizeof *fs);
        return -1;
    }
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

resdex_status_t
file_meta_set(resdex_db_t *db, const char *prefix, const char *rel, const char *value)
{
    char *key = NULL;
    if (asprintf(&key, "%s%s", prefix, rel) < 0)
        return RESDEX_STATUS_OUT_OF_MEMORY;
    resdex_status_t st = resdex_db_set_metadata(db, key, value);
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
