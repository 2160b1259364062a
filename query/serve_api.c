/* serve_api.c - resdex serve's routes; see serve_api.h. Each answer is
 * described through the output layer (sprinter.h) into a JSON tree, with
 * the describe.h functions the command line prints with, then dumped as
 * resdex prints JSON. */
#include "serve_api.h"
#include "describe.h"
#include "resdex.h"
#include "serve_assets.h"
#include "sprinter.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A few threads answer every request: a request's work is bounded, so
 * that one client cannot hold a thread long. Deeper pages than this
 * (search), and drafts of more paragraphs than this (check: one similar
 * search each), are refused. */
#define MAX_OFFSET           10000u
#define MAX_CHECK_PARAGRAPHS 500u

/* One read handle on the index. A library handle is used by one thread at
 * a time (resdex.h), so a request takes a free reader for as long as it is
 * answered; each reader opens and reopens its own handle. */
typedef struct reader {
    serve_api_t *api;
    resdex_db_t *db; /* NULL until it opens */
    int busy;
    char message[512];
} reader_t;

struct serve_api {
    char *path;
    pthread_mutex_t lock; /* guards every reader's busy */
    pthread_cond_t freed; /* a reader was given back */
    size_t n_readers;
    reader_t *readers;
};

static const char *const JSON_TYPE = "application/json";

serve_api_t *
serve_api_new(const char *db_path, size_t n_readers)
{
    serve_api_t *api = calloc(1, sizeof *api);
    if (!api)
        return NULL;
    api->n_readers = n_readers ? n_readers : 1;
    api->path = strdup(db_path);
    api->readers = calloc(api->n_readers, sizeof *api->readers);
    if (!api->path || !api->readers) {
        free(api->path);
        free(api->readers);
        free(api);
        return NULL;
    }
    for (size_t i = 0; i < api->n_readers; i++)
        api->readers[i].api = api;
    pthread_mutex_init(&api->lock, NULL);
    pthread_cond_init(&api->freed, NULL);
    return api;
}

void
serve_api_destroy(serve_api_t *api)
{
    if (!api)
        return;
    for (size_t i = 0; i < api->n_readers; i++)
        resdex_db_close(api->readers[i].db);
    pthread_cond_destroy(&api->freed);
    pthread_mutex_destroy(&api->lock);
    free(api->readers);
    free(api->path);
    free(api);
}

/* A free reader, waiting for one when every reader is busy (more requests
 * at once than readers). The first free one: under light load the same
 * handle, kept warm, answers. */
static reader_t *
reader_take(serve_api_t *api)
{
    pthread_mutex_lock(&api->lock);
    reader_t *rd = NULL;
    for (;;) {
        for (size_t i = 0; i < api->n_readers && !rd; i++)
            if (!api->readers[i].busy)
                rd = &api->readers[i];
        if (rd)
            break;
        pthread_cond_wait(&api->freed, &api->lock);
    }
    rd->busy = 1;
    pthread_mutex_unlock(&api->lock);
    return rd;
}

static void
reader_give_back(reader_t *rd)
{
    pthread_mutex_lock(&rd->api->lock);
    rd->busy = 0;
    pthread_cond_signal(&rd->api->freed);
    pthread_mutex_unlock(&rd->api->lock);
}

void
serve_response_free(serve_response_t *resp)
{
    if (resp->owned)
        free(resp->body);
    resp->body = NULL;
    resp->owned = 0;
}

static void
set_static(serve_response_t *resp, unsigned status, const char *type, const char *body)
{
    resp->status = status;
    resp->type = type;
    resp->body = (char *)body;
    resp->len = strlen(body);
    resp->owned = 0;
}

static void
out_of_memory(serve_response_t *resp)
{
    serve_response_free(resp);
    set_static(resp, 503, JSON_TYPE, "{\"error\":\"out of memory\"}\n");
}

