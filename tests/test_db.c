/* test_db.c - the C API over Xapian on a temporary index: create, open,
 * add, replace, delete, search, and every error path. */
#include "testutil.h"
#include "resdex.h"
#include "model.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int tu_corrupt_first_record(const char *path, const char *bytes, unsigned len);
int tu_bare_xapian_index(const char *path, int documents);

typedef struct fixture {
    char *dir;
    char *db_path;
} fixture_t;

static int
setup(void **state)
{
    fixture_t *f = calloc(1, sizeof *f);
    f->dir = tu_tmpdir();
    if (!f->dir || asprintf(&f->db_path, "%s/index", f->dir) < 0)
        return -1;
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    fixture_t *f = *state;
    tu_rmtree(f->dir);
    free(f->dir);
    free(f->db_path);
    free(f);
    return 0;
}

/* An ECOSOC resolution E/RES/<number> added to doc (no paragraphs yet). */
static resdex_resolution_t *
add_ecosoc(resdex_doc_t *doc, const char *number, const char *date, const char *lang,
           const char *doc_type, const char *source)
{
    resdex_resolution_t *r = model_add_resolution(doc);
    char symbol[64];
    snprintf(symbol, sizeof symbol, "E/RES/%s", number);
    r->symbol = model_str(doc, symbol);
    r->number = model_str(doc, number);
    r->body = model_str(doc, "ECOSOC");
    r->doc_type = doc_type ? model_str(doc, doc_type) : NULL;
    r->date = model_str(doc, date);
    r->lang = model_str(doc, lang);
    r->source = model_str(doc, source);
    return r;
}

/* A hand-built document: ECOSOC 2017/19 with two operative paragraphs (one
 * with a footnote), one preambular; and a French version of one paragraph. */
static resdex_doc_t *
make_doc(const char *op1_text)
{
    resdex_doc_t *doc = model_doc_new();
    resdex_resolution_t *r =
        add_ecosoc(doc, "2017/19", "2017-07-06", "en", "resolution", "ecosoc-2017-19.txt");
    r->title = model_str(doc, "Promoting and encouraging the implementation of alternatives to "
                              "imprisonment");
    resdex_paragraph_t *p = model_add_paragraph(
        doc, r, RESDEX_KIND_PREAMBULAR,
        "Mindful of the United Nations Standard Minimum Rules for Non-custodial Measures "
        "(the Tokyo Rules)");
    p->verb = model_str(doc, "Mindful of");
    model_add_mark(doc, p, "6");
    model_add_cite(doc, p, "A/RES/45/110");
    p = model_add_paragraph(doc, r, RESDEX_KIND_OPERATIVE, op1_text);
    p->number = 1;
    p->verb = model_str(doc, "Encourages");
    model_add_tag(doc, p, "Alternatives to punishment");
    p = model_add_paragraph(doc, r, RESDEX_KIND_OPERATIVE,
                            "Also encourages Member States to develop legislative measures to "
                            "promote non-custodial measures");
    p->number = 2;
    p->verb = model_str(doc, "Also encourages");
    model_add_mark(doc, p, "6");
    model_add_cite(doc, p, "A/RES/45/110");
    model_add_footnote(doc, r, "6", "General Assembly resolution 45/110, annex.");

    resdex_resolution_t *fr =
        add_ecosoc(doc, "2017/19", "2017-07-06", "fr", NULL, "ecosoc-2017-19.txt");
    p = model_add_paragraph(doc, fr, RESDEX_KIND_OPERATIVE,
                            "Encourage les États Membres à promouvoir les mesures de substitution "
                            "à l'emprisonnement");
    p->number = 1;
    p->verb = model_str(doc, "Encourage");
    assert_false(model_failed(doc));
    return doc;
}

static resdex_db_t *
open_rw(fixture_t *f)
{
    resdex_db_t *db = NULL;
    resdex_status_t st = resdex_db_open(f->db_path, RESDEX_DB_READ_WRITE, &db);
    if (st != RESDEX_STATUS_SUCCESS)
        fail_msg("open: %s", resdex_db_last_error(db));
    return db;
}

static void
build_index(fixture_t *f)
{
    resdex_db_t *db = open_rw(f);
    resdex_doc_t *doc =
        make_doc("Encourages Member States to promote alternatives to "
                 "imprisonment from the pretrial stage to the post-sentencing stage");
    assert_int_equal(resdex_db_index_doc(db, "ecosoc-2017-19.txt", doc), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_db_set_metadata(db, "file:ecosoc-2017-19.txt", "123 456 abc"),
                     RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_db_commit(db), RESDEX_STATUS_SUCCESS);
    resdex_doc_destroy(doc);
    resdex_db_close(db);
}

/* Search and return the number of hits; *first gets the first hit's id. */
static size_t
search(resdex_db_t *db, const char *q, int all, char *first, size_t first_size)
{
    resdex_search_options_t o = {.query = q, .limit = 10, .all_kinds = all, .snippets = 1};
    resdex_results_t *r = NULL;
    resdex_status_t st = resdex_db_search(db, &o, &r);
    if (st != RESDEX_STATUS_SUCCESS)
        fail_msg("search '%s': %s: %s", q, resdex_status_to_string(st), resdex_db_last_error(db));
    size_t n = resdex_results_count(r);
    if (first && first_size) {
        first[0] = '\0';
        if (n)
            snprintf(first, first_size, "%s", resdex_results_get(r, 0)->id);
    }
    resdex_results_destroy(r);
    return n;
}

static resdex_db_t *
open_ro(fixture_t *f)
{
    resdex_db_t *db = NULL;
    resdex_status_t st = resdex_db_open(f->db_path, RESDEX_DB_READ_ONLY, &db);
    if (st != RESDEX_STATUS_SUCCESS)
        fail_msg("open read-only: %s", resdex_db_last_error(db));
    return db;
}

