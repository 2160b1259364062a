/* cmd_search.c - resdex search: ranked operative paragraphs, each with its
 * resolution's context and the footnotes it carries. Also --count, --facets
 * and --batch (one JSON object per query line, for scripts). */
#include "args.h"
#include "batch.h"
#include "commands.h"
#include "describe.h"
#include "hitprint.h"
#include "layout.h"
#include "opts.h"
#include "resdex.h"
#include "sprinter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct search_args {
    int all, full, group, count, facets, batch, sort, exact, no_fold;
    unsigned limit, offset;
    int json;    /* the global --json */
    char *query; /* malloc()ed: the words joined by spaces */
} search_args_t;

static search_args_t args = {.limit = 10};

static const opt_keyword_t sort_keywords[] = {
    {"relevance", RESDEX_SORT_RELEVANCE}, {"date", RESDEX_SORT_DATE}, {NULL, 0}};

static const opt_desc_t search_options[] = {
    {.name = "limit",
     .whole = &args.limit,
     .max = 100000,
     .metavar = "N",
     .help = "at most N hits (default 10; 0 to 100000)"},
    {.name = "offset",
     .whole = &args.offset,
     .max = 1000000,
     .metavar = "N",
     .help = "skip the first N hits"},
    {.name = "all", .flag = &args.all, .help = "every kind of paragraph, not only operative ones"},
    {.name = "sort",
     .keyword = &args.sort,
     .keywords = sort_keywords,
     .help = "by relevance (ties: newest first), or newest first"},
    {.name = "full", .flag = &args.full, .help = "the whole paragraph, not a snippet"},
    {.name = "group", .flag = &args.group, .help = "one hit per resolution: its best paragraph"},
    {.name = "count", .flag = &args.count, .help = "only the number of matching paragraphs"},
    {.name = "exact",
     .flag = &args.exact,
     .help = "count every match, so that the total is exact (slower; without it\n"
             "a large total is an estimate, printed \"about N\")"},
    {.name = "no-fold",
     .flag = &args.no_fold,
     .help = "every matching paragraph its own hit (by default the paragraphs with\n"
             "the same text are one hit, the newest adopted, the others \"also in\")"},
    {.name = "facets",
     .flag = &args.facets,
     .help = "only the counts of matches by body, year, verb and way of adoption"},
    {.name = "batch",
     .flag = &args.batch,
     .help = "one query per line on standard input, one JSON line each:\n"
             "{\"query\",\"total\",\"hits\":[...],\"total_exact\",\"lang\",\"paragraphs\"}\n"
             "or {\"query\",\"error\"}"},
    {.name = NULL},
};

