/* describe.h - what resdex prints, through the output layer (sprinter.h)
 * for both JSON and text: the library describes its objects (a hit, a
 * resolution, a checked paragraph: resdex_*_json in resdex.h, the shapes of
 * DESIGN.md section 5), these functions add them to the value being
 * printed, with the few keys that are the command line's own. A failed
 * description fails the printer (sprinter_failed). */
#ifndef RESDEX_QUERY_DESCRIBE_H
#define RESDEX_QUERY_DESCRIBE_H

#include "resdex.h"
#include "sprinter.h"

/* The warnings of res's adoption metadata on stderr, one a line:
 * "resdex CMD: warning: FILE: line 94: <count ...> says 139 but lists 138
 * voters ...". */
void warn_adoption(const resdex_resolution_t *res, const char *cmd);

/* --partial: the handle (opened RESDEX_DB_READ_PARTIAL) whose shards left
 * out mark what is described from then on: every description of the
 * library's (a hit, a resolution, a checked paragraph, the stats) gets a
 * last key "shards_down":[names] while some shard is down. NULL: none. */
void describe_mark_partial(const resdex_db_t *db);
/* "shards_down":[names] into the map being described, when some are. */
void describe_shards_down(sprinter_t *sp);
/* When some shard is down: a warning naming them on stderr ("resdex CMD:
 * warning: partial answer ..."), and with text, the same as the last line
 * of the answer on stdout. */
void describe_warn_partial(const char *cmd, int text);

/* resdex parse --json: one map per resolution (resdex_resolution_json). */
void describe_parsed_resolution(sprinter_t *sp, const resdex_resolution_t *res);

/* The resolutions (in its language) whose paragraphs cite res, newest
 * first, one paragraph each (at most `limit`; resdex_db_find_citing). The
 * caller owns the results; NULL when the search failed (its message on db). */
resdex_results_t *find_citing(resdex_db_t *db, const resdex_resolution_t *res, unsigned limit);

/* The draft a resolution carries for another body (ECOSOC's 2024/11 carries
 * E/RES/2024/11/DR for the GA), in its language: the hits of
 * resdex_db_find_resolution, the caller owns them; NULL when it carries
 * none (or the lookup failed). */
resdex_results_t *find_carried(resdex_db_t *db, const resdex_resolution_t *res);

/* A whole resolution, from the hits of resdex_db_find_resolution (at least
 * one), with `votes` its "votes", when citing is not NULL (find_citing)
 * "cited_by" and "citing", and last "carries" (null unless carried, from
 * find_carried, has hits): resdex_results_resolution_json. */
void describe_resolution(sprinter_t *sp, const resdex_results_t *r, const resdex_results_t *citing,
                         const resdex_results_t *carried, int votes);

/* Hit i as one map, with the keys of `flags` (resdex_json_flags_t). */
void describe_hit_with(sprinter_t *sp, const resdex_results_t *results, size_t i, unsigned flags);

/* Hit i of a search (or show) as one map: its keys and RESDEX_JSON_FOLD's. */
void describe_hit(sprinter_t *sp, const resdex_results_t *results, size_t i);

/* resdex_score_round: a score in [0,1] rounded to `decimals` (2 or 3). */
double describe_score(double score, int decimals);

/* The decimals to print a score that did not reach the threshold min with:
 * 2, or 3 when two would round it up to min (0.987 under --min 0.99). */
int describe_below_decimals(double score, double min);

/* Hit i of a resdex_db_similar or resdex_db_lineage result: its keys and
 * RESDEX_JSON_SIMILARITY's, as one map; when next is not NULL, a last key
 * "next" (lineage: the id of the version after). */
void describe_similar_hit(sprinter_t *sp, const resdex_results_t *results, size_t i,
                          const char *next);

/* The counts of a search asked with facets, as one map:
 * {"body":{value: count, ...},"year","verb","adopted","kind","lang","sdg"},
 * most frequent first. */
void describe_facet_counts(sprinter_t *sp, const resdex_results_t *r);

/* resdex stats --json of db as one map (resdex_db_stats_json, cmd_stats.c).
 * Returns the library's status (the message on db); nothing is described
 * on failure. */
resdex_status_t describe_index_stats(sprinter_t *sp, resdex_db_t *db);

/* The last line of similar --lineage --json: the paragraph asked about
 * (id, of db), as a hit with rank n + 1 and "lineage":"this paragraph";
 * nothing when it is not in the index. */
void describe_lineage_end(sprinter_t *sp, resdex_db_t *db, const char *id, size_t n);

/* One paragraph of resdex check (resdex_check_item_json). */
void describe_check_item(sprinter_t *sp, const resdex_check_item_t *it);

#endif
