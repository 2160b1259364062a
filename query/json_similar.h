/* json_similar.h - the JSON shape of resdex similar's hits. */
#ifndef RESDEX_QUERY_JSON_SIMILAR_H
#define RESDEX_QUERY_JSON_SIMILAR_H

#include "resdex.h"

#include <jansson.h>

/* [{"op":"equal|insert|delete","text":...}, ...] */
json_t *json_diff(const resdex_diff_op_t *ops, size_t n);

/* Hit i of a resdex_db_similar or resdex_db_lineage result: json_hit's
 * object plus "similarity" and "diff". New reference; NULL on allocation
 * failure. */
json_t *json_similar_hit(const resdex_results_t *results, size_t i);

#endif
