/* cmd_stats.c - resdex stats: what the index holds (files, resolutions,
 * paragraphs by kind, language and body), its size, when resdexd last
 * updated it, and the files it rejected, with the reasons. */
#include "commands.h"
#include "describe.h"
#include "layout.h"
#include "opts.h"
#include "resdex.h"
#include "sprinter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A count by value ("operative" 206), in the library's order. */
typedef struct count {
    char *value;
    uint64_t n;
} count_t;

typedef struct counts {
    count_t *v;
    size_t n, cap;
} counts_t;

/* A file resdexd rejected. */
typedef struct rejection {
    char *file, *since, *reason; /* since: NULL when not recorded */
} rejection_t;

/* A copy of a resolution not searched: another file holds it. */
typedef struct shadowed {
    char *symbol, *lang, *file, *kept; /* kept: NULL when not known */
} shadowed_t;

/* What resdex stats reports, gathered from the index (the library's calls
 * only); printed by describe_stats. */
typedef struct stats {
    char *index, *corpus, *last_update; /* NULL when unknown */
    unsigned long long index_bytes;
    size_t files;
    resdex_db_counts_t counts;
    counts_t by[3]; /* kind, lang, body */
    rejection_t *rejected;
    size_t n_rejected, cap_rejected;
    shadowed_t *shadowed;
    size_t n_shadowed, cap_shadowed;
    int running; /* resdexd is reconciling: progress holds how far */
    resdex_progress_t progress;
} stats_t;

static const char *const facet_names[] = {"kind", "lang", "body"};
static const char *const facet_keys[] = {"by_kind", "by_lang", "by_body"};

/* Room for one more element of `size` bytes in *v (n used of *cap). */
static int
make_room(void **v, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return 0;
    size_t more = *cap ? *cap * 2 : 8;
    void *p = realloc(*v, more * size);
    if (!p)
        return -1;
    *v = p;
    *cap = more;
    return 0;
}

static int
add_count(const char *value, uint64_t n, void *ctx)
{
    counts_t *c = ctx;
    if (make_room((void **)&c->v, c->n, &c->cap, sizeof *c->v) != 0)
        return -1;
    if (!(c->v[c->n].value = strdup(value)))
        return -1;
    c->v[c->n++].n = n;
    return 0;
}

static int
count_file(const resdex_file_entry_t *e, void *ctx)
{
    (void)e;
    ((stats_t *)ctx)->files++;
    return 0;
}

static int
add_rejected(const resdex_file_entry_t *e, void *ctx)
{
    stats_t *s = ctx;
    if (make_room((void **)&s->rejected, s->n_rejected, &s->cap_rejected, sizeof *s->rejected) != 0)
        return -1;
    rejection_t *r = &s->rejected[s->n_rejected++];
    r->file = strdup(e->path);
    r->since = e->since ? strdup(e->since) : NULL;
    r->reason = strdup(e->reason ? e->reason : "");
    return r->file && r->reason && (!e->since || r->since) ? 0 : -1;
}

static int
add_shadowed(const resdex_copy_t *c, void *ctx)
{
    stats_t *s = ctx;
    if (make_room((void **)&s->shadowed, s->n_shadowed, &s->cap_shadowed, sizeof *s->shadowed) != 0)
        return -1;
    shadowed_t *h = &s->shadowed[s->n_shadowed++];
    h->symbol = strdup(c->symbol);
    h->lang = strdup(c->lang);
    h->file = strdup(c->shadowed);
    h->kept = c->kept ? strdup(c->kept) : NULL;
    return h->symbol && h->lang && h->file && (!c->kept || h->kept) ? 0 : -1;
}

static char *
meta(resdex_db_t *db, const char *key)
{
    char *v = NULL;
    if (resdex_db_read_metadata(db, key, &v) != RESDEX_STATUS_SUCCESS)
        return NULL;
    return v;
}

