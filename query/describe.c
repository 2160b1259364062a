/* describe.c - resdex's output described once; see describe.h. */
#include "describe.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A key only when the value is known (optional context fields). */
static void
key_if(sprinter_t *sp, const char *key, const char *value)
{
    if (value)
        sp_key_string(sp, key, value);
}

void
describe_context_fields(sprinter_t *sp, const resdex_resolution_t *res)
{
    sp_key_string(sp, "symbol", res->symbol);
    sp_key_string(sp, "number", res->number);
    sp_key_string(sp, "body", res->body);
    sp_key_string(sp, "title", res->title);
    sp_key_string(sp, "date", res->date);
    sp_key_string(sp, "lang", res->lang);
    sp_key(sp, "source");
    sp_name(sp, res->source);
    key_if(sp, "doc_type", res->doc_type);
    key_if(sp, "session", res->session);
    key_if(sp, "agenda_item", res->agenda_item);
    key_if(sp, "meeting", res->meeting);
    key_if(sp, "recommended_by", res->recommended_by);
    key_if(sp, "recommends_to", res->recommends_to);
    describe_adoption_fields(sp, res->adoption);
}

static void
key_count(sprinter_t *sp, const char *key, int n)
{
    sp_key(sp, key);
    if (n >= 0)
        sp_int(sp, n);
    else
        sp_null(sp);
}

void
describe_adoption_fields(sprinter_t *sp, const resdex_adoption_t *ad)
{
    if (!ad)
        return;
    sp_key(sp, "adoption");
    sp_begin_map(sp);
    sp_key_string(sp, "method", resdex_adoption_method_to_string(ad->method));
    key_count(sp, "in_favour", ad->in_favour);
    key_count(sp, "against", ad->against);
    key_count(sp, "abstaining", ad->abstaining);
    if (ad->from)
        sp_key_string(sp, "from", ad->from);
    if (ad->n_warnings) {
        sp_key(sp, "warnings");
        sp_strings(sp, ad->warnings, ad->n_warnings);
    }
    sp_end(sp);
    sp_key_string(sp, "draft", ad->draft);
    sp_key(sp, "sponsors");
    sp_strings(sp, ad->sponsors, ad->n_sponsors);
    sp_key(sp, "additional_sponsors");
    sp_strings(sp, ad->additional_sponsors, ad->n_additional_sponsors);
    sp_key(sp, "sdgs");
    sp_begin_list(sp);
    for (size_t i = 0; i < ad->n_sdgs; i++)
        sp_int(sp, ad->sdgs[i]);
    sp_end(sp);
    sp_key(sp, "subjects");
    sp_strings(sp, ad->subjects, ad->n_subjects);
}

void
describe_votes(sprinter_t *sp, const resdex_adoption_t *ad)
{
    sp_begin_list(sp);
    for (size_t i = 0; ad && i < ad->n_voters; i++) {
        sp_begin_map(sp);
        sp_key_string(sp, "state", ad->voters[i].state);
        sp_key_string(sp, "vote", resdex_vote_to_string(ad->voters[i].vote));
        sp_end(sp);
    }
    sp_end(sp);
}

void
describe_paragraph_fields(sprinter_t *sp, const resdex_paragraph_t *par)
{
    sp_key_string(sp, "kind", resdex_kind_to_string(par->kind));
    sp_key(sp, "number");
    if (par->number > 0)
        sp_int(sp, par->number);
    else
        sp_null(sp);
    sp_key_string(sp, "item", par->item);
    sp_key_string(sp, "verb", par->verb);
    sp_key_string(sp, "text", par->text);
    if (par->article > 0) /* an annexed convention's article */
        sp_key_int(sp, "article", par->article);
}

void
describe_footnote(sprinter_t *sp, const resdex_footnote_t *note)
{
    sp_begin_map(sp);
    sp_key_string(sp, "mark", note->mark);
    sp_key_string(sp, "text", note->text);
    key_if(sp, "resolved", note->resolved);
    sp_end(sp);
}

void
describe_footnotes(sprinter_t *sp, const resdex_footnote_t *notes, size_t n)
{
    sp_begin_list(sp);
    for (size_t i = 0; i < n; i++)
        describe_footnote(sp, &notes[i]);
    sp_end(sp);
}

/* "cite": how the paragraph is cited (a record of an older index has none:
 * the resolution and the operative number, as resdex_cite gives them). */
static void
describe_cite(sprinter_t *sp, const resdex_resolution_t *res, const resdex_paragraph_t *p)
{
    char cite[512];
    if (!p->cite)
        resdex_cite(res, p, 0, cite, sizeof cite);
    sp_key_string(sp, "cite", p->cite ? p->cite : cite);
}

