/* parse.c - resdex_parse_file/_buffer: read, check, and hand the bytes to
 * the reader that fits their content (by magic bytes, never by name): PDF,
 * zip (a Word file, or an archive of documents), gzip, XML, text. */
#include "resdex.h"
#include "model.h"
#include "readers.h"
#include "util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Binary input: any NUL byte, or many control characters in the first 8 kB
 * (text uses only tab, newline, carriage return and form feed). */
static int
looks_binary(const char *data, size_t len, size_t *where)
{
    const char *nul = memchr(data, '\0', len);
    if (nul) {
        *where = (size_t)(nul - data);
        return 1;
    }
    size_t n = len < 8192 ? len : 8192, ctl = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)data[i];
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
            ctl++;
    }
    *where = 0;
    return n >= 64 && ctl * 10 > n;
}

/* Checks shared by every text: BOM, empty, binary, UTF-8. *text and *len
 * are moved past a BOM. */
static resdex_status_t
check_text(const char *name, const char **text, size_t *len, char **message)
{
    size_t where = 0;
    unsigned line = 0;
    if (*len >= 3 && memcmp(*text, "\xEF\xBB\xBF", 3) == 0) { /* BOM */
        *text += 3;
        *len -= 3;
    }
    if (*len == 0 || strspn(*text, " \t\r\n\f") == *len)
        return util_fail(message, RESDEX_STATUS_NO_RESOLUTION, "%s: empty file", name);
    if (looks_binary(*text, *len, &where))
        return util_fail(message, RESDEX_STATUS_BINARY_INPUT,
                         "%s: binary data, not text (byte %zu)", name, where);
    if (!util_utf8_valid(*text, *len, &line, &where))
        return util_fail(message, RESDEX_STATUS_BAD_UTF8, "%s:%u: invalid UTF-8 (byte offset %zu)",
                         name, line, where);
    return RESDEX_STATUS_SUCCESS;
}

resdex_status_t
reader_parse_text(resdex_doc_t *doc, const char *name, const char *text, size_t len, char **message)
{
    resdex_status_t st = check_text(name, &text, &len, message);
    return st != RESDEX_STATUS_SUCCESS ? st : text_parse(doc, name, text, len, message);
}

/* Is this a member of an archive resdex reads (not a folder, not hidden,
 * not the macOS resource fork)? */
static int
member_wanted(const char *m)
{
    size_t n = strlen(m);
    if (n == 0 || m[n - 1] == '/' || strncmp(m, "__MACOSX/", 9) == 0)
        return 0;
    const char *base = strrchr(m, '/');
    base = base ? base + 1 : m;
    return base[0] != '.' && base[n - (size_t)(base - m) - 1] != '~';
}

/* A member's content is a document when it is a PDF, a zip or gzip, or
 * text; pictures and other binary members of an archive are passed over. */
static int
member_is_document(const char *data, size_t len)
{
    size_t where;
    return pdf_looks_like_pdf(data, len) || zipr_looks_like_zip(data, len) ||
           (len >= 2 && (unsigned char)data[0] == 0x1f && (unsigned char)data[1] == 0x8b) ||
           !looks_binary(data, len, &where);
}

int
resdex_is_archive(const void *data, size_t len)
{
    if (!data || !zipr_looks_like_zip(data, len))
        return 0;
    zipr_t *z = NULL;
    if (zipr_open("", data, len, &z, NULL) != RESDEX_STATUS_SUCCESS)
        return 1; /* a damaged zip: the archive reader says why */
    int word = docx_is_word(z);
    zipr_close(z);
    return !word;
}

resdex_status_t
resdex_archive_entries(const char *name, const void *data, size_t len, size_t *n, char **message)
{
    if (message)
        *message = NULL;
    if (n)
        *n = 0;
    if (!name || !data || !n)
        return util_fail(message, RESDEX_STATUS_BAD_ARGUMENT,
                         "resdex_archive_entries: bad argument");
    zipr_t *z = NULL;
    resdex_status_t st = zipr_open(name, data, len, &z, message);
    if (st == RESDEX_STATUS_SUCCESS)
        *n = zipr_count(z);
    zipr_close(z);
    return st;
}

