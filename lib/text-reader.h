/* text-reader.h - the state the text reader shares between its files
 * (private to text*.c).
 *
 * text.c groups lines into units and drives the two passes; text-heads.c
 * recognises what opens a resolution (its symbol line, heading, header
 * lines, the meeting line that closes it); text-paras.c turns the units of a
 * resolution into paragraphs (preambular, numbered, lettered, continued);
 * text-context.c completes each resolution's symbol and body after the
 * whole file is read; text-link.c links footnote marks to footnotes and
 * emits the paragraphs into the document model. */
#ifndef RESDEX_TEXT_READER_H
#define RESDEX_TEXT_READER_H

#include "footnotes.h"
#include "model.h"
#include "text-lines.h"
#include "util.h"

#include <stddef.h>
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
    buf_t ocr;   /* scratch: a heading with its OCR'd digits repaired */

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
    int last_annex; /* the number of the last numbered annex paragraph */
    int seen_op;
    int agenda;
    const char *speaker;
    int joinable;   /* the last paragraph may continue in the next unit */
    char last_char; /* its last significant character */

    const char *subject; /* the subject heading above Security Council resolutions */
    int adopted;         /* the last unit was a closing "Adopted at the ... meeting." */
    char part;           /* the letter of the part being read ("75/101 B"), or 0 */

    /* Bare-digit marker candidates seen in the current resolution, for
     * footnotes printed as "1 text" (plain digits). */
    unsigned char candidate[FN_MAX_MARK + 1];
} ctx_t;

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

#define VEC_AT(v, type, i) (&((type *)(v).items)[i])

/* A new zeroed item at the end of v (NULL and c->oom when out of memory). */
void *tx_vec_push(ctx_t *c, vec_t *v, size_t size);

/* The plain text of raw (markup and markers removed) in c->plain. */
const char *tx_plain_of(ctx_t *c, const char *raw, size_t n);

static inline int
starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static inline int
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static inline int
is_lower(char c)
{
    return c >= 'a' && c <= 'z';
}

static inline const char *
str(ctx_t *c, const char *s)
{
    return model_str(c->doc, s);
}

static inline const char *
strn(ctx_t *c, const char *s, size_t n)
{
    return model_strn(c->doc, s, n);
}

static inline char
last_char_of(const char *s)
{
    return tl_last_char(s, strlen(s));
}

static inline resinfo_t *
info_of(ctx_t *c, size_t i)
{
    return VEC_AT(c->info, resinfo_t, i);
}

static inline int
is_decision(const resdex_resolution_t *r)
{
    return r->doc_type && strstr(r->doc_type, "decision");
}

/* text-heads.c: resolutions and what opens or closes them. Each
 * recogniser takes the plain text of a unit and returns 1 when it was
 * that kind of line (and did its work), 0 otherwise. */
resdex_resolution_t *tx_open_resolution(ctx_t *c, const char *number, const char *doc_type,
                                        const char *title, unsigned line, int in_report,
                                        int use_header);
void tx_close_resolution(ctx_t *c);
void tx_learn_report(ctx_t *c, const char *p);
int tx_meeting_line(ctx_t *c, const char *p);
int tx_section_heading(ctx_t *c, const char *p);
int tx_draft_heading(ctx_t *c, const char *p, unsigned line);
int tx_symbol_line(ctx_t *c, const char *p, unsigned line);
int tx_header_line(ctx_t *c, const char *p);
/* "Resolution 638 (1989)" [of 31 July 1989]: a Security Council heading. */
int tx_sc_heading(ctx_t *c, const char *p, unsigned line);
/* "A", "B" alone: the parts of a multi-part resolution ("75/101 B"). */
int tx_part_heading(ctx_t *c, const char *p, unsigned line);
/* "of 31 July 1989" under such a heading: the resolution's date. */
int tx_date_line(ctx_t *c, const char *p);
/* A heading between resolutions, remembered as the subject (title) of the
 * Security Council resolutions printed under it. */
void tx_subject(ctx_t *c, const char *p);
/* A footnote mark alone on the line after a closing "Adopted at ...". */
void tx_closing_mark(ctx_t *c, unsigned mark);
/* A heading whose number was OCR'd with letters for digits ("l989/60.
 * Title", "1989/6S. Title", "Resolution 638 (l989)"): 1 and the heading
 * with the digits repaired in out; 0 when p is not such a heading (or has
 * nothing to repair). */
int tx_ocr_heading(const char *p, buf_t *out);
int tx_is_roman(const char *s, size_t n);
/* "26/1", "2017/19", "55/12": digits, slash, digits. Returns the length. */
size_t tx_res_number(const char *s);

/* text-paras.c: one unit of text (pass 1). */
void tx_dispatch(ctx_t *c, unit_t *u);

/* text-context.c: the symbol and body of resolution i (pass 2). */
void tx_complete_context(ctx_t *c, size_t i, const char *data, size_t len);

/* text-link.c: footnotes linked, paragraphs emitted into the model (pass 2). */
void tx_link_and_emit(ctx_t *c);

#endif
