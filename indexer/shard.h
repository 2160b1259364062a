/* shard.h - which files of the corpus this resdexd indexes (--shard K/N).
 *
 * Shard K of N holds the files whose corpus-relative path hashes (FNV-1a,
 * 64 bits) to K-1 modulo N: a partition of the corpus that depends on the
 * paths alone, so that N runs with 1/N .. N/N index every file exactly
 * once, whatever the machine, the order of the walk or the time. A zip
 * archive goes whole to one shard (its path is the file's). Nothing that
 * links files (provenance, folding, citations, a resolution's languages)
 * needs them on one shard: those links are resolved at query time over
 * all the shards joined (doc/shards.md). Files of the other shards are
 * left out quietly, counted as skipped. */
#ifndef RESDEXD_SHARD_H
#define RESDEXD_SHARD_H

/* The metadata key that records "K/N" in a shard's index. */
#define META_SHARD "resdex:shard"

/* Parse "K/N" (1 <= K <= N <= 1024) into *k and *n; 0, or -1 when it is not one. */
int shard_parse(const char *s, unsigned *k, unsigned *n);
/* From now on shard_owns() answers for shard k of n (n = 0 or 1: every file). */
void shard_set(unsigned k, unsigned n);
/* Nonzero when the file at corpus-relative path rel belongs to this shard. */
int shard_owns(const char *rel);

#endif