void
describe_paragraph_in_order(sprinter_t *sp, const resdex_resolution_t *res,
                            const resdex_paragraph_t *p, const char *id)
{
    sp_begin_map(sp);
    describe_paragraph_fields(sp, p);
    if (id)
        sp_key_string(sp, "id", id);
    sp_key(sp, "footnotes");
    sp_strings(sp, p->marks, p->n_marks);
    sp_key(sp, "tags");
    sp_strings(sp, p->tags, p->n_tags);
    sp_key(sp, "cites");
    sp_strings(sp, p->cites, p->n_cites);
    if (id) {
        describe_cite(sp, res, p);
        sp_key_string(sp, "lead_in", p->lead_in);
    }
    sp_end(sp);
}

void
describe_parsed_resolution(sprinter_t *sp, const resdex_resolution_t *res)
{
    sp_begin_map(sp);
    describe_context_fields(sp, res);
    sp_key(sp, "paragraphs");
    sp_begin_list(sp);
    for (size_t i = 0; i < res->n_paragraphs; i++)
        describe_paragraph_in_order(sp, res, &res->paragraphs[i], NULL);
    sp_end(sp);
    sp_key(sp, "footnotes");
    describe_footnotes(sp, res->footnotes, res->n_footnotes);
    /* Only for a Word file with tracked changes (read as accepted). */
    if (res->tracked_changes) {
        sp_key(sp, "tracked_changes");
        sp_bool(sp, 1);
    }
    sp_end(sp);
}

void
describe_provenance_fields(sprinter_t *sp, const resdex_results_t *results, size_t i)
{
    sp_key_string(sp, "adopted_as", resdex_hit_adopted_as(results, i));
    const char *const *from = NULL;
    size_t n = resdex_hit_from(results, i, &from);
    sp_key(sp, "from");
    sp_strings(sp, from, n);
}

void
describe_hit_fields(sprinter_t *sp, const resdex_results_t *results, size_t i)
{
    describe_hit_fields_ranked(sp, results, i, resdex_results_get(results, i)->rank);
}

void
describe_hit_fields_ranked(sprinter_t *sp, const resdex_results_t *results, size_t i, unsigned rank)
{
    const resdex_hit_t *hit = resdex_results_get(results, i);
    sp_key_int(sp, "rank", rank);
    sp_key(sp, "score");
    sp_real(sp, hit->score);
    sp_key_string(sp, "id", hit->id);
    sp_key(sp, "resolution");
    sp_begin_map(sp);
    describe_context_fields(sp, hit->resolution);
    describe_provenance_fields(sp, results, i);
    sp_end(sp);
    sp_key(sp, "paragraph");
    sp_begin_map(sp);
    describe_paragraph_fields(sp, hit->paragraph);
    sp_key_string(sp, "snippet", hit->snippet);
    sp_key_string(sp, "lead_in", hit->paragraph->lead_in);
    sp_end(sp);
    sp_key(sp, "footnotes");
    describe_footnotes(sp, hit->footnotes, hit->n_footnotes);
    sp_key(sp, "tags");
    sp_strings(sp, hit->paragraph->tags, hit->paragraph->n_tags);
    sp_key(sp, "cites");
    sp_strings(sp, hit->paragraph->cites, hit->paragraph->n_cites);
    describe_cite(sp, hit->resolution, hit->paragraph);
}

void
describe_fold_fields(sprinter_t *sp, const resdex_hit_t *hit)
{
    sp_key(sp, "also");
    sp_begin_list(sp);
    for (size_t i = 0; i < hit->n_also; i++) {
        sp_begin_map(sp);
        sp_key_string(sp, "id", hit->also[i].id);
        sp_key_string(sp, "cite", hit->also[i].cite);
        sp_end(sp);
    }
    sp_end(sp);
    sp_key_int(sp, "cited_by", hit->cited_by);
}

void
describe_hit(sprinter_t *sp, const resdex_results_t *results, size_t i)
{
    sp_begin_map(sp);
    describe_hit_fields(sp, results, i);
    describe_fold_fields(sp, resdex_results_get(results, i));
    sp_end(sp);
}

void
describe_diff(sprinter_t *sp, const resdex_diff_op_t *ops, size_t n)
{
    sp_begin_list(sp);
    for (size_t k = 0; k < n; k++) {
        sp_begin_map(sp);
        sp_key_string(sp, "op", resdex_diff_kind_to_string(ops[k].op));
        sp_key_string(sp, "text", ops[k].text);
        sp_end(sp);
    }
    sp_end(sp);
}

