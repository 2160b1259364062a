/* batch.c - the --batch loop of search and similar; see batch.h. */
#include "batch.h"
#include "commands.h"
#include "describe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The answer to one line, described as one map. Returns 1 when the index
 * can no longer answer (a shard down: DB_OPENING), which ends the batch. */
static int
answer_line(sprinter_t *sp, resdex_db_t *db, const char *key, const char *line, size_t len,
            batch_answer_fn answer, batch_hit_fn hit, void *ctx, int *found)
{
    size_t bad = resdex_utf8_first_invalid(line, len);
    char *shown = resdex_utf8_lossy(line, len);
    char msg[96];
    int fatal = 0;
    sp_begin_map(sp);
    sp_key_string(sp, key, shown ? shown : "");
    free(shown);
    if (memchr(line, '\0', len)) {
        /* It would cut the line short: refuse it. */
        snprintf(msg, sizeof msg, "the %s contains a NUL byte", key);
        sp_key_string(sp, "error", msg);
    } else if (bad) {
        snprintf(msg, sizeof msg, "the %s is not valid UTF-8 (byte %zu)", key, bad);
        sp_key_string(sp, "error", msg);
    } else {
        resdex_db_reopen(db);
        resdex_results_t *r = NULL;
        resdex_status_t st = answer(db, line, ctx, &r);
        if (st != RESDEX_STATUS_SUCCESS) {
            const char *m = resdex_db_last_error(db);
            sp_key_string(sp, "error", m && *m ? m : resdex_status_to_string(st));
            fatal = st == RESDEX_STATUS_DB_OPENING;
        } else {
            sp_key_int(sp, "total", (long long)resdex_results_total(r));
            sp_key(sp, "hits");
            sp_begin_list(sp);
            for (size_t i = 0; i < resdex_results_count(r); i++)
                hit(sp, r, i);
            sp_end(sp);
            const char *lang = resdex_results_lang(r);
            if (lang) {
                /* A search's: whether the total is exact, the language searched. */
                sp_key(sp, "total_exact");
                sp_bool(sp, resdex_results_total_is_exact(r));
                sp_key_string(sp, "lang", lang);
                sp_key_int(sp, "paragraphs", (long long)resdex_results_paragraphs(r));
            }
            describe_shards_down(sp);
            *found |= resdex_results_count(r) > 0;
        }
        resdex_results_destroy(r);
    }
    sp_end(sp);
    return fatal;
}

int
batch_run(resdex_db_t *db, const char *cmd, const char *key, batch_answer_fn answer,
          batch_hit_fn hit, void *ctx)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int found = 0, status = EXIT_NOTHING;
    sprinter_t *sp = sprinter_new(stdout, NULL, NULL);
    if (!sp) {
        fprintf(stderr, "resdex %s: out of memory\n", cmd);
        return EXIT_ERROR;
    }
    while ((len = getline(&line, &cap, stdin)) >= 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        int fatal = answer_line(sp, db, key, line, (size_t)len, answer, hit, ctx, &found);
        if (fatal)
            fprintf(stderr, "resdex %s: %s\n", cmd, resdex_db_last_error(db));
        if (sprinter_failed(sp) || fflush(stdout) != 0) {
            fprintf(stderr, "resdex %s: cannot write the output\n", cmd);
            fatal = 1;
        }
        if (fatal) {
            /* Never a silent partial answer: the batch ends on its line. */
            free(line);
            sprinter_destroy(sp);
            return EXIT_ERROR;
        }
    }
    describe_warn_partial(cmd, 0);
    if (ferror(stdin)) {
        fprintf(stderr, "resdex %s: cannot read standard input\n", cmd);
        status = EXIT_ERROR;
    } else if (found) {
        status = EXIT_FOUND;
    }
    free(line);
    sprinter_destroy(sp);
    return status;
}
