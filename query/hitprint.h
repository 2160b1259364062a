/* hitprint.h - the text layout of paragraphs and their resolutions, shared
 * by resdex search, show and similar. Each function reads the value the
 * command described (describe.h): a hit, a resolution's context map
 * ("resolution"), a paragraph map, a list of footnotes. */
#ifndef RESDEX_QUERY_HITPRINT_H
#define RESDEX_QUERY_HITPRINT_H

#include "layout.h"

#include <jansson.h>
#include <stdio.h>

/* A draft carried inside a resolution ("E/RES/2024/11/DR", doc_type a
 * draft's): the length of the carrying resolution's number and *number at
 * it ("2024/11"); else 0. */
int embedded_in(const char *symbol, const char *doc_type, const char **number);

/* "ECOSOC resolution 2017/19 · 2017-07-06 · recommended by CCPCJ": who
 * adopted what, when (no newline); then the provenance: " · adopted as
 * E/RES/2017/19" for a draft, " · from E/2017/30/DR.B.II" for a text adopted
 * from one. A draft inside a resolution reads "GA draft resolution
 * recommended by ECOSOC in resolution 2024/11". */
void print_adoption(const json_t *res, const layout_t *l, FILE *out);
/* " · adopted without a vote", " · recorded vote 139–3–38" from a
 * resolution's "adoption" map; nothing when the method is unknown. */
void print_adoption_method(const json_t *adoption, const layout_t *l, FILE *out);

/* The provenance chain of a resolution's context map ("adopted_as",
 * "from"), one line: "chain  E/2017/30/DR.B.II → E/RES/2017/19", or for a
 * draft carried inside a resolution "chain  E/RES/2024/11 →
 * E/RES/2024/11/DR → A/RES/79/188", the resolution itself in bold. Nothing
 * when it has no link. */
void print_chain(const json_t *res, const layout_t *l, FILE *out);

/* "<id>  <adoption>" and a newline; on a terminal wrapped to its width, the
 * lines after the first starting at `indent` (the first line's cursor is
 * taken to be there already). */
void print_id_adoption(const char *id, const json_t *res, const layout_t *l, int indent, FILE *out);

/* The lines of a resolution's header in show: "draft: SYMBOL",
 * "sponsors: ...", "additional sponsors: ...", "SDGs: 16, 5",
 * "subjects: ..." (each only when known). */
void print_sponsorship(const json_t *res, const layout_t *l, FILE *out);
/* "operative 5(a) · Also encourages", "preambular · Recalling": what the
 * paragraph is (no newline). */
void print_paragraph_label(const json_t *par, const layout_t *l, FILE *out);

/* Footnotes ([{"mark","text"}]), one per line: "[1] text", each line
 * starting at `indent`. */
void print_footnotes(const json_t *notes, const layout_t *l, int indent, FILE *out);

/* A hit's "also" (the paragraphs folded into it), when there are any, as one
 * dim line at indent: "also in 78/229 ¶67, E/2017/30 DR.B.II ¶3". */
void print_also(const json_t *also, const layout_t *l, int indent, FILE *out);

/* A lettered item's lead-in (the paragraph's "lead_in"), dim, on its own
 * line before the item; nothing when it has none. */
void print_lead_in(const json_t *par, const layout_t *l, int indent, FILE *out);

/* "cite: General Assembly resolution 80/229, para. 5" (the object's "cite"). */
void print_cite(const json_t *o, const layout_t *l, int indent, FILE *out);

/* One search hit: rank, id and adoption; the title; the paragraph's label;
 * its snippet (or text); its footnotes. `before` is printed first (a blank
 * line between hits). */
void print_hit(const json_t *hit, const layout_t *l, const char *before, FILE *out);

#endif
