/* similar_eval.c - how well resdex_db_similar finds the paragraph a later
 * resolution carried its wording from, and how fast.
 *
 *   similar_eval [options] DB SERIES FILE...
 *
 * Indexes FILE... into DB (a new index; --reuse keeps one already built),
 * then, for every resolution series in SERIES (one line each, the symbols in
 * order, oldest first), labels every operative paragraph of a later
 * resolution with its source: the paragraph of the previous resolution of
 * the series that it is closest to. The label comes from an oracle that
 * shares nothing with the code under test: plain lower-case alphanumeric
 * words, exhaustive dynamic-programming LCS over every paragraph of the
 * previous resolution, 2 * LCS / (words of both). With --label series, the
 * label is the closest paragraph of ANY earlier resolution of the series
 * (the most recent among equals): a paragraph that returns to the wording of
 * two years before was carried from there. A paragraph is labelled when its
 * best score is at least --label-min (0.6) and ahead of every paragraph with
 * other words by a margin of 0.05; exact reuse when the words are
 * identical, else edited reuse.
 *
 * Each labelled paragraph is then asked of resdex_db_similar by its id,
 * with the filter year:..Y (Y the year before it, as a drafter asks for
 * precedents), limit 5. Recall@1: the label is the first hit; recall@5:
 * among the first five. A hit with exactly the label's words (another copy
 * of the same wording) counts as the label only with --lenient.
 *
 * Options: --label previous|series, --reuse, --lenient, --verbose (every miss on stderr), --elite
 * N,
 * --candidates N, --seqw W, --plain-terms, --keep-stopwords, --elite-narrowed N (similar.h's
 * tuning), --repeat N (time each query N times, the latency figures use every run), --label-min S,
 * --extra DIR (also index every file under DIR: a bigger index for the
 * latency figures; misses are unaffected by --extra only if it adds no
 * earlier paragraph closer than the label). */
#include "resdex.h"
#include "similar.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

typedef struct para {
    char *id, *text;
    int kind;
    char **words;
    size_t n_words;
} para_t;

typedef struct res {
    char *symbol;
    int year;
    para_t *paras;
    size_t n;
} res_t;

static res_t *all_res;
static size_t n_res, cap_res;

static void *
xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) {
        fprintf(stderr, "similar_eval: out of memory\n");
        exit(2);
    }
    return p;
}

static char *
xstrdup(const char *s)
{
    char *d = strdup(s);
    if (!d) {
        fprintf(stderr, "similar_eval: out of memory\n");
        exit(2);
    }
    return d;
}

/* The oracle's words: maximal runs of ASCII letters and digits and of
 * non-ASCII bytes, lower-cased. */
static void
oracle_words(para_t *p)
{
    size_t cap = 0;
    const char *s = p->text;
    while (*s) {
        while (*s && !((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
                       (*s >= '0' && *s <= '9') || (unsigned char)*s >= 0x80))
            s++;
        if (!*s)
            break;
        const char *b = s;
        while ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
               (unsigned char)*s >= 0x80)
            s++;
        /* Superscript digits (footnote marks) are not words. */
        if (s - b == 2 && (unsigned char)b[0] == 0xC2 &&
            ((unsigned char)b[1] == 0xB9 || (unsigned char)b[1] == 0xB2 ||
             (unsigned char)b[1] == 0xB3))
            continue;
        char *w = xstrdup("");
        w = xrealloc(w, (size_t)(s - b) + 1);
        for (size_t i = 0; i < (size_t)(s - b); i++)
            w[i] = (b[i] >= 'A' && b[i] <= 'Z') ? (char)(b[i] + 32) : b[i];
        w[s - b] = '\0';
        if (p->n_words == cap) {
            cap = cap ? cap * 2 : 32;
            p->words = xrealloc(p->words, cap * sizeof *p->words);
        }
        p->words[p->n_words++] = w;
    }
}

