/* json_similar.c - resdex similar's JSON; see json_similar.h. */
#include "json_similar.h"
#include "json.h"

json_t *
json_diff(const resdex_diff_op_t *ops, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++)
        json_array_append_new(a,
                              json_pack("{s:s, s:s}", "op", resdex_diff_kind_to_string(ops[i].op),
                                        "text", ops[i].text));
    return a;
}

json_t *
json_similar_hit(const resdex_results_t *results, size_t i)
{
    const resdex_hit_t *hit = resdex_results_get(results, i);
    if (!hit)
        return NULL;
    json_t *o = json_hit(hit);
    if (!o)
        return NULL;
    const resdex_diff_op_t *ops = NULL;
    size_t n = resdex_hit_diff(results, i, &ops);
    /* Three decimals, never rounded up to 1 unless exact. */
    json_object_set_new(o, "similarity",
                        json_real((double)(long)(hit->similarity * 1000.0) / 1000.0));
    json_object_set_new(o, "diff", json_diff(ops, n));
    return o;
}