/* Answer with value (a new reference, taken): as resdex prints JSON. */
static void
answer_json(serve_response_t *resp, unsigned status, json_t *value)
{
    char *s = value ? json_dumps(value, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6))
                    : NULL;
    json_decref(value);
    if (!s) {
        out_of_memory(resp);
        return;
    }
    size_t n = strlen(s);
    char *body = realloc(s, n + 2);
    if (!body) {
        free(s);
        out_of_memory(resp);
        return;
    }
    body[n] = '\n';
    body[n + 1] = '\0';
    resp->status = status;
    resp->type = JSON_TYPE;
    resp->body = body;
    resp->len = n + 1;
    resp->owned = 1;
}

/* {"error": message} and, when the message says "at position N", "position": N. */
static void
answer_error(serve_response_t *resp, unsigned status, const char *message)
{
    json_t *o = json_object();
    json_t *m = json_string(message);
    if (!m) /* not UTF-8: a library message quoting the input never is */
        m = json_string("the request is not valid UTF-8");
    json_object_set_new(o, "error", m);
    const char *at = strstr(message, "position ");
    if (at) {
        long pos = strtol(at + strlen("position "), NULL, 10);
        if (pos > 0)
            json_object_set_new(o, "position", json_integer(pos));
    }
    answer_json(resp, status, o);
}

/* The library's message for st on db, as an error with its status. */
static void
answer_failure(serve_response_t *resp, reader_t *rd, resdex_status_t st)
{
    const char *m = resdex_db_last_error(rd->db);
    if (!m || !*m)
        m = resdex_status_to_string(st);
    unsigned status = st == RESDEX_STATUS_BAD_QUERY || st == RESDEX_STATUS_BAD_ARGUMENT ? 400
                      : st == RESDEX_STATUS_TOO_LARGE                                   ? 413
                      : st == RESDEX_STATUS_NOT_FOUND                                   ? 404
                      : st == RESDEX_STATUS_DB_OPENING || st == RESDEX_STATUS_DB_MODIFIED ||
                              st == RESDEX_STATUS_OUT_OF_MEMORY
                          ? 503
                          : 500;
    answer_error(resp, status, m);
}

/* The index at its latest commit: opened when it was not, reopened when it
 * was. Returns NULL after answering 503. */
static resdex_db_t *
index_for(reader_t *rd, serve_response_t *resp)
{
    if (rd->db && resdex_db_reopen(rd->db) == RESDEX_STATUS_SUCCESS)
        return rd->db;
    /* Never opened, or gone (replaced, removed): open it again. */
    resdex_db_close(rd->db);
    rd->db = NULL;
    resdex_db_t *db = NULL;
    resdex_status_t st = resdex_db_open(rd->api->path, RESDEX_DB_READ_ONLY, &db);
    if (st == RESDEX_STATUS_SUCCESS) {
        rd->db = db;
        return db;
    }
    const char *m = resdex_db_last_error(db);
    snprintf(rd->message, sizeof rd->message, "the index cannot be opened: %s",
             m && *m ? m : resdex_status_to_string(st));
    resdex_db_close(db);
    answer_error(resp, 503, rd->message);
    return NULL;
}

static const char *
arg(const serve_request_t *req, const char *name)
{
    for (size_t i = 0; i < req->n_args; i++)
        if (strcmp(req->args[i].name, name) == 0)
            return req->args[i].value;
    return NULL;
}

/* A whole number argument from 0 to max (def when absent). Returns 0, or
 * -1 after answering 400. */
static int
arg_uint(const serve_request_t *req, serve_response_t *resp, const char *name, unsigned def,
         unsigned max, unsigned *out)
{
    const char *v = arg(req, name);
    *out = def;
    if (!v || !*v)
        return 0;
    char *end;
    unsigned long n = strspn(v, "0123456789") == strlen(v) ? strtoul(v, &end, 10) : max + 1UL;
    if (n > max || strlen(v) > 9) {
        char msg[128];
        snprintf(msg, sizeof msg, "%s must be a whole number from 0 to %u", name, max);
        answer_error(resp, 400, msg);
        return -1;
    }
    *out = (unsigned)n;
    return 0;
}

/* A similarity threshold argument min= from 0 to 1 (*out untouched when
 * absent). Returns 0, or -1 after answering 400. */
