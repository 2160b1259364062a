/* describe.c - the JSON of resdex's objects (a hit, a resolution, a checked
 * paragraph): the shapes of DESIGN.md section 5, described once here for
 * every front end (resdex and resdex serve print them, the Python bindings
 * parse them). Each object is written as it is made (jsonw.h), keys in the
 * order of the contract: one line of JSON, as resdex prints it. */
#include "resdex.h"
#include "jsonw.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Every description is written as it is made (jsonw.h): keys in the order
 * of the contract, the first failure kept. */
typedef jsonw_t desc_t;

/* "key": a string, null for NULL. The library's texts are UTF-8 (the
 * readers check it): a string that is not is BAD_UTF8, not printed
 * half-right. */
static void
set_string(desc_t *d, const char *key, const char *s)
{
    jsonw_key(d, key);
    jsonw_string(d, s);
}

/* A key only when the value is known (the optional context fields). */
static void
set_if(desc_t *d, const char *key, const char *s)
{
    if (s)
        set_string(d, key, s);
}

static void
set_integer(desc_t *d, const char *key, int64_t n)
{
    jsonw_key(d, key);
    jsonw_integer(d, n);
}

/* A count, null when negative (not given). */
static void
set_count(desc_t *d, const char *key, int n)
{
    jsonw_key(d, key);
    if (n >= 0)
        jsonw_integer(d, n);
    else
        jsonw_null(d);
}

/* A number, null when not positive (a paragraph's number, article). */
static void
set_positive(desc_t *d, const char *key, int n)
{
    set_count(d, key, n > 0 ? n : -1);
}

static void
set_real(desc_t *d, const char *key, double x)
{
    jsonw_key(d, key);
    jsonw_real(d, x);
}

static void
set_strings(desc_t *d, const char *key, const char *const *items, size_t n)
{
    jsonw_key(d, key);
    jsonw_array(d);
    for (size_t i = 0; i < n; i++)
        jsonw_string(d, items[i]);
    jsonw_end(d);
}

/* A file name (a resolution's "source"), escaped as resdex_name_escape says. */
static void
set_name(desc_t *d, const char *key, const char *file)
{
    jsonw_key(d, key);
    if (!file) {
        jsonw_null(d);
        return;
    }
    char *escaped = resdex_name_escape(file);
    if (!escaped)
        jsonw_fail(d, RESDEX_STATUS_OUT_OF_MEMORY);
    jsonw_string(d, escaped);
    free(escaped);
}

/* How it was adopted, when the source says anything of it: "adoption"
 * {method, in_favour, against, abstaining, from, warnings}, "draft",
 * "sponsors", "additional_sponsors", "sdgs", "subjects". */
static void
adoption_fields(desc_t *d, const resdex_adoption_t *ad)
{
    if (!ad)
        return;
    jsonw_key(d, "adoption");
    jsonw_object(d);
    set_string(d, "method", resdex_adoption_method_to_string(ad->method));
    set_count(d, "in_favour", ad->in_favour);
    set_count(d, "against", ad->against);
    set_count(d, "abstaining", ad->abstaining);
    set_if(d, "from", ad->from);
    if (ad->n_warnings)
        set_strings(d, "warnings", ad->warnings, ad->n_warnings);
    jsonw_end(d);
    set_string(d, "draft", ad->draft);
    set_strings(d, "sponsors", ad->sponsors, ad->n_sponsors);
    set_strings(d, "additional_sponsors", ad->additional_sponsors, ad->n_additional_sponsors);
    jsonw_key(d, "sdgs");
    jsonw_array(d);
    for (size_t i = 0; i < ad->n_sdgs; i++)
        jsonw_integer(d, ad->sdgs[i]);
    jsonw_end(d);
    set_strings(d, "subjects", ad->subjects, ad->n_subjects);
}

/* "symbol","number","body","title","date","lang","source", the optional
 * context when known, then the adoption's keys. */
static void
context_fields(desc_t *d, const resdex_resolution_t *res)
{
    set_string(d, "symbol", res->symbol);
    set_string(d, "number", res->number);
    set_string(d, "body", res->body);
    set_string(d, "title", res->title);
    set_string(d, "date", res->date);
    set_string(d, "lang", res->lang);
    set_name(d, "source", res->source);
    set_if(d, "doc_type", res->doc_type);
    set_if(d, "session", res->session);
    set_if(d, "agenda_item", res->agenda_item);
    set_if(d, "meeting", res->meeting);
    set_if(d, "recommended_by", res->recommended_by);
    set_if(d, "recommends_to", res->recommends_to);
    adoption_fields(d, res->adoption);
}

