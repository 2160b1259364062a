/* pairs.h - the pair words of a new index, learnt from its corpus.
 *
 * Before the first paragraph goes into a new index, a sample of the files
 * about to be indexed (PAIRS_SAMPLE_FILES of them, spread evenly over the
 * corpus's order; zip archives left out) is loaded one file at a time, and
 * the library learns from it the words whose pairs the index writes
 * (resdex.h, resdex_pair_words_learn): a corpus whose frequent words are
 * not the UN's usual ones gets fast phrases too. The sample's files are
 * read again when they are indexed (1.5% of a build's CPU at 200k
 * paragraphs). When nothing is learnt (no sample, or a failure, logged)
 * the index keeps the built-in list: only speed is at stake, never what is
 * found. */
#ifndef RESDEXD_PAIRS_H
#define RESDEXD_PAIRS_H

#include "load.h"
#include "reconcile.h"

#define PAIRS_SAMPLE_FILES 100

/* Learn the pair words of ix->db, which holds no paragraph, from a sample
 * of jobs[0..n), and set them there, uncommitted (the caller counts the
 * change). The words (for the parts of a cold build, bulk.c; the caller
 * destroys them), or NULL: nothing set. */
resdex_pair_words_t *pairs_learn(indexer_t *ix, const file_job_t *jobs, size_t n);

#endif
