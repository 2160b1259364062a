/* describe.c - the JSON of resdex's objects (a hit, a resolution, a checked
 * paragraph): the shapes of DESIGN.md section 5, described once here for
 * every front end (resdex and resdex serve print them, the Python bindings
 * parse them). Each object is built as a jansson tree, keys in the order of
 * the contract, then dumped as resdex prints a line of JSON. */
#include "resdex.h"
#include "util.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The description being built: the first failure is kept (later calls do
 * nothing useful but are harmless: jansson takes NULL values and parents). */
typedef struct desc {
    resdex_status_t st;
} desc_t;

static void
failed(desc_t *d, resdex_status_t st)
{
    if (d->st == RESDEX_STATUS_SUCCESS)
        d->st = st;
}

/* Set o[key] to v (a new reference, NULL after a failure: given up). */
static void
set(desc_t *d, json_t *o, const char *key, json_t *v)
{
    if (!v || json_object_set_new(o, key, v) != 0)
        failed(d, RESDEX_STATUS_OUT_OF_MEMORY);
}

static void
append(desc_t *d, json_t *list, json_t *v)
{
    if (!v || json_array_append_new(list, v) != 0)
        failed(d, RESDEX_STATUS_OUT_OF_MEMORY);
}

/* A string, null for NULL. The library's texts are UTF-8 (the readers check
 * it): a string that is not is BAD_UTF8, not printed half-right. */
static json_t *
string(desc_t *d, const char *s)
{
    if (!s)
        return json_null();
    json_t *v = json_string(s);
    if (!v)
        failed(d, util_utf8_valid(s, strlen(s), NULL, NULL) ? RESDEX_STATUS_OUT_OF_MEMORY
                                                            : RESDEX_STATUS_BAD_UTF8);
    return v;
}

static void
set_string(desc_t *d, json_t *o, const char *key, const char *s)
{
    set(d, o, key, string(d, s));
}

/* A key only when the value is known (the optional context fields). */
static void
set_if(desc_t *d, json_t *o, const char *key, const char *s)
{
    if (s)
        set_string(d, o, key, s);
}

/* A count, null when negative (not given). */
static json_t *
count(int n)
{
    return n >= 0 ? json_integer(n) : json_null();
}

static json_t *
strings(desc_t *d, const char *const *items, size_t n)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < n; i++)
        append(d, list, string(d, items[i]));
    return list;
}

/* A file name (a resolution's "source"), escaped as resdex_name_escape says. */
static json_t *
name(desc_t *d, const char *file)
{
    if (!file)
        return json_null();
    char *escaped = resdex_name_escape(file);
    json_t *v = escaped ? json_string(escaped) : NULL;
    if (!v)
        failed(d, RESDEX_STATUS_OUT_OF_MEMORY);
    free(escaped);
    return v;
}

/* How it was adopted, when the source says anything of it: "adoption"
 * {method, in_favour, against, abstaining, from, warnings}, "draft",
 * "sponsors", "additional_sponsors", "sdgs", "subjects". */
static void
adoption_fields(desc_t *d, json_t *o, const resdex_adoption_t *ad)
{
    if (!ad)
        return;
    json_t *a = json_object();
    set_string(d, a, "method", resdex_adoption_method_to_string(ad->method));
    set(d, a, "in_favour", count(ad->in_favour));
    set(d, a, "against", count(ad->against));
    set(d, a, "abstaining", count(ad->abstaining));
    set_if(d, a, "from", ad->from);
    if (ad->n_warnings)
        set(d, a, "warnings", strings(d, ad->warnings, ad->n_warnings));
    set(d, o, "adoption", a);
    set_string(d, o, "draft", ad->draft);
    set(d, o, "sponsors", strings(d, ad->sponsors, ad->n_sponsors));
    set(d, o, "additional_sponsors",
        strings(d, ad->additional_sponsors, ad->n_additional_sponsors));
    json_t *sdgs = json_array();
    for (size_t i = 0; sdgs && i < ad->n_sdgs; i++)
        append(d, sdgs, json_integer(ad->sdgs[i]));
    set(d, o, "sdgs", sdgs);
    set(d, o, "subjects", strings(d, ad->subjects, ad->n_subjects));
}

