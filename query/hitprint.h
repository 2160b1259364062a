/* hitprint.h - the text layout of paragraphs and their resolutions, shared
 * by resdex search, show and similar. Each function reads the value the
 * command described (describe.h): a hit, a resolution's context map
 * ("resolution"), a paragraph map, a list of footnotes. */
#ifndef RESDEX_QUERY_HITPRINT_H
#define RESDEX_QUERY_HITPRINT_H

#include "layout.h"

#include <jansson.h>
#include <stdio.h>

/* "ECOSOC resolution 2017/19 · 2017-07-06 · recommended by CCPCJ": who
 * adopted what, when (no newline). */
void print_adoption(const json_t *res, const layout_t *l, FILE *out);
/* " · adopted without a vote", " · recorded vote 139–3–38" from a
 * resolution's "adoption" map; nothing when the method is unknown. */
void print_adoption_method(const json_t *adoption, const layout_t *l, FILE *out);

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

/* One search hit: rank, id and adoption; the title; the paragraph's label;
 * its snippet (or text); its footnotes. `before` is printed first (a blank
 * line between hits). */
void print_hit(const json_t *hit, const layout_t *l, const char *before, FILE *out);

#endif
