/* text-heads.c - what opens and closes a resolution in text: symbol lines
 * ("2017/19. Title"), headings ("Draft resolution I"), report sections, the
 * header lines above a resolution, the meeting line after it; see
 * text-reader.h. */
#include "text-reader.h"
#include "text-meta.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* Resolutions                                                              */
/* ------------------------------------------------------------------------ */

void
tx_close_resolution(ctx_t *c)
{
    c->res = NULL;
    c->joinable = 0;
    c->agenda = 0;
    memset(c->candidate, 0, sizeof c->candidate);
}

resdex_resolution_t *
tx_open_resolution(ctx_t *c, const char *number, const char *doc_type, const char *title,
                   unsigned line, int in_report, int use_header)
{
    tx_close_resolution(c);
    resdex_resolution_t *r = model_add_resolution(c->doc);
    resinfo_t *info = tx_vec_push(c, &c->info, sizeof *info);
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
    c->part = 0; /* tx_part_heading sets it again for a part */
    c->phase = r->title ? PHASE_BODY : PHASE_TITLE;
    c->last_op = 0;
    c->last_annex = 0;
    c->seen_op = 0;
    c->agenda = 0;
    c->speaker = r->body;
    return r;
}

/* The report behind several resolutions: which Commission, which session. */
void
tx_learn_report(ctx_t *c, const char *p)
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

/* "Adopted unanimously at the 2872nd meeting.", "Adopted at the 2nd
 * meeting by 10 votes to none, with 1 abstention." (the Security Council's
 * closing line): where the ordinal starts, or NULL. */
static const char *
adopted_at(const char *p)
{
    if (!starts_with(p, "Adopted "))
        return NULL;
    const char *at = strstr(p, " at the ");
    if (!at || at - p > 40)
        return NULL;
    return at + 8;
}

/* A footnote mark that stands alone after the closing line ("meeting.\n3",
 * an OCR'd superscript): the number, 0 if the text does not end in one. */
static unsigned
closing_mark(const char *q)
{
    size_t n = strlen(q), i = n;
    while (i > 0 && is_digit(q[i - 1]) && n - i < 3)
        i--;
    if (i == n || i < 2 || q[i - 1] != ' ' || q[i - 2] != '.')
        return 0;
    unsigned v = (unsigned)atoi(q + i);
    return v <= FN_MAX_MARK ? v : 0;
}

/* "40th plenary meeting 6 July 2017", and the Security Council's "Adopted
 * unanimously at the 2872nd meeting." */
int
tx_meeting_line(ctx_t *c, const char *p)
{
    const char *from = adopted_at(p);
    if (from)
        p = from;
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
        unsigned mark = from ? closing_mark(q) : 0;
        if (mark)
            c->candidate[mark] = 1;
        c->adopted = from != NULL;
    }
    return 1;
}

void
tx_closing_mark(ctx_t *c, unsigned mark)
{
    if (c->res && mark && mark <= FN_MAX_MARK)
        c->candidate[mark] = 1;
}

/* "A. Draft resolutions to be recommended ... for adoption by the General
 * Assembly": a section of a report. */
int
tx_section_heading(ctx_t *c, const char *p)
{
    if (!(p[0] >= 'A' && p[0] <= 'Z') || p[1] != '.' || p[2] != ' ' ||
        !(p[3] >= 'A' && p[3] <= 'Z'))
        return 0;
    size_t n = strlen(p);
    char last = last_char_of(p);
    if (n > 400 || last == ';' || last == ',' || last == '.')
        return 0;
    tx_close_resolution(c);
    c->section = p[0];
    c->section_body = meta_body_after(p, n, "for adoption by the ");
    return 1;
}

int
tx_is_roman(const char *s, size_t n)
{
    if (n == 0 || n > 8)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!strchr("IVXLC", s[i]))
            return 0;
    return 1;
}

/* "26/1", "2017/19", "55/12": digits, slash, digits. Returns the length. */
size_t
tx_res_number(const char *s)
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

/* The sponsors' line of a draft as the Official Document System prints an
 * L document ("Austria, Japan and Thailand: draft resolution", "...: revised
 * draft decision"): a draft resolution with no number, its title on the next
 * line. Read so in a draft only (resdex check, parse): the masthead and the
 * session lines above it are then no paragraphs of the draft. */
static int
sponsors_line(ctx_t *c, const char *p, unsigned line)
{
    static const char *const tails[] = {": draft resolution", ": revised draft resolution",
                                        ": draft decision", ": revised draft decision"};
    size_t n = strlen(p);
    while (n > 0 && p[n - 1] == ' ')
        n--;
    for (size_t i = 0; i < sizeof tails / sizeof *tails; i++) {
        size_t k = strlen(tails[i]);
        if (n > k && strncmp(p + n - k, tails[i], k) == 0) {
            tx_open_resolution(c, "",
                               strstr(tails[i], "decision") ? "draft decision" : "draft resolution",
                               NULL, line, 0, 0);
            return 1;
        }
    }
    return 0;
}

