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
 * paragraph and footnote text, then the document model. */
#include "readers.h"
#include "cite.h"
#include "footnotes.h"
#include "model.h"
#include "text-lines.h"
#include "text-meta.h"
#include "util.h"
#include "verbs.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Lists per paragraph are capped so that a hostile file cannot make the
 * model's duplicate checks quadratic. */
#define MAX_MARKS_PER_PAR 256
#define MAX_TAGS_PER_PAR  64
#define MAX_CITES_PER_PAR 256
#define TEXT_MAX          (2u * RESDEX_MAX_INPUT_BYTES)

typedef enum phase {
    PHASE_TITLE,     /* after "Draft resolution I": the next unit is the title */
    PHASE_BODY,      /* title known, before the first paragraph */
    PHASE_PREAMBLE,  /* preambular paragraphs */
    PHASE_OPERATIVE, /* operative paragraphs */
    PHASE_CLOSED,    /* after "40th plenary meeting": only footnotes follow */
    PHASE_ANNEX      /* after "Annex": text of the annex, kind other */
} phase_t;

/* A paragraph waiting for pass 2; its raw text is ptext[off, off+len). */
typedef struct par {
    size_t res;
    resdex_kind_t kind;
    int number;
    char item[8];
    const char *verb;    /* in the document's arena */
    const char *speaker; /* the body speaking ("its resolution"): static code */
    size_t off, len;
    unsigned line_first, line_last;
} par_t;

typedef struct note {
    size_t res; /* the resolution it was printed in (or before) */
    unsigned mark;
    size_t off, len;   /* raw text in ftext */
    size_t coff, clen; /* clean text in fclean (pass 2) */
} note_t;

typedef struct tag {
    size_t par;
    size_t off, len; /* in ttext */
} tag_t;

/* What pass 2 needs to know about a resolution beyond the model. */
typedef struct resinfo {
    int draft;     /* "Draft resolution I" in a report */
    char section;  /* 'A'.. of the report, 0 if none */
    int in_report; /* started by a heading inside a report */
    const char *symbol;
} resinfo_t;

/* The context printed above a resolution ("Resolution adopted by the
 * Economic and Social Council on 6 July 2017", "2017 session", ...). */
typedef struct header {
    const char *body, *recommended_by, *symbol;
    char date[11];
    const char *session, *agenda_item;
    int decision;
} header_t;

typedef struct vec {
    void *items;
    size_t n, cap;
} vec_t;

typedef struct ctx {
    resdex_doc_t *doc;
    const char *name;
    const char *lang;
    char **message;
    int oom;

    buf_t ptext, ftext, ttext, fclean;
    vec_t pars, notes, tags, info;
    buf_t plain; /* scratch: plain text of the current unit */

    header_t hdr;
    /* The report around several resolutions (E/2017/30). */
    char section;
    const char *section_body;
    const char *commission; /* the Commission whose report this is */
    unsigned session_no;
    const char *session;
    const char *report_symbol;

    /* The resolution being read. */
    resdex_resolution_t *res;
    size_t res_idx;
    phase_t phase;
    int last_op;
    int seen_op;
    int agenda;
    const char *speaker;
    int joinable;   /* the last paragraph may continue in the next unit */
    char last_char; /* its last significant character */

    /* Bare-digit marker candidates seen in the current resolution, for
     * footnotes printed as "1 text" (plain digits). */
    unsigned char candidate[FN_MAX_MARK + 1];
} ctx_t;

/* ------------------------------------------------------------------------ */
/* Small helpers                                                            */
/* ------------------------------------------------------------------------ */

static void *
vec_push(ctx_t *c, vec_t *v, size_t size)
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

#define VEC_AT(v, type, i) (&((type *)(v).items)[i])

static int
starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static int
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int
is_lower(char c)
{
    return c >= 'a' && c <= 'z';
}

static const char *
str(ctx_t *c, const char *s)
{
    return model_str(c->doc, s);
}

static const char *
strn(ctx_t *c, const char *s, size_t n)
{
    return model_strn(c->doc, s, n);
}

/* The plain text of raw (markup and markers removed) in c->plain. */
static const char *
plain_of(ctx_t *c, const char *raw, size_t n)
{
    c->plain.len = 0;
    if (fn_clean(raw, n, NULL, NULL, NULL, NULL, &c->plain) != 0) {
        c->oom = 1;
        return "";
    }
    return c->plain.data ? c->plain.data : "";
}

static char
last_char_of(const char *s)
{
    return tl_last_char(s, strlen(s));
}

/* ------------------------------------------------------------------------ */
/* Resolutions                                                              */
/* ------------------------------------------------------------------------ */

static void
close_resolution(ctx_t *c)
{
    c->res = NULL;
    c->joinable = 0;
    c->agenda = 0;
    memset(c->candidate, 0, sizeof c->candidate);
}

