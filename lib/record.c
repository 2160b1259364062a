/* record.c - encode and decode a paragraph's stored record; see record.h.
 *
 * Layout: one byte format tag, then a JSON object:
 *   {"id", "res": {symbol, number, body, doc_type, title, date, session,
 *    agenda_item, meeting, recommended_by, recommends_to, lang, source (or
 *    source_hex: a file name that is not UTF-8, its bytes in hex)},
 *    "par": {kind, number, item, verb, text, marks[], tags[], cites[]},
 *    "notes": [[mark, text], ...]}; an empty array is left out.
 * JSON keeps the record readable with standard tools when debugging and
 * lets fields be added without breaking old readers.
 *
 * Tag '2': the JSON as it is. Xapian's glass backend already compresses
 * the document data table with zlib; compressing here as well cost 12% of
 * the indexing CPU for a table 1% smaller (bench/RESULTS.md). Tag '1'
 * (indexes built before format 2): a zlib stream of the JSON; still read.
 *
 * Tag '3' (written for every paragraph but a resolution's first, since
 * index format 5): the key of the record that holds the resolution's
 * context (the first paragraph's unique term), a NUL, then the JSON
 * without "res". The context was about half of every record, and storing
 * and compressing it again for each paragraph a tenth of the build's CPU
 * (bench/RESULTS.md, issue 18). */
#include "record.h"
#include "util.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define RECORD_TAG_ZLIB '1'
#define RECORD_TAG_JSON '2'
#define RECORD_TAG_REF  '3'
/* A decompressed record larger than this is corrupt (paragraphs are small). */
#define RECORD_MAX (16u * 1024u * 1024u)

static int
set_str(json_t *obj, const char *key, const char *value)
{
    if (!value)
        return 0;
    return json_object_set_new(obj, key, json_string(value));
}

/* The source file name: any bytes (a Linux file name need not be UTF-8,
 * which a JSON string must be). Such a name is kept as "source_hex", its
 * bytes in hex, and read back by get_source. */
static void
set_source(json_t *obj, const char *source)
{
    if (!source || set_str(obj, "source", source) == 0)
        return;
    size_t n = strlen(source);
    char *hex = malloc(2 * n + 1);
    if (!hex)
        return;
    for (size_t i = 0; i < n; i++)
        snprintf(hex + 2 * i, 3, "%02x", (unsigned char)source[i]);
    json_object_set_new(obj, "source_hex", json_string(hex));
    free(hex);
}

/* An array of strings; none is left out (read back as none). */
static void
set_str_array(json_t *obj, const char *key, const char *const *items, size_t n)
{
    if (n == 0)
        return;
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++)
        json_array_append_new(a, json_string(items[i]));
    json_object_set_new(obj, key, a);
}

resdex_status_t
record_encode(const resdex_resolution_t *res, size_t index, const char *id, const char *context_ref,
              char **out, size_t *out_len)
{
    *out = NULL;
    *out_len = 0;
    if (!res || index >= res->n_paragraphs)
        return RESDEX_STATUS_BAD_ARGUMENT;
    const resdex_paragraph_t *p = &res->paragraphs[index];
    resdex_status_t st = RESDEX_STATUS_OUT_OF_MEMORY;
    char *json = NULL;
    json_t *root = json_object();
    json_t *r = json_object();
    json_t *par = json_object();
    json_t *notes = json_array();
    if (!root || !r || !par || !notes)
        goto DONE;
    set_str(root, "id", id);
    if (!context_ref) {
        set_str(r, "symbol", res->symbol);
        set_str(r, "number", res->number);
        set_str(r, "body", res->body);
        set_str(r, "doc_type", res->doc_type);
        set_str(r, "title", res->title);
        set_str(r, "date", res->date);
        set_str(r, "session", res->session);
        set_str(r, "agenda_item", res->agenda_item);
        set_str(r, "meeting", res->meeting);
        set_str(r, "recommended_by", res->recommended_by);
        set_str(r, "recommends_to", res->recommends_to);
        set_str(r, "lang", res->lang);
        set_source(r, res->source);
        json_object_set(root, "res", r);
    }
    json_object_set_new(par, "kind", json_integer(p->kind));
    json_object_set_new(par, "number", json_integer(p->number));
    set_str(par, "item", p->item);
    set_str(par, "verb", p->verb);
    set_str(par, "text", p->text);
    json_object_set_new(par, "lines", json_pack("[ii]", (int)p->line_first, (int)p->line_last));
    set_str_array(par, "marks", p->marks, p->n_marks);
    set_str_array(par, "tags", p->tags, p->n_tags);
    set_str_array(par, "cites", p->cites, p->n_cites);
    set_str(par, "lead_in", p->lead_in);
    set_str(par, "cite", p->cite);
    if (p->article > 0)
        json_object_set_new(par, "article", json_integer(p->article));
    for (size_t i = 0; i < p->n_marks; i++) {
        const resdex_footnote_t *f = resdex_resolution_footnote(res, p->marks[i]);
        if (f && f->resolved)
            json_array_append_new(notes, json_pack("[sss]", f->mark, f->text, f->resolved));
        else if (f)
            json_array_append_new(notes, json_pack("[ss]", f->mark, f->text));
    }
    json_object_set(root, "par", par);
    if (json_array_size(notes) > 0)
        json_object_set(root, "notes", notes);
    json = json_dumps(root, JSON_COMPACT);
    if (!json)
        goto DONE;
    size_t jlen = strlen(json);
    size_t head = context_ref ? 1 + strlen(context_ref) + 1 : 1;
    char *buf = malloc(head + jlen);
    if (!buf)
        goto DONE;
    buf[0] = context_ref ? RECORD_TAG_REF : RECORD_TAG_JSON;
    if (context_ref)
        memcpy(buf + 1, context_ref, head - 1); /* with its NUL */
    memcpy(buf + head, json, jlen);
    *out = buf;
    *out_len = head + jlen;
    st = RESDEX_STATUS_SUCCESS;
DONE:
    free(json);
    json_decref(root);
    json_decref(r);
    json_decref(par);
    json_decref(notes);
    return st;
}

