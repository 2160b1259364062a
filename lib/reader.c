/* reader.c - one reader for corpus files, plain or gzip-compressed, with the
 * one size policy of resdex.h (RESDEX_MAX_FILE_BYTES on disk,
 * RESDEX_MAX_INPUT_BYTES of text), which resdexd applies too.
 *
 * Gzip is recognised by its magic bytes, never by the file name, so a
 * compressed file saved without ".gz" (or a plain one with it) still reads.
 * The cap on its content also bounds a gzip bomb. A PDF or zip is returned
 * as it is: its readers (pdf.c, zip.c) bound what they extract. */
#include "resdex.h"
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
        return util_fail(message, RESDEX_STATUS_TOO_LARGE,
                         "%s: %zu bytes exceeds the limit of %u MiB", name, in_len,
                         RESDEX_MAX_INPUT_BYTES >> 20);
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

    /* O_NONBLOCK: a FIFO dropped into the corpus must not hang the reader. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0)
        return util_fail(message, RESDEX_STATUS_FILE_ERROR, "%s: cannot open: %s", path,
                         strerror(errno));
    struct stat sb;
    if (fstat(fd, &sb) != 0) {
        int e = errno;
        close(fd);
        return util_fail(message, RESDEX_STATUS_FILE_ERROR, "%s: cannot stat: %s", path,
                         strerror(e));
    }
    if (!S_ISREG(sb.st_mode)) {
        close(fd);
        return util_fail(message, RESDEX_STATUS_FILE_ERROR, "%s: not a regular file (%s)", path,
                         S_ISDIR(sb.st_mode)    ? "a directory"
                         : S_ISFIFO(sb.st_mode) ? "a FIFO"
                                                : "a device or socket");
    }
    if ((uint64_t)sb.st_size > RESDEX_MAX_FILE_BYTES) {
        close(fd);
        return util_fail(message, RESDEX_STATUS_TOO_LARGE,
                         "%s: %lld bytes exceeds the limit of %u MiB", path, (long long)sb.st_size,
                         RESDEX_MAX_FILE_BYTES >> 20);
    }
    buf_t raw;
    buf_init(&raw, RESDEX_MAX_FILE_BYTES);
    resdex_status_t st = RESDEX_STATUS_SUCCESS;
    for (;;) {
        if (buf_reserve(&raw, sb.st_size > 0 ? (size_t)sb.st_size + 1 : 65536) != 0) {
            st =
                raw.too_large
                    ? util_fail(message, RESDEX_STATUS_TOO_LARGE, "%s: exceeds the limit of %u MiB",
                                path, RESDEX_MAX_FILE_BYTES >> 20)
                    : util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "%s: out of memory", path);
            break;
        }
        ssize_t n = read(fd, raw.data + raw.len, raw.cap - raw.len - 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            st = util_fail(message, RESDEX_STATUS_FILE_ERROR, "%s: read error: %s", path,
                           strerror(errno));
            break;
        }
        if (n == 0)
            break;
        raw.len += (size_t)n;
    }
    close(fd);
    if (st != RESDEX_STATUS_SUCCESS) {
        buf_free(&raw);
        return st;
    }
    if (is_gzip((unsigned char *)raw.data, raw.len)) {
        st = gunzip(path, (unsigned char *)raw.data, raw.len, data, len, message);
        buf_free(&raw);
        return st;
    }
    if (raw.len > RESDEX_MAX_INPUT_BYTES && !is_container(raw.data, raw.len)) {
        buf_free(&raw);
        return util_fail(message, RESDEX_STATUS_TOO_LARGE, "%s: exceeds the limit of %u MiB", path,
                         RESDEX_MAX_INPUT_BYTES >> 20);
    }
    *data = buf_finish(&raw, len);
    if (!*data)
        return util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "%s: out of memory", path);
    return RESDEX_STATUS_SUCCESS;
}