static double
oracle_score(const para_t *a, const para_t *b, int *same)
{
    size_t n = a->n_words, m = b->n_words;
    *same = n == m;
    for (size_t i = 0; *same && i < n; i++)
        *same = strcmp(a->words[i], b->words[i]) == 0;
    if (*same)
        return 1.0;
    if (!n || !m)
        return 0;
    unsigned *prev = calloc(m + 1, sizeof *prev), *cur = calloc(m + 1, sizeof *cur);
    if (!prev || !cur)
        exit(2);
    for (size_t i = 1; i <= n; i++) {
        for (size_t j = 1; j <= m; j++) {
            if (strcmp(a->words[i - 1], b->words[j - 1]) == 0)
                cur[j] = prev[j - 1] + 1;
            else
                cur[j] = cur[j - 1] > prev[j] ? cur[j - 1] : prev[j];
        }
        unsigned *t = prev;
        prev = cur;
        cur = t;
    }
    double lcs = prev[m];
    free(prev);
    free(cur);
    return 2.0 * lcs / (double)(n + m);
}

static int
year_of(const char *date, const char *symbol)
{
    if (date && strlen(date) >= 4)
        return atoi(date);
    (void)symbol;
    return 0;
}

static void
load_file(const char *path)
{
    resdex_doc_t *doc = NULL;
    char *msg = NULL;
    if (resdex_parse_file(path, &doc, &msg) != RESDEX_STATUS_SUCCESS) {
        fprintf(stderr, "similar_eval: skipped %s\n", msg ? msg : path);
        free(msg);
        return;
    }
    for (size_t r = 0; r < resdex_doc_count(doc); r++) {
        const resdex_resolution_t *res = resdex_doc_get(doc, r);
        if (n_res == cap_res) {
            cap_res = cap_res ? cap_res * 2 : 64;
            all_res = xrealloc(all_res, cap_res * sizeof *all_res);
        }
        res_t *x = &all_res[n_res++];
        memset(x, 0, sizeof *x);
        x->symbol = xstrdup(res->symbol);
        x->year = year_of(res->date, res->symbol);
        x->paras = xrealloc(NULL, res->n_paragraphs * sizeof *x->paras);
        for (size_t i = 0; i < res->n_paragraphs; i++) {
            char anchor[64], id[512];
            resdex_paragraph_anchor(res, i, anchor, sizeof anchor);
            snprintf(id, sizeof id, "%s#%s", res->symbol, anchor);
            para_t *p = &x->paras[x->n++];
            memset(p, 0, sizeof *p);
            p->id = xstrdup(id);
            p->text = xstrdup(res->paragraphs[i].text);
            p->kind = res->paragraphs[i].kind;
            oracle_words(p);
        }
    }
    resdex_doc_destroy(doc);
}

static res_t *
find_res(const char *symbol)
{
    for (size_t i = 0; i < n_res; i++)
        if (strcmp(all_res[i].symbol, symbol) == 0)
            return &all_res[i];
    return NULL;
}

static int
index_path(resdex_db_t *db, const char *path, size_t *files)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return -1;
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        if (!d)
            return -1;
        struct dirent *e;
        while ((e = readdir(d))) {
            if (e->d_name[0] == '.')
                continue;
            char sub[4096];
            snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
            index_path(db, sub, files);
        }
        closedir(d);
        return 0;
    }
    resdex_doc_t *doc = NULL;
    char *msg = NULL;
    if (resdex_parse_file(path, &doc, &msg) != RESDEX_STATUS_SUCCESS) {
        free(msg);
        return 0;
    }
    if (resdex_db_index_doc(db, path, doc) != RESDEX_STATUS_SUCCESS) {
        fprintf(stderr, "similar_eval: indexing %s: %s\n", path, resdex_db_last_error(db));
        resdex_doc_destroy(doc);
        return -1;
    }
    resdex_doc_destroy(doc);
    if (++*files % 200 == 0)
        resdex_db_commit(db);
    return 0;
}

static double
now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static double
cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

typedef struct tally {
    unsigned n, at1, at5;
} tally_t;

/* The text of a fragment of `text`: its first half (cut = 0) or the text
 * with its middle third left out (cut = 1), cut at spaces. malloc()ed. */
static char *
fragment(const char *text, int cut)
{
    size_t len = strlen(text);
    size_t a = cut ? len / 3 : len / 2, b = cut ? 2 * len / 3 : len;
    while (a < len && text[a] != ' ')
        a++;
    while (b < len && text[b] != ' ')
        b++;
    char *f = xrealloc(NULL, len + 1);
    memcpy(f, text, a);
    size_t n = a;
    if (cut && b < len) {
        memcpy(f + n, text + b, len - b);
        n += len - b;
    }
    f[n] = '\0';
    return f;
}

