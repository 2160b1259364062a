/* akn.h - shared by the two files of the AKN4UN reader (private).
 *
 * akn.c walks the structure of a resolution (preamble, operative part,
 * embedded drafts, annexes); akn-text.c turns a piece of inline content into
 * the plain text of one paragraph, and reads the labels ("1.", "(a)", "(أ)")
 * that number paragraphs. */
#ifndef RESDEX_AKN_H
#define RESDEX_AKN_H

#include "resdex.h"
#include "util.h"

#include <libxml/tree.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The state of the reader while it walks one resolution (akn.c). */
typedef struct akn_reader {
    resdex_doc_t *doc;
    const char *name; /* the source, for messages */
    resdex_resolution_t *res;
    unsigned n_notes;   /* footnotes seen in this resolution */
    int last_number;    /* the operative number sub-items belong to */
    int has_components; /* the statement carries a draft as a <component> */
    int pending_number; /* a <num> whose paragraph came empty (see read_paragraph) */
    int in_annex;
    int article; /* in an annexed convention: the article read last */
} akn_reader_t;

/* Fill r->res's symbol, number, body, date, language, session, agenda item,
 * proponent, title and meeting from a statement's meta, coverPage, preface
 * and conclusions (akn-meta.c). */
void akn_read_metadata(akn_reader_t *r, const xmlNode *statement);

/* Tree helpers (akn-meta.c). Element names are compared without namespace. */
const xmlNode *akn_child(const xmlNode *n, const char *name);
/* The first element named `name` under n, depth first. */
const xmlNode *akn_descendant(const xmlNode *n, const char *name);
/* The same, whose attribute attr_name is value. */
const xmlNode *akn_descendant_with(const xmlNode *n, const char *name, const char *attr_name,
                                   const char *value);
/* An attribute's value copied into the document (NULL when absent). */
const char *akn_attr(akn_reader_t *r, const xmlNode *n, const char *name);
/* The plain text of an element (footnotes dropped), or NULL when empty. */
const char *akn_text_of(akn_reader_t *r, const xmlNode *n);
/* The line where n starts, and the line of the last thing inside it. */
unsigned akn_line_of(const xmlNode *n);
unsigned akn_last_line_of(const xmlNode *n);

/* Is the element `n` named `name` (local name; the namespace is ignored:
 * AKN4UN mixes the AKN namespace with akn4un: extensions)? */
int akn_is(const xmlNode *n, const char *name);

/* A growing list of strings that live in the document's arena. */
typedef struct akn_strs {
    const char **v;
    size_t n, cap;
} akn_strs_t;

/* One footnote met inside a paragraph. */
typedef struct akn_note {
    const char *mark, *text;
} akn_note_t;

/* The text of one paragraph, being collected. Strings kept here (verb, marks,
 * cites, notes) are copies in the document's arena. */
typedef struct akn_text {
    resdex_doc_t *doc;
    buf_t buf;         /* the text so far; runs of white space collapsed */
    int pending;       /* separator owed before the next visible character */
    unsigned *n_notes; /* footnotes seen in the resolution (marks for unmarked ones) */
    int emph_depth;    /* inside an italic or bold span */
    int verb_state;    /* see akn-text.c */
    size_t verb_start, verb_end;
    akn_strs_t marks, cites;
    akn_note_t *notes;
    size_t n_note_items, cap_notes;
    int failed; /* out of memory, or the text hit its size cap */
} akn_text_t;

void akn_text_init(akn_text_t *t, resdex_doc_t *doc, unsigned *n_notes);
void akn_text_free(akn_text_t *t);

/* Append the text of node's children (not of node itself when it is a
 * structural element the caller handles: num, point, item, nested
 * paragraphs and embedded drafts are always left out). Footnotes are taken
 * out of the text and kept with their marks; <a href> targets are kept as
 * citations. */
void akn_text_children(akn_text_t *t, const xmlNode *node);

/* The collected text (an arena copy, trimmed), with the citations found in
 * it added; "" when there is none; NULL when memory ran out. */
const char *akn_text_finish(akn_text_t *t);

/* The leading italic or bold verb phrase ("Also encourages"), or NULL.
 * Valid after akn_text_finish(). */
const char *akn_text_verb(akn_text_t *t);

/* A paragraph label: an operative number or a sub-item letter/numeral. */
typedef struct akn_label {
    int number;    /* 0 when none */
    char item[16]; /* "a", "iv" (ASCII, lower case); "" when none */
} akn_label_t;

/* Flags of akn_label_parse(). */
#define AKN_LABEL_WHOLE 1 /* the label must be all of s (the content of a <num>) */
#define AKN_LABEL_BARE  2 /* also a number without "." or "-" after it: "7 " */

/* Read a label at the start of s: "1.", "12 -" (Arabic), "١٢-", "(a)", "a)"
 * (French), "(أ)" (Arabic letters in abjad order become a, b, c ...; a
 * Cyrillic "а" typed for a Latin "a" is read as "a"), "(iv)", "（b）". Digits
 * of any script become ASCII numbers. Returns the bytes it takes (with the
 * white space after it), or 0 when s does not start with a label. */
size_t akn_label_parse(const char *s, akn_label_t *label, unsigned flags);

#ifdef __cplusplus
}
#endif

#endif