static const char *
get_str(arena_t *a, json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    return json_is_string(v) ? arena_strdup(a, json_string_value(v)) : NULL;
}

/* "source", or the bytes of "source_hex" (set_source). */
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

const char *
record_context_ref(const char *data, size_t len)
{
    if (!data || len < 2 || data[0] != RECORD_TAG_REF || !memchr(data + 1, '\0', len - 1))
        return NULL;
    return data + 1;
}

/* The JSON object of a record, or NULL with *message set. */
static json_t *
record_parse(const char *data, size_t len, resdex_status_t *st, char **message)
{
    if (!data || len < 2 ||
        (data[0] != RECORD_TAG_ZLIB && data[0] != RECORD_TAG_JSON && data[0] != RECORD_TAG_REF)) {
        *st = util_fail(message, RESDEX_STATUS_CORRUPT_RECORD,
                        "stored record: unknown format or empty (%zu bytes)", len);
        return NULL;
    }
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

resdex_status_t
record_decode(arena_t *a, const char *data, size_t len, const char *context, size_t context_len,
              resdex_hit_t *hit, char **message)
{
    resdex_status_t st = RESDEX_STATUS_SUCCESS;
    json_t *root = record_parse(data, len, &st, message);
    if (!root)
        return st;
    json_t *ctx = NULL;
    if (data[0] == RECORD_TAG_REF) {
        if (!context) {
            json_decref(root);
            return util_fail(message, RESDEX_STATUS_CORRUPT_RECORD,
                             "stored record: the record of its resolution's context is missing");
        }
        ctx = record_parse(context, context_len, &st, message);
        if (!ctx) {
            json_decref(root);
            return st;
        }
    }
    json_t *r = json_object_get(ctx ? ctx : root, "res");
    json_t *par = json_object_get(root, "par");
    if (!json_is_object(r) || !json_is_object(par)) {
        json_decref(root);
        json_decref(ctx);
        return util_fail(message, RESDEX_STATUS_CORRUPT_RECORD,
                         "stored record is not a paragraph record");
    }
    resdex_resolution_t *res = arena_alloc(a, sizeof *res);
    resdex_paragraph_t *p = arena_alloc(a, sizeof *p);
    if (!res || !p) {
        json_decref(root);
        json_decref(ctx);
        return util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "out of memory");
    }
    memset(res, 0, sizeof *res);
    memset(p, 0, sizeof *p);
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
    const char *id = get_str(a, root, "id");
    json_decref(root);
    json_decref(ctx);
    if (a->failed)
        return util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "out of memory");
    if (!res->symbol || !p->text || !id)
        return util_fail(message, RESDEX_STATUS_CORRUPT_RECORD,
                         "stored record lacks its symbol, id or text");
    hit->id = id;
    hit->resolution = res;
    hit->paragraph = p;
    hit->footnotes = fn;
    hit->n_footnotes = k;
    return RESDEX_STATUS_SUCCESS;
}

/* Adverbs that open a verb phrase without being its verb. */
static const char *const leading_adverbs[] = {
    "also",     "further", "furthermore", "strongly",     "again",      "once",         "hereby",
    "moreover", "firmly",  "urgently",    "additionally", "finally",    "equally",      "likewise",
    "deeply",   "fully",   "in",          "particular",   "especially", "nevertheless", NULL};

void
record_head_verb(const char *phrase, char *buf, size_t size)
{
    if (!buf || size == 0)
        return;
    buf[0] = '\0';
    if (!phrase)
        return;
    const char *s = phrase;
    for (;;) {
        while (*s == ' ')
            s++;
        if (!*s)
            return;
        size_t n = strcspn(s, " ,;:");
        int adverb = 0;
        for (const char *const *a = leading_adverbs; *a; a++)
            if (strlen(*a) == n && strncasecmp(s, *a, n) == 0)
                adverb = 1;
        const char *next = s + n;
        while (*next == ' ')
            next++;
        if (adverb && *next) {
            s = next;
            continue;
        }
        size_t k = 0;
        for (size_t i = 0; i < n && k + 1 < size; i++)
            buf[k++] = (char)tolower((unsigned char)s[i]);
        buf[k] = '\0';
        return;
    }
}
