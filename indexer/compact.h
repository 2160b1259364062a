/* compact.h - an index that holds much more than its live data is
 * rewritten compactly.
 *
 * Xapian never gives back the space of deleted and replaced paragraphs: an
 * index whose corpus lost most of its files keeps its size. The size per
 * paragraph of the index when it was last compact (built in parts, or
 * compacted; else when first measured with paragraphs in it) is kept in the metadata key
 * "resdex:compact-size" ("<bytes> <paragraphs>"). When the index takes more
 * than COMPACT_RATIO times what its paragraphs took then, and at least
 * COMPACT_MIN_BYTES more, it is compacted (resdex_db_compact) in the scratch
 * folder beside it (DIR.build/compacted) and swapped in, the writer's lock
 * held; readers go on answering from the revision they hold. */
#ifndef RESDEXD_COMPACT_H
#define RESDEXD_COMPACT_H

#include "reconcile.h"

#define COMPACT_RATIO     3
#define COMPACT_MIN_BYTES (4u << 20)
#define META_COMPACT_SIZE "resdex:compact-size"

/* Compact the index when past the threshold, or always when `force`; the
 * baseline is recorded when missing. 0 (done, or not needed), -1 when the
 * index failed (logged). The index must have no uncommitted changes. */
int compact_maybe(indexer_t *ix, int force);

#endif
