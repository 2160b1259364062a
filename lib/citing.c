/* citing.c - who cites a resolution: the resolutions whose paragraphs carry
 * a cites: term naming its symbol, in its language, newest first. */
#include "resdex.h"
#include "util.h"

#include <stdio.h>

resdex_status_t
resdex_db_find_citing(resdex_db_t *db, const resdex_resolution_t *res, unsigned limit,
                      resdex_results_t **results)
{
    db_error_clear(db);
    if (results)
        *results = NULL;
    if (!db || !res || !res->symbol || !results)
        return db_error_end(db, RESDEX_STATUS_BAD_ARGUMENT);
    char query[512];
    if (snprintf(query, sizeof query, "cites:%s -symbol:%s lang:%s", res->symbol, res->symbol,
                 res->lang ? res->lang : "en") >= (int)sizeof query)
        return db_error_end(db, RESDEX_STATUS_BAD_ARGUMENT);
    resdex_search_options_t o = {0};
    o.query = query;
    o.limit = limit;
    o.all_kinds = 1;
    o.sort = RESDEX_SORT_DATE;
    o.snippets = 1;
    o.group_by_resolution = 1;
    o.exact_total = 1;
    return resdex_db_search(db, &o, results);
}
