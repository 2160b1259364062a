/* lasterror.c - the error contract of include/resdex.h, call by call, as a
 * program linked with the shared library sees it: resdex_db_last_error()
 * is "" after a successful call on the handle and a message after a failed
 * one. Each call on a handle is made first after a failure has left a
 * message (it must be gone when the call succeeds), then with a NULL where
 * the header requires a pointer (BAD_ARGUMENT, and a message). The calls
 * tested are checked against the header: a new function that takes a
 * resdex_db_t must be added here.
 *
 * Usage: lasterror HEADER CORPUS_DIR TMPDIR (make check: include/resdex.h,
 * the samples in corpus/, and an empty folder for the indexes, which the
 * caller removes). */
#include "resdex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int failures, passes;

static void
expect(int ok, const char *call, const char *what, const char *detail)
{
    if (ok) {
        passes++;
        return;
    }
    failures++;
    fprintf(stderr, "FAIL: %s: %s%s%s\n", call, what, detail ? ": " : "", detail ? detail : "");
}

/* A failed call that leaves a message on db. */
static void
dirty(resdex_db_t *db)
{
    char *v = NULL;
    resdex_status_t st = resdex_db_read_metadata(db, "lasterror:no-such-key", &v);
    expect(st == RESDEX_STATUS_NOT_FOUND && *resdex_db_last_error(db), "resdex_db_read_metadata",
           "a missing key fails with a message", resdex_status_to_string(st));
}

/* The call `name` answered st on db; it was to succeed. */
static void
succeeded(const char *name, resdex_db_t *db, resdex_status_t st)
{
    char why[512];
    snprintf(why, sizeof why, "%s (%s)", resdex_status_to_string(st), resdex_db_last_error(db));
    expect(st == RESDEX_STATUS_SUCCESS, name, "succeeds", why);
    expect(!*resdex_db_last_error(db), name, "success clears the last error",
           resdex_db_last_error(db));
}

/* The call `name` answered st on db, given a NULL it requires (or a
 * reader where it needs a writer). */
static void
refused(const char *name, resdex_db_t *db, resdex_status_t st)
{
    expect(st == RESDEX_STATUS_BAD_ARGUMENT, name, "refused: BAD_ARGUMENT",
           resdex_status_to_string(st));
    expect(*resdex_db_last_error(db) != '\0', name, "a failure leaves a message", NULL);
}

#define TESTED_MAX 64
static const char *tested[TESTED_MAX];
static size_t n_tested;

/* SUCCEED(db, call): call succeeds, after a failure, and clears its message;
 * REFUSE(db, call): call with a NULL fails with a message. */
#define NOTE(fn)                                                                                   \
    do {                                                                                           \
        if (n_tested < TESTED_MAX)                                                                 \
            tested[n_tested++] = #fn;                                                              \
    } while (0)
