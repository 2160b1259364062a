/* cmd_search.c - resdex search: ranked operative paragraphs, each with its
 * resolution's context and the footnotes it carries. Also --count, --facets
 * and --batch (one JSON object per query line, for scripts). */
#include "args.h"
#include "batch.h"
#include "commands.h"
#include "hitprint.h"
#include "json.h"
#include "layout.h"
#include "resdex.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage_text[] =
    "usage: resdex [--db DIR] search [OPTIONS] QUERY...\n"
    "       resdex [--db DIR] QUERY...\n"
    "       resdex [--db DIR] search --batch [OPTIONS] < QUERIES\n"
    "\n"
    "Ranked operative paragraphs, with their resolution and footnotes.\n"
    "  --json            JSON Lines, one object per hit\n"
    "  --limit N         at most N hits (default 10; 0 to 100000)\n"
    "  --offset N        skip the first N hits\n"
    "  --all             every kind of paragraph, not only operative ones\n"
    "  --sort relevance|date   by relevance (ties: newest first), or newest first\n"
    "  --full            the whole paragraph, not a snippet\n"
    "  --group           one hit per resolution: its best paragraph\n"
    "  --count           only the number of matching paragraphs\n"
    "  --facets          only the counts of matches by body, year and verb\n"
    "  --batch           one query per line on standard input, one JSON line each:\n"
    "                    {\"query\",\"total\",\"hits\":[...]} or {\"query\",\"error\"}\n"
    "Query: words (all must match), \"exact phrases\", AND OR NOT, NEAR, prefix*, and\n"
    "filters body:ecosoc year:2017 year:2015..2023 symbol:2017/19 kind:operative\n"
    "verb:encourages tag:... lang:fr cites:70/174 (see resdex(1)).\n"
    "exit status: 0 found, 1 nothing found, 2 error\n";

typedef struct search_args {
    int json, all, full, group, count, facets, batch;
    unsigned limit, offset;
    resdex_sort_t sort;
    char *query; /* malloc()ed: the words joined by spaces */
} search_args_t;

static int
parse_unsigned(const char *opt, const char *s, unsigned max, unsigned *out)
{
    char *end = NULL;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || end == s || *end || *s == '-' || v > max) {
        fprintf(stderr, "resdex search: %s wants a whole number from 0 to %u, not '%s'\n", opt, max,
                s);
        return -1;
    }
    *out = (unsigned)v;
    return 0;
}

/* Options may come anywhere among the words (a word such as -prison, NOT
 * prison, starts with '-', so getopt is not used); "--" ends them. Returns
 * -1 after a message, 1 for --help, 0 otherwise. */
