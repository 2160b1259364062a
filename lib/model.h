/* model.h - building the document model (private to libresdex).
 *
 * The readers (text.c, akn.c) and the record decoder build resdex_doc_t
 * values with these functions. Strings are copied into the document's arena;
 * arrays grow as items are added.
 *
 * Pointer lifetimes while building: a resdex_resolution_t * returned by
 * model_add_resolution() stays valid for the life of the document. A
 * resdex_paragraph_t * returned by model_add_paragraph() stays valid until
 * the next model_add_paragraph() on the same resolution.
 *
 * Allocation failures are sticky: check model_failed() once at the end. */
#ifndef RESDEX_MODEL_H
#define RESDEX_MODEL_H

#include "resdex.h"
#include "arena.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Limits that keep a hostile file from making the model, and the work done
 * on it (anchors, footnote linking, indexing), quadratic: far above any real
 * document (the largest resolution of the corpus has about 700 paragraphs
 * and 61 footnotes). Past one, model_over_limit() says which, the addition
 * is refused, and so is every later one; the parse fails with TOO_LARGE. */
#define MODEL_MAX_RESOLUTIONS 2000  /* in one file */
#define MODEL_MAX_PARAGRAPHS  10000 /* in one resolution */
#define MODEL_MAX_FOOTNOTES   2000  /* in one resolution */
#define MODEL_MAX_LIST        200   /* marks, tags or citations of one paragraph */
#define MODEL_STR_(x)         #x
#define MODEL_STR(x)          MODEL_STR_(x)

resdex_doc_t *model_doc_new(void);
/* The document's arena, for strings built by a reader. */
arena_t *model_arena(resdex_doc_t *doc);
int model_failed(const resdex_doc_t *doc);
/* Record an allocation failure made outside the model (sticky, as its own). */
void model_set_failed(resdex_doc_t *doc);
/* The limit the document hit ("more than 10000 paragraphs in one
 * resolution"; static storage), or NULL. model_failed() is then true too. */
const char *model_over_limit(const resdex_doc_t *doc);

/* A copy of s in the document (NULL for NULL). */
const char *model_str(resdex_doc_t *doc, const char *s);
const char *model_strn(resdex_doc_t *doc, const char *s, size_t n);

/* A new, empty resolution at the end of the document; all fields NULL/0. The
 * caller sets the string fields with model_str(). */
resdex_resolution_t *model_add_resolution(resdex_doc_t *doc);
/* A new, empty resolution at index pos (0 <= pos <= count), the ones from
 * pos on moving one place down; NULL on failure or past the limit. */
resdex_resolution_t *model_insert_resolution(resdex_doc_t *doc, size_t pos);
/* A reader's note that res carries a draft for another body whose
 * paragraphs follow paragraph `at` (ECOSOC's "Recommends to the General
 * Assembly the adoption of the following draft resolution:"); embedded.c
 * makes the draft a resolution of its own once the file is read. */
void model_mark_draft(resdex_doc_t *doc, const resdex_resolution_t *res, size_t at);
/* The mark of res, if any (1 and *at set), which is then forgotten; else 0. */
int model_take_draft_mark(resdex_doc_t *doc, const resdex_resolution_t *res, size_t *at);
/* Move the paragraphs of `from` from index `first` on to the end of `to`
 * (their lists go with them). On failure nothing moves. */
void model_move_paragraphs(resdex_doc_t *doc, resdex_resolution_t *from, size_t first,
                           resdex_resolution_t *to);
/* A draft (resdex_parse_draft): text with no heading of a resolution is read
 * as one draft resolution rather than refused. */
void model_set_headless_ok(resdex_doc_t *doc, int ok);
int model_headless_ok(const resdex_doc_t *doc);
/* Remove the last resolution (e.g. one that turned out to be empty). */
void model_drop_last_resolution(resdex_doc_t *doc);
/* Move every resolution of src (and the memory they use) to the end of
 * dst; src is destroyed. Past MODEL_MAX_RESOLUTIONS, dst is over its limit. */
void model_adopt(resdex_doc_t *dst, resdex_doc_t *src);

/* Once a file is read: what follows from the whole of each resolution - a
 * lettered item's lead-in (resdex_paragraph_t.lead_in) and the reference an
 * "Ibid." footnote repeats (resdex_footnote_t.resolved). */
void model_finish(resdex_doc_t *doc);
/* Mark the resolutions from index `from` on as read with tracked changes
 * accepted (resdex_resolution_t.tracked_changes). */
void model_mark_tracked_changes(resdex_doc_t *doc, size_t from);

resdex_paragraph_t *model_add_paragraph(resdex_doc_t *doc, resdex_resolution_t *res,
                                        resdex_kind_t kind, const char *text);
/* Append to a paragraph's lists; duplicates are ignored. */
void model_add_mark(resdex_doc_t *doc, resdex_paragraph_t *par, const char *mark);
void model_add_tag(resdex_doc_t *doc, resdex_paragraph_t *par, const char *tag);
void model_add_cite(resdex_doc_t *doc, resdex_paragraph_t *par, const char *cite);
/* Add a footnote (a later one with the same mark replaces the text). */
void model_add_footnote(resdex_doc_t *doc, resdex_resolution_t *res, const char *mark,
                        const char *text);
/* Remove the last paragraph of res. */
void model_drop_last_paragraph(resdex_resolution_t *res);

/* Mutable access for readers that fix up fields after the fact. */
resdex_paragraph_t *model_paragraph(resdex_resolution_t *res, size_t i);

#ifdef __cplusplus
}
#endif

#endif
