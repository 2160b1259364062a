/* fts5.c - the SQLite FTS5 competitor.
 *
 *   fts5 index DB DIR    every file under DIR, one row per paragraph (text
 *                        split naively on blank lines), one transaction
 *   fts5 search DB       batch: one query per line on stdin, one JSON line
 *                        per query on stdout (flushed), as
 *                        `resdex search --batch --json`
 *   fts5 search DB --query QUERY   one query (for one-shot timing)
 *
 * The table: fts5(id UNINDEXED, text, tokenize = 'porter unicode61'). A
 * search is the top 10 by bm25() with snippet() of each. Query words are
 * quoted for FTS5 (a hyphen or a colon is syntax there); quoted phrases are
 * kept; words are AND'ed, as FTS5 does by default. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dirent.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void
die_sql(sqlite3 *db, const char *what)
{
    fprintf(stderr, "fts5: %s: %s\n", what, db ? sqlite3_errmsg(db) : "out of memory");
    exit(2);
}

/* ------------------------------------------------------------------------ */
/* Indexing                                                                 */
/* ------------------------------------------------------------------------ */

struct files {
    char **v;
    size_t n, cap;
};

static void
list_files(const char *dir, struct files *out)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "fts5: cannot open %s\n", dir);
        exit(2);
    }
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

static char *
slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    size_t r;
    while (buf && (r = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += r;
        if (cap - n - 1 == 0) {
            cap *= 2;
            char *p = realloc(buf, cap);
            if (!p) {
                free(buf);
                buf = NULL;
            }
            buf = p;
        }
    }
    fclose(f);
    if (buf)
        buf[n] = '\0';
    *len = n;
    return buf;
}

static int
blank_line(const char *s, const char *end)
{
    for (; s < end; s++)
        if (*s != ' ' && *s != '\t' && *s != '\r')
            return 0;
    return 1;
}

static int
do_index(const char *dbpath, const char *dir)
{
    remove(dbpath);
    sqlite3 *db = NULL;
    if (sqlite3_open(dbpath, &db) != SQLITE_OK)
        die_sql(db, dbpath);
    if (sqlite3_exec(db,
                     "CREATE VIRTUAL TABLE p USING fts5(id UNINDEXED, text, "
                     "tokenize = 'porter unicode61');"
                     "BEGIN;",
                     NULL, NULL, NULL) != SQLITE_OK)
        die_sql(db, "create");
    sqlite3_stmt *ins = NULL;
    if (sqlite3_prepare_v2(db, "INSERT INTO p(id, text) VALUES (?, ?)", -1, &ins, NULL) !=
        SQLITE_OK)
        die_sql(db, "prepare");

    struct files files = {0};
    list_files(dir, &files);
    qsort(files.v, files.n, sizeof *files.v, cmp_str);
    unsigned long rows = 0;
    size_t para_cap = 65536;
    char *para = malloc(para_cap);
    for (size_t i = 0; i < files.n; i++) {
        size_t len = 0;
        char *text = slurp(files.v[i], &len);
        if (!text || !para) {
            fprintf(stderr, "fts5: cannot read %s\n", files.v[i]);
            exit(2);
        }
        /* Lines joined with a space; a blank line ends a paragraph. */
        size_t plen = 0;
        unsigned n_in_file = 0;
        const char *p = text, *end = text + len;
        while (p <= end) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            if (!nl)
                nl = end;
            int blank = blank_line(p, nl);
            if (!blank) {
                size_t need = plen + (size_t)(nl - p) + 2;
                if (need > para_cap) {
                    while (para_cap < need)
                        para_cap *= 2;
                    para = realloc(para, para_cap);
                    if (!para)
                        exit(2);
                }
                if (plen)
                    para[plen++] = ' ';
                memcpy(para + plen, p, (size_t)(nl - p));
                plen += (size_t)(nl - p);
            }
            if ((blank || nl == end) && plen) {
                char id[4200];
                snprintf(id, sizeof id, "%s#%u", files.v[i] + strlen(dir), n_in_file++);
                sqlite3_bind_text(ins, 1, id, -1, SQLITE_TRANSIENT);
                sqlite3_bind_text(ins, 2, para, (int)plen, SQLITE_STATIC);
                if (sqlite3_step(ins) != SQLITE_DONE)
                    die_sql(db, "insert");
                sqlite3_reset(ins);
                rows++;
                plen = 0;
            }
            p = nl + 1;
        }
        free(text);
        free(files.v[i]);
    }
    free(files.v);
    free(para);
    sqlite3_finalize(ins);
    if (sqlite3_exec(db, "COMMIT;", NULL, NULL, NULL) != SQLITE_OK)
        die_sql(db, "commit");
    sqlite3_close(db);
    fprintf(stderr, "fts5: %lu paragraphs from %zu files\n", rows, files.n);
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Searching                                                                */
/* ------------------------------------------------------------------------ */

