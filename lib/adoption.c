/* adoption.c - the adoption metadata of a resolution; see adoption.h. */
#include "adoption.h"

#include <ctype.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *
resdex_adoption_method_to_string(resdex_adoption_method_t method)
{
    switch (method) {
    case RESDEX_ADOPTION_CONSENSUS:
        return "without a vote";
    case RESDEX_ADOPTION_VOTE:
        return "recorded vote";
    case RESDEX_ADOPTION_UNKNOWN:
        break;
    }
    return NULL;
}

static const char *const vote_names[] = {"in_favour", "against", "abstaining"};

const char *
resdex_vote_to_string(resdex_vote_t vote)
{
    return (unsigned)vote < 3 ? vote_names[vote] : "in_favour";
}

resdex_adoption_method_t
resdex_resolution_adoption_method(const resdex_resolution_t *res)
{
    return res && res->adoption ? res->adoption->method : RESDEX_ADOPTION_UNKNOWN;
}

resdex_adoption_t *
adoption_new(arena_t *a, const char *from)
{
    resdex_adoption_t *ad = arena_alloc(a, sizeof *ad);
    if (!ad)
        return NULL;
    memset(ad, 0, sizeof *ad);
    ad->in_favour = ad->against = ad->abstaining = -1;
    ad->from = arena_strdup(a, from);
    return ad;
}

/* Room for one more item in an array of n items of `size` bytes that lives
 * in the arena: it doubles when n is 0 or a power of 2 (the old copy stays
 * in the arena until it is freed). */
static void *
grow(arena_t *a, const void *items, size_t n, size_t size)
{
    if (n != 0 && (n & (n - 1)) != 0)
        return (void *)items;
    size_t cap = n ? 2 * n : 4;
    void *p = arena_alloc(a, cap * size);
    if (p && n)
        memcpy(p, items, n * size);
    return p;
}

/* Longest list kept (sponsors, subjects, voters, warnings): above the 193
 * Member States and the observers, so that a hostile file with a million
 * names costs nothing more (the lists are searched for repeats). */
#define ADOPTION_MAX_LIST 400

static void
add_str(arena_t *a, const char *const **list, size_t *n, const char *s)
{
    if (!s || !*s || *n >= ADOPTION_MAX_LIST)
        return;
    for (size_t i = 0; i < *n; i++)
        if (strcmp((*list)[i], s) == 0)
            return;
    const char **v = grow(a, *list, *n, sizeof *v);
    const char *copy = arena_strdup(a, s);
    if (!v || !copy)
        return;
    v[(*n)++] = copy;
    *list = v;
}

void
adoption_add_sponsor(arena_t *a, resdex_adoption_t *ad, const char *name, int additional)
{
    if (additional)
        add_str(a, &ad->additional_sponsors, &ad->n_additional_sponsors, name);
    else
        add_str(a, &ad->sponsors, &ad->n_sponsors, name);
}

void
adoption_add_subject(arena_t *a, resdex_adoption_t *ad, const char *label)
{
    add_str(a, &ad->subjects, &ad->n_subjects, label);
}

void
adoption_add_sdg(arena_t *a, resdex_adoption_t *ad, int goal)
{
    for (size_t i = 0; i < ad->n_sdgs; i++)
        if (ad->sdgs[i] == goal)
            return;
    int *v = grow(a, ad->sdgs, ad->n_sdgs, sizeof *v);
    if (!v)
        return;
    v[ad->n_sdgs++] = goal;
    ad->sdgs = v;
}

void
adoption_add_voter(arena_t *a, resdex_adoption_t *ad, const char *state, resdex_vote_t vote)
{
    if (!state || !*state || ad->n_voters >= ADOPTION_MAX_LIST)
        return;
    resdex_voter_t *v = grow(a, ad->voters, ad->n_voters, sizeof *v);
    const char *copy = arena_strdup(a, state);
    if (!v || !copy)
        return;
    v[ad->n_voters].state = copy;
    v[ad->n_voters].vote = vote;
    ad->n_voters++;
    ad->voters = v;
}

void
adoption_warn(arena_t *a, resdex_adoption_t *ad, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    add_str(a, &ad->warnings, &ad->n_warnings, buf);
}

/* Member States whose names have " and " in them: a list's last " and "
 * inside one of these does not separate two sponsors. */
