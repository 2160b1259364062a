/* pairs.c - the pair words of a new index, learnt from its corpus. See pairs.h. */
#include "pairs.h"
#include "log.h"

#include <stdlib.h>

resdex_pair_words_t *
pairs_learn(indexer_t *ix, file_job_t *jobs, size_t n)
{
    size_t want = n < PAIRS_SAMPLE_FILES ? n : PAIRS_SAMPLE_FILES;
    const resdex_prepared_t **sample = calloc(want + 1, sizeof *sample);
    if (!sample) {
        log_warning("out of memory: the index %s keeps the built-in pair words", ix->db_path);
        return NULL;
    }
    size_t got = 0;
    uint64_t paragraphs = 0;
    for (size_t k = 0; k < want; k++) {
        file_job_t *job = &jobs[k * n / want];
        /* As the loop after would load it; an archive, kept unparsed,
         * is no sample (its members are indexed one by one). */
        load_file(ix->corpus, job->rel, &job->old, &job->out);
        if (job->out.archive) {
            loaded_free(&job->out);
            continue;
        }
        job->preloaded = 1;
        if (loaded_ready(&job->out)) {
            sample[got++] = job->out.prepared;
            paragraphs += resdex_prepared_paragraphs(job->out.prepared);
        }
    }
    resdex_pair_words_t *words = NULL;
    resdex_status_t st = resdex_pair_words_learn(sample, got, &words);
    free(sample);
    if (st != RESDEX_STATUS_SUCCESS || resdex_pair_words_count(words) == 0) {
        if (st != RESDEX_STATUS_SUCCESS)
            log_warning("cannot learn the pair words of %s (%s): it keeps the built-in ones",
                        ix->db_path, resdex_status_to_string(st));
        else
            log_debug("no pair words learnt from %zu files: %s keeps the built-in ones", got,
                      ix->db_path);
        resdex_pair_words_destroy(words);
        return NULL;
    }
    if (resdex_db_set_pair_words(ix->db, words) != RESDEX_STATUS_SUCCESS) {
        log_debug("%s keeps its pair words: %s", ix->db_path, resdex_db_last_error(ix->db));
        resdex_pair_words_destroy(words);
        return NULL;
    }
    log_debug("learnt %zu pair words from %zu files (%llu paragraphs)",
              resdex_pair_words_count(words), got, (unsigned long long)paragraphs);
    return words;
}
