/* record.c - encode and decode a paragraph's stored record; see record.h.
 *
 * Layout (tag '4'): the tag byte; the unique term of the record that holds
 * the resolution's context, then a NUL (just the NUL when this record holds
 * it: a resolution's first paragraph); then fields, each a one-byte field
 * number, its length as a base-128 varint (low group first) and that many
 * bytes. Strings are their bytes (no NUL inside, UTF-8 but for the source
 * file name, which may be any bytes); numbers four bytes, little-endian. A
 * field that is absent is NULL (an empty string is present, of length 0);
 * an array is its field repeated in order; a footnote is opened by its
 * mark, then its text and what it repeats ("Ibid."). A reader skips a
 * field number it does not know, so fields can be added without breaking
 * older readers.
 *
 * Until tag '4' records were JSON (tags '1', '2', '3'; record-json.c):
 * decoding them with jansson was 9% of a search's instructions at 200k
 * paragraphs, this layout is read in a single pass (bench/RESULTS.md,
 * issue 13). An index that holds them is still read, and its new
 * paragraphs are written in this layout.
 *
 * Xapian's glass backend already compresses the document data table with
 * zlib; compressing here as well cost 12% of the indexing CPU for a table
 * 1% smaller. The context is stored once per resolution: it was about half
 * of every record, and storing and compressing it again for each paragraph
 * a tenth of the build's CPU (bench/RESULTS.md, issue 18). */
#include "record.h"
#include "util.h"

#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Field numbers: stored in every index written, never renumbered. */
enum {
    F_ID = 1,
    /* The resolution's context (context_strings). */
    F_SYMBOL = 2,
    F_NUMBER = 3,
    F_BODY = 4,
    F_DOC_TYPE = 5,
    F_TITLE = 6,
    F_DATE = 7,
    F_SESSION = 8,
    F_AGENDA_ITEM = 9,
    F_MEETING = 10,
    F_RECOMMENDED_BY = 11,
    F_RECOMMENDS_TO = 12,
    F_LANG = 13,
    F_SOURCE = 14,
    /* The paragraph. */
    F_KIND = 32,
    F_PAR_NUMBER = 33,
    F_ARTICLE = 34,
    F_LINE_FIRST = 35,
    F_LINE_LAST = 36,
    F_ITEM = 37,
    F_VERB = 38,
    F_TEXT = 39,
    F_LEAD_IN = 40,
    F_CITE = 41,
    F_MARK = 42,      /* repeated: the footnote marks it carries */
    F_TAG = 43,       /* repeated */
    F_CITED_DOC = 44, /* repeated: "cites" */
    /* Its footnotes. */
    F_NOTE_MARK = 64, /* opens a footnote */
    F_NOTE_TEXT = 65,
    F_NOTE_RESOLVED = 66,
};

static const struct string_field {
    unsigned char id;
    size_t offset;
} context_strings[] =
    {
        {F_SYMBOL, offsetof(resdex_resolution_t, symbol)},
        {F_NUMBER, offsetof(resdex_resolution_t, number)},
        {F_BODY, offsetof(resdex_resolution_t, body)},
        {F_DOC_TYPE, offsetof(resdex_resolution_t, doc_type)},
        {F_TITLE, offsetof(resdex_resolution_t, title)},
        {F_DATE, offsetof(resdex_resolution_t, date)},
        {F_SESSION, offsetof(resdex_resolution_t, session)},
        {F_AGENDA_ITEM, offsetof(resdex_resolution_t, agenda_item)},
        {F_MEETING, offsetof(resdex_resolution_t, meeting)},
        {F_RECOMMENDED_BY, offsetof(resdex_resolution_t, recommended_by)},
        {F_RECOMMENDS_TO, offsetof(resdex_resolution_t, recommends_to)},
        {F_LANG, offsetof(resdex_resolution_t, lang)},
        {F_SOURCE, offsetof(resdex_resolution_t, source)},
},
  paragraph_strings[] = {
      {F_ITEM, offsetof(resdex_paragraph_t, item)},
      {F_VERB, offsetof(resdex_paragraph_t, verb)},
      {F_TEXT, offsetof(resdex_paragraph_t, text)},
      {F_LEAD_IN, offsetof(resdex_paragraph_t, lead_in)},
      {F_CITE, offsetof(resdex_paragraph_t, cite)},
};

#define N_OF(a) (sizeof(a) / sizeof *(a))

static const char **
string_at(const void *base, size_t offset)
{
    return (const char **)((char *)(uintptr_t)base + offset);
}

/* ---- writing ---- */

/* The record being written; failed once an append failed (out of memory,
 * or past RECORD_MAX), so the bytes after a gap are never kept. */
typedef struct writer {
    buf_t b;
    int failed;
} writer_t;

