/* search.c - the smallest program over libresdex: search an index and print
 * each hit's id and text. Built against the installed library:
 *
 *   cc -o search search.c $(pkg-config --cflags --libs resdex)
 *   ./search ~/.local/share/resdex 'prison body:ga'
 *
 * Exit status: 0 with hits, 1 without, 2 on an error (as resdex search). */
#include <resdex.h>

#include <stdio.h>
#include <stdlib.h>

int
main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: search INDEX QUERY\n");
        return 2;
    }
    resdex_db_t *db = NULL;
    resdex_results_t *results = NULL;
    int status = 2;

    /* db is set even when opening fails: it holds the message. */
    resdex_status_t st = resdex_db_open(argv[1], RESDEX_DB_READ_ONLY, &db);
    if (st != RESDEX_STATUS_SUCCESS)
        goto DONE;

    resdex_search_options_t options = {.query = argv[2], .limit = 5};
    st = resdex_db_search(db, &options, &results);
    if (st != RESDEX_STATUS_SUCCESS)
        goto DONE;

    /* The hits belong to results: valid until resdex_results_destroy. */
    for (size_t i = 0; i < resdex_results_count(results); i++) {
        const resdex_hit_t *hit = resdex_results_get(results, i);
        printf("%u. %s (%s %s)\n   %s\n", hit->rank, hit->id, hit->resolution->body,
               hit->resolution->date ? hit->resolution->date : "undated", hit->paragraph->text);
    }
    /* The paragraphs of the same text are folded into one hit (its also). */
    printf("%s%llu hits (%llu matching paragraphs)\n",
           resdex_results_total_is_exact(results) ? "" : "about ",
           (unsigned long long)resdex_results_total(results),
           (unsigned long long)resdex_results_paragraphs(results));
    status = resdex_results_count(results) > 0 ? 0 : 1;

DONE:
    if (st != RESDEX_STATUS_SUCCESS) {
        const char *m = resdex_db_last_error(db);
        fprintf(stderr, "search: %s\n", m && *m ? m : resdex_status_to_string(st));
    }
    resdex_results_destroy(results);
    resdex_db_close(db);
    return status;
}
