/* cmd_stats.c - resdex stats: what the index holds (files, resolutions,
 * paragraphs by kind, language and body), its size, when resdexd last
 * updated it, and the files it rejected, with the reasons. */
#include "commands.h"
#include "json.h"
#include "layout.h"
#include "resdex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage_text[] =
    "usage: resdex [--db DIR] stats [--json]\n"
    "\n"
    "What the index holds: files, resolutions, paragraphs (by kind, language and body),\n"
    "its size on disk, its last update, and the files resdexd rejected, with the reasons.\n"
    "  --json    one object: {\"index\",\"corpus\",\"last_update\",\"index_bytes\",\"files\",\n"
    "            \"resolutions\",\"paragraphs\",\"by_kind\",\"by_lang\",\"by_body\",\"rejected\":\n"
    "            [{\"file\",\"since\",\"reason\"}], and while resdexd reconciles \"progress\":\n"
    "            {\"state\",\"files_done\",\"files_total\",\"paragraphs\",\"eta_seconds\"}}\n"
    "exit status: 0, or 2 on error\n";

typedef struct facet_list {
    json_t *obj; /* value -> count, in the order given */
    int upper;   /* upper-case the values */
} facet_list_t;

static int
facet_cb(const char *value, uint64_t count, void *ctx)
{
    facet_list_t *f = ctx;
    char name[64];
    snprintf(name, sizeof name, "%s", value);
    /* Bodies are printed as everywhere else: GA, ECOSOC, CCPCJ, CND. */
    if (f->upper)
        for (char *p = name; *p; p++)
            if (*p >= 'a' && *p <= 'z')
                *p = (char)(*p - 'a' + 'A');
    json_object_set_new(f->obj, name, json_integer((json_int_t)count));
    return 0;
}

typedef struct meta_ctx {
    size_t files;
    json_t *rejected;
} meta_ctx_t;

static int
count_file(const resdex_file_entry_t *e, void *ctx)
{
    (void)e;
    ((meta_ctx_t *)ctx)->files++;
    return 0;
}

static int
add_rejected(const resdex_file_entry_t *e, void *ctx)
{
    meta_ctx_t *m = ctx;
    json_t *o = json_object();
    json_object_set_new(o, "file", json_string(e->path));
    json_object_set_new(o, "since", e->since ? json_string(e->since) : json_null());
    json_object_set_new(o, "reason", json_string(e->reason));
    json_array_append_new(m->rejected, o);
    return 0;
}

static char *
meta(resdex_db_t *db, const char *key)
{
    char *v = NULL;
    if (resdex_db_get_metadata(db, key, &v) != RESDEX_STATUS_SUCCESS)
        return NULL;
    return v;
}

static void
print_counts(const char *label, json_t *obj, const layout_t *l, FILE *out)
{
    const char *k;
    json_t *v;
    int n = 0;
    fprintf(out, "%-15s", label);
    json_object_foreach(obj, k, v)
    {
        fprintf(out, "%s%s %s%lld%s", n++ ? ", " : "", k, l->bold, (long long)json_integer_value(v),
                l->reset);
    }
    fprintf(out, "%s\n", n ? "" : "-");
}

/* 11400 -> "11,400" */
static void
thousands(uint64_t n, char *buf, size_t size)
{
    char digits[32];
    int len = snprintf(digits, sizeof digits, "%llu", (unsigned long long)n);
    size_t o = 0;
    for (int i = 0; i < len && o + 2 < size; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            buf[o++] = ',';
        buf[o++] = digits[i];
    }
    buf[o] = '\0';
}

/* "building: 3,120 of 11,400 files, ETA 2 min" */
static void
print_progress(const resdex_progress_t *p)
{
    char done[32], total[32];
    thousands(p->files_done, done, sizeof done);
    thousands(p->files_total, total, sizeof total);
    printf("%s: %s of %s files", p->building ? "building" : "reconciling", done, total);
    if (p->eta_seconds >= 90)
        printf(", ETA %lld min", (long long)(p->eta_seconds + 30) / 60);
    else if (p->eta_seconds >= 0)
        printf(", ETA %lld s", (long long)p->eta_seconds);
    putchar('\n');
}

static void
human_size(unsigned long long b, char *buf, size_t size)
{
    if (b >= 10ull << 20)
        snprintf(buf, size, "%.0f MiB", (double)b / (1 << 20));
    else if (b >= 1ull << 20)
        snprintf(buf, size, "%.1f MiB", (double)b / (1 << 20));
    else
        snprintf(buf, size, "%.0f KiB", (double)b / 1024);
}

