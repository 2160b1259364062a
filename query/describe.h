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

/* {"mark","text"}, and "resolved" for an "Ibid." (the reference it repeats). */
void describe_footnote(sprinter_t *sp, const resdex_footnote_t *note);

/* [{"mark","text"}, ...] */
void describe_footnotes(sprinter_t *sp, const resdex_footnote_t *notes, size_t n);

/* A paragraph of a whole resolution (parse, show): {kind, number, item,
 * verb, text, ["id" when not NULL,] footnotes: [marks], tags, cites}; with
 * an id (show), also "cite" (resdex_cite) and "lead_in" (null when none). */
void describe_paragraph_in_order(sprinter_t *sp, const resdex_resolution_t *res,
                                 const resdex_paragraph_t *p, const char *id);

/* resdex parse --json: one map per resolution, the context fields plus
 * "paragraphs": [{kind, number, item, verb, text, footnotes: [marks], tags,
 * cites}], "footnotes": [{mark, text}]. */
void describe_parsed_resolution(sprinter_t *sp, const resdex_resolution_t *res);

/* One search hit's keys: "rank","score","id","resolution":{...},
 * "paragraph":{..., "snippet"},"footnotes":[...],"tags":[...],"cites":[...] */
void describe_hit_fields(sprinter_t *sp, const resdex_hit_t *hit);

/* A search hit as one map. */
void describe_hit(sprinter_t *sp, const resdex_hit_t *hit);

/* Hit i of a resdex_db_similar or resdex_db_lineage result: the hit's keys
 * plus "similarity" (three decimals, never rounded up to 1 unless exact)
 * and "diff": [{"op":"equal|insert|delete","text"}], as one map; when next
 * is not NULL, a last key "next" (lineage: the id of the version after). */
void describe_similar_hit(sprinter_t *sp, const resdex_results_t *results, size_t i,
                          const char *next);

#endif
