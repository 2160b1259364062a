/* batch.h - the --batch loop of search and similar: one JSON line answers
 * each input line, flushed at once, so that another program can talk to
 * resdex in lock step and pay its start-up cost once. */
#ifndef RESDEX_QUERY_BATCH_H
#define RESDEX_QUERY_BATCH_H

#include "resdex.h"
#include "sprinter.h"

/* Answer one line (UTF-8, without its line end): *results (OUT) as the
 * library's search functions set it. */
typedef resdex_status_t (*batch_answer_fn)(resdex_db_t *db, const char *line, void *ctx,
                                           resdex_results_t **results);
/* Describe hit i as one map. */
typedef void (*batch_hit_fn)(sprinter_t *sp, const resdex_results_t *results, size_t i);

/* Read standard input line by line (LF or CR LF) until its end. For each
 * line, move db to the latest commit (a long batch sees what resdexd wrote
 * since), then print {KEY: line, "total": N, "hits": [...]}, or
 * {KEY: line, "error": message} for a line the library refuses, holds a NUL
 * byte or is not UTF-8 (those bytes shown as U+FFFD). KEY is "query" or
 * "input"; cmd names the command in messages.
 * A line answered while shards are left out (--partial) also has
 * "shards_down":[names]. A line the index cannot answer at all (a shard
 * down without --partial: DB_OPENING) is the last: its error line, the
 * message on stderr, and EXIT_ERROR.
 * Returns EXIT_FOUND when some line found something, EXIT_NOTHING when none
 * did, EXIT_ERROR when standard input or output failed (message printed). */
int batch_run(resdex_db_t *db, const char *cmd, const char *key, batch_answer_fn answer,
              batch_hit_fn hit, void *ctx);

#endif
