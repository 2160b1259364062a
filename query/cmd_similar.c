/* cmd_similar.c - resdex similar: the precedents of a paragraph, each with
 * its similarity and a word-level diff; --lineage: the earlier versions of
 * an indexed paragraph, oldest first. */
#include "args.h"
#include "batch.h"
#include "commands.h"
#include "describe.h"
#include "diffprint.h"
#include "hitprint.h"
#include "opts.h"
#include "resdex.h"
#include "sprinter.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct similar_args {
    int json, lineage, batch;
    unsigned limit;
    double min;
    const char *text, *file, *paragraph;
    int from_stdin;
    char *filters; /* malloc()ed, space-separated */
} similar_args_t;

static similar_args_t args = {.min = -1};

static const opt_desc_t similar_options[] = {
    {.name = "text",
     .string = &args.text,
     .metavar = "TEXT",
     .help = "the paragraph's text (a draft)"},
    {.name = "file",
     .string = &args.file,
     .metavar = "FILE",
     .help = "read it from a file (gzip or plain); '-' reads standard\n"
             "input"},
    {.name = "limit",
     .whole = &args.limit,
     .min = 1,
     .max = 1000,
     .metavar = "N",
     .help = "at most N precedents (default 10)"},
    {.name = "min",
     .number = &args.min,
     .max = 1,
     .metavar = "S",
     .help = "leave out precedents less similar than S (0..1, default\n"
             "0.5)"},
    {.name = "lineage",
     .flag = &args.lineage,
     .help = "with SYMBOL#ANCHOR: its earlier versions, oldest first,\n"
             "each with the diff to the next"},
    {.name = "batch",
     .flag = &args.batch,
     .help = "read inputs from standard input, one a line (a text, or\n"
             "SYMBOL#ANCHOR), and answer each with one JSON line:\n"
             "{\"input\",\"total\",\"hits\":[...]} or {\"input\",\"error\"};\n"
             "the index stays open between them"},
    {.name = NULL},
};

/* The words: "-" (standard input), the first SYMBOL#ANCHOR, filters.
 * Returns -1 after a message. */
static int
check_args(similar_args_t *a, char **words, int n_words)
{
    if (a->min == 0)
        a->min = 1e-9; /* 0 asks for everything; the library's 0 is its default */
    else if (a->min < 0)
        a->min = 0;
    for (int i = 0; i < n_words; i++) {
        const char *s = words[i];
        if (strcmp(s, "-") == 0) {
            a->from_stdin = 1;
            continue;
        }
        /* The first word with a '#' and no ':' names a paragraph; the rest
         * are filters (the library says which are not). */
        if (!a->paragraph && strchr(s, '#') && !strchr(s, ':')) {
            a->paragraph = s;
            continue;
        }
        if (args_join(&a->filters, s) != 0) {
            fprintf(stderr, "resdex similar: out of memory\n");
            return -1;
        }
    }
    int sources = !!a->text + !!a->file + a->from_stdin + !!a->paragraph;
    if (a->batch) {
        if (sources || a->lineage) {
            fprintf(stderr, "resdex similar: --batch reads its inputs from standard input, one a "
                            "line; it takes no other input and no --lineage\n");
            return -1;
        }
        return 0;
    }
    if (sources != 1) {
        fprintf(stderr,
                "resdex similar: %s (usage: resdex similar (--text TEXT | --file FILE | "
                "- | SYMBOL#ANCHOR) [FILTER...])\n",
                sources ? "give only one of --text, --file, - and SYMBOL#ANCHOR"
                        : "nothing to compare: give --text, --file, - or SYMBOL#ANCHOR");
        return -1;
    }
    if (a->lineage && !a->paragraph) {
        fprintf(stderr, "resdex similar: --lineage follows an indexed paragraph: give "
                        "SYMBOL#ANCHOR\n");
        return -1;
    }
    return 0;
}

/* Standard input, at most one byte more than the library accepts (so that
 * it can say the text is too large without reading a huge stream). */
static char *
read_stdin(void)
{
    size_t cap = RESDEX_MAX_SIMILAR_BYTES + 2, len = 0;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    while (len < cap - 1) {
        size_t n = fread(buf + len, 1, cap - 1 - len, stdin);
        if (n == 0)
            break;
        len += n;
    }
    if (ferror(stdin)) {
        free(buf);
        return NULL;
    }
    buf[len] = '\0';
    if (memchr(buf, '\0', len)) {
        buf[0] = '\0'; /* binary: reported as such below */
        free(buf);
        errno = EILSEQ;
        return NULL;
    }
    return buf;
}