/* show --votes: "votes": [{"state","vote"}], empty unless a recorded vote. */
static void
votes(desc_t *d, const resdex_adoption_t *ad)
{
    jsonw_key(d, "votes");
    jsonw_array(d);
    for (size_t i = 0; ad && i < ad->n_voters; i++) {
        jsonw_object(d);
        set_string(d, "state", ad->voters[i].state);
        set_string(d, "vote", resdex_vote_to_string(ad->voters[i].vote));
        jsonw_end(d);
    }
    jsonw_end(d);
}

/* "kind","number","item","verb","text", and "article" in an annexed
 * convention. */
static void
paragraph_fields(desc_t *d, const resdex_paragraph_t *par)
{
    set_string(d, "kind", resdex_kind_to_string(par->kind));
    set_positive(d, "number", par->number);
    set_string(d, "item", par->item);
    set_string(d, "verb", par->verb);
    set_string(d, "text", par->text);
    if (par->article > 0)
        set_integer(d, "article", par->article);
}

/* {"mark","text"}, and "resolved" for an "Ibid." (the reference it repeats). */
static void
footnote(desc_t *d, const resdex_footnote_t *note)
{
    jsonw_object(d);
    set_string(d, "mark", note->mark);
    set_string(d, "text", note->text);
    set_if(d, "resolved", note->resolved);
    jsonw_end(d);
}

/* "cite": how the paragraph is cited (a record of an older index has none:
 * the resolution and the operative number, as resdex_cite gives them). */
static void
cite_field(desc_t *d, const resdex_resolution_t *res, const resdex_paragraph_t *p)
{
    char cite[512];
    if (!p->cite)
        resdex_cite(res, p, 0, cite, sizeof cite);
    set_string(d, "cite", p->cite ? p->cite : cite);
}

/* A paragraph of a whole resolution (parse, show): {kind, number, item, verb,
 * text, ["id",] footnotes: [marks], tags, cites}; with an id (show), also
 * "cite" and "lead_in". */
static void
paragraph_in_order(desc_t *d, const resdex_resolution_t *res, const resdex_paragraph_t *p,
                   const char *id)
{
    jsonw_object(d);
    paragraph_fields(d, p);
    if (id)
        set_string(d, "id", id);
    set_strings(d, "footnotes", p->marks, p->n_marks);
    set_strings(d, "tags", p->tags, p->n_tags);
    set_strings(d, "cites", p->cites, p->n_cites);
    if (id) {
        cite_field(d, res, p);
        set_string(d, "lead_in", p->lead_in);
    }
    jsonw_end(d);
}

/* "adopted_as" (the symbol adopted from hit i's resolution when it is a
 * draft, else null) and "from" (the drafts it was adopted from). */
static void
provenance_fields(desc_t *d, const resdex_results_t *results, size_t i)
{
    set_string(d, "adopted_as", resdex_hit_adopted_as(results, i));
    const char *const *from = NULL;
    size_t n = resdex_hit_from(results, i, &from);
    set_strings(d, "from", from, n);
}

/* Hit i's own keys: "rank","score","id","resolution","paragraph",
 * "footnotes","tags","cites","cite". */
static void
hit_fields(desc_t *d, const resdex_results_t *results, size_t i)
{
    const resdex_hit_t *hit = resdex_results_get(results, i);
    set_integer(d, "rank", hit->rank);
    set_real(d, "score", hit->score);
    set_string(d, "id", hit->id);
    jsonw_key(d, "resolution");
    jsonw_object(d);
    context_fields(d, hit->resolution);
    provenance_fields(d, results, i);
    jsonw_end(d);
    jsonw_key(d, "paragraph");
    jsonw_object(d);
    paragraph_fields(d, hit->paragraph);
    set_string(d, "snippet", hit->snippet);
    set_string(d, "lead_in", hit->paragraph->lead_in);
    jsonw_end(d);
    jsonw_key(d, "footnotes");
    jsonw_array(d);
    for (size_t k = 0; k < hit->n_footnotes; k++)
        footnote(d, &hit->footnotes[k]);
    jsonw_end(d);
    set_strings(d, "tags", hit->paragraph->tags, hit->paragraph->n_tags);
    set_strings(d, "cites", hit->paragraph->cites, hit->paragraph->n_cites);
    cite_field(d, hit->resolution, hit->paragraph);
}

