/* pdf.c - PDF files through poppler: the text layer in reading order,
 * without the page furniture, written in the form the text parser reads.
 *
 * Each page's text comes with the position and font size of every
 * character. From them, line by line:
 *   - page furniture is dropped: the job number ("17-14112 (E)"), the
 *     barcode ("*1714112*"), page numbers ("2/9", "12"), "Please recycle",
 *     and any line of page 2 or later printed in the top or bottom margin
 *     of another page too (the symbol header repeated on each page; the
 *     first page's masthead is kept);
 *   - the footnotes are the lines at the foot of the page printed smaller
 *     than the body text; each starts with its number, and is written as
 *     "[^N]: text" after the paragraph the page ends in;
 *   - a run of raised digits in a smaller font is a footnote mark, written
 *     "[^N]" (the form the text parser links);
 *   - lines are joined into paragraphs; a wider gap than the line spacing
 *     ends one; a paragraph that runs to the foot of a page without ending
 *     its sentence is joined with the first paragraph of the next page.
 * A PDF whose pages carry no text at all (scanned images) is refused. */
#include "model.h"
#include "readers.h"
#include "util.h"

#include <ctype.h>
#include <glib.h>
#include <math.h>
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PDF_MAX_PAGES 2000
/* The time one PDF may take to read, checked after each page (poppler
 * cannot be stopped inside a page): RESDEX_PDF_SECONDS, else this. */
#define PDF_MAX_SECONDS  60
#define PDF_MARGIN_LINES 8 /* lines at the top and at the foot of a page */

typedef struct line {
    char *text; /* UTF-8, footnote marks already written as "[^N]" */
    double top, bottom, left, right;
    double size;        /* the largest font size in the line, marks aside */
    unsigned lead_mark; /* the line starts with a mark (superscript or digits + space) */
    size_t lead_len;    /* bytes of that mark in text (with the space) */
    int drop;
} line_t;

typedef struct page {
    line_t *lines;
    size_t n;
    double width, height;
} page_t;

typedef struct pdf {
    const char *name;
    page_t *pages;
    size_t n_pages;
    buf_t out;
    buf_t notes; /* footnotes waiting for the current paragraph to end */
    int failed;
} pdf_t;

/* The font size of character i; *cur walks the attribute runs (in order
 * of their characters) alongside i, so a page costs one pass. */
static double
font_size_at(GList **cur, int i)
{
    while (*cur && ((PopplerTextAttributes *)(*cur)->data)->end_index < i)
        *cur = (*cur)->next;
    const PopplerTextAttributes *a = *cur ? (*cur)->data : NULL;
    return a && i >= a->start_index ? a->font_size : 0;
}

static int
all_digits(const char *s, size_t n)
{
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return 0;
    return 1;
}

/* One line of characters [from, to) of the page text. */
typedef struct glyph {
    const char *s;
    size_t len;
    PopplerRectangle r;
    double size;
} glyph_t;