/* "symbol","number","body","title","date","lang","source", the optional
 * context when known, then the adoption's keys. */
static void
context_fields(desc_t *d, json_t *o, const resdex_resolution_t *res)
{
    set_string(d, o, "symbol", res->symbol);
    set_string(d, o, "number", res->number);
    set_string(d, o, "body", res->body);
    set_string(d, o, "title", res->title);
    set_string(d, o, "date", res->date);
    set_string(d, o, "lang", res->lang);
    set(d, o, "source", name(d, res->source));
    set_if(d, o, "doc_type", res->doc_type);
    set_if(d, o, "session", res->session);
    set_if(d, o, "agenda_item", res->agenda_item);
    set_if(d, o, "meeting", res->meeting);
    set_if(d, o, "recommended_by", res->recommended_by);
    set_if(d, o, "recommends_to", res->recommends_to);
    adoption_fields(d, o, res->adoption);
}

/* show --votes: [{"state","vote"}], empty unless a recorded vote. */
static json_t *
votes(desc_t *d, const resdex_adoption_t *ad)
{
    json_t *list = json_array();
    for (size_t i = 0; list && ad && i < ad->n_voters; i++) {
        json_t *v = json_object();
        set_string(d, v, "state", ad->voters[i].state);
        set_string(d, v, "vote", resdex_vote_to_string(ad->voters[i].vote));
        append(d, list, v);
    }
    return list;
}

/* "kind","number","item","verb","text", and "article" in an annexed
 * convention. */
static void
paragraph_fields(desc_t *d, json_t *o, const resdex_paragraph_t *par)
{
    set_string(d, o, "kind", resdex_kind_to_string(par->kind));
    set(d, o, "number", par->number > 0 ? json_integer(par->number) : json_null());
    set_string(d, o, "item", par->item);
    set_string(d, o, "verb", par->verb);
    set_string(d, o, "text", par->text);
    if (par->article > 0)
        set(d, o, "article", json_integer(par->article));
}

/* {"mark","text"}, and "resolved" for an "Ibid." (the reference it repeats). */
static json_t *
footnote(desc_t *d, const resdex_footnote_t *note)
{
    json_t *f = json_object();
    set_string(d, f, "mark", note->mark);
    set_string(d, f, "text", note->text);
    set_if(d, f, "resolved", note->resolved);
    return f;
}

/* "cite": how the paragraph is cited (a record of an older index has none:
 * the resolution and the operative number, as resdex_cite gives them). */
static void
cite_field(desc_t *d, json_t *o, const resdex_resolution_t *res, const resdex_paragraph_t *p)
{
    char cite[512];
    if (!p->cite)
        resdex_cite(res, p, 0, cite, sizeof cite);
    set_string(d, o, "cite", p->cite ? p->cite : cite);
}

/* A paragraph of a whole resolution (parse, show): {kind, number, item, verb,
 * text, ["id",] footnotes: [marks], tags, cites}; with an id (show), also
 * "cite" and "lead_in". */
static json_t *
paragraph_in_order(desc_t *d, const resdex_resolution_t *res, const resdex_paragraph_t *p,
                   const char *id)
{
    json_t *o = json_object();
    paragraph_fields(d, o, p);
    if (id)
        set_string(d, o, "id", id);
    set(d, o, "footnotes", strings(d, p->marks, p->n_marks));
    set(d, o, "tags", strings(d, p->tags, p->n_tags));
    set(d, o, "cites", strings(d, p->cites, p->n_cites));
    if (id) {
        cite_field(d, o, res, p);
        set_string(d, o, "lead_in", p->lead_in);
    }
    return o;
}

/* "adopted_as" (the symbol adopted from hit i's resolution when it is a
 * draft, else null) and "from" (the drafts it was adopted from). */
static void
provenance_fields(desc_t *d, json_t *o, const resdex_results_t *results, size_t i)
{
    set_string(d, o, "adopted_as", resdex_hit_adopted_as(results, i));
    const char *const *from = NULL;
    size_t n = resdex_hit_from(results, i, &from);
    set(d, o, "from", strings(d, from, n));
}

