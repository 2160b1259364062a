/* pairs.c - the pair words of a new index, learnt from its corpus. See pairs.h. */
#include "pairs.h"
#include "clock.h"
#include "log.h"

resdex_pair_words_t *
pairs_learn(indexer_t *ix, const file_job_t *jobs, size_t n)
{
    uint64_t t0 = clock_ms();
    size_t want = n < PAIRS_SAMPLE_FILES ? n : PAIRS_SAMPLE_FILES;
    resdex_pair_sample_t *sample = NULL;
    resdex_pair_words_t *words = NULL;
    resdex_status_t st = resdex_pair_sample_new(&sample);
    size_t got = 0;
    uint64_t paragraphs = 0;
    for (size_t k = 0; k < want && st == RESDEX_STATUS_SUCCESS; k++) {
        const file_job_t *job = &jobs[k * n / want];
        /* As the loop after loads it (an archive stays unparsed, no
         * prepared paragraphs: no sample); what fails is that loop's to
         * report. Counted, then dropped: kept, the sample's terms and
         * positions (about 15 KB a paragraph) doubled resdexd's memory. */
        loaded_t l;
        load_file(ix->corpus, job->rel, &job->old, &l);
        if (loaded_ready(&l) && l.prepared) {
            st = resdex_pair_sample_add(sample, l.prepared);
            got++;
            paragraphs += resdex_prepared_paragraphs(l.prepared);
        }
        loaded_free(&l);
    }
    if (st == RESDEX_STATUS_SUCCESS)
        st = resdex_pair_words_learn(sample, &words);
    resdex_pair_sample_destroy(sample);
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
    log_debug("learnt %zu pair words from %zu files (%llu paragraphs) in %.2f s",
              resdex_pair_words_count(words), got, (unsigned long long)paragraphs,
              (double)(clock_ms() - t0) / 1000.0);
    return words;
}
