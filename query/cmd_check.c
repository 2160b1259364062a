/* cmd_check.c - resdex check: a whole draft against the agreed language, a
 * thin printer over resdex_db_check. Each checked paragraph is described
 * once (describe_item) and printed as JSON Lines, as text, or as one
 * self-contained HTML file. */
#include "args.h"
#include "commands.h"
#include "describe.h"
#include "diffprint.h"
#include "hitprint.h"
#include "html.h"
#include "opts.h"
#include "resdex.h"
#include "sprinter.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct check_args {
    int html;
    double min;
    const char *file;
    char *filters; /* malloc()ed, space-separated */
} check_args_t;

static check_args_t args = {.min = -1};

static const opt_desc_t check_options[] = {
    {.name = "html",
     .flag = &args.html,
     .help = "one self-contained HTML file (no external resources) to\n"
             "mail, instead of text"},
    {.name = "min",
     .number = &args.min,
     .max = 1,
     .metavar = "S",
     .help = "a precedent counts from this similarity or containment on\n"
             "(0..1, default 0.5)"},
    {.name = NULL},
};

/* The words: FILE or "-" (the one word without ':'), and filters. */
static int
check_words(check_args_t *a, char **words, int n_words, int json)
{
    if (json && a->html) {
        fprintf(stderr, "resdex check: give --json or --html, not both\n");
        return -1;
    }
    if (a->min == 0)
        a->min = 1e-9; /* 0 counts everything; the library's 0 is its default */
    else if (a->min < 0)
        a->min = 0;
    for (int i = 0; i < n_words; i++) {
        if (!strchr(words[i], ':') && !a->file) {
            a->file = words[i];
            continue;
        }
        if (!strchr(words[i], ':')) {
            fprintf(stderr, "resdex check: one draft at a time ('%s' and '%s')\n", a->file,
                    words[i]);
            return -1;
        }
        if (args_join(&a->filters, words[i]) != 0) {
            fprintf(stderr, "resdex check: out of memory\n");
            return -1;
        }
    }
    if (!a->file) {
        fprintf(stderr, "resdex check: no draft: give a FILE or - (usage: resdex check [--json | "
                        "--html] [--min S] [FILTER...] FILE|-)\n");
        return -1;
    }
    return 0;
}

/* Standard input, whole. NULL when it cannot be read, or (errno EFBIG)
 * when it is larger than the largest file the readers take. */
static char *
read_all_stdin(size_t *len)
{
    size_t cap = 64 * 1024, n = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, stdin);
        n += got;
        if (got == 0)
            break;
        if (n == cap) {
            if (cap > RESDEX_MAX_FILE_BYTES) {
                free(buf);
                errno = EFBIG;
                return NULL;
            }
            char *p = realloc(buf, cap * 2 + 1);
            if (!p) {
                free(buf);
                return NULL;
            }
            buf = p;
            cap *= 2;
        }
    }
    if (!buf || ferror(stdin)) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* ---- Text ---------------------------------------------------------------- */

typedef struct check_text {
    const diff_style_t *st;
    layout_t layout;
} check_text_t;

/* "operative 5(a) · Urges" of a described item (its own keys). */
static void
print_label(const json_t *v, const layout_t *l, FILE *out)
{
    json_t *par = json_object();
    const char *keys[] = {"kind", "number", "item"};
    for (size_t i = 0; par && i < 3; i++)
        json_object_set(par, keys[i], json_object_get(v, keys[i]));
    const json_t *verb = json_object_get(json_object_get(v, "verb"), "to");
    if (par && verb)
        json_object_set(par, "verb", (json_t *)verb);
    if (par)
        print_paragraph_label(par, l, out);
    json_decref(par);
}

/* The verb and qualifier notes, one line each when there is something to
 * say. */