/* A draft pasted with its number ("5. Encourages", "(a) To promote"): the
 * number is not wording. */
static const char *
skip_numbering(const char *s)
{
    const char *p = s + strspn(s, " \t\r\n");
    const char *q = p;
    if (*q >= '0' && *q <= '9') {
        while (*q >= '0' && *q <= '9')
            q++;
        if (*q == '.' && (q[1] == ' ' || q[1] == '\t'))
            return q + 2;
    } else if (*q == '(') {
        q++;
        size_t n = strspn(q, "abcdefghijklmnopqrstuvwxyz");
        if (n >= 1 && n <= 4 && q[n] == ')' && (q[n + 1] == ' ' || q[n + 1] == '\t'))
            return q + n + 2;
    }
    return s;
}

/* The similarity as described, shown with two decimals (rounded, never up
 * to 1 unless exact). */
static void
print_similarity(double sim, FILE *out)
{
    if (sim >= 1.0)
        fprintf(out, "similarity 1.00 (exact)");
    else
        fprintf(out, "similarity %.2f", describe_score(sim, 2));
}

/* body, date, (draft), title of a hit's resolution. */
static void
print_context(const json_t *hit, const diff_style_t *st, FILE *out)
{
    const json_t *r = json_object_get(hit, "resolution");
    const char *body = sp_get_string(r, "body"), *date = sp_get_string(r, "date");
    const char *doc_type = sp_get_string(r, "doc_type"), *title = sp_get_string(r, "title");
    fputs(st->dim_on, out);
    if (body)
        fprintf(out, "  %s", body);
    if (date)
        fprintf(out, "  %s", date);
    if (doc_type && strstr(doc_type, "draft"))
        fprintf(out, "  (%s)", doc_type);
    if (title)
        fprintf(out, "  %s", title);
    fputs(st->dim_off, out);
}

/* The text layouts; ctx is a similar_text_t. */
typedef struct similar_text {
    const diff_style_t *st;
    layout_t layout;
    size_t printed;
    json_t *pending; /* lineage: the version whose step waits for the next one */
} similar_text_t;

static int
similar_layout(const json_t *h, void *ctx, FILE *out)
{
    similar_text_t *t = ctx;
    fprintf(out, "%s%lld. %s  ", t->printed++ ? "\n" : "", sp_get_int(h, "rank"),
            sp_get_string(h, "id"));
    print_similarity(json_real_value(json_object_get(h, "similarity")), out);
    double contained = json_real_value(json_object_get(h, "containment"));
    if (contained >= 0.9995 && json_real_value(json_object_get(h, "similarity")) < 1.0)
        fputs(", holds all of the text", out);
    else if (contained > json_real_value(json_object_get(h, "similarity")))
        fprintf(out, ", holds %.0f%% of the text", 100.0 * describe_score(contained, 2));
    print_context(h, t->st, out);
    fputc('\n', out);
    fputs("   ", out);
    print_paragraph_label(json_object_get(h, "paragraph"), &t->layout, out);
    if (json_is_true(json_object_get(h, "newer")))
        fprintf(out, "%s  (newer: the diff runs to it)%s", t->st->dim_on, t->st->dim_off);
    fputc('\n', out);
    print_diff(json_object_get(h, "diff"), t->st, out);
    print_footnotes(json_object_get(h, "footnotes"), &t->layout, 3, out);
    return ferror(out) ? -1 : 0;
}

/* The step from version h to the next (next_hit, or NULL: the paragraph
 * asked about, whose id is h's "next"). */
static void
print_step(const json_t *h, const json_t *next_hit, const diff_style_t *st, FILE *out)
{
    const json_t *diff = json_object_get(h, "diff");
    fprintf(out, "\n%s  ", sp_get_string(h, "next"));
    print_similarity(json_real_value(json_object_get(h, "similarity")), out);
    fputs(" to the version before", out);
    if (next_hit)
        print_context(next_hit, st, out);
    else
        fprintf(out, "%s  (this paragraph)%s", st->dim_on, st->dim_off);
    fputc('\n', out);
    if (diff_changed(diff))
        print_diff(diff, st, out);
    else
        fprintf(out, "   %s(unchanged)%s\n", st->dim_on, st->dim_off);
}

/* The oldest version with its text, then each step to the next version,
 * printed when that version's context is known. */