static int
build_line(pdf_t *p, const glyph_t *g, size_t n, line_t *out)
{
    memset(out, 0, sizeof *out);
    double size = 0, bottom = 0;
    for (size_t i = 0; i < n; i++)
        if (g[i].size > size)
            size = g[i].size;
    /* The baseline of the body glyphs of the line. */
    for (size_t i = 0; i < n; i++)
        if (g[i].size >= size * 0.85 && g[i].r.y2 > bottom)
            bottom = g[i].r.y2;
    buf_t b;
    buf_init(&b, RESDEX_MAX_LINE_BYTES);
    out->top = 1e9;
    out->left = 1e9;
    for (size_t i = 0; i < n;) {
        const glyph_t *c = &g[i];
        if (c->len == 1 && isspace((unsigned char)c->s[0])) {
            if (b.len && b.data[b.len - 1] != ' ')
                buf_putc(&b, ' ');
            i++;
            continue;
        }
        if (c->r.y1 < out->top)
            out->top = c->r.y1;
        if (c->r.x1 < out->left)
            out->left = c->r.x1;
        if (c->r.x2 > out->right)
            out->right = c->r.x2;
        /* Raised, smaller digits: a footnote mark. */
        int raised = c->size > 0 && c->size < size * 0.8 && c->r.y2 < bottom - size * 0.15;
        if (raised && c->len == 1 && isdigit((unsigned char)c->s[0])) {
            size_t j = i;
            char digits[8];
            size_t k = 0;
            while (j < n && g[j].len == 1 && isdigit((unsigned char)g[j].s[0]) &&
                   g[j].size < size * 0.8 && k + 1 < sizeof digits) {
                digits[k++] = g[j].s[0];
                j++;
            }
            digits[k] = '\0';
            if (k <= 3) {
                if (b.len == 0) {
                    out->lead_mark = (unsigned)atoi(digits);
                    buf_printf(&b, "[^%s]", digits);
                    out->lead_len = b.len;
                } else {
                    buf_printf(&b, "[^%s]", digits);
                }
            }
            i = j;
            continue;
        }
        buf_append(&b, c->s, c->len);
        i++;
    }
    while (b.len && b.data[b.len - 1] == ' ')
        b.data[--b.len] = '\0';
    if (b.too_large) {
        buf_free(&b);
        return -1;
    }
    if (!out->lead_mark && b.len) {
        /* "12 General Assembly resolution..." : digits, a space, text. */
        size_t k = 0;
        while (k < b.len && k < 4 && isdigit((unsigned char)b.data[k]))
            k++;
        if (k > 0 && k <= 3 && k < b.len && b.data[k] == ' ') {
            out->lead_mark = (unsigned)atoi(b.data);
            out->lead_len = k;
        }
    }
    out->size = size;
    out->bottom = bottom;
    out->text = buf_finish(&b, NULL);
    if (!out->text)
        p->failed = 1;
    return 0;
}

static resdex_status_t
read_page(pdf_t *p, PopplerPage *page, page_t *pg, char **message, size_t page_no)
{
    poppler_page_get_size(page, &pg->width, &pg->height);
    char *text = poppler_page_get_text(page);
    PopplerRectangle *rects = NULL;
    guint n_rects = 0;
    if (!text)
        return RESDEX_STATUS_SUCCESS;
    poppler_page_get_text_layout(page, &rects, &n_rects);
    GList *attrs = poppler_page_get_text_attributes(page);
    size_t n_chars = (size_t)g_utf8_strlen(text, -1);
    glyph_t *g = calloc(n_chars + 1, sizeof *g);
    resdex_status_t st = RESDEX_STATUS_SUCCESS;
    if (!g) {
        st = util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "%s: out of memory", p->name);
        goto DONE;
    }
    size_t i = 0;
    GList *run = attrs;
    for (const char *s = text; *s && i < n_chars; i++) {
        const char *next = g_utf8_next_char(s);
        g[i].s = s;
        g[i].len = (size_t)(next - s);
        if (i < n_rects)
            g[i].r = rects[i];
        g[i].size = font_size_at(&run, (int)i);
        s = next;
    }
    size_t n_lines = 1;
    for (size_t k = 0; k < i; k++)
        n_lines += g[k].len == 1 && g[k].s[0] == '\n';
    pg->lines = calloc(n_lines, sizeof *pg->lines);
    if (!pg->lines) {
        st = util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "%s: out of memory", p->name);
        goto DONE;
    }
    size_t from = 0;
    for (size_t k = 0; k <= i; k++) {
        if (k < i && !(g[k].len == 1 && g[k].s[0] == '\n'))
            continue;
        line_t l;
        if (build_line(p, g + from, k - from, &l) != 0) {
            st = util_fail(message, RESDEX_STATUS_TOO_LARGE,
                           "%s: page %zu: a line longer than %u bytes", p->name, page_no,
                           RESDEX_MAX_LINE_BYTES);
            goto DONE;
        }
        from = k + 1;
        if (l.text && l.text[0])
            pg->lines[pg->n++] = l;
        else
            free(l.text);
    }
DONE:
    free(g);
    g_free(rects);
    poppler_page_free_text_attributes(attrs);
    g_free(text);
    return st;
}

