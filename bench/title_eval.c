/* title_eval.c - resolution-level relevance of search --group: do the
 * resolutions devoted to a topic come first?
 *
 *   title_eval [--verbose] DB JUDGMENTS WEIGHT...
 *
 * For each title weight (search-tuning.h; 0: the title not used), runs
 * every query of JUDGMENTS (bench/title-judgments.tsv: query, tab, the
 * relevant symbols) as `resdex search --group --limit 10` on DB and prints
 * the means over the queries of P@1, P@5 (relevant among the first five /
 * min(5, relevant)), R-precision and MRR (1 / rank of the first relevant
 * hit in the first ten, 0 when none), one line per weight. --verbose: the
 * first five symbols of every query on stderr (* marks a relevant one). */
#include "resdex.h"
#include "search-tuning.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_Q   200
#define MAX_REL 32

typedef struct judged {
    char *query;
    char *rel[MAX_REL];
    size_t n_rel;
} judged_t;

static int
relevant(const judged_t *j, const char *symbol)
{
    for (size_t i = 0; i < j->n_rel; i++)
        if (strcmp(j->rel[i], symbol) == 0)
            return 1;
    return 0;
}

static size_t
read_judgments(const char *path, judged_t *out)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        exit(2);
    }
    char line[4096];
    size_t n = 0;
    while (fgets(line, sizeof line, f) && n < MAX_Q) {
        line[strcspn(line, "\r\n")] = '\0';
        char *tab = strchr(line, '\t');
        if (line[0] == '#' || !tab)
            continue;
        *tab = '\0';
        judged_t *j = &out[n++];
        j->query = strdup(line);
        j->n_rel = 0;
        for (char *s = strtok(tab + 1, " "); s && j->n_rel < MAX_REL; s = strtok(NULL, " "))
            j->rel[j->n_rel++] = strdup(s);
    }
    fclose(f);
    return n;
}

int
main(int argc, char **argv)
{
    int verbose = argc > 1 && strcmp(argv[1], "--verbose") == 0;
    if (verbose) {
        argv++;
        argc--;
    }
    if (argc < 4) {
        fprintf(stderr, "usage: title_eval [--verbose] DB JUDGMENTS WEIGHT...\n");
        return 2;
    }
    static judged_t js[MAX_Q];
    size_t nq = read_judgments(argv[2], js);
    resdex_db_t *db = NULL;
    if (resdex_db_open(argv[1], RESDEX_DB_READ_ONLY, &db) != RESDEX_STATUS_SUCCESS) {
        fprintf(stderr, "title_eval: cannot open %s\n", argv[1]);
        return 2;
    }
    printf("weight\tP@1\tP@5\tR-prec\tMRR\t(%zu queries)\n", nq);
    for (int w = 3; w < argc; w++) {
        search_tuning_get()->title_weight = atof(argv[w]);
        double p1 = 0, p5 = 0, rp = 0, mrr = 0;
        for (size_t q = 0; q < nq; q++) {
            resdex_search_options_t o = {0};
            o.query = js[q].query;
            o.limit = 10;
            o.group_by_resolution = 1;
            resdex_results_t *r = NULL;
            if (resdex_db_search(db, &o, &r) != RESDEX_STATUS_SUCCESS) {
                fprintf(stderr, "title_eval: %s: %s\n", js[q].query, resdex_db_last_error(db));
                continue;
            }
            size_t n = resdex_results_count(r), in5 = 0, inr = 0, first = 0;
            if (verbose)
                fprintf(stderr, "%s\t%s:", argv[w], js[q].query);
            for (size_t i = 0; i < n; i++) {
                const char *sym = resdex_results_get(r, i)->resolution->symbol;
                int rel = relevant(&js[q], sym);
                if (rel && i < 5)
                    in5++;
                if (rel && i < js[q].n_rel)
                    inr++;
                if (rel && !first)
                    first = i + 1;
                if (verbose && i < 5)
                    fprintf(stderr, " %s%s", sym, rel ? "*" : "");
            }
            if (verbose)
                fputc('\n', stderr);
            p1 += first == 1;
            p5 += (double)in5 / (double)(js[q].n_rel < 5 ? js[q].n_rel : 5);
            rp += (double)inr / (double)js[q].n_rel;
            mrr += first ? 1.0 / (double)first : 0;
            resdex_results_destroy(r);
        }
        printf("%s\t%.3f\t%.3f\t%.3f\t%.3f\n", argv[w], p1 / nq, p5 / nq, rp / nq, mrr / nq);
    }
    resdex_db_close(db);
    return 0;
}
