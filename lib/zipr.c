/* zipr.c - a zip archive in memory, read member by member through libzip,
 * within the bounds of zip.h. */
#include "zipr.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <zip.h>

struct zipr {
    const char *name;
    zip_t *zip;
    size_t count;
    uint64_t total; /* bytes inflated so far, all members */
};

int
zipr_looks_like_zip(const void *data, size_t len)
{
    const unsigned char *p = data;
    return len >= 4 && p[0] == 'P' && p[1] == 'K' &&
           ((p[2] == 3 && p[3] == 4) || (p[2] == 5 && p[3] == 6) || (p[2] == 7 && p[3] == 8));
}

resdex_status_t
zipr_open(const char *name, const void *data, size_t len, zipr_t **out, char **message)
{
    *out = NULL;
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t *src = zip_source_buffer_create(data, len, 0, &err);
    if (!src) {
        zip_error_fini(&err);
        return util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "%s: out of memory", name);
    }
    zip_t *zip = zip_open_from_source(src, ZIP_RDONLY, &err);
    if (!zip) {
        resdex_status_t st =
            util_fail(message, RESDEX_STATUS_BAD_DOCUMENT,
                      "%s: damaged or truncated zip archive: %s", name, zip_error_strerror(&err));
        zip_source_free(src);
        zip_error_fini(&err);
        return st;
    }
    zip_error_fini(&err);
    zip_int64_t n = zip_get_num_entries(zip, 0);
    if (n < 0 || n > ZIPR_MAX_MEMBERS) {
        zip_discard(zip);
        return util_fail(message, RESDEX_STATUS_TOO_LARGE,
                         "%s: %lld members in the zip archive (the limit is %u)", name,
                         (long long)n, ZIPR_MAX_MEMBERS);
    }
    zipr_t *z = calloc(1, sizeof *z);
    if (!z) {
        zip_discard(zip);
        return util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "%s: out of memory", name);
    }
    z->name = name;
    z->zip = zip;
    z->count = (size_t)n;
    *out = z;
    return RESDEX_STATUS_SUCCESS;
}

void
zipr_close(zipr_t *z)
{
    if (!z)
        return;
    zip_discard(z->zip);
    free(z);
}

size_t
zipr_count(const zipr_t *z)
{
    return z->count;
}

const char *
zipr_name(const zipr_t *z, size_t i)
{
    const char *s = zip_get_name(z->zip, i, ZIP_FL_ENC_GUESS);
    return s ? s : "";
}

long
zipr_find(const zipr_t *z, const char *member)
{
    zip_int64_t i = zip_name_locate(z->zip, member, ZIP_FL_ENC_GUESS);
    return i < 0 ? -1 : (long)i;
}

int
zipr_name_safe(const char *m)
{
    unsigned line;
    size_t where;
    size_t n = strlen(m);
    if (n == 0 || n > 1024 || m[0] == '/' || strchr(m, '\\') ||
        !util_utf8_valid(m, n, &line, &where))
        return 0;
    if (n >= 2 && m[1] == ':') /* a drive letter */
        return 0;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)m[i] < 0x20 || m[i] == '!') /* '!' separates archive and member */
            return 0;
    for (const char *p = m; *p;) {
        const char *slash = strchr(p, '/');
        size_t k = slash ? (size_t)(slash - p) : strlen(p);
        if (k == 2 && p[0] == '.' && p[1] == '.')
            return 0;
        if (!slash)
            break;
        p = slash + 1;
    }
    return 1;
}

resdex_status_t
zipr_read(zipr_t *z, size_t i, char **data, size_t *len, char **message)
{
    *data = NULL;
    *len = 0;
    const char *member = zipr_name(z, i);
    if (!zipr_name_safe(member))
        return util_fail(message, RESDEX_STATUS_BAD_DOCUMENT,
                         "%s: member \"%s\": unsafe name (absolute, \"..\" or control characters)",
                         z->name, member);
    zip_stat_t zs;
    zip_stat_init(&zs);
    if (zip_stat_index(z->zip, i, 0, &zs) != 0)
        return util_fail(message, RESDEX_STATUS_BAD_DOCUMENT, "%s!%s: %s", z->name, member,
                         zip_strerror(z->zip));
    if ((zs.valid & ZIP_STAT_ENCRYPTION_METHOD) && zs.encryption_method != ZIP_EM_NONE)
        return util_fail(message, RESDEX_STATUS_BAD_DOCUMENT, "%s!%s: encrypted member", z->name,
                         member);
    /* The declared sizes are checked first, then the bytes actually read. */
    if ((zs.valid & ZIP_STAT_SIZE) && zs.size > RESDEX_MAX_INPUT_BYTES)
        return util_fail(message, RESDEX_STATUS_TOO_LARGE,
                         "%s!%s: %llu bytes uncompressed exceeds the limit of %u MiB", z->name,
                         member, (unsigned long long)zs.size, RESDEX_MAX_INPUT_BYTES >> 20);
    uint64_t comp = (zs.valid & ZIP_STAT_COMP_SIZE) ? zs.comp_size : 0;
    uint64_t ratio_cap = comp * ZIPR_MAX_RATIO + (1u << 20);
    uint64_t cap = RESDEX_MAX_INPUT_BYTES;
    if (ZIPR_MAX_TOTAL_BYTES - z->total < cap)
        cap = ZIPR_MAX_TOTAL_BYTES - z->total;
    zip_file_t *f = zip_fopen_index(z->zip, i, 0);
    if (!f)
        return util_fail(message, RESDEX_STATUS_BAD_DOCUMENT, "%s!%s: cannot read: %s", z->name,
                         member, zip_strerror(z->zip));
    buf_t out;
    buf_init(&out, (size_t)cap + 1);
    resdex_status_t st = RESDEX_STATUS_SUCCESS;
    for (;;) {
        size_t want = out.max - out.len < 65536 ? out.max - out.len : 65536;
        if (want == 0) {
            st = util_fail(
                message, RESDEX_STATUS_TOO_LARGE,
                cap < RESDEX_MAX_INPUT_BYTES
                    ? "%s!%s: the archive inflates past the limit of %u MiB"
                    : "%s!%s: member exceeds the limit of %u MiB",
                z->name, member,
                (cap < RESDEX_MAX_INPUT_BYTES ? ZIPR_MAX_TOTAL_BYTES : RESDEX_MAX_INPUT_BYTES) >>
                    20);
            break;
        }
        if (buf_reserve(&out, want) != 0) {
            st = util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "%s!%s: out of memory", z->name,
                           member);
            break;
        }
        zip_int64_t got = zip_fread(f, out.data + out.len, out.cap - out.len - 1);
        if (got < 0) {
            st = util_fail(message, RESDEX_STATUS_BAD_DOCUMENT, "%s!%s: damaged member: %s",
                           z->name, member, zip_file_strerror(f));
            break;
        }
        if (got == 0)
            break;
        out.len += (size_t)got;
        if (out.len > ratio_cap) {
            st = util_fail(message, RESDEX_STATUS_BAD_DOCUMENT,
                           "%s!%s: inflates more than %u times its compressed size (%llu bytes): "
                           "refused as a zip bomb",
                           z->name, member, ZIPR_MAX_RATIO, (unsigned long long)comp);
            break;
        }
    }
    zip_fclose(f);
    z->total += out.len;
    if (st != RESDEX_STATUS_SUCCESS) {
        buf_free(&out);
        return st;
    }
    *data = buf_finish(&out, len);
    if (!*data)
        return util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "%s!%s: out of memory", z->name,
                         member);
    return RESDEX_STATUS_SUCCESS;
}