/* Page furniture by its look, wherever it is printed. */
static int
furniture_text(const char *s)
{
    size_t n = strlen(s);
    /* job number: "17-14112 (E)", "V.17-01234", "17-14112 (E)    180817" */
    const char *t = s;
    if (t[0] == 'V' && t[1] == '.')
        t += 2;
    if (isdigit((unsigned char)t[0]) && isdigit((unsigned char)t[1]) && t[2] == '-') {
        size_t k = 3;
        while (isdigit((unsigned char)t[k]))
            k++;
        if (k >= 7 && k <= 9 && (t[k] == '\0' || t[k] == ' '))
            return 1;
    }
    /* barcode: "*1714112*" */
    if (n >= 5 && s[0] == '*' && s[n - 1] == '*' && all_digits(s + 1, n - 2))
        return 1;
    /* page numbers "2/9" */
    const char *slash = strchr(s, '/');
    if (slash && slash > s && all_digits(s, (size_t)(slash - s)) &&
        all_digits(slash + 1, strlen(slash + 1)) && n <= 9)
        return 1;
    if (strstr(s, "Please recycle"))
        return 1;
    return 0;
}

static int
in_margin(const page_t *pg, const line_t *l)
{
    return l->bottom < pg->height * 0.09 || l->top > pg->height * 0.91;
}

static void
mark_furniture(pdf_t *p)
{
    for (size_t i = 0; i < p->n_pages; i++) {
        page_t *pg = &p->pages[i];
        for (size_t k = 0; k < pg->n; k++) {
            line_t *l = &pg->lines[k];
            if (furniture_text(l->text) ||
                (in_margin(pg, l) && all_digits(l->text, strlen(l->text))))
                l->drop = 1;
        }
    }
    /* Lines in the margins repeated on another page: the running header.
     * Compared with the first page and the two pages on either side (odd
     * and even pages differ), and only the first and last PDF_MARGIN_LINES
     * lines of a page: linear in the pages, whatever the PDF holds. */
    for (size_t i = 1; i < p->n_pages; i++) {
        page_t *pg = &p->pages[i];
        for (size_t k = 0; k < pg->n; k++) {
            if (k >= PDF_MARGIN_LINES && k + PDF_MARGIN_LINES < pg->n)
                continue;
            line_t *l = &pg->lines[k];
            if (l->drop || !in_margin(pg, l))
                continue;
            size_t others[] = {0, i - 1, i >= 2 ? i - 2 : 0, i + 1, i + 2};
            for (size_t o_i = 0; o_i < sizeof others / sizeof others[0] && !l->drop; o_i++) {
                size_t j = others[o_i];
                if (j == i || j >= p->n_pages)
                    continue;
                const page_t *o = &p->pages[j];
                for (size_t m = 0; m < o->n; m++) {
                    if (m >= PDF_MARGIN_LINES && m + PDF_MARGIN_LINES < o->n)
                        continue;
                    if (in_margin(o, &o->lines[m]) && strcmp(o->lines[m].text, l->text) == 0) {
                        l->drop = 1;
                        break;
                    }
                }
            }
        }
    }
}

/* The body font size: the size most characters are printed in. */
static double
body_size(const pdf_t *p)
{
    double sizes[64];
    size_t weight[64], n = 0;
    for (size_t i = 0; i < p->n_pages; i++)
        for (size_t k = 0; k < p->pages[i].n; k++) {
            const line_t *l = &p->pages[i].lines[k];
            if (l->drop)
                continue;
            size_t j = 0;
            while (j < n && fabs(sizes[j] - l->size) > 0.25)
                j++;
            if (j == n) {
                if (n == 64)
                    continue;
                sizes[n] = l->size;
                weight[n++] = 0;
            }
            weight[j] += strlen(l->text);
        }
    size_t best = 0;
    for (size_t j = 1; j < n; j++)
        if (weight[j] > weight[best])
            best = j;
    return n ? sizes[best] : 0;
}

static void
put(pdf_t *p, buf_t *b, const char *s, size_t n)
{
    if (buf_append(b, s, n) != 0)
        p->failed = 1;
}

static int
ends_sentence(const char *s)
{
    size_t n = strlen(s);
    return n && strchr(".;:!?", s[n - 1]);
}

/* End the paragraph being written, and write the footnotes held back. */
static void
end_paragraph(pdf_t *p, int *open)
{
    if (*open)
        put(p, &p->out, "\n\n", 2);
    *open = 0;
    if (p->notes.len) {
        put(p, &p->out, p->notes.data, p->notes.len);
        p->notes.len = 0;
    }
}