#define SUCCEED(db, fn, ...)                                                                       \
    do {                                                                                           \
        NOTE(fn);                                                                                  \
        dirty(db);                                                                                 \
        succeeded(#fn, db, fn(db, __VA_ARGS__));                                                   \
    } while (0)
#define REFUSE(db, fn, ...) refused(#fn, db, fn(db, __VA_ARGS__))
/* SUCCEED0(db, call): as SUCCEED, for a call taking the handle only. */
#define SUCCEED0(db, fn)                                                                           \
    do {                                                                                           \
        NOTE(fn);                                                                                  \
        dirty(db);                                                                                 \
        succeeded(#fn, db, fn(db));                                                                \
    } while (0)

static int
no_copy(const resdex_copy_t *c, void *ctx)
{
    (void)c, (void)ctx;
    return 0;
}
static int
no_meta(const char *key, const char *value, void *ctx)
{
    (void)key, (void)value, (void)ctx;
    return 0;
}
static int
no_file(const resdex_file_entry_t *e, void *ctx)
{
    (void)e, (void)ctx;
    return 0;
}
static int
no_count(const char *value, uint64_t count, void *ctx)
{
    (void)value, (void)count, (void)ctx;
    return 0;
}

/* Is every function of the header that takes a handle (but the handle's
 * own accessors and resdex_db_close) among those tested? */
static void
check_coverage(const char *header)
{
    FILE *f = fopen(header, "r");
    if (!f) {
        expect(0, header, "readable", NULL);
        return;
    }
    static char text[1 << 20];
    size_t len = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[len] = '\0';
    size_t found = 0;
    for (char *p = text; (p = strstr(p, "resdex_db_")) != NULL; p++) {
        size_t n = strspn(p, "abcdefghijklmnopqrstuvwxyz_0123456789");
        char *close = p[n] == '(' ? strchr(p + n, ')') : NULL;
        if (!close)
            continue;
        char name[64];
        snprintf(name, sizeof name, "%.*s", (int)n, p);
        char *arg = strstr(p + n, "resdex_db_t *");
        if (!arg || arg > close || !strcmp(name, "resdex_db_close") ||
            !strcmp(name, "resdex_db_last_error") || !strcmp(name, "resdex_db_path") ||
            /* accessors that cannot fail, as resdex_db_path */
            !strcmp(name, "resdex_db_shards_down") || !strcmp(name, "resdex_db_shard_down") ||
            !strcmp(name, "resdex_db_replaced_format"))
            continue;
        found++;
        int seen = 0;
        for (size_t i = 0; i < n_tested; i++)
            seen |= !strcmp(tested[i], name);
        expect(seen, name, "tested here (it takes a handle)", NULL);
    }
    expect(found > 25, header, "declares the calls on a handle", NULL);
}

int
main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: lasterror HEADER CORPUS_DIR TMPDIR\n");
        return 2;
    }
    const char *dir = argv[3];
    char path[512], scratch[600], part[600], sample[600];
    snprintf(path, sizeof path, "%s/db", dir);
    snprintf(scratch, sizeof scratch, "%s/scratch", dir);
    snprintf(part, sizeof part, "%s/part", dir);
    snprintf(sample, sizeof sample, "%s/cnd-55-12.txt", argv[2]);
    resdex_doc_t *doc = NULL;
    char *message = (char *)"stale";
    resdex_status_t st = resdex_parse_file(sample, &doc, &message);
    expect(st == RESDEX_STATUS_SUCCESS && !message, "resdex_parse_file",
           "parses the sample, no message", message);
    if (st != RESDEX_STATUS_SUCCESS)
        return 1;
    const resdex_resolution_t *res = resdex_doc_get(doc, 0);

    /* A part for the merge: the sample, indexed and committed. */
    resdex_db_t *p = NULL;
    NOTE(resdex_db_open);
    st = resdex_db_open(part, RESDEX_DB_PART, &p);
    succeeded("resdex_db_open", p, st);
    resdex_prepared_t *learnt_from = NULL;
    resdex_pair_sample_t *learn_set = NULL;
    resdex_pair_words_t *words = NULL;
    st = resdex_prepare_doc("cnd-55-12.txt", doc, &learnt_from);
    expect(st == RESDEX_STATUS_SUCCESS, "resdex_prepare_doc", "succeeds", NULL);
    st = resdex_pair_sample_new(&learn_set);
    if (st == RESDEX_STATUS_SUCCESS)
        st = resdex_pair_sample_add(learn_set, learnt_from);
    if (st == RESDEX_STATUS_SUCCESS)
        st = resdex_pair_words_learn(learn_set, &words);
    expect(st == RESDEX_STATUS_SUCCESS && resdex_pair_words_count(words) > 0,
           "resdex_pair_words_learn", "learns words from the sample", NULL);
    resdex_pair_sample_destroy(learn_set);
    REFUSE(p, resdex_db_set_pair_words, NULL);
    SUCCEED(p, resdex_db_set_pair_words, words);
    SUCCEED(p, resdex_db_index_doc, "cnd-55-12.txt", doc);
    /* The index holds paragraphs now: its pairs stay as they are. */
    REFUSE(p, resdex_db_set_pair_words, words);
    resdex_pair_words_destroy(words);
    resdex_prepared_destroy(learnt_from);
    SUCCEED(p, resdex_db_set_path_metadata, RESDEX_META_FILE_PREFIX, "cnd-55-12.txt", "1 2 3");
    SUCCEED0(p, resdex_db_commit);
    resdex_db_close(p);

    resdex_db_t *w = NULL;
    st = resdex_db_open(path, RESDEX_DB_READ_WRITE, &w);
    succeeded("resdex_db_open", w, st);
    const char *const parts[] = {part};
    SUCCEED(w, resdex_db_merge_parts, parts, 1, scratch);
    REFUSE(w, resdex_db_merge_parts, NULL, 1, scratch);
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", scratch);
    if (system(cmd) != 0)
        expect(0, cmd, "runs", NULL);
    SUCCEED(w, resdex_db_compact, scratch);
    REFUSE(w, resdex_db_compact, NULL);
    SUCCEED0(w, resdex_db_reopen);
    SUCCEED(w, resdex_db_set_metadata, "lasterror:key", "value");
    REFUSE(w, resdex_db_set_metadata, NULL, "value");
    SUCCEED0(w, resdex_db_cancel);
    SUCCEED(w, resdex_db_set_metadata, "lasterror:key", "value");
    SUCCEED0(w, resdex_db_commit);
    resdex_prepared_t *prepared = NULL;
    st = resdex_prepare_doc("again.txt", doc, &prepared);
    expect(st == RESDEX_STATUS_SUCCESS, "resdex_prepare_doc", "succeeds", NULL);
    SUCCEED(w, resdex_db_index_prepared, prepared);
    REFUSE(w, resdex_db_index_prepared, NULL);
    resdex_prepared_destroy(prepared);
    SUCCEED(w, resdex_db_remove_source, "again.txt");
    REFUSE(w, resdex_db_remove_source, NULL);
    REFUSE(w, resdex_db_index_doc, NULL, doc);
    REFUSE(w, resdex_db_set_path_metadata, NULL, "x", "1 2 3");
    SUCCEED0(w, resdex_db_commit);
    resdex_progress_t progress = {0, 1, 2, 3, -1, 1, 1};
    SUCCEED(w, resdex_db_set_progress, &progress);
    resdex_progress_t got;
    SUCCEED(w, resdex_db_get_progress, &got);
    REFUSE(w, resdex_db_get_progress, NULL);
    SUCCEED(w, resdex_db_set_progress, NULL);
    /* No reconcile running now: NOT_FOUND, with a message. */
    st = resdex_db_get_progress(w, &got);
    expect(st == RESDEX_STATUS_NOT_FOUND && *resdex_db_last_error(w), "resdex_db_get_progress",
           "no progress: NOT_FOUND with a message", resdex_status_to_string(st));
    SUCCEED(w, resdex_db_settle_copies, no_copy, NULL, NULL, NULL);
    SUCCEED0(w, resdex_db_commit);

    /* A reader of what was written. */
    resdex_db_t *r = NULL;
    st = resdex_db_open(path, RESDEX_DB_READ_ONLY, &r);
    succeeded("resdex_db_open", r, st);
    char *value = NULL;
    SUCCEED(r, resdex_db_read_metadata, "lasterror:key", &value);
    expect(value && !strcmp(value, "value"), "resdex_db_read_metadata", "reads the value", value);
    free(value);
    REFUSE(r, resdex_db_read_metadata, "lasterror:key", NULL);
    SUCCEED(r, resdex_db_list_metadata, "lasterror:", no_meta, NULL);
    REFUSE(r, resdex_db_list_metadata, "lasterror:", NULL, NULL);
    SUCCEED(r, resdex_db_list_files, RESDEX_FILE_INDEXED, NULL, no_file, NULL);
    REFUSE(r, resdex_db_list_files, RESDEX_FILE_INDEXED, NULL, NULL, NULL);
    size_t migrated = 0;
    SUCCEED(r, resdex_db_list_path_metadata, RESDEX_META_FILE_PREFIX, NULL, no_meta, NULL,
            &migrated);
    REFUSE(r, resdex_db_list_path_metadata, RESDEX_META_FILE_PREFIX, NULL, NULL, NULL, &migrated);
    SUCCEED(r, resdex_db_list_shadowed, no_copy, NULL);
    REFUSE(r, resdex_db_list_shadowed, NULL, NULL);
    resdex_db_counts_t counts;
    SUCCEED(r, resdex_db_get_counts, &counts);
    expect(counts.resolutions == 1, "resdex_db_get_counts", "one resolution", NULL);
    REFUSE(r, resdex_db_get_counts, NULL);
    SUCCEED(r, resdex_db_facet_counts, "lang", no_count, NULL);
    REFUSE(r, resdex_db_facet_counts, NULL, no_count, NULL);
    uint64_t bytes = 0;
    SUCCEED(r, resdex_db_disk_bytes, &bytes);
    expect(bytes > 0, "resdex_db_disk_bytes", "the index has a size", NULL);
    REFUSE(r, resdex_db_disk_bytes, NULL);
    char *json = NULL;
    SUCCEED(r, resdex_db_stats_json, &json);
    free(json);
    REFUSE(r, resdex_db_stats_json, NULL);

    resdex_results_t *hits = NULL;
    resdex_search_options_t so = {0};
    so.query = "drug";
    so.limit = 5;
    SUCCEED(r, resdex_db_search, &so, &hits);
    expect(resdex_results_count(hits) > 0, "resdex_db_search", "finds the sample", NULL);
    resdex_results_destroy(hits);
    REFUSE(r, resdex_db_search, NULL, &hits);
    SUCCEED(r, resdex_db_find_resolution, res->symbol, NULL, &hits);
    resdex_results_destroy(hits);
    REFUSE(r, resdex_db_find_resolution, NULL, NULL, &hits);
    SUCCEED(r, resdex_db_find_citing, res, 5, &hits);
    resdex_results_destroy(hits);
    REFUSE(r, resdex_db_find_citing, NULL, 5, &hits);
    resdex_similar_options_t sim = {0};
    sim.text = res->paragraphs[res->n_paragraphs - 1].text;
    SUCCEED(r, resdex_db_similar, &sim, &hits);
    resdex_results_destroy(hits);
    REFUSE(r, resdex_db_similar, NULL, &hits);
    char id[256], anchor[32];
    resdex_paragraph_anchor(res, res->n_paragraphs - 1, anchor, sizeof anchor);
    snprintf(id, sizeof id, "%s#%s", res->symbol, anchor);
    SUCCEED(r, resdex_db_lineage, id, NULL, &hits);
    resdex_results_destroy(hits);
    REFUSE(r, resdex_db_lineage, NULL, NULL, &hits);
    resdex_check_t *check = NULL;
    SUCCEED(r, resdex_db_check, doc, NULL, &check);
    resdex_check_destroy(check);
    REFUSE(r, resdex_db_check, NULL, NULL, &check);
    SUCCEED0(r, resdex_db_reopen);
    REFUSE(r, resdex_db_settle_copies, no_copy, NULL, NULL, NULL); /* writable db only */
    /* Writing through a reader: BAD_ARGUMENT with a message. */
    st = resdex_db_commit(r);
    expect(st == RESDEX_STATUS_BAD_ARGUMENT && *resdex_db_last_error(r), "resdex_db_commit",
           "a reader cannot commit: a message", NULL);
    resdex_db_close(r);
    resdex_db_close(w);
    resdex_doc_destroy(doc);

    check_coverage(argv[1]);
    printf("%d passed, %d failed\n", passes, failures);
    return failures ? 1 : 0;
}
