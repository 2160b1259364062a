/* text.c - the reader for resolution text (converted PDFs, markdown-ish
 * extracts, hard-wrapped plain text): the structure of UN documents.
 *
 * The reader makes two passes, both linear:
 *
 *  1. Lines are grouped into units (a paragraph, a numbered or lettered
 *     item, a footnote, a topic tag, a heading), page furniture dropped, and
 *     each unit is classified as it arrives: metadata of the next
 *     resolution, the start of a resolution, its title, its body line, or
 *     one of its paragraphs. A paragraph interrupted by a page break or a
 *     footnote block is continued by the next unit that does not open a
 *     paragraph of its own. Paragraph and footnote text is kept raw.
 *
 *  2. When the whole file is read, each resolution's context is completed
 *     (symbol, body), footnote marks are taken out of the paragraph text and
 *     linked to the footnote of the same resolution, and citations are
 *     collected from the paragraph and from the footnotes it carries.
 *
 * Memory is bounded by a small multiple of the input: one copy of the raw
 * paragraph and footnote text, then the document model.
 *
 * This file splits lines into units and runs the passes; what the units
 * mean is in text-heads.c (what opens and closes a resolution) and
 * text-paras.c (its paragraphs), pass 2 in text-context.c (symbols and
 * bodies) and text-link.c (the footnote linker); text-reader.h holds the
 * state they share. */
#include "readers.h"
#include "text-reader.h"
#include "text-meta.h"
#include "verbs.h"

#include <stdlib.h>
#include <string.h>

void *
tx_vec_push(ctx_t *c, vec_t *v, size_t size)
{
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 64;
        void *p = realloc(v->items, cap * size);
        if (!p) {
            c->oom = 1;
            return NULL;
        }
        v->items = p;
        v->cap = cap;
    }
    void *item = (char *)v->items + v->n * size;
    memset(item, 0, size);
    v->n++;
    return item;
}

/* The plain text of raw (markup and markers removed) in c->plain. */
const char *
tx_plain_of(ctx_t *c, const char *raw, size_t n)
{
    c->plain.len = 0;
    if (fn_clean(raw, n, NULL, NULL, NULL, NULL, &c->plain) != 0) {
        c->oom = 1;
        return "";
    }
    return c->plain.data ? c->plain.data : "";
}

/* ------------------------------------------------------------------------ */
/* The reader                                                               */
/* ------------------------------------------------------------------------ */

static int
line_opens_paragraph(const char *s, size_t n)
{
    while (n > 0 && (*s == ' ' || *s == '*' || *s == '-')) {
        s++;
        n--;
    }
    size_t len;
    return verb_find(s, n, 0, &len) != VERB_NONE;
}

/* "12 General Assembly ..." at the start of a block: a footnote printed
 * with plain digits, when the text before used that number as a marker. */
static int
plain_note_start(const ctx_t *c, const char *s, size_t n)
{
    size_t i = 0;
    unsigned v = 0;
    while (i < n && is_digit(s[i]) && i < 3)
        v = v * 10 + (unsigned)(s[i++] - '0');
    if (i == 0 || i >= n || s[i] != ' ' || v == 0 || v > FN_MAX_MARK)
        return 0;
    return c->candidate[v];
}

/* A copy of the line with Unicode spaces (no-break, thin, narrow) made
 * plain spaces and invisible characters (soft hyphen, zero width space,
 * BOM) removed: database extracts write "1.\u00A0Encourages\u00A0Member". */
static int
normalise_line(buf_t *out, const char *s, size_t n)
{
    out->len = 0;
    if (buf_reserve(out, n) != 0)
        return -1;
    char *d = out->data;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\t') {
            d[k++] = ' ';
        } else if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
            d[k++] = ' ';
            i++;
        } else if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xAD) {
            i++;
        } else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                   (((unsigned char)s[i + 2] >= 0x80 && (unsigned char)s[i + 2] <= 0x8A) ||
                    (unsigned char)s[i + 2] == 0xAF)) {
            d[k++] = ' ';
            i += 2;
        } else if ((c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                    (unsigned char)s[i + 2] == 0x8B) ||
                   (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBB &&
                    (unsigned char)s[i + 2] == 0xBF)) {
            i += 2;
        } else {
            d[k++] = (char)c;
        }
    }
    d[k] = '\0';
    out->len = k;
    return 0;
}

/* The last character of the unit so far as tl_last_char() says, a
 * bare-digit footnote mark skipped ("the Committee on Information,1"
 * ends with the comma). */
static char
last_before_mark(const char *s, size_t n)
{
    while (n > 0 && s[n - 1] == ' ')
        n--;
    size_t k = n;
    while (k > 0 && is_digit(s[k - 1]) && n - k < 3)
        k--;
    if (k < n && k >= 2 && strchr(".;:,", s[k - 1]) && !is_digit(s[k - 2]) && s[k - 2] != ' ')
        return s[k - 1];
    return tl_last_char(s, n);
}