/* "also": [{"id","cite","punctuation_differs"}] (the paragraphs folded into
 * the hit) and
 * "cited_by" (how many resolutions cite its resolution). */
static void
fold_fields(desc_t *d, const resdex_hit_t *hit)
{
    jsonw_key(d, "also");
    jsonw_array(d);
    for (size_t i = 0; i < hit->n_also; i++) {
        jsonw_object(d);
        set_string(d, "id", hit->also[i].id);
        set_string(d, "cite", hit->also[i].cite);
        jsonw_key(d, "punctuation_differs");
        jsonw_bool(d, hit->also[i].punctuation_differs);
        jsonw_end(d);
    }
    jsonw_end(d);
    set_integer(d, "cited_by", hit->cited_by);
}

/* "diff": [{"op":"equal|insert|delete","text"}] */
static void
diff(desc_t *d, const resdex_diff_op_t *ops, size_t n)
{
    jsonw_key(d, "diff");
    jsonw_array(d);
    for (size_t k = 0; k < n; k++) {
        jsonw_object(d);
        set_string(d, "op", resdex_diff_kind_to_string(ops[k].op));
        set_string(d, "text", ops[k].text);
        jsonw_end(d);
    }
    jsonw_end(d);
}

double
resdex_score_round(double score, int decimals)
{
    double scale = decimals == 2 ? 100.0 : 1000.0;
    double r = floor(score * scale + 0.5) / scale;
    /* Only the exact reuse is 1: 0.9996 shows as 0.999 (0.99). */
    if (score < 1.0 && r >= 1.0)
        r = (scale - 1.0) / scale;
    return r;
}

/* A similar hit's keys: "similarity", "containment", "newer" (only when
 * true), "diff". */
static void
similarity_fields(desc_t *d, const resdex_results_t *results, size_t i)
{
    const resdex_hit_t *hit = resdex_results_get(results, i);
    const resdex_diff_op_t *ops = NULL;
    size_t n = resdex_hit_diff(results, i, &ops);
    set_real(d, "similarity", resdex_score_round(hit->similarity, 3));
    set_real(d, "containment", resdex_score_round(hit->containment, 3));
    if (hit->newer) {
        jsonw_key(d, "newer");
        jsonw_bool(d, 1);
    }
    diff(d, ops, n);
}

static void
hit(desc_t *d, const resdex_results_t *results, size_t i, unsigned flags)
{
    jsonw_object(d);
    hit_fields(d, results, i);
    if (flags & RESDEX_JSON_FOLD)
        fold_fields(d, resdex_results_get(results, i));
    if (flags & RESDEX_JSON_SIMILARITY)
        similarity_fields(d, results, i);
    if (flags & RESDEX_JSON_VOTES)
        votes(d, resdex_results_get(results, i)->resolution->adoption);
    jsonw_end(d);
}

resdex_status_t
resdex_results_hit_json(const resdex_results_t *results, size_t i, unsigned flags, char **json_out)
{
    if (!json_out)
        return RESDEX_STATUS_BAD_ARGUMENT;
    *json_out = NULL;
    if (!resdex_results_get(results, i))
        return RESDEX_STATUS_BAD_ARGUMENT;
    desc_t d;
    jsonw_init(&d);
    hit(&d, results, i, flags);
    return jsonw_finish(&d, json_out);
}

resdex_status_t
resdex_resolution_json(const resdex_resolution_t *res, char **json_out)
{
    if (!json_out)
        return RESDEX_STATUS_BAD_ARGUMENT;
    *json_out = NULL;
    if (!res)
        return RESDEX_STATUS_BAD_ARGUMENT;
    desc_t d;
    jsonw_init(&d);
    jsonw_object(&d);
    context_fields(&d, res);
    jsonw_key(&d, "paragraphs");
    jsonw_array(&d);
    for (size_t i = 0; i < res->n_paragraphs; i++)
        paragraph_in_order(&d, res, &res->paragraphs[i], NULL);
    jsonw_end(&d);
    jsonw_key(&d, "footnotes");
    jsonw_array(&d);
    for (size_t i = 0; i < res->n_footnotes; i++)
        footnote(&d, &res->footnotes[i]);
    jsonw_end(&d);
    /* Only for a Word file with tracked changes (read as accepted). */
    if (res->tracked_changes) {
        jsonw_key(&d, "tracked_changes");
        jsonw_bool(&d, 1);
    }
    jsonw_end(&d);
    return jsonw_finish(&d, json_out);
}