static const char *const compound_names[] = {"Antigua and Barbuda",
                                             "Bosnia and Herzegovina",
                                             "Saint Kitts and Nevis",
                                             "Saint Vincent and the Grenadines",
                                             "Sao Tome and Principe",
                                             "Trinidad and Tobago",
                                             "Great Britain and Northern Ireland",
                                             "Heard Island and McDonald Islands",
                                             NULL};

/* Is the " and " at s + at inside a compound name? */
static int
inside_compound(const char *s, size_t at)
{
    for (const char *const *c = compound_names; *c; c++) {
        const char *and = strstr(*c, " and ");
        size_t before = (size_t)(and-*c), len = strlen(*c);
        if (at >= before && strncasecmp(s + at - before, *c, len) == 0)
            return 1;
    }
    return 0;
}

/* One item of a list, trimmed. */
static void
add_item(arena_t *a, resdex_adoption_t *ad, const char *s, size_t n, int additional)
{
    while (n > 0 && isspace((unsigned char)*s))
        s++, n--;
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        n--;
    if (n == 0)
        return;
    char *item = arena_strndup(a, s, n);
    if (item)
        adoption_add_sponsor(a, ad, item, additional);
}

/* The last item of a list: "Ukraine and United Kingdom" is two, "Trinidad
 * and Tobago" one. */
static void
add_last_items(arena_t *a, resdex_adoption_t *ad, const char *s, size_t n, int additional)
{
    /* A loop, not a recursion per " and ": the attribute is the document's. */
    const char *p = s;
    while ((p = strstr(p, " and ")) != NULL && (size_t)(p - s) + 5 <= n) {
        size_t at = (size_t)(p - s);
        if (inside_compound(s, at)) {
            p += 5;
            continue;
        }
        add_item(a, ad, s, at, additional);
        s = p + 5;
        n -= at + 5;
        p = s;
    }
    add_item(a, ad, s, n, additional);
}

void
adoption_add_sponsor_list(arena_t *a, resdex_adoption_t *ad, const char *by, int additional)
{
    if (!by)
        return;
    while (isspace((unsigned char)*by))
        by++;
    if (!*by)
        return;
    /* An identifier: a body's reference, not a sponsor. */
    if (!strchr(by, ' ') && islower((unsigned char)*by))
        return;
    /* A description that names the sponsors ("submitted by the Chair on
     * behalf of the Commission and sponsored by Brazil, Canada, ..."): the
     * States after it are the sponsors. */
    const char *named = islower((unsigned char)*by) ? strstr(by, " sponsored by ") : NULL;
    if (named && named[14] && !islower((unsigned char)named[14])) {
        adoption_add_sponsor_list(a, ad, named + 14, additional);
        return;
    }
    /* Another description or a body's name: one sponsor, as printed. */
    if (islower((unsigned char)*by) || strncmp(by, "UN ", 3) == 0 || strncmp(by, "UN.", 3) == 0) {
        adoption_add_sponsor(a, ad, by, additional);
        return;
    }
    /* Commas outside brackets separate the items; the last " and " the last
     * two. */
    const char *start = by;
    int depth = 0;
    for (const char *p = by; *p; p++) {
        if (*p == '(')
            depth++;
        else if (*p == ')' && depth > 0)
            depth--;
        else if (*p == ',' && depth == 0) {
            add_item(a, ad, start, (size_t)(p - start), additional);
            start = p + 1;
        }
    }
    while (isspace((unsigned char)*start))
        start++;
    add_last_items(a, ad, start, strlen(start), additional);
}

int
adoption_is_empty(const resdex_adoption_t *ad)
{
    return !ad ||
           (ad->method == RESDEX_ADOPTION_UNKNOWN && ad->in_favour < 0 && ad->against < 0 &&
            ad->abstaining < 0 && !ad->draft && !ad->n_sponsors && !ad->n_additional_sponsors &&
            !ad->n_sdgs && !ad->n_subjects && !ad->n_voters && !ad->n_warnings);
}

/* ---------------------------------------------------------------------- */
/* The store's JSON                                                       */

static json_t *
strs(const char *const *v, size_t n)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < n; i++)
        json_array_append_new(arr, json_string(v[i]));
    return arr;
}

static json_t *
count(int n)
{
    return n < 0 ? json_null() : json_integer(n);
}