static resdex_resolution_t *
open_resolution(ctx_t *c, const char *number, const char *doc_type, const char *title,
                unsigned line, int in_report, int use_header)
{
    close_resolution(c);
    resdex_resolution_t *r = model_add_resolution(c->doc);
    resinfo_t *info = vec_push(c, &c->info, sizeof *info);
    if (!r || !info) {
        c->oom = 1;
        return NULL;
    }
    r->number = str(c, number);
    r->doc_type = str(c, doc_type);
    r->title = title && *title ? str(c, title) : NULL;
    r->source = str(c, c->name);
    r->lang = str(c, c->lang);
    r->line_first = r->line_last = line;
    info->in_report = in_report;
    if (in_report) {
        info->section = c->section;
        info->draft = starts_with(doc_type, "draft");
        if (info->draft)
            r->body = c->section_body;
    }
    if (use_header) {
        header_t *h = &c->hdr;
        if (h->body)
            r->body = h->body;
        if (h->date[0])
            r->date = str(c, h->date);
        r->session = h->session;
        r->agenda_item = h->agenda_item;
        r->recommended_by = h->recommended_by;
        if (h->decision && strcmp(doc_type, "resolution") == 0)
            r->doc_type = str(c, "decision");
        info->symbol = h->symbol;
        memset(h, 0, sizeof *h);
    }
    c->res = r;
    c->res_idx = resdex_doc_count(c->doc) - 1;
    c->phase = r->title ? PHASE_BODY : PHASE_TITLE;
    c->last_op = 0;
    c->seen_op = 0;
    c->agenda = 0;
    c->speaker = r->body;
    return r;
}

static resinfo_t *
info_of(ctx_t *c, size_t i)
{
    return VEC_AT(c->info, resinfo_t, i);
}

/* ------------------------------------------------------------------------ */
/* Paragraphs (pass 1)                                                      */
/* ------------------------------------------------------------------------ */

static par_t *
add_par(ctx_t *c, resdex_kind_t kind, const char *raw, size_t n, unsigned first, unsigned last)
{
    if (!c->res)
        return NULL;
    par_t *p = vec_push(c, &c->pars, sizeof *p);
    if (!p)
        return NULL;
    p->res = c->res_idx;
    p->kind = kind;
    p->speaker = c->speaker;
    p->off = c->ptext.len;
    if (buf_append(&c->ptext, raw, n) != 0)
        c->oom = 1;
    p->len = c->ptext.len - p->off;
    p->line_first = first;
    p->line_last = last;
    c->res->line_last = last;
    /* Candidates for plain-digit footnotes printed later ("1 text"). */
    return p;
}

static void
note_candidate(void *ctx, unsigned mark)
{
    ctx_t *c = ctx;
    if (mark <= FN_MAX_MARK)
        c->candidate[mark] = 1;
}

/* Continue the last paragraph with the text of this unit. */
static void
continue_par(ctx_t *c, const char *raw, size_t n, unsigned last)
{
    par_t *p = VEC_AT(c->pars, par_t, c->pars.n - 1);
    if (buf_putc(&c->ptext, '\n') != 0 || buf_append(&c->ptext, raw, n) != 0)
        c->oom = 1;
    p->len = c->ptext.len - p->off;
    p->line_last = last;
    c->res->line_last = last;
}

/* The verb phrase of a paragraph: in emphasis when the source marks it,
 * else from the word lists; *kind says which kind of phrase it is. */
static const char *
verb_of(ctx_t *c, const char *raw, size_t n, const char *plain, verb_kind_t *kind)
{
    size_t len, eo, el;
    *kind = verb_find(plain, strlen(plain), 0, &len);
    if (verb_emphasis(raw, n, &eo, &el)) {
        if (*kind == VERB_NONE)
            *kind = verb_guess(raw + eo, el);
        return strn(c, raw + eo, el);
    }
    return *kind != VERB_NONE ? strn(c, plain, len) : NULL;
}

/* Does this text switch to an agenda list ("Approves the following
 * provisional agenda ...:")? Its numbered items are not operative. */
static int
opens_agenda(const char *plain)
{
    if (!strstr(plain, "agenda"))
        return 0;
    return last_char_of(plain) == ':' || strstr(plain, "set out below") ||
           strstr(plain, "as follows");
}

/* ------------------------------------------------------------------------ */
/* Units (pass 1)                                                           */
/* ------------------------------------------------------------------------ */

typedef struct unit {
    tl_start_t start;
    buf_t raw;
    unsigned first, last;
    int plain_note; /* a footnote printed as "1 text" */
    /* The first line joined to it that opens with a number too long to be
     * a paragraph's ("1000. "), 0 if none: for the message when the unit
     * grows over the limit. */
    unsigned long_number;
} unit_t;

/* The report behind several resolutions: which Commission, which session. */
static void
learn_report(ctx_t *c, const char *p)
{
    const char *q = strstr(p, "report of the Commission on ");
    if (q) {
        size_t len;
        const char *body = meta_body_at(q + 14, strlen(q + 14), &len);
        const char *on = body ? q + 14 + len : NULL;
        unsigned no;
        size_t k;
        if (on && starts_with(on, " on its ") &&
            (k = meta_ordinal_at(on + 8, strlen(on + 8), &no)) > 0 &&
            starts_with(on + 8 + k, " session") && !c->session_no) {
            c->commission = body;
            c->session_no = no;
            c->session = strn(c, on + 8, k + 8);
        }
    }
    if (!c->commission && starts_with(p, "The Commission on ")) {
        const char *body = meta_body_at(p + 4, strlen(p + 4), NULL);
        if (body && (strcmp(body, "CCPCJ") == 0 || strcmp(body, "CND") == 0))
            c->commission = body;
    }
}

/* "40th plenary meeting 6 July 2017" */
static int
meeting_line(ctx_t *c, const char *p)
{
    unsigned no;
    size_t k = meta_ordinal_at(p, strlen(p), &no);
    if (!k || !is_digit(p[0]))
        return 0;
    const char *q = p + k;
    if (starts_with(q, " plenary meeting"))
        q += strlen(" plenary meeting");
    else if (starts_with(q, " meeting"))
        q += strlen(" meeting");
    else
        return 0;
    if (c->res) {
        c->res->meeting = strn(c, p, (size_t)(q - p));
        char iso[11];
        if (!c->res->date && meta_date_in(q, strlen(q), iso))
            c->res->date = str(c, iso);
        c->phase = PHASE_CLOSED;
        c->joinable = 0;
    }
    return 1;
}