/* Query a fragment of `text` as text under `filter`; tally where a
 * paragraph with the label's words comes. */
static void
fragment_tally(resdex_db_t *db, const char *text, int cut, const char *filter, const para_t *label,
               tally_t *t)
{
    char *f = fragment(text, cut);
    resdex_similar_options_t o = {0};
    o.text = f;
    o.filters = filter;
    o.limit = 5;
    resdex_results_t *r = NULL;
    if (resdex_db_similar(db, &o, &r) == RESDEX_STATUS_SUCCESS) {
        t->n++;
        for (size_t h = 0; h < resdex_results_count(r); h++) {
            const resdex_hit_t *hit = resdex_results_get(r, h);
            if (strcmp(hit->paragraph->text, label->text) == 0) {
                t->at1 += h == 0;
                t->at5++;
                break;
            }
        }
    }
    resdex_results_destroy(r);
    free(f);
}

int
main(int argc, char **argv)
{
    int reuse = 0, lenient = 0, verbose = 0, repeat = 1, series_mode = 0;
    double label_min = 0.6;
    const char *extra = NULL;
    similar_tuning_t *tune = similar_tuning_get();
    int i = 1;
    for (; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
        if (strcmp(argv[i], "--reuse") == 0)
            reuse = 1;
        else if (strcmp(argv[i], "--lenient") == 0)
            lenient = 1;
        else if (strcmp(argv[i], "--verbose") == 0)
            verbose = 1;
        else if (strcmp(argv[i], "--elite") == 0 && i + 1 < argc)
            tune->elite_terms = (unsigned)atoi(argv[++i]);
        else if (strcmp(argv[i], "--candidates") == 0 && i + 1 < argc)
            tune->candidates = (unsigned)atoi(argv[++i]);
        else if (strcmp(argv[i], "--plain-terms") == 0)
            tune->plain_terms = 1;
        else if (strcmp(argv[i], "--elite-narrowed") == 0 && i + 1 < argc)
            tune->elite_terms_narrowed = (unsigned)atoi(argv[++i]);
        else if (strcmp(argv[i], "--keep-stopwords") == 0)
            tune->keep_stopwords = 1;
        else if (strcmp(argv[i], "--seqw") == 0 && i + 1 < argc)
            tune->sequence_weight = atof(argv[++i]);
        else if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc)
            repeat = atoi(argv[++i]);
        else if (strcmp(argv[i], "--label-min") == 0 && i + 1 < argc)
            label_min = atof(argv[++i]);
        else if (strcmp(argv[i], "--label") == 0 && i + 1 < argc)
            series_mode = strcmp(argv[++i], "series") == 0;
        else if (strcmp(argv[i], "--extra") == 0 && i + 1 < argc)
            extra = argv[++i];
        else {
            fprintf(stderr, "similar_eval: unknown option %s\n", argv[i]);
            return 2;
        }
    }
    if (argc - i < 3) {
        fprintf(stderr, "usage: similar_eval [options] DB SERIES FILE...\n");
        return 2;
    }
    const char *db_path = argv[i], *series_path = argv[i + 1];
    char **files = argv + i + 2;
    int n_files = argc - i - 2;
    for (int k = 0; k < n_files; k++)
        load_file(files[k]);

    resdex_db_t *db = NULL;
    if (!reuse) {
        char cmd[4200];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", db_path);
        if (system(cmd) != 0)
            return 2;
        if (resdex_db_open(db_path, RESDEX_DB_READ_WRITE, &db) != RESDEX_STATUS_SUCCESS) {
            fprintf(stderr, "similar_eval: %s\n", resdex_db_last_error(db));
            return 2;
        }
        size_t nf = 0;
        for (int k = 0; k < n_files; k++)
            index_path(db, files[k], &nf);
        if (extra)
            index_path(db, extra, &nf);
        if (resdex_db_commit(db) != RESDEX_STATUS_SUCCESS)
            return 2;
        resdex_db_close(db);
        db = NULL;
    }
    if (resdex_db_open(db_path, RESDEX_DB_READ_ONLY, &db) != RESDEX_STATUS_SUCCESS) {
        fprintf(stderr, "similar_eval: %s\n", resdex_db_last_error(db));
        return 2;
    }
    resdex_db_counts_t counts = {0};
    resdex_db_get_counts(db, &counts);

    FILE *sf = fopen(series_path, "r");
    if (!sf) {
        perror(series_path);
        return 2;
    }
    tally_t exact = {0}, edited = {0}, half = {0}, cut = {0};
    unsigned unlabelled = 0, errors = 0;
    double *lat = NULL, *cpu = NULL;
    size_t n_lat = 0, cap_lat = 0;
    char line[4096];
    while (fgets(line, sizeof line, sf)) {
        if (line[0] == '#')
            continue;
        res_t *chain[32];
        size_t n_chain = 0;
        for (char *tok = strtok(line, " \t\n"); tok && n_chain < 32; tok = strtok(NULL, " \t\n")) {
            res_t *r = find_res(tok);
            if (!r)
                fprintf(stderr, "similar_eval: %s not among the files\n", tok);
            else
                chain[n_chain++] = r;
        }
        for (size_t c = 1; c < n_chain; c++) {
            res_t *prev = chain[c - 1], *cur = chain[c];
            for (size_t k = 0; k < cur->n; k++) {
                para_t *q = &cur->paras[k];
                if (q->kind != RESDEX_KIND_OPERATIVE || q->n_words < 5)
                    continue;
                /* The label: the best oracle score over the previous
                 * resolution (or, with --label series, every earlier one
                 * of the series, the most recent first among equals); it
                 * must beat every paragraph with other words by a margin. */
                double best = -1, second = -1;
                int best_same = 0;
                para_t *label = NULL;
                size_t first = series_mode ? 0 : c - 1;
                for (size_t e = c; e-- > first;) {
                    for (size_t j = 0; j < chain[e]->n; j++) {
                        int same = 0;
                        double sc = oracle_score(q, &chain[e]->paras[j], &same);
                        if (sc > best + 1e-9) {
                            best = sc;
                            best_same = same;
                            label = &chain[e]->paras[j];
                        }
                    }
                }
                for (size_t e = first; label && e < c; e++) {
                    for (size_t j = 0; j < chain[e]->n; j++) {
                        para_t *x = &chain[e]->paras[j];
                        int same = 0;
                        if (x == label)
                            continue;
                        oracle_score(label, x, &same);
                        if (same)
                            continue; /* the same words: not a rival */
                        double sc = oracle_score(q, x, &same);
                        if (sc > second)
                            second = sc;
                    }
                }
                if (!label || best < label_min || best - second < 0.05) {
                    unlabelled++;
                    continue;
                }
                char filter[32];
                snprintf(filter, sizeof filter, "year:..%d", cur->year - 1);
                resdex_similar_options_t o = {0};
                o.paragraph = q->id;
                o.filters = filter;
                o.limit = 5;
                resdex_results_t *r = NULL;
                resdex_status_t st = RESDEX_STATUS_SUCCESS;
                for (int rep = 0; rep < repeat; rep++) {
                    resdex_results_destroy(r);
                    r = NULL;
                    double c0 = cpu_ms(), t0 = now_ms();
                    st = resdex_db_similar(db, &o, &r);
                    double t1 = now_ms(), c1 = cpu_ms();
                    if (n_lat == cap_lat) {
                        cap_lat = cap_lat ? cap_lat * 2 : 256;
                        lat = xrealloc(lat, cap_lat * sizeof *lat);
                        cpu = xrealloc(cpu, cap_lat * sizeof *cpu);
                    }
                    cpu[n_lat] = c1 - c0;
                    lat[n_lat++] = t1 - t0;
                }
                if (st != RESDEX_STATUS_SUCCESS) {
                    fprintf(stderr, "similar_eval: %s: %s\n", q->id, resdex_db_last_error(db));
                    errors++;
                    continue;
                }
                tally_t *t = best_same ? &exact : &edited;
                t->n++;
                size_t rank = 0;
                for (size_t h = 0; h < resdex_results_count(r) && !rank; h++) {
                    const resdex_hit_t *hit = resdex_results_get(r, h);
                    if (strcmp(hit->id, label->id) == 0 ||
                        (lenient && strcmp(hit->paragraph->text, label->text) == 0))
                        rank = h + 1;
                }
                if (rank == 1)
                    t->at1++;
                if (rank >= 1 && rank <= 5)
                    t->at5++;
                if (verbose && rank != 1) {
                    const resdex_hit_t *top = resdex_results_get(r, 0);
                    fprintf(stderr, "miss (%s, oracle %.3f, rank %zu): %s -> %s; got %s (%.3f)\n",
                            best_same ? "exact" : "edited", best, rank, q->id, label->id,
                            top ? top->id : "nothing", top ? top->similarity : 0.0);
                }
                resdex_results_destroy(r);
                /* Fragments of an exactly reused paragraph, pasted as text:
                 * its first half, and the paragraph with its middle third
                 * cut (issue 16). Any paragraph with the label's words
                 * counts. */
                if (best_same) {
                    fragment_tally(db, q->text, 0, filter, label, &half);
                    fragment_tally(db, q->text, 1, filter, label, &cut);
                }
            }
        }
    }
    fclose(sf);
    qsort(lat, n_lat, sizeof *lat, cmp_double);
    qsort(cpu, n_lat, sizeof *cpu, cmp_double);
    double sum = 0, csum = 0;
    for (size_t k = 0; k < n_lat; k++) {
        sum += lat[k];
        csum += cpu[k];
    }
    unsigned n_all = exact.n + edited.n;