static resdex_status_t
gather_stats(resdex_db_t *db, const char *path, stats_t *s)
{
    resdex_status_t st = resdex_db_get_counts(db, &s->counts);
    for (int i = 0; i < 3 && st == RESDEX_STATUS_SUCCESS; i++)
        st = resdex_db_facet_counts(db, facet_names[i], add_count, &s->by[i]);
    if (st == RESDEX_STATUS_SUCCESS)
        st = resdex_db_list_files(db, RESDEX_FILE_INDEXED, NULL, count_file, s);
    if (st == RESDEX_STATUS_SUCCESS)
        st = resdex_db_list_files(db, RESDEX_FILE_REJECTED, NULL, add_rejected, s);
    if (st == RESDEX_STATUS_SUCCESS)
        st = resdex_db_list_shadowed(db, add_shadowed, s);
    if (st != RESDEX_STATUS_SUCCESS)
        return st;
    s->running = resdex_db_get_progress(db, &s->progress) == RESDEX_STATUS_SUCCESS;
    s->last_update = meta(db, RESDEX_META_LAST_UPDATE);
    s->corpus = meta(db, RESDEX_META_CORPUS);
    s->index = path ? strdup(path) : NULL;
    uint64_t bytes = 0;
    s->index_bytes = resdex_db_disk_bytes(db, &bytes) == RESDEX_STATUS_SUCCESS ? bytes : 0;
    return RESDEX_STATUS_SUCCESS;
}

static void
stats_free(stats_t *s)
{
    for (int i = 0; i < 3; i++) {
        for (size_t k = 0; k < s->by[i].n; k++)
            free(s->by[i].v[k].value);
        free(s->by[i].v);
    }
    for (size_t k = 0; k < s->n_rejected; k++) {
        free(s->rejected[k].file);
        free(s->rejected[k].since);
        free(s->rejected[k].reason);
    }
    free(s->rejected);
    for (size_t k = 0; k < s->n_shadowed; k++) {
        free(s->shadowed[k].symbol);
        free(s->shadowed[k].lang);
        free(s->shadowed[k].file);
        free(s->shadowed[k].kept);
    }
    free(s->shadowed);
    free(s->index);
    free(s->corpus);
    free(s->last_update);
}

/* {"index","corpus","last_update","index_bytes","files","resolutions",
 *  "paragraphs","by_kind","by_lang","by_body","rejected":[{"file","since",
 *  "reason"}],"shadowed":[{"symbol","lang","file","kept"}]}: paths and
 *  file names escaped as resdex_name_escape says. */
static void
describe_stats(sprinter_t *sp, const stats_t *s)
{
    sp_begin_map(sp);
    sp_key(sp, "index");
    sp_name(sp, s->index);
    sp_key(sp, "corpus");
    sp_name(sp, s->corpus);
    sp_key_string(sp, "last_update", s->last_update);
    sp_key_int(sp, "index_bytes", (long long)s->index_bytes);
    sp_key_int(sp, "files", (long long)s->files);
    sp_key_int(sp, "resolutions", (long long)s->counts.resolutions);
    sp_key_int(sp, "paragraphs", (long long)s->counts.paragraphs);
    for (int i = 0; i < 3; i++) {
        sp_key(sp, facet_keys[i]);
        sp_begin_map(sp);
        for (size_t k = 0; k < s->by[i].n; k++) {
            char name[64];
            snprintf(name, sizeof name, "%s", s->by[i].v[k].value);
            /* Bodies are printed as everywhere else: GA, ECOSOC, CCPCJ, CND. */
            for (char *p = name; i == 2 && *p; p++)
                if (*p >= 'a' && *p <= 'z')
                    *p = (char)(*p - 'a' + 'A');
            sp_key_int(sp, name, (long long)s->by[i].v[k].n);
        }
        sp_end(sp);
    }
    sp_key(sp, "rejected");
    sp_begin_list(sp);
    for (size_t k = 0; k < s->n_rejected; k++) {
        sp_begin_map(sp);
        sp_key(sp, "file");
        sp_name(sp, s->rejected[k].file);
        sp_key_string(sp, "since", s->rejected[k].since);
        sp_key_string(sp, "reason", s->rejected[k].reason);
        sp_end(sp);
    }
    sp_end(sp);
    sp_key(sp, "shadowed");
    sp_begin_list(sp);
    for (size_t k = 0; k < s->n_shadowed; k++) {
        sp_begin_map(sp);
        sp_key_string(sp, "symbol", s->shadowed[k].symbol);
        sp_key_string(sp, "lang", s->shadowed[k].lang);
        sp_key(sp, "file");
        sp_name(sp, s->shadowed[k].file);
        sp_key(sp, "kept");
        sp_name(sp, s->shadowed[k].kept);
        sp_end(sp);
    }
    sp_end(sp);
    if (s->running) {
        const resdex_progress_t *p = &s->progress;
        sp_key(sp, "progress");
        sp_begin_map(sp);
        sp_key_string(sp, "state", p->building ? "building" : "reconciling");
        sp_key_int(sp, "files_done", (long long)p->files_done);
        sp_key_int(sp, "files_total", (long long)p->files_total);
        sp_key_int(sp, "paragraphs", (long long)p->paragraphs);
        sp_key(sp, "eta_seconds");
        if (p->eta_seconds >= 0)
            sp_int(sp, (long long)p->eta_seconds);
        else
            sp_null(sp);
        sp_end(sp);
    }
    sp_end(sp);
}

