/* describe.h - what resdex prints, described once through the output layer
 * (sprinter.h) for both JSON and text: the shapes of DESIGN.md section 5.
 * The *_fields functions add their keys to the map being described (the
 * caller opens and ends it, and may add keys of its own); the others
 * describe one whole value. File names (a resolution's "source") are
 * escaped as utf8.h says. */
#ifndef RESDEX_QUERY_DESCRIBE_H
#define RESDEX_QUERY_DESCRIBE_H

#include "resdex.h"
#include "sprinter.h"

/* "symbol","number","body","title","date","lang","source", and when known
 * "doc_type","session","agenda_item","meeting","recommended_by","recommends_to" */
void describe_context_fields(sprinter_t *sp, const resdex_resolution_t *res);

/* "kind","number","item","verb","text": number and item are null when the
 * paragraph has none. */
void describe_paragraph_fields(sprinter_t *sp, const resdex_paragraph_t *par);

/* {"mark","text"} */
void describe_footnote(sprinter_t *sp, const resdex_footnote_t *note);

/* [{"mark","text"}, ...] */
void describe_footnotes(sprinter_t *sp, const resdex_footnote_t *notes, size_t n);

/* A paragraph of a whole resolution (parse, show): {kind, number, item,
 * verb, text, ["id" when not NULL,] footnotes: [marks], tags, cites}. */
void describe_paragraph_in_order(sprinter_t *sp, const resdex_paragraph_t *p, const char *id);

/* resdex parse --json: one map per resolution, the context fields plus
 * "paragraphs": [{kind, number, item, verb, text, footnotes: [marks], tags,
 * cites}], "footnotes": [{mark, text}]. */
void describe_parsed_resolution(sprinter_t *sp, const resdex_resolution_t *res);

/* One search hit's keys: "rank","score","id","resolution":{...},
 * "paragraph":{..., "snippet"},"footnotes":[...],"tags":[...],"cites":[...] */
void describe_hit_fields(sprinter_t *sp, const resdex_hit_t *hit);

/* A search hit as one map. */
void describe_hit(sprinter_t *sp, const resdex_hit_t *hit);

/* The runs of a diff: [{"op":"equal|insert|delete","text"}]. */
void describe_diff(sprinter_t *sp, const resdex_diff_op_t *ops, size_t n);

/* A score in [0,1] rounded to `decimals` (2 or 3), never rounded up to 1
 * unless it is 1. */
double describe_score(double score, int decimals);

/* Hit i of a resdex_db_similar or resdex_db_lineage result: the hit's keys
 * plus "similarity" and "containment" (three decimals, rounded, never up to
 * 1 unless exact), "newer": true when the hit is newer than the paragraph
 * asked about (left out otherwise), and "diff":
 * [{"op":"equal|insert|delete","text"}] from the older text to the newer, as
 * one map; when next is not NULL, a last key "next" (lineage: the id of the
 * version after). */
void describe_similar_hit(sprinter_t *sp, const resdex_results_t *results, size_t i,
                          const char *next);

#endif