#define R(x, n) ((n) ? (double)(x) / (double)(n) : 0.0)
    printf("index: %llu paragraphs, %llu resolutions; tuning: elite %u (filtered %u), "
           "candidates %u, sequence weight %.2f, %s, stopwords %s\n",
           (unsigned long long)counts.paragraphs, (unsigned long long)counts.resolutions,
           tune->elite_terms, tune->elite_terms_narrowed, tune->candidates, tune->sequence_weight,
           tune->plain_terms ? "plain terms only" : "plain terms and stems",
           tune->keep_stopwords ? "kept" : "left out");
    printf("labels: %s\n", series_mode
                               ? "closest paragraph of any earlier resolution of the series"
                               : "closest paragraph of the previous resolution of the series");
    printf("labelled: %u (exact %u, edited %u); unlabelled %u; errors %u\n", n_all, exact.n,
           edited.n, unlabelled, errors);
    printf("%-8s %6s %9s %9s\n", "reuse", "n", "recall@1", "recall@5");
    printf("%-8s %6u %9.3f %9.3f\n", "exact", exact.n, R(exact.at1, exact.n),
           R(exact.at5, exact.n));
    printf("%-8s %6u %9.3f %9.3f\n", "edited", edited.n, R(edited.at1, edited.n),
           R(edited.at5, edited.n));
    printf("%-8s %6u %9.3f %9.3f\n", "all", n_all, R(exact.at1 + edited.at1, n_all),
           R(exact.at5 + edited.at5, n_all));
    printf("fragments of the exact reuses, pasted as text (any paragraph with the label's "
           "words counts):\n");
    printf("%-8s %6u %9.3f %9.3f\n", "half", half.n, R(half.at1, half.n), R(half.at5, half.n));
    printf("%-8s %6u %9.3f %9.3f\n", "cut", cut.n, R(cut.at1, cut.n), R(cut.at5, cut.n));
    if (n_lat) {
        size_t p99 = (size_t)(0.99 * (double)(n_lat - 1) + 0.5);
        printf("latency (wall) over %zu queries: mean %.2f ms, p50 %.2f ms, p99 %.2f ms, "
               "max %.2f ms\n",
               n_lat, sum / (double)n_lat, lat[n_lat / 2], lat[p99], lat[n_lat - 1]);
        printf("latency (CPU)  over %zu queries: mean %.2f ms, p50 %.2f ms, p99 %.2f ms, "
               "max %.2f ms\n",
               n_lat, csum / (double)n_lat, cpu[n_lat / 2], cpu[p99], cpu[n_lat - 1]);
    }
    free(lat);
    free(cpu);
    resdex_db_close(db);
    return 0;
}
