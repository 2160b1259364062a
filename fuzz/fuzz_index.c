/* fuzz_index.c - libFuzzer target: what the daemon does with a file that
 * parses. The input is parsed as a corpus file (text or AKN XML, gzip or
 * not); a document is indexed (terms, stemming in its language, boolean
 * terms, the compressed record) into a writable index opened once in a
 * temporary folder, and the change dropped (resdex_db_cancel). The first
 * document and every 64th after it are committed instead, read back by
 * symbol (the record decoded) and removed again. Seeds: those of fuzz_text
 * and fuzz_akn. */
#include "fuzz-common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char db_dir[256];
static resdex_db_t *db;
static unsigned long inputs;

static void
cleanup(void)
{
    resdex_db_close(db);
    db = NULL;
    fuzz_rmtree(db_dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_tmpdir("index", db_dir, sizeof db_dir);
    atexit(cleanup);
    if (resdex_db_open(db_dir, RESDEX_DB_READ_WRITE, &db) != RESDEX_STATUS_SUCCESS) {
        fprintf(stderr, "fuzz_index: %s\n", resdex_db_last_error(db));
        exit(1);
    }
    return 0;
}

/* An index error is a finding only when it is not one of the documented
 * statuses of resdex_db_index_doc (a full disk, say, is not the input's). */
static void
expect_ok(resdex_status_t st, const char *what)
{
    if (st == RESDEX_STATUS_SUCCESS)
        return;
    fprintf(stderr, "fuzz_index: %s: %s: %s\n", what, resdex_status_to_string(st),
            resdex_db_last_error(db));
    abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!db)
        return 0;
    resdex_doc_t *doc = NULL;
    char *msg = NULL;
    if (resdex_parse_buffer("fuzz.txt", (const char *)data, size, &doc, &msg) !=
        RESDEX_STATUS_SUCCESS) {
        free(msg);
        return 0;
    }
    expect_ok(resdex_db_index_doc(db, "fuzz.txt", doc), "index");
    if (inputs++ % 64 != 0) {
        expect_ok(resdex_db_cancel(db), "cancel");
        resdex_doc_destroy(doc);
        return 0;
    }
    expect_ok(resdex_db_commit(db), "commit");
    const resdex_resolution_t *res = resdex_doc_get(doc, 0);
    resdex_results_t *r = NULL;
    resdex_status_t st = resdex_db_find_resolution(db, res->symbol, res->lang, &r);
    /* Found, or not found when no paragraph of it had text to index. */
    if (st != RESDEX_STATUS_SUCCESS && st != RESDEX_STATUS_NOT_FOUND)
        expect_ok(st, "read back");
    for (size_t i = 0; i < resdex_results_count(r); i++) {
        const resdex_hit_t *h = resdex_results_get(r, i);
        if (!h || !h->id || !h->paragraph || !h->paragraph->text)
            abort();
    }
    resdex_results_destroy(r);
    expect_ok(resdex_db_remove_source(db, "fuzz.txt"), "remove");
    expect_ok(resdex_db_commit(db), "commit");
    resdex_doc_destroy(doc);
    return 0;
}