static const char *
skip_spaces(const char *s)
{
    while (*s == ' ')
        s++;
    return s;
}

/* 1 to 3 digits alone on the line (spaces around): their value, else 0. */
static unsigned
lone_mark(const char *s, size_t n)
{
    while (n > 0 && s[n - 1] == ' ')
        n--;
    size_t i = 0;
    while (i < n && s[i] == ' ')
        i++;
    if (n - i == 0 || n - i > 3)
        return 0;
    unsigned v = 0;
    for (; i < n; i++) {
        if (!is_digit(s[i]))
            return 0;
        v = v * 10 + (unsigned)(s[i] - '0');
    }
    return v;
}

static void
end_unit(ctx_t *c, unit_t *u)
{
    if (u->raw.len > 0)
        tx_dispatch(c, u);
    u->raw.len = 0;
    u->start = TL_NONE;
    u->plain_note = 0;
    u->long_number = 0;
}

/* One pass over the lines; `headless`: a resolution is open from the first
 * line on (a draft without its heading), its paragraphs from there. */
static resdex_status_t
parse_lines(resdex_doc_t *doc, const char *name, const char *data, size_t len, int headless,
            char **message)
{
    ctx_t *c = calloc(1, sizeof *c);
    if (!c)
        return util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "%s: out of memory", name);
    resdex_status_t st = RESDEX_STATUS_SUCCESS;
    c->doc = doc;
    c->name = name;
    c->message = message;
    c->lang = meta_language(data, len);
    buf_init(&c->ptext, TEXT_MAX);
    buf_init(&c->ftext, TEXT_MAX);
    buf_init(&c->ttext, TEXT_MAX);
    buf_init(&c->fclean, TEXT_MAX);
    buf_init(&c->plain, TEXT_MAX);
    buf_init(&c->ocr, TEXT_MAX);
    unit_t u = {TL_NONE, {0}, 0, 0, 0, 0};
    buf_init(&u.raw, RESDEX_MAX_LINE_BYTES + 16);
    if (headless && tx_open_resolution(c, "", "draft resolution", NULL, 1, 0, 0))
        c->phase = PHASE_BODY;

    tl_iter_t it;
    tl_init(&it, data, len);
    const char *s;
    size_t n;
    int r, block_start = 1, after_distr = 0;
    unsigned long_unit = 0; /* first line of a paragraph over the limit */
    buf_t *ub = &u.raw;
    buf_t line;
    buf_init(&line, RESDEX_MAX_LINE_BYTES + 16);
    while ((r = tl_next(&it, RESDEX_MAX_LINE_BYTES, &s, &n)) > 0 && !c->oom) {
        if (normalise_line(&line, s, n) != 0) {
            c->oom = 1;
            break;
        }
        s = line.data;
        n = line.len;
        if (tl_is_blank(s, n)) {
            end_unit(c, &u);
            block_start = 1;
            continue;
        }
        size_t sym = tl_symbol_line(s, n);
        if (sym && (!c->res || c->phase == PHASE_CLOSED)) {
            /* A symbol printed alone: the next resolution's (E/RES/2017/19)
             * or the report's (E/2017/30); elsewhere a running head. */
            const char *t = s;
            while (*t == ' ' || *t == '*')
                t++;
            const char *v = strn(c, t, sym);
            if (v && (strstr(v, "/RES/") || strstr(v, "/DEC/")))
                c->hdr.symbol = v;
            else if (v && !c->report_symbol && v[0] == 'E' && v[1] == '/' && is_digit(v[2]))
                c->report_symbol = v;
        }
        unsigned lone = lone_mark(s, n);
        if (lone &&
            (c->adopted || (ub->len > 0 && starts_with(skip_spaces(ub->data), "Adopted ")))) {
            /* "Adopted at the 2nd meeting." with its footnote's number on
             * the next line, where a page number would be furniture. */
            tx_closing_mark(c, lone);
            continue;
        }
        c->adopted = 0;
        if (tl_is_furniture(s, n)) {
            after_distr = tl_is_distribution(s, n);
            continue;
        }
        if (after_distr) {
            /* The issue date under "Distr.: General". */
            char iso[11];
            after_distr = 0;
            const char *t = s;
            while (*t == ' ')
                t++;
            size_t k = meta_date_at(t, n - (size_t)(t - s), iso);
            if (k && tl_is_blank(t + k, n - (size_t)(t - s) - k))
                continue;
        }
        tl_start_t start = tl_start(s, n);
        int plain_note = 0;
        /* A plain-digit footnote after a blank line, or after the full stop
         * that ends the footnote before it ("1 Resolution 217 A (III).\n2
         * See ..."). */
        if (start == TL_NONE &&
            (block_start || (u.plain_note && tl_last_char(ub->data, ub->len) == '.')) &&
            plain_note_start(c, s, n)) {
            start = TL_FOOTNOTE;
            plain_note = 1;
        }
        if (ub->len > 0) {
            char last = last_before_mark(ub->data, ub->len);
            int boundary = last && strchr(".;:,", last);
            int split = 0;
            if (start == TL_FOOTNOTE || start == TL_TAG || start == TL_BULLET || u.start == TL_TAG)
                split = 1;
            else if ((start == TL_NUMBERED || start == TL_LETTERED) && boundary)
                split = 1;
            else if (start == TL_NONE && boundary && u.start != TL_FOOTNOTE &&
                     line_opens_paragraph(s, n))
                split = 1; /* hard-wrapped text without blank lines */
            if (split) {
                end_unit(c, &u);
            } else {
                /* Another line of the same unit. A word broken at a hyphen
                 * ("non-\ncustodial") is joined without a space. */
                int hyphen = ub->len >= 2 && ub->data[ub->len - 1] == '-' &&
                             ub->data[ub->len - 2] != ' ' && n > 0 && is_lower(s[0]);
                if (!u.long_number && boundary && tl_number_too_long(s, n))
                    u.long_number = it.line;
                if ((!hyphen && buf_putc(ub, '\n') != 0) || buf_append(ub, s, n) != 0) {
                    /* A paragraph is held to the limit of a line. */
                    if (ub->too_large)
                        long_unit = u.first;
                    else
                        c->oom = 1;
                    break;
                }
                u.last = it.line;
                block_start = 0;
                continue;
            }
        }
        u.start = start;
        u.plain_note = plain_note;
        u.first = u.last = it.line;
        if (buf_append(ub, s, n) != 0)
            c->oom = 1;
        block_start = 0;
    }
    if (r < 0) {
        st = util_fail(message, RESDEX_STATUS_TOO_LARGE, "%s:%u: line longer than %u bytes", name,
                       it.line, (unsigned)RESDEX_MAX_LINE_BYTES);
        goto DONE;
    }
    if (long_unit && u.long_number) {
        st = util_fail(message, RESDEX_STATUS_TOO_LARGE,
                       "%s:%u: paragraph longer than %u bytes (lines %u to %u): from line %u on, "
                       "lines numbered over %d continue it, since a paragraph number has at most "
                       "%d digits",
                       name, long_unit, (unsigned)RESDEX_MAX_LINE_BYTES, long_unit, it.line,
                       u.long_number, 999, TL_NUMBER_DIGITS);
        goto DONE;
    }
    if (long_unit) {
        st = util_fail(message, RESDEX_STATUS_TOO_LARGE,
                       "%s:%u: paragraph longer than %u bytes (lines %u to %u)", name, long_unit,
                       (unsigned)RESDEX_MAX_LINE_BYTES, long_unit, it.line);
        goto DONE;
    }
    end_unit(c, &u);
    if (c->oom)
        goto OOM;
    for (size_t i = 0; i < resdex_doc_count(doc); i++)
        tx_complete_context(c, i, data, len);
    tx_link_and_emit(c);
    if (c->oom)
        goto OOM;
    if (resdex_doc_count(doc) == 0)
        st = util_fail(message, RESDEX_STATUS_NO_RESOLUTION,
                       "%s: no resolution or decision found (no line such as \"2017/19. Title\", "
                       "\"Resolution 26/1\" or \"Draft resolution I\")",
                       name);
    goto DONE;