/* A reader of the index counts `n` paragraphs. */
static void
assert_paragraphs(fixture_t *f, uint64_t n)
{
    resdex_db_t *db = open_ro(f);
    resdex_db_counts_t c;
    assert_int_equal(resdex_db_get_counts(db, &c), RESDEX_STATUS_SUCCESS);
    assert_int_equal(c.paragraphs, n);
    resdex_db_close(db);
}

static void
test_missing_index(void **state)
{
    fixture_t *f = *state;
    resdex_db_t *db = NULL;
    assert_int_equal(resdex_db_open(f->db_path, RESDEX_DB_READ_ONLY, &db),
                     RESDEX_STATUS_DB_OPENING);
    assert_non_null(db);
    assert_non_null(strstr(resdex_db_last_error(db), f->db_path));
    resdex_db_close(db);
    resdex_db_close(NULL); /* harmless */
}

static void
test_not_a_resdex_index(void **state)
{
    fixture_t *f = *state;
    /* A directory that is no index at all. */
    resdex_db_t *db = NULL;
    assert_int_equal(resdex_db_open(f->dir, RESDEX_DB_READ_ONLY, &db), RESDEX_STATUS_DB_OPENING);
    resdex_db_close(db);
}

static void
test_foreign_xapian_index(void **state)
{
    fixture_t *f = *state;
    /* Some other program's index: refused, with the reason. */
    assert_int_equal(tu_bare_xapian_index(f->db_path, 1), 0);
    resdex_db_t *db = NULL;
    assert_int_equal(resdex_db_open(f->db_path, RESDEX_DB_READ_ONLY, &db),
                     RESDEX_STATUS_DB_OPENING);
    assert_non_null(strstr(resdex_db_last_error(db), "not a resdex index"));
    resdex_db_close(db);
}

static void
test_created_never_committed(void **state)
{
    fixture_t *f = *state;
    /* resdexd killed between creating its index and its first commit
     * leaves an empty Xapian index without resdex's format tag: readers
     * see an empty index, and the writer takes it over. */
    assert_int_equal(tu_bare_xapian_index(f->db_path, 0), 0);
    assert_paragraphs(f, 0);
    build_index(f);
    assert_paragraphs(f, 4);
}

/* write_file DIR/NAME with `bytes` (may be ""). */
static void
write_file(const char *dir, const char *name, const char *bytes)
{
    char *path = NULL;
    assert_true(asprintf(&path, "%s/%s", dir, name) > 0);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(bytes, fp);
    fclose(fp);
    free(path);
}

static void
test_half_created(void **state)
{
    fixture_t *f = *state;
    /* resdexd killed while Xapian was creating the index: the lock file,
     * empty tables and the version file not yet in place. The writer
     * clears it and creates the index; readers cannot open it. */
    assert_int_equal(mkdir(f->db_path, 0755), 0);
    write_file(f->db_path, "flintlock", "");
    write_file(f->db_path, "postlist.glass", "");
    write_file(f->db_path, "termlist.glass", "");
    write_file(f->db_path, "v.tmp", "half a version file");
    resdex_db_t *db = NULL;
    assert_int_equal(resdex_db_open(f->db_path, RESDEX_DB_READ_ONLY, &db),
                     RESDEX_STATUS_DB_OPENING);
    resdex_db_close(db);
    build_index(f);
    assert_paragraphs(f, 4);

    /* The same with anything else in the folder: not ours, left alone. */
    char *other = NULL;
    assert_true(asprintf(&other, "%s/other", f->dir) > 0);
    assert_int_equal(mkdir(other, 0755), 0);
    write_file(other, "flintlock", "");
    write_file(other, "postlist.glass", "");
    write_file(other, "v.tmp", "half a version file");
    write_file(other, "notes.txt", "mine");
    assert_int_equal(resdex_db_open(other, RESDEX_DB_READ_WRITE, &db), RESDEX_STATUS_DB_OPENING);
    assert_non_null(strstr(resdex_db_last_error(db), other));
    resdex_db_close(db);
    char *notes = NULL;
    assert_true(asprintf(&notes, "%s/notes.txt", other) > 0);
    assert_int_equal(access(notes, F_OK), 0);
    free(notes);
    free(other);
}

static void
test_add_and_search(void **state)
{
    fixture_t *f = *state;
    build_index(f);
    resdex_db_t *db = open_ro(f);
    resdex_db_counts_t c;
    assert_int_equal(resdex_db_get_counts(db, &c), RESDEX_STATUS_SUCCESS);
    assert_int_equal(c.paragraphs, 4);
    assert_int_equal(c.resolutions, 2); /* English and French */
    assert_int_equal(c.sources, 1);

    resdex_search_options_t o = {
        .query = "alternatives to imprisonment", .limit = 10, .snippets = 1};
    resdex_results_t *r = NULL;
    assert_int_equal(resdex_db_search(db, &o, &r), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_results_count(r), 1);
    const resdex_hit_t *h = resdex_results_get(r, 0);
    assert_string_equal(h->id, "E/RES/2017/19#1");
    assert_int_equal(h->rank, 1);
    assert_true(h->score > 0);
    assert_string_equal(h->resolution->symbol, "E/RES/2017/19");
    assert_string_equal(h->resolution->body, "ECOSOC");
    assert_string_equal(h->resolution->date, "2017-07-06");
    assert_string_equal(h->paragraph->verb, "Encourages");
    assert_int_equal(h->paragraph->kind, RESDEX_KIND_OPERATIVE);
    assert_int_equal(h->paragraph->number, 1);
    /* The phrase is highlighted as one run. */
    assert_non_null(strstr(h->snippet, "[alternatives to imprisonment]"));
    assert_null(resdex_results_get(r, 1));
    resdex_results_destroy(r);

    /* The footnote travels with its paragraph. */
    o.query = "non-custodial";
    assert_int_equal(resdex_db_search(db, &o, &r), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_results_count(r), 1);
    h = resdex_results_get(r, 0);
    assert_string_equal(h->id, "E/RES/2017/19#2");
    assert_int_equal(h->n_footnotes, 1);
    assert_string_equal(h->footnotes[0].mark, "6");
    assert_string_equal(h->footnotes[0].text, "General Assembly resolution 45/110, annex.");
    assert_int_equal(h->paragraph->n_cites, 1);
    assert_string_equal(h->paragraph->cites[0], "A/RES/45/110");
    resdex_results_destroy(r);
    resdex_db_close(db);
}

