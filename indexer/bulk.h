/* bulk.h - a new index built on every core.
 *
 * Xapian writes an index from one thread, and putting paragraphs into it is
 * most of indexing. When the index is new (no paragraphs, no file states)
 * and there are at least BULK_MIN_FILES files to read (a zip archive's
 * members count: an archive is cut into slices of its entries), the files
 * and slices are cut into runs in corpus order (about equal in bytes, a few
 * per thread), and ix->jobs threads each take the next run and index it
 * whole — reading, parsing, preparing, writing — into an index of its own,
 * a part, in ix->scratch. The parts are then merged in order into the index
 * (resdex_db_merge_parts): the paragraphs have the numbers one writer would
 * have given them, the file states are those it would have written, so the
 * index answers exactly as one built file by file — and is compact.
 *
 * Readers see the index empty until the merge; a crash before it leaves
 * the scratch folder, which the next cold build clears. A file that fails
 * to read or parse is loaded (its job `done`) but not indexed: the caller
 * deals with it as with any other (rejected, or deferred in watch mode).
 * An archive gets its file state once all its slices are in; one with no
 * member indexed, or that does not open, is left to the caller too (as one
 * writer would, it is rejected). An interruption (ix->interrupted) stops
 * the threads after their current file or member; what they finished is
 * merged and kept (an archive's members without the archive's state: the
 * next reconcile keeps them and indexes the rest). */
#ifndef RESDEXD_BULK_H
#define RESDEXD_BULK_H

#include "load.h"
#include "reconcile.h"

#include <stddef.h>

#define BULK_MIN_FILES 64

/* Build the new index from jobs[0..n) (in corpus order) when it is worth
 * it, each part with `pair_words` (the index's, pairs.h; NULL: the
 * built-in ones). 1: built (every job is `done`, or not reached after an
 * interruption; those `indexed` are in the index, counted and logged), 0:
 * not attempted (too few files, one thread, an index not new), -1: the
 * index failed (logged; nothing of the build is in the index). */
int bulk_build(indexer_t *ix, file_job_t *jobs, size_t n, const resdex_pair_words_t *pair_words);

/* Remove the scratch folder when it holds only what a build or a compaction
 * leaves there ("part-*", "merged", "compacted"). 0 when it is gone (or was
 * never there), -1 when it is not ours or cannot be removed (logged). */
int scratch_clear(const char *scratch);

#endif