/* Was footnote k of hit i listed already (the same mark and text in an
 * earlier place)? */
static int
listed_before(const resdex_results_t *r, size_t i, size_t k)
{
    const resdex_footnote_t *f = &resdex_results_get(r, i)->footnotes[k];
    for (size_t j = 0; j <= i; j++) {
        const resdex_hit_t *h = resdex_results_get(r, j);
        for (size_t m = 0; m < (j == i ? k : h->n_footnotes); m++)
            if (!strcmp(h->footnotes[m].mark, f->mark) && !strcmp(h->footnotes[m].text, f->text))
                return 1;
    }
    return 0;
}

/* The footnotes of a whole resolution: every hit's, once each (by mark and
 * text), in order. */
static void
collected_footnotes(desc_t *d, const resdex_results_t *r)
{
    jsonw_key(d, "footnotes");
    jsonw_array(d);
    for (size_t i = 0; i < resdex_results_count(r); i++) {
        const resdex_hit_t *h = resdex_results_get(r, i);
        for (size_t k = 0; k < h->n_footnotes; k++)
            if (!listed_before(r, i, k))
                footnote(d, &h->footnotes[k]);
    }
    jsonw_end(d);
}

resdex_status_t
resdex_results_resolution_json(const resdex_results_t *results, const resdex_results_t *citing,
                               const resdex_results_t *carried, unsigned flags, char **json_out)
{
    if (!json_out)
        return RESDEX_STATUS_BAD_ARGUMENT;
    *json_out = NULL;
    const resdex_hit_t *first = resdex_results_get(results, 0);
    if (!first)
        return RESDEX_STATUS_BAD_ARGUMENT;
    desc_t d;
    jsonw_init(&d);
    jsonw_object(&d);
    context_fields(&d, first->resolution);
    provenance_fields(&d, results, 0);
    if (flags & RESDEX_JSON_VOTES)
        votes(&d, first->resolution->adoption);
    jsonw_key(&d, "paragraphs");
    jsonw_array(&d);
    for (size_t i = 0; i < resdex_results_count(results); i++) {
        const resdex_hit_t *h = resdex_results_get(results, i);
        paragraph_in_order(&d, h->resolution, h->paragraph, h->id);
    }
    jsonw_end(&d);
    collected_footnotes(&d, results);
    if (citing) {
        /* "cited_by": how many resolutions cite it; "citing": the first of
         * them (newest first), a paragraph each. */
        set_integer(&d, "cited_by", (int64_t)resdex_results_total(citing));
        jsonw_key(&d, "citing");
        jsonw_array(&d);
        for (size_t i = 0; i < resdex_results_count(citing); i++) {
            const resdex_hit_t *h = resdex_results_get(citing, i);
            jsonw_object(&d);
            set_string(&d, "id", h->id);
            set_string(&d, "text", h->snippet ? h->snippet : h->paragraph->text);
            jsonw_end(&d);
        }
        jsonw_end(&d);
    }
    /* "carries": the draft it carries for another body, and what that
     * became; null when it carries none. */
    jsonw_key(&d, "carries");
    if (carried && resdex_results_count(carried)) {
        jsonw_object(&d);
        set_string(&d, "symbol", resdex_results_get(carried, 0)->resolution->symbol);
        set_string(&d, "adopted_as", resdex_hit_adopted_as(carried, 0));
        jsonw_end(&d);
    } else {
        jsonw_null(&d);
    }
    jsonw_end(&d);
    return jsonw_finish(&d, json_out);
}