char *
adoption_encode(const resdex_adoption_t *ad, const char *source)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    const char *m = ad->method == RESDEX_ADOPTION_CONSENSUS ? "consensus"
                    : ad->method == RESDEX_ADOPTION_VOTE    ? "vote"
                                                            : NULL;
    json_object_set_new(o, "method", m ? json_string(m) : json_null());
    json_object_set_new(o, "in_favour", count(ad->in_favour));
    json_object_set_new(o, "against", count(ad->against));
    json_object_set_new(o, "abstaining", count(ad->abstaining));
    if (ad->draft)
        json_object_set_new(o, "draft", json_string(ad->draft));
    json_object_set_new(o, "sponsors", strs(ad->sponsors, ad->n_sponsors));
    json_object_set_new(o, "additional_sponsors",
                        strs(ad->additional_sponsors, ad->n_additional_sponsors));
    json_t *sdgs = json_array();
    for (size_t i = 0; sdgs && i < ad->n_sdgs; i++)
        json_array_append_new(sdgs, json_integer(ad->sdgs[i]));
    json_object_set_new(o, "sdgs", sdgs);
    json_object_set_new(o, "subjects", strs(ad->subjects, ad->n_subjects));
    json_t *votes = json_array();
    for (size_t i = 0; votes && i < ad->n_voters; i++)
        json_array_append_new(votes, json_pack("[si]", ad->voters[i].state, ad->voters[i].vote));
    json_object_set_new(o, "votes", votes);
    json_object_set_new(o, "warnings", strs(ad->warnings, ad->n_warnings));
    if (ad->from)
        json_object_set_new(o, "from", json_string(ad->from));
    if (source)
        json_object_set_new(o, "source", json_string(source));
    char *out = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    return out;
}

static int
get_count(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_integer(v) && json_integer_value(v) >= 0 && json_integer_value(v) < 100000
               ? (int)json_integer_value(v)
               : -1;
}

static void
get_strs(arena_t *a, json_t *o, const char *key, const char *const **list, size_t *n)
{
    json_t *arr = json_object_get(o, key);
    for (size_t i = 0; i < json_array_size(arr); i++)
        add_str(a, list, n, json_string_value(json_array_get(arr, i)));
}

resdex_adoption_t *
adoption_decode(arena_t *a, const char *json, size_t len)
{
    json_t *o = json_loadb(json, len, 0, NULL);
    if (!json_is_object(o)) {
        json_decref(o);
        return NULL;
    }
    resdex_adoption_t *ad = adoption_new(a, json_string_value(json_object_get(o, "from")));
    if (!ad) {
        json_decref(o);
        return NULL;
    }
    const char *m = json_string_value(json_object_get(o, "method"));
    ad->method = !m                            ? RESDEX_ADOPTION_UNKNOWN
                 : strcmp(m, "consensus") == 0 ? RESDEX_ADOPTION_CONSENSUS
                 : strcmp(m, "vote") == 0      ? RESDEX_ADOPTION_VOTE
                                               : RESDEX_ADOPTION_UNKNOWN;
    ad->in_favour = get_count(o, "in_favour");
    ad->against = get_count(o, "against");
    ad->abstaining = get_count(o, "abstaining");
    const char *draft = json_string_value(json_object_get(o, "draft"));
    ad->draft = draft ? arena_strdup(a, draft) : NULL;
    get_strs(a, o, "sponsors", &ad->sponsors, &ad->n_sponsors);
    get_strs(a, o, "additional_sponsors", &ad->additional_sponsors, &ad->n_additional_sponsors);
    get_strs(a, o, "subjects", &ad->subjects, &ad->n_subjects);
    get_strs(a, o, "warnings", &ad->warnings, &ad->n_warnings);
    json_t *sdgs = json_object_get(o, "sdgs");
    for (size_t i = 0; i < json_array_size(sdgs); i++) {
        json_int_t g = json_integer_value(json_array_get(sdgs, i));
        if (g >= 1 && g <= 17)
            adoption_add_sdg(a, ad, (int)g);
    }
    json_t *votes = json_object_get(o, "votes");
    for (size_t i = 0; i < json_array_size(votes); i++) {
        json_t *v = json_array_get(votes, i);
        json_int_t k = json_integer_value(json_array_get(v, 1));
        if (k >= 0 && k <= 2)
            adoption_add_voter(a, ad, json_string_value(json_array_get(v, 0)), (resdex_vote_t)k);
    }
    json_decref(o);
    return a->failed ? NULL : ad;
}

char *
adoption_source(const char *json, size_t len)
{
    json_t *o = json_loadb(json, len, 0, NULL);
    const char *s = json_string_value(json_object_get(o, "source"));
    char *out = s ? strdup(s) : NULL;
    json_decref(o);
    return out;
}