OOM:
    st = util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "%s: out of memory", name);
DONE:
    buf_free(&line);
    buf_free(&u.raw);
    buf_free(&c->ptext);
    buf_free(&c->ftext);
    buf_free(&c->ttext);
    buf_free(&c->fclean);
    buf_free(&c->plain);
    buf_free(&c->ocr);
    free(c->pars.items);
    free(c->notes.items);
    free(c->tags.items);
    free(c->info.items);
    free(c);
    return st;
}

resdex_status_t
text_parse(resdex_doc_t *doc, const char *name, const char *data, size_t len, char **message)
{
    resdex_status_t st = parse_lines(doc, name, data, len, 0, message);
    if (st == RESDEX_STATUS_NO_RESOLUTION && model_headless_ok(doc) && resdex_doc_count(doc) == 0) {
        char *refusal = message ? *message : NULL;
        if (message)
            *message = NULL;
        st = parse_lines(doc, name, data, len, 1, message);
        /* A text with neither a heading nor a paragraph is no draft either:
         * the first refusal stands. */
        if (st == RESDEX_STATUS_SUCCESS && resdex_doc_count(doc) == 1 &&
            resdex_doc_get(doc, 0)->n_paragraphs == 0) {
            st = RESDEX_STATUS_NO_RESOLUTION;
            if (message) {
                free(*message);
                *message = refusal;
                refusal = NULL;
            }
        }
        free(refusal);
    }
    return st;
}
