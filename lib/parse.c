/* parse.c - resdex_parse_file/_buffer: read, check, and hand the bytes to
 * the reader that fits their content. */
#include "resdex.h"
#include "model.h"
#include "readers.h"
#include "util.h"

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

resdex_status_t
resdex_parse_buffer(const char *name, const char *data, size_t len, resdex_doc_t **doc,
                    char **message)
{
    if (doc)
        *doc = NULL;
    if (message)
        *message = NULL;
    if (!name || (!data && len) || !doc)
        return util_fail(message, RESDEX_STATUS_BAD_ARGUMENT, "resdex_parse_buffer: bad argument");

    char *plain = NULL;
    size_t plain_len = 0;
    resdex_status_t st = resdex_read_buffer(name, data, len, &plain, &plain_len, message);
    if (st != RESDEX_STATUS_SUCCESS)
        return st;

    resdex_doc_t *d = NULL;
    size_t where = 0;
    unsigned line = 0;
    const char *text = plain;
    size_t text_len = plain_len;
    if (text_len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) { /* BOM */
        text += 3;
        text_len -= 3;
    }
    if (text_len == 0 || strspn(text, " \t\r\n\f") == text_len) {
        st = util_fail(message, RESDEX_STATUS_NO_RESOLUTION, "%s: empty file", name);
        goto DONE;
    }
    if (looks_binary(text, text_len, &where)) {
        st = util_fail(message, RESDEX_STATUS_BINARY_INPUT, "%s: binary data, not text (byte %zu)",
                       name, where);
        goto DONE;
    }
    if (!util_utf8_valid(text, text_len, &line, &where)) {
        st = util_fail(message, RESDEX_STATUS_BAD_UTF8, "%s:%u: invalid UTF-8 (byte offset %zu)",
                       name, line, where);
        goto DONE;
    }
    d = model_doc_new();
    if (!d) {
        st = util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "%s: out of memory", name);
        goto DONE;
    }
    if (akn_looks_like_xml(text, text_len))
        st = akn_parse(d, name, text, text_len, message);
    else
        st = text_parse(d, name, text, text_len, message);
    if (model_over_limit(d)) {
        /* The reader may have seen the refusal as a failure of its own. */
        if (message) {
            free(*message);
            *message = NULL;
        }
        st = util_fail(message, RESDEX_STATUS_TOO_LARGE, "%s: too large: %s", name,
                       model_over_limit(d));
    }
    if (st == RESDEX_STATUS_SUCCESS && model_failed(d))
        st = util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "%s: out of memory", name);
    if (st == RESDEX_STATUS_SUCCESS && resdex_doc_count(d) == 0)
        st = util_fail(message, RESDEX_STATUS_NO_RESOLUTION, "%s: no resolution or decision found",
                       name);
    if (st == RESDEX_STATUS_SUCCESS) {
        *doc = d;
        d = NULL;
    }
DONE:
    resdex_doc_destroy(d);
    free(plain);
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
    /* Already decompressed: resdex_parse_buffer's read is then a plain copy. */
    st = resdex_parse_buffer(path, data, len, doc, message);
    free(data);
    return st;
}
