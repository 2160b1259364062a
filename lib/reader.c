/* reader.c - one reader for corpus files, plain or gzip-compressed, with the
 * one size policy of resdex.h (RESDEX_MAX_FILE_BYTES on disk,
 * RESDEX_MAX_INPUT_BYTES of text), which resdexd applies too.
 *
 * Gzip is recognised by its magic bytes, never by the file name, so a
 * compressed file saved without ".gz" (or a plain one with it) still reads.
 * The cap on its content also bounds a gzip bomb. A PDF or zip is returned
 * as it is: its readers (pdf.c, zip.c) bound what they extract. */
#include "resdex.h"
#include "readers.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

static int
is_gzip(const unsigned char *p, size_t n)
{
    return n >= 2 && p[0] == 0x1f && p[1] == 0x8b;
}

/* Inflate a (possibly multi-member) gzip stream. */
static resdex_status_t
gunzip(const char *name, const unsigned char *in, size_t in_len, char **data, size_t *len,
       char **message)
{
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, 15 + 16) != Z_OK)
        return util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "%s: cannot start zlib", name);

    buf_t out;
    buf_init(&out, RESDEX_MAX_INPUT_BYTES);
    resdex_status_t st = RESDEX_STATUS_SUCCESS;
    zs.next_in = (unsigned char *)in;
    zs.avail_in = (uInt)(in_len > UINT32_MAX ? UINT32_MAX : in_len);
    size_t consumed_total = 0;
    for (;;) {
        if (buf_reserve(&out, 65536) != 0) {
            st = out.too_large ? RESDEX_STATUS_TOO_LARGE : RESDEX_STATUS_OUT_OF_MEMORY;
            if (st == RESDEX_STATUS_TOO_LARGE)
                util_fail(message, st, "%s: decompressed size exceeds the limit of %u MiB", name,
                          RESDEX_MAX_INPUT_BYTES >> 20);
            else
                util_fail(message, st, "%s: out of memory", name);
            break;
        }
        size_t room = out.cap - out.len - 1;
        zs.next_out = (unsigned char *)out.data + out.len;
        zs.avail_out = (uInt)(room > UINT32_MAX ? UINT32_MAX : room);
        int rc = inflate(&zs, Z_NO_FLUSH);
        out.len += (size_t)((unsigned char *)zs.next_out - ((unsigned char *)out.data + out.len));
        if (rc == Z_STREAM_END) {
            consumed_total = (size_t)((const unsigned char *)zs.next_in - in);
            /* Another gzip member may follow (as `cat a.gz b.gz` makes). */
            if (consumed_total < in_len && is_gzip(in + consumed_total, in_len - consumed_total)) {
                inflateReset(&zs);
                continue;
            }
            break;
        }
        if (rc == Z_OK)
            continue;
        if (rc == Z_BUF_ERROR && zs.avail_in == 0) {
            st = util_fail(message, RESDEX_STATUS_BAD_GZIP,
                           "%s: gzip stream is truncated (after %zu compressed bytes)", name,
                           in_len);
            break;
        }
        if (rc == Z_BUF_ERROR)
            continue;
        st = util_fail(
            message, rc == Z_MEM_ERROR ? RESDEX_STATUS_OUT_OF_MEMORY : RESDEX_STATUS_BAD_GZIP,
            "%s: corrupt gzip data at compressed byte %zu: %s", name,
            (size_t)((const unsigned char *)zs.next_in - in), zs.msg ? zs.msg : "inflate failed");
        break;
    }
    inflateEnd(&zs);
    if (st != RESDEX_STATUS_SUCCESS) {
        buf_free(&out);
        return st;
    }
    *data = buf_finish(&out, len);
    if (!*data)
        return util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "%s: out of memory", name);
    return RESDEX_STATUS_SUCCESS;
}

resdex_status_t
reader_text_too_large(char **message, const char *name, size_t len)
{
    return util_fail(message, RESDEX_STATUS_TOO_LARGE,
                     "%s: too large: %zu bytes of text (the limit is %u MiB)", name, len,
                     RESDEX_MAX_INPUT_BYTES >> 20);
}

