/* opts.h - resdex's one option parser: each command describes its options
 * in a table (after notmuch's command-line-arguments.h) and the same table
 * parses the command line and writes the command's --help.
 *
 * The rules, for every command:
 * - An option is "--name" or "--name=value"; an option that takes a value
 *   also takes it from the next argument ("--limit 5"). -h is --help and -V
 *   is --version.
 * - Options may come anywhere: before or after the command's name, before,
 *   between or after its words. The global options (--db, --json, --help,
 *   --version) are taken by every command.
 * - "--" ends the options: every argument after it is a word.
 * - The command is the first argument that is not an option (nor an
 *   option's value) when it is one of the commands' names; any other first
 *   word starts a query: "resdex QUERY..." is "resdex search QUERY...". So
 *   "resdex search stats" or "resdex -- stats" searches for the word stats.
 * - A command that takes words starting with '-' ("-prison", "-year:2017",
 *   "-" for standard input) says so (opts_command_t.dash_words); for the
 *   others such an argument is an unknown option.
 * - An unknown option, a missing or bad value: a one-line message naming
 *   the option and the command, and exit status 2. */
#ifndef RESDEX_QUERY_OPTS_H
#define RESDEX_QUERY_OPTS_H

#include "commands.h"

#include <stdio.h>

/* One allowed value of a keyword option. */
typedef struct opt_keyword {
    const char *name;
    int value;
} opt_keyword_t;

/* One option. Exactly one of the output pointers is set; it says what the
 * option takes. */
typedef struct opt_desc {
    const char *name;    /* without the leading "--" */
    int *flag;           /* set to 1 when present */
    unsigned *whole;     /* a whole number from min to max */
    double *number;      /* a number from min to max */
    const char **string; /* any text (points into argv) */
    int *keyword;        /* one of keywords[] (a {NULL} row ends them) */
    const opt_keyword_t *keywords;
    double min, max;
    const char *metavar; /* in --help: "--limit N" */
    const char *missing; /* "--db needs a directory"; default "a value" */
    const char *help;    /* one line or more ('\n' between) for --help */
} opt_desc_t;

/* What a command's words are, and what it does with them. */
typedef struct opts_command {
    const char *name;
    const char *synopsis;      /* the usage lines, each "resdex ..." ('\n' between) */
    const char *summary;       /* one line or more: what the command does */
    const char *json_help;     /* what --json gives, for --help */
    const char *notes;         /* printed after the options in --help; may be NULL */
    int dash_words;            /* words may start with '-' (see above) */
    int query_fields;          /* --help lists the query language's fields */
    const opt_desc_t *options; /* ends with a row whose name is NULL */
    /* Run with the words (NULL-terminated, pointing into argv). Returns the
     * exit status. */
    int (*run)(const global_options_t *g, char **words, int n_words);
} opts_command_t;

/* Which command argv names (argv[0] is the program): *at (OUT) is the index
 * of its name in argv, or 0 when the command is search by default (no
 * command's name is the first word). The tables of every command in
 * commands[] (a NULL-terminated list) say which options take a value. */
const opts_command_t *opts_find_command(int argc, char **argv,
                                        const opts_command_t *const *commands,
                                        const opts_command_t *fallback, int *at);

/* Parse argv (skipping argv[0] and argv[skip] when skip > 0) against the
 * command's table and the global options (into *g: --help and --version are
 * only noted there, for the caller to act on). *words (OUT) is a malloc()ed
 * NULL-terminated array of the words, in order (pointing into argv), that
 * the caller frees; *n_words (OUT) counts them. Returns 0, or -1 after a
 * one-line message on stderr. */
int opts_parse(const opts_command_t *cmd, global_options_t *g, int argc, char **argv, int skip,
               char ***words, int *n_words);

/* The command's --help, from its table. */
void opts_help(const opts_command_t *cmd, FILE *out);

#endif