static int
arg_min(const serve_request_t *req, serve_response_t *resp, double *out)
{
    const char *v = arg(req, "min");
    if (!v || !*v)
        return 0;
    char *end;
    double x = strtod(v, &end);
    if (*end || !(x >= 0.0 && x <= 1.0)) {
        answer_error(resp, 400, "min must be a number from 0 to 1");
        return -1;
    }
    *out = x;
    return 0;
}

/* A yes/no argument: absent, "", "0", "false", "no" are no. */
static int
arg_flag(const serve_request_t *req, const char *name)
{
    const char *v = arg(req, name);
    return v && *v && strcmp(v, "0") != 0 && strcasecmp(v, "false") != 0 &&
           strcasecmp(v, "no") != 0;
}

/* A language code as the index has them: two or three lower-case letters. */
static int
is_lang(const char *v)
{
    size_t n = strlen(v);
    return (n == 2 || n == 3) && strspn(v, "abcdefghijklmnopqrstuvwxyz") == n;
}

/* Describe into a collecting printer and hand over the one value described
 * (a new reference; NULL when out of memory). */
typedef struct collect {
    json_t *values;
    sprinter_t *sp;
} collect_t;

static int
collect_begin(collect_t *c)
{
    c->values = json_array();
    c->sp = c->values ? sprinter_new_collect(c->values) : NULL;
    return c->sp ? 0 : -1;
}

static json_t *
collect_end(collect_t *c)
{
    json_t *v = NULL;
    if (c->sp && !sprinter_failed(c->sp))
        v = json_incref(json_array_get(c->values, 0));
    sprinter_destroy(c->sp);
    json_decref(c->values);
    return v;
}

/* Answer 200 with the value described, or 503 when it could not be. */
static void
answer_collected(serve_response_t *resp, collect_t *c)
{
    json_t *v = collect_end(c);
    if (v)
        answer_json(resp, 200, v);
    else
        out_of_memory(resp);
}

/* The JSON of v (NULL: out of memory), as resdex prints it. */
static char *
dump(const json_t *v)
{
    return json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
}

/* /api/search's answer: head's fields, the hits, then facets (or none).
 * Each hit goes in as the library writes it (what resdex search --json
 * prints), not parsed into a tree to be printed again, which took a tenth
 * of the server's time; the bytes are the same. */
static void
answer_search(serve_response_t *resp, const resdex_results_t *r, const json_t *head,
              const json_t *facets)
{
    char *body = NULL, *h = dump(head), *f = facets ? dump(facets) : NULL;
    size_t len = 0;
    FILE *m = h && (f || !facets) ? open_memstream(&body, &len) : NULL;
    int ok = m != NULL;
    if (ok) {
        /* head is a map, so its JSON ends with the '}' it loses here. */
        fwrite(h, strlen(h) - 1, 1, m);
        fputs(",\"hits\":[", m);
        for (size_t i = 0; ok && i < resdex_results_count(r); i++) {
            char *json = NULL;
            ok = resdex_results_hit_json(r, i, RESDEX_JSON_FOLD, &json) == RESDEX_STATUS_SUCCESS;
            if (ok)
                fprintf(m, "%s%s", i ? "," : "", json);
            free(json);
        }
        fputc(']', m);
        if (f)
            fprintf(m, ",\"facets\":%s", f);
        fputs("}\n", m);
        ok = !ferror(m) && ok;
    }
    if (m && fclose(m) != 0)
        ok = 0;
    free(h);
    free(f);
    if (!ok) {
        free(body);
        out_of_memory(resp);
        return;
    }
    resp->status = 200;
    resp->type = JSON_TYPE;
    resp->body = body;
    resp->len = len;
    resp->owned = 1;
}

/* GET /api/search: {"query","total","total_exact","lang","hits":[...]} and,
 * with facets=1, "facets":{"body":{..},"year":{..},"verb":{..}}. The hits
 * are resdex search --json's for the same query and options. */