/* Hit i's own keys: "rank","score","id","resolution","paragraph",
 * "footnotes","tags","cites","cite". */
static void
hit_fields(desc_t *d, json_t *o, const resdex_results_t *results, size_t i)
{
    const resdex_hit_t *hit = resdex_results_get(results, i);
    set(d, o, "rank", json_integer(hit->rank));
    set(d, o, "score", json_real(hit->score));
    set_string(d, o, "id", hit->id);
    json_t *res = json_object();
    context_fields(d, res, hit->resolution);
    provenance_fields(d, res, results, i);
    set(d, o, "resolution", res);
    json_t *par = json_object();
    paragraph_fields(d, par, hit->paragraph);
    set_string(d, par, "snippet", hit->snippet);
    set_string(d, par, "lead_in", hit->paragraph->lead_in);
    set(d, o, "paragraph", par);
    json_t *notes = json_array();
    for (size_t k = 0; notes && k < hit->n_footnotes; k++)
        append(d, notes, footnote(d, &hit->footnotes[k]));
    set(d, o, "footnotes", notes);
    set(d, o, "tags", strings(d, hit->paragraph->tags, hit->paragraph->n_tags));
    set(d, o, "cites", strings(d, hit->paragraph->cites, hit->paragraph->n_cites));
    cite_field(d, o, hit->resolution, hit->paragraph);
}

/* "also": [{"id","cite","punctuation_differs"}] (the paragraphs folded into
 * the hit) and
 * "cited_by" (how many resolutions cite its resolution). */
static void
fold_fields(desc_t *d, json_t *o, const resdex_hit_t *hit)
{
    json_t *also = json_array();
    for (size_t i = 0; also && i < hit->n_also; i++) {
        json_t *a = json_object();
        set_string(d, a, "id", hit->also[i].id);
        set_string(d, a, "cite", hit->also[i].cite);
        set(d, a, "punctuation_differs", json_boolean(hit->also[i].punctuation_differs));
        append(d, also, a);
    }
    set(d, o, "also", also);
    set(d, o, "cited_by", json_integer(hit->cited_by));
}

/* [{"op":"equal|insert|delete","text"}] */
static json_t *
diff(desc_t *d, const resdex_diff_op_t *ops, size_t n)
{
    json_t *list = json_array();
    for (size_t k = 0; list && k < n; k++) {
        json_t *op = json_object();
        set_string(d, op, "op", resdex_diff_kind_to_string(ops[k].op));
        set_string(d, op, "text", ops[k].text);
        append(d, list, op);
    }
    return list;
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
similarity_fields(desc_t *d, json_t *o, const resdex_results_t *results, size_t i)
{
    const resdex_hit_t *hit = resdex_results_get(results, i);
    const resdex_diff_op_t *ops = NULL;
    size_t n = resdex_hit_diff(results, i, &ops);
    set(d, o, "similarity", json_real(resdex_score_round(hit->similarity, 3)));
    set(d, o, "containment", json_real(resdex_score_round(hit->containment, 3)));
    if (hit->newer)
        set(d, o, "newer", json_true());
    set(d, o, "diff", diff(d, ops, n));
}

/* Dump the description v (consumed) into *json_out: the status. */
static resdex_status_t
finish(desc_t *d, json_t *v, char **json_out)
{
    *json_out = NULL;
    if (!v)
        failed(d, RESDEX_STATUS_OUT_OF_MEMORY);
    if (d->st == RESDEX_STATUS_SUCCESS &&
        !(*json_out = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6))))
        failed(d, RESDEX_STATUS_OUT_OF_MEMORY);
    json_decref(v);
    return d->st;
}

static json_t *
hit(desc_t *d, const resdex_results_t *results, size_t i, unsigned flags)
{
    json_t *o = json_object();
    hit_fields(d, o, results, i);
    if (flags & RESDEX_JSON_FOLD)
        fold_fields(d, o, resdex_results_get(results, i));
    if (flags & RESDEX_JSON_SIMILARITY)
        similarity_fields(d, o, results, i);
    if (flags & RESDEX_JSON_VOTES)
        set(d, o, "votes", votes(d, resdex_results_get(results, i)->resolution->adoption));
    return o;
}