/* A PDF or a zip: held as it is, up to RESDEX_MAX_FILE_BYTES. */
static int
is_container(const void *data, size_t len)
{
    const unsigned char *p = data;
    return len >= 4 && ((p[0] == '%' && p[1] == 'P' && p[2] == 'D' && p[3] == 'F') ||
                        (p[0] == 'P' && p[1] == 'K'));
}

resdex_status_t
resdex_read_buffer(const char *name, const void *in, size_t in_len, char **data, size_t *len,
                   char **message)
{
    if (data)
        *data = NULL;
    if (len)
        *len = 0;
    if (message)
        *message = NULL;
    if (!name || (!in && in_len) || !data || !len)
        return util_fail(message, RESDEX_STATUS_BAD_ARGUMENT, "resdex_read_buffer: bad argument");
    if (is_gzip(in, in_len))
        return gunzip(name, in, in_len, data, len, message);
    if (in_len > RESDEX_MAX_INPUT_BYTES)
        return reader_text_too_large(message, name, in_len);
    char *copy = malloc(in_len + 1);
    if (!copy)
        return util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "%s: out of memory", name);
    if (in_len)
        memcpy(copy, in, in_len);
    copy[in_len] = '\0';
    *data = copy;
    *len = in_len;
    return RESDEX_STATUS_SUCCESS;
}

const char *
resdex_file_type_name(unsigned int mode)
{
    if (S_ISDIR(mode))
        return "a directory";
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

/* One attempt at reading `path` whole. *changed is set when the file
 * changed during the read (the caller tries again). */
static resdex_status_t
read_once(const char *path, const char *name, buf_t *raw, struct stat *sb, int *changed,
          char **message)
{
    *changed = 0;
    /* One byte over the limit tells a file that grew past it. */
    buf_init(raw, (size_t)RESDEX_MAX_FILE_BYTES + 1);
    /* O_NONBLOCK: a FIFO that appeared since the caller looked must not
     * hang the reader. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        int e = errno;
        struct stat lsb;
        if (e == ENOENT && lstat(path, &lsb) == 0 && S_ISLNK(lsb.st_mode))
            return util_fail(message, RESDEX_STATUS_FILE_ERROR, "%s: broken symbolic link", name);
        if (e == ELOOP)
            return util_fail(message, RESDEX_STATUS_FILE_ERROR, "%s: symbolic link loop", name);
        return util_fail(message,
                         e == ENOENT || e == ENOTDIR ? RESDEX_STATUS_NOT_FOUND
                                                     : RESDEX_STATUS_FILE_ERROR,
                         "%s: cannot open: %s", name, strerror(e));
    }
    resdex_status_t st = RESDEX_STATUS_SUCCESS;
    if (fstat(fd, sb) != 0) {
        st = util_fail(message, RESDEX_STATUS_FILE_ERROR, "%s: cannot stat: %s", name,
                       strerror(errno));
        goto DONE;
    }
    if (!S_ISREG(sb->st_mode)) {
        /* A folder now where a file was: as a file it is gone. */
        st = util_fail(message,
                       S_ISDIR(sb->st_mode) ? RESDEX_STATUS_NOT_FOUND : RESDEX_STATUS_FILE_ERROR,
                       "%s: %s, not a regular file", name, resdex_file_type_name(sb->st_mode));
        goto DONE;
    }
    if ((uint64_t)sb->st_size > RESDEX_MAX_FILE_BYTES) {
        st = util_fail(message, RESDEX_STATUS_TOO_LARGE,
                       "%s: too large: %lld bytes (the limit is %u MiB)", name,
                       (long long)sb->st_size, RESDEX_MAX_FILE_BYTES >> 20);
        goto DONE;
    }
    /* Room for the size fstat gave and a byte more, to see it grow. */
    if (buf_reserve(raw, (size_t)sb->st_size + 1) != 0) {
        st = util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "%s: out of memory", name);
        goto DONE;
    }
    for (;;) {
        size_t room = raw->max - raw->len;
        if (raw->cap - raw->len <= 1 &&
            (room == 0 || buf_reserve(raw, room < 65536 ? room : 65536) != 0)) {
            st = room == 0 || raw->too_large
                     ? util_fail(message, RESDEX_STATUS_TOO_LARGE,
                                 "%s: too large: over %u MiB (it grew while being read)", name,
                                 RESDEX_MAX_FILE_BYTES >> 20)
                     : util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "%s: out of memory", name);
            goto DONE;
        }
        ssize_t n = read(fd, raw->data + raw->len, raw->cap - raw->len - 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN) {
            *changed = 1;
            goto DONE;
        }
        if (n < 0) {
            st = util_fail(message, RESDEX_STATUS_FILE_ERROR, "%s: read error: %s", name,
                           strerror(errno));
            goto DONE;
        }
        if (n == 0)
            break;
        raw->len += (size_t)n;
    }
    struct stat after;
    if (fstat(fd, &after) != 0 || after.st_size != sb->st_size ||
        after.st_mtim.tv_sec != sb->st_mtim.tv_sec ||
        after.st_mtim.tv_nsec != sb->st_mtim.tv_nsec || raw->len != (size_t)sb->st_size)
        *changed = 1;
