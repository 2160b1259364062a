/* resdex_lib.c - libresdex driven directly, without the daemon or the CLI.
 *
 *   resdex_lib index DB DIR [--commit-every N]
 *   resdex_lib search DB [--all] [--no-fold] [--title-weight W] [--query QUERY]
 *
 * `index` parses every file under DIR and indexes it with
 * resdex_db_index_doc(), committing every N files (default 1,000) and at the
 * end; `search` speaks the batch protocol of the other competitors (one query
 * per line on stdin, one JSON line per query, flushed): the top 10 with
 * snippets, operative paragraphs only unless --all; --no-fold and
 * --title-weight (0: the title not used; search-tuning.h) to measure what
 * folding and the title cost (bench/RESULTS.md, issue 14).
 *
 * It separates the library's own cost from the programs' (resdexd's
 * reconcile and file states, the CLI's start-up and JSON writer), and lets
 * the harness measure the library before those programs exist. */
#include "resdex.h"
#include "search-tuning.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct files {
    char **v;
    size_t n, cap;
};

static void
list_files(const char *dir, struct files *out)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        char *path = malloc(len);
        if (!path)
            exit(2);
        snprintf(path, len, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            list_files(path, out);
            free(path);
        } else if (S_ISREG(st.st_mode)) {
            if (out->n == out->cap) {
                out->cap = out->cap ? out->cap * 2 : 1024;
                out->v = realloc(out->v, out->cap * sizeof *out->v);
                if (!out->v)
                    exit(2);
            }
            out->v[out->n++] = path;
        } else {
            free(path);
        }
    }
    closedir(d);
}

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
do_index(const char *dbpath, const char *dir, unsigned long commit_every)
{
    resdex_db_t *db = NULL;
    if (resdex_db_open(dbpath, RESDEX_DB_READ_WRITE, &db) != RESDEX_STATUS_SUCCESS) {
        fprintf(stderr, "resdex_lib: %s\n", resdex_db_last_error(db));
        resdex_db_close(db);
        return 2;
    }
    struct files files = {0};
    list_files(dir, &files);
    qsort(files.v, files.n, sizeof *files.v, cmp_str);
    unsigned long rejected = 0, paragraphs = 0;
    for (size_t i = 0; i < files.n; i++) {
        resdex_doc_t *doc = NULL;
        char *msg = NULL;
        if (resdex_parse_file(files.v[i], &doc, &msg) != RESDEX_STATUS_SUCCESS) {
            if (rejected++ < 5)
                fprintf(stderr, "resdex_lib: %s\n", msg ? msg : files.v[i]);
            free(msg);
            continue;
        }
        for (size_t r = 0; r < resdex_doc_count(doc); r++)
            paragraphs += resdex_doc_get(doc, r)->n_paragraphs;
        const char *rel = files.v[i] + strlen(dir);
        while (*rel == '/')
            rel++;
        if (resdex_db_index_doc(db, rel, doc) != RESDEX_STATUS_SUCCESS ||
            ((i + 1) % commit_every == 0 && resdex_db_commit(db) != RESDEX_STATUS_SUCCESS)) {
            fprintf(stderr, "resdex_lib: %s: %s\n", rel, resdex_db_last_error(db));
            return 2;
        }
        resdex_doc_destroy(doc);
        free(files.v[i]);
    }
    if (resdex_db_commit(db) != RESDEX_STATUS_SUCCESS) {
        fprintf(stderr, "resdex_lib: commit: %s\n", resdex_db_last_error(db));
        return 2;
    }
    resdex_db_close(db);
    fprintf(stderr, "resdex_lib: %lu paragraphs from %zu files (%lu rejected)\n", paragraphs,
            files.n - rejected, rejected);
    free(files.v);
    return 0;
}

static void
json_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", f);
        else if (*p < 0x20)
            fprintf(f, "\\u%04x", *p);
        else
            fputc(*p, f);
    }
    fputc('"', f);
}

static int
do_search(const char *dbpath, int all, int no_fold, const char *one_query)
{
    resdex_db_t *db = NULL;
    if (resdex_db_open(dbpath, RESDEX_DB_READ_ONLY, &db) != RESDEX_STATUS_SUCCESS) {
        fprintf(stderr, "resdex_lib: %s\n", resdex_db_last_error(db));
        resdex_db_close(db);
        return 2;
    }
    char line[16384];
    int done = 0;
    while (one_query ? !done : fgets(line, sizeof line, stdin) != NULL) {
        if (one_query) {
            snprintf(line, sizeof line, "%s", one_query);
            done = 1;
        }
        line[strcspn(line, "\r\n")] = '\0';
        resdex_search_options_t o = {0};
        o.query = line;
        o.limit = 10;
        o.all_kinds = all;
        o.no_fold = no_fold;
        o.snippets = 1;
        resdex_results_t *res = NULL;
        fputs("{\"query\":", stdout);
        json_string(stdout, line);
        if (resdex_db_search(db, &o, &res) != RESDEX_STATUS_SUCCESS) {
            fputs(",\"error\":", stdout);
            json_string(stdout, resdex_db_last_error(db));
        } else {
            printf(",\"total\":%llu,\"hits\":[", (unsigned long long)resdex_results_total(res));
            for (size_t i = 0; i < resdex_results_count(res); i++) {
                const resdex_hit_t *h = resdex_results_get(res, i);
                printf("%s{\"rank\":%u,\"score\":%g,\"id\":", i ? "," : "", h->rank, h->score);
                json_string(stdout, h->id);
                fputs(",\"snippet\":", stdout);
                json_string(stdout, h->snippet);
                fputc('}', stdout);
            }
            fputc(']', stdout);
        }
        fputs("}\n", stdout);
        fflush(stdout);
        resdex_results_destroy(res);
    }
    resdex_db_close(db);
    return 0;
}

int
main(int argc, char **argv)
{
    if (argc >= 4 && !strcmp(argv[1], "index")) {
        unsigned long every = 1000;
        if (argc == 6 && !strcmp(argv[4], "--commit-every"))
            every = strtoul(argv[5], NULL, 10);
        return do_index(argv[2], argv[3], every ? every : 1);
    }
    if (argc >= 3 && !strcmp(argv[1], "search")) {
        int all = 0, no_fold = 0;
        const char *query = NULL;
        for (int i = 3; i < argc; i++) {
            if (!strcmp(argv[i], "--all"))
                all = 1;
            else if (!strcmp(argv[i], "--no-fold"))
                no_fold = 1;
            else if (!strcmp(argv[i], "--title-weight") && i + 1 < argc)
                search_tuning_get()->title_weight = atof(argv[++i]);
            else if (!strcmp(argv[i], "--query") && i + 1 < argc)
                query = argv[++i];
        }
        return do_search(argv[2], all, no_fold, query);
    }
    fprintf(stderr,
            "usage: resdex_lib index DB DIR [--commit-every N] | "
            "resdex_lib search DB [--all] [--no-fold] [--title-weight W] [--query QUERY]\n");
    return 2;
}