static void
api_search(reader_t *rd, const serve_request_t *req, serve_response_t *resp)
{
    const char *q = arg(req, "q"), *lang = arg(req, "lang"), *sort = arg(req, "sort");
    resdex_search_options_t o;
    memset(&o, 0, sizeof o);
    if (!q || !q[strspn(q, " \t")]) {
        answer_error(resp, 400, "no query: give q, e.g. /api/search?q=prison");
        return;
    }
    if (strlen(q) > RESDEX_MAX_QUERY_BYTES) {
        char msg[96];
        snprintf(msg, sizeof msg, "the query is longer than %u bytes", RESDEX_MAX_QUERY_BYTES);
        answer_error(resp, 414, msg);
        return;
    }
    if (lang && *lang && !is_lang(lang)) {
        answer_error(resp, 400, "lang must be a language code: en, fr, es, ru, ar, zh...");
        return;
    }
    if (sort && *sort && strcmp(sort, "relevance") != 0 && strcmp(sort, "date") != 0) {
        answer_error(resp, 400, "sort must be relevance or date");
        return;
    }
    if (arg_uint(req, resp, "limit", 10, 100, &o.limit) != 0 ||
        arg_uint(req, resp, "offset", 0, MAX_OFFSET, &o.offset) != 0)
        return;
    /* lang=xx is the filter lang:xx, as the command line writes it. */
    char *query = malloc(strlen(q) + 16);
    if (!query) {
        out_of_memory(resp);
        return;
    }
    strcpy(query, q);
    if (lang && *lang)
        strcat(strcat(query, " lang:"), lang);
    o.query = query;
    o.all_kinds = arg_flag(req, "all");
    o.sort = sort && strcmp(sort, "date") == 0 ? RESDEX_SORT_DATE : RESDEX_SORT_RELEVANCE;
    o.facets = arg_flag(req, "facets");
    o.snippets = 1;
    o.hl_start = "[";
    o.hl_end = "]";
    o.snippet_bytes = arg_flag(req, "full") ? 1000000 : 0;
    o.group_by_resolution = arg_flag(req, "group");
    o.exact_total = arg_flag(req, "exact");
    resdex_db_t *db = index_for(rd, resp);
    resdex_results_t *r = NULL;
    collect_t c = {0};
    resdex_status_t st = db ? resdex_db_search(db, &o, &r) : RESDEX_STATUS_SUCCESS;
    if (!db)
        goto DONE;
    if (st != RESDEX_STATUS_SUCCESS) {
        answer_failure(resp, rd, st);
        goto DONE;
    }
    if (collect_begin(&c) != 0) {
        answer_collected(resp, &c);
        goto DONE;
    }
    sprinter_t *sp = c.sp;
    sp_begin_map(sp);
    sp_key_string(sp, "query", q);
    sp_key_int(sp, "total", (long long)resdex_results_total(r));
    sp_key(sp, "total_exact");
    sp_bool(sp, resdex_results_total_is_exact(r));
    sp_key_string(sp, "lang", resdex_results_lang(r));
    sp_key_int(sp, "offset", o.offset);
    sp_end(sp);
    json_t *head = collect_end(&c), *facets = NULL;
    if (head && o.facets && collect_begin(&c) == 0) {
        describe_facet_counts(c.sp, r);
        facets = collect_end(&c);
    }
    if (!head || (o.facets && !facets))
        out_of_memory(resp);
    else
        answer_search(resp, r, head, facets);
    json_decref(head);
    json_decref(facets);
DONE:
    resdex_results_destroy(r);
    free(query);
}

/* The part of a paragraph's id after '#'. */
static const char *
anchor_of(const resdex_hit_t *h)
{
    const char *p = strrchr(h->id, '#');
    return p ? p + 1 : "";
}

/* GET /api/show?id=SYMBOL[#ANCHOR]&lang=xx: as resdex show --json, a
 * resolution {context, "paragraphs", "footnotes"} or one paragraph (a hit). */
