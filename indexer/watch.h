/* watch.h - inotify on the corpus folder and every folder below it.
 *
 * Events are not acted on one by one: they name paths that have become
 * "dirty", collected in a watch_batch_t until the burst is over (no event
 * for WATCH_QUIET_MS, or WATCH_MAX_DELAY_MS after the first), and then each
 * dirty path is reconciled. A move within the corpus dirties both names in
 * the same batch, so it lands in one commit. An atomic save (write a
 * temporary file, rename it over the document) is a move from a skipped name:
 * only the document's name is dirty. */
#ifndef RESDEXD_WATCH_H
#define RESDEXD_WATCH_H

#include <stddef.h>
#include <stdint.h>

#define WATCH_QUIET_MS     100
#define WATCH_MAX_DELAY_MS 400
/* More dirty paths than this in one batch: reconcile everything instead. */
#define WATCH_MAX_DIRTY 4096

typedef struct watch_batch {
    char **paths; /* corpus-relative, distinct */
    size_t n, cap;
    int full;          /* queue overflow, corpus back, SIGHUP: reconcile all */
    uint64_t first_ms; /* time of the first event of the batch */
    uint64_t last_ms;  /* time of the latest event */
} watch_batch_t;

/* Mark a path dirty; -1 when out of memory. */
int watch_batch_add(watch_batch_t *b, const char *rel);
int watch_batch_empty(const watch_batch_t *b);
/* Milliseconds until the batch is due (0: now), -1 when it is empty. */
int watch_batch_due_in(const watch_batch_t *b, uint64_t now);
void watch_batch_clear(watch_batch_t *b);

typedef struct watcher watcher_t;

/* Start watching: NULL on failure (logged). No folder is watched until
 * watcher_add_dir() is called (the reconcile's walk does that). */
watcher_t *watcher_new(const char *corpus);
void watcher_free(watcher_t *w);
int watcher_fd(const watcher_t *w);

/* A walk_dir_fn: watch the folder `abs` known as `rel` (ctx: the watcher). */
int watcher_add_dir(const char *abs, const char *rel, void *ctx);

/* Stop watching `rel` and every folder below it (it was removed or moved
 * away; if it moved within the corpus, the new name is walked again). */
void watcher_forget(watcher_t *w, const char *rel);

/* Read every pending event into the batch. Returns 0, or -1 on a read
 * error (logged). */
int watcher_read(watcher_t *w, watch_batch_t *b);

/* Nonzero when the corpus folder itself was deleted or moved away: nothing
 * is watched until it comes back (the caller polls and reconciles). */
int watcher_root_lost(const watcher_t *w);
void watcher_root_back(watcher_t *w);

#endif
