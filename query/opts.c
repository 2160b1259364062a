/* opts.c - the option parser of every resdex command; see opts.h. */
#include "opts.h"
#include "resdex.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define HELP_COLUMN 22

/* The global options, written into g (a table like any command's). */
static void
global_table(global_options_t *g, opt_desc_t rows[6])
{
    memset(rows, 0, 6 * sizeof *rows);
    rows[0] = (opt_desc_t){.name = "db",
                           .string = &g->db_path,
                           .metavar = "DIR",
                           .missing = "a directory",
                           .help = "the index (default $RESDEX_DB, else $XDG_DATA_HOME/resdex,\n"
                                   "else ~/.local/share/resdex)"};
    rows[1] = (opt_desc_t){.name = "json", .flag = &g->json};
    rows[2] = (opt_desc_t){.name = "help", .flag = &g->help, .help = "this help (also -h)"};
    rows[3] = (opt_desc_t){.name = "version", .flag = &g->version, .help = "the version (also -V)"};
    rows[4] = (opt_desc_t){.name = "partial",
                           .flag = &g->partial,
                           .help = "over a stub of shards, answer from those that answer,\n"
                                   "marked (shards_down), instead of failing"};
}

static int
takes_value(const opt_desc_t *d)
{
    return !d->flag;
}

/* The row of the option whose name is the len bytes at name, or NULL. */
static const opt_desc_t *
find_row(const opt_desc_t *rows, const char *name, size_t len)
{
    for (const opt_desc_t *d = rows; d && d->name; d++)
        if (strlen(d->name) == len && strncmp(d->name, name, len) == 0)
            return d;
    return NULL;
}

const opts_command_t *
opts_find_command(int argc, char **argv, const opts_command_t *const *commands,
                  const opts_command_t *fallback, int *at)
{
    global_options_t dummy = {0};
    opt_desc_t globals[6];
    global_table(&dummy, globals);
    *at = 0;
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        if (strcmp(s, "--") == 0)
            return fallback; /* what follows are words: a query */
        if (strncmp(s, "--", 2) == 0) {
            const char *name = s + 2;
            if (strchr(name, '='))
                continue;
            /* Skip the value of an option that takes one, in whichever
             * command it is (a name means the same in every table). */
            size_t len = strlen(name);
            const opt_desc_t *d = find_row(globals, name, len);
            for (const opts_command_t *const *c = commands; !d && *c; c++)
                d = find_row((*c)->options, name, len);
            if (d && takes_value(d))
                i++;
            continue;
        }
        if (strcmp(s, "-h") == 0 || strcmp(s, "-V") == 0)
            continue;
        for (const opts_command_t *const *c = commands; *c; c++)
            if (strcmp(s, (*c)->name) == 0) {
                *at = i;
                return *c;
            }
        return fallback;
    }
    return fallback;
}

/* "relevance or date", "a, b or c" */
static void
print_keywords(const opt_keyword_t *k, FILE *out)
{
    for (size_t i = 0; k[i].name; i++)
        fprintf(out, "%s%s", i == 0 ? "" : k[i + 1].name ? ", " : " or ", k[i].name);
}

/* Store the value of option d (spelt `opt` in messages). */
static int
set_value(const opts_command_t *cmd, const opt_desc_t *d, const char *opt, const char *v)
{
    char *end = NULL;
    errno = 0;
    if (d->string) {
        *d->string = v;
    } else if (d->whole) {
        unsigned long n = strtoul(v, &end, 10);
        if (errno || end == v || *end || *v == '-' || *v == '+' || n < d->min || n > d->max) {
            fprintf(stderr, "resdex %s: %s wants a whole number from %.0f to %.0f, not '%s'\n",
                    cmd->name, opt, d->min, d->max, v);
            return -1;
        }
        *d->whole = (unsigned)n;
    } else if (d->number) {
        double n = strtod(v, &end);
        if (errno || end == v || *end || !isfinite(n) || n < d->min || n > d->max) {
            fprintf(stderr, "resdex %s: %s wants a number from %g to %g, not '%s'\n", cmd->name,
                    opt, d->min, d->max, v);
            return -1;
        }
        *d->number = n;
    } else if (d->keyword) {
        for (const opt_keyword_t *k = d->keywords; k->name; k++)
            if (strcmp(k->name, v) == 0) {
                *d->keyword = k->value;
                return 0;
            }
        fprintf(stderr, "resdex %s: %s is ", cmd->name, opt);
        print_keywords(d->keywords, stderr);
        fprintf(stderr, ", not '%s'\n", v);
        return -1;
    }
    return 0;
}

/* One "--name[=value]" at argv[*i]; *i moves past a value taken from the
 * next argument. */
