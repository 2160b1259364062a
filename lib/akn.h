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

#endif
