/* check.c - the drafter's check: each paragraph of a draft against the
 * agreed language (resdex_db_check). A paragraph's precedents come from
 * resdex_db_similar; this file picks the one to cite, names the status, and
 * compares the lead verbs (verb-scale.c) and the qualifiers (qualifiers.c)
 * of the precedent and the draft. */
#include "resdex.h"
#include "arena.h"
#include "diff.h"
#include "qualifiers.h"
#include "util.h"
#include "verb-scale.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Precedents asked of similar per paragraph: enough to hold the other
 * adoptions of an agreed text, and to choose among them. */
#define CHECK_PRECEDENTS 5

/* Paragraphs of kind "other" (annex text) shorter than this are headings. */
#define CHECK_MIN_OTHER_WORDS 8

struct resdex_check {
    arena_t arena;
    resdex_check_item_t *items;
    size_t n, cap;
    resdex_results_t **results; /* items[i].results, owned */
    size_t counts[3];
};

const char *
resdex_check_status_to_string(resdex_check_status_t status)
{
    switch (status) {
    case RESDEX_CHECK_AGREED:
        return "agreed";
    case RESDEX_CHECK_MODIFIED:
        return "modified";
    case RESDEX_CHECK_NEW:
        return "new";
    }
    return "unknown";
}

const char *
resdex_verb_change_to_string(resdex_verb_change_t change)
{
    switch (change) {
    case RESDEX_VERB_SAME:
        return "same";
    case RESDEX_VERB_WEAKER:
        return "weaker";
    case RESDEX_VERB_STRONGER:
        return "stronger";
    case RESDEX_VERB_OTHER:
        return "other";
    }
    return "unknown";
}

static int
is_draft(const resdex_hit_t *h)
{
    const char *t = h->resolution->doc_type;
    return t && strstr(t, "draft") != NULL;
}

/* THE order in which check prefers one precedent to another that is as
 * close: negative when a comes first. A text adopted without a vote first
 * (agreed language), then adopted resolutions before drafts carried in
 * reports, then the newest. */
static int
precedent_order(const resdex_hit_t *a, const resdex_hit_t *b)
{
    int ca = resdex_resolution_adoption_method(a->resolution) == RESDEX_ADOPTION_CONSENSUS;
    int cb = resdex_resolution_adoption_method(b->resolution) == RESDEX_ADOPTION_CONSENSUS;
    if (ca != cb)
        return ca ? -1 : 1;
    if (is_draft(a) != is_draft(b))
        return is_draft(a) ? 1 : -1;
    const char *da = a->resolution->date ? a->resolution->date : "";
    const char *db = b->resolution->date ? b->resolution->date : "";
    return -strcmp(da, db);
}

/* The hit to cite: the best by similar's ranking, and among the hits that
 * are exactly as close (the same text adopted several times, similarity 1),
 * the first by precedent_order. */
static size_t
pick_precedent(const resdex_results_t *r)
{
    const resdex_hit_t *first = resdex_results_get(r, 0);
    size_t pick = 0;
    for (size_t i = 1; i < resdex_results_count(r); i++) {
        const resdex_hit_t *h = resdex_results_get(r, i);
        if (h->similarity != first->similarity)
            break;
        if (precedent_order(h, resdex_results_get(r, pick)) < 0)
            pick = i;
    }
    return pick;
}

/* The filters for a paragraph's precedents: the draft's own, and its
 * language when the reader knew one other than English (a French draft is
 * compared with French paragraphs; similar would take any Latin-script text
 * for English, and English, Cyrillic, Arabic and Chinese it tells itself).
 * NULL only when out of memory or there are none. */
static const char *
with_language(resdex_check_t *c, const char *filters, const char *lang)
{
    if (!lang || !strcmp(lang, "en") || (filters && strstr(filters, "lang:")))
        return filters;
    size_t n = (filters ? strlen(filters) : 0) + strlen(lang) + 8;
    char *buf = malloc(n);
    if (!buf)
        return NULL;
    snprintf(buf, n, "%s%slang:%s", filters ? filters : "", filters && *filters ? " " : "", lang);
    char *kept = arena_strdup(&c->arena, buf);
    free(buf);
    return kept;
}

static int
checked(const resdex_paragraph_t *p, const diff_text_t *t)
{
    if (diff_text_words(t) == 0)
        return 0;
    return p->kind != RESDEX_KIND_OTHER || diff_text_words(t) >= CHECK_MIN_OTHER_WORDS;
}

static resdex_check_item_t *
add_item(resdex_check_t *c)
{
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 32;
        resdex_check_item_t *it = realloc(c->items, cap * sizeof *it);
        if (!it)
            return NULL;
        c->items = it;
        resdex_results_t **r = realloc(c->results, cap * sizeof *r);
        if (!r)
            return NULL;
        c->results = r;
        c->cap = cap;
    }
    resdex_check_item_t *item = &c->items[c->n];
    memset(item, 0, sizeof *item);
    c->results[c->n] = NULL;
    c->n++;
    return item;
}