static void
print_notes(const json_t *v, FILE *out)
{
    const json_t *verb = json_object_get(v, "verb");
    const char *from = sp_get_string(verb, "from"), *to = sp_get_string(verb, "to");
    const char *change = sp_get_string(verb, "change");
    if (verb && change && strcmp(change, "same") != 0)
        fprintf(out, "   verb: %s -> %s (%s)\n", from ? from : "(none)", to ? to : "(none)",
                change);
    const json_t *q = json_object_get(v, "qualifiers");
    const json_t *added = json_object_get(q, "added"), *dropped = json_object_get(q, "dropped");
    if (json_array_size(added) + json_array_size(dropped) == 0)
        return;
    fputs("   qualifiers:", out);
    size_t i;
    const json_t *s;
    json_array_foreach(added, i, s) fprintf(out, " +\"%s\"", json_string_value(s));
    json_array_foreach(dropped, i, s) fprintf(out, " -\"%s\"", json_string_value(s));
    fputc('\n', out);
}

static int
text_layout(const json_t *v, void *ctx, FILE *out)
{
    check_text_t *t = ctx;
    const char *status = sp_get_string(v, "status");
    const json_t *prec = json_object_get(v, "precedent");
    fprintf(out, "%lld. ", sp_get_int(v, "n"));
    print_label(v, &t->layout, out);
    fprintf(out, "  %s%s%s", t->layout.bold, status, t->layout.reset);
    if (json_is_object(prec)) {
        double sim = json_real_value(json_object_get(v, "similarity"));
        if (strcmp(status, "modified") == 0)
            fprintf(out, " %.2f", describe_score(sim, 2));
        fputs("  ", out);
        print_id_adoption(sp_get_string(prec, "id"), json_object_get(prec, "resolution"),
                          &t->layout, 3, out);
    } else {
        const json_t *closest = json_object_get(v, "closest");
        if (json_is_object(closest)) {
            double sim = json_real_value(json_object_get(closest, "similarity"));
            int d =
                describe_below_decimals(sim, args.min > 0 ? args.min : RESDEX_SIMILAR_DEFAULT_MIN);
            fprintf(out, "  %s(closest %.*f: %s)%s", t->st->dim_on, d, describe_score(sim, d),
                    sp_get_string(closest, "id"), t->st->dim_off);
        }
        fputc('\n', out);
    }
    if (strcmp(status, "modified") == 0)
        print_diff(json_object_get(v, "diff"), t->st, out);
    else
        fprintf(out, "   %s\n", sp_get_string(v, "text"));
    const json_t *also = json_object_get(v, "also");
    if (json_array_size(also)) {
        fprintf(out, "   %salso:", t->st->dim_on);
        size_t i;
        const json_t *s;
        json_array_foreach(also, i, s) fprintf(out, " %s", json_string_value(s));
        fprintf(out, "%s\n", t->st->dim_off);
    }
    print_notes(v, out);
    fputc('\n', out);
    return ferror(out) ? -1 : 0;
}

/* ---- HTML ---------------------------------------------------------------- */

static const char html_style[] =
    "body{font-family:Georgia,serif;max-width:50em;margin:2em auto;padding:0 1em;color:#222}"
    "h1{font-size:1.3em}.summary{font-weight:bold}"
    "section{border-left:.3em solid #999;padding:.2em .8em;margin:1em 0}"
    "section.agreed{border-color:#2a7}section.modified{border-color:#d90}"
    "section.new{border-color:#c33}"
    ".head{font-family:sans-serif;font-size:.9em;color:#555}"
    ".status{font-weight:bold;text-transform:uppercase}"
    "ins{background:#cfc;text-decoration:none}del{background:#fcc}"
    ".note{font-family:sans-serif;font-size:.9em}";

static void
html_head(FILE *out, const char *name, const resdex_check_t *c)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>resdex "
          "check: ",
          out);
    html_escape(out, name);
    fprintf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>Check of ", html_style);
    html_escape(out, name);
    fprintf(out,
            "</h1>\n<p class=\"summary\">%zu agreed, %zu modified, %zu new</p>\n"
            "<p class=\"note\">Inserted words (<ins>like this</ins>) are what the draft adds to "
            "its precedent; deleted words (<del>like this</del>) what it drops.</p>\n",
            resdex_check_count_status(c, RESDEX_CHECK_AGREED),
            resdex_check_count_status(c, RESDEX_CHECK_MODIFIED),
            resdex_check_count_status(c, RESDEX_CHECK_NEW));
}