/* "A. Draft resolutions to be recommended ... for adoption by the General
 * Assembly": a section of a report. */
static int
section_heading(ctx_t *c, const char *p)
{
    if (!(p[0] >= 'A' && p[0] <= 'Z') || p[1] != '.' || p[2] != ' ' ||
        !(p[3] >= 'A' && p[3] <= 'Z'))
        return 0;
    size_t n = strlen(p);
    char last = last_char_of(p);
    if (n > 400 || last == ';' || last == ',' || last == '.')
        return 0;
    close_resolution(c);
    c->section = p[0];
    c->section_body = meta_body_after(p, n, "for adoption by the ");
    return 1;
}

static int
is_roman(const char *s, size_t n)
{
    if (n == 0 || n > 8)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!strchr("IVXLC", s[i]))
            return 0;
    return 1;
}

/* "26/1", "2017/19", "55/12": digits, slash, digits. Returns the length. */
static size_t
res_number(const char *s)
{
    size_t i = 0;
    while (is_digit(s[i]) && i < 4)
        i++;
    if (i == 0 || s[i] != '/')
        return 0;
    size_t j = i + 1;
    while (is_digit(s[j]) && j - i < 5)
        j++;
    if (j == i + 1 || is_digit(s[j]))
        return 0;
    return j;
}

/* "Draft resolution I", "Draft decision II", "Resolution 26/1", "Decision
 * 26/1" alone on their line: a resolution inside a report. */
static int
draft_heading(ctx_t *c, const char *p, unsigned line)
{
    int draft = 0;
    const char *q = p;
    if (starts_with(q, "Draft ")) {
        draft = 1;
        q += 6;
    }
    int decision;
    if (starts_with(q, "resolution ") || starts_with(q, "Resolution "))
        decision = 0;
    else if (starts_with(q, "decision ") || starts_with(q, "Decision "))
        decision = 1;
    else
        return 0;
    q = strchr(q, ' ') + 1;
    size_t n = strlen(q);
    while (n > 0 && q[n - 1] == ' ')
        n--;
    if (draft ? !is_roman(q, n) : res_number(q) != n)
        return 0;
    char number[16];
    snprintf(number, sizeof number, "%.*s", (int)n, q);
    const char *type = draft ? (decision ? "draft decision" : "draft resolution")
                             : (decision ? "decision" : "resolution");
    open_resolution(c, number, type, NULL, line, 1, 0);
    return 1;
}

/* "2017/19. Title", "Resolution 55/12. Title": a resolution with its
 * number and title on one line, after its header. */
static int
symbol_line(ctx_t *c, const char *p, unsigned line)
{
    const char *q = p;
    int decision = 0;
    if (starts_with(q, "Resolution "))
        q += 11;
    else if (starts_with(q, "Decision ")) {
        q += 9;
        decision = 1;
    }
    size_t n = res_number(q);
    if (!n || q[n] != '.' || q[n + 1] != ' ')
        return 0;
    char number[16];
    snprintf(number, sizeof number, "%.*s", (int)n, q);
    const char *title = q + n + 2;
    while (*title == ' ')
        title++;
    open_resolution(c, number, decision ? "decision" : "resolution", title, line, 0, 1);
    return 1;
}

/* Lines above a resolution: who adopted it and when, on whose
 * recommendation, the session, the agenda item. */
static int
header_line(ctx_t *c, const char *p)
{
    header_t *h = &c->hdr;
    size_t n = strlen(p);
    const char *adopted = strstr(p, "adopted by the ");
    if (adopted && (strstr(p, "Resolution adopted") || strstr(p, "Decision adopted"))) {
        h->body = meta_body_after(p, n, "adopted by the ");
        char iso[11];
        if (meta_date_in(adopted, strlen(adopted), iso))
            memcpy(h->date, iso, sizeof iso);
        h->decision = strstr(p, "Decision adopted") != NULL;
        return 1;
    }
    if (starts_with(p, "[on the recommendation of the ")) {
        h->recommended_by = meta_body_at(p + 30, n - 30, NULL);
        return 1;
    }
    if (starts_with(p, "[on the report of the ")) /* GA: "[on the report of the Third Committee" */
        return 1;
    if (starts_with(p, "Agenda item ") || starts_with(p, "Agenda items ")) {
        const char *q = strchr(p, ' ') + 1;
        q = strchr(q, ' ') + 1;
        h->agenda_item = str(c, q);
        return 1;
    }
    /* "2017 session", "Seventy-second session" */
    unsigned no;
    size_t k = meta_ordinal_at(p, n, &no);
    if ((n == 12 && is_digit(p[0]) && strcmp(p + 4, " session") == 0) ||
        (k > 0 && strcmp(p + k, " session") == 0)) {
        h->session = str(c, p);
        return 1;
    }
    return 0;
}

/* "The General Assembly,", "The Economic and Social Council, recalling
 * ...", "The Economic and Social Council decides ...". Returns 1 when the
 * unit was taken. */
