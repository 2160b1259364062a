/* cmd_similar.c - resdex similar: the precedents of a paragraph, each with
 * its similarity and a word-level diff; --lineage: the earlier versions of
 * an indexed paragraph, oldest first. */
#include "args.h"
#include "batch.h"
#include "commands.h"
#include "json.h"
#include "json_similar.h"
#include "resdex.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage_text[] =
    "usage: resdex [--db DIR] similar [--json] [--limit N] [--min SIMILARITY] [--lineage]\n"
    "                         (--text TEXT | --file FILE | - | SYMBOL#ANCHOR) [FILTER...]\n"
    "       resdex [--db DIR] similar --batch [--limit N] [--min SIMILARITY] [FILTER...]\n"
    "\n"
    "Find where the wording of a paragraph was used before, and what changed.\n"
    "  --text TEXT     the paragraph's text (a draft)\n"
    "  --file FILE     read it from a file (gzip or plain); '-' reads standard input\n"
    "  SYMBOL#ANCHOR   an indexed paragraph, e.g. E/RES/2021/23#5 (never its own precedent)\n"
    "  FILTER          as in search: year:1990..2020 body:ga lang:en kind:operative ...\n"
    "  --limit N       at most N precedents (default 10)\n"
    "  --min S         leave out precedents less similar than S (0..1, default 0.5)\n"
    "  --lineage       with SYMBOL#ANCHOR: its earlier versions, oldest first, each with\n"
    "                  the diff to the next\n"
    "  --json          JSON Lines: search's hit object plus \"similarity\" and \"diff\"\n"
    "  --batch         read inputs from standard input, one a line (a text, or SYMBOL#ANCHOR),\n"
    "                  and answer each with one JSON line: {\"input\",\"total\",\"hits\":[...]}\n"
    "                  or {\"input\",\"error\"}; the index stays open between them\n"
    "In the text layout, [+ +] marks words the newer text adds and [- -] words it drops\n"
    "(colours on a terminal unless NO_COLOR is set).\n"
    "exit status: 0 found, 1 nothing found, 2 error\n";

typedef struct similar_args {
    int json, lineage, batch;
    unsigned limit;
    double min;
    const char *text, *file, *paragraph;
    int from_stdin;
    char *filters; /* malloc()ed, space-separated */
} similar_args_t;

typedef struct style {
    const char *ins_on, *ins_off, *del_on, *del_off, *dim_on, *dim_off;
} style_t;

static const style_t plain_style = {"[+", "+]", "[-", "-]", "", ""};
static const style_t colour_style = {"\033[32;1m", "\033[0m", "\033[31;9m",
                                     "\033[0m",    "\033[2m", "\033[0m"};

static int
parse_number(const char *opt, const char *s, double max, double *out)
{
    char *end = NULL;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || v < 0 || v > max) {
        fprintf(stderr, "resdex similar: %s wants a number from 0 to %g, not '%s'\n", opt, max, s);
        return -1;
    }
    *out = v;
    return 0;
}

/* Is s (its name part name_len bytes long) the option `name`? */
static int
is_opt(const char *s, size_t name_len, const char *name)
{
    return strlen(name) == name_len && strncmp(s, name, name_len) == 0;
}

/* Options may come anywhere (filters such as -year:2017 start with '-', so
 * getopt is not used); "--" ends them. Returns -1 after a message, 1 for
 * --help, 0 otherwise. */