static int
parse_long(const opts_command_t *cmd, global_options_t *g, const opt_desc_t *globals, int argc,
           char **argv, int *i)
{
    const char *s = argv[*i];
    const char *eq = strchr(s, '=');
    size_t len = eq ? (size_t)(eq - s) : strlen(s);
    const opt_desc_t *d = find_row(cmd->options, s + 2, len - 2);
    if (d)
        g->n_command_options++;
    else
        d = find_row(globals, s + 2, len - 2);
    if (!d) {
        fprintf(stderr, "resdex %s: unknown option '%.*s' (see resdex %s --help)\n", cmd->name,
                (int)len, s, cmd->name);
        return -1;
    }
    if (!takes_value(d)) {
        if (eq) {
            fprintf(stderr, "resdex %s: %.*s takes no value\n", cmd->name, (int)len, s);
            return -1;
        }
        *d->flag = 1;
        return 0;
    }
    char opt[64];
    snprintf(opt, sizeof opt, "%.*s", (int)len, s);
    const char *v = eq ? eq + 1 : NULL;
    if (!v && *i + 1 < argc)
        v = argv[++*i];
    if (!v) {
        fprintf(stderr, "resdex %s: %s needs %s\n", cmd->name, opt,
                d->missing ? d->missing : "a value");
        return -1;
    }
    return set_value(cmd, d, opt, v);
}

int
opts_parse(const opts_command_t *cmd, global_options_t *g, int argc, char **argv, int skip,
           char ***words, int *n_words)
{
    opt_desc_t globals[6];
    global_table(g, globals);
    char **w = calloc((size_t)argc + 1, sizeof *w);
    int n = 0, only_words = 0;
    *words = NULL;
    *n_words = 0;
    if (!w) {
        fprintf(stderr, "resdex %s: out of memory\n", cmd->name);
        return -1;
    }
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        if (i == skip)
            continue;
        if (only_words) {
            w[n++] = argv[i];
        } else if (strcmp(s, "--") == 0) {
            only_words = 1;
        } else if (strncmp(s, "--", 2) == 0) {
            if (parse_long(cmd, g, globals, argc, argv, &i) != 0) {
                free(w);
                return -1;
            }
        } else if (strcmp(s, "-h") == 0) {
            g->help = 1;
        } else if (strcmp(s, "-V") == 0) {
            g->version = 1;
        } else if (s[0] == '-' && s[1] && !cmd->dash_words) {
            fprintf(stderr, "resdex %s: unknown option '%s' (see resdex %s --help)\n", cmd->name, s,
                    cmd->name);
            free(w);
            return -1;
        } else {
            w[n++] = argv[i];
        }
    }
    *words = w;
    *n_words = n;
    return 0;
}

/* Lines of text, the first after what is already printed on the line (up
 * to column `at`), the others indented to `indent`. */
static void
print_lines(const char *text, int at, int indent, FILE *out)
{
    if (at < indent - 1)
        fprintf(out, "%*s", indent - at, "");
    else
        fprintf(out, "\n%*s", indent, "");
    for (const char *p = text; *p; p++) {
        fputc(*p, out);
        if (*p == '\n' && p[1])
            fprintf(out, "%*s", indent, "");
    }
    fputc('\n', out);
}

/* Break text (in place) at spaces so that no line is longer than width. */
static void
wrap_words(char *text, size_t width)
{
    char *line = text, *space = NULL;
    for (char *p = text; *p; p++) {
        if (*p == ' ')
            space = p;
        if ((size_t)(p - line) >= width && space) {
            *space = '\n';
            line = space + 1;
            space = NULL;
        }
    }
}

static void
print_row(const opt_desc_t *d, const char *help, FILE *out)
{
    int w = fprintf(out, "  --%s", d->name);
    if (d->metavar)
        w += fprintf(out, " %s", d->metavar);
    if (d->keyword && !d->metavar) {
        w += fprintf(out, " ");
        for (const opt_keyword_t *k = d->keywords; k->name; k++)
            w += fprintf(out, "%s%s", k == d->keywords ? "" : "|", k->name);
    }
    if (help)
        print_lines(help, w, HELP_COLUMN, out);
    else
        fputc('\n', out);
}

void
opts_help(const opts_command_t *cmd, FILE *out)
{
    global_options_t dummy = {0};
    opt_desc_t globals[6];
    global_table(&dummy, globals);
    fputs("usage: ", out);
    for (const char *p = cmd->synopsis; *p; p++)
        if (*p == '\n')
            fputs("\n       ", out);
        else
            fputc(*p, out);
    fputc('\n', out);
    fprintf(out, "\n%s\n", cmd->summary);
    if (cmd->options && cmd->options[0].name) {
        fputs("\noptions (anywhere on the line; -- ends them):\n", out);
        for (const opt_desc_t *d = cmd->options; d->name; d++)
            print_row(d, d->help, out);
    }
    fputs("\nglobal options (before or after the command):\n", out);
    for (const opt_desc_t *d = globals; d->name; d++)
        print_row(d, d->flag == &dummy.json ? cmd->json_help : d->help, out);
    if (cmd->query_fields) {
        /* From the library's schema, so the help cannot drift from the parser. */
        fputs("\nquery fields (a value in any case; -field:value for without):\n", out);
        const resdex_query_field_t *f;
        for (size_t i = 0; (f = resdex_query_field_at(i)); i++) {
            int w = fprintf(out, "  %s", f->example);
            char line[512];
            if (f->values && *f->values)
                snprintf(line, sizeof line, "%s (%s)", f->help, f->values);
            else
                snprintf(line, sizeof line, "%s", f->help);
            wrap_words(line, 80 - HELP_COLUMN);
            print_lines(line, w, HELP_COLUMN, out);
        }
    }
    if (cmd->notes) {
        fputc('\n', out);
        fputs(cmd->notes, out);
    }
}
