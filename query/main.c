/* main.c - resdex(1): the query tool. Which command, its options (opts.h),
 * then the command. */
#include "commands.h"
#include "describe.h"
#include "opts.h"
#include "resdex.h"

#include <stdio.h>
#include <sys/stat.h>
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
    resdex_status_t st =
        resdex_db_open(path, g->partial ? RESDEX_DB_READ_PARTIAL : RESDEX_DB_READ_ONLY, &db);
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
        struct stat at;
        int stub = stat(path, &at) == 0 && S_ISREG(at.st_mode); /* its shards are built apart */
        /* Not when the library's message already says how to rebuild it. */
        if (st == RESDEX_STATUS_DB_OPENING && !stub && !(m && strstr(m, "resdexd")))
            fprintf(stderr, " (build it with: resdexd --once%s%s%s)", g->db_path ? " --db " : "",
                    g->db_path ? g->db_path : "", resdex_default_corpus() ? "" : " --corpus DIR");
        fputc('\n', stderr);
        resdex_db_close(db);
        db = NULL;
    }
    free(path);
    describe_mark_partial(db);
    return db;
}

static void
usage(FILE *out)
{
    fprintf(out, "usage: resdex [--db DIR] [--json] COMMAND [OPTIONS] [ARGS]\n"
                 "       resdex [--db DIR] [--json] [OPTIONS] QUERY...   (the same as search)\n"
                 "\n"
                 "commands:\n"
                 "  search [--limit N] [--offset N] [--all] [--sort relevance|date]\n"
                 "         [--full] [--group] [--count | --facets | --batch] QUERY...\n"
                 "                           ranked operative paragraphs with their context\n"
                 "  show [--lang xx[,yy]] SYMBOL[#ANCHOR]\n"
                 "                           a resolution in order, or one paragraph\n"
                 "  similar [--limit N] [--lineage] (--text T | --file F | - | SYMBOL#ANCHOR)\n"
                 "                           where this wording was used before, and what changed\n"
                 "  stats                    what the index holds, and the files it rejected\n"
                 "  parse FILE...            show how files are parsed (no index needed)\n"
                 "  serve [--listen HOST:PORT]\n"
                 "                           the page for delegates and the HTTP JSON API\n"
                 "\n"
                 "Options go anywhere, before or after the command and its words; -- ends them.\n"
                 "The first word names the command when it is one of these; any other word\n"
                 "starts a query (resdex search stats, or resdex -- stats, searches for 'stats').\n"
                 "The index: --db DIR, else $RESDEX_DB, else $XDG_DATA_HOME/resdex\n"
                 "(~/.local/share/resdex). resdex COMMAND --help and resdex(1) say more.\n"
                 "exit status: 0 found, 1 nothing found, 2 error\n");
}

static const opts_command_t *const commands[] = {
    &command_parse,   &command_search, &command_show,  &command_stats,
    &command_similar, &command_check,  &command_serve, NULL,
};

int
main(int argc, char **argv)
{
    global_options_t g = {0};
    int at = 0;
    const opts_command_t *cmd = opts_find_command(argc, argv, commands, &command_search, &at);
    char **words = NULL;
    int n_words = 0;
    if (opts_parse(cmd, &g, argc, argv, at, &words, &n_words) != 0)
        return EXIT_ERROR;
    int status;
    if (g.version) {
        printf("resdex %s\n", resdex_version());
        status = EXIT_FOUND;
    } else if (g.help) {
        /* resdex --help: the commands; resdex [search] ... --help: one's. */
        if (at || n_words)
            opts_help(cmd, stdout);
        else
            usage(stdout);
        status = EXIT_FOUND;
    } else if (!at && !n_words && !g.n_command_options) {
        /* Nothing to do: resdex, resdex --db DIR. */
        usage(stderr);
        status = EXIT_ERROR;
    } else {
        status = cmd->run(&g, words, n_words);
    }
    free(words);
    return status;
}