resdex_status_t
resdex_check_item_json(const resdex_check_item_t *it, char **json_out)
{
    if (!json_out)
        return RESDEX_STATUS_BAD_ARGUMENT;
    *json_out = NULL;
    if (!it || !it->paragraph)
        return RESDEX_STATUS_BAD_ARGUMENT;
    desc_t d;
    jsonw_init(&d);
    const resdex_paragraph_t *p = it->paragraph;
    const resdex_hit_t *prec = resdex_results_get(it->results, it->precedent);
    int found = it->status != RESDEX_CHECK_NEW && prec;
    jsonw_object(&d);
    set_integer(&d, "n", (int64_t)it->n);
    set_string(&d, "kind", resdex_kind_to_string(p->kind));
    set_positive(&d, "number", p->number);
    set_string(&d, "item", p->item);
    set_string(&d, "text", p->text);
    set_string(&d, "status", resdex_check_status_to_string(it->status));
    jsonw_key(&d, "precedent");
    if (found)
        hit(&d, it->results, it->precedent, RESDEX_JSON_FOLD);
    else
        jsonw_null(&d);
    /* Agreed: the other places the same text was adopted. */
    jsonw_key(&d, "also");
    jsonw_array(&d);
    for (size_t i = 0; found && i < resdex_results_count(it->results); i++) {
        const resdex_hit_t *h = resdex_results_get(it->results, i);
        if (i != it->precedent && h->similarity >= 1.0 && it->status == RESDEX_CHECK_AGREED)
            jsonw_string(&d, h->id);
    }
    jsonw_end(&d);
    jsonw_key(&d, "similarity");
    if (found)
        jsonw_real(&d, resdex_score_round(prec->similarity, 3));
    else
        jsonw_null(&d);
    jsonw_key(&d, "containment");
    if (found)
        jsonw_real(&d, resdex_score_round(prec->containment, 3));
    else
        jsonw_null(&d);
    const resdex_diff_op_t *ops = NULL;
    size_t n_ops = found ? resdex_hit_diff(it->results, it->precedent, &ops) : 0;
    diff(&d, ops, n_ops);
    jsonw_key(&d, "verb");
    if (it->verb_from || it->verb_to) {
        jsonw_object(&d);
        set_string(&d, "from", it->verb_from);
        set_string(&d, "to", it->verb_to);
        set_string(&d, "change", found ? resdex_verb_change_to_string(it->verb_change) : NULL);
        jsonw_end(&d);
    } else {
        jsonw_null(&d);
    }
    jsonw_key(&d, "qualifiers");
    jsonw_object(&d);
    set_strings(&d, "added", it->added, it->n_added);
    set_strings(&d, "dropped", it->dropped, it->n_dropped);
    jsonw_end(&d);
    /* New: how close the best candidate came. */
    double best = 0;
    const char *closest = found ? NULL : resdex_results_best_rejected(it->results, &best);
    jsonw_key(&d, "closest");
    if (closest) {
        jsonw_object(&d);
        set_string(&d, "id", closest);
        set_real(&d, "similarity", resdex_score_round(best, 3));
        jsonw_end(&d);
    } else {
        jsonw_null(&d);
    }
    jsonw_end(&d);
    return jsonw_finish(&d, json_out);
}

/* ------------------------------------------------------------------------ */
/* resdex stats                                                             */

/* What a callback of the listing calls writes into: the description (a
 * failure stops the listing). */
static int
add_count(const char *value, uint64_t n, void *ctx)
{
    desc_t *d = ctx;
    set_integer(d, value, (int64_t)n);
    return d->st != RESDEX_STATUS_SUCCESS;
}