resdex_status_t
resdex_archive_foreach(const char *name, const void *data, size_t len, resdex_member_fn fn,
                       void *ctx, char **message)
{
    return resdex_archive_foreach_range(name, data, len, 0, SIZE_MAX, fn, ctx, message);
}

resdex_status_t
resdex_archive_foreach_range(const char *name, const void *data, size_t len, size_t from, size_t to,
                             resdex_member_fn fn, void *ctx, char **message)
{
    if (message)
        *message = NULL;
    if (!name || !data || !fn)
        return util_fail(message, RESDEX_STATUS_BAD_ARGUMENT,
                         "resdex_archive_foreach: bad argument");
    zipr_t *z = NULL;
    resdex_status_t st = zipr_open(name, data, len, &z, message);
    if (st != RESDEX_STATUS_SUCCESS)
        return st;
    for (size_t i = from; i < zipr_count(z) && i < to && st == RESDEX_STATUS_SUCCESS; i++) {
        const char *member = zipr_name(z, i);
        if (!member_wanted(member))
            continue;
        char *bytes = NULL, *why = NULL;
        size_t n = 0;
        resdex_status_t mst = zipr_read(z, i, &bytes, &n, &why);
        if (mst == RESDEX_STATUS_SUCCESS && !member_is_document(bytes, n)) {
            free(bytes);
            continue;
        }
        if (mst == RESDEX_STATUS_SUCCESS && zipr_looks_like_zip(bytes, n) &&
            resdex_is_archive(bytes, n))
            mst = util_fail(&why, RESDEX_STATUS_BAD_DOCUMENT,
                            "%s!%s: an archive inside an archive is not read", name, member);
        if (mst != RESDEX_STATUS_SUCCESS) {
            free(bytes);
            bytes = NULL;
            n = 0;
        }
        if (fn(ctx, member, mst, bytes, n, why) != 0)
            st = util_fail(message, RESDEX_STATUS_INTERNAL_ERROR, "%s: stopped at member %s", name,
                           member);
        free(bytes);
        free(why);
    }
    /* Totals of the archive (ZIPR_MAX_TOTAL_BYTES) are per call. */
    zipr_close(z);
    return st;
}

static resdex_status_t parse_content(resdex_doc_t *d, const char *name, const char *data,
                                     size_t len, int depth, char **message);

typedef struct members {
    resdex_doc_t *doc;
    const char *name;
    resdex_status_t st;
    char **message;
    resdex_error_fn on_error; /* lenient: a bad member is passed over */
    void *ctx;
    size_t parsed;
} members_t;

/* Each document member is parsed into a document of its own (a reader
 * starts from an empty one), then moved into the archive's. The first
 * failure is the archive's (naming the member), or, lenient, the member is
 * left out and reported. */
static int
parse_member(void *ctx, const char *member, resdex_status_t st, const char *data, size_t len,
             const char *why)
{
    members_t *m = ctx;
    if (m->st != RESDEX_STATUS_SUCCESS)
        return 0;
    char *msg = NULL, *source = NULL;
    resdex_doc_t *md = NULL;
    if (st != RESDEX_STATUS_SUCCESS)
        util_fail(&msg, st, "%s", why ? why : resdex_status_to_string(st));
    else if (asprintf(&source, "%s!%s", m->name, member) < 0 || !(md = model_doc_new()))
        st = util_fail(&msg, RESDEX_STATUS_OUT_OF_MEMORY, "%s: out of memory", m->name);
    else
        st = parse_content(md, source, data, len, 1, &msg);
    if (st == RESDEX_STATUS_SUCCESS && model_over_limit(md)) {
        free(msg);
        st = util_fail(&msg, RESDEX_STATUS_TOO_LARGE, "%s: too large: %s", source,
                       model_over_limit(md));
    } else if (st == RESDEX_STATUS_SUCCESS && model_failed(md)) {
        st = util_fail(&msg, RESDEX_STATUS_OUT_OF_MEMORY, "%s: out of memory", source);
    } else if (st == RESDEX_STATUS_SUCCESS && resdex_doc_count(md) == 0) {
        st = util_fail(&msg, RESDEX_STATUS_NO_RESOLUTION, "%s: no resolution or decision found",
                       source);
    }
    free(source);
    if (st == RESDEX_STATUS_SUCCESS) {
        model_adopt(m->doc, md);
        md = NULL;
        m->parsed++;
    } else if (m->on_error && st != RESDEX_STATUS_OUT_OF_MEMORY) {
        m->on_error(m->ctx, st, msg ? msg : resdex_status_to_string(st));
    } else {
        m->st = st;
        if (m->message) {
            *m->message = msg;
            msg = NULL;
        }
    }
    resdex_doc_destroy(md);
    free(msg);
    return 0;
}