resdex_status_t
resdex_results_hit_json(const resdex_results_t *results, size_t i, unsigned flags, char **json_out)
{
    if (!json_out)
        return RESDEX_STATUS_BAD_ARGUMENT;
    *json_out = NULL;
    if (!resdex_results_get(results, i))
        return RESDEX_STATUS_BAD_ARGUMENT;
    desc_t d = {RESDEX_STATUS_SUCCESS};
    return finish(&d, hit(&d, results, i, flags), json_out);
}

resdex_status_t
resdex_resolution_json(const resdex_resolution_t *res, char **json_out)
{
    if (!json_out)
        return RESDEX_STATUS_BAD_ARGUMENT;
    *json_out = NULL;
    if (!res)
        return RESDEX_STATUS_BAD_ARGUMENT;
    desc_t d = {RESDEX_STATUS_SUCCESS};
    json_t *o = json_object();
    context_fields(&d, o, res);
    json_t *pars = json_array();
    for (size_t i = 0; pars && i < res->n_paragraphs; i++)
        append(&d, pars, paragraph_in_order(&d, res, &res->paragraphs[i], NULL));
    set(&d, o, "paragraphs", pars);
    json_t *notes = json_array();
    for (size_t i = 0; notes && i < res->n_footnotes; i++)
        append(&d, notes, footnote(&d, &res->footnotes[i]));
    set(&d, o, "footnotes", notes);
    /* Only for a Word file with tracked changes (read as accepted). */
    if (res->tracked_changes)
        set(&d, o, "tracked_changes", json_true());
    return finish(&d, o, json_out);
}

/* The footnotes of a whole resolution: every hit's, once each (by mark and
 * text), in order. */
static json_t *
collected_footnotes(desc_t *d, const resdex_results_t *r)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < resdex_results_count(r); i++) {
        const resdex_hit_t *h = resdex_results_get(r, i);
        for (size_t k = 0; k < h->n_footnotes; k++) {
            const resdex_footnote_t *f = &h->footnotes[k];
            int seen = 0;
            for (size_t j = 0; j < json_array_size(list) && !seen; j++) {
                const json_t *g = json_array_get(list, j);
                seen = !strcmp(json_string_value(json_object_get(g, "mark")), f->mark) &&
                       !strcmp(json_string_value(json_object_get(g, "text")), f->text);
            }
            if (!seen)
                append(d, list, footnote(d, f));
        }
    }
    return list;
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
    desc_t d = {RESDEX_STATUS_SUCCESS};
    json_t *o = json_object();
    context_fields(&d, o, first->resolution);
    provenance_fields(&d, o, results, 0);
    if (flags & RESDEX_JSON_VOTES)
        set(&d, o, "votes", votes(&d, first->resolution->adoption));
    json_t *pars = json_array();
    for (size_t i = 0; pars && i < resdex_results_count(results); i++) {
        const resdex_hit_t *h = resdex_results_get(results, i);
        append(&d, pars, paragraph_in_order(&d, h->resolution, h->paragraph, h->id));
    }
    set(&d, o, "paragraphs", pars);
    set(&d, o, "footnotes", collected_footnotes(&d, results));
    if (citing) {
        /* "cited_by": how many resolutions cite it; "citing": the first of
         * them (newest first), a paragraph each. */
        set(&d, o, "cited_by", json_integer((json_int_t)resdex_results_total(citing)));
        json_t *list = json_array();
        for (size_t i = 0; list && i < resdex_results_count(citing); i++) {
            const resdex_hit_t *h = resdex_results_get(citing, i);
            json_t *c = json_object();
            set_string(&d, c, "id", h->id);
            set_string(&d, c, "text", h->snippet ? h->snippet : h->paragraph->text);
            append(&d, list, c);
        }
        set(&d, o, "citing", list);
    }
    /* "carries": the draft it carries for another body, and what that
     * became; null when it carries none. */
    json_t *carries = json_null();
    if (carried && resdex_results_count(carried)) {
        carries = json_object();
        set_string(&d, carries, "symbol", resdex_results_get(carried, 0)->resolution->symbol);
        set_string(&d, carries, "adopted_as", resdex_hit_adopted_as(carried, 0));
    }
    set(&d, o, "carries", carries);
    return finish(&d, o, json_out);
}