static int
parse_args(int argc, char **argv, search_args_t *a)
{
    int words_only = 0;
    a->limit = 10;
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        if (words_only || strncmp(s, "--", 2) != 0) {
            if (!words_only && (strcmp(s, "-h") == 0))
                return 1;
            if (args_join(&a->query, s) != 0) {
                fprintf(stderr, "resdex search: out of memory\n");
                return -1;
            }
            continue;
        }
        if (strcmp(s, "--") == 0) {
            words_only = 1;
            continue;
        }
        const char *eq = strchr(s, '=');
        size_t name_len = eq ? (size_t)(eq - s) : strlen(s);
        char name[32];
        if (name_len >= sizeof name)
            name_len = sizeof name - 1;
        memcpy(name, s, name_len);
        name[name_len] = '\0';
        const char *value = NULL;
        if (!strcmp(name, "--limit") || !strcmp(name, "--offset") || !strcmp(name, "--sort")) {
            if (!(value = args_value("search", name, eq, argc, argv, &i)))
                return -1;
        } else if (eq) {
            fprintf(stderr, "resdex search: %s takes no value\n", name);
            return -1;
        }
        if (!strcmp(name, "--limit")) {
            if (parse_unsigned("--limit", value, 100000, &a->limit) != 0)
                return -1;
        } else if (!strcmp(name, "--offset")) {
            if (parse_unsigned("--offset", value, 1000000, &a->offset) != 0)
                return -1;
        } else if (!strcmp(name, "--sort")) {
            if (!strcmp(value, "relevance"))
                a->sort = RESDEX_SORT_RELEVANCE;
            else if (!strcmp(value, "date"))
                a->sort = RESDEX_SORT_DATE;
            else {
                fprintf(stderr, "resdex search: --sort is relevance or date, not '%s'\n", value);
                return -1;
            }
        } else if (!strcmp(name, "--json")) {
            a->json = 1;
        } else if (!strcmp(name, "--all")) {
            a->all = 1;
        } else if (!strcmp(name, "--full")) {
            a->full = 1;
        } else if (!strcmp(name, "--group")) {
            a->group = 1;
        } else if (!strcmp(name, "--count")) {
            a->count = 1;
        } else if (!strcmp(name, "--facets")) {
            a->facets = 1;
        } else if (!strcmp(name, "--batch")) {
            a->batch = 1;
        } else if (!strcmp(name, "--help")) {
            return 1;
        } else {
            fprintf(stderr, "resdex search: unknown option '%s' (see resdex search --help)\n", s);
            return -1;
        }
    }
    if (a->count && a->facets) {
        fprintf(stderr, "resdex search: --count and --facets do not go together\n");
        return -1;
    }
    if (a->batch) {
        if (a->query) {
            fprintf(stderr, "resdex search: --batch reads its queries from standard input, one a "
                            "line; give no query on the command line\n");
            return -1;
        }
        if (a->count || a->facets) {
            fprintf(stderr, "resdex search: --batch answers with hits and totals; it takes no "
                            "--count or --facets\n");
            return -1;
        }
        return 0;
    }
    if (!a->query || !a->query[strspn(a->query, " \t")]) {
        fprintf(stderr, "resdex search: no query (usage: resdex search [OPTIONS] QUERY...)\n");
        return -1;
    }
    return 0;
}

static void
options_for(const search_args_t *a, const layout_t *l, const char *query,
            resdex_search_options_t *o)
{
    memset(o, 0, sizeof *o);
    o->query = query;
    o->offset = a->offset;
    o->limit = a->count || a->facets ? 0 : a->limit;
    o->all_kinds = a->all;
    o->sort = a->sort;
    o->facets = a->facets;
    o->snippets = 1;
    /* JSON keeps the library's plain markers; the terminal gets colour. */
    o->hl_start = a->json || a->batch ? "[" : l->mark_on;
    o->hl_end = a->json || a->batch ? "]" : l->mark_off;
    o->snippet_bytes = a->full ? 1000000 : 0;
    o->group_by_resolution = a->group;
}

/* The library's message for a failed call on db, prefixed for the user. */
static void
report(resdex_db_t *db, resdex_status_t st)
{
    const char *m = resdex_db_last_error(db);
    fprintf(stderr, "resdex search: %s\n", m && *m ? m : resdex_status_to_string(st));
}

typedef struct facet_ctx {
    json_t *obj; /* JSON: {"value": count, ...} */
    FILE *out;   /* text: "value count" list */
    const layout_t *l;
    int n;
} facet_ctx_t;

static int
facet_cb(const char *value, uint64_t count, void *ctx)
{
    facet_ctx_t *f = ctx;
    if (f->obj) {
        json_object_set_new(f->obj, value, json_integer((json_int_t)count));
    } else {
        fprintf(f->out, "%s%s %s(%llu)%s", f->n ? ", " : "  ", value, f->l->dim,
                (unsigned long long)count, f->l->reset);
    }
    f->n++;
    return 0;
}