static void
test_filters(void **state)
{
    fixture_t *f = *state;
    build_index(f);
    resdex_db_t *db = open_ro(f);
    char id[128];
    /* Stemming: "encouraging" finds "encourages" - in English only, though
     * the French "Encourage" has the same stem: a query searches one
     * language, English unless lang: or its script says otherwise. */
    assert_int_equal(search(db, "encouraging", 0, id, sizeof id), 2);
    assert_int_equal(search(db, "encourage lang:fr", 0, id, sizeof id), 1);
    /* Operative only by default; --all or kind: says otherwise. */
    assert_int_equal(search(db, "Tokyo", 0, NULL, 0), 0);
    assert_int_equal(search(db, "Tokyo", 1, id, sizeof id), 1);
    assert_string_equal(id, "E/RES/2017/19#pp1");
    assert_int_equal(search(db, "Tokyo kind:preambular", 0, NULL, 0), 1);
    assert_int_equal(search(db, "body:ecosoc", 0, NULL, 0), 2);
    assert_int_equal(search(db, "body:ECOSOC lang:en", 0, NULL, 0), 2);
    assert_int_equal(search(db, "body:ga", 0, NULL, 0), 0);
    assert_int_equal(search(db, "year:2017", 0, NULL, 0), 2);
    assert_int_equal(search(db, "year:2015..2018 lang:en", 0, NULL, 0), 2);
    assert_int_equal(search(db, "year:2018..2020", 0, NULL, 0), 0);
    assert_int_equal(search(db, "symbol:2017/19 lang:en", 0, NULL, 0), 2);
    assert_int_equal(search(db, "symbol:E/RES/2017/19 lang:fr", 0, id, sizeof id), 1);
    /* verb: is the whole phrase (until index format 2 it was the head verb
     * too, and this found Also encourages as well). */
    assert_int_equal(search(db, "verb:encourages", 0, NULL, 0), 1);
    assert_int_equal(search(db, "verb:\"also encourages\"", 0, id, sizeof id), 1);
    assert_string_equal(id, "E/RES/2017/19#2");
    assert_int_equal(search(db, "tag:\"alternatives to punishment\"", 0, id, sizeof id), 1);
    assert_string_equal(id, "E/RES/2017/19#1");
    assert_int_equal(search(db, "cites:45/110", 0, NULL, 0), 1);
    assert_int_equal(search(db, "cites:A/RES/45/110", 1, NULL, 0), 2);
    /* French: elisions split ("l'emprisonnement"), the French stemmer
     * ("substitutions" ~ "substitution"). */
    assert_int_equal(search(db, "emprisonnement lang:fr", 0, NULL, 0), 1);
    assert_int_equal(search(db, "l'emprisonnement lang:fr", 0, NULL, 0), 1);
    assert_int_equal(search(db, "substitutions lang:fr", 0, NULL, 0), 1);
    /* Phrases are exact; words are not. */
    assert_int_equal(search(db, "\"promote alternatives\"", 0, NULL, 0), 1);
    assert_int_equal(search(db, "\"alternatives promote\"", 0, NULL, 0), 0);
    assert_int_equal(search(db, "member NOT pretrial", 0, id, sizeof id), 1);
    assert_string_equal(id, "E/RES/2017/19#2");
    assert_int_equal(search(db, "imprison*", 0, NULL, 0), 1);
    resdex_db_close(db);
}

static void
test_replace_and_remove(void **state)
{
    fixture_t *f = *state;
    build_index(f);
    resdex_db_t *db = open_rw(f);
    /* Re-indexing the same source replaces its paragraphs: no duplicates. */
    resdex_doc_t *doc = make_doc("Encourages Member States to consider community service");
    assert_int_equal(resdex_db_index_doc(db, "ecosoc-2017-19.txt", doc), RESDEX_STATUS_SUCCESS);
    resdex_doc_destroy(doc);
    assert_int_equal(resdex_db_commit(db), RESDEX_STATUS_SUCCESS);
    resdex_db_counts_t c;
    assert_int_equal(resdex_db_get_counts(db, &c), RESDEX_STATUS_SUCCESS);
    assert_int_equal(c.paragraphs, 4);
    assert_int_equal(search(db, "imprisonment", 0, NULL, 0), 0);
    assert_int_equal(search(db, "community service", 0, NULL, 0), 1);

    /* Cancel drops an uncommitted removal. */
    assert_int_equal(resdex_db_remove_source(db, "ecosoc-2017-19.txt"), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_db_cancel(db), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_db_get_counts(db, &c), RESDEX_STATUS_SUCCESS);
    assert_int_equal(c.paragraphs, 4);

    assert_int_equal(resdex_db_remove_source(db, "ecosoc-2017-19.txt"), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_db_set_metadata(db, "file:ecosoc-2017-19.txt", ""),
                     RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_db_commit(db), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_db_get_counts(db, &c), RESDEX_STATUS_SUCCESS);
    assert_int_equal(c.paragraphs, 0);
    assert_int_equal(c.sources, 0);
    char *v = NULL;
    assert_int_equal(resdex_db_read_metadata(db, "file:ecosoc-2017-19.txt", &v),
                     RESDEX_STATUS_NOT_FOUND);
    assert_null(v);
    /* Removing what is not there is fine. */
    assert_int_equal(resdex_db_remove_source(db, "never-indexed.txt"), RESDEX_STATUS_SUCCESS);
    resdex_db_close(db);
}

