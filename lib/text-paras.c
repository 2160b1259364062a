/* text-paras.c - the units of a resolution as paragraphs: preambular,
 * numbered and lettered operative paragraphs, their verbs, paragraphs
 * continued across page breaks, footnotes and tags; see text-reader.h. */
#include "text-reader.h"
#include "text-meta.h"
#include "verbs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* Paragraphs (pass 1)                                                      */
/* ------------------------------------------------------------------------ */

static par_t *
add_par(ctx_t *c, resdex_kind_t kind, const char *raw, size_t n, unsigned first, unsigned last)
{
    if (!c->res)
        return NULL;
    par_t *p = tx_vec_push(c, &c->pars, sizeof *p);
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
    if (c->phase == PHASE_ANNEX) {
        /* A numbered paragraph of an annex: agreed text, as the AKN reader
         * has it, its number its own. */
        par_t *par = add_par(c, RESDEX_KIND_ANNEX, raw + pre, rn - pre, u->first, u->last);
        if (par)
            par->number = number;
        c->last_annex = number;
        c->joinable = 0;
        return;
    }
    if ((c->agenda && k != VERB_OPERATIVE) || (starts_with(rest, "The ") && k == VERB_NONE)) {
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
    if (c->phase == PHASE_ANNEX) {
        /* A lettered item of an annex, under the annex paragraph before it. */
        par_t *par = add_par(c, RESDEX_KIND_ANNEX, raw + pre, rn - pre, u->first, u->last);
        if (par) {
            par->number = c->last_annex;
            memcpy(par->item, item, sizeof item);
        }
        c->joinable = 0;
        return;
    }
    if (c->agenda) {
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

/* A line that is only an annex's heading: "Annex", "Annex II". */
static int
annex_heading(const char *p)
{
    if (strcmp(p, "Annex") == 0)
        return 1;
    return starts_with(p, "Annex ") && tx_is_roman(p + 6, strlen(p + 6));
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
    note_t *note = tx_vec_push(c, &c->notes, sizeof *note);
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

void
tx_dispatch(ctx_t *c, unit_t *u)
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
            const char *p = tx_plain_of(c, t, rn - (size_t)(t - raw));
            tag_t *tag = tx_vec_push(c, &c->tags, sizeof *tag);
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

    const char *p0 = tx_plain_of(c, raw, rn);
    if (!*p0)
        return;
    /* Keep our own copy: the scratch buffer is reused below. */
    char *p = strdup(p0);
    if (!p) {
        c->oom = 1;
        return;
    }
    tx_learn_report(c, p);
    if (c->res)
        fn_bare_candidates(raw, rn, note_candidate, c);

    if (tx_meeting_line(c, p))
        goto DONE;
    if (u->start == TL_NONE && tx_section_heading(c, p))
        goto DONE;
    if (strncmp(p, "Chapter ", 8) == 0 && tx_is_roman(p + 8, strlen(p + 8))) {
        tx_close_resolution(c);
        goto DONE;
    }
    if (u->start == TL_NONE) {
        /* A heading, its number repaired when OCR misread its digits. */
        const char *h = tx_ocr_heading(p, &c->ocr) ? c->ocr.data : p;
        if (tx_sc_heading(c, h, u->first) || tx_draft_heading(c, h, u->first) ||
            tx_symbol_line(c, h, u->first) || tx_part_heading(c, p, u->first))
            goto DONE;
    }
    if (!c->res || c->phase == PHASE_CLOSED) {
        if (tx_header_line(c, p))
            goto DONE;
        if (c->res && (strcmp(p, "Annex") == 0 || starts_with(p, "Annex "))) {
            c->phase = PHASE_ANNEX;
            add_par(c, RESDEX_KIND_OTHER, raw, rn, u->first, u->last);
        } else if (u->start == TL_NONE) {
            tx_subject(c, p);
        }
        goto DONE; /* report text, headings, the lines after a resolution */
    }
    if (u->start == TL_NONE && tx_date_line(c, p))
        goto DONE;
    /* "Annex" (or "Annex II") inside a resolution that no meeting line has
     * closed, as in a draft without its closing lines: the annex begins. */
    if (u->start == TL_NONE && c->phase >= PHASE_BODY && annex_heading(p)) {
        c->phase = PHASE_ANNEX;
        add_par(c, RESDEX_KIND_OTHER, raw, rn, u->first, u->last);
        goto DONE;
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
        if (add_par(c, RESDEX_KIND_OTHER, raw, rn, u->first, u->last)) {
            /* The draft follows this paragraph: its index in the resolution
             * (embedded.c). */
            size_t at = 0;
            for (size_t i = c->pars.n; i-- > 0 && VEC_AT(c->pars, par_t, i)->res == c->res_idx;)
                at++;
            model_mark_draft(c->doc, c->res, at - 1);
        }
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