static resdex_status_t
parse_zip(resdex_doc_t *d, const char *name, const char *data, size_t len, int depth,
          char **message)
{
    zipr_t *z = NULL;
    resdex_status_t st = zipr_open(name, data, len, &z, message);
    if (st != RESDEX_STATUS_SUCCESS)
        return st;
    int word = docx_is_word(z);
    if (word)
        st = docx_parse(d, name, z, message);
    zipr_close(z);
    if (word)
        return st;
    if (depth > 0)
        return util_fail(message, RESDEX_STATUS_BAD_DOCUMENT,
                         "%s: an archive inside an archive is not read", name);
    members_t m = {d, name, RESDEX_STATUS_SUCCESS, message, NULL, NULL, 0};
    st = resdex_archive_foreach(name, data, len, parse_member, &m, message);
    return st != RESDEX_STATUS_SUCCESS ? st : m.st;
}

/* Bytes as read (gzip already undone): the reader by content. */
static resdex_status_t
read_content(resdex_doc_t *d, const char *name, const char *data, size_t len, int depth,
             char **message)
{
    if (pdf_looks_like_pdf(data, len))
        return pdf_parse(d, name, data, len, message);
    if (zipr_looks_like_zip(data, len))
        return parse_zip(d, name, data, len, depth, message);
    char *plain = NULL;
    size_t plain_len = 0;
    int gzip = len >= 2 && (unsigned char)data[0] == 0x1f && (unsigned char)data[1] == 0x8b;
    if (!gzip && len > RESDEX_MAX_INPUT_BYTES)
        return reader_text_too_large(message, name, len);
    /* Inflated, or copied: the readers take NUL-terminated text. */
    resdex_status_t st = resdex_read_buffer(name, data, len, &plain, &plain_len, message);
    if (st != RESDEX_STATUS_SUCCESS)
        return st;
    /* A compressed PDF or zip ("x.pdf.gz"). */
    if (gzip && (pdf_looks_like_pdf(plain, plain_len) || zipr_looks_like_zip(plain, plain_len))) {
        st = read_content(d, name, plain, plain_len, depth, message);
        free(plain);
        return st;
    }
    const char *text = plain;
    size_t text_len = plain_len;
    st = check_text(name, &text, &text_len, message);
    if (st == RESDEX_STATUS_SUCCESS)
        st = akn_looks_like_xml(text, text_len)   ? akn_parse(d, name, text, text_len, message)
             : extract_looks_like(text, text_len) ? extract_parse(d, name, text, text_len, message)
                                                  : text_parse(d, name, text, text_len, message);
    free(plain);
    return st;
}

/* read_content, then the drafts the readers found inside resolutions made
 * resolutions of their own. */
static resdex_status_t
parse_content(resdex_doc_t *d, const char *name, const char *data, size_t len, int depth,
              char **message)
{
    resdex_status_t st = read_content(d, name, data, len, depth, message);
    if (st == RESDEX_STATUS_SUCCESS)
        embedded_split_drafts(d);
    return st;
}

