/* fuzz_query.c - libFuzzer target: the query front end. The input is a
 * query, run through resdex_db_search (the filter syntax, Xapian's query
 * parser, wildcard limits, ranking, snippets) against a small index built
 * once, at start, in a temporary folder, from the texts below.
 *
 * Input: byte 0 chooses the options (bit 0 every kind, 1 sort by date,
 * 2 facets, 3 snippets, 4 also run the rest as resdex_db_similar filters,
 * 5 also as a symbol for resdex_db_find_resolution, bits 6-7 the offset);
 * the rest is the query text. */
#include "fuzz-common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const texts[] = {
    "Resolution 55/12. Alternatives to imprisonment for certain offences\n\n"
    "Recalling that the international drug control conventions establish that States may "
    "provide alternatives to conviction or punishment,\n"
    "  \xE2\x80\xA2 Alternatives to punishment\n\n"
    "Recalling also General Assembly resolution 70/174 of 17 December 2015,\xC2\xB9\n\n"
    "1. Encourages Member States to consider alternatives to imprisonment;\n\n"
    "2. Also encourages Member States to share good practices on restorative justice "
    "and electronic monitoring;\n\n"
    "3. Requests the United Nations Office on Drugs and Crime to report to the Commission "
    "at its fifty-sixth session (E/CN.15/2023/13).\n\n"
    "\xC2\xB9 General Assembly resolution 70/174, annex.\n",

    "Economic and Social Council\n\n"
    "Resolution adopted by the Economic and Social Council on 6 July 2017\n\n"
    "2017/19. Promoting the implementation of alternatives to imprisonment\n\n"
    "The Economic and Social Council,\n\n"
    "Recalling the Universal Declaration of Human Rights and the Tokyo Rules,\n\n"
    "Bearing in mind the United Nations Standard Minimum Rules for Non-custodial Measures,\n\n"
    "1. Encourages Member States to take into account the Tokyo Rules;\n\n"
    "2. Calls upon Member States to promote restorative justice programmes;\n\n"
    "(a) to improve prison conditions;\n\n"
    "(b) to reduce pretrial detention;\n\n"
    "3. Decides to remain seized of the matter.\n",
};

static char db_dir[256];
static resdex_db_t *db;

static void
cleanup(void)
{
    resdex_db_close(db);
    db = NULL;
    fuzz_rmtree(db_dir);
}

static void
die(const char *what, const char *why)
{
    fprintf(stderr, "fuzz_query: %s: %s\n", what, why ? why : "failed");
    exit(1);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_tmpdir("query", db_dir, sizeof db_dir);
    atexit(cleanup);
    fuzz_index_texts(db_dir, texts, sizeof texts / sizeof texts[0]);
    if (resdex_db_open(db_dir, RESDEX_DB_READ_ONLY, &db) != RESDEX_STATUS_SUCCESS)
        die("open for reading", resdex_db_last_error(db));
    return 0;
}

/* Every hit must be whole; a failure must say why. */
static void
check(resdex_status_t st, resdex_results_t *r)
{
    if (st != RESDEX_STATUS_SUCCESS) {
        const char *m = resdex_db_last_error(db);
        if (r || !m || !*m)
            abort();
        return;
    }
    for (size_t i = 0; i < resdex_results_count(r); i++) {
        const resdex_hit_t *h = resdex_results_get(r, i);
        if (!h || !h->id || !h->resolution || !h->paragraph || !h->paragraph->text)
            abort();
        volatile size_t sum = strlen(h->id) + strlen(h->paragraph->text) + fuzz_len(h->snippet);
        for (size_t k = 0; k < h->n_footnotes; k++)
            sum += fuzz_len(h->footnotes[k].text);
        (void)sum;
    }
    resdex_results_destroy(r);
}

static int
count_facet(const char *value, uint64_t n, void *ctx)
{
    *(size_t *)ctx += strlen(value) + (size_t)n;
    return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || !db)
        return 0;
    unsigned flags = data[0];
    char *q = malloc(size);
    if (!q)
        return 0;
    memcpy(q, data + 1, size - 1);
    q[size - 1] = '\0';

    resdex_search_options_t o;
    memset(&o, 0, sizeof o);
    o.query = q;
    o.limit = 10;
    o.offset = (flags >> 6) * 3;
    o.all_kinds = flags & 1;
    o.sort = flags & 2 ? RESDEX_SORT_DATE : RESDEX_SORT_RELEVANCE;
    o.facets = (flags >> 2) & 1;
    o.snippets = (flags >> 3) & 1;
    resdex_results_t *r = NULL;
    resdex_status_t st = resdex_db_search(db, &o, &r);
    if (st == RESDEX_STATUS_SUCCESS && o.facets) {
        size_t sum = 0;
        resdex_results_facets(r, "body", count_facet, &sum);
        resdex_results_facets(r, "year", count_facet, &sum);
    }
    check(st, r);

    if (flags & 0x10) {
        resdex_similar_options_t so;
        memset(&so, 0, sizeof so);
        so.text = "Encourages Member States to consider alternatives to imprisonment";
        so.filters = q;
        r = NULL;
        st = resdex_db_similar(db, &so, &r);
        check(st, r);
    }
    if ((flags & 0x20) && *q) {
        r = NULL;
        st = resdex_db_find_resolution(db, q, NULL, &r);
        check(st, r);
    }
    free(q);
    return 0;
}
