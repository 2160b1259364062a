/* batch.c - the --batch loop of search and similar; see batch.h. */
#include "batch.h"
#include "commands.h"
#include "json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The answer to one line: a new JSON object. */
static json_t *
answer_line(resdex_db_t *db, const char *key, const char *line, size_t len, batch_answer_fn answer,
            batch_hit_fn hit, void *ctx, int *found)
{
    size_t bad = 0;
    json_t *out = json_object();
    json_object_set_new(out, key, json_lossy_string(line, len, &bad));
    char msg[96];
    if (memchr(line, '\0', len)) {
        /* It would cut the line short: refuse it. */
        snprintf(msg, sizeof msg, "the %s contains a NUL byte", key);
        json_object_set_new(out, "error", json_string(msg));
        return out;
    }
    if (bad) {
        snprintf(msg, sizeof msg, "the %s is not valid UTF-8 (byte %zu)", key, bad);
        json_object_set_new(out, "error", json_string(msg));
        return out;
    }
    resdex_db_reopen(db);
    resdex_results_t *r = NULL;
    resdex_status_t st = answer(db, line, ctx, &r);
    if (st != RESDEX_STATUS_SUCCESS) {
        const char *m = resdex_db_last_error(db);
        json_object_set_new(out, "error", json_string(m && *m ? m : resdex_status_to_string(st)));
        return out;
    }
    json_t *hits = json_array();
    for (size_t i = 0; i < resdex_results_count(r); i++)
        json_array_append_new(hits, hit(r, i));
    json_object_set_new(out, "total", json_integer((json_int_t)resdex_results_total(r)));
    json_object_set_new(out, "hits", hits);
    *found |= resdex_results_count(r) > 0;
    resdex_results_destroy(r);
    return out;
}

int
batch_run(resdex_db_t *db, const char *cmd, const char *key, batch_answer_fn answer,
          batch_hit_fn hit, void *ctx)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int found = 0, status = EXIT_NOTHING;
    while ((len = getline(&line, &cap, stdin)) >= 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        json_t *out = answer_line(db, key, line, (size_t)len, answer, hit, ctx, &found);
        int rc = json_print_line(out, stdout);
        json_decref(out);
        if (rc != 0 || fflush(stdout) != 0) {
            fprintf(stderr, "resdex %s: cannot write the output\n", cmd);
            free(line);
            return EXIT_ERROR;
        }
    }
    if (ferror(stdin)) {
        fprintf(stderr, "resdex %s: cannot read standard input\n", cmd);
        status = EXIT_ERROR;
    } else if (found) {
        status = EXIT_FOUND;
    }
    free(line);
    return status;
}