static void
api_show(reader_t *rd, const serve_request_t *req, serve_response_t *resp)
{
    const char *id = arg(req, "id"), *lang = arg(req, "lang");
    if (!id || !*id) {
        answer_error(resp, 400, "no id: give id=SYMBOL or id=SYMBOL%23ANCHOR");
        return;
    }
    if (lang && *lang && !is_lang(lang)) {
        answer_error(resp, 400, "lang must be a language code: en, fr, es, ru, ar, zh...");
        return;
    }
    if (strlen(id) > 1024) {
        answer_error(resp, 414, "the id is longer than 1024 bytes");
        return;
    }
    char *symbol = strdup(id);
    if (!symbol) {
        out_of_memory(resp);
        return;
    }
    char *anchor = strchr(symbol, '#');
    if (anchor)
        *anchor++ = '\0';
    resdex_results_t *r = NULL, *citing = NULL;
    resdex_db_t *db = NULL;
    collect_t c = {0};
    if (!*symbol || (anchor && !*anchor)) {
        answer_error(resp, 400, "id is not SYMBOL or SYMBOL#ANCHOR");
        goto DONE;
    }
    if (!(db = index_for(rd, resp)))
        goto DONE;
    resdex_status_t st = resdex_db_find_resolution(db, symbol, lang && *lang ? lang : NULL, &r);
    if (st != RESDEX_STATUS_SUCCESS) {
        answer_failure(resp, rd, st);
        goto DONE;
    }
    const resdex_hit_t *found = NULL;
    size_t at = 0;
    for (size_t i = 0; anchor && i < resdex_results_count(r) && !found; i++)
        if (strcasecmp(anchor_of(resdex_results_get(r, i)), anchor) == 0)
            found = resdex_results_get(r, at = i);
    if (anchor && !found) {
        snprintf(rd->message, sizeof rd->message, "%s has no paragraph %s",
                 resdex_results_get(r, 0)->resolution->symbol, anchor);
        answer_error(resp, 404, rd->message);
        goto DONE;
    }
    /* A whole resolution with who cites it, as resdex show --json. */
    if (!found && !(citing = find_citing(db, resdex_results_get(r, 0)->resolution, 5))) {
        answer_failure(resp, rd, RESDEX_STATUS_DB_OPENING);
        goto DONE;
    }
    if (collect_begin(&c) == 0 && found)
        describe_hit(c.sp, r, at);
    else if (c.sp) {
        resdex_results_t *carried = find_carried(db, resdex_results_get(r, 0)->resolution);
        describe_resolution(c.sp, r, citing, carried, 0);
        resdex_results_destroy(carried);
    }
    answer_collected(resp, &c);
DONE:
    resdex_results_destroy(citing);
    resdex_results_destroy(r);
    free(symbol);
}

/* POST /api/similar: the body is the text (or id=SYMBOL#ANCHOR names an
 * indexed paragraph; with lineage=1 its earlier versions, oldest first);
 * filters=, limit=, min=. {"total","hits":[resdex similar --json's]}. */
static void
api_similar(reader_t *rd, const serve_request_t *req, serve_response_t *resp)
{
    const char *id = arg(req, "id"), *filters = arg(req, "filters");
    int lineage = arg_flag(req, "lineage");
    resdex_similar_options_t o = {0};
    if (arg_uint(req, resp, "limit", 10, 100, &o.limit) != 0 ||
        arg_min(req, resp, &o.min_similarity) != 0)
        return;
    if (id && *id) {
        o.paragraph = id;
    } else if (lineage) {
        answer_error(resp, 400, "lineage needs id=SYMBOL%23ANCHOR");
        return;
    } else if (!req->body || !req->body_len) {
        answer_error(resp, 400, "no text: send the paragraph as the request's body, or id=");
        return;
    } else if (memchr(req->body, '\0', req->body_len)) {
        answer_error(resp, 400, "the text contains a NUL byte");
        return;
    } else {
        o.text = req->body;
    }
    o.filters = filters && *filters ? filters : NULL;
    resdex_db_t *db = index_for(rd, resp);
    if (!db)
        return;
    resdex_results_t *r = NULL;
    resdex_status_t st =
        lineage ? resdex_db_lineage(db, o.paragraph, o.filters, &r) : resdex_db_similar(db, &o, &r);
    if (st != RESDEX_STATUS_SUCCESS) {
        answer_failure(resp, rd, st);
        resdex_results_destroy(r);
        return;
    }
    collect_t c = {0};
    if (collect_begin(&c) == 0) {
        size_t n = resdex_results_count(r);
        sp_begin_map(c.sp);
        sp_key_int(c.sp, "total", (long long)resdex_results_total(r));
        sp_key(c.sp, "hits");
        sp_begin_list(c.sp);
        for (size_t i = 0; i < n; i++) {
            const resdex_hit_t *next = lineage ? resdex_results_get(r, i + 1) : NULL;
            describe_similar_hit(c.sp, r, i, !lineage ? NULL : next ? next->id : o.paragraph);
        }
        if (lineage && n > 0)
            describe_lineage_end(c.sp, db, o.paragraph, n);
        sp_end(c.sp);
        sp_end(c.sp);
    }
    answer_collected(resp, &c);
    resdex_results_destroy(r);
}