double
describe_score(double score, int decimals)
{
    double scale = decimals == 2 ? 100.0 : 1000.0;
    double r = floor(score * scale + 0.5) / scale;
    /* Only the exact reuse is 1: 0.9996 shows as 0.999 (0.99). */
    if (score < 1.0 && r >= 1.0)
        r = (scale - 1.0) / scale;
    return r;
}

void
describe_similar_hit(sprinter_t *sp, const resdex_results_t *results, size_t i, const char *next)
{
    const resdex_hit_t *hit = resdex_results_get(results, i);
    if (!hit)
        return;
    const resdex_diff_op_t *ops = NULL;
    size_t n = resdex_hit_diff(results, i, &ops);
    sp_begin_map(sp);
    describe_hit_fields(sp, results, i);
    sp_key(sp, "similarity");
    sp_real(sp, describe_score(hit->similarity, 3));
    sp_key(sp, "containment");
    sp_real(sp, describe_score(hit->containment, 3));
    if (hit->newer) {
        sp_key(sp, "newer");
        sp_bool(sp, 1);
    }
    sp_key(sp, "diff");
    describe_diff(sp, ops, n);
    if (next)
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
    static const char *const facets[] = {"body", "year", "verb", "adopted", "kind", "lang", "sdg"};
    sp_begin_map(sp);
    for (size_t i = 0; i < sizeof facets / sizeof facets[0]; i++) {
        sp_key(sp, facets[i]);
        sp_begin_map(sp);
        resdex_results_facets(r, facets[i], facet_cb, sp);
        sp_end(sp);
    }
    sp_end(sp);
}

/* Footnotes of a whole resolution: every hit's, once each, in order. */
static size_t
collect_footnotes(const resdex_results_t *r, const resdex_footnote_t ***out)
{
    size_t n = 0, cap = 0;
    const resdex_footnote_t **v = NULL;
    for (size_t i = 0; i < resdex_results_count(r); i++) {
        const resdex_hit_t *h = resdex_results_get(r, i);
        for (size_t k = 0; k < h->n_footnotes; k++) {
            const resdex_footnote_t *f = &h->footnotes[k];
            int seen = 0;
            for (size_t j = 0; j < n && !seen; j++)
                seen = strcmp(v[j]->mark, f->mark) == 0 && strcmp(v[j]->text, f->text) == 0;
            if (seen)
                continue;
            if (n == cap) {
                cap = cap ? cap * 2 : 16;
                const resdex_footnote_t **p = realloc(v, cap * sizeof *v);
                if (!p)
                    break;
                v = p;
            }
            v[n++] = f;
        }
    }
    *out = v;
    return n;
}

resdex_results_t *
find_citing(resdex_db_t *db, const resdex_resolution_t *res, unsigned limit)
{
    char query[512];
    snprintf(query, sizeof query, "cites:%s -symbol:%s lang:%s", res->symbol, res->symbol,
             res->lang ? res->lang : "en");
    resdex_search_options_t o = {0};
    o.query = query;
    o.limit = limit;
    o.all_kinds = 1;
    o.sort = RESDEX_SORT_DATE;
    o.snippets = 1;
    o.group_by_resolution = 1;
    o.exact_total = 1;
    resdex_results_t *r = NULL;
    if (resdex_db_search(db, &o, &r) != RESDEX_STATUS_SUCCESS)
        return NULL;
    return r;
}

/* "cited_by": how many resolutions cite it; "citing": the first of them
 * (newest first), a paragraph each: {"id", "text"}. */
static void
describe_citing(sprinter_t *sp, const resdex_results_t *citing)
{
    sp_key_int(sp, "cited_by", (long long)resdex_results_total(citing));
    sp_key(sp, "citing");
    sp_begin_list(sp);
    for (size_t i = 0; i < resdex_results_count(citing); i++) {
        const resdex_hit_t *h = resdex_results_get(citing, i);
        sp_begin_map(sp);
        sp_key_string(sp, "id", h->id);
        sp_key_string(sp, "text", h->snippet ? h->snippet : h->paragraph->text);
        sp_end(sp);
    }
    sp_end(sp);
}