static void
test_close_without_commit_discards(void **state)
{
    fixture_t *f = *state;
    build_index(f);
    resdex_db_t *db = open_rw(f);
    assert_int_equal(resdex_db_remove_source(db, "ecosoc-2017-19.txt"), RESDEX_STATUS_SUCCESS);
    resdex_db_close(db);
    assert_paragraphs(f, 4);
}

static int
collect_meta(const char *key, const char *value, void *ctx)
{
    char *out = ctx;
    strcat(out, key);
    strcat(out, "=");
    strcat(out, value);
    strcat(out, ";");
    return 0;
}

static void
test_metadata(void **state)
{
    fixture_t *f = *state;
    build_index(f);
    resdex_db_t *db = open_rw(f);
    assert_int_equal(resdex_db_set_metadata(db, "file:b.txt", "2"), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_db_set_metadata(db, "other", "x"), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_db_commit(db), RESDEX_STATUS_SUCCESS);
    char out[512] = "";
    assert_int_equal(resdex_db_list_metadata(db, "file:", collect_meta, out),
                     RESDEX_STATUS_SUCCESS);
    assert_string_equal(out, "file:b.txt=2;file:ecosoc-2017-19.txt=123 456 abc;");
    char *v = NULL;
    assert_int_equal(resdex_db_read_metadata(db, "other", &v), RESDEX_STATUS_SUCCESS);
    assert_string_equal(v, "x");
    free(v);
    assert_int_equal(resdex_db_set_metadata(db, "", "x"), RESDEX_STATUS_BAD_ARGUMENT);
    resdex_db_close(db);
    /* A reader cannot write. */
    db = open_ro(f);
    assert_int_equal(resdex_db_set_metadata(db, "k", "v"), RESDEX_STATUS_BAD_ARGUMENT);
    assert_non_null(strstr(resdex_db_last_error(db), "read-only"));
    resdex_db_close(db);
}

/* The pair words an index learns (resdex_pair_words_learn): per language,
 * the 300 words in the most paragraphs (in two at least; equals in byte
 * order), with their accented forms; none of Chinese (n-grams). Set on an
 * empty index they are its own (resdex:pairs 3) and stay so: an index
 * with paragraphs refuses others. */
static void
test_pair_words(void **state)
{
    fixture_t *f = *state;
    resdex_doc_t *doc = model_doc_new();
    char text[2048];
    size_t at = 0;
    for (int i = 0; i < 350; i++)
        at += (size_t)snprintf(text + at, sizeof text - at, "w%03d ", i);
    resdex_resolution_t *en = add_ecosoc(doc, "2024/1", "2024-07-25", "en", NULL, "p.txt");
    model_add_paragraph(doc, en, RESDEX_KIND_OPERATIVE, text)->number = 1;
    strcat(text, "alpha");
    model_add_paragraph(doc, en, RESDEX_KIND_OPERATIVE, text)->number = 2;
    resdex_resolution_t *fr = add_ecosoc(doc, "2024/1", "2024-07-25", "fr", NULL, "p.txt");
    model_add_paragraph(doc, fr, RESDEX_KIND_OPERATIVE, "Les États coopèrent")->number = 1;
    model_add_paragraph(doc, fr, RESDEX_KIND_OPERATIVE, "Les États agissent")->number = 2;
    resdex_resolution_t *zh = add_ecosoc(doc, "2024/1", "2024-07-25", "zh", NULL, "p.txt");
    model_add_paragraph(doc, zh, RESDEX_KIND_OPERATIVE, "预防犯罪")->number = 1;
    model_add_paragraph(doc, zh, RESDEX_KIND_OPERATIVE, "预防犯罪")->number = 2;
    assert_false(model_failed(doc));
    resdex_prepared_t *prepared = NULL;
    assert_int_equal(resdex_prepare_doc("p.txt", doc, &prepared), RESDEX_STATUS_SUCCESS);
    resdex_pair_sample_t *sample = NULL;
    resdex_pair_words_t *words = NULL;
    assert_int_equal(resdex_pair_sample_new(NULL), RESDEX_STATUS_BAD_ARGUMENT);
    assert_int_equal(resdex_pair_sample_new(&sample), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_pair_words_learn(sample, NULL), RESDEX_STATUS_BAD_ARGUMENT);
    assert_int_equal(resdex_pair_words_learn(NULL, &words), RESDEX_STATUS_BAD_ARGUMENT);
    assert_null(words);
    assert_int_equal(resdex_pair_sample_add(sample, NULL), RESDEX_STATUS_BAD_ARGUMENT);
    /* Nothing added: no words. */
    assert_int_equal(resdex_pair_words_learn(sample, &words), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_pair_words_count(words), 0);
    resdex_pair_words_t *none = words;
    assert_int_equal(resdex_pair_sample_add(sample, prepared), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_pair_words_learn(sample, &words), RESDEX_STATUS_SUCCESS);
    resdex_pair_sample_destroy(sample);
    /* Counts add up over sets, and a set may go once added (the sample
     * keeps counts, not paragraphs): the same set twice puts "coopèrent"
     * and "agissent" in two paragraphs; "alpha" in two too, but after the
     * 300 w-words in four. */
    resdex_pair_sample_t *twice = NULL;
    resdex_prepared_t *again = NULL;
    resdex_pair_words_t *more = NULL;
    assert_int_equal(resdex_pair_sample_new(&twice), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_prepare_doc("p.txt", doc, &again), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_pair_sample_add(twice, again), RESDEX_STATUS_SUCCESS);
    resdex_prepared_destroy(again);
    assert_int_equal(resdex_pair_sample_add(twice, prepared), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_pair_words_learn(twice, &more), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_pair_words_count(more), 306);
    resdex_pair_words_destroy(more);
    resdex_pair_sample_destroy(twice);
    /* w000..w299; "les", "etats" and "états". */
    assert_int_equal(resdex_pair_words_count(words), 303);

    resdex_db_t *db = open_rw(f);
    char *v = NULL;
    assert_int_equal(resdex_db_read_metadata(db, "resdex:pairs", &v), RESDEX_STATUS_SUCCESS);
    assert_string_equal(v, "2"); /* the built-in words, until told */
    free(v);
    assert_int_equal(resdex_db_set_pair_words(db, NULL), RESDEX_STATUS_BAD_ARGUMENT);
    assert_int_equal(resdex_db_set_pair_words(db, words), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_db_index_prepared(db, prepared), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_db_commit(db), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_db_read_metadata(db, "resdex:pairs", &v), RESDEX_STATUS_SUCCESS);
    assert_string_equal(v, "3");
    free(v);
    assert_int_equal(resdex_db_read_metadata(db, "resdex:pair-words", &v), RESDEX_STATUS_SUCCESS);
    static const char first[] = "etats\nles\nw000\nw001\n";
    assert_true(strncmp(v, first, sizeof first - 1) == 0);
    assert_non_null(strstr(v, "\nw299\nétats\n"));
    assert_null(strstr(v, "w300"));
    assert_null(strstr(v, "alpha"));
    assert_null(strstr(v, "犯"));
    char *before = v;

    /* Paragraphs in the index: other words are refused, nothing changes. */
    assert_int_equal(resdex_db_set_pair_words(db, none), RESDEX_STATUS_BAD_ARGUMENT);
    assert_non_null(strstr(resdex_db_last_error(db), "holds paragraphs already"));
    assert_int_equal(resdex_db_commit(db), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_db_read_metadata(db, "resdex:pair-words", &v), RESDEX_STATUS_SUCCESS);
    assert_string_equal(v, before);
    free(v);
    free(before);
    resdex_db_close(db);

    /* A reader cannot take words. */
    db = open_ro(f);
    assert_int_equal(resdex_db_set_pair_words(db, words), RESDEX_STATUS_BAD_ARGUMENT);
    resdex_db_close(db);
    resdex_pair_words_destroy(none);
    resdex_pair_words_destroy(words);
    resdex_prepared_destroy(prepared);
    resdex_doc_destroy(doc);
}