static int
body_line(ctx_t *c, const char *raw, size_t rn, const char *p, unsigned first, unsigned last)
{
    if (!starts_with(p, "The "))
        return 0;
    size_t len;
    const char *body = meta_body_at(p + 4, strlen(p + 4), &len);
    if (!body)
        return 0;
    const char *rest = p + 4 + len;
    if (!c->res->body)
        c->res->body = body;
    if (*rest == '\0' || strcmp(rest, ",") == 0 || strcmp(rest, ":") == 0) {
        c->speaker = body;
        add_par(c, RESDEX_KIND_OTHER, raw, rn, first, last);
        c->joinable = 0;
        if (c->phase < PHASE_PREAMBLE)
            c->phase = PHASE_PREAMBLE;
        return 1;
    }
    const char *v = rest;
    if (*v == ',')
        v++;
    if (*v != ' ')
        return 0;
    v++;
    size_t vl;
    verb_kind_t k = verb_find(v, strlen(v), 1, &vl);
    if (k == VERB_NONE || !is_lower(v[0]))
        return 0; /* "The Commission ... recommends": a report paragraph */
    c->speaker = body;
    par_t *par = add_par(c, k == VERB_OPERATIVE ? RESDEX_KIND_OPERATIVE : RESDEX_KIND_PREAMBULAR,
                         raw, rn, first, last);
    if (par)
        par->verb = strn(c, v, vl);
    if (k == VERB_OPERATIVE) {
        c->phase = PHASE_OPERATIVE;
        c->seen_op = 1;
    } else if (c->phase < PHASE_PREAMBLE) {
        c->phase = PHASE_PREAMBLE;
    }
    c->joinable = 1;
    c->last_char = last_char_of(p);
    return 1;
}

/* Should text p continue the last paragraph (split by a page break or a
 * footnote block)? Yes when it starts in lower case, or when the last
 * paragraph stopped mid-sentence and this does not open a paragraph. */
static int
continues(ctx_t *c, const char *p)
{
    if (!c->joinable || c->pars.n == 0)
        return 0;
    if (is_lower(p[0]))
        return 1;
    if (c->last_char && strchr(".,;:!?", c->last_char))
        return 0;
    size_t len;
    if (verb_find(p, strlen(p), 0, &len) != VERB_NONE)
        return 0;
    if (starts_with(p, "The ") && meta_body_at(p + 4, strlen(p + 4), NULL))
        return 0;
    return 1;
}

static int
is_decision(const resdex_resolution_t *r)
{
    return r->doc_type && strstr(r->doc_type, "decision");
}

/* Where the text after a "12. " or "(a) " prefix starts in plain text. */
static const char *
after_prefix(const char *p)
{
    if (starts_with(p, "- "))
        p += 2;
    if (*p == '(') {
        const char *q = strchr(p, ')');
        return q && q[1] == ' ' ? q + 2 : p;
    }
    const char *q = p;
    while (is_digit(*q))
        q++;
    return q > p && q[0] == '.' && q[1] == ' ' ? q + 2 : p;
}

/* The raw text after a "12. " or "- (a) " prefix. */
static size_t
raw_prefix_len(const char *raw, size_t n)
{
    size_t i = 0;
    while (i < n && (raw[i] == ' ' || raw[i] == '\t'))
        i++;
    if (i + 1 < n && (raw[i] == '-' || raw[i] == '*') && raw[i + 1] == ' ')
        i += 2;
    if (i < n && raw[i] == '(') {
        const char *q = memchr(raw + i, ')', n - i);
        if (q && (size_t)(q - raw) + 1 < n && q[1] == ' ')
            return (size_t)(q - raw) + 2;
        return i;
    }
    size_t j = i;
    while (j < n && is_digit(raw[j]))
        j++;
    if (j > i && j + 1 < n && raw[j] == '.' && raw[j + 1] == ' ')
        return j + 2;
    return i;
}

static void
numbered(ctx_t *c, unit_t *u, const char *raw, size_t rn, const char *p)
{
    int number = atoi(p);
    const char *rest = after_prefix(p);
    size_t pre = raw_prefix_len(raw, rn);
    verb_kind_t k;
    const char *verb = verb_of(c, raw + pre, rn - pre, rest, &k);
    if (info_of(c, c->res_idx)->in_report && !c->seen_op && number > 1 && k == VERB_NONE) {
        /* Resolutions number their paragraphs from 1: a first "6. At its
         * 9th meeting ..." carries the report's numbering. In a decision it
         * is the decision's text (operative, without a number of its
         * own); elsewhere a report paragraph. */
        int op = is_decision(c->res);
        par_t *par = add_par(c, op ? RESDEX_KIND_OPERATIVE : RESDEX_KIND_OTHER,
                             op ? raw + pre : raw, op ? rn - pre : rn, u->first, u->last);
        (void)par;
        c->seen_op |= op;
        c->joinable = op;
        c->last_char = last_char_of(p);
        return;
    }
    if ((c->agenda && k != VERB_OPERATIVE) || (starts_with(rest, "The ") && k == VERB_NONE) ||
        c->phase == PHASE_ANNEX) {
        /* An agenda item, or a report paragraph: the number stays in the
         * text, it is not an operative number. */
        add_par(c, RESDEX_KIND_OTHER, raw, rn, u->first, u->last);
        c->joinable = 0;
        return;
    }
    par_t *par = add_par(c, RESDEX_KIND_OPERATIVE, raw + pre, rn - pre, u->first, u->last);
    if (par) {
        par->number = number;
        par->verb = k == VERB_PREAMBULAR ? NULL : verb;
    }
    c->last_op = number;
    c->seen_op = 1;
    c->phase = PHASE_OPERATIVE;
    c->agenda = opens_agenda(p);
    c->joinable = 1;
    c->last_char = last_char_of(p);
}

