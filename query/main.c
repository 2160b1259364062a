/* main.c - resdex(1): the query tool. Global options, then a subcommand. */
#include "commands.h"
#include "resdex.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *
resolve_db_path(const char *from_option)
{
    if (from_option && *from_option)
        return strdup(from_option);
    const char *env = getenv("RESDEX_DB");
    if (env && *env)
        return strdup(env);
    char *path = NULL;
    const char *xdg = getenv("XDG_DATA_HOME");
    if (xdg && *xdg) {
        if (asprintf(&path, "%s/resdex", xdg) < 0)
            return NULL;
        return path;
    }
    const char *home = getenv("HOME");
    if (!home || !*home)
        return NULL;
    if (asprintf(&path, "%s/.local/share/resdex", home) < 0)
        return NULL;
    return path;
}

static void
usage(FILE *out)
{
    fprintf(out, "usage: resdex [--db DIR] COMMAND [OPTIONS] [ARGS]\n"
                 "\n"
                 "commands:\n"
                 "  parse [--json] FILE...   show how files are parsed (no index needed)\n"
                 "\n"
                 "exit status: 0 found, 1 nothing found, 2 error\n");
}

typedef struct command {
    const char *name;
    int (*run)(const global_options_t *g, int argc, char **argv);
} command_t;

static const command_t commands[] = {
    {"parse", cmd_parse},
    {"search", cmd_search},
    {"show", cmd_show},
    {"stats", cmd_stats},
    {"similar", cmd_similar},
    {NULL, NULL},
};

int
main(int argc, char **argv)
{
    global_options_t g = {0};
    static const struct option longopts[] = {{"db", required_argument, NULL, 'd'},
                                             {"help", no_argument, NULL, 'h'},
                                             {"version", no_argument, NULL, 'V'},
                                             {NULL, 0, NULL, 0}};
    int c;
    /* "+": stop at the first non-option, the subcommand. */
    while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
        switch (c) {
        case 'd':
            g.db_path = optarg;
            break;
        case 'h':
            usage(stdout);
            return EXIT_FOUND;
        case 'V':
            printf("resdex %s\n", resdex_version());
            return EXIT_FOUND;
        default:
            usage(stderr);
            return EXIT_ERROR;
        }
    }
    if (optind >= argc) {
        usage(stderr);
        return EXIT_ERROR;
    }
    for (const command_t *cmd = commands; cmd->name; cmd++)
        if (strcmp(argv[optind], cmd->name) == 0)
            return cmd->run(&g, argc - optind, argv + optind);
    fprintf(stderr, "resdex: unknown command '%s' (see resdex --help)\n", argv[optind]);
    return EXIT_ERROR;
}