/* "Draft resolution I", "Draft decision II", "Resolution 26/1", "Decision
 * 26/1" alone on their line: a resolution inside a report. */
int
tx_draft_heading(ctx_t *c, const char *p, unsigned line)
{
    if (model_headless_ok(c->doc) && sponsors_line(c, p, line))
        return 1;
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
    if (!draft && n > 0 && q[n - 1] == '.') /* "Resolution 55/12." */
        n--;
    if (draft ? !tx_is_roman(q, n) : tx_res_number(q) != n)
        return 0;
    char number[16];
    snprintf(number, sizeof number, "%.*s", (int)n, q);
    const char *type = draft ? (decision ? "draft decision" : "draft resolution")
                             : (decision ? "decision" : "resolution");
    tx_open_resolution(c, number, type, NULL, line, 1, 0);
    return 1;
}

/* "2017/19. Title", "Resolution 55/12. Title": a resolution with its
 * number and title on one line, after its header. */
int
tx_symbol_line(ctx_t *c, const char *p, unsigned line)
{
    const char *q = p;
    int decision = 0;
    if (starts_with(q, "Resolution "))
        q += 11;
    else if (starts_with(q, "Decision ")) {
        q += 9;
        decision = 1;
    }
    size_t n = tx_res_number(q);
    if (!n || q[n] != '.' || q[n + 1] != ' ')
        return 0;
    char number[16];
    snprintf(number, sizeof number, "%.*s", (int)n, q);
    const char *title = q + n + 2;
    while (*title == ' ')
        title++;
    tx_open_resolution(c, number, decision ? "decision" : "resolution", title, line, 0, 1);
    return 1;
}

/* "A", "B" alone on their line: a part of a multi-part resolution as the
 * printed volumes give it ("75/101. Questions relating to information",
 * then "A", the part's title, its text and meeting; then "B" ...). Part A
 * renames the resolution its symbol line just opened, whose title it
 * takes; each next letter opens the next part with the context of the
 * first. */
int
tx_part_heading(ctx_t *c, const char *p, unsigned line)
{
    if (!(p[0] >= 'A' && p[0] <= 'Z') || p[1] != '\0' || !c->res)
        return 0;
    resdex_resolution_t *r = c->res;
    const char *num = r->number ? r->number : "";
    size_t nl = tx_res_number(num);
    if (p[0] == 'A') {
        int has_text = c->pars.n > 0 && VEC_AT(c->pars, par_t, c->pars.n - 1)->res == c->res_idx;
        if (!nl || num[nl] != '\0' || has_text || c->phase > PHASE_BODY)
            return 0;
    } else if (!c->part || p[0] != c->part + 1 || c->phase == PHASE_ANNEX ||
               nl + 2 != strlen(num) || num[nl] != ' ') {
        return 0;
    }
    char number[24];
    snprintf(number, sizeof number, "%.*s %c", (int)nl, num, p[0]);
    if (p[0] == 'A') {
        r->number = str(c, number);
        r->title = NULL;
        c->phase = PHASE_TITLE;
    } else {
        resdex_resolution_t *next = tx_open_resolution(
            c, number, r->doc_type ? r->doc_type : "resolution", NULL, line, 0, 0);
        if (!next)
            return 1;
        next->body = r->body;
        next->session = r->session;
        next->agenda_item = r->agenda_item;
        next->recommended_by = r->recommended_by;
        c->speaker = next->body;
    }
    c->part = p[0];
    return 1;
}

/* "638 (1989)": a Security Council number, digits and the year in
 * parentheses. Returns the length. */
static size_t
sc_number(const char *s)
{
    size_t i = 0;
    while (is_digit(s[i]) && i < 5)
        i++;
    if (i == 0 || s[i] != ' ' || s[i + 1] != '(')
        return 0;
    for (size_t k = 0; k < 4; k++)
        if (!is_digit(s[i + 2 + k]))
            return 0;
    return s[i + 6] == ')' ? i + 7 : 0;
}

/* "of 31 July 1989" (the date under a Security Council heading): writes
 * the date and returns 1 when p is that and nothing else. */
static int
of_date(const char *p, char iso[11])
{
    if (!starts_with(p, "of "))
        return 0;
    size_t k = meta_date_at(p + 3, strlen(p + 3), iso);
    return k && (p[3 + k] == '\0' || strcmp(p + 3 + k, ".") == 0);
}

/* "Resolution 638 (1989)", hard-wrapped with its date ("Resolution 638
 * (1989) of 31 July 1989"): a Security Council resolution as the
 * Resolutions and Decisions volumes print it. Its title is the subject
 * heading printed above it, when there was one. */