static void
lettered(ctx_t *c, unit_t *u, const char *raw, size_t rn, const char *p)
{
    const char *q = p;
    if (starts_with(q, "- "))
        q += 2;
    const char *close = strchr(q, ')');
    char item[8];
    snprintf(item, sizeof item, "%.*s", close ? (int)(close - q - 1) : 0, q + 1);
    const char *rest = after_prefix(p);
    size_t pre = raw_prefix_len(raw, rn);
    if (c->agenda || c->phase == PHASE_ANNEX) {
        size_t skip = 0;
        while (skip < rn && (raw[skip] == ' ' || raw[skip] == '-'))
            skip++;
        add_par(c, RESDEX_KIND_OTHER, raw + skip, rn - skip, u->first, u->last);
        c->joinable = 0;
        return;
    }
    verb_kind_t k;
    const char *verb = verb_of(c, raw + pre, rn - pre, rest, &k);
    int operative = c->seen_op || is_decision(c->res) || k == VERB_OPERATIVE;
    par_t *par = add_par(c, operative ? RESDEX_KIND_OPERATIVE : RESDEX_KIND_PREAMBULAR, raw + pre,
                         rn - pre, u->first, u->last);
    if (par) {
        par->number = operative ? c->last_op : 0;
        memcpy(par->item, item, sizeof item);
        par->verb = k == VERB_OPERATIVE ? verb : NULL;
    }
    if (operative) {
        c->seen_op = 1;
        c->phase = PHASE_OPERATIVE;
    } else if (c->phase < PHASE_PREAMBLE) {
        c->phase = PHASE_PREAMBLE;
    }
    if (opens_agenda(p))
        c->agenda = 1;
    c->joinable = 1;
    c->last_char = last_char_of(p);
}

/* A paragraph without a number: preambular, an unnumbered operative one,
 * or a heading inside the resolution. */
static void
plain_paragraph(ctx_t *c, unit_t *u, const char *raw, size_t rn, const char *p)
{
    verb_kind_t k;
    const char *verb = verb_of(c, raw, rn, p, &k);
    if (c->phase == PHASE_ANNEX)
        k = VERB_NONE;
    resdex_kind_t kind = RESDEX_KIND_OTHER;
    if (k == VERB_PREAMBULAR && !c->seen_op)
        kind = RESDEX_KIND_PREAMBULAR;
    else if (k == VERB_OPERATIVE)
        kind = RESDEX_KIND_OPERATIVE;
    par_t *par = add_par(c, kind, raw, rn, u->first, u->last);
    if (par && kind != RESDEX_KIND_OTHER)
        par->verb = verb;
    if (kind == RESDEX_KIND_PREAMBULAR) {
        c->phase = PHASE_PREAMBLE;
        c->agenda = 0;
    } else if (kind == RESDEX_KIND_OPERATIVE) {
        c->phase = PHASE_OPERATIVE;
        c->seen_op = 1;
        c->agenda = opens_agenda(p);
    } else if (starts_with(p, "Provisional agenda")) {
        c->agenda = 1;
    }
    c->joinable = kind != RESDEX_KIND_OTHER;
    c->last_char = last_char_of(p);
}

static void
add_note(ctx_t *c, unsigned mark, const char *raw, size_t n)
{
    note_t *note = vec_push(c, &c->notes, sizeof *note);
    if (!note)
        return;
    /* A footnote printed before any resolution belongs with the next. */
    note->res = c->res ? c->res_idx : resdex_doc_count(c->doc);
    note->mark = mark;
    note->off = c->ftext.len;
    if (buf_append(&c->ftext, raw, n) != 0)
        c->oom = 1;
    note->len = c->ftext.len - note->off;
}