resdex_status_t
resdex_check_item_json(const resdex_check_item_t *it, char **json_out)
{
    if (!json_out)
        return RESDEX_STATUS_BAD_ARGUMENT;
    *json_out = NULL;
    if (!it || !it->paragraph)
        return RESDEX_STATUS_BAD_ARGUMENT;
    desc_t d = {RESDEX_STATUS_SUCCESS};
    const resdex_paragraph_t *p = it->paragraph;
    const resdex_hit_t *prec = resdex_results_get(it->results, it->precedent);
    int found = it->status != RESDEX_CHECK_NEW && prec;
    json_t *o = json_object();
    set(&d, o, "n", json_integer((json_int_t)it->n));
    set_string(&d, o, "kind", resdex_kind_to_string(p->kind));
    set(&d, o, "number", p->number > 0 ? json_integer(p->number) : json_null());
    set_string(&d, o, "item", p->item);
    set_string(&d, o, "text", p->text);
    set_string(&d, o, "status", resdex_check_status_to_string(it->status));
    set(&d, o, "precedent",
        found ? hit(&d, it->results, it->precedent, RESDEX_JSON_FOLD) : json_null());
    /* Agreed: the other places the same text was adopted. */
    json_t *also = json_array();
    for (size_t i = 0; also && found && i < resdex_results_count(it->results); i++) {
        const resdex_hit_t *h = resdex_results_get(it->results, i);
        if (i != it->precedent && h->similarity >= 1.0 && it->status == RESDEX_CHECK_AGREED)
            append(&d, also, string(&d, h->id));
    }
    set(&d, o, "also", also);
    set(&d, o, "similarity",
        found ? json_real(resdex_score_round(prec->similarity, 3)) : json_null());
    set(&d, o, "containment",
        found ? json_real(resdex_score_round(prec->containment, 3)) : json_null());
    const resdex_diff_op_t *ops = NULL;
    size_t n_ops = found ? resdex_hit_diff(it->results, it->precedent, &ops) : 0;
    set(&d, o, "diff", diff(&d, ops, n_ops));
    if (it->verb_from || it->verb_to) {
        json_t *verb = json_object();
        set_string(&d, verb, "from", it->verb_from);
        set_string(&d, verb, "to", it->verb_to);
        set_string(&d, verb, "change",
                   found ? resdex_verb_change_to_string(it->verb_change) : NULL);
        set(&d, o, "verb", verb);
    } else {
        set(&d, o, "verb", json_null());
    }
    json_t *q = json_object();
    set(&d, q, "added", strings(&d, it->added, it->n_added));
    set(&d, q, "dropped", strings(&d, it->dropped, it->n_dropped));
    set(&d, o, "qualifiers", q);
    /* New: how close the best candidate came. */
    double best = 0;
    const char *closest = found ? NULL : resdex_results_best_rejected(it->results, &best);
    if (closest) {
        json_t *c = json_object();
        set_string(&d, c, "id", closest);
        set(&d, c, "similarity", json_real(resdex_score_round(best, 3)));
        set(&d, o, "closest", c);
    } else {
        set(&d, o, "closest", json_null());
    }
    return finish(&d, o, json_out);
}

/* ------------------------------------------------------------------------ */
/* resdex stats                                                             */

/* What a callback of the listing calls fills: the object or list being
 * made, and the description (a failure to add stops the listing). */
typedef struct listing {
    desc_t *d;
    json_t *v;
} listing_t;