/* resdex_parse_buffer and resdex_parse_draft: `headless_ok` as model.h says. */
static resdex_status_t
parse_buffer(const char *name, const char *data, size_t len, int headless_ok, resdex_doc_t **doc,
             char **message)
{
    if (doc)
        *doc = NULL;
    if (message)
        *message = NULL;
    if (!name || (!data && len) || !doc)
        return util_fail(message, RESDEX_STATUS_BAD_ARGUMENT, "resdex_parse_buffer: bad argument");
    if (len > RESDEX_MAX_FILE_BYTES)
        return util_fail(message, RESDEX_STATUS_TOO_LARGE,
                         "%s: too large: %zu bytes (the limit is %u MiB)", name, len,
                         RESDEX_MAX_FILE_BYTES >> 20);
    resdex_doc_t *d = model_doc_new();
    if (!d)
        return util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "%s: out of memory", name);
    model_set_headless_ok(d, headless_ok);
    resdex_status_t st = parse_content(d, name, data ? data : "", len, 0, message);
    if (model_over_limit(d)) {
        /* The reader may have seen the refusal as a failure of its own. */
        if (message) {
            free(*message);
            *message = NULL;
        }
        st = util_fail(message, RESDEX_STATUS_TOO_LARGE, "%s: too large: %s", name,
                       model_over_limit(d));
    }
    if (st == RESDEX_STATUS_SUCCESS)
        model_finish(d);
    if (st == RESDEX_STATUS_SUCCESS && model_failed(d))
        st = util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "%s: out of memory", name);
    if (st == RESDEX_STATUS_SUCCESS && resdex_doc_count(d) == 0)
        st = util_fail(message, RESDEX_STATUS_NO_RESOLUTION, "%s: no resolution or decision found",
                       name);
    if (st == RESDEX_STATUS_SUCCESS) {
        *doc = d;
        d = NULL;
    }
    resdex_doc_destroy(d);
    return st;
}

resdex_status_t
resdex_parse_buffer(const char *name, const char *data, size_t len, resdex_doc_t **doc,
                    char **message)
{
    return parse_buffer(name, data, len, 0, doc, message);
}

resdex_status_t
resdex_parse_draft(const char *name, const char *data, size_t len, resdex_doc_t **doc,
                   char **message)
{
    return parse_buffer(name, data, len, 1, doc, message);
}

resdex_status_t
resdex_parse_archive(const char *name, const char *data, size_t len, resdex_error_fn on_error,
                     void *ctx, resdex_doc_t **doc, char **message)
{
    if (doc)
        *doc = NULL;
    if (message)
        *message = NULL;
    if (!name || !data || !doc || !on_error)
        return util_fail(message, RESDEX_STATUS_BAD_ARGUMENT, "resdex_parse_archive: bad argument");
    resdex_doc_t *d = model_doc_new();
    if (!d)
        return util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "%s: out of memory", name);
    members_t m = {d, name, RESDEX_STATUS_SUCCESS, message, on_error, ctx, 0};
    resdex_status_t st = resdex_archive_foreach(name, data, len, parse_member, &m, message);
    if (st == RESDEX_STATUS_SUCCESS)
        st = m.st;
    if (st == RESDEX_STATUS_SUCCESS && model_over_limit(d))
        st = util_fail(message, RESDEX_STATUS_TOO_LARGE, "%s: too large: %s", name,
                       model_over_limit(d));
    if (st == RESDEX_STATUS_SUCCESS && model_failed(d))
        st = util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "%s: out of memory", name);
    if (st == RESDEX_STATUS_SUCCESS && m.parsed == 0)
        st = util_fail(message, RESDEX_STATUS_NO_RESOLUTION,
                       "%s: no member of the archive holds a resolution", name);
    if (st == RESDEX_STATUS_SUCCESS) {
        *doc = d;
        d = NULL;
    }
    resdex_doc_destroy(d);
    return st;
}

resdex_status_t
resdex_parse_file(const char *path, resdex_doc_t **doc, char **message)
{
    if (doc)
        *doc = NULL;
    if (message)
        *message = NULL;
    char *data = NULL;
    size_t len = 0;
    resdex_status_t st = resdex_read_file(path, &data, &len, message);
    if (st != RESDEX_STATUS_SUCCESS)
        return st;
    st = resdex_parse_buffer(path, data, len, doc, message);
    free(data);
    return st;
}