static void
put_field(writer_t *w, unsigned id, const void *bytes, size_t n)
{
    char head[1 + 10];
    size_t k = 0;
    head[k++] = (char)id;
    size_t v = n;
    do {
        head[k++] = (char)((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
        v >>= 7;
    } while (v);
    if (buf_append(&w->b, head, k) != 0 || buf_append(&w->b, bytes, n) != 0)
        w->failed = 1;
}

static void
put_str(writer_t *w, unsigned id, const char *s)
{
    if (s)
        put_field(w, id, s, strlen(s));
}

static void
put_int(writer_t *w, unsigned id, int value)
{
    uint32_t v = (uint32_t)value;
    unsigned char le[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                           (unsigned char)(v >> 24)};
    put_field(w, id, le, sizeof le);
}

/* Each item as its field, in order: an array. */
static void
put_each(writer_t *w, unsigned id, const char *const *items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        put_str(w, id, items[i]);
}

static void
put_strings(writer_t *w, const void *base, const struct string_field *f, size_t n)
{
    for (size_t i = 0; i < n; i++)
        put_str(w, f[i].id, *string_at(base, f[i].offset));
}

resdex_status_t
record_encode(const resdex_resolution_t *res, size_t index, const char *id, const char *context_ref,
              char **out, size_t *out_len)
{
    *out = NULL;
    *out_len = 0;
    if (!res || index >= res->n_paragraphs || !id)
        return RESDEX_STATUS_BAD_ARGUMENT;
    const resdex_paragraph_t *p = &res->paragraphs[index];
    writer_t w = {.failed = 0}, *b = &w;
    buf_init(&w.b, RECORD_MAX);
    if (buf_putc(&w.b, RECORD_TAG_BINARY) != 0 ||
        (context_ref && buf_puts(&w.b, context_ref) != 0) || buf_append(&w.b, "", 1) != 0)
        w.failed = 1;
    put_str(b, F_ID, id);
    if (!context_ref)
        put_strings(b, res, context_strings, N_OF(context_strings));
    put_int(b, F_KIND, (int)p->kind);
    put_int(b, F_PAR_NUMBER, p->number);
    if (p->article > 0)
        put_int(b, F_ARTICLE, p->article);
    put_int(b, F_LINE_FIRST, (int)p->line_first);
    put_int(b, F_LINE_LAST, (int)p->line_last);
    put_strings(b, p, paragraph_strings, N_OF(paragraph_strings));
    put_each(b, F_MARK, p->marks, p->n_marks);
    put_each(b, F_TAG, p->tags, p->n_tags);
    put_each(b, F_CITED_DOC, p->cites, p->n_cites);
    for (size_t i = 0; i < p->n_marks; i++) {
        const resdex_footnote_t *f = resdex_resolution_footnote(res, p->marks[i]);
        if (!f)
            continue;
        put_str(b, F_NOTE_MARK, f->mark ? f->mark : "");
        put_str(b, F_NOTE_TEXT, f->text ? f->text : "");
        put_str(b, F_NOTE_RESOLVED, f->resolved);
    }
    if (w.failed) {
        resdex_status_t st = w.b.too_large ? RESDEX_STATUS_TOO_LARGE : RESDEX_STATUS_OUT_OF_MEMORY;
        buf_free(&w.b);
        return st;
    }
    size_t len = 0;
    char *data = buf_finish(&w.b, &len);
    if (!data)
        return RESDEX_STATUS_OUT_OF_MEMORY;
    *out = data;
    *out_len = len;
    return RESDEX_STATUS_SUCCESS;
}

/* ---- reading ---- */

const char *
record_context_ref(const char *data, size_t len)
{
    if (!data || len < 2 || (data[0] != RECORD_TAG_REF && data[0] != RECORD_TAG_BINARY) ||
        !memchr(data + 1, '\0', len - 1))
        return NULL;
    return data[1] ? data + 1 : NULL;
}

/* One field of a binary record: its number and bytes. */
typedef struct field {
    unsigned id;
    const char *bytes;
    size_t n;
} field_t;

typedef struct reader {
    const char *at, *end;
} reader_t;

/* The fields after the tag and the context key; NULL with *message set
 * when the record has no end to its key. */
static resdex_status_t
reader_open(reader_t *r, const char *data, size_t len, char **message)
{
    if (len - 1 > RECORD_MAX)
        return util_fail(message, RESDEX_STATUS_CORRUPT_RECORD,
                         "stored record is too large (%zu bytes)", len);
    const char *nul = memchr(data + 1, '\0', len - 1);
    if (!nul)
        return util_fail(message, RESDEX_STATUS_CORRUPT_RECORD,
                         "stored record: its context key has no end");
    r->at = nul + 1;
    r->end = data + len;
    return RESDEX_STATUS_SUCCESS;
}

/* The next field into *f: 1, 0 at the end, -1 (with *message set) when the
 * record is cut short. */
static int
reader_next(reader_t *r, field_t *f, const char *data, char **message)
{
    if (r->at == r->end)
        return 0;
    const char *start = r->at;
    f->id = (unsigned char)*r->at++;
    size_t n = 0;
    for (unsigned shift = 0;; shift += 7) {
        if (r->at == r->end || shift > 28) {
            util_fail(message, RESDEX_STATUS_CORRUPT_RECORD,
                      "stored record: field %u at byte %zu has no length", f->id,
                      (size_t)(start - data));
            return -1;
        }
        unsigned char c = (unsigned char)*r->at++;
        n |= (size_t)(c & 0x7f) << shift;
        if (!(c & 0x80))
            break;
    }
    if (n > (size_t)(r->end - r->at)) {
        util_fail(message, RESDEX_STATUS_CORRUPT_RECORD,
                  "stored record: field %u at byte %zu runs past its end (%zu bytes of %zu)", f->id,
                  (size_t)(start - data), (size_t)(r->end - r->at), n);
        return -1;
    }
    f->bytes = r->at;
    f->n = n;
    r->at += n;
    return 1;
}

static const char *
field_str(arena_t *a, const field_t *f)
{
    if (memchr(f->bytes, '\0', f->n))
        return NULL;
    return arena_strndup(a, f->bytes, f->n);
}

static int
field_int(const field_t *f, int *out)
{
    if (f->n != 4)
        return -1;
    const unsigned char *b = (const unsigned char *)f->bytes;
    *out =
        (int)((uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24);
    return 0;
}

/* A string field of the table into base; 1 when f is one of them, -1 when
 * it holds a NUL. */
static int
set_string(arena_t *a, void *base, const struct string_field *t, size_t n, const field_t *f)
{
    for (size_t i = 0; i < n; i++)
        if (t[i].id == f->id) {
            const char *s = field_str(a, f);
            if (!s && !a->failed)
                return -1;
            *string_at(base, t[i].offset) = s;
            return 1;
        }
    return 0;
}

/* A field that did not decode: out of memory, or malformed. */
static resdex_status_t
bad_field(arena_t *a, char **message, const field_t *f)
{
    if (a->failed)
        return util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "out of memory");
    return util_fail(message, RESDEX_STATUS_CORRUPT_RECORD, "stored record: field %u is malformed",
                     f->id);
}

/* The context fields of a binary record into res. */
static resdex_status_t
binary_context(arena_t *a, const char *data, size_t len, resdex_resolution_t *res, char **message)
{
    reader_t r;
    resdex_status_t st = reader_open(&r, data, len, message);
    if (st != RESDEX_STATUS_SUCCESS)
        return st;
    field_t f;
    int more;
    while ((more = reader_next(&r, &f, data, message)) > 0)
        if (set_string(a, res, context_strings, N_OF(context_strings), &f) < 0)
            return bad_field(a, message, &f);
    return more < 0 ? RESDEX_STATUS_CORRUPT_RECORD : RESDEX_STATUS_SUCCESS;
}

/* A binary record into hit, p and (when it holds its context) res. */
static resdex_status_t
binary_read(arena_t *a, const char *data, size_t len, resdex_hit_t *hit, resdex_resolution_t *res,
            resdex_paragraph_t *p, char **message)
{
    reader_t r, start;
    resdex_status_t st = reader_open(&start, data, len, message);
    if (st != RESDEX_STATUS_SUCCESS)
        return st;
    /* First the arrays' sizes, and the record checked to its end. */
    size_t n[3] = {0, 0, 0}, notes = 0;
    field_t f;
    int more;
    r = start;
    while ((more = reader_next(&r, &f, data, message)) > 0) {
        if (f.id == F_MARK || f.id == F_TAG || f.id == F_CITED_DOC)
            n[f.id - F_MARK]++;
        else if (f.id == F_NOTE_MARK)
            notes++;
    }
    if (more < 0)
        return RESDEX_STATUS_CORRUPT_RECORD;
    const char **arrays[3] = {NULL, NULL, NULL};
    for (int i = 0; i < 3; i++)
        arrays[i] = n[i] ? arena_alloc(a, n[i] * sizeof *arrays[i]) : NULL;
    resdex_footnote_t *fn = notes ? arena_alloc(a, notes * sizeof *fn) : NULL;
    if (a->failed)
        return util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "out of memory");
    size_t filled[3] = {0, 0, 0}, k = 0;
    p->kind = RESDEX_KIND_OTHER;
    r = start;
    while (reader_next(&r, &f, data, message) > 0) {
        int value = 0;
        switch (f.id) {
        case F_ID:
            if (!(hit->id = field_str(a, &f)))
                return bad_field(a, message, &f);
            break;
        case F_KIND:
            if (field_int(&f, &value) != 0)
                return bad_field(a, message, &f);
            p->kind = value == RESDEX_KIND_PREAMBULAR  ? RESDEX_KIND_PREAMBULAR
                      : value == RESDEX_KIND_OPERATIVE ? RESDEX_KIND_OPERATIVE
                      : value == RESDEX_KIND_ANNEX     ? RESDEX_KIND_ANNEX
                                                       : RESDEX_KIND_OTHER;
            break;
        case F_PAR_NUMBER:
        case F_ARTICLE:
        case F_LINE_FIRST:
        case F_LINE_LAST:
            if (field_int(&f, &value) != 0)
                return bad_field(a, message, &f);
            if (f.id == F_PAR_NUMBER)
                p->number = value;
            else if (f.id == F_ARTICLE)
                p->article = value;
            else if (f.id == F_LINE_FIRST)
                p->line_first = (unsigned)value;
            else
                p->line_last = (unsigned)value;
            break;
        case F_MARK:
        case F_TAG:
        case F_CITED_DOC:
            if (!(arrays[f.id - F_MARK][filled[f.id - F_MARK]++] = field_str(a, &f)))
                return bad_field(a, message, &f);
            break;
        case F_NOTE_MARK:
            memset(&fn[k], 0, sizeof fn[k]);
            if (!(fn[k++].mark = field_str(a, &f)))
                return bad_field(a, message, &f);
            break;
        case F_NOTE_TEXT:
        case F_NOTE_RESOLVED: {
            const char *s = k ? field_str(a, &f) : NULL;
            if (!s)
                return bad_field(a, message, &f);
            if (f.id == F_NOTE_TEXT)
                fn[k - 1].text = s;
            else
                fn[k - 1].resolved = s;
            break;
        }
        default:
            if (set_string(a, p, paragraph_strings, N_OF(paragraph_strings), &f) < 0 ||
                set_string(a, res, context_strings, N_OF(context_strings), &f) < 0)
                return bad_field(a, message, &f);
        }
    }
    for (size_t i = 0; i < k; i++)
        if (!fn[i].text)
            return util_fail(message, RESDEX_STATUS_CORRUPT_RECORD,
                             "stored record: footnote %s has no text", fn[i].mark);
    p->marks = arrays[0];
    p->n_marks = n[0];
    p->tags = arrays[1];
    p->n_tags = n[1];
    p->cites = arrays[2];
    p->n_cites = n[2];
    hit->footnotes = fn;
    hit->n_footnotes = k;
    return RESDEX_STATUS_SUCCESS;
}

static int
is_binary(const char *data, size_t len)
{
    return data && len >= 2 && data[0] == RECORD_TAG_BINARY;
}

resdex_status_t
record_decode(arena_t *a, const char *data, size_t len, const char *context, size_t context_len,
              resdex_hit_t *hit, char **message)
{
    if (!is_binary(data, len) && !record_is_json(data, len))
        return util_fail(message, RESDEX_STATUS_CORRUPT_RECORD,
                         "stored record: unknown format or empty (%zu bytes)", len);
    resdex_resolution_t *res = arena_alloc(a, sizeof *res);
    resdex_paragraph_t *p = arena_alloc(a, sizeof *p);
    if (!res || !p)
        return util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "out of memory");
    memset(res, 0, sizeof *res);
    memset(p, 0, sizeof *p);
    resdex_hit_t got = {0};
    resdex_status_t st = is_binary(data, len)
                             ? binary_read(a, data, len, &got, res, p, message)
                             : record_json_read(a, data, len, &got, res, p, message);
    if (st != RESDEX_STATUS_SUCCESS)
        return st;
    if (data[0] == RECORD_TAG_REF || record_context_ref(data, len)) {
        if (!context)
            return util_fail(message, RESDEX_STATUS_CORRUPT_RECORD,
                             "stored record: the record of its resolution's context is missing");
        if (is_binary(context, context_len))
            st = binary_context(a, context, context_len, res, message);
        else if (record_is_json(context, context_len))
            st = record_json_context(a, context, context_len, res, message);
        else
            st = util_fail(message, RESDEX_STATUS_CORRUPT_RECORD,
                           "stored record: its context's record has an unknown format");
        if (st != RESDEX_STATUS_SUCCESS)
            return st;
    }
    if (a->failed)
        return util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "out of memory");
    if (!res->symbol || !p->text || !got.id)
        return util_fail(message, RESDEX_STATUS_CORRUPT_RECORD,
                         "stored record lacks its symbol, id or text");
    hit->id = got.id;
    hit->resolution = res;
    hit->paragraph = p;
    hit->footnotes = got.footnotes;
    hit->n_footnotes = got.n_footnotes;
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