/* The bodies, as everywhere else: GA, ECOSOC, CCPCJ, CND. */
static int
add_body_count(const char *value, uint64_t n, void *ctx)
{
    char upper[64];
    snprintf(upper, sizeof upper, "%s", value);
    for (char *p = upper; *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = (char)(*p - 'a' + 'A');
    return add_count(upper, n, ctx);
}

static int
count_file(const resdex_file_entry_t *e, void *ctx)
{
    (void)e;
    (*(uint64_t *)ctx)++;
    return 0;
}

static int
add_rejected(const resdex_file_entry_t *e, void *ctx)
{
    desc_t *d = ctx;
    jsonw_object(d);
    set_name(d, "file", e->path);
    set_string(d, "since", e->since);
    set_string(d, "reason", e->reason ? e->reason : "");
    jsonw_end(d);
    return d->st != RESDEX_STATUS_SUCCESS;
}

static int
add_shadowed(const resdex_copy_t *c, void *ctx)
{
    desc_t *d = ctx;
    jsonw_object(d);
    set_string(d, "symbol", c->symbol);
    set_string(d, "lang", c->lang);
    set_name(d, "file", c->shadowed);
    set_name(d, "kept", c->kept);
    jsonw_end(d);
    return d->st != RESDEX_STATUS_SUCCESS;
}

/* A metadata value, NULL when not there (or not readable: stats says "-"). */
static char *
meta(resdex_db_t *db, const char *key)
{
    char *v = NULL;
    return resdex_db_read_metadata(db, key, &v) == RESDEX_STATUS_SUCCESS ? v : NULL;
}

/* The first failure of the listing calls: theirs, else the description's. */
static resdex_status_t
listed(desc_t *d, resdex_status_t st)
{
    if (st != RESDEX_STATUS_SUCCESS)
        jsonw_fail(d, st);
    return d->st;
}

resdex_status_t
resdex_db_stats_json(resdex_db_t *db, char **json_out)
{
    db_error_clear(db);
    if (json_out)
        *json_out = NULL;
    if (!db || !json_out)
        return db_error_end(db, RESDEX_STATUS_BAD_ARGUMENT);
    desc_t d;
    jsonw_init(&d);
    /* First what may be missing (its call's message is not kept), then what
     * must be there: a failure of those leaves its message on db. */
    resdex_progress_t p;
    int running = resdex_db_get_progress(db, &p) == RESDEX_STATUS_SUCCESS;
    char *last_update = meta(db, RESDEX_META_LAST_UPDATE), *corpus = meta(db, RESDEX_META_CORPUS);
    uint64_t bytes = 0;
    if (resdex_db_disk_bytes(db, &bytes) != RESDEX_STATUS_SUCCESS)
        bytes = 0;
    db_error_clear(db);
    jsonw_object(&d);
    set_name(&d, "index", resdex_db_path(db));
    set_name(&d, "corpus", corpus);
    set_string(&d, "last_update", last_update);
    free(corpus);
    free(last_update);
    set_integer(&d, "index_bytes", (int64_t)bytes);
    resdex_db_counts_t counts = {0};
    uint64_t files = 0;
    listed(&d, resdex_db_get_counts(db, &counts));
    if (d.st == RESDEX_STATUS_SUCCESS)
        listed(&d, resdex_db_list_files(db, RESDEX_FILE_INDEXED, NULL, count_file, &files));
    set_integer(&d, "files", (int64_t)files);
    set_integer(&d, "resolutions", (int64_t)counts.resolutions);
    set_integer(&d, "paragraphs", (int64_t)counts.paragraphs);
    static const char *const facets[] = {"kind", "lang", "body"};
    static const char *const keys[] = {"by_kind", "by_lang", "by_body"};
    for (int i = 0; i < 3; i++) {
        jsonw_key(&d, keys[i]);
        jsonw_object(&d);
        if (d.st == RESDEX_STATUS_SUCCESS)
            listed(&d,
                   resdex_db_facet_counts(db, facets[i], i == 2 ? add_body_count : add_count, &d));
        jsonw_end(&d);
    }
    jsonw_key(&d, "rejected");
    jsonw_array(&d);
    if (d.st == RESDEX_STATUS_SUCCESS)
        listed(&d, resdex_db_list_files(db, RESDEX_FILE_REJECTED, NULL, add_rejected, &d));
    jsonw_end(&d);
    jsonw_key(&d, "shadowed");
    jsonw_array(&d);
    if (d.st == RESDEX_STATUS_SUCCESS)
        listed(&d, resdex_db_list_shadowed(db, add_shadowed, &d));
    jsonw_end(&d);
    if (running) {
        jsonw_key(&d, "progress");
        jsonw_object(&d);
        set_string(&d, "state", p.building ? "building" : "reconciling");
        set_integer(&d, "files_done", (int64_t)p.files_done);
        set_integer(&d, "files_total", (int64_t)p.files_total);
        set_integer(&d, "paragraphs", (int64_t)p.paragraphs);
        jsonw_key(&d, "eta_seconds");
        if (p.eta_seconds >= 0)
            jsonw_integer(&d, p.eta_seconds);
        else
            jsonw_null(&d);
        jsonw_end(&d);
    }
    jsonw_end(&d);
    return db_error_end(db, jsonw_finish(&d, json_out));
}
