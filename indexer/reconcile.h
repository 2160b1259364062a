/* reconcile.h - making the index equal to (part of) the corpus folder.
 *
 * One operation does all the work, for the whole corpus at start, SIGHUP or
 * an inotify overflow, and for the few paths an inotify burst names: list
 * what is on disk below a path, list the file states the index holds below
 * it, and walk both in order. A new file is indexed, a changed one
 * re-indexed (or only its state updated when its content hash is the same),
 * a vanished one dropped; a file that fails to parse is recorded as
 * rejected and its last good version stays indexed. A file removed and one
 * added with the same content hash is logged as a move, and both happen in
 * the same commit.
 *
 * Each file's paragraphs and its state go into the same commit; commits
 * group many files (COMMIT_FILES or COMMIT_MS, whichever comes first). A
 * crash loses at most the uncommitted files, which the next start redoes. */
#ifndef RESDEXD_RECONCILE_H
#define RESDEXD_RECONCILE_H

#include "resdex.h"
#include "walk.h"

#include <stddef.h>
#include <stdint.h>

/* Commit a batch after this many changed files, or this long after its
 * first change. */
#define COMMIT_FILES 200
#define COMMIT_MS    2000
/* A file younger than this may still be being written. */
#define FRESH_MS 1000

typedef struct indexer {
    resdex_db_t *db;
    const char *corpus;  /* absolute, no trailing "/" */
    const char *db_path; /* for messages */

    /* Hooks: on_dir sees every folder walked (the watcher adds its watch
     * there); interrupted() is polled between files, nonzero stops the
     * reconcile early (what is done so far stays consistent). */
    walk_dir_fn on_dir;
    void *on_dir_ctx;
    int (*interrupted)(void *ctx);
    void *interrupted_ctx;
    /* When set (watch mode): a file that fails to read or parse but was
     * modified less than FRESH_MS ago is probably still being written
     * (a folder copied in file by file): instead of rejecting it, defer()
     * is called and the caller looks at it again a little later. */
    void (*defer)(const char *rel, void *ctx);
    void *defer_ctx;
    int progress; /* draw the progress line during full reconciles */
    /* Threads building a new index (bulk.c); 1: one writer, as always. */
    int jobs;
    /* Where a new index's parts are built; NULL: no parts. */
    const char *scratch;
    /* Nonzero: every copy of a resolution held by several files is searched
     * (RESDEX_KEEP_COPIES=1, for the tests that index one sample many
     * times); otherwise each commit settles them (resdex_db_settle_copies). */
    int keep_copies;

    /* The open batch. */
    size_t uncommitted;
    uint64_t batch_start_ms;

    /* Totals since the start (for logs and the exit status). */
    size_t n_indexed, n_touched, n_removed, n_rejected, n_moved, n_skipped;
    size_t n_shadowed; /* copies shadowed by a commit (another file holds them) */
    uint64_t n_paragraphs;
} indexer_t;

typedef enum reconcile_result {
    RECONCILE_DONE = 0,
    RECONCILE_INTERRUPTED, /* interrupted() said stop */
    RECONCILE_FATAL        /* the index failed (logged): give up */
} reconcile_result_t;

/* Reconcile the corpus-relative path `rel` ("" for the whole corpus). */
reconcile_result_t indexer_reconcile(indexer_t *ix, const char *rel);

/* Commit the open batch (with resdex:last-update and resdex:corpus), when
 * there is one. 0 on success, -1 on failure (logged). */
int indexer_commit(indexer_t *ix);

/* Commit only when the batch is big or old enough. */
int indexer_maybe_commit(indexer_t *ix);

#endif