DONE:
    close(fd);
    if (st != RESDEX_STATUS_SUCCESS || *changed)
        buf_free(raw);
    return st;
}

resdex_status_t
resdex_read_file_raw(const char *path, const char *name, char **data, size_t *len,
                     resdex_file_info_t *info, char **message)
{
    if (data)
        *data = NULL;
    if (len)
        *len = 0;
    if (message)
        *message = NULL;
    if (info)
        memset(info, 0, sizeof *info);
    if (!path || !data || !len)
        return util_fail(message, RESDEX_STATUS_BAD_ARGUMENT, "resdex_read_file_raw: bad argument");
    if (!name)
        name = path;
    for (int attempt = 0; attempt < 3; attempt++) {
        buf_t raw;
        struct stat sb;
        int changed = 0;
        resdex_status_t st = read_once(path, name, &raw, &sb, &changed, message);
        if (st != RESDEX_STATUS_SUCCESS)
            return st;
        if (changed) {
            /* Being written right now: give the writer a moment. */
            usleep(20000);
            continue;
        }
        *data = buf_finish(&raw, len);
        if (!*data)
            return util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "%s: out of memory", name);
        if (info) {
            info->size = (uint64_t)sb.st_size;
            info->mtime_ns = (int64_t)sb.st_mtim.tv_sec * 1000000000 + sb.st_mtim.tv_nsec;
        }
        return RESDEX_STATUS_SUCCESS;
    }
    return util_fail(message, RESDEX_STATUS_FILE_ERROR, "%s: kept changing while being read", name);
}

resdex_status_t
resdex_read_file(const char *path, char **data, size_t *len, char **message)
{
    if (data)
        *data = NULL;
    if (len)
        *len = 0;
    if (message)
        *message = NULL;
    if (!path || !data || !len)
        return util_fail(message, RESDEX_STATUS_BAD_ARGUMENT, "resdex_read_file: bad argument");
    char *raw = NULL;
    size_t raw_len = 0;
    resdex_status_t st = resdex_read_file_raw(path, path, &raw, &raw_len, NULL, message);
    if (st == RESDEX_STATUS_NOT_FOUND)
        st = RESDEX_STATUS_FILE_ERROR; /* as it always was for this call */
    if (st != RESDEX_STATUS_SUCCESS)
        return st;
    if (is_gzip((unsigned char *)raw, raw_len)) {
        st = gunzip(path, (unsigned char *)raw, raw_len, data, len, message);
        free(raw);
        return st;
    }
    if (raw_len > RESDEX_MAX_INPUT_BYTES && !is_container(raw, raw_len)) {
        free(raw);
        return reader_text_too_large(message, path, raw_len);
    }
    *data = raw;
    *len = raw_len;
    return RESDEX_STATUS_SUCCESS;
}