static int
add_count(const char *value, uint64_t n, void *ctx)
{
    listing_t *l = ctx;
    set(l->d, l->v, value, json_integer((json_int_t)n));
    return l->d->st != RESDEX_STATUS_SUCCESS;
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
    listing_t *l = ctx;
    json_t *r = json_object();
    set(l->d, r, "file", name(l->d, e->path));
    set_string(l->d, r, "since", e->since);
    set_string(l->d, r, "reason", e->reason ? e->reason : "");
    append(l->d, l->v, r);
    return l->d->st != RESDEX_STATUS_SUCCESS;
}

static int
add_shadowed(const resdex_copy_t *c, void *ctx)
{
    listing_t *l = ctx;
    json_t *s = json_object();
    set_string(l->d, s, "symbol", c->symbol);
    set_string(l->d, s, "lang", c->lang);
    set(l->d, s, "file", name(l->d, c->shadowed));
    set(l->d, s, "kept", name(l->d, c->kept));
    append(l->d, l->v, s);
    return l->d->st != RESDEX_STATUS_SUCCESS;
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
        failed(d, st);
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
    desc_t d = {RESDEX_STATUS_SUCCESS};
    /* First what may be missing (its call's message is not kept), then what
     * must be there: a failure of those leaves its message on db. */
    resdex_progress_t p;
    int running = resdex_db_get_progress(db, &p) == RESDEX_STATUS_SUCCESS;
    char *last_update = meta(db, RESDEX_META_LAST_UPDATE), *corpus = meta(db, RESDEX_META_CORPUS);
    uint64_t bytes = 0;
    if (resdex_db_disk_bytes(db, &bytes) != RESDEX_STATUS_SUCCESS)
        bytes = 0;
    db_error_clear(db);
    json_t *o = json_object();
    set(&d, o, "index", name(&d, resdex_db_path(db)));
    set(&d, o, "corpus", name(&d, corpus));
    set_string(&d, o, "last_update", last_update);
    free(corpus);
    free(last_update);
    set(&d, o, "index_bytes", json_integer((json_int_t)bytes));
    resdex_db_counts_t counts = {0};
    uint64_t files = 0;
    listed(&d, resdex_db_get_counts(db, &counts));
    if (d.st == RESDEX_STATUS_SUCCESS)
        listed(&d, resdex_db_list_files(db, RESDEX_FILE_INDEXED, NULL, count_file, &files));
    set(&d, o, "files", json_integer((json_int_t)files));
    set(&d, o, "resolutions", json_integer((json_int_t)counts.resolutions));
    set(&d, o, "paragraphs", json_integer((json_int_t)counts.paragraphs));
    static const char *const facets[] = {"kind", "lang", "body"};
    static const char *const keys[] = {"by_kind", "by_lang", "by_body"};
    for (int i = 0; i < 3; i++) {
        listing_t l = {&d, json_object()};
        if (d.st == RESDEX_STATUS_SUCCESS)
            listed(&d,
                   resdex_db_facet_counts(db, facets[i], i == 2 ? add_body_count : add_count, &l));
        set(&d, o, keys[i], l.v);
    }
    listing_t rejected = {&d, json_array()};
    if (d.st == RESDEX_STATUS_SUCCESS)
        listed(&d, resdex_db_list_files(db, RESDEX_FILE_REJECTED, NULL, add_rejected, &rejected));
    set(&d, o, "rejected", rejected.v);
    listing_t shadowed = {&d, json_array()};
    if (d.st == RESDEX_STATUS_SUCCESS)
        listed(&d, resdex_db_list_shadowed(db, add_shadowed, &shadowed));
    set(&d, o, "shadowed", shadowed.v);
    if (running) {
        json_t *q = json_object();
        set_string(&d, q, "state", p.building ? "building" : "reconciling");
        set(&d, q, "files_done", json_integer((json_int_t)p.files_done));
        set(&d, q, "files_total", json_integer((json_int_t)p.files_total));
        set(&d, q, "paragraphs", json_integer((json_int_t)p.paragraphs));
        set(&d, q, "eta_seconds", p.eta_seconds >= 0 ? json_integer(p.eta_seconds) : json_null());
        set(&d, o, "progress", q);
    }
    return db_error_end(db, finish(&d, o, json_out));
}