static int
parse_args(int argc, char **argv, similar_args_t *a)
{
    int only_positional = 0;
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        const char *value = NULL;
        if (!only_positional && strncmp(s, "--", 2) == 0 && s[2]) {
            const char *eq = strchr(s, '=');
            size_t name_len = eq ? (size_t)(eq - s) : strlen(s);
            static const char *const with_value[] = {"--text", "--file", "--limit", "--min", NULL};
            int wants = 0;
            for (const char *const *w = with_value; *w; w++)
                wants |= is_opt(s, name_len, *w);
            if (wants && !(value = args_value("similar", s, eq, argc, argv, &i)))
                return -1;
            if (is_opt(s, name_len, "--text")) {
                a->text = value;
            } else if (is_opt(s, name_len, "--file")) {
                a->file = value;
            } else if (is_opt(s, name_len, "--limit")) {
                double v = 0;
                if (parse_number("--limit", value, 1000, &v) != 0)
                    return -1;
                if (v < 1 || v != (double)(unsigned)v) {
                    fprintf(stderr,
                            "resdex similar: --limit wants a whole number from 1 to 1000, "
                            "not '%s'\n",
                            value);
                    return -1;
                }
                a->limit = (unsigned)v;
            } else if (is_opt(s, name_len, "--min")) {
                if (parse_number("--min", value, 1, &a->min) != 0)
                    return -1;
                if (a->min == 0)
                    a->min = 1e-9; /* 0 asks for everything; the library's 0 is its default */
            } else if (strcmp(s, "--json") == 0) {
                a->json = 1;
            } else if (strcmp(s, "--batch") == 0) {
                a->batch = 1;
            } else if (strcmp(s, "--lineage") == 0) {
                a->lineage = 1;
            } else if (strcmp(s, "--help") == 0) {
                return 1;
            } else if (strcmp(s, "--") == 0) {
                only_positional = 1;
            } else {
                fprintf(stderr, "resdex similar: unknown option '%s' (see resdex similar --help)\n",
                        s);
                return -1;
            }
            continue;
        }
        if (!only_positional && (strcmp(s, "-h") == 0)) {
            return 1;
        }
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

static void
print_similarity(double sim, FILE *out)
{
    if (sim >= 1.0)
        fprintf(out, "similarity 1.00 (exact)");
    else
        fprintf(out, "similarity %.2f", (double)(long)(sim * 100.0) / 100.0);
}

/* The runs in reading order, insertions and deletions marked. */
static void
print_diff(const resdex_diff_op_t *ops, size_t n, const style_t *st, FILE *out)
{
    fputs("   ", out);
    for (size_t i = 0; i < n; i++) {
        const char *t = ops[i].text;
        if (ops[i].op == RESDEX_DIFF_EQUAL) {
            fputs(t, out);
            continue;
        }
        /* The separating space goes outside the mark. */
        if (*t == ' ') {
            fputc(' ', out);
            t++;
        }
        if (ops[i].op == RESDEX_DIFF_INSERT)
            fprintf(out, "%s%s%s", st->ins_on, t, st->ins_off);
        else
            fprintf(out, "%s%s%s", st->del_on, t, st->del_off);
    }
    fputc('\n', out);
}

static void
print_context(const resdex_hit_t *h, const style_t *st, FILE *out)
{
    const resdex_resolution_t *r = h->resolution;
    fputs(st->dim_on, out);
    if (r->body)
        fprintf(out, "  %s", r->body);
    if (r->date)
        fprintf(out, "  %s", r->date);
    if (r->doc_type && strstr(r->doc_type, "draft"))
        fprintf(out, "  (%s)", r->doc_type);
    if (r->title)
        fprintf(out, "  %s", r->title);
    fputs(st->dim_off, out);
}

static int
print_similar(const resdex_results_t *r, const similar_args_t *a, const style_t *st, FILE *out)
{
    size_t n = resdex_results_count(r);
    for (size_t i = 0; i < n; i++) {
        const resdex_hit_t *h = resdex_results_get(r, i);
        if (a->json) {
            json_t *o = json_similar_hit(r, i);
            int rc = json_print_line(o, out);
            json_decref(o);
            if (rc != 0)
                return -1;
            continue;
        }
        const resdex_diff_op_t *ops = NULL;
        size_t nops = resdex_hit_diff(r, i, &ops);
        fprintf(out, "%s%u. %s  ", i ? "\n" : "", h->rank, h->id);
        print_similarity(h->similarity, out);
        print_context(h, st, out);
        fputc('\n', out);
        print_diff(ops, nops, st, out);
    }
    return ferror(out) ? -1 : 0;
}

static int
print_lineage(const resdex_results_t *r, const similar_args_t *a, const style_t *st, FILE *out)
{
    size_t n = resdex_results_count(r);
    for (size_t i = 0; i < n; i++) {
        const resdex_hit_t *h = resdex_results_get(r, i);
        if (a->json) {
            json_t *o = json_similar_hit(r, i);
            if (o) {
                const resdex_hit_t *next = resdex_results_get(r, i + 1);
                json_object_set_new(o, "next", json_string(next ? next->id : a->paragraph));
            }
            int rc = json_print_line(o, out);
            json_decref(o);
            if (rc != 0)
                return -1;
            continue;
        }
        if (i == 0) {
            fprintf(out, "%s", h->id);
            print_context(h, st, out);
            fprintf(out, "\n   %s\n", h->paragraph->text);
        }
        /* The step from version i to the next. */
        const resdex_hit_t *next = resdex_results_get(r, i + 1);
        const resdex_diff_op_t *ops = NULL;
        size_t nops = resdex_hit_diff(r, i, &ops);
        fprintf(out, "\n%s  ", next ? next->id : a->paragraph);
        print_similarity(h->similarity, out);
        fputs(" to the version before", out);
        if (next)
            print_context(next, st, out);
        else
            fprintf(out, "%s  (this paragraph)%s", st->dim_on, st->dim_off);
        fputc('\n', out);
        int changed = 0;
        for (size_t k = 0; k < nops; k++)
            changed |= ops[k].op != RESDEX_DIFF_EQUAL;
        if (changed)
            print_diff(ops, nops, st, out);
        else
            fprintf(out, "   %s(unchanged)%s\n", st->dim_on, st->dim_off);
    }
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

int
cmd_similar(const global_options_t *g, int argc, char **argv)
{
    similar_args_t a = {0};
    int status = EXIT_ERROR;
    char *text = NULL, *path = NULL, *msg = NULL;
    resdex_db_t *db = NULL;
    resdex_results_t *r = NULL;

    int rc = parse_args(argc, argv, &a);
    if (rc != 0) {
        if (rc > 0) {
            fputs(usage_text, stdout);
            status = EXIT_FOUND;
        }
        goto DONE;
    }
    if (a.file) {
        size_t len = 0;
        resdex_status_t st = resdex_read_file(a.file, &text, &len, &msg);
        if (st != RESDEX_STATUS_SUCCESS) {
            fprintf(stderr, "resdex similar: %s\n", msg ? msg : resdex_status_to_string(st));
            goto DONE;
        }
        if (memchr(text, '\0', len)) {
            fprintf(stderr, "resdex similar: %s: binary data, not text\n", a.file);
            goto DONE;
        }
    } else if (a.from_stdin) {
        errno = 0;
        text = read_stdin();
        if (!text) {
            fprintf(stderr, "resdex similar: standard input: %s\n",
                    errno == EILSEQ ? "binary data, not text" : "cannot read it");
            goto DONE;
        }
    }
    path = resolve_db_path(g->db_path);
    if (!path) {
        fprintf(stderr, "resdex similar: no index location: use --db DIR or set RESDEX_DB\n");
        goto DONE;
    }
    resdex_status_t st = resdex_db_open(path, RESDEX_DB_READ_ONLY, &db);
    if (st != RESDEX_STATUS_SUCCESS) {
        fprintf(stderr, "resdex similar: cannot open the index %s: %s\n", path,
                resdex_db_last_error(db));
        goto DONE;
    }
    if (a.batch) {
        status = batch_run(db, "similar", "input", similar_line, json_similar_hit, &a);
        goto DONE;
    }
    if (a.lineage) {
        st = resdex_db_lineage(db, a.paragraph, a.filters, &r);
    } else {
        resdex_similar_options_t o = {0};
        o.text = a.text ? skip_numbering(a.text) : text ? skip_numbering(text) : NULL;
        o.paragraph = a.paragraph;
        o.filters = a.filters;
        o.limit = a.limit;
        o.min_similarity = a.min;
        st = resdex_db_similar(db, &o, &r);
    }
    if (st != RESDEX_STATUS_SUCCESS) {
        const char *m = resdex_db_last_error(db);
        fprintf(stderr, "resdex similar: %s\n", m && *m ? m : resdex_status_to_string(st));
        goto DONE;
    }
    const char *no_color = getenv("NO_COLOR");
    const style_t *style =
        !a.json && isatty(STDOUT_FILENO) && !(no_color && *no_color) ? &colour_style : &plain_style;
    if (a.lineage && !a.json && resdex_results_count(r) == 0)
        fprintf(stderr, "resdex similar: no earlier version of %s found\n", a.paragraph);
    rc = a.lineage ? print_lineage(r, &a, style, stdout) : print_similar(r, &a, style, stdout);
    if (rc != 0 || fflush(stdout) != 0) {
        fprintf(stderr, "resdex similar: cannot write the output\n");
        goto DONE;
    }
    status = resdex_results_count(r) ? EXIT_FOUND : EXIT_NOTHING;
DONE:
    resdex_results_destroy(r);
    resdex_db_close(db);
    free(path);
    free(text);
    free(msg);
    free(a.filters);
    return status;
}
