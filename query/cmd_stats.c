/* cmd_stats.c - resdex stats: what the index holds (files, resolutions,
 * paragraphs by kind, language and body), its size, when resdexd last
 * updated it, and the files it rejected, with the reasons: the library's
 * resdex_db_stats_json, laid out as text or printed as it is. */
#include "commands.h"
#include "describe.h"
#include "layout.h"
#include "opts.h"
#include "resdex.h"
#include "sprinter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* The text layout of resdex_db_stats_json's object. */
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
describe_index_stats(sprinter_t *sp, resdex_db_t *db)
{
    char *json = NULL;
    resdex_status_t st = resdex_db_stats_json(db, &json);
    if (st == RESDEX_STATUS_SUCCESS) {
        sp_begin_map(sp);
        sp_json_fields(sp, json);
        describe_shards_down(sp);
        sp_end(sp);
    }
    free(json);
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
    int status = EXIT_ERROR;
    char *json = NULL;
    sprinter_t *sp = NULL;
    resdex_status_t st = resdex_db_stats_json(db, &json);
    if (st != RESDEX_STATUS_SUCCESS) {
        const char *msg = resdex_db_last_error(db);
        fprintf(stderr, "resdex stats: %s\n", msg && *msg ? msg : resdex_status_to_string(st));
        goto DONE;
    }
    sp = sprinter_new(stdout, g->json ? NULL : stats_layout, NULL);
    if (sp) {
        sp_begin_map(sp);
        sp_json_fields(sp, json);
        describe_shards_down(sp);
        sp_end(sp);
    }
    if (!sprinter_failed(sp))
        describe_warn_partial("stats", !g->json);
    if (sprinter_failed(sp) || fflush(stdout) != 0) {
        fprintf(stderr, "resdex stats: cannot write the output\n");
        goto DONE;
    }
    status = EXIT_FOUND;
DONE:
    sprinter_destroy(sp);
    free(json);
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
                 "\"rejected\":[{\"file\",\"since\",\"reason\"}],\n"
                 "\"shadowed\":[{\"symbol\",\"lang\",\"file\",\"kept\"}], and while\n"
                 "resdexd reconciles \"progress\":{\"state\",\"files_done\",\n"
                 "\"files_total\",\"paragraphs\",\"eta_seconds\"}}; file\n"
                 "names escaped (resdex(1), File names)",
    .notes = "exit status: 0, or 2 on error\n",
    .options = (const opt_desc_t[]){{.name = NULL}},
    .run = run_stats,
};