static int
collect_file(const resdex_file_entry_t *e, void *ctx)
{
    char *out = ctx;
    char line[256];
    if (e->kind == RESDEX_FILE_INDEXED)
        snprintf(line, sizeof line, "%s %d %llu %lld %llx %llu;", e->path, e->valid,
                 (unsigned long long)e->size, (long long)e->mtime_ns, (unsigned long long)e->hash,
                 (unsigned long long)e->paragraphs);
    else
        snprintf(line, sizeof line, "%s %d %s|%s;", e->path, e->valid, e->since ? e->since : "-",
                 e->reason);
    strcat(out, line);
    return 0;
}

/* The daemon's file states and rejections, read as typed entries. */
static void
test_list_files(void **state)
{
    fixture_t *f = *state;
    resdex_db_t *db = open_rw(f);
    assert_int_equal(resdex_db_set_metadata(db, "file:a/x.txt", "10 20 00000000000000ff 3"),
                     RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_db_set_metadata(db, "file:ab.txt", "garbage"), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_db_set_metadata(db, "rejected:a/bad.txt",
                                            "2026-12-01T10:00:00Z binary data, not text (byte 4)"),
                     RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_db_set_metadata(db, "rejected:old.txt", "garbled"),
                     RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_db_commit(db), RESDEX_STATUS_SUCCESS);
    resdex_db_close(db);
    db = open_ro(f);
    char out[1024] = "";
    assert_int_equal(resdex_db_list_files(db, RESDEX_FILE_INDEXED, NULL, collect_file, out),
                     RESDEX_STATUS_SUCCESS);
    assert_string_equal(out, "a/x.txt 1 10 20 ff 3;ab.txt 0 0 0 0 0;");
    out[0] = '\0';
    /* "a" holds a/x.txt, not ab.txt. */
    assert_int_equal(resdex_db_list_files(db, RESDEX_FILE_INDEXED, "a", collect_file, out),
                     RESDEX_STATUS_SUCCESS);
    assert_string_equal(out, "a/x.txt 1 10 20 ff 3;");
    out[0] = '\0';
    assert_int_equal(resdex_db_list_files(db, RESDEX_FILE_REJECTED, "", collect_file, out),
                     RESDEX_STATUS_SUCCESS);
    assert_string_equal(out, "a/bad.txt 1 2026-12-01T10:00:00Z|binary data, not text (byte 4);"
                             "old.txt 0 -|garbled;");
    resdex_db_close(db);
}

/* Compaction keeps the paragraphs and metadata, the writer's lock held. */
static void
test_compact(void **state)
{
    fixture_t *f = *state;
    build_index(f);
    resdex_db_t *db = open_rw(f);
    resdex_db_counts_t before;
    assert_int_equal(resdex_db_get_counts(db, &before), RESDEX_STATUS_SUCCESS);
    assert_true(before.paragraphs > 0);
    char scratch[600];
    snprintf(scratch, sizeof scratch, "%s.compacted", f->db_path);
    assert_int_equal(resdex_db_set_metadata(db, "k", "v"), RESDEX_STATUS_SUCCESS);
    /* Uncommitted changes first. */
    assert_int_equal(resdex_db_compact(db, scratch), RESDEX_STATUS_BAD_ARGUMENT);
    assert_int_equal(resdex_db_commit(db), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_db_compact(db, scratch), RESDEX_STATUS_SUCCESS);
    /* Still the writer: a second one is refused, and this one writes on. */
    resdex_db_t *b = NULL;
    assert_int_equal(resdex_db_open(f->db_path, RESDEX_DB_READ_WRITE, &b), RESDEX_STATUS_DB_LOCKED);
    resdex_db_close(b);
    assert_int_equal(resdex_db_set_metadata(db, "k2", "v2"), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_db_commit(db), RESDEX_STATUS_SUCCESS);
    uint64_t bytes = 0;
    assert_int_equal(resdex_db_disk_bytes(db, &bytes), RESDEX_STATUS_SUCCESS);
    assert_true(bytes > 0);
    resdex_db_close(db);
    assert_paragraphs(f, before.paragraphs);
    db = open_ro(f);
    char *v = NULL;
    assert_int_equal(resdex_db_read_metadata(db, "k", &v), RESDEX_STATUS_SUCCESS);
    assert_string_equal(v, "v");
    free(v);
    assert_int_equal(resdex_db_read_metadata(db, "k2", &v), RESDEX_STATUS_SUCCESS);
    free(v);
    resdex_db_close(db);
    /* The scratch path holds the former index, for the caller to remove. */
    struct stat st;
    assert_int_equal(stat(scratch, &st), 0);
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", scratch);
    assert_int_equal(system(cmd), 0);
}

