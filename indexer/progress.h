/* progress.h - how far a long reconcile is, for the person who waits.
 *
 * On a terminal, the progress line (log.h): files done of found, paragraphs,
 * rate and the time left; elsewhere (a journal, a pipe), an info line every
 * PROGRESS_LOG_MS once the reconcile has lasted that long. For readers,
 * the same figures through the library (resdex_db_set_progress), renewed
 * every PROGRESS_FILE_MS (first once the reconcile has lasted that long): `resdex stats` shows
 * "building: 3,120 of 11,400 files, ETA 2 min". Called from the thread that owns ix->db. */
#ifndef RESDEXD_PROGRESS_H
#define RESDEXD_PROGRESS_H

#include "reconcile.h"

#define PROGRESS_LOG_MS  5000
#define PROGRESS_FILE_MS 1000

/* A full reconcile of `total` files starts (building: into a new index). */
void progress_start(indexer_t *ix, size_t total, int building);
/* `done` files looked at, `paragraphs` indexed so far. */
void progress_report(indexer_t *ix, size_t done, uint64_t paragraphs);
/* The reconcile ended: the line is finished and readers see no progress. */
void progress_stop(indexer_t *ix);

#endif
