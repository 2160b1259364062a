/* fuzz-common.h - shared by the libFuzzer targets (and their regression
 * driver, standalone.c): walk every field of a parsed document so that the
 * sanitizers see each pointer the parser handed out. */
#ifndef RESDEX_FUZZ_COMMON_H
#define RESDEX_FUZZ_COMMON_H

#include "resdex.h"

#include <ftw.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A NULL-safe strlen, summed so that the compiler keeps every read. */
static inline size_t
fuzz_len(const char *s)
{
    return s ? strlen(s) : 0;
}

/* Touch every string of every resolution, anchor every paragraph and look
 * up every footnote mark. Returns a checksum nobody reads. */
static inline size_t
fuzz_walk_doc(const resdex_doc_t *doc)
{
    size_t sum = 0;
    for (size_t r = 0; r < resdex_doc_count(doc); r++) {
        const resdex_resolution_t *res = resdex_doc_get(doc, r);
        if (!res || !res->symbol)
            abort(); /* the header promises a symbol */
        sum += fuzz_len(res->symbol) + fuzz_len(res->number) + fuzz_len(res->body) +
               fuzz_len(res->doc_type) + fuzz_len(res->title) + fuzz_len(res->date) +
               fuzz_len(res->session) + fuzz_len(res->agenda_item) + fuzz_len(res->meeting) +
               fuzz_len(res->recommended_by) + fuzz_len(res->recommends_to) + fuzz_len(res->lang) +
               fuzz_len(res->source);
        for (size_t i = 0; i < res->n_paragraphs; i++) {
            const resdex_paragraph_t *p = &res->paragraphs[i];
            char anchor[64];
            resdex_paragraph_anchor(res, i, anchor, sizeof anchor);
            if (!p->text)
                abort(); /* never NULL */
            sum += strlen(anchor) + fuzz_len(p->item) + fuzz_len(p->verb) + strlen(p->text);
            for (size_t k = 0; k < p->n_marks; k++)
                sum +=
                    fuzz_len(p->marks[k]) + (resdex_resolution_footnote(res, p->marks[k]) != NULL);
            for (size_t k = 0; k < p->n_tags; k++)
                sum += fuzz_len(p->tags[k]);
            for (size_t k = 0; k < p->n_cites; k++)
                sum += fuzz_len(p->cites[k]);
        }
        for (size_t i = 0; i < res->n_footnotes; i++)
            sum += fuzz_len(res->footnotes[i].mark) + fuzz_len(res->footnotes[i].text);
    }
    if (resdex_doc_get(doc, resdex_doc_count(doc)) != NULL)
        abort(); /* out of range must be NULL */
    return sum;
}

/* Parse a buffer as a corpus file would be, and check the contract: a
 * document on success (with at least one resolution), a message on failure. */
static inline void
fuzz_parse(const char *name, const uint8_t *data, size_t size)
{
    resdex_doc_t *doc = NULL;
    char *msg = NULL;
    resdex_status_t st = resdex_parse_buffer(name, (const char *)data, size, &doc, &msg);
    if (st == RESDEX_STATUS_SUCCESS) {
        if (!doc || resdex_doc_count(doc) == 0)
            abort();
        volatile size_t sum = fuzz_walk_doc(doc);
        (void)sum;
    } else {
        if (doc || !msg || !*msg)
            abort(); /* a failure leaves no document and always says why */
    }
    resdex_doc_destroy(doc);
    free(msg);
}

/* fuzz_parse, with `prefix` put in front unless the input already fits
 * (so that a target's mutations are spent inside its own reader). */
static inline void
fuzz_parse_prefixed(const char *name, const char *prefix, int fits, const uint8_t *data,
                    size_t size)
{
    if (fits) {
        fuzz_parse(name, data, size);
        return;
    }
    size_t n = strlen(prefix);
    uint8_t *buf = malloc(n + size);
    if (!buf)
        return;
    memcpy(buf, prefix, n);
    if (size)
        memcpy(buf + n, data, size);
    fuzz_parse(name, buf, n + size);
    free(buf);
}

/* A new empty folder for a target's index ("resdex-fuzz-TARGET-XXXXXX"
 * under $TMPDIR) written into dir; exits when it cannot be made. */
static inline void
fuzz_tmpdir(const char *target, char *dir, size_t size)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, size, "%s/resdex-fuzz-%s-XXXXXX", tmp && *tmp ? tmp : "/tmp", target);
    if (!mkdtemp(dir)) {
        fprintf(stderr, "fuzz_%s: cannot create %s\n", target, dir);
        exit(1);
    }
}

static inline int
fuzz_remove_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

/* Index texts[0..n) (text%zu.txt each) into a new index at dir, for the
 * targets that search one. Exits 1 with a message when it cannot. */
static inline void
fuzz_index_texts(const char *dir, const char *const *texts, size_t n)
{
    resdex_db_t *w = NULL;
    const char *what = "open for writing", *why = NULL;
    char name[32];
    if (resdex_db_open(dir, RESDEX_DB_READ_WRITE, &w) != RESDEX_STATUS_SUCCESS)
        goto FAIL;
    for (size_t i = 0; i < n; i++) {
        snprintf(name, sizeof name, "text%zu.txt", i);
        what = name;
        resdex_doc_t *doc = NULL;
        char *msg = NULL;
        if (resdex_parse_buffer(name, texts[i], strlen(texts[i]), &doc, &msg) !=
            RESDEX_STATUS_SUCCESS) {
            why = msg;
            goto FAIL;
        }
        resdex_status_t st = resdex_db_index_doc(w, name, doc);
        resdex_doc_destroy(doc);
        if (st != RESDEX_STATUS_SUCCESS)
            goto FAIL;
    }
    what = "commit";
    if (resdex_db_commit(w) != RESDEX_STATUS_SUCCESS)
        goto FAIL;
    resdex_db_close(w);
    return;
FAIL:
    fprintf(stderr, "fuzz: %s: %s\n", what, why ? why : w ? resdex_db_last_error(w) : "failed");
    exit(1);
}

/* Remove a folder made by fuzz_tmpdir, with what is in it ("" : nothing). */
static inline void
fuzz_rmtree(const char *dir)
{
    if (dir[0])
        nftw(dir, fuzz_remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

#endif