/* Readers while another folder is swapped into the index's place again and
 * again (what a compaction does once): every open succeeds and reads one
 * whole index, never one folder's version with the other's tables (Xapian
 * reads them by path, one after the other). Found by tests/daemon/compact.sh,
 * where one search in some hundreds exited 2. */
static void
test_swap_under_readers(void **state)
{
    fixture_t *f = *state;
    build_index(f);
    /* A second index, two resolutions: its own paragraph counts. */
    char other[600];
    snprintf(other, sizeof other, "%s.other", f->db_path);
    resdex_db_t *w = NULL;
    assert_int_equal(resdex_db_open(other, RESDEX_DB_READ_WRITE, &w), RESDEX_STATUS_SUCCESS);
    resdex_doc_t *doc = make_doc("Encourages Member States to promote alternatives to "
                                 "imprisonment from the pretrial stage onwards");
    assert_int_equal(resdex_db_index_doc(w, "ecosoc-2017-19.txt", doc), RESDEX_STATUS_SUCCESS);
    resdex_doc_destroy(doc);
    for (int i = 0; i < 40; i++) {
        char src[32];
        snprintf(src, sizeof src, "zebra-%d.txt", i);
        doc = make_doc("Requests the zebra crossing to be painted");
        assert_int_equal(resdex_db_index_doc(w, src, doc), RESDEX_STATUS_SUCCESS);
        resdex_doc_destroy(doc);
    }
    assert_int_equal(resdex_db_commit(w), RESDEX_STATUS_SUCCESS);
    resdex_db_close(w);
    resdex_db_counts_t one, two;
    resdex_db_t *r = open_ro(f);
    assert_int_equal(resdex_db_get_counts(r, &one), RESDEX_STATUS_SUCCESS);
    resdex_db_close(r);
    assert_int_equal(resdex_db_open(other, RESDEX_DB_READ_ONLY, &r), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_db_get_counts(r, &two), RESDEX_STATUS_SUCCESS);
    resdex_db_close(r);
    assert_true(one.paragraphs != two.paragraphs);

    pid_t swapper = fork();
    assert_true(swapper >= 0);
    if (swapper == 0) {
        for (;;)
            (void)renameat2(AT_FDCWD, f->db_path, AT_FDCWD, other, RENAME_EXCHANGE);
    }
    int opens = 0, failed = 0, mixed = 0;
    time_t end = time(NULL) + 4;
    while (opens < 1500 && time(NULL) < end) {
        opens++;
        if (resdex_db_open(f->db_path, RESDEX_DB_READ_ONLY, &r) != RESDEX_STATUS_SUCCESS) {
            if (failed++ == 0)
                print_message("open %d: %s\n", opens, resdex_db_last_error(r));
            resdex_db_close(r);
            continue;
        }
        resdex_db_counts_t c;
        resdex_status_t st = resdex_db_get_counts(r, &c);
        size_t zebras = st == RESDEX_STATUS_SUCCESS ? search(r, "zebra", 0, NULL, 0) : 0;
        if (st != RESDEX_STATUS_SUCCESS) {
            if (failed++ == 0)
                print_message("counts %d: %s\n", opens, resdex_db_last_error(r));
        } else if (!((c.paragraphs == one.paragraphs && zebras == 0) ||
                     (c.paragraphs == two.paragraphs && zebras > 0))) {
            if (mixed++ == 0)
                print_message("open %d: %llu paragraphs, %zu zebra hits\n", opens,
                              (unsigned long long)c.paragraphs, zebras);
        }
        resdex_db_close(r);
    }
    kill(swapper, SIGKILL);
    waitpid(swapper, NULL, 0);
    print_message("%d opens during swaps: %d failed, %d mixed\n", opens, failed, mixed);
    assert_int_equal(failed, 0);
    assert_int_equal(mixed, 0);
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", other);
    assert_int_equal(system(cmd), 0);
}

/* The default index: $RESDEX_DB, $XDG_DATA_HOME/resdex, ~/.local/share/resdex. */
static void
test_default_path(void **state)
{
    (void)state;
    char *saved[3];
    const char *names[3] = {"RESDEX_DB", "XDG_DATA_HOME", "HOME"};
    for (int i = 0; i < 3; i++) {
        const char *v = getenv(names[i]);
        saved[i] = v ? strdup(v) : NULL;
    }
    setenv("RESDEX_DB", "/x/db", 1);
    setenv("XDG_DATA_HOME", "/x/xdg", 1);
    setenv("HOME", "/x/home", 1);
    char *p = resdex_db_default_path();
    assert_string_equal(p, "/x/db");
    free(p);
    setenv("RESDEX_DB", "", 1);
    p = resdex_db_default_path();
    assert_string_equal(p, "/x/xdg/resdex");
    free(p);
    unsetenv("XDG_DATA_HOME");
    p = resdex_db_default_path();
    assert_string_equal(p, "/x/home/.local/share/resdex");
    free(p);
    unsetenv("HOME");
    unsetenv("RESDEX_DB");
    assert_null(resdex_db_default_path());
    for (int i = 0; i < 3; i++) {
        if (saved[i])
            setenv(names[i], saved[i], 1);
        free(saved[i]);
    }
}