static int
print_facets(const resdex_results_t *r, const char *query, int json, const layout_t *l, FILE *out)
{
    static const char *const names[] = {"body", "year", "verb"};
    if (json) {
        json_t *o = json_object();
        json_t *fo = json_object();
        json_object_set_new(o, "query", json_string(query));
        json_object_set_new(o, "total", json_integer((json_int_t)resdex_results_total(r)));
        for (size_t i = 0; i < 3; i++) {
            facet_ctx_t f = {json_object(), NULL, l, 0};
            resdex_results_facets(r, names[i], facet_cb, &f);
            json_object_set_new(fo, names[i], f.obj);
        }
        json_object_set_new(o, "facets", fo);
        int rc = json_print_line(o, out);
        json_decref(o);
        return rc;
    }
    fprintf(out, "%s%llu matching paragraphs%s\n", l->bold,
            (unsigned long long)resdex_results_total(r), l->reset);
    for (size_t i = 0; i < 3; i++) {
        fprintf(out, "%s:\n", names[i]);
        facet_ctx_t f = {NULL, out, l, 0};
        resdex_results_facets(r, names[i], facet_cb, &f);
        fputc('\n', out);
    }
    return ferror(out) ? -1 : 0;
}

/* --batch: each line a query, with the command line's options. */
typedef struct search_batch {
    const search_args_t *a;
    const layout_t *l;
} search_batch_t;

static resdex_status_t
search_line(resdex_db_t *db, const char *line, void *ctx, resdex_results_t **results)
{
    const search_batch_t *b = ctx;
    resdex_search_options_t o;
    options_for(b->a, b->l, line, &o);
    return resdex_db_search(db, &o, results);
}

static json_t *
search_hit(const resdex_results_t *results, size_t i)
{
    return json_hit(resdex_results_get(results, i));
}

int
cmd_search(const global_options_t *g, int argc, char **argv)
{
    search_args_t a = {0};
    int status = EXIT_ERROR;
    resdex_db_t *db = NULL;
    resdex_results_t *r = NULL;
    layout_t l;
    layout_init(&l);

    int rc = parse_args(argc, argv, &a);
    if (rc != 0) {
        if (rc > 0) {
            fputs(usage_text, stdout);
            status = EXIT_FOUND;
        }
        goto DONE;
    }
    if (!(db = open_index(g, "search")))
        goto DONE;
    if (a.batch) {
        search_batch_t b = {&a, &l};
        status = batch_run(db, "search", "query", search_line, search_hit, &b);
        goto DONE;
    }
    resdex_search_options_t o;
    options_for(&a, &l, a.query, &o);
    resdex_status_t st = resdex_db_search(db, &o, &r);
    if (st != RESDEX_STATUS_SUCCESS) {
        report(db, st);
        goto DONE;
    }
    uint64_t total = resdex_results_total(r);
    size_t n = resdex_results_count(r);
    if (a.count) {
        if (a.json) {
            json_t *jo = json_pack("{s:s, s:I}", "query", a.query, "total", (json_int_t)total);
            rc = json_print_line(jo, stdout);
            json_decref(jo);
        } else {
            rc = printf("%llu\n", (unsigned long long)total) < 0 ? -1 : 0;
        }
    } else if (a.facets) {
        rc = print_facets(r, a.query, a.json, &l, stdout);
    } else if (a.json) {
        rc = 0;
        for (size_t i = 0; i < n && rc == 0; i++) {
            json_t *jo = json_hit(resdex_results_get(r, i));
            rc = json_print_line(jo, stdout);
            json_decref(jo);
        }
    } else {
        for (size_t i = 0; i < n; i++)
            print_hit(resdex_results_get(r, i), &l, i ? "\n" : "", stdout);
        if (n && (uint64_t)a.offset + n < total)
            fprintf(stdout, "\n%shits %u to %zu of %llu; --offset %zu for more%s\n", l.dim,
                    a.offset + 1, (size_t)a.offset + n, (unsigned long long)total,
                    (size_t)a.offset + n, l.reset);
        rc = ferror(stdout) ? -1 : 0;
    }
    if (rc != 0 || fflush(stdout) != 0) {
        fprintf(stderr, "resdex search: cannot write the output\n");
        goto DONE;
    }
    if (a.count || a.facets)
        status = total ? EXIT_FOUND : EXIT_NOTHING;
    else
        status = n ? EXIT_FOUND : EXIT_NOTHING;
DONE:
    resdex_results_destroy(r);
    resdex_db_close(db);
    free(a.query);
    return status;
}