static void
dispatch(ctx_t *c, unit_t *u)
{
    const char *raw = u->raw.data;
    size_t rn = u->raw.len;
    if (!raw || rn == 0)
        return;
    if (u->start == TL_FOOTNOTE) {
        unsigned mark = 0;
        size_t k = u->plain_note ? 0 : fn_note_start(raw, rn, &mark);
        if (u->plain_note) {
            mark = (unsigned)atoi(raw);
            while (k < rn && is_digit(raw[k]))
                k++;
            while (k < rn && raw[k] == ' ')
                k++;
        }
        add_note(c, mark, raw + k, rn - k);
        return;
    }
    if (u->start == TL_TAG) {
        /* "  • Alternatives to punishment": a tag of the last paragraph. */
        if (c->res && c->pars.n > 0 && VEC_AT(c->pars, par_t, c->pars.n - 1)->res == c->res_idx) {
            const char *t = strstr(raw, "\xE2\x80\xA2");
            if (!t)
                t = strstr(raw, "\xE2\x96\xAA");
            t = t ? t + 3 : raw;
            const char *p = plain_of(c, t, rn - (size_t)(t - raw));
            tag_t *tag = vec_push(c, &c->tags, sizeof *tag);
            if (tag && *p) {
                tag->par = c->pars.n - 1;
                tag->off = c->ttext.len;
                if (buf_puts(&c->ttext, p) != 0)
                    c->oom = 1;
                tag->len = c->ttext.len - tag->off;
            } else if (tag) {
                c->tags.n--;
            }
        }
        c->joinable = 0;
        return;
    }

    const char *p0 = plain_of(c, raw, rn);
    if (!*p0)
        return;
    /* Keep our own copy: the scratch buffer is reused below. */
    char *p = strdup(p0);
    if (!p) {
        c->oom = 1;
        return;
    }
    learn_report(c, p);
    if (c->res)
        fn_bare_candidates(raw, rn, note_candidate, c);

    if (meeting_line(c, p))
        goto DONE;
    if (u->start == TL_NONE && section_heading(c, p))
        goto DONE;
    if (strncmp(p, "Chapter ", 8) == 0 && is_roman(p + 8, strlen(p + 8))) {
        close_resolution(c);
        goto DONE;
    }
    if (u->start == TL_NONE && (draft_heading(c, p, u->first) || symbol_line(c, p, u->first)))
        goto DONE;
    if (!c->res || c->phase == PHASE_CLOSED) {
        if (header_line(c, p))
            goto DONE;
        if (c->res && (strcmp(p, "Annex") == 0 || starts_with(p, "Annex "))) {
            c->phase = PHASE_ANNEX;
            add_par(c, RESDEX_KIND_OTHER, raw, rn, u->first, u->last);
        }
        goto DONE; /* report text, headings, the lines after a resolution */
    }
    if (c->phase == PHASE_TITLE) {
        if (!(starts_with(p, "The ") && meta_body_at(p + 4, strlen(p + 4), NULL))) {
            c->res->title = str(c, p);
            c->phase = PHASE_BODY;
            goto DONE;
        }
    }

    /* A paragraph of the resolution. */
    const char *after = u->start == TL_NUMBERED ? after_prefix(p) : p;
    size_t pre = u->start == TL_NUMBERED ? raw_prefix_len(raw, rn) : 0;
    if (u->start == TL_NONE || u->start == TL_NUMBERED) {
        if (body_line(c, raw + pre, rn - pre, after, u->first, u->last))
            goto DONE;
    }
    if (u->start == TL_NONE && starts_with(p, "Recommends to the ") &&
        strstr(p, "following draft")) {
        c->res->recommends_to = meta_body_after(p, strlen(p), "Recommends to the ");
        add_par(c, RESDEX_KIND_OTHER, raw, rn, u->first, u->last);
        c->joinable = 0;
        goto DONE;
    }
    if ((u->start == TL_NONE || u->start == TL_BULLET) && continues(c, p)) {
        continue_par(c, raw, rn, u->last);
        c->last_char = last_char_of(p);
        goto DONE;
    }
    switch (u->start) {
    case TL_NUMBERED:
        numbered(c, u, raw, rn, p);
        break;
    case TL_LETTERED:
        lettered(c, u, raw, rn, p);
        break;
    case TL_BULLET: {
        /* "- *Recalling also* ..." is a paragraph marked as a list item;
         * "- Chapter 3: Legislation" is an item of a list. */
        size_t pre_b = raw_prefix_len(raw, rn);
        const char *rest = after_prefix(p);
        size_t vl;
        if (verb_find(rest, strlen(rest), 0, &vl) != VERB_NONE) {
            plain_paragraph(c, u, raw + pre_b, rn - pre_b, rest);
        } else {
            add_par(c, RESDEX_KIND_OTHER, raw + pre_b, rn - pre_b, u->first, u->last);
            c->joinable = 0;
        }
        break;
    }
    default:
        plain_paragraph(c, u, raw, rn, p);
        break;
    }
DONE:
    free(p);
}

/* ------------------------------------------------------------------------ */
/* Pass 2: context, footnotes, citations                                    */
/* ------------------------------------------------------------------------ */

static const char *
basename_of(ctx_t *c, const char *path)
{
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    size_t n = strlen(b);
    /* Drop the extensions: "E-2017-30-chapter-I.txt.gz" */
    for (int k = 0; k < 2; k++) {
        const char *dot = NULL;
        for (size_t i = n; i > 0; i--)
            if (b[i - 1] == '.') {
                dot = b + i - 1;
                break;
            }
        if (dot && (size_t)(b + n - dot) <= 5 && dot > b)
            n = (size_t)(dot - b);
    }
    return strn(c, b, n);
}

/* The symbol of the report carrying drafts: printed in the text; else
 * derived from the Commission and its session, as the UN numbers them: the
 * CCPCJ's report on its Nth session is E/(1991+N)/30 (first session 1992),
 * the CND's is E/(1957+N)/28 (55th session: 2012); else, when neither is
 * known, the source file's name stands in for it (not a UN symbol, but
 * stable and unique per file). */
static const char *
report_symbol(ctx_t *c)
{
    if (c->report_symbol)
        return c->report_symbol;
    char buf[32];
    if (c->commission && c->session_no) {
        if (strcmp(c->commission, "CCPCJ") == 0)
            snprintf(buf, sizeof buf, "E/%u/30", 1991 + c->session_no);
        else
            snprintf(buf, sizeof buf, "E/%u/28", 1957 + c->session_no);
        c->report_symbol = str(c, buf);
    } else {
        c->report_symbol = basename_of(c, c->name);
    }
    return c->report_symbol;
}

/* A Commission's resolution printed without any body line (a database
 * extract: "Resolution 55/12. ..."): the file name may say ("cnd-55-12");
 * otherwise the subject decides, drugs for the CND, else the CCPCJ. */
static const char *
guess_commission(ctx_t *c, const char *data, size_t len)
{
    const char *b = basename_of(c, c->name);
    if (b && (strstr(b, "cnd") || strstr(b, "CND")))
        return "CND";
    if (b && (strstr(b, "ccpcj") || strstr(b, "CCPCJ")))
        return "CCPCJ";
    size_t n = len < 65536 ? len : 65536, drug = 0, crime = 0;
    for (size_t i = 0; i + 16 <= n; i++) {
        if (memcmp(data + i, "drug", 4) == 0)
            drug++;
        else if (memcmp(data + i, "criminal justice", 16) == 0)
            crime++;
    }
    return drug > crime ? "CND" : "CCPCJ";
}

