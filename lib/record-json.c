/* record-json.c - read the JSON records of indexes written before the
 * binary record (tag '4', record.c); see record.h.
 *
 * Tags, each a byte before the record:
 *   '1' (indexes before format 2): a zlib stream of the JSON;
 *   '2': the JSON as it is;
 *   '3' (every paragraph but a resolution's first, since format 5): the
 *       unique term of the record that holds the resolution's context, a
 *       NUL, then the JSON without "res".
 * The JSON: {"id", "res": {symbol, number, body, doc_type, title, date,
 * session, agenda_item, meeting, recommended_by, recommends_to, lang,
 * source (or source_hex: a file name that is not UTF-8, its bytes in hex)},
 * "par": {kind, number, article, item, verb, text, lines: [first, last],
 * marks[], tags[], cites[], lead_in, cite}, "notes": [[mark, text,
 * resolved?], ...]}; an empty array is left out.
 *
 * Nothing writes these records any more; an index that holds them is read
 * as before, so it need not be rebuilt. */
#include "record.h"
#include "util.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static const char *
get_str(arena_t *a, json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    return json_is_string(v) ? arena_strdup(a, json_string_value(v)) : NULL;
}

/* "source", or the bytes of "source_hex". */
static const char *
get_source(arena_t *a, json_t *obj)
{
    const char *hex = json_string_value(json_object_get(obj, "source_hex"));
    if (!hex)
        return get_str(a, obj, "source");
    size_t n = strlen(hex) / 2;
    char *s = arena_alloc(a, n + 1);
    if (!s)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned byte = 0;
        if (sscanf(hex + 2 * i, "%2x", &byte) != 1 || byte == 0)
            return NULL;
        s[i] = (char)byte;
    }
    s[n] = '\0';
    return s;
}

static const char *const *
get_str_array(arena_t *a, json_t *obj, const char *key, size_t *n)
{
    json_t *v = json_object_get(obj, key);
    *n = 0;
    if (!json_is_array(v) || json_array_size(v) == 0)
        return NULL;
    size_t count = json_array_size(v);
    const char **items = arena_alloc(a, count * sizeof *items);
    if (!items)
        return NULL;
    for (size_t i = 0; i < count; i++) {
        json_t *s = json_array_get(v, i);
        if (json_is_string(s))
            items[(*n)++] = arena_strdup(a, json_string_value(s));
    }
    return items;
}

int
record_is_json(const char *data, size_t len)
{
    return data && len >= 2 &&
           (data[0] == RECORD_TAG_ZLIB || data[0] == RECORD_TAG_JSON || data[0] == RECORD_TAG_REF);
}

/* The JSON object of a record, or NULL with *message set. */
static json_t *
parse(const char *data, size_t len, resdex_status_t *st, char **message)
{
    if (len - 1 > RECORD_MAX) {
        *st = util_fail(message, RESDEX_STATUS_CORRUPT_RECORD,
                        "stored record is too large (%zu bytes)", len);
        return NULL;
    }

    /* '1': inflate with a growing buffer and a hard cap. */
    buf_t out;
    buf_init(&out, RECORD_MAX);
    const char *json = data + 1;
    size_t json_len = len - 1;
    if (data[0] == RECORD_TAG_REF) {
        const char *nul = memchr(data + 1, '\0', len - 1);
        if (!nul) {
            *st = util_fail(message, RESDEX_STATUS_CORRUPT_RECORD,
                            "stored record: its context key has no end");
            return NULL;
        }
        json = nul + 1;
        json_len = (size_t)(data + len - json);
    } else if (data[0] == RECORD_TAG_ZLIB) {
        z_stream zs;
        memset(&zs, 0, sizeof zs);
        if (inflateInit(&zs) != Z_OK) {
            *st = util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "stored record: out of memory");
            return NULL;
        }
        zs.next_in = (Bytef *)data + 1;
        zs.avail_in = (uInt)(len - 1);
        int rc = Z_OK;
        while (rc == Z_OK) {
            if (buf_reserve(&out, len * 4 + 1024) != 0)
                break;
            zs.next_out = (Bytef *)out.data + out.len;
            zs.avail_out = (uInt)(out.cap - out.len - 1);
            rc = inflate(&zs, Z_NO_FLUSH);
            out.len = out.cap - 1 - zs.avail_out;
            if (rc == Z_BUF_ERROR && zs.avail_in == 0)
                break;
            if (rc == Z_BUF_ERROR)
                rc = Z_OK;
        }
        inflateEnd(&zs);
        if (rc != Z_STREAM_END) {
            buf_free(&out);
            *st = util_fail(message, RESDEX_STATUS_CORRUPT_RECORD,
                            "stored record does not decompress (zlib: %s)",
                            rc == Z_OK || rc == Z_BUF_ERROR ? "truncated" : "corrupt data");
            return NULL;
        }
        out.data[out.len] = '\0';
        json = out.data;
        json_len = out.len;
    }

    json_error_t jerr;
    memset(&jerr, 0, sizeof jerr);
    json_t *root = json_loadb(json, json_len, 0, &jerr);
    buf_free(&out);
    /* Out of memory, not a corrupt record: jansson says so, or says nothing
     * (it fails to start reading without setting an error). */
    if (!root && (json_error_code(&jerr) == json_error_out_of_memory || !jerr.text[0])) {
        *st = util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "stored record: out of memory");
        return NULL;
    }
    if (!json_is_object(root)) {
        json_decref(root);
        *st = util_fail(message, RESDEX_STATUS_CORRUPT_RECORD,
                        "stored record is not a paragraph record");
        return NULL;
    }
    return root;
}