int
cmd_stats(const global_options_t *g, int argc, char **argv)
{
    int json = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--json")) {
            json = 1;
        } else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(usage_text, stdout);
            return EXIT_FOUND;
        } else {
            fprintf(stderr, "resdex stats: unexpected '%s' (usage: resdex stats [--json])\n",
                    argv[i]);
            return EXIT_ERROR;
        }
    }
    resdex_db_t *db = open_index(g, "stats");
    if (!db)
        return EXIT_ERROR;
    char *path = resolve_db_path(g->db_path);
    int status = EXIT_ERROR;
    resdex_db_counts_t c;
    json_t *o = json_object();
    meta_ctx_t m = {0, json_array()};
    char *last = NULL, *corpus = NULL;
    resdex_status_t st = resdex_db_get_counts(db, &c);
    static const char *const facets[] = {"kind", "lang", "body"};
    static const char *const keys[] = {"by_kind", "by_lang", "by_body"};
    json_t *by[3] = {NULL, NULL, NULL};
    for (int i = 0; i < 3 && st == RESDEX_STATUS_SUCCESS; i++) {
        facet_list_t f = {json_object(), i == 2};
        by[i] = f.obj;
        st = resdex_db_facet_counts(db, facets[i], facet_cb, &f);
    }
    if (st == RESDEX_STATUS_SUCCESS)
        st = resdex_db_list_files(db, RESDEX_FILE_INDEXED, NULL, count_file, &m);
    if (st == RESDEX_STATUS_SUCCESS)
        st = resdex_db_list_files(db, RESDEX_FILE_REJECTED, NULL, add_rejected, &m);
    if (st != RESDEX_STATUS_SUCCESS) {
        const char *msg = resdex_db_last_error(db);
        fprintf(stderr, "resdex stats: %s\n", msg && *msg ? msg : resdex_status_to_string(st));
        goto DONE;
    }
    resdex_progress_t prog;
    int running = resdex_db_get_progress(db, &prog) == RESDEX_STATUS_SUCCESS;
    last = meta(db, RESDEX_META_LAST_UPDATE);
    corpus = meta(db, RESDEX_META_CORPUS);
    uint64_t bytes = 0;
    if (resdex_db_disk_bytes(db, &bytes) != RESDEX_STATUS_SUCCESS)
        bytes = 0;
    json_object_set_new(o, "index", path ? json_string(path) : json_null());
    json_object_set_new(o, "corpus", corpus ? json_string(corpus) : json_null());
    json_object_set_new(o, "last_update", last ? json_string(last) : json_null());
    json_object_set_new(o, "index_bytes", json_integer((json_int_t)bytes));
    json_object_set_new(o, "files", json_integer((json_int_t)m.files));
    json_object_set_new(o, "resolutions", json_integer((json_int_t)c.resolutions));
    json_object_set_new(o, "paragraphs", json_integer((json_int_t)c.paragraphs));
    for (int i = 0; i < 3; i++) {
        json_object_set_new(o, keys[i], by[i]);
        by[i] = NULL;
    }
    json_object_set(o, "rejected", m.rejected);
    if (running) {
        json_t *p = json_object();
        json_object_set_new(p, "state", json_string(prog.building ? "building" : "reconciling"));
        json_object_set_new(p, "files_done", json_integer((json_int_t)prog.files_done));
        json_object_set_new(p, "files_total", json_integer((json_int_t)prog.files_total));
        json_object_set_new(p, "paragraphs", json_integer((json_int_t)prog.paragraphs));
        json_object_set_new(p, "eta_seconds",
                            prog.eta_seconds >= 0 ? json_integer((json_int_t)prog.eta_seconds)
                                                  : json_null());
        json_object_set_new(o, "progress", p);
    }
    int rc;
    if (json) {
        rc = json_print_line(o, stdout);
    } else {
        layout_t l;
        layout_init(&l);
        char size[32];
        human_size(bytes, size, sizeof size);
        if (running)
            print_progress(&prog);
        printf("%-15s%s (%s)\n", "index", path ? path : "?", size);
        printf("%-15s%s\n", "corpus", corpus ? corpus : "-");
        printf("%-15s%s\n", "last update", last ? last : "-");
        printf("%-15s%s%zu%s indexed, %s%zu%s rejected\n", "files", l.bold, m.files, l.reset,
               l.bold, json_array_size(m.rejected), l.reset);
        printf("%-15s%s%llu%s\n", "resolutions", l.bold, (unsigned long long)c.resolutions,
               l.reset);
        printf("%-15s%s%llu%s\n", "paragraphs", l.bold, (unsigned long long)c.paragraphs, l.reset);
        print_counts("  by kind", json_object_get(o, "by_kind"), &l, stdout);
        print_counts("  by language", json_object_get(o, "by_lang"), &l, stdout);
        print_counts("  by body", json_object_get(o, "by_body"), &l, stdout);
        size_t i;
        json_t *r;
        if (json_array_size(m.rejected))
            printf("rejected files:\n");
        json_array_foreach(m.rejected, i, r)
        {
            const char *since = json_string_value(json_object_get(r, "since"));
            printf("  %s%s%s  %s", l.bold, json_string_value(json_object_get(r, "file")), l.reset,
                   json_string_value(json_object_get(r, "reason")));
            if (since)
                printf(" %s(since %s)%s", l.dim, since, l.reset);
            putchar('\n');
        }
        rc = ferror(stdout) ? -1 : 0;
    }
    if (rc != 0 || fflush(stdout) != 0) {
        fprintf(stderr, "resdex stats: cannot write the output\n");
        goto DONE;
    }
    status = EXIT_FOUND;
DONE:
    for (int i = 0; i < 3; i++)
        json_decref(by[i]);
    json_decref(m.rejected);
    json_decref(o);
    free(last);
    free(corpus);
    free(path);
    resdex_db_close(db);
    return status;
}