static int
html_layout(const json_t *v, void *ctx, FILE *out)
{
    (void)ctx;
    const char *status = sp_get_string(v, "status");
    const json_t *prec = json_object_get(v, "precedent");
    const json_t *verb = json_object_get(v, "verb");
    fprintf(out, "<section class=\"%s\">\n<p class=\"head\">%lld. ", status, sp_get_int(v, "n"));
    html_escape(out, sp_get_string(v, "kind"));
    if (sp_get_int(v, "number") > 0)
        fprintf(out, " %lld", sp_get_int(v, "number"));
    if (sp_get_string(v, "item")) {
        fputc('(', out);
        html_escape(out, sp_get_string(v, "item"));
        fputc(')', out);
    }
    fprintf(out, " <span class=\"status\">%s</span>", status);
    if (json_is_object(prec)) {
        const json_t *res = json_object_get(prec, "resolution");
        if (strcmp(status, "modified") == 0)
            fprintf(out, " %.2f",
                    describe_score(json_real_value(json_object_get(v, "similarity")), 2));
        fputs(" &middot; ", out);
        html_escape(out, sp_get_string(prec, "id"));
        const char *body = sp_get_string(res, "body"), *date = sp_get_string(res, "date");
        if (body) {
            fputs(" &middot; ", out);
            html_escape(out, body);
        }
        if (date) {
            fputc(' ', out);
            html_escape(out, date);
        }
    }
    fputs("</p>\n<p>", out);
    if (strcmp(status, "modified") == 0)
        html_diff(out, json_object_get(v, "diff"));
    else
        html_escape(out, sp_get_string(v, "text"));
    fputs("</p>\n", out);
    const char *change = sp_get_string(verb, "change");
    if (change && strcmp(change, "same") != 0) {
        fputs("<p class=\"note\">verb: ", out);
        html_escape(out, sp_get_string(verb, "from"));
        fputs(" &rarr; ", out);
        html_escape(out, sp_get_string(verb, "to"));
        fprintf(out, " (%s)</p>\n", change);
    }
    const json_t *q = json_object_get(v, "qualifiers");
    const char *keys[2] = {"added", "dropped"};
    for (int k = 0; k < 2; k++) {
        const json_t *list = json_object_get(q, keys[k]);
        if (!json_array_size(list))
            continue;
        fprintf(out, "<p class=\"note\">qualifiers %s:", keys[k]);
        size_t i;
        const json_t *s;
        json_array_foreach(list, i, s)
        {
            fputs(" &ldquo;", out);
            html_escape(out, json_string_value(s));
            fputs("&rdquo;", out);
        }
        fputs("</p>\n", out);
    }
    fputs("</section>\n", out);
    return ferror(out) ? -1 : 0;
}

/* ---- The command ------------------------------------------------------------ */