/* GET /api/stats: resdex stats --json. */
static void
api_stats(reader_t *rd, const serve_request_t *req, serve_response_t *resp)
{
    (void)req;
    resdex_db_t *db = index_for(rd, resp);
    if (!db)
        return;
    collect_t c = {0};
    resdex_status_t st = RESDEX_STATUS_OUT_OF_MEMORY;
    if (collect_begin(&c) == 0)
        st = describe_index_stats(c.sp, db);
    json_t *v = collect_end(&c);
    if (st != RESDEX_STATUS_SUCCESS) {
        json_decref(v);
        answer_failure(resp, rd, st);
    } else if (v) {
        answer_json(resp, 200, v);
    } else {
        out_of_memory(resp);
    }
}

/* GET /api/fields: the query language's fields, from the library's schema
 * (as resdex search --help lists them): [{"name","values","example","help",
 * "facet"}], so that the page's help and filters follow the parser. */
static void
api_fields(reader_t *rd, const serve_request_t *req, serve_response_t *resp)
{
    (void)rd;
    (void)req;
    collect_t c = {0};
    if (collect_begin(&c) == 0) {
        const resdex_query_field_t *f;
        sp_begin_list(c.sp);
        for (size_t i = 0; (f = resdex_query_field_at(i)); i++) {
            sp_begin_map(c.sp);
            sp_key_string(c.sp, "name", f->name);
            sp_key_string(c.sp, "values", f->values && *f->values ? f->values : NULL);
            sp_key_string(c.sp, "example", f->example);
            sp_key_string(c.sp, "help", f->help);
            sp_key_string(c.sp, "facet", f->facet);
            sp_end(c.sp);
        }
        sp_end(c.sp);
    }
    json_t *v = collect_end(&c);
    /* A list: answer_json takes any value. */
    if (v)
        answer_json(resp, 200, v);
    else
        out_of_memory(resp);
}

/* POST /api/check: the draft check of resdex check. The body is the draft
 * (text, markdown, a Word or PDF file, by its bytes); filters=, min=.
 * {"summary":{"agreed","modified","new"},"paragraphs":[resdex check
 * --json's lines]}. */
