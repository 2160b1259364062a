/* shard.h - which resolutions of the corpus this resdexd indexes (--shard K/N).
 *
 * Shard K of N holds the resolutions whose symbol (ASCII letters lowered, a
 * carried draft's "/DR" left off) hashes (FNV-1a, 64 bits) to K-1 modulo N:
 * a partition that depends on the symbols alone, so that N runs with
 * 1/N .. N/N index every resolution exactly once, whatever the machine, the
 * order of the walk or the time, and every copy and language of one
 * resolution in one shard (where one of its copies shadows the others, as
 * in one index, and folding sees them together). Each shard reads and
 * parses every file, archive members too, and keeps only its resolutions
 * (shard_keep); a file records on each shard the paragraphs it kept there
 * (readers of a stub sum them). What links different resolutions
 * (provenance, folding across resolutions, citations) is resolved at query
 * time over all the shards joined (doc/shards.md). */
#ifndef RESDEXD_SHARD_H
#define RESDEXD_SHARD_H

#include "resdex.h"

/* The metadata keys of a shard: resdex.h. */
#define META_SHARD    RESDEX_META_SHARD
#define META_SHARD_BY RESDEX_META_SHARD_BY

#include <stddef.h>

/* Parse "K/N" (1 <= K <= N <= 1024) into *k and *n; 0, or -1 when it is not one. */
int shard_parse(const char *s, unsigned *k, unsigned *n);
/* From now on shard_keep() keeps shard k of n (n = 0 or 1: every resolution). */
void shard_set(unsigned k, unsigned n);
/* Nonzero when the resolution `symbol` belongs to this shard. */
int shard_owns_symbol(const char *symbol);
/* Drop from doc the resolutions of other shards; how many it keeps. */
size_t shard_keep(resdex_doc_t *doc);

#endif