static void
test_locked_index(void **state)
{
    fixture_t *f = *state;
    resdex_db_t *a = open_rw(f);
    resdex_db_t *b = NULL;
    assert_int_equal(resdex_db_open(f->db_path, RESDEX_DB_READ_WRITE, &b), RESDEX_STATUS_DB_LOCKED);
    assert_non_null(strstr(resdex_db_last_error(b), "locked"));
    resdex_db_close(b);
    /* Readers are never blocked by the writer. */
    resdex_db_t *r = open_ro(f);
    resdex_db_close(r);
    resdex_db_close(a);
    b = open_rw(f);
    resdex_db_close(b);
}

static void
test_bad_queries(void **state)
{
    fixture_t *f = *state;
    build_index(f);
    resdex_db_t *db = open_ro(f);
    struct {
        const char *q, *expect;
    } cases[] = {
        {"year:abc", "year:abc is not a year"},
        {"year:2020..2010", "reversed range"},
        {"year:1000..3000", "spans more than"},
        {"kind:heading", "is not a kind"},
        {"body:unsc", "is not a body"},
        {"lang:xx", "is not a language"},
        {"\"unclosed phrase", "unbalanced quote"},
        {"tag:\"unclosed", "unbalanced quote"},
        {"", "empty query"},
        {"body:", "needs a value"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        resdex_search_options_t o = {.query = cases[i].q, .limit = 10};
        resdex_results_t *r = (resdex_results_t *)1;
        resdex_status_t st = resdex_db_search(db, &o, &r);
        if (st != RESDEX_STATUS_BAD_QUERY)
            fail_msg("query '%s': status %s, not bad query", cases[i].q,
                     resdex_status_to_string(st));
        assert_null(r);
        if (!strstr(resdex_db_last_error(db), cases[i].expect))
            fail_msg("query '%s': message '%s' lacks '%s'", cases[i].q, resdex_db_last_error(db),
                     cases[i].expect);
    }
    /* Too long. */
    char *big = malloc(RESDEX_MAX_QUERY_BYTES + 2);
    memset(big, 'a', RESDEX_MAX_QUERY_BYTES + 1);
    big[RESDEX_MAX_QUERY_BYTES + 1] = '\0';
    resdex_search_options_t o = {.query = big, .limit = 10};
    resdex_results_t *r = NULL;
    assert_int_equal(resdex_db_search(db, &o, &r), RESDEX_STATUS_BAD_QUERY);
    assert_non_null(strstr(resdex_db_last_error(db), "limit"));
    free(big);
    /* Brackets and operators Xapian's parser forgives are not errors. */
    assert_int_equal(search(db, "(member", 0, NULL, 0), 2);
    resdex_db_close(db);
}

static void
test_corrupt_record(void **state)
{
    fixture_t *f = *state;
    build_index(f);
    assert_int_equal(tu_corrupt_first_record(f->db_path, "1garbage", 8), 0);
    resdex_db_t *db = open_ro(f);
    resdex_search_options_t o = {.query = "Tokyo", .limit = 10, .all_kinds = 1};
    resdex_results_t *r = NULL;
    assert_int_equal(resdex_db_search(db, &o, &r), RESDEX_STATUS_CORRUPT_RECORD);
    assert_null(r);
    assert_non_null(strstr(resdex_db_last_error(db), "decompress"));
    resdex_db_close(db);
    /* Not even a format tag. */
    assert_int_equal(tu_corrupt_first_record(f->db_path, "", 0), 0);
    db = open_ro(f);
    assert_int_equal(resdex_db_search(db, &o, &r), RESDEX_STATUS_CORRUPT_RECORD);
    resdex_db_close(db);
    /* The first paragraph's record holds the resolution's context for the
     * others: without it, a hit on another paragraph is a corrupt record,
     * never a crash. */
    static const char no_context[] = "2{\"id\":\"x\",\"par\":{\"text\":\"x\"}}";
    assert_int_equal(tu_corrupt_first_record(f->db_path, no_context, sizeof no_context - 1), 0);
    db = open_ro(f);
    o.query = "imprisonment";
    assert_int_equal(resdex_db_search(db, &o, &r), RESDEX_STATUS_CORRUPT_RECORD);
    assert_null(r);
    resdex_db_close(db);
}

/* Folding lists each folded paragraph from the value stored with it
 * (SLOT_ALSO, resdex:also): the older text's record is not read, so a hit
 * folds even when that record is broken. An index without the marker (made
 * before) decodes every folded paragraph's record: then the broken one is a
 * corrupt record, as it always was. */
static void
test_fold_from_values(void **state)
{
    fixture_t *f = *state;
    static const char text[] = "Encourages Member States to promote alternatives to imprisonment "
                               "from the pretrial stage to the post-sentencing stage";
    resdex_db_t *db = open_rw(f);
    /* The older text first: its first paragraph is document 1, the record
     * that holds its resolution's context. */
    resdex_doc_t *doc = make_doc(text);
    assert_int_equal(resdex_db_index_doc(db, "ecosoc-2017-19.txt", doc), RESDEX_STATUS_SUCCESS);
    resdex_doc_destroy(doc);
    doc = model_doc_new();
    resdex_resolution_t *res =
        add_ecosoc(doc, "2019/5", "2019-07-23", "en", "resolution", "ecosoc-2019-5.txt");
    resdex_paragraph_t *p = model_add_paragraph(doc, res, RESDEX_KIND_OPERATIVE, text);
    p->number = 4;
    p->verb = model_str(doc, "Encourages");
    assert_false(model_failed(doc));
    assert_int_equal(resdex_db_index_doc(db, "ecosoc-2019-5.txt", doc), RESDEX_STATUS_SUCCESS);
    resdex_doc_destroy(doc);
    assert_int_equal(resdex_db_commit(db), RESDEX_STATUS_SUCCESS);
    resdex_db_close(db);
    assert_int_equal(tu_corrupt_first_record(f->db_path, "1garbage", 8), 0);

    db = open_ro(f);
    resdex_search_options_t o = {.query = "pretrial imprisonment", .limit = 10};
    resdex_results_t *r = NULL;
    assert_int_equal(resdex_db_search(db, &o, &r), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_results_count(r), 1);
    const resdex_hit_t *h = resdex_results_get(r, 0);
    assert_string_equal(h->id, "E/RES/2019/5#4");
    assert_int_equal(h->n_also, 1);
    assert_string_equal(h->also[0].id, "E/RES/2017/19#1");
    assert_string_equal(h->also[0].cite, "2017/19 \xc2\xb6"
                                         "1");
    assert_false(h->also[0].punctuation_differs);
    resdex_results_destroy(r);
    resdex_db_close(db);

    db = open_rw(f);
    assert_int_equal(resdex_db_set_metadata(db, "resdex:also", ""), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_db_commit(db), RESDEX_STATUS_SUCCESS);
    resdex_db_close(db);
    db = open_ro(f);
    r = NULL;
    assert_int_equal(resdex_db_search(db, &o, &r), RESDEX_STATUS_CORRUPT_RECORD);
    assert_null(r);
    resdex_db_close(db);
}

static void
test_get_resolution(void **state)
{
    fixture_t *f = *state;
    build_index(f);
    resdex_db_t *db = open_ro(f);
    resdex_results_t *r = NULL;
    assert_int_equal(resdex_db_find_resolution(db, "E/RES/2017/19", NULL, &r),
                     RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_results_count(r), 3);
    assert_string_equal(resdex_results_get(r, 0)->id, "E/RES/2017/19#pp1");
    assert_string_equal(resdex_results_get(r, 1)->id, "E/RES/2017/19#1");
    assert_string_equal(resdex_results_get(r, 2)->id, "E/RES/2017/19#2");
    /* The resolution's context is stored with its first paragraph only
     * (record.h): the others read it from there. */
    for (size_t i = 0; i < 3; i++) {
        const resdex_resolution_t *res = resdex_results_get(r, i)->resolution;
        assert_string_equal(res->symbol, "E/RES/2017/19");
        assert_string_equal(res->body, "ECOSOC");
        assert_string_equal(res->date, "2017-07-06");
        assert_non_null(strstr(res->title, "alternatives to"));
        assert_string_equal(res->source, "ecosoc-2017-19.txt");
    }
    resdex_results_destroy(r);
    assert_int_equal(resdex_db_find_resolution(db, "2017/19", "fr", &r), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_results_count(r), 1);
    assert_string_equal(resdex_results_get(r, 0)->resolution->lang, "fr");
    resdex_results_destroy(r);
    assert_int_equal(resdex_db_find_resolution(db, "A/RES/99/999", NULL, &r),
                     RESDEX_STATUS_NOT_FOUND);
    assert_null(r);
    resdex_db_close(db);
}

static int
count_facet(const char *value, uint64_t count, void *ctx)
{
    char *out = ctx;
    char buf[64];
    snprintf(buf, sizeof buf, "%s=%llu;", value, (unsigned long long)count);
    strcat(out, buf);
    return 0;
}

static void
test_facets(void **state)
{
    fixture_t *f = *state;
    build_index(f);
    resdex_db_t *db = open_ro(f);
    char out[256] = "";
    assert_int_equal(resdex_db_facet_counts(db, "kind", count_facet, out), RESDEX_STATUS_SUCCESS);
    assert_string_equal(out, "operative=3;preambular=1;");
    out[0] = '\0';
    assert_int_equal(resdex_db_facet_counts(db, "lang", count_facet, out), RESDEX_STATUS_SUCCESS);
    assert_string_equal(out, "en=3;fr=1;");
    assert_int_equal(resdex_db_facet_counts(db, "colour", count_facet, out),
                     RESDEX_STATUS_BAD_ARGUMENT);

    resdex_search_options_t o = {.query = "member", .limit = 1, .facets = 1};
    resdex_results_t *r = NULL;
    assert_int_equal(resdex_db_search(db, &o, &r), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_results_total(r), 2);
    assert_int_equal(resdex_results_count(r), 1);
    out[0] = '\0';
    resdex_results_facets(r, "verb", count_facet, out);
    assert_non_null(strstr(out, "Encourages=1;"));
    assert_non_null(strstr(out, "Also encourages=1;"));
    out[0] = '\0';
    resdex_results_facets(r, "year", count_facet, out);
    assert_string_equal(out, "2017=2;");
    resdex_results_destroy(r);
    resdex_db_close(db);
}

static void
test_status_strings(void **state)
{
    (void)state;
    for (int s = 0; s < RESDEX_STATUS_LAST_STATUS; s++) {
        const char *str = resdex_status_to_string((resdex_status_t)s);
        assert_non_null(str);
        assert_string_not_equal(str, "unknown status");
    }
    assert_string_equal(resdex_status_to_string(RESDEX_STATUS_LAST_STATUS), "unknown status");
    assert_string_equal(resdex_version(), "0.1.0");
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_missing_index),
        T(test_not_a_resdex_index),
        T(test_foreign_xapian_index),
        T(test_created_never_committed),
        T(test_half_created),
        T(test_add_and_search),
        T(test_filters),
        T(test_replace_and_remove),
        T(test_close_without_commit_discards),
        T(test_metadata),
        T(test_pair_words),
        T(test_locked_index),
        T(test_list_files),
        T(test_compact),
        T(test_swap_under_readers),
        cmocka_unit_test(test_default_path),
        T(test_bad_queries),
        T(test_corrupt_record),
        T(test_fold_from_values),
        T(test_get_resolution),
        T(test_facets),
        cmocka_unit_test(test_status_strings),
    };
    return cmocka_run_group_tests_name("db", tests, NULL, NULL);
}
