/* describe.c - resdex's output through the output layer: the library's
 * descriptions of its objects (resdex_*_json) as sprinter values, and the
 * few shapes that are the command line's own; see describe.h. */
#include "describe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The handle whose shards left out mark what is described (--partial). */
static const resdex_db_t *partial_db;

void
describe_mark_partial(const resdex_db_t *db)
{
    partial_db = db;
}

void
describe_shards_down(sprinter_t *sp)
{
    unsigned n = resdex_db_shards_down(partial_db);
    if (!n)
        return;
    sp_key(sp, "shards_down");
    sp_begin_list(sp);
    for (unsigned i = 0; i < n; i++)
        sp_string(sp, resdex_db_shard_down(partial_db, i));
    sp_end(sp);
}

void
describe_warn_partial(const char *cmd, int text)
{
    unsigned n = resdex_db_shards_down(partial_db);
    if (!n)
        return;
    if (text)
        printf("\npartial answer: %u shard%s left out:", n, n == 1 ? "" : "s");
    fprintf(stderr, "resdex %s: warning: partial answer (--partial), %u shard%s left out:", cmd, n,
            n == 1 ? "" : "s");
    for (unsigned i = 0; i < n; i++) {
        if (text)
            printf(" %s", resdex_db_shard_down(partial_db, i));
        fprintf(stderr, " %s", resdex_db_shard_down(partial_db, i));
    }
    if (text)
        printf("\n");
    fprintf(stderr, "\n");
}

/* The library's description (json, malloc()ed or NULL: freed) as the next
 * value, with "shards_down" when the answer is partial; a failed call fails
 * the printer. */
static void
add_json(sprinter_t *sp, resdex_status_t st, char *json)
{
    if (resdex_db_shards_down(partial_db) && st == RESDEX_STATUS_SUCCESS && json &&
        json[0] == '{') {
        sp_begin_map(sp);
        sp_json_fields(sp, json);
        describe_shards_down(sp);
        sp_end(sp);
    } else {
        sp_json(sp, st == RESDEX_STATUS_SUCCESS ? json : NULL);
    }
    free(json);
}

/* The same as keys of the map being described. */
static void
add_json_fields(sprinter_t *sp, resdex_status_t st, char *json)
{
    sp_json_fields(sp, st == RESDEX_STATUS_SUCCESS ? json : NULL);
    free(json);
}

void
describe_parsed_resolution(sprinter_t *sp, const resdex_resolution_t *res)
{
    char *json = NULL;
    resdex_status_t st = resdex_resolution_json(res, &json);
    add_json(sp, st, json);
}

void
describe_hit_with(sprinter_t *sp, const resdex_results_t *results, size_t i, unsigned flags)
{
    char *json = NULL;
    resdex_status_t st = resdex_results_hit_json(results, i, flags, &json);
    add_json(sp, st, json);
}

void
describe_hit(sprinter_t *sp, const resdex_results_t *results, size_t i)
{
    describe_hit_with(sp, results, i, RESDEX_JSON_FOLD);
}

double
describe_score(double score, int decimals)
{
    return resdex_score_round(score, decimals);
}

int
describe_below_decimals(double score, double min)
{
    return score < min && describe_score(score, 2) >= min ? 3 : 2;
}

void
describe_similar_hit(sprinter_t *sp, const resdex_results_t *results, size_t i, const char *next)
{
    if (!next) {
        describe_hit_with(sp, results, i, RESDEX_JSON_SIMILARITY);
        return;
    }
    char *json = NULL;
    resdex_status_t st = resdex_results_hit_json(results, i, RESDEX_JSON_SIMILARITY, &json);
    sp_begin_map(sp);
    add_json_fields(sp, st, json);
    sp_key_string(sp, "next", next);
    sp_end(sp);
}

void
warn_adoption(const resdex_resolution_t *res, const char *cmd)
{
    for (size_t i = 0; res && res->adoption && i < res->adoption->n_warnings; i++)
        fprintf(stderr, "resdex %s: warning: %s\n", cmd, res->adoption->warnings[i]);
}

static int
facet_cb(const char *value, uint64_t count, void *ctx)
{
    sp_key_int(ctx, value, (long long)count);
    return 0;
}

void
describe_facet_counts(sprinter_t *sp, const resdex_results_t *r)
{
    static const char *const facets[] = {"body", "year", "verb",    "adopted", "kind",
                                         "lang", "sdg",  "subject", "sponsor", "voted"};
    sp_begin_map(sp);
    for (size_t i = 0; i < sizeof facets / sizeof facets[0]; i++) {
        sp_key(sp, facets[i]);
        sp_begin_map(sp);
        resdex_results_facets(r, facets[i], facet_cb, sp);
        sp_end(sp);
    }
    sp_end(sp);
}

resdex_results_t *
find_citing(resdex_db_t *db, const resdex_resolution_t *res, unsigned limit)
{
    resdex_results_t *r = NULL;
    if (resdex_db_find_citing(db, res, limit, &r) != RESDEX_STATUS_SUCCESS)
        return NULL;
    return r;
}

resdex_results_t *
find_carried(resdex_db_t *db, const resdex_resolution_t *res)
{
    if (!res->recommends_to || !res->symbol)
        return NULL;
    char *symbol = NULL;
    if (asprintf(&symbol, "%s/DR", res->symbol) < 0)
        return NULL;
    resdex_results_t *r = NULL;
    if (resdex_db_find_resolution(db, symbol, res->lang, &r) != RESDEX_STATUS_SUCCESS)
        r = NULL;
    free(symbol);
    return r;
}

void
describe_resolution(sprinter_t *sp, const resdex_results_t *r, const resdex_results_t *citing,
                    const resdex_results_t *carried, int votes)
{
    char *json = NULL;
    resdex_status_t st =
        resdex_results_resolution_json(r, citing, carried, votes ? RESDEX_JSON_VOTES : 0, &json);
    add_json(sp, st, json);
}

void
describe_check_item(sprinter_t *sp, const resdex_check_item_t *it)
{
    char *json = NULL;
    resdex_status_t st = resdex_check_item_json(it, &json);
    add_json(sp, st, json);
}

/* --lineage --json: after the steps, the paragraph asked about itself (the
 * end of the chain the text layout shows), as a hit with rank n + 1 and
 * "lineage":"this paragraph". */
void
describe_lineage_end(sprinter_t *sp, resdex_db_t *db, const char *id, size_t n)
{
    const char *hash = strrchr(id, '#');
    char *symbol = hash ? strndup(id, (size_t)(hash - id)) : NULL;
    resdex_results_t *r = NULL;
    if (symbol && resdex_db_find_resolution(db, symbol, NULL, &r) == RESDEX_STATUS_SUCCESS) {
        for (size_t i = 0; i < resdex_results_count(r); i++) {
            const resdex_hit_t *h = resdex_results_get(r, i);
            const char *a = strrchr(h->id, '#');
            if (!a || strcmp(a, hash) != 0)
                continue;
            char *json = NULL;
            resdex_status_t st = resdex_results_hit_json(r, i, 0, &json);
            sp_begin_map(sp);
            add_json_fields(sp, st, json);
            sp_key_int(sp, "rank", (long long)(n + 1)); /* keeps its place */
            sp_key_string(sp, "lineage", "this paragraph");
            sp_end(sp);
            break;
        }
    }
    resdex_results_destroy(r);
    free(symbol);
}