static resdex_status_t
not_a_record(char **message)
{
    return util_fail(message, RESDEX_STATUS_CORRUPT_RECORD,
                     "stored record is not a paragraph record");
}

static void
context_fields(arena_t *a, json_t *r, resdex_resolution_t *res)
{
    res->symbol = get_str(a, r, "symbol");
    res->number = get_str(a, r, "number");
    res->body = get_str(a, r, "body");
    res->doc_type = get_str(a, r, "doc_type");
    res->title = get_str(a, r, "title");
    res->date = get_str(a, r, "date");
    res->session = get_str(a, r, "session");
    res->agenda_item = get_str(a, r, "agenda_item");
    res->meeting = get_str(a, r, "meeting");
    res->recommended_by = get_str(a, r, "recommended_by");
    res->recommends_to = get_str(a, r, "recommends_to");
    res->lang = get_str(a, r, "lang");
    res->source = get_source(a, r);
}

resdex_status_t
record_json_context(arena_t *a, const char *data, size_t len, resdex_resolution_t *res,
                    char **message)
{
    resdex_status_t st = RESDEX_STATUS_SUCCESS;
    json_t *root = parse(data, len, &st, message);
    if (!root)
        return st;
    json_t *r = json_object_get(root, "res");
    int holds = json_is_object(r);
    if (holds)
        context_fields(a, r, res);
    json_decref(root);
    return holds ? RESDEX_STATUS_SUCCESS : not_a_record(message);
}

resdex_status_t
record_json_read(arena_t *a, const char *data, size_t len, resdex_hit_t *hit,
                 resdex_resolution_t *res, resdex_paragraph_t *p, char **message)
{
    resdex_status_t st = RESDEX_STATUS_SUCCESS;
    json_t *root = parse(data, len, &st, message);
    if (!root)
        return st;
    json_t *r = json_object_get(root, "res");
    json_t *par = json_object_get(root, "par");
    if ((data[0] != RECORD_TAG_REF && !json_is_object(r)) || !json_is_object(par)) {
        json_decref(root);
        return not_a_record(message);
    }
    if (data[0] != RECORD_TAG_REF)
        context_fields(a, r, res);
    json_int_t kind = json_integer_value(json_object_get(par, "kind"));
    p->kind = kind == RESDEX_KIND_PREAMBULAR  ? RESDEX_KIND_PREAMBULAR
              : kind == RESDEX_KIND_OPERATIVE ? RESDEX_KIND_OPERATIVE
              : kind == RESDEX_KIND_ANNEX     ? RESDEX_KIND_ANNEX
                                              : RESDEX_KIND_OTHER;
    p->article = (int)json_integer_value(json_object_get(par, "article"));
    p->number = (int)json_integer_value(json_object_get(par, "number"));
    p->item = get_str(a, par, "item");
    p->verb = get_str(a, par, "verb");
    p->text = get_str(a, par, "text");
    json_t *lines = json_object_get(par, "lines");
    p->line_first = (unsigned)json_integer_value(json_array_get(lines, 0));
    p->line_last = (unsigned)json_integer_value(json_array_get(lines, 1));
    p->marks = get_str_array(a, par, "marks", &p->n_marks);
    p->tags = get_str_array(a, par, "tags", &p->n_tags);
    p->cites = get_str_array(a, par, "cites", &p->n_cites);
    p->lead_in = get_str(a, par, "lead_in");
    p->cite = get_str(a, par, "cite");
    json_t *notes = json_object_get(root, "notes");
    size_t n_notes = json_is_array(notes) ? json_array_size(notes) : 0;
    resdex_footnote_t *fn = n_notes ? arena_alloc(a, n_notes * sizeof *fn) : NULL;
    size_t k = 0;
    for (size_t i = 0; fn && i < n_notes; i++) {
        json_t *pair = json_array_get(notes, i);
        json_t *m = json_array_get(pair, 0), *t = json_array_get(pair, 1);
        json_t *rv = json_array_get(pair, 2); /* "Ibid.": what it repeats */
        if (!json_is_string(m) || !json_is_string(t))
            continue;
        fn[k].mark = arena_strdup(a, json_string_value(m));
        fn[k].text = arena_strdup(a, json_string_value(t));
        fn[k].resolved = json_is_string(rv) ? arena_strdup(a, json_string_value(rv)) : NULL;
        k++;
    }
    hit->id = get_str(a, root, "id");
    hit->footnotes = fn;
    hit->n_footnotes = k;
    json_decref(root);
    return RESDEX_STATUS_SUCCESS;
}