static int
lineage_layout(const json_t *h, void *ctx, FILE *out)
{
    similar_text_t *t = ctx;
    if (t->printed++ == 0) {
        fprintf(out, "%s", sp_get_string(h, "id"));
        print_context(h, t->st, out);
        fprintf(out, "\n   %s\n", sp_get_string(json_object_get(h, "paragraph"), "text"));
    }
    if (t->pending) {
        print_step(t->pending, h, t->st, out);
        json_decref(t->pending);
    }
    t->pending = json_incref((json_t *)h);
    return ferror(out) ? -1 : 0;
}

static int
lineage_flush(similar_text_t *t, FILE *out)
{
    if (!t->pending)
        return 0;
    print_step(t->pending, NULL, t->st, out);
    json_decref(t->pending);
    t->pending = NULL;
    return ferror(out) ? -1 : 0;
}

/* --batch: each line a text, or SYMBOL#ANCHOR alone, with the command
 * line's filters and limits. */
static resdex_status_t
similar_line(resdex_db_t *db, const char *line, void *ctx, resdex_results_t **results)
{
    const similar_args_t *a = ctx;
    resdex_similar_options_t o = {0};
    if (strchr(line, '#') && !strpbrk(line, " \t"))
        o.paragraph = line;
    else
        o.text = skip_numbering(line);
    o.filters = a->filters;
    o.limit = a->limit;
    o.min_similarity = a->min;
    return resdex_db_similar(db, &o, results);
}

/* similar compares one paragraph: a draft of several (numbered paragraphs,
 * a preamble) is for resdex check, which compares each. -1 after a message
 * when the text holds more than one. */
static int
several_paragraphs(const char *name, const char *text)
{
    resdex_doc_t *doc = NULL;
    char *msg = NULL;
    size_t n = 0;
    if (resdex_parse_draft(name, text, strlen(text), &doc, &msg) == RESDEX_STATUS_SUCCESS)
        for (size_t i = 0; i < resdex_doc_count(doc); i++)
            n += resdex_doc_get(doc, i)->n_paragraphs;
    resdex_doc_destroy(doc);
    free(msg);
    if (n <= 1)
        return 0;
    fprintf(stderr,
            "resdex similar: %s holds %zu paragraphs; similar compares one: use resdex check %s "
            "to compare each\n",
            name, n, strcmp(name, "standard input") == 0 ? "-" : name);
    return -1;
}

/* No hit passed the threshold: say how close the best came. */
static void
say_best_rejected(const resdex_results_t *r, double min)
{
    double best = 0;
    const char *id = resdex_results_best_rejected(r, &best);
    double shown = min > 0 ? min : RESDEX_SIMILAR_DEFAULT_MIN;
    if (id) {
        int d = describe_below_decimals(best, shown);
        fprintf(stderr, "resdex similar: nothing passed --min %.2f; best was %.*f (%s)\n",
                shown < 1e-6 ? 0 : shown, d, describe_score(best, d), id);
    }
}

static void
similar_hit(sprinter_t *sp, const resdex_results_t *results, size_t i)
{
    describe_similar_hit(sp, results, i, NULL);
}