int
tx_sc_heading(ctx_t *c, const char *p, unsigned line)
{
    if (!starts_with(p, "Resolution "))
        return 0;
    const char *q = p + 11;
    size_t n = sc_number(q);
    if (!n)
        return 0;
    const char *rest = q + n;
    if (*rest == '.')
        rest++;
    char iso[11] = "";
    if (*rest == ' ' && of_date(rest + 1, iso))
        rest = "";
    if (*rest)
        return 0;
    char number[16];
    snprintf(number, sizeof number, "%.*s", (int)n, q);
    resdex_resolution_t *r = tx_open_resolution(c, number, "resolution", c->subject, line, 0, 1);
    if (!r)
        return 1;
    if (!r->body)
        r->body = "SC";
    c->speaker = r->body;
    if (iso[0])
        r->date = str(c, iso);
    c->phase = PHASE_BODY; /* untitled when no subject: the next unit is text */
    return 1;
}

int
tx_date_line(ctx_t *c, const char *p)
{
    char iso[11];
    if (!c->res || c->phase > PHASE_BODY || !of_date(p, iso))
        return 0;
    if (c->pars.n > 0 && VEC_AT(c->pars, par_t, c->pars.n - 1)->res == c->res_idx)
        return 0; /* "of ..." after the text has begun is text */
    if (!c->res->date)
        c->res->date = str(c, iso);
    return 1;
}

void
tx_subject(ctx_t *c, const char *p)
{
    size_t n = strlen(p);
    char last = last_char_of(p);
    int letters = 0;
    for (size_t i = 0; i < n; i++)
        letters += (p[i] >= 'A' && p[i] <= 'Z') || is_lower(p[i]);
    if (n > 200 || letters < 3 || (last && strchr(".,;:", last)))
        return;
    c->subject = str(c, p);
}

/* The digit an OCR'd character stands for in a number: "l", "I" and "|"
 * for 1, "O" and "o" for 0, "S" for 5, Cyrillic "б" for 6. Returns the
 * bytes it takes (0 if it is none of them) and the digit. */
static size_t
ocr_digit(const char *s, char *digit)
{
    static const char one[] = "lI|", zero[] = "Oo";
    if (is_digit(*s)) {
        *digit = *s;
        return 1;
    }
    if (*s && strchr(one, *s))
        *digit = '1';
    else if (*s && strchr(zero, *s))
        *digit = '0';
    else if (*s == 'S')
        *digit = '5';
    else if ((unsigned char)s[0] == 0xD0 && (unsigned char)s[1] == 0xB1) {
        *digit = '6';
        return 2;
    } else
        return 0;
    return 1;
}

/* A group of 1 to max digits at s, OCR'd ones repaired into out: the bytes
 * taken, 0 unless the group holds at least one real digit. *fixed counts
 * the characters repaired. */
static size_t
ocr_group(const char *s, size_t max, buf_t *out, unsigned *fixed)
{
    size_t i = 0, k = 0;
    int real = 0;
    char d;
    size_t len;
    while (k < max && (len = ocr_digit(s + i, &d)) > 0) {
        real |= is_digit(s[i]);
        *fixed += !is_digit(s[i]);
        if (buf_putc(out, d) != 0)
            return 0;
        i += len;
        k++;
    }
    return real ? i : 0;
}

int
tx_ocr_heading(const char *p, buf_t *out)
{
    out->len = 0;
    unsigned fixed = 0;
    const char *q = p;
    int resolution = starts_with(q, "Resolution ");
    if (resolution) {
        q += 11;
        if (buf_puts(out, "Resolution ") != 0)
            return 0;
    }
    size_t a = out->len, k = ocr_group(q, 4, out, &fixed);
    if (!k)
        return 0;
    q += k;
    if (*q == '/') {
        /* "l989/6S. Title": a year starts 19 or 20. */
        size_t b = out->len - a;
        if (b == 4 && !(starts_with(out->data + a, "19") || starts_with(out->data + a, "20")))
            return 0;
        if (buf_putc(out, '/') != 0 || !(k = ocr_group(q + 1, 4, out, &fixed)))
            return 0;
        q += 1 + k;
        if (!(q[0] == '.' && (q[1] == ' ' || (resolution && q[1] == '\0'))))
            return 0;
    } else if (resolution && q[0] == ' ' && q[1] == '(') {
        /* "Resolution 638 (l989)" */
        if (buf_puts(out, " (") != 0)
            return 0;
        size_t y = out->len;
        if (!(k = ocr_group(q + 2, 4, out, &fixed)) || out->len - y != 4 || q[2 + k] != ')' ||
            !(starts_with(out->data + y, "19") || starts_with(out->data + y, "20")))
            return 0;
        q += 2 + k;
    } else {
        return 0;
    }
    if (!fixed || buf_puts(out, q) != 0)
        return 0;
    return 1;
}

/* Lines above a resolution: who adopted it and when, on whose
 * recommendation, the session, the agenda item. */
int
tx_header_line(ctx_t *c, const char *p)
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
