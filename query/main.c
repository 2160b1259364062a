/* main.c - resdex(1): the query tool. Global options, then a subcommand. */
#include "commands.h"
#include "resdex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *
resolve_db_path(const char *from_option)
{
    if (from_option && *from_option)
        return strdup(from_option);
    return resdex_db_default_path();
}

resdex_db_t *
open_index(const global_options_t *g, const char *cmd)
{
    char *path = resolve_db_path(g->db_path);
    if (!path) {
        fprintf(stderr, "resdex %s: no index location: use --db DIR or set RESDEX_DB\n", cmd);
        return NULL;
    }
    resdex_db_t *db = NULL;
    resdex_status_t st = resdex_db_open(path, RESDEX_DB_READ_ONLY, &db);
    if (st != RESDEX_STATUS_SUCCESS) {
        const char *m = resdex_db_last_error(db);
        /* The library's message names the index already. */
        if (m && *m)
            fprintf(stderr, "resdex %s: %s", cmd, m);
        else
            fprintf(stderr, "resdex %s: cannot open the index %s: %s", cmd, path,
                    resdex_status_to_string(st));
        /* What to type: with the default corpus (installed, or the source
         * tree's samples) resdexd needs no --corpus; else it does. */
        if (st == RESDEX_STATUS_DB_OPENING)
            fprintf(stderr, " (build it with: resdexd --once%s%s%s)", g->db_path ? " --db " : "",
                    g->db_path ? g->db_path : "", resdex_default_corpus() ? "" : " --corpus DIR");
        fputc('\n', stderr);
        resdex_db_close(db);
        db = NULL;
    }
    free(path);
    return db;
}

static void
usage(FILE *out)
{
    fprintf(out,
            "usage: resdex [--db DIR] COMMAND [OPTIONS] [ARGS]\n"
            "       resdex [--db DIR] QUERY...          (the same as search)\n"
            "\n"
            "commands:\n"
            "  search [--json] [--limit N] [--offset N] [--all] [--sort relevance|date]\n"
            "         [--full] [--group] [--count | --facets | --batch] QUERY...\n"
            "                           ranked operative paragraphs with their context\n"
            "  show [--json] [--lang xx[,yy]] SYMBOL[#ANCHOR]\n"
            "                           a resolution in order, or one paragraph\n"
            "  similar [--json] [--limit N] [--lineage] (--text T | --file F | - | SYMBOL#ANCHOR)\n"
            "                           where this wording was used before, and what changed\n"
            "  stats [--json]           what the index holds, and the files it rejected\n"
            "  parse [--json] FILE...   show how files are parsed (no index needed)\n"
            "\n"
            "The index: --db DIR, else $RESDEX_DB, else $XDG_DATA_HOME/resdex\n"
            "(~/.local/share/resdex). resdex COMMAND --help and resdex(1) say more.\n"
            "exit status: 0 found, 1 nothing found, 2 error\n");
}

typedef struct command {
    const char *name;
    int (*run)(const global_options_t *g, int argc, char **argv);
} command_t;

static const command_t commands[] = {
    {"parse", cmd_parse}, {"search", cmd_search},   {"show", cmd_show},
    {"stats", cmd_stats}, {"similar", cmd_similar}, {NULL, NULL},
};

int
main(int argc, char **argv)
{
    global_options_t g = {0};
    /* Global options come before the command. Anything else that starts
     * with "--" is the shorthand search's (resdex --json prison). */
    int i = 1;
    for (; i < argc; i++) {
        const char *s = argv[i];
        if (strcmp(s, "--db") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "resdex: --db needs a directory\n");
                return EXIT_ERROR;
            }
            g.db_path = argv[++i];
        } else if (strncmp(s, "--db=", 5) == 0) {
            g.db_path = s + 5;
        } else if (strcmp(s, "--help") == 0 || strcmp(s, "-h") == 0) {
            usage(stdout);
            return EXIT_FOUND;
        } else if (strcmp(s, "--version") == 0 || strcmp(s, "-V") == 0) {
            printf("resdex %s\n", resdex_version());
            return EXIT_FOUND;
        } else {
            break;
        }
    }
    if (i >= argc) {
        usage(stderr);
        return EXIT_ERROR;
    }
    for (const command_t *cmd = commands; cmd->name; cmd++)
        if (strcmp(argv[i], cmd->name) == 0)
            return cmd->run(&g, argc - i, argv + i);
    /* resdex QUERY...: a search. argv[i - 1] stands in for the command's
     * name (search's parser skips it). */
    return cmd_search(&g, argc - i + 1, argv + i - 1);
}
