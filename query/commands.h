/* commands.h - the subcommands of resdex(1). Each returns the process exit
 * status: 0 something found (or done), 1 nothing found, 2 error (a one-line
 * message already on stderr). argv[0] is the subcommand's name. */
#ifndef RESDEX_QUERY_COMMANDS_H
#define RESDEX_QUERY_COMMANDS_H

#define EXIT_FOUND   0
#define EXIT_NOTHING 1
#define EXIT_ERROR   2

typedef struct global_options {
    const char *db_path; /* --db, else $RESDEX_DB, else $XDG_DATA_HOME/resdex */
} global_options_t;

int cmd_parse(const global_options_t *g, int argc, char **argv);
int cmd_search(const global_options_t *g, int argc, char **argv);
int cmd_show(const global_options_t *g, int argc, char **argv);
int cmd_stats(const global_options_t *g, int argc, char **argv);
int cmd_similar(const global_options_t *g, int argc, char **argv);

/* The index path: --db, else $RESDEX_DB, else $XDG_DATA_HOME/resdex, else
 * ~/.local/share/resdex. malloc()ed; NULL when no home can be found. */
char *resolve_db_path(const char *from_option);

/* Open the index read-only for subcommand `cmd`; on failure print a one-line
 * message naming the index and return NULL. */
struct resdex_db;
struct resdex_db *open_index(const global_options_t *g, const char *cmd);

#endif