static void
print_counts(const char *label, const json_t *obj, const layout_t *l, FILE *out)
{
    const char *k;
    json_t *v;
    int n = 0;
    fprintf(out, "%-15s", label);
    json_object_foreach((json_t *)obj, k, v)
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
print_progress(const json_t *p, FILE *out)
{
    char done[32], total[32];
    thousands((uint64_t)sp_get_int(p, "files_done"), done, sizeof done);
    thousands((uint64_t)sp_get_int(p, "files_total"), total, sizeof total);
    fprintf(out, "%s: %s of %s files", sp_get_string(p, "state"), done, total);
    const json_t *eta = json_object_get(p, "eta_seconds");
    long long s = json_is_integer(eta) ? (long long)json_integer_value(eta) : -1;
    if (s >= 90)
        fprintf(out, ", ETA %lld min", (s + 30) / 60);
    else if (s >= 0)
        fprintf(out, ", ETA %lld s", s);
    fputc('\n', out);
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

/* The text layout of describe_stats's map. */
static int
stats_layout(const json_t *o, void *ctx, FILE *out)
{
    (void)ctx;
    layout_t l;
    layout_init(&l);
    char size[32];
    const char *index = sp_get_string(o, "index"), *corpus = sp_get_string(o, "corpus");
    const char *last = sp_get_string(o, "last_update");
    const json_t *rejected = json_object_get(o, "rejected");
    human_size((unsigned long long)sp_get_int(o, "index_bytes"), size, sizeof size);
    const json_t *progress = json_object_get(o, "progress");
    if (progress)
        print_progress(progress, out);
    fprintf(out, "%-15s%s (%s)\n", "index", index ? index : "?", size);
    fprintf(out, "%-15s%s\n", "corpus", corpus ? corpus : "-");
    fprintf(out, "%-15s%s\n", "last update", last ? last : "-");
    fprintf(out, "%-15s%s%lld%s indexed, %s%zu%s rejected\n", "files", l.bold,
            sp_get_int(o, "files"), l.reset, l.bold, json_array_size(rejected), l.reset);
    fprintf(out, "%-15s%s%lld%s\n", "resolutions", l.bold, sp_get_int(o, "resolutions"), l.reset);
    fprintf(out, "%-15s%s%lld%s\n", "paragraphs", l.bold, sp_get_int(o, "paragraphs"), l.reset);
    print_counts("  by kind", json_object_get(o, "by_kind"), &l, out);
    print_counts("  by language", json_object_get(o, "by_lang"), &l, out);
    print_counts("  by body", json_object_get(o, "by_body"), &l, out);
    size_t i;
    const json_t *r;
    if (json_array_size(rejected))
        fprintf(out, "rejected files:\n");
    json_array_foreach(rejected, i, r)
    {
        const char *since = sp_get_string(r, "since");
        fprintf(out, "  %s%s%s  %s", l.bold, sp_get_string(r, "file"), l.reset,
                sp_get_string(r, "reason"));
        if (since)
            fprintf(out, " %s(since %s)%s", l.dim, since, l.reset);
        fputc('\n', out);
    }
    const json_t *shadowed = json_object_get(o, "shadowed");
    if (json_array_size(shadowed))
        fprintf(out, "shadowed copies (the same resolution in another file, searched there):\n");
    json_array_foreach(shadowed, i, r)
    {
        const char *kept = sp_get_string(r, "kept");
        fprintf(out, "  %s%s%s (%s)  %s %s(searched in %s)%s\n", l.bold, sp_get_string(r, "symbol"),
                l.reset, sp_get_string(r, "lang"), sp_get_string(r, "file"), l.dim,
                kept ? kept : "?", l.reset);
    }
    return ferror(out) ? -1 : 0;
}

resdex_status_t
describe_index_stats(sprinter_t *sp, resdex_db_t *db, const char *path)
{
    stats_t s = {0};
    resdex_status_t st = gather_stats(db, path, &s);
    if (st == RESDEX_STATUS_SUCCESS)
        describe_stats(sp, &s);
    stats_free(&s);
    return st;
}

static int
run_stats(const global_options_t *g, char **words, int n_words)
{
    if (n_words > 0) {
        fprintf(stderr, "resdex stats: unexpected '%s' (usage: resdex stats [--json])\n", words[0]);
        return EXIT_ERROR;
    }
    resdex_db_t *db = open_index(g, "stats");
    if (!db)
        return EXIT_ERROR;
    char *path = resolve_db_path(g->db_path);
    int status = EXIT_ERROR;
    stats_t s = {0};
    sprinter_t *sp = NULL;
    resdex_status_t st = gather_stats(db, path, &s);
    if (st != RESDEX_STATUS_SUCCESS) {
        const char *msg = resdex_db_last_error(db);
        fprintf(stderr, "resdex stats: %s\n", msg && *msg ? msg : resdex_status_to_string(st));
        goto DONE;
    }
    sp = sprinter_new(stdout, g->json ? NULL : stats_layout, NULL);
    if (sp)
        describe_stats(sp, &s);
    if (sprinter_failed(sp) || fflush(stdout) != 0) {
        fprintf(stderr, "resdex stats: cannot write the output\n");
        goto DONE;
    }
    status = EXIT_FOUND;
DONE:
    sprinter_destroy(sp);
    stats_free(&s);
    free(path);
    resdex_db_close(db);
    return status;
}

const opts_command_t command_stats = {
    .name = "stats",
    .synopsis = "resdex [--db DIR] stats [--json]",
    .summary = "What the index holds: files, resolutions, paragraphs (by kind, language and\n"
               "body), its size on disk, its last update, and the files resdexd rejected, with\n"
               "the reasons.",
    .json_help = "one object: {\"index\",\"corpus\",\"last_update\",\n"
                 "\"index_bytes\",\"files\",\"resolutions\",\"paragraphs\",\n"
                 "\"by_kind\",\"by_lang\",\"by_body\",\n"
                 "\"rejected\":[{\"file\",\"since\",\"reason\"}], and while\n"
                 "resdexd reconciles \"progress\":{\"state\",\"files_done\",\n"
                 "\"files_total\",\"paragraphs\",\"eta_seconds\"}}; file\n"
                 "names escaped (resdex(1), File names)",
    .notes = "exit status: 0, or 2 on error\n",
    .options = (const opt_desc_t[]){{.name = NULL}},
    .run = run_stats,
};