void
describe_resolution(sprinter_t *sp, const resdex_results_t *r, const resdex_results_t *citing,
                    int votes)
{
    const resdex_hit_t *first = resdex_results_get(r, 0);
    sp_begin_map(sp);
    describe_context_fields(sp, first->resolution);
    describe_provenance_fields(sp, r, 0);
    if (votes) {
        sp_key(sp, "votes");
        describe_votes(sp, first->resolution->adoption);
    }
    sp_key(sp, "paragraphs");
    sp_begin_list(sp);
    for (size_t i = 0; i < resdex_results_count(r); i++) {
        const resdex_hit_t *h = resdex_results_get(r, i);
        describe_paragraph_in_order(sp, h->resolution, h->paragraph, h->id);
    }
    sp_end(sp);
    const resdex_footnote_t **notes = NULL;
    size_t n = collect_footnotes(r, &notes);
    sp_key(sp, "footnotes");
    sp_begin_list(sp);
    for (size_t i = 0; i < n; i++)
        describe_footnote(sp, notes[i]);
    sp_end(sp);
    free(notes);
    if (citing)
        describe_citing(sp, citing);
    sp_end(sp);
}

/* One checked paragraph: {"n","kind","number","item","text","status",
 * "precedent": search hit | null, "also": [ids], "similarity", "containment",
 * "diff", "verb": {"from","to","change"} | null, "qualifiers": {"added",
 * "dropped"}, "closest": {"id","similarity"} | null}. */
void
describe_check_item(sprinter_t *sp, const resdex_check_item_t *it)
{
    const resdex_paragraph_t *p = it->paragraph;
    const resdex_hit_t *hit = resdex_results_get(it->results, it->precedent);
    int found = it->status != RESDEX_CHECK_NEW && hit;
    sp_begin_map(sp);
    sp_key_int(sp, "n", (long long)it->n);
    sp_key_string(sp, "kind", resdex_kind_to_string(p->kind));
    sp_key(sp, "number");
    if (p->number > 0)
        sp_int(sp, p->number);
    else
        sp_null(sp);
    sp_key_string(sp, "item", p->item);
    sp_key_string(sp, "text", p->text);
    sp_key_string(sp, "status", resdex_check_status_to_string(it->status));
    sp_key(sp, "precedent");
    if (found)
        describe_hit(sp, it->results, it->precedent);
    else
        sp_null(sp);
    sp_key(sp, "also");
    sp_begin_list(sp);
    for (size_t i = 0; found && i < resdex_results_count(it->results); i++) {
        const resdex_hit_t *h = resdex_results_get(it->results, i);
        if (i != it->precedent && h->similarity >= 1.0 && it->status == RESDEX_CHECK_AGREED)
            sp_string(sp, h->id);
    }
    sp_end(sp);
    sp_key(sp, "similarity");
    if (found)
        sp_real(sp, describe_score(hit->similarity, 3));
    else
        sp_null(sp);
    sp_key(sp, "containment");
    if (found)
        sp_real(sp, describe_score(hit->containment, 3));
    else
        sp_null(sp);
    sp_key(sp, "diff");
    const resdex_diff_op_t *ops = NULL;
    size_t n_ops = found ? resdex_hit_diff(it->results, it->precedent, &ops) : 0;
    describe_diff(sp, ops, n_ops);
    sp_key(sp, "verb");
    if (it->verb_from || it->verb_to) {
        sp_begin_map(sp);
        sp_key_string(sp, "from", it->verb_from);
        sp_key_string(sp, "to", it->verb_to);
        sp_key_string(sp, "change", found ? resdex_verb_change_to_string(it->verb_change) : NULL);
        sp_end(sp);
    } else {
        sp_null(sp);
    }
    sp_key(sp, "qualifiers");
    sp_begin_map(sp);
    sp_key(sp, "added");
    sp_strings(sp, it->added, it->n_added);
    sp_key(sp, "dropped");
    sp_strings(sp, it->dropped, it->n_dropped);
    sp_end(sp);
    sp_key(sp, "closest");
    double best = 0;
    const char *closest = found ? NULL : resdex_results_best_rejected(it->results, &best);
    if (closest) {
        sp_begin_map(sp);
        sp_key_string(sp, "id", closest);
        sp_key(sp, "similarity");
        sp_real(sp, describe_score(best, 3));
        sp_end(sp);
    } else {
        sp_null(sp);
    }
    sp_end(sp);
}

/* --lineage --json: after the steps, the paragraph asked about itself (the
 * end of the chain the text layout shows), as a search hit with rank n + 1
 * and "lineage":"this paragraph". */
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
            sp_begin_map(sp);
            describe_hit_fields_ranked(sp, r, i, (unsigned)(n + 1));
            sp_key_string(sp, "lineage", "this paragraph");
            sp_end(sp);
            break;
        }
    }
    resdex_results_destroy(r);
    free(symbol);
}