static void
complete_context(ctx_t *c, size_t i, const char *data, size_t len)
{
    resdex_resolution_t *r = (resdex_resolution_t *)resdex_doc_get(c->doc, i);
    resinfo_t *info = info_of(c, i);
    const char *num = r->number ? r->number : "";
    size_t nl = res_number(num);
    int year_number = nl && num[4] == '/'; /* 2017/19: ECOSOC numbers by year */
    if (!r->body) {
        if (year_number)
            r->body = "ECOSOC";
        else if (info->in_report && c->commission)
            r->body = c->commission;
        else if (nl)
            r->body = guess_commission(c, data, len);
    }
    if (info->in_report && info->draft && !r->recommended_by)
        r->recommended_by = c->commission;
    if (info->in_report && !info->draft && nl && c->session_no &&
        (unsigned)atoi(num) == c->session_no)
        r->session = c->session;
    char buf[128];
    const char *series = meta_series(r->body);
    if (info->symbol) {
        r->symbol = info->symbol;
    } else if (info->draft) {
        const char *kind = strstr(r->doc_type, "decision") ? "DD" : "DR";
        if (info->section)
            snprintf(buf, sizeof buf, "%.80s/%s.%c.%.16s", report_symbol(c), kind, info->section,
                     num);
        else
            snprintf(buf, sizeof buf, "%.80s/%s.%.16s", report_symbol(c), kind, num);
        r->symbol = str(c, buf);
    } else if (series && nl) {
        snprintf(buf, sizeof buf, "%s/%s/%s", series, is_decision(r) ? "DEC" : "RES", num);
        r->symbol = str(c, buf);
    } else {
        /* Nothing to build a UN symbol from: the file name and the number. */
        snprintf(buf, sizeof buf, "%.80s%s%.16s", basename_of(c, c->name), *num ? "/" : "", num);
        r->symbol = str(c, buf);
    }
    if (r->body)
        r->body = str(c, r->body);
    if (r->recommended_by)
        r->recommended_by = str(c, r->recommended_by);
    if (r->recommends_to)
        r->recommends_to = str(c, r->recommends_to);
}

/* Footnotes by mark: for each mark, the indices of its notes in document
 * order (so by resolution). */
typedef struct note_index {
    size_t *idx;
    size_t n, cap;
} note_index_t;

typedef struct linker {
    ctx_t *c;
    note_index_t *by_mark; /* FN_MAX_MARK + 1 entries */
    size_t res;
    unsigned marks[MAX_MARKS_PER_PAR];
    size_t n_marks;
} linker_t;

/* The note a mark of resolution `res` refers to: the one printed in the
 * same resolution; else the first after it (a footnote block can follow
 * the next heading), else the last before it. SIZE_MAX if none. */
static size_t
resolve(const linker_t *l, unsigned mark, size_t res)
{
    if (mark > FN_MAX_MARK)
        return SIZE_MAX;
    const note_index_t *ix = &l->by_mark[mark];
    if (ix->n == 0)
        return SIZE_MAX;
    const note_t *notes = l->c->notes.items;
    size_t lo = 0, hi = ix->n; /* first note with res >= res */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (notes[ix->idx[mid]].res < res)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < ix->n)
        return ix->idx[lo];
    return ix->idx[ix->n - 1];
}

static int
known_mark(void *ctx, unsigned mark)
{
    linker_t *l = ctx;
    return mark <= FN_MAX_MARK && l->by_mark[mark].n > 0;
}

static void
collect_mark(void *ctx, unsigned mark)
{
    linker_t *l = ctx;
    for (size_t i = 0; i < l->n_marks; i++)
        if (l->marks[i] == mark)
            return;
    if (l->n_marks < MAX_MARKS_PER_PAR)
        l->marks[l->n_marks++] = mark;
}

typedef struct cite_sink {
    resdex_doc_t *doc;
    resdex_paragraph_t *par;
} cite_sink_t;

static void
add_cite(void *ctx, const char *cite)
{
    cite_sink_t *s = ctx;
    if (s->par->n_cites < MAX_CITES_PER_PAR)
        model_add_cite(s->doc, s->par, cite);
}

static int
cmp_note_by_mark(const void *a, const void *b, void *notes)
{
    const note_t *na = &((const note_t *)notes)[*(const size_t *)a];
    const note_t *nb = &((const note_t *)notes)[*(const size_t *)b];
    return na->mark < nb->mark ? -1 : na->mark > nb->mark;
}

/* qsort_r differs between libcs; a plain insertion sort of the few notes
 * of one resolution is enough (they arrive nearly sorted). */
static void
sort_notes(size_t *v, size_t n, const note_t *notes)
{
    for (size_t i = 1; i < n; i++) {
        size_t x = v[i], j = i;
        while (j > 0 && cmp_note_by_mark(&v[j - 1], &x, (void *)notes) > 0) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = x;
    }
}