static void
write_text(pdf_t *p, double body)
{
    int open = 0;  /* a paragraph is being written */
    int carry = 0; /* it may go on on the next page */
    for (size_t i = 0; i < p->n_pages; i++) {
        page_t *pg = &p->pages[i];
        /* The footnote block: from the foot up, the lines smaller than the
         * body, when the first of them starts with a mark. */
        size_t end = pg->n;
        while (end > 0 && pg->lines[end - 1].drop)
            end--;
        size_t fn = end;
        while (fn > 0 && (pg->lines[fn - 1].drop || pg->lines[fn - 1].size < body * 0.92))
            fn--;
        while (fn < end && (pg->lines[fn].drop || !pg->lines[fn].lead_mark))
            fn++;
        /* Line spacing of the body: the smallest gap between baselines. */
        double pitch = 0;
        for (size_t k = 1; k < fn; k++) {
            double d = pg->lines[k].bottom - pg->lines[k - 1].bottom;
            if (d > 0.5 && (pitch == 0 || d < pitch))
                pitch = d;
        }
        if (pitch == 0)
            pitch = body * 1.2;
        double widest = 0;
        for (size_t k = 0; k < fn; k++)
            if (!pg->lines[k].drop && pg->lines[k].right - pg->lines[k].left > widest)
                widest = pg->lines[k].right - pg->lines[k].left;
        const line_t *prev = NULL;
        for (size_t k = 0; k < fn; k++) {
            const line_t *l = &pg->lines[k];
            if (l->drop)
                continue;
            int new_par;
            if (!prev) /* the first line of the page */
                new_par = !(carry && (islower((unsigned char)l->text[0]) || carry == 2));
            else
                new_par = l->bottom - prev->bottom > pitch * 1.35 || l->bottom < prev->bottom;
            if (new_par)
                end_paragraph(p, &open);
            else if (open)
                put(p, &p->out, " ", 1);
            put(p, &p->out, l->text, strlen(l->text));
            open = 1;
            prev = l;
        }
        /* Does the page's last paragraph stop mid-sentence? 2: its last line
         * runs the full width, so the paragraph surely goes on. */
        carry = 0;
        if (prev && !ends_sentence(prev->text))
            carry = prev->right - prev->left >= widest * 0.9 ? 2 : 1;
        /* The page's footnotes, written when the paragraph ends. */
        unsigned last = 0;
        int in_note = 0;
        for (size_t k = fn; k < end; k++) {
            const line_t *l = &pg->lines[k];
            if (l->drop)
                continue;
            if (l->lead_mark && (!in_note || l->lead_mark == last + 1)) {
                if (in_note)
                    put(p, &p->notes, "\n\n", 2);
                const char *rest = l->text + l->lead_len;
                while (*rest == ' ')
                    rest++;
                char mark[32];
                int m = snprintf(mark, sizeof mark, "[^%u]: ", l->lead_mark);
                put(p, &p->notes, mark, (size_t)m);
                put(p, &p->notes, rest, strlen(rest));
                last = l->lead_mark;
                in_note = 1;
            } else if (in_note) {
                put(p, &p->notes, " ", 1);
                put(p, &p->notes, l->text, strlen(l->text));
            }
        }
        if (in_note)
            put(p, &p->notes, "\n\n", 2);
        if (!carry)
            end_paragraph(p, &open);
    }
    end_paragraph(p, &open);
}

int
pdf_looks_like_pdf(const void *data, size_t len)
{
    /* "%PDF-" within the first KiB, as readers accept. */
    size_t n = len < 1024 ? len : 1024;
    for (size_t i = 0; i + 5 <= n; i++)
        if (memcmp((const char *)data + i, "%PDF-", 5) == 0)
            return 1;
    return 0;
}

static double
seconds_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* RESDEX_PDF_SECONDS when it is a whole number of seconds, else the default. */
static long
time_limit(void)
{
    const char *v = getenv("RESDEX_PDF_SECONDS");
    char *end;
    long n = v && *v ? strtol(v, &end, 10) : -1;
    return n >= 0 && !*end && n <= 86400 ? n : PDF_MAX_SECONDS;
}

