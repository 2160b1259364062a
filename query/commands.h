/* commands.h - the subcommands of resdex(1). Each returns the process exit
 * status: 0 something found (or done), 1 nothing found, 2 error (a one-line
 * message already on stderr). */
#ifndef RESDEX_QUERY_COMMANDS_H
#define RESDEX_QUERY_COMMANDS_H

#define EXIT_FOUND   0
#define EXIT_NOTHING 1
#define EXIT_ERROR   2

/* The options every command takes, before or after its name (opts.h). */
typedef struct global_options {
    const char *db_path;   /* --db, else $RESDEX_DB, else $XDG_DATA_HOME/resdex */
    int json;              /* --json: JSON (Lines) instead of the text layout */
    int help, version;     /* --help, --version: print and exit */
    int partial;           /* --partial: answer from the shards that answer (marked) */
    int n_command_options; /* how many of the command's own options were given */
} global_options_t;

/* The commands, each a table of options and a run function (opts.h). */
struct opts_command;
extern const struct opts_command command_parse, command_search, command_show, command_stats,
    command_similar, command_check, command_serve;

/* The index path: --db, else $RESDEX_DB, else $XDG_DATA_HOME/resdex, else
 * ~/.local/share/resdex. malloc()ed; NULL when no home can be found. */
char *resolve_db_path(const char *from_option);

/* Open the index read-only for subcommand `cmd`; on failure print a one-line
 * message naming the index and return NULL. */
struct resdex_db;
struct resdex_db *open_index(const global_options_t *g, const char *cmd);

#endif
