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
/* How it was adopted (part of the context fields), when the source says
 * anything of it (ad not NULL; a text file, or an index built before, says
 * nothing: no keys): "adoption": {"method": "without a vote" | "recorded
 * vote" | null, "in_favour", "against", "abstaining" (null when not given),
 * "from", and "warnings" when there are any}, "draft" (null when unknown),
 * "sponsors", "additional_sponsors", "sdgs" (numbers), "subjects" (lists,
 * empty when not given). */
void describe_adoption_fields(sprinter_t *sp, const resdex_adoption_t *ad);
/* show --votes: [{"state","vote":"in_favour|against|abstaining"}]. */
/* The warnings of res's adoption metadata on stderr, one a line:
 * "resdex CMD: warning: FILE: line 94: <count ...> says 139 but lists 138
 * voters ...". */
void warn_adoption(const resdex_resolution_t *res, const char *cmd);
void describe_votes(sprinter_t *sp, const resdex_adoption_t *ad);

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

/* Provenance of hit i's resolution: "adopted_as" (the symbol adopted from
 * it when it is a draft, else null) and "from" (the drafts it was adopted
 * from, a list, empty when none). */
void describe_provenance_fields(sprinter_t *sp, const resdex_results_t *results, size_t i);

/* The resolutions (in its language) whose paragraphs cite res, newest
 * first, one paragraph each (at most `limit`): a search of cites:SYMBOL in
 * every kind of paragraph, grouped by resolution, its total exact. The
 * caller owns the results; NULL when the search failed (its message on db). */
resdex_results_t *find_citing(resdex_db_t *db, const resdex_resolution_t *res, unsigned limit);

/* A whole resolution, from the hits of resdex_db_find_resolution (at least
 * one): its context fields, "adopted_as" and "from", with `votes` "votes"
 * (how each State voted), "paragraphs" (each with its "id" and its
 * footnotes' marks), "footnotes" (each once, in order), then, when citing
 * is not NULL (find_citing), "cited_by" and "citing": [{"id","text"}]. */
void describe_resolution(sprinter_t *sp, const resdex_results_t *r, const resdex_results_t *citing,
                         int votes);

/* A search or show hit's "also": [{"id","cite"}] (the paragraphs folded
 * into it) and "cited_by" (resolutions citing its resolution). */
void describe_fold_fields(sprinter_t *sp, const resdex_hit_t *hit);

/* Hit i's keys: "rank","score","id","resolution":{..., "adopted_as",
 * "from"}, "paragraph":{..., "snippet"},"footnotes":[...],"tags":[...],
 * "cites":[...] */
void describe_hit_fields(sprinter_t *sp, const resdex_results_t *results, size_t i);
/* The same with another rank (a hit shown out of its list). */
void describe_hit_fields_ranked(sprinter_t *sp, const resdex_results_t *results, size_t i,
                                unsigned rank);

/* Hit i of a search (or show) as one map: describe_hit_fields, then
 * describe_fold_fields. */
void describe_hit(sprinter_t *sp, const resdex_results_t *results, size_t i);

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

/* The counts of a search asked with facets, as one map:
 * {"body":{value: count, ...},"year","verb","adopted","kind","lang","sdg"},
 * most frequent first. */
void describe_facet_counts(sprinter_t *sp, const resdex_results_t *r);

/* resdex stats --json of db (at path) as one map (cmd_stats.c). Returns
 * the status of gathering them (the message on db); nothing is described
 * on failure. */
resdex_status_t describe_index_stats(sprinter_t *sp, resdex_db_t *db, const char *path);

/* The last line of similar --lineage --json: the paragraph asked about
 * (id, of db), as a search hit with rank n + 1 and "lineage":"this
 * paragraph"; nothing when it is not in the index. */
void describe_lineage_end(sprinter_t *sp, resdex_db_t *db, const char *id, size_t n);

/* One paragraph of resdex check: {"n","kind","number","item","text",
 * "status", "precedent": search hit | null, "also": [ids], "similarity",
 * "containment", "diff", "verb": {"from","to","change"} | null,
 * "qualifiers": {"added","dropped"}, "closest": {"id","similarity"} | null}. */
void describe_check_item(sprinter_t *sp, const resdex_check_item_t *it);

#endif
