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

/* "<id>  <adoption>" and a newline; on a terminal wrapped to its width, the
 * lines after the first starting at `indent` (the first line's cursor is
 * taken to be there already). */
void print_id_adoption(const char *id, const json_t *res, const layout_t *l, int indent, FILE *out);

/* "operative 5(a) · Also encourages", "preambular · Recalling": what the
 * paragraph is (no newline). */
void print_paragraph_label(const json_t *par, const layout_t *l, FILE *out);

/* Footnotes ([{"mark","text"}]), one per line: "[1] text", each line
 * starting at `indent`. */
void print_footnotes(const json_t *notes, const layout_t *l, int indent, FILE *out);

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