static void
build_paragraphs(ctx_t *c, linker_t *l)
{
    note_t *notes = c->notes.items;
    par_t *pars = c->pars.items;
    tag_t *tags = c->tags.items;
    size_t t = 0, p = 0;
    buf_t text;
    buf_init(&text, TEXT_MAX);
    size_t n_res = resdex_doc_count(c->doc);
    /* The notes each resolution shows: marks used, and those printed in it. */
    size_t *shown = NULL, n_shown = 0, cap_shown = 0;
    for (size_t r = 0; r < n_res && !c->oom; r++) {
        resdex_resolution_t *res = (resdex_resolution_t *)resdex_doc_get(c->doc, r);
        n_shown = 0;
        for (; p < c->pars.n && pars[p].res == r; p++) {
            par_t *pp = &pars[p];
            text.len = 0;
            l->n_marks = 0;
            l->res = r;
            if (fn_clean(c->ptext.data + pp->off, pp->len, known_mark, l, collect_mark, l, &text) !=
                0) {
                c->oom = 1;
                break;
            }
            resdex_paragraph_t *mp =
                model_add_paragraph(c->doc, res, pp->kind, text.data ? text.data : "");
            if (!mp) {
                c->oom = 1;
                break;
            }
            mp->number = pp->number;
            mp->item = pp->item[0] ? str(c, pp->item) : NULL;
            mp->verb = pp->verb;
            mp->line_first = pp->line_first;
            mp->line_last = pp->line_last;
            cite_sink_t sink = {c->doc, mp};
            cite_extract_in(mp->text, pp->speaker, add_cite, &sink);
            for (size_t m = 0; m < l->n_marks; m++) {
                char mark[16];
                snprintf(mark, sizeof mark, "%u", l->marks[m]);
                model_add_mark(c->doc, mp, mark);
                size_t ni = resolve(l, l->marks[m], r);
                if (ni == SIZE_MAX)
                    continue;
                cite_extract_in(c->fclean.data + notes[ni].coff, pp->speaker, add_cite, &sink);
                if (n_shown == cap_shown) {
                    cap_shown = cap_shown ? cap_shown * 2 : 32;
                    size_t *v = realloc(shown, cap_shown * sizeof *v);
                    if (!v) {
                        c->oom = 1;
                        break;
                    }
                    shown = v;
                }
                shown[n_shown++] = ni;
            }
            for (; t < c->tags.n && tags[t].par < p; t++)
                ;
            for (; t < c->tags.n && tags[t].par == p; t++)
                if (mp->n_tags < MAX_TAGS_PER_PAR) {
                    char *tag = strndup(c->ttext.data + tags[t].off, tags[t].len);
                    if (!tag)
                        c->oom = 1;
                    model_add_tag(c->doc, mp, tag);
                    free(tag);
                }
        }
        /* Notes printed inside this resolution that no mark used. */
        for (size_t ni = 0; ni < c->notes.n && !c->oom; ni++) {
            if (notes[ni].res != r)
                continue;
            if (n_shown == cap_shown) {
                cap_shown = cap_shown ? cap_shown * 2 : 32;
                size_t *v = realloc(shown, cap_shown * sizeof *v);
                if (!v) {
                    c->oom = 1;
                    break;
                }
                shown = v;
            }
            shown[n_shown++] = ni;
        }
        sort_notes(shown, n_shown, notes);
        for (size_t k = 0; k < n_shown; k++) {
            if (k > 0 && notes[shown[k]].mark == notes[shown[k - 1]].mark)
                continue;
            char mark[16];
            snprintf(mark, sizeof mark, "%u", notes[shown[k]].mark);
            model_add_footnote(c->doc, res, mark, c->fclean.data + notes[shown[k]].coff);
        }
    }
    free(shown);
    buf_free(&text);
}

static void
link_and_emit(ctx_t *c)
{
    note_t *notes = c->notes.items;
    /* Clean every footnote once: markdown links, emphasis, white space. */
    for (size_t i = 0; i < c->notes.n; i++) {
        notes[i].coff = c->fclean.len;
        if (fn_clean(c->ftext.data + notes[i].off, notes[i].len, NULL, NULL, NULL, NULL,
                     &c->fclean) != 0 ||
            buf_putc(&c->fclean, '\0') != 0) {
            c->oom = 1;
            return;
        }
        notes[i].clen = c->fclean.len - notes[i].coff - 1;
    }
    note_index_t *by_mark = calloc(FN_MAX_MARK + 1, sizeof *by_mark);
    if (!by_mark) {
        c->oom = 1;
        return;
    }
    for (size_t i = 0; i < c->notes.n; i++) {
        note_index_t *ix = &by_mark[notes[i].mark];
        if (ix->n == ix->cap) {
            size_t cap = ix->cap ? ix->cap * 2 : 4;
            size_t *v = realloc(ix->idx, cap * sizeof *v);
            if (!v) {
                c->oom = 1;
                break;
            }
            ix->idx = v;
            ix->cap = cap;
        }
        ix->idx[ix->n++] = i;
    }
    linker_t l = {c, by_mark, 0, {0}, 0};
    if (!c->oom)
        build_paragraphs(c, &l);
    for (size_t m = 0; m <= FN_MAX_MARK; m++)
        free(by_mark[m].idx);
    free(by_mark);
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

static void
end_unit(ctx_t *c, unit_t *u)
{
    if (u->raw.len > 0)
        dispatch(c, u);
    u->raw.len = 0;
    u->start = TL_NONE;
    u->plain_note = 0;
    u->long_number = 0;
}

resdex_status_t
text_parse(resdex_doc_t *doc, const char *name, const char *data, size_t len, char **message)
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
    unit_t u = {TL_NONE, {0}, 0, 0, 0, 0};
    buf_init(&u.raw, RESDEX_MAX_LINE_BYTES + 16);

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
        if (start == TL_NONE && block_start && plain_note_start(c, s, n)) {
            start = TL_FOOTNOTE;
            plain_note = 1;
        }
        if (ub->len > 0) {
            char last = tl_last_char(ub->data, ub->len);
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
        complete_context(c, i, data, len);
    link_and_emit(c);
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
    free(c->pars.items);
    free(c->notes.items);
    free(c->tags.items);
    free(c->info.items);
    free(c);
    return st;
}