static int
run_check(const global_options_t *g, char **words, int n_words)
{
    check_args_t *a = &args;
    int status = EXIT_ERROR;
    char *data = NULL, *msg = NULL;
    size_t len = 0;
    resdex_doc_t *doc = NULL;
    resdex_db_t *db = NULL;
    resdex_check_t *c = NULL;
    sprinter_t *sp = NULL;
    check_text_t text_ctx;

    if (check_words(a, words, n_words, g->json) != 0)
        goto DONE;
    int from_stdin = strcmp(a->file, "-") == 0;
    const char *name = from_stdin ? "standard input" : a->file;
    if (from_stdin) {
        errno = 0;
        data = read_all_stdin(&len);
        if (!data) {
            if (errno == EFBIG)
                fprintf(stderr, "resdex check: standard input: too large (the limit is %u MiB)\n",
                        RESDEX_MAX_FILE_BYTES >> 20);
            else
                fprintf(stderr, "resdex check: standard input: cannot read it\n");
            goto DONE;
        }
    } else {
        resdex_status_t st = resdex_read_file(a->file, &data, &len, &msg);
        if (st != RESDEX_STATUS_SUCCESS) {
            fprintf(stderr, "resdex check: %s\n", msg ? msg : resdex_status_to_string(st));
            goto DONE;
        }
    }
    free(msg);
    msg = NULL;
    resdex_status_t st = resdex_parse_draft(name, data, len, &doc, &msg);
    if (st != RESDEX_STATUS_SUCCESS) {
        fprintf(stderr, "resdex check: %s\n", msg ? msg : resdex_status_to_string(st));
        goto DONE;
    }
    db = open_index(g, "check");
    if (!db)
        goto DONE;
    resdex_check_options_t o = {a->filters, a->min};
    st = resdex_db_check(db, doc, &o, &c);
    if (st != RESDEX_STATUS_SUCCESS) {
        const char *m = resdex_db_last_error(db);
        fprintf(stderr, "resdex check: %s: %s\n", name, m && *m ? m : resdex_status_to_string(st));
        goto DONE;
    }
    if (resdex_check_count(c) == 0) {
        fprintf(stderr, "resdex check: %s: no paragraph to check\n", name);
        status = EXIT_NOTHING;
        goto DONE;
    }
    text_ctx.st = diff_style_for_stdout(g->json || a->html);
    layout_init(&text_ctx.layout);
    text_ctx.layout.width = 0;
    if (a->html)
        html_head(stdout, name, c);
    sp = sprinter_new(stdout, g->json ? NULL : a->html ? html_layout : text_layout, &text_ctx);
    for (size_t i = 0; sp && i < resdex_check_count(c); i++)
        describe_check_item(sp, resdex_check_get(c, i));
    size_t agreed = resdex_check_count_status(c, RESDEX_CHECK_AGREED);
    size_t modified = resdex_check_count_status(c, RESDEX_CHECK_MODIFIED);
    size_t fresh = resdex_check_count_status(c, RESDEX_CHECK_NEW);
    if (a->html)
        fputs("</body>\n</html>\n", stdout);
    else if (!g->json)
        printf("%zu agreed, %zu modified, %zu new\n", agreed, modified, fresh);
    describe_warn_partial("check", !g->json && !a->html);
    if (!sp || sprinter_failed(sp) || fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "resdex check: cannot write the output\n");
        goto DONE;
    }
    status = fresh ? EXIT_NOTHING : EXIT_FOUND;
DONE:
    sprinter_destroy(sp);
    resdex_check_destroy(c);
    resdex_db_close(db);
    resdex_doc_destroy(doc);
    free(data);
    free(msg);
    free(a->filters);
    a->filters = NULL;
    return status;
}

const opts_command_t command_check = {
    .name = "check",
    .synopsis = "resdex [--db DIR] check [--json | --html] [--min S] [FILTER...] FILE|-",
    .summary = "Check a whole draft against the agreed language: for each paragraph, agreed\n"
               "(the same text was adopted), modified (the closest precedent, with the diff,\n"
               "the lead verb made weaker or stronger, the qualifiers added or dropped) or\n"
               "new (no precedent).\n"
               "  FILE            the draft: text, markdown, Word (tracked changes accepted)\n"
               "                  or PDF; gzip is undone; '-' reads standard input\n"
               "  FILTER          on the precedents, as in search: year:..2020 body:ga",
    .json_help = "JSON Lines: one object per paragraph, {\"n\",\"kind\",\"number\",\"item\",\n"
                 "\"text\",\"status\",\"precedent\":search hit|null,\"also\",\"similarity\",\n"
                 "\"containment\",\"diff\",\"verb\":{\"from\",\"to\",\"change\"}|null,\n"
                 "\"qualifiers\":{\"added\",\"dropped\"},\"closest\"}",
    .notes = "In the text layout, [+ +] marks what the draft adds to its precedent and [- -]\n"
             "what it drops (colours on a terminal unless NO_COLOR is set); the last line\n"
             "counts the statuses: \"12 agreed, 5 modified, 2 new\".\n"
             "exit status: 0 every paragraph has a precedent, 1 some are new, 2 error\n",
    .dash_words = 1,
    .options = check_options,
    .run = run_check,
};