resdex_status_t
pdf_parse(resdex_doc_t *doc, const char *name, const void *data, size_t len, char **message)
{
    double started = seconds_now();
    long limit = time_limit();
    pdf_t p;
    memset(&p, 0, sizeof p);
    p.name = name;
    buf_init(&p.out, RESDEX_MAX_INPUT_BYTES);
    buf_init(&p.notes, RESDEX_MAX_INPUT_BYTES);
    GError *err = NULL;
    GBytes *bytes = g_bytes_new_static(data, len);
    PopplerDocument *pd = poppler_document_new_from_bytes(bytes, NULL, &err);
    resdex_status_t st = RESDEX_STATUS_SUCCESS;
    if (!pd) {
        int encrypted = err && err->domain == POPPLER_ERROR && err->code == POPPLER_ERROR_ENCRYPTED;
        st = util_fail(message, RESDEX_STATUS_BAD_DOCUMENT, "%s: %s%s", name,
                       encrypted ? "encrypted PDF (a password is needed)"
                                 : "damaged or truncated PDF: ",
                       encrypted ? "" : (err && err->message ? err->message : "cannot be read"));
        goto DONE;
    }
    int n = poppler_document_get_n_pages(pd);
    if (n > PDF_MAX_PAGES) {
        st = util_fail(message, RESDEX_STATUS_TOO_LARGE, "%s: %d pages (the limit is %d)", name, n,
                       PDF_MAX_PAGES);
        goto DONE;
    }
    p.pages = calloc(n > 0 ? (size_t)n : 1, sizeof *p.pages);
    if (!p.pages) {
        st = util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "%s: out of memory", name);
        goto DONE;
    }
    size_t chars = 0;
    for (int i = 0; i < n && st == RESDEX_STATUS_SUCCESS; i++) {
        PopplerPage *page = poppler_document_get_page(pd, i);
        if (!page)
            continue;
        st = read_page(&p, page, &p.pages[p.n_pages], message, (size_t)i + 1);
        g_object_unref(page);
        for (size_t k = 0; k < p.pages[p.n_pages].n; k++)
            chars += strlen(p.pages[p.n_pages].lines[k].text);
        p.n_pages++;
        if (chars > RESDEX_MAX_INPUT_BYTES)
            st = util_fail(message, RESDEX_STATUS_TOO_LARGE,
                           "%s: text exceeds the limit of %u MiB (page %d)", name,
                           RESDEX_MAX_INPUT_BYTES >> 20, i + 1);
        else if (i + 1 < n && seconds_now() - started >= (double)limit)
            st = util_fail(message, RESDEX_STATUS_TOO_LARGE,
                           "%s: reading it takes longer than the limit of %ld s (stopped after "
                           "page %d of %d; RESDEX_PDF_SECONDS sets the limit)",
                           name, limit, i + 1, n);
    }
    if (st != RESDEX_STATUS_SUCCESS)
        goto DONE;
    if (chars == 0) {
        st = util_fail(message, RESDEX_STATUS_BAD_DOCUMENT,
                       "%s: PDF without a text layer (%d scanned page%s? resdex does not read "
                       "images)",
                       name, n, n == 1 ? "" : "s");
        goto DONE;
    }
    mark_furniture(&p);
    write_text(&p, body_size(&p));
    if (p.out.too_large || p.notes.too_large)
        st = util_fail(message, RESDEX_STATUS_TOO_LARGE, "%s: text exceeds the limit of %u MiB",
                       name, RESDEX_MAX_INPUT_BYTES >> 20);
    else if (p.failed)
        st = util_fail(message, RESDEX_STATUS_OUT_OF_MEMORY, "%s: out of memory", name);
    else
        st = reader_parse_text(doc, name, p.out.data ? p.out.data : "", p.out.len, message);
DONE:
    for (size_t i = 0; i < p.n_pages; i++) {
        for (size_t k = 0; k < p.pages[i].n; k++)
            free(p.pages[i].lines[k].text);
        free(p.pages[i].lines);
    }
    free(p.pages);
    buf_free(&p.out);
    buf_free(&p.notes);
    if (pd)
        g_object_unref(pd);
    g_bytes_unref(bytes);
    if (err)
        g_error_free(err);
    return st;
}
