/* index_dump.c - print what an index holds, for the daemon's end-to-end
 * tests (public API only, so it does not depend on the query tool).
 *
 *   index_dump DB           everything, in a stable order:
 *       count<TAB>PARAGRAPHS<TAB>SOURCES       from resdex_db_get_counts
 *       SOURCE<TAB>ID<TAB>TEXTHASH             one line per paragraph, sorted
 *       file:PATH<TAB>STATE                    the daemon's file states
 *       rejected:PATH                          rejected files (no time: stable)
 *       resdex:KEY[<TAB>VALUE]                 the index's own keys; times and
 *                                              the format without their value
 *   index_dump DB QUERY     only the paragraph lines of the hits of QUERY
 *                           (every kind; exit 1 when there are none)
 *   index_dump --meta DB PREFIX
 *                           KEY<TAB>VALUE of every metadata key with PREFIX
 *   index_dump --set-meta DB KEY VALUE
 *                           set a metadata key ("" removes it) and commit
 *
 * Two indexes of the same corpus give the same output, whatever happened
 * while they were built. Exit 2 on error. */
#include "resdex.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct lines {
    char **v;
    size_t n, cap;
} lines_t;

static void
add_line(lines_t *l, char *line)
{
    if (!line) {
        fprintf(stderr, "index_dump: out of memory\n");
        exit(2);
    }
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 1024;
        l->v = realloc(l->v, l->cap * sizeof *l->v);
        if (!l->v) {
            fprintf(stderr, "index_dump: out of memory\n");
            exit(2);
        }
    }
    l->v[l->n++] = line;
}

static int
compare_lines(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static uint64_t
fnv1a(const char *s)
{
    uint64_t h = UINT64_C(14695981039346656037);
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= UINT64_C(1099511628211);
    }
    return h;
}

/* Paragraph lines of every hit of `query`; -1 on error. */
static int
dump_hits(resdex_db_t *db, const char *query, lines_t *out)
{
    resdex_search_options_t o = {0};
    o.query = query;
    o.limit = 100000;
    o.all_kinds = 1;
    o.no_fold = 1; /* every paragraph, repeats too */
    resdex_results_t *r = NULL;
    resdex_status_t st = resdex_db_search(db, &o, &r);
    if (st != RESDEX_STATUS_SUCCESS) {
        fprintf(stderr, "index_dump: search '%s': %s\n", query, resdex_db_last_error(db));
        return -1;
    }
    for (size_t i = 0; i < resdex_results_count(r); i++) {
        const resdex_hit_t *h = resdex_results_get(r, i);
        char *line = NULL;
        if (asprintf(&line, "%s\t%s\t%016" PRIx64,
                     h->resolution->source ? h->resolution->source : "?", h->id,
                     fnv1a(h->paragraph->text)) < 0)
            line = NULL;
        add_line(out, line);
    }
    resdex_results_destroy(r);
    return 0;
}

static int
print_meta(const char *key, const char *value, void *ctx)
{
    (void)ctx;
    printf("%s\t%s\n", key, value);
    return 0;
}

static int
add_meta(const char *key, const char *value, void *ctx)
{
    char *line = NULL;
    if (strncmp(key, "file:", 5) == 0 || strcmp(key, "resdex:corpus") == 0) {
        if (asprintf(&line, "%s\t%s", key, value) < 0)
            line = NULL;
    } else {
        line = strdup(key);
    }
    add_line(ctx, line);
    return 0;
}

static int
set_meta(const char *path, const char *key, const char *value)
{
    resdex_db_t *db = NULL;
    int status = 0;
    if (resdex_db_open(path, RESDEX_DB_READ_WRITE, &db) != RESDEX_STATUS_SUCCESS ||
        resdex_db_set_metadata(db, key, value) != RESDEX_STATUS_SUCCESS ||
        resdex_db_commit(db) != RESDEX_STATUS_SUCCESS) {
        fprintf(stderr, "index_dump: %s\n", resdex_db_last_error(db));
        status = 2;
    }
    resdex_db_close(db);
    return status;
}

static int
dump_meta(const char *path, const char *prefix)
{
    resdex_db_t *db = NULL;
    int status = 0;
    if (resdex_db_open(path, RESDEX_DB_READ_ONLY, &db) != RESDEX_STATUS_SUCCESS ||
        resdex_db_list_metadata(db, prefix, print_meta, NULL) != RESDEX_STATUS_SUCCESS) {
        fprintf(stderr, "index_dump: %s\n", resdex_db_last_error(db));
        status = 2;
    }
    resdex_db_close(db);
    return status;
}

int
main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "--meta") == 0)
        return dump_meta(argv[2], argv[3]);
    if (argc == 5 && strcmp(argv[1], "--set-meta") == 0)
        return set_meta(argv[2], argv[3], argv[4]);
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: index_dump DB [QUERY] | index_dump --meta DB PREFIX | "
                        "index_dump --set-meta DB KEY VALUE\n");
        return 2;
    }
    resdex_db_t *db = NULL;
    if (resdex_db_open(argv[1], RESDEX_DB_READ_ONLY, &db) != RESDEX_STATUS_SUCCESS) {
        fprintf(stderr, "index_dump: %s\n", resdex_db_last_error(db));
        resdex_db_close(db);
        return 2;
    }
    int status = 2;
    lines_t paragraphs = {0}, meta = {0};
    if (argc == 3) {
        if (dump_hits(db, argv[2], &paragraphs) != 0)
            goto DONE;
    } else {
        resdex_db_counts_t counts;
        if (resdex_db_get_counts(db, &counts) != RESDEX_STATUS_SUCCESS) {
            fprintf(stderr, "index_dump: %s\n", resdex_db_last_error(db));
            goto DONE;
        }
        printf("count\t%" PRIu64 "\t%" PRIu64 "\n", counts.paragraphs, counts.sources);
        /* Filters of one field are OR'ed; naming every language keeps the
         * search from filtering by the query's script. */
        if (dump_hits(db,
                      "kind:operative kind:preambular kind:other lang:en lang:fr lang:es "
                      "lang:ru lang:ar lang:zh",
                      &paragraphs) != 0)
            goto DONE;
        if (resdex_db_list_metadata(db, "file:", add_meta, &meta) != RESDEX_STATUS_SUCCESS ||
            resdex_db_list_metadata(db, "rejected:", add_meta, &meta) != RESDEX_STATUS_SUCCESS ||
            resdex_db_list_metadata(db, "resdex:", add_meta, &meta) != RESDEX_STATUS_SUCCESS) {
            fprintf(stderr, "index_dump: %s\n", resdex_db_last_error(db));
            goto DONE;
        }
    }
    if (paragraphs.n > 1)
        qsort(paragraphs.v, paragraphs.n, sizeof *paragraphs.v, compare_lines);
    for (size_t i = 0; i < paragraphs.n; i++)
        puts(paragraphs.v[i]);
    for (size_t i = 0; i < meta.n; i++)
        puts(meta.v[i]);
    status = argc == 3 && paragraphs.n == 0 ? 1 : 0;
DONE:
    for (size_t i = 0; i < paragraphs.n; i++)
        free(paragraphs.v[i]);
    for (size_t i = 0; i < meta.n; i++)
        free(meta.v[i]);
    free(paragraphs.v);
    free(meta.v);
    resdex_db_close(db);
    return status;
}