static int
run_similar(const global_options_t *g, char **words, int n_words)
{
    similar_args_t *a = &args;
    int status = EXIT_ERROR;
    char *text = NULL, *path = NULL, *msg = NULL;
    resdex_db_t *db = NULL;
    resdex_results_t *r = NULL;
    sprinter_t *sp = NULL;
    similar_text_t out_text;
    memset(&out_text, 0, sizeof out_text);

    a->json = g->json;
    if (check_args(a, words, n_words) != 0)
        goto DONE;
    if (a->file) {
        size_t len = 0;
        resdex_status_t st = resdex_read_file(a->file, &text, &len, &msg);
        if (st != RESDEX_STATUS_SUCCESS) {
            fprintf(stderr, "resdex similar: %s\n", msg ? msg : resdex_status_to_string(st));
            goto DONE;
        }
        if (memchr(text, '\0', len)) {
            fprintf(stderr, "resdex similar: %s: binary data, not text\n", a->file);
            goto DONE;
        }
    } else if (a->from_stdin) {
        errno = 0;
        text = read_stdin();
        if (!text) {
            fprintf(stderr, "resdex similar: standard input: %s\n",
                    errno == EILSEQ ? "binary data, not text" : "cannot read it");
            goto DONE;
        }
    }
    if (text && several_paragraphs(a->file ? a->file : "standard input", text) != 0)
        goto DONE;
    path = resolve_db_path(g->db_path);
    if (!path) {
        fprintf(stderr, "resdex similar: no index location: use --db DIR or set RESDEX_DB\n");
        goto DONE;
    }
    resdex_status_t st =
        resdex_db_open(path, g->partial ? RESDEX_DB_READ_PARTIAL : RESDEX_DB_READ_ONLY, &db);
    if (st != RESDEX_STATUS_SUCCESS) {
        fprintf(stderr, "resdex similar: cannot open the index %s: %s\n", path,
                resdex_db_last_error(db));
        goto DONE;
    }
    describe_mark_partial(db);
    if (a->batch) {
        status = batch_run(db, "similar", "input", similar_line, similar_hit, a);
        goto DONE;
    }
    if (a->lineage) {
        st = resdex_db_lineage(db, a->paragraph, a->filters, &r);
    } else {
        resdex_similar_options_t o = {0};
        o.text = a->text ? skip_numbering(a->text) : text ? skip_numbering(text) : NULL;
        o.paragraph = a->paragraph;
        o.filters = a->filters;
        o.limit = a->limit;
        o.min_similarity = a->min;
        st = resdex_db_similar(db, &o, &r);
    }
    if (st != RESDEX_STATUS_SUCCESS) {
        const char *m = resdex_db_last_error(db);
        fprintf(stderr, "resdex similar: %s\n", m && *m ? m : resdex_status_to_string(st));
        describe_warn_partial("similar", 0); /* perhaps on a shard left out */
        goto DONE;
    }
    const diff_style_t *style = diff_style_for_stdout(a->json);
    if (a->lineage && !a->json && resdex_results_count(r) == 0)
        fprintf(stderr, "resdex similar: no earlier version of %s found\n", a->paragraph);
    out_text.st = style;
    layout_init(&out_text.layout);
    out_text.layout.width = 0; /* the diff is not wrapped: neither are its notes */
    sp = sprinter_new(stdout,
                      a->json      ? NULL
                      : a->lineage ? lineage_layout
                                   : similar_layout,
                      &out_text);
    size_t n = resdex_results_count(r);
    for (size_t i = 0; sp && i < n; i++) {
        /* A lineage's step i leads to version i + 1, the last to the
         * paragraph asked about. */
        const resdex_hit_t *next = a->lineage ? resdex_results_get(r, i + 1) : NULL;
        describe_similar_hit(sp, r, i, !a->lineage ? NULL : next ? next->id : a->paragraph);
    }
    if (a->lineage && a->json && n > 0)
        describe_lineage_end(sp, db, a->paragraph, n);
    if (!a->lineage && n == 0)
        say_best_rejected(r, a->min);
    int rc = lineage_flush(&out_text, stdout);
    describe_warn_partial("similar", !a->json);
    if (!sp || sprinter_failed(sp) || rc != 0 || fflush(stdout) != 0) {
        fprintf(stderr, "resdex similar: cannot write the output\n");
        goto DONE;
    }
    status = resdex_results_count(r) ? EXIT_FOUND : EXIT_NOTHING;
DONE:
    json_decref(out_text.pending);
    sprinter_destroy(sp);
    resdex_results_destroy(r);
    resdex_db_close(db);
    free(path);
    free(text);
    free(msg);
    free(a->filters);
    a->filters = NULL;
    return status;
}

const opts_command_t command_similar = {
    .name = "similar",
    .synopsis = "resdex [--db DIR] similar [--json] [--limit N] [--min S] [--lineage]\n"
                "       (--text TEXT | --file FILE | - | SYMBOL#ANCHOR) [FILTER...]\n"
                "resdex [--db DIR] similar --batch [--limit N] [--min S] [FILTER...]",
    .summary = "Find where the wording of a paragraph was used before, and what changed.\n"
               "  SYMBOL#ANCHOR   an indexed paragraph, e.g. E/RES/2021/23#5 (never its own\n"
               "                  precedent)\n"
               "  -               the paragraph's text on standard input\n"
               "  FILTER          as in search: year:1990..2020 body:ga lang:en ...",
    .json_help = "JSON Lines: search's hit object plus \"similarity\",\n"
                 "\"containment\", \"newer\" (when true) and \"diff\"; with --lineage\n"
                 "the paragraph itself last, with \"lineage\":\"this paragraph\"",
    .notes = "The diff runs from the older text to the newer. In the text layout, [+ +]\n"
             "marks words the newer text adds and [- -] words it drops (colours on a\n"
             "terminal unless NO_COLOR is set). A precedent passes --min by its similarity\n"
             "or by holding the whole text (a pasted fragment); when none does, standard\n"
             "error names the closest. A draft of several paragraphs is for resdex check.\n"
             "exit status: 0 found, 1 nothing found, 2 error\n",
    .dash_words = 1,
    .options = similar_options,
    .run = run_similar,
};