/* Verb and qualifiers of the draft paragraph against the precedent. */
static int
compare_wording(resdex_check_t *c, resdex_check_item_t *item, const diff_text_t *draft,
                const char *lang)
{
    const resdex_hit_t *hit = resdex_results_get(item->results, item->precedent);
    const char *text = hit->paragraph->text;
    diff_text_t *old_text = diff_text_new(text, strlen(text));
    if (!old_text)
        return -1;
    int preambular = item->paragraph->kind == RESDEX_KIND_PREAMBULAR;
    const char *hit_lang = hit->resolution->lang ? hit->resolution->lang : lang;
    verb_lead_t from, to;
    int rf = verb_lead(old_text, hit_lang, preambular, hit->paragraph->verb, &c->arena, &from);
    int rt = verb_lead(draft, lang, preambular, item->paragraph->verb, &c->arena, &to);
    qualifier_change_t q;
    int rq = qualifiers_compare(old_text, draft, lang, &c->arena, &q);
    diff_text_free(old_text);
    if (rf < 0 || rt < 0 || rq < 0)
        return -1;
    item->verb_from = rf ? from.phrase : NULL;
    item->verb_to = rt ? to.phrase : NULL;
    item->verb_change = rf && rt ? verb_compare(&from, &to) : RESDEX_VERB_OTHER;
    item->n_added = q.n_added;
    item->added = q.added;
    item->n_dropped = q.n_dropped;
    item->dropped = q.dropped;
    return 0;
}

static resdex_status_t
check_paragraph(resdex_db_t *db, resdex_check_t *c, const resdex_check_options_t *o,
                const resdex_resolution_t *res, const resdex_paragraph_t *p)
{
    diff_text_t *t = diff_text_new(p->text, strlen(p->text));
    if (!t)
        return RESDEX_STATUS_OUT_OF_MEMORY;
    resdex_status_t st = RESDEX_STATUS_SUCCESS;
    if (!checked(p, t))
        goto DONE;
    resdex_check_item_t *item = add_item(c);
    if (!item) {
        st = RESDEX_STATUS_OUT_OF_MEMORY;
        goto DONE;
    }
    item->n = c->n;
    item->resolution = res;
    item->paragraph = p;
    resdex_similar_options_t so = {0};
    so.text = p->text;
    so.filters = with_language(c, o ? o->filters : NULL, res->lang);
    if (!so.filters && o && o->filters) {
        st = RESDEX_STATUS_OUT_OF_MEMORY;
        goto DONE;
    }
    so.limit = CHECK_PRECEDENTS;
    so.min_similarity = o ? o->min_similarity : 0;
    resdex_results_t *r = NULL;
    st = resdex_db_similar(db, &so, &r);
    if (st != RESDEX_STATUS_SUCCESS)
        goto DONE;
    c->results[c->n - 1] = r;
    item->results = r;
    if (resdex_results_count(r) == 0) {
        item->status = RESDEX_CHECK_NEW;
        verb_lead_t to;
        int rt =
            verb_lead(t, res->lang, p->kind == RESDEX_KIND_PREAMBULAR, p->verb, &c->arena, &to);
        if (rt < 0)
            st = RESDEX_STATUS_OUT_OF_MEMORY;
        item->verb_to = rt > 0 ? to.phrase : NULL;
    } else {
        item->precedent = pick_precedent(r);
        item->status = resdex_results_get(r, item->precedent)->similarity >= 1.0
                           ? RESDEX_CHECK_AGREED
                           : RESDEX_CHECK_MODIFIED;
        const char *lang = res->lang ? res->lang : resdex_results_get(r, 0)->resolution->lang;
        if (compare_wording(c, item, t, lang) != 0)
            st = RESDEX_STATUS_OUT_OF_MEMORY;
    }
    c->counts[item->status]++;
DONE:
    diff_text_free(t);
    return st;
}

resdex_status_t
resdex_db_check(resdex_db_t *db, const resdex_doc_t *draft, const resdex_check_options_t *options,
                resdex_check_t **check)
{
    db_error_clear(db);
    if (check)
        *check = NULL;
    if (!db || !draft || !check)
        return db_error_end(db, RESDEX_STATUS_BAD_ARGUMENT);
    resdex_check_t *c = calloc(1, sizeof *c);
    if (!c)
        return db_error_end(db, RESDEX_STATUS_OUT_OF_MEMORY);
    arena_init(&c->arena);
    resdex_status_t st = RESDEX_STATUS_SUCCESS;
    for (size_t i = 0; i < resdex_doc_count(draft) && st == RESDEX_STATUS_SUCCESS; i++) {
        const resdex_resolution_t *res = resdex_doc_get(draft, i);
        for (size_t k = 0; k < res->n_paragraphs && st == RESDEX_STATUS_SUCCESS; k++)
            st = check_paragraph(db, c, options, res, &res->paragraphs[k]);
    }
    if (st != RESDEX_STATUS_SUCCESS) {
        resdex_check_destroy(c);
        return db_error_end(db, st);
    }
    *check = c;
    return db_error_end(db, st);
}

size_t
resdex_check_count(const resdex_check_t *check)
{
    return check ? check->n : 0;
}

const resdex_check_item_t *
resdex_check_get(const resdex_check_t *check, size_t i)
{
    return check && i < check->n ? &check->items[i] : NULL;
}

size_t
resdex_check_count_status(const resdex_check_t *check, resdex_check_status_t status)
{
    return check && (unsigned)status < 3 ? check->counts[status] : 0;
}

void
resdex_check_destroy(resdex_check_t *check)
{
    if (!check)
        return;
    for (size_t i = 0; i < check->n; i++)
        resdex_results_destroy(check->results[i]);
    free(check->items);
    free(check->results);
    arena_free(&check->arena);
    free(check);
}