static void
api_check(reader_t *rd, const serve_request_t *req, serve_response_t *resp)
{
    const char *filters = arg(req, "filters");
    resdex_check_options_t o = {filters && *filters ? filters : NULL, 0};
    if (arg_min(req, resp, &o.min_similarity) != 0)
        return;
    if (!req->body || !req->body_len) {
        answer_error(resp, 400, "no draft: send it (text, or a Word or PDF file) as the body");
        return;
    }
    resdex_doc_t *doc = NULL;
    resdex_check_t *c = NULL;
    char *msg = NULL;
    /* The body is read as a file is: text, gzip, Word, PDF by their bytes. */
    resdex_status_t st = resdex_parse_draft("the draft", req->body, req->body_len, &doc, &msg);
    if (st != RESDEX_STATUS_SUCCESS) {
        answer_error(resp, st == RESDEX_STATUS_OUT_OF_MEMORY ? 503 : 400,
                     msg ? msg : resdex_status_to_string(st));
        free(msg);
        return;
    }
    resdex_db_t *db = index_for(rd, resp);
    if (!db)
        goto DONE;
    size_t n_paragraphs = 0;
    for (size_t i = 0; i < resdex_doc_count(doc); i++)
        n_paragraphs += resdex_doc_get(doc, i)->n_paragraphs;
    if (n_paragraphs > MAX_CHECK_PARAGRAPHS) {
        snprintf(
            rd->message, sizeof rd->message,
            "the draft has %zu paragraphs; the page checks at most %u (resdex check has no limit)",
            n_paragraphs, MAX_CHECK_PARAGRAPHS);
        answer_error(resp, 413, rd->message);
        goto DONE;
    }
    st = resdex_db_check(db, doc, &o, &c);
    if (st != RESDEX_STATUS_SUCCESS) {
        answer_failure(resp, rd, st);
        goto DONE;
    }
    collect_t col = {0};
    if (collect_begin(&col) == 0) {
        sp_begin_map(col.sp);
        sp_key(col.sp, "summary");
        sp_begin_map(col.sp);
        sp_key_int(col.sp, "agreed", (long long)resdex_check_count_status(c, RESDEX_CHECK_AGREED));
        sp_key_int(col.sp, "modified",
                   (long long)resdex_check_count_status(c, RESDEX_CHECK_MODIFIED));
        sp_key_int(col.sp, "new", (long long)resdex_check_count_status(c, RESDEX_CHECK_NEW));
        sp_end(col.sp);
        sp_key(col.sp, "paragraphs");
        sp_begin_list(col.sp);
        for (size_t i = 0; i < resdex_check_count(c); i++)
            describe_check_item(col.sp, resdex_check_get(c, i));
        sp_end(col.sp);
        sp_end(col.sp);
    }
    answer_collected(resp, &col);
DONE:
    resdex_check_destroy(c);
    resdex_doc_destroy(doc);
    free(msg);
}

typedef struct route {
    const char *path;
    const char *method; /* the one it takes (GET also answers HEAD) */
    void (*answer)(reader_t *rd, const serve_request_t *req, serve_response_t *resp);
} route_t;

static const route_t routes[] = {
    {"/api/search", "GET", api_search},    {"/api/show", "GET", api_show},
    {"/api/similar", "POST", api_similar}, {"/api/check", "POST", api_check},
    {"/api/stats", "GET", api_stats},      {"/api/fields", "GET", api_fields},
};

static int
method_is(const serve_request_t *req, const char *method)
{
    return strcmp(req->method, method) == 0 ||
           (strcmp(method, "GET") == 0 && strcmp(req->method, "HEAD") == 0);
}

static void
answer_not_allowed(serve_response_t *resp, const char *allow)
{
    char msg[96];
    snprintf(msg, sizeof msg, "this path takes %s only", allow);
    answer_error(resp, 405, msg);
    resp->allow = allow;
}

void
serve_handle(serve_api_t *api, const serve_request_t *req, serve_response_t *resp)
{
    memset(resp, 0, sizeof *resp);
    const char *path = req->path && *req->path ? req->path : "/";
    if (strncmp(path, "/api/", 5) == 0) {
        for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
            if (strcmp(path, routes[i].path) != 0)
                continue;
            if (!method_is(req, routes[i].method))
                answer_not_allowed(resp,
                                   strcmp(routes[i].method, "GET") == 0 ? "GET, HEAD" : "POST");
            else if (req->body_too_large)
                answer_error(resp, 413, "the request's body is larger than 1 MiB");
            else {
                reader_t *rd = reader_take(api);
                routes[i].answer(rd, req, resp);
                reader_give_back(rd);
            }
            return;
        }
        answer_error(resp, 404,
                     "no such API: /api/search, /api/show, /api/similar, "
                     "/api/check, /api/stats, /api/fields");
        return;
    }
    if (strcmp(path, "/") == 0)
        path = "/index.html";
    for (const serve_asset_t *a = serve_assets; a->path; a++) {
        if (strcmp(a->path, path) != 0)
            continue;
        if (!method_is(req, "GET")) {
            answer_not_allowed(resp, "GET, HEAD");
            return;
        }
        resp->status = 200;
        resp->type = a->type;
        resp->body = (char *)a->data;
        resp->len = a->len;
        resp->cache = 1;
        return;
    }
    answer_error(resp, 404, "not found");
}