/* The words and the options together. Returns -1 after a message. */
static int
check_args(search_args_t *a, char **words, int n_words)
{
    for (int i = 0; i < n_words; i++)
        if (args_join(&a->query, words[i]) != 0) {
            fprintf(stderr, "resdex search: out of memory\n");
            return -1;
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
    o->sort = (resdex_sort_t)a->sort;
    o->facets = a->facets;
    o->snippets = 1;
    /* JSON keeps the library's plain markers; the terminal gets colour. */
    o->hl_start = a->json || a->batch ? "[" : l->mark_on;
    o->hl_end = a->json || a->batch ? "]" : l->mark_off;
    o->snippet_bytes = a->full ? 1000000 : 0;
    o->group_by_resolution = a->group;
    o->exact_total = a->exact;
    o->no_fold = a->no_fold;
}

/* The library's message for a failed call on db, prefixed for the user. */
static void
report(resdex_db_t *db, resdex_status_t st)
{
    const char *m = resdex_db_last_error(db);
    fprintf(stderr, "resdex search: %s\n", m && *m ? m : resdex_status_to_string(st));
}

/* --facets: {"query","total","paragraphs","facets":{"body":{value: count},"year",...}}
 * (describe_facet_counts says which). */
static void
describe_facets(sprinter_t *sp, const resdex_results_t *r, const char *query)
{
    sp_begin_map(sp);
    sp_key_string(sp, "query", query);
    sp_key_int(sp, "total", (long long)resdex_results_total(r));
    sp_key_int(sp, "paragraphs", (long long)resdex_results_paragraphs(r));
    sp_key(sp, "facets");
    describe_facet_counts(sp, r);
    describe_shards_down(sp);
    sp_end(sp);
}

/* The text layouts: ctx is a search_text_t. */
typedef struct search_text {
    const layout_t *l;
    size_t printed;
} search_text_t;

/* The values of a facet the text prints, the most frequent (a query can
 * match a hundred sponsors or the votes of every State); --json has all. */
#define FACET_TEXT_VALUES 20

static int
facets_layout(const json_t *o, void *ctx, FILE *out)
{
    const layout_t *l = ((search_text_t *)ctx)->l;
    const json_t *facets = json_object_get(o, "facets");
    long long hits = sp_get_int(o, "total"), paragraphs = sp_get_int(o, "paragraphs");
    if (hits != paragraphs)
        fprintf(out, "%s%lld hits, %lld matching paragraphs%s\n", l->bold, hits, paragraphs,
                l->reset);
    else
        fprintf(out, "%s%lld matching paragraphs%s\n", l->bold, paragraphs, l->reset);
    /* Every facet the JSON carries, in its order: the text says what
     * --json does. */
    const char *name;
    json_t *counts;
    json_object_foreach((json_t *)facets, name, counts)
    {
        fprintf(out, "%s:\n", name);
        const char *value;
        json_t *count;
        int n = 0;
        json_object_foreach(counts, value, count)
        {
            if (n < FACET_TEXT_VALUES)
                fprintf(out, "%s%s %s(%lld)%s", n ? ", " : "  ", value, l->dim,
                        (long long)json_integer_value(count), l->reset);
            n++;
        }
        if (!n)
            fprintf(out, "  %snone%s", l->dim, l->reset);
        else if (n > FACET_TEXT_VALUES)
            fprintf(out, ", %sand %d more (--json lists them all)%s", l->dim, n - FACET_TEXT_VALUES,
                    l->reset);
        fputc('\n', out);
    }
    return ferror(out) ? -1 : 0;
}

/* --count: {"query","total"}; the text is the number. */
static int
count_layout(const json_t *o, void *ctx, FILE *out)
{
    (void)ctx;
    return fprintf(out, "%lld\n", sp_get_int(o, "total")) < 0 ? -1 : 0;
}

static int
hit_layout(const json_t *hit, void *ctx, FILE *out)
{
    search_text_t *t = ctx;
    print_hit(hit, t->l, t->printed++ ? "\n" : "", out);
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

static void
search_hit(sprinter_t *sp, const resdex_results_t *results, size_t i)
{
    describe_hit(sp, results, i);
}

/* After the hits, when there is something to say: which hits these are of
 * how many ("about" when the total is Xapian's estimate), the language
 * searched when it is not English, and how to get more. */
static void
print_footer(const resdex_results_t *r, unsigned offset, size_t n, const layout_t *l)
{
    uint64_t total = resdex_results_total(r), paragraphs = resdex_results_paragraphs(r);
    int exact = resdex_results_total_is_exact(r);
    const char *lang = resdex_results_lang(r);
    int other_lang = lang && strcmp(lang, "en") != 0;
    int more = (uint64_t)offset + n < total;
    if (!more && exact && !other_lang && paragraphs == total)
        return;
    printf("\n%shits %u to %zu of %s%llu", l->dim, offset + 1, (size_t)offset + n,
           exact ? "" : "about ", (unsigned long long)total);
    if (paragraphs != total)
        printf(" (%s%llu paragraphs)", exact ? "" : "about ", (unsigned long long)paragraphs);
    if (other_lang)
        printf(" in lang:%s", lang);
    if (more)
        printf("; --offset %zu for more", (size_t)offset + n);
    printf("%s\n", l->reset);
}

static int
run_search(const global_options_t *g, char **words, int n_words)
{
    search_args_t *a = &args;
    int status = EXIT_ERROR;
    resdex_db_t *db = NULL;
    resdex_results_t *r = NULL;
    sprinter_t *sp = NULL;
    layout_t l;
    layout_init(&l);
    a->json = g->json;
    if (check_args(a, words, n_words) != 0)
        goto DONE;
    if (!(db = open_index(g, "search")))
        goto DONE;
    if (a->batch) {
        search_batch_t b = {a, &l};
        status = batch_run(db, "search", "query", search_line, search_hit, &b);
        goto DONE;
    }
    resdex_search_options_t o;
    options_for(a, &l, a->query, &o);
    resdex_status_t st = resdex_db_search(db, &o, &r);
    if (st != RESDEX_STATUS_SUCCESS) {
        report(db, st);
        goto DONE;
    }
    uint64_t total = resdex_results_total(r);
    size_t n = resdex_results_count(r);
    search_text_t text = {&l, 0};
    sprinter_layout_fn layout = a->json     ? NULL
                                : a->count  ? count_layout
                                : a->facets ? facets_layout
                                            : hit_layout;
    sp = sprinter_new(stdout, layout, &text);
    if (!sp) {
        fprintf(stderr, "resdex search: out of memory\n");
        goto DONE;
    }
    if (a->count) {
        sp_begin_map(sp);
        sp_key_string(sp, "query", a->query);
        sp_key_int(sp, "total", (long long)total);
        sp_key_int(sp, "paragraphs", (long long)resdex_results_paragraphs(r));
        describe_shards_down(sp);
        sp_end(sp);
    } else if (a->facets) {
        describe_facets(sp, r, a->query);
    } else {
        for (size_t i = 0; i < n; i++)
            describe_hit(sp, r, i);
        if (!a->json && n)
            print_footer(r, a->offset, n, &l);
        /* A page past the end is no "nothing found": say so. */
        if (!n && a->offset && total)
            fprintf(stderr, "resdex search: --offset %u is past the last hit (%s%llu in all)\n",
                    a->offset, resdex_results_total_is_exact(r) ? "" : "about ",
                    (unsigned long long)total);
    }
    describe_warn_partial("search", !a->json);
    if (sprinter_failed(sp) || ferror(stdout) || fflush(stdout) != 0) {
        fprintf(stderr, "resdex search: cannot write the output\n");
        goto DONE;
    }
    if (a->count || a->facets)
        status = total ? EXIT_FOUND : EXIT_NOTHING;
    else
        status = n ? EXIT_FOUND : EXIT_NOTHING;
DONE:
    sprinter_destroy(sp);
    resdex_results_destroy(r);
    resdex_db_close(db);
    free(a->query);
    a->query = NULL;
    return status;
}

const opts_command_t command_search = {
    .name = "search",
    .synopsis = "resdex [--db DIR] search [OPTIONS] QUERY...\n"
                "resdex [--db DIR] [OPTIONS] QUERY...\n"
                "resdex [--db DIR] search --batch [OPTIONS] < QUERIES",
    .summary = "Ranked operative paragraphs, with their resolution and footnotes.",
    .json_help = "JSON Lines, one object per hit",
    .notes = "Query: words (all must match), \"exact phrases\", AND OR NOT, NEAR, prefix*, and\n"
             "filters body:ecosoc year:2017 year:2015..2023 symbol:2017/19 kind:operative\n"
             "verb:encourages tag:... lang:fr cites:70/174 (see resdex(1)). A word may start\n"
             "with '-' (-prison: without prison); after -- every argument is a word.\n"
             "exit status: 0 found, 1 nothing found, 2 error\n",
    .dash_words = 1,
    .query_fields = 1,
    .options = search_options,
    .run = run_search,
};