/* The query in FTS5 syntax: every bare word quoted ("non-custodial" would
 * otherwise be a column filter and a NOT), phrases kept, AND OR NOT kept as
 * operators. */
static void
fts5_query(const char *q, char *out, size_t size)
{
    size_t n = 0;
    const char *p = q;
#define PUT(c)                                                                                     \
    do {                                                                                           \
        if (n + 1 < size)                                                                          \
            out[n++] = (c);                                                                        \
    } while (0)
    while (*p) {
        if (*p == ' ' || *p == '\t') {
            PUT(' ');
            p++;
            continue;
        }
        if (*p == '"') {
            const char *close = strchr(p + 1, '"');
            if (!close)
                close = p + strlen(p);
            PUT('"');
            for (const char *s = p + 1; s < close; s++)
                PUT(*s);
            PUT('"');
            p = *close ? close + 1 : close;
            continue;
        }
        const char *s = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '"')
            p++;
        size_t len = (size_t)(p - s);
        if ((len == 3 && (!strncmp(s, "AND", 3) || !strncmp(s, "NOT", 3))) ||
            (len == 2 && !strncmp(s, "OR", 2))) {
            for (size_t i = 0; i < len; i++)
                PUT(s[i]);
            continue;
        }
        PUT('"');
        for (size_t i = 0; i < len; i++)
            PUT(s[i]);
        PUT('"');
    }
    out[n] = '\0';
#undef PUT
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
do_search(const char *dbpath, const char *one_query)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        die_sql(db, dbpath);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db,
                           "SELECT id, bm25(p), snippet(p, 1, '[', ']', '…', 32) FROM p "
                           "WHERE p MATCH ? ORDER BY rank LIMIT 10",
                           -1, &st, NULL) != SQLITE_OK)
        die_sql(db, "prepare");
    char line[16384], q[40000];
    int done = 0;
    while (one_query ? !done : fgets(line, sizeof line, stdin) != NULL) {
        if (one_query) {
            snprintf(line, sizeof line, "%s", one_query);
            done = 1;
        }
        line[strcspn(line, "\r\n")] = '\0';
        fts5_query(line, q, sizeof q);
        fputs("{\"query\":", stdout);
        json_string(stdout, line);
        /* FTS5 has no cheap estimate of the number of matches; counting
         * them all would be a second, full query. */
        fputs(",\"hits\":[", stdout);
        sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
        int rc, rank = 0;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            printf("%s{\"rank\":%d,\"score\":%g,\"id\":", rank ? "," : "", rank + 1,
                   -sqlite3_column_double(st, 1));
            json_string(stdout, (const char *)sqlite3_column_text(st, 0));
            fputs(",\"snippet\":", stdout);
            json_string(stdout, (const char *)sqlite3_column_text(st, 2));
            fputc('}', stdout);
            rank++;
        }
        fputc(']', stdout);
        if (rc != SQLITE_DONE) {
            fputs(",\"error\":", stdout);
            json_string(stdout, sqlite3_errmsg(db));
        }
        fputs("}\n", stdout);
        fflush(stdout);
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return 0;
}

int
main(int argc, char **argv)
{
    if (argc == 4 && !strcmp(argv[1], "index"))
        return do_index(argv[2], argv[3]);
    if (argc == 3 && !strcmp(argv[1], "search"))
        return do_search(argv[2], NULL);
    if (argc == 5 && !strcmp(argv[1], "search") && !strcmp(argv[3], "--query"))
        return do_search(argv[2], argv[4]);
    fprintf(stderr, "usage: fts5 index DB DIR | fts5 search DB [--query QUERY]\n");
    return 2;
}
