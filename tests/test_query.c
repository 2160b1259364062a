/* test_query.c - the query language, case by case, on a small hand-built
 * index in four languages: each filter and its negation, purely negative
 * queries, case, accents, the language a query is written in, verb phrases,
 * exact totals at the edges of a page, and every error with its position.
 * The expected values are read from the paragraphs below. */
#include "testutil.h"
#include "resdex.h"
#include "model.h"

typedef struct fixture {
    char *dir;
    resdex_db_t *db;
} fixture_t;

typedef struct para {
    resdex_kind_t kind;
    unsigned number;
    const char *verb, *text;
} para_t;

typedef struct res {
    const char *symbol, *number, *body, *date, *lang, *title;
    para_t paras[6];
} res_t;

/* A/RES/70/174 (GA, 2015) in English, French and Chinese; E/RES/2017/19
 * (ECOSOC, 2017) in English and Spanish. Operative paragraphs: English 5,
 * French 3, Spanish 1, Chinese 1; one English preambular paragraph. */
static const res_t corpus[] = {
    {"A/RES/70/174",
     "70/174",
     "GA",
     "2015-12-17",
     "en",
     "Crime prevention and criminal justice",
     {{RESDEX_KIND_PREAMBULAR, 0, "Recalling",
       "Recalling its resolution 69/193 on crime prevention"},
      {RESDEX_KIND_OPERATIVE, 1, "Calls upon",
       "Calls upon Member States to prevent prison overcrowding"},
      {RESDEX_KIND_OPERATIVE, 2, "Encourages",
       "Encourages Member States to consider alternatives to imprisonment"},
      {RESDEX_KIND_OPERATIVE, 3, "Also encourages",
       "Also encourages Member States to share information on crime prevention"},
      {RESDEX_KIND_OPERATIVE, 4, "Takes note with appreciation",
       "Takes note with appreciation of the report of the meeting opened at 10:30"}}},
    {"E/RES/2017/19",
     "2017/19",
     "ECOSOC",
     "2017-07-06",
     "en",
     NULL,
     {{RESDEX_KIND_OPERATIVE, 1, "Requests",
       "Requests the Secretary-General to report on cybercrime and prison reform in the "
       "countries that asked for assistance, a report to be submitted to the Commission at its "
       "next session together with the recommendations of the expert group on the matter"}}},
    {"A/RES/70/174",
     "70/174",
     "GA",
     "2015-12-17",
     "fr",
     NULL,
     {{RESDEX_KIND_OPERATIVE, 1, "Prie",
       "Prie le Secrétaire général de faire rapport sur la cybercriminalité"},
      {RESDEX_KIND_OPERATIVE, 2, "Prie instamment",
       "Prie instamment les États Membres de lutter contre la traite des personnes"},
      {RESDEX_KIND_OPERATIVE, 3, "Encourage",
       "Encourage les États Membres à prévenir la surpopulation carcérale"}}},
    {"E/RES/2017/19",
     "2017/19",
     "ECOSOC",
     "2017-07-06",
     "es",
     NULL,
     {{RESDEX_KIND_OPERATIVE, 1, "Exhorta",
       "Exhorta a los Estados Miembros a combatir la trata de personas y la ciberdelincuencia"}}},
    {"A/RES/70/174",
     "70/174",
     "GA",
     "2015-12-17",
     "zh",
     NULL,
     {{RESDEX_KIND_OPERATIVE, 1, "又鼓励", "又鼓励会员国考虑监禁替代办法"}}},
};

/* English A/RES/70/174 2 has a tag and cites 45/110. */
static const char TAGGED_SYMBOL[] = "A/RES/70/174", TAG[] = "Alternatives to punishment",
                  CITE[] = "A/RES/45/110";
static const unsigned TAGGED_NUMBER = 2;

static int
setup(void **state)
{
    fixture_t *f = calloc(1, sizeof *f);
    char *path = NULL;
    f->dir = tu_tmpdir();
    if (!f->dir || asprintf(&path, "%s/index", f->dir) < 0)
        return -1;
    resdex_db_t *db = NULL;
    if (resdex_db_open(path, RESDEX_DB_READ_WRITE, &db) != RESDEX_STATUS_SUCCESS)
        return -1;
    for (size_t i = 0; i < sizeof corpus / sizeof corpus[0]; i++) {
        const res_t *c = &corpus[i];
        resdex_doc_t *doc = model_doc_new();
        resdex_resolution_t *r = model_add_resolution(doc);
        r->symbol = model_str(doc, c->symbol);
        r->number = model_str(doc, c->number);
        r->body = model_str(doc, c->body);
        r->date = model_str(doc, c->date);
        r->lang = model_str(doc, c->lang);
        r->doc_type = model_str(doc, "resolution");
        if (c->title)
            r->title = model_str(doc, c->title);
        char source[64];
        snprintf(source, sizeof source, "doc%zu.txt", i);
        r->source = model_str(doc, source);
        for (const para_t *p = c->paras; p->text; p++) {
            resdex_paragraph_t *par = model_add_paragraph(doc, r, p->kind, p->text);
            par->number = p->number;
            par->verb = model_str(doc, p->verb);
            if (!strcmp(c->symbol, TAGGED_SYMBOL) && !strcmp(c->lang, "en") &&
                p->number == TAGGED_NUMBER) {
                model_add_tag(doc, par, TAG);
                model_add_cite(doc, par, CITE);
            }
        }
        if (model_failed(doc) || resdex_db_index_doc(db, source, doc) != RESDEX_STATUS_SUCCESS)
            return -1;
        resdex_doc_destroy(doc);
    }
    if (resdex_db_commit(db) != RESDEX_STATUS_SUCCESS)
        return -1;
    resdex_db_close(db);
    if (resdex_db_open(path, RESDEX_DB_READ_ONLY, &f->db) != RESDEX_STATUS_SUCCESS)
        return -1;
    free(path);
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    fixture_t *f = *state;
    resdex_db_close(f->db);
    tu_rmtree(f->dir);
    free(f->dir);
    free(f);
    return 0;
}

typedef struct query_case {
    const char *query;
    int all_kinds;
    /* success: how many hits, the first one (NULL: any), the language
     * searched (NULL: any) */
    unsigned total;
    const char *first, *lang;
    /* an error: the message contains these (NULL for success) */
    const char *error, *error_at;
} query_case_t;

static const query_case_t cases[] = {
    /* Words; a leading minus, NOT, anywhere. */
    {"prison", 0, 2, NULL, "en", NULL, NULL},
    {"-prison", 0, 3, NULL, "en", NULL, NULL},
    {"NOT prison", 0, 3, NULL, NULL, NULL, NULL},
    {"prison -reform", 0, 1, "A/RES/70/174#1", NULL, NULL, NULL},
    {"-reform prison", 0, 1, "A/RES/70/174#1", NULL, NULL, NULL},
    {"-prison -crime", 0, 2, NULL, NULL, NULL, NULL},
    {"-(prison OR crime)", 0, 2, NULL, NULL, NULL, NULL},
    /* Case: a capitalised word finds every form of the word. */
    {"Encourage", 0, 2, NULL, "en", NULL, NULL},
    {"encourage", 0, 2, NULL, "en", NULL, NULL},
    {"ENCOURAGES", 0, 2, NULL, NULL, NULL, NULL},
    /* A colon between digits is part of a word. */
    {"10:30", 0, 1, "A/RES/70/174#4", NULL, NULL, NULL},
    /* Each filter, and its negation, alone (the English operative five). */
    {"body:ga", 0, 4, NULL, NULL, NULL, NULL},
    {"-body:ga", 0, 1, "E/RES/2017/19#1", NULL, NULL, NULL},
    {"body:GA", 0, 4, NULL, NULL, NULL, NULL},
    {"body:a", 0, 4, NULL, NULL, NULL, NULL},
    {"year:2017", 0, 1, "E/RES/2017/19#1", NULL, NULL, NULL},
    {"-year:2017", 0, 4, NULL, NULL, NULL, NULL},
    {"year:2015..2016", 0, 4, NULL, NULL, NULL, NULL},
    {"year:2016..", 0, 1, NULL, NULL, NULL, NULL},
    {"year:..2016", 0, 4, NULL, NULL, NULL, NULL},
    {"prison NOT year:2016..2020", 0, 1, "A/RES/70/174#1", NULL, NULL, NULL},
    {"prison -year:2016..2020", 0, 1, "A/RES/70/174#1", NULL, NULL, NULL},
    {"-year:2016..2020", 0, 4, NULL, NULL, NULL, NULL},
    {"prison +year:2016..", 0, 1, "E/RES/2017/19#1", NULL, NULL, NULL},
    {"symbol:70/174", 0, 4, NULL, NULL, NULL, NULL},
    {"symbol:E/RES/2017/19", 0, 1, NULL, NULL, NULL, NULL},
    {"-symbol:70/174", 0, 1, "E/RES/2017/19#1", NULL, NULL, NULL},
    {"kind:preambular", 0, 1, "A/RES/70/174#pp1", NULL, NULL, NULL},
    {"-kind:preambular", 0, 5, NULL, NULL, NULL, NULL},
    {"crime", 1, 2, NULL, NULL, NULL, NULL},
    {"crime -kind:operative", 1, 1, "A/RES/70/174#pp1", NULL, NULL, NULL},
    {"tag:\"alternatives to punishment\"", 0, 1, "A/RES/70/174#2", NULL, NULL, NULL},
    {"tag:\"Alternatives to Punishment\"", 0, 1, "A/RES/70/174#2", NULL, NULL, NULL},
    {"-tag:\"alternatives to punishment\"", 0, 4, NULL, NULL, NULL, NULL},
    {"cites:45/110", 0, 1, "A/RES/70/174#2", NULL, NULL, NULL},
    {"cites:A/RES/45/110", 0, 1, "A/RES/70/174#2", NULL, NULL, NULL},
    {"-cites:45/110", 0, 4, NULL, NULL, NULL, NULL},
    {"title:justice", 0, 4, NULL, NULL, NULL, NULL},
    {"-title:justice", 0, 1, "E/RES/2017/19#1", NULL, NULL, NULL},
    {"lang:en", 0, 5, NULL, "en", NULL, NULL},
    {"lang:fr", 0, 3, NULL, "fr", NULL, NULL},
    {"-lang:fr", 0, 7, NULL, NULL, NULL, NULL},
    /* verb: the whole phrase as printed, in any case. */
    {"verb:encourages", 0, 1, "A/RES/70/174#2", NULL, NULL, NULL},
    {"verb:\"also encourages\"", 0, 1, "A/RES/70/174#3", NULL, NULL, NULL},
    {"verb:\"Calls upon\"", 0, 1, "A/RES/70/174#1", NULL, NULL, NULL},
    {"verb:\"takes note with appreciation\"", 0, 1, "A/RES/70/174#4", NULL, NULL, NULL},
    {"-verb:encourages", 0, 4, NULL, NULL, NULL, NULL},
    {"lang:fr verb:prie", 0, 1, "A/RES/70/174#1", "fr", NULL, NULL},
    {"lang:fr verb:\"prie instamment\"", 0, 1, "A/RES/70/174#2", NULL, NULL, NULL},
    {"lang:zh verb:又鼓励", 0, 1, "A/RES/70/174#1", "zh", NULL, NULL},
    /* Accents optional, typed or not, in words and phrases. */
    {"lang:fr cybercriminalite", 0, 1, "A/RES/70/174#1", NULL, NULL, NULL},
    {"lang:fr cybercriminalité", 0, 1, "A/RES/70/174#1", NULL, NULL, NULL},
    {"lang:fr \"etats membres\"", 0, 2, NULL, NULL, NULL, NULL},
    {"lang:fr carcerale", 0, 1, "A/RES/70/174#3", NULL, NULL, NULL},
    /* No lang: the language the query is written in. */
    {"traite des personnes", 0, 1, "A/RES/70/174#2", "fr", NULL, NULL},
    {"secretaire general", 0, 1, "A/RES/70/174#1", "fr", NULL, NULL},
    {"trata de personas", 0, 1, "E/RES/2017/19#1", "es", NULL, NULL},
    {"会员国", 0, 1, "A/RES/70/174#1", "zh", NULL, NULL},
    /* "prevention" and "prevent" share their stem: pp1, 1 and 3. */
    {"prevention", 1, 3, NULL, "en", NULL, NULL},
    /* Errors, with where they are. */
    {"yaer:2017 prison", 0, 0, NULL, NULL, "unknown field 'yaer' — did you mean year:?",
     "(at position 1)"},
    {"prison session:80", 0, 0, NULL, NULL, "unknown field 'session'", "(at position 8)"},
    {"date:2025-12-18", 0, 0, NULL, NULL, "unknown field 'date'", "(at position 1)"},
    {"Kind:operative", 0, 0, NULL, NULL, NULL, NULL},
    {"prison NEAR/4294967297 reform", 0, 0, NULL, NULL,
     "NEAR/4294967297: the distance is a whole number of words from 1 to 1000", "(at position 8)"},
    {"prison NEAR/-1 reform", 0, 0, NULL, NULL, "NEAR/-1: the distance", "(at position 8)"},
    {"prison NEAR/abc reform", 0, 0, NULL, NULL, "NEAR/abc: the distance", "(at position 8)"},
    {"prison ADJ/0 reform", 0, 0, NULL, NULL, "ADJ/0: the distance", "(at position 8)"},
    {"prison NEAR/3 reform", 0, 1, "E/RES/2017/19#1", NULL, NULL, NULL},
    {"prison year:20x7", 0, 0, NULL, NULL, "year:20x7 is not a year", "(at position 8)"},
    {"year:2017..2015", 0, 0, NULL, NULL, "year:2017..2015 is a reversed range", "(at position 1)"},
    {"year:1700..2017", 0, 0, NULL, NULL, "spans more than 200 years", "(at position 1)"},
    {"prison body:unesco", 0, 0, NULL, NULL,
     "body:unesco is not a body: use ga, ecosoc, ccpcj, cnd, sc or hrc", "(at position 8)"},
    {"kind:foo", 0, 0, NULL, NULL,
     "kind:foo is not a kind: use preambular, operative, other or annex", "(at position 1)"},
    {"lang:pt", 0, 0, NULL, NULL, "lang:pt is not a language", "(at position 1)"},
    {"prison symbol:", 0, 0, NULL, NULL, "symbol: needs a value", "(at position 8)"},
    {"prison AND", 0, 0, NULL, NULL, "cannot parse the query", "(at position 8)"},
    {"prison \"crime", 0, 0, NULL, NULL, "unbalanced quote", "(at position 8)"},
};

static void
test_cases(void **state)
{
    fixture_t *f = *state;
    int failed = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const query_case_t *c = &cases[i];
        resdex_search_options_t o = {.query = c->query, .limit = 10, .all_kinds = c->all_kinds};
        resdex_results_t *r = NULL;
        resdex_status_t st = resdex_db_search(f->db, &o, &r);
        const char *msg = st ? resdex_db_last_error(f->db) : "";
        if (c->error) {
            if (st != RESDEX_STATUS_BAD_QUERY || !strstr(msg, c->error) ||
                !strstr(msg, c->error_at)) {
                fprintf(stderr, "%s: wanted the error '%s' %s, got status %d '%s'\n", c->query,
                        c->error, c->error_at, st, msg);
                failed++;
            }
        } else if (st != RESDEX_STATUS_SUCCESS) {
            fprintf(stderr, "%s: failed: %s\n", c->query, msg);
            failed++;
        } else if (c->total || c->first) {
            const resdex_hit_t *h = resdex_results_get(r, 0);
            const char *lang = resdex_results_lang(r);
            if (resdex_results_total(r) != c->total || resdex_results_count(r) != c->total ||
                (c->first && (!h || strcmp(h->id, c->first) != 0)) ||
                (c->lang && (!lang || strcmp(lang, c->lang) != 0))) {
                fprintf(
                    stderr, "%s: wanted %u hits (first %s, lang %s), got %u (first %s, lang %s)\n",
                    c->query, c->total, c->first ? c->first : "any", c->lang ? c->lang : "any",
                    (unsigned)resdex_results_total(r), h ? h->id : "none", lang ? lang : "none");
                failed++;
            }
        }
        resdex_results_destroy(r);
    }
    assert_int_equal(failed, 0);
}

/* Totals are exact and the same on every page, to the last hit and past it. */
static void
test_paging_totals(void **state)
{
    fixture_t *f = *state;
    const char *q = "member states";
    for (unsigned offset = 0; offset <= 4; offset++) {
        resdex_search_options_t o = {.query = q, .offset = offset, .limit = 1};
        resdex_results_t *r = NULL;
        assert_int_equal(resdex_db_search(f->db, &o, &r), RESDEX_STATUS_SUCCESS);
        assert_int_equal(resdex_results_total(r), 3);
        assert_true(resdex_results_total_is_exact(r));
        assert_int_equal(resdex_results_count(r), offset < 3 ? 1 : 0);
        resdex_results_destroy(r);
    }
    /* Grouped: the total counts the resolutions, as the hits do. */
    resdex_search_options_t g = {.query = "prison", .limit = 1, .group_by_resolution = 1};
    resdex_results_t *r = NULL;
    assert_int_equal(resdex_db_search(f->db, &g, &r), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_results_total(r), 2);
    resdex_results_destroy(r);
    g.limit = 0;
    assert_int_equal(resdex_db_search(f->db, &g, &r), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_results_total(r), 2);
    resdex_results_destroy(r);
}

/* With exact_total, the total counts every match, flagged exact; without,
 * a few matches are counted exactly all the same. */
static void
test_exact_total(void **state)
{
    fixture_t *f = *state;
    for (int exact = 0; exact <= 1; exact++) {
        resdex_search_options_t o = {.query = "-prison", .limit = 1, .exact_total = exact};
        resdex_results_t *r = NULL;
        assert_int_equal(resdex_db_search(f->db, &o, &r), RESDEX_STATUS_SUCCESS);
        assert_int_equal(resdex_results_total(r), 3);
        assert_true(resdex_results_total_is_exact(r));
        resdex_results_destroy(r);
    }
}

/* A search made only of filters shows the start of each paragraph. */
static void
test_filter_snippet(void **state)
{
    fixture_t *f = *state;
    resdex_search_options_t o = {
        .query = "body:ecosoc", .limit = 1, .snippets = 1, .snippet_bytes = 60};
    resdex_results_t *r = NULL;
    assert_int_equal(resdex_db_search(f->db, &o, &r), RESDEX_STATUS_SUCCESS);
    const resdex_hit_t *h = resdex_results_get(r, 0);
    assert_non_null(h);
    assert_string_equal(h->snippet, "Requests the Secretary-General to report on cybercrime and…");
    resdex_results_destroy(r);
}

/* similar's filters go through the same parser: negation alone, errors. */
static void
test_similar_filters(void **state)
{
    fixture_t *f = *state;
    resdex_similar_options_t o = {.text = "Calls upon Member States to prevent prison overcrowding",
                                  .filters = "-symbol:70/174"};
    resdex_results_t *r = NULL;
    assert_int_equal(resdex_db_similar(f->db, &o, &r), RESDEX_STATUS_SUCCESS);
    for (size_t i = 0; i < resdex_results_count(r); i++)
        assert_null(strstr(resdex_results_get(r, i)->id, "70/174"));
    resdex_results_destroy(r);
    o.filters = "yaer:2017";
    assert_int_equal(resdex_db_similar(f->db, &o, &r), RESDEX_STATUS_BAD_QUERY);
    assert_non_null(strstr(resdex_db_last_error(f->db), "did you mean year:?"));
    o.filters = "body:ga prison";
    assert_int_equal(resdex_db_similar(f->db, &o, &r), RESDEX_STATUS_BAD_QUERY);
    assert_non_null(strstr(resdex_db_last_error(f->db), "'prison' is not a filter"));
}

/* An index of another format (format 1 had no folded accents and the head
 * verb only) is refused with what to do. */
static void
test_old_format(void **state)
{
    fixture_t *f = *state;
    char *path = NULL;
    assert_true(asprintf(&path, "%s/index", f->dir) >= 0);
    resdex_db_close(f->db);
    f->db = NULL;
    resdex_db_t *db = NULL;
    assert_int_equal(resdex_db_open(path, RESDEX_DB_READ_WRITE, &db), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_db_set_metadata(db, "resdex:format", "1"), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_db_commit(db), RESDEX_STATUS_SUCCESS);
    resdex_db_close(db);
    assert_int_equal(resdex_db_open(path, RESDEX_DB_READ_ONLY, &db), RESDEX_STATUS_DB_OPENING);
    assert_non_null(strstr(resdex_db_last_error(db), "has format '1'; this resdex reads format"));
    resdex_db_close(db);
    assert_int_equal(resdex_db_open(path, RESDEX_DB_READ_WRITE, &db), RESDEX_STATUS_DB_OPENING);
    assert_non_null(strstr(resdex_db_last_error(db), "delete it and reindex"));
    resdex_db_close(db);
    free(path);
}

/* An index built before resdex read adoption metadata (no
 * "resdex:adoption"): its filters are refused with what to do, as finding
 * nothing would be a wrong answer; other queries work. A new index takes
 * them. */
static void
test_before_adoption(void **state)
{
    fixture_t *f = *state;
    resdex_search_options_t o = {.query = "adopted:consensus", .limit = 10};
    resdex_results_t *r = NULL;
    assert_int_equal(resdex_db_search(f->db, &o, &r), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_results_count(r), 0);
    resdex_results_destroy(r);
    char *path = NULL;
    assert_true(asprintf(&path, "%s/index", f->dir) >= 0);
    resdex_db_close(f->db);
    resdex_db_t *db = NULL;
    assert_int_equal(resdex_db_open(path, RESDEX_DB_READ_WRITE, &db), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_db_set_metadata(db, "resdex:adoption", ""), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_db_commit(db), RESDEX_STATUS_SUCCESS);
    resdex_db_close(db);
    assert_int_equal(resdex_db_open(path, RESDEX_DB_READ_ONLY, &f->db), RESDEX_STATUS_SUCCESS);
    free(path);
    static const char *const refused[] = {"adopted:consensus", "prison sdg:16", "sponsor:japan",
                                          "subject:corruption", "voted:japan=no"};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        o.query = refused[i];
        r = NULL;
        assert_int_equal(resdex_db_search(f->db, &o, &r), RESDEX_STATUS_BAD_QUERY);
        assert_non_null(strstr(resdex_db_last_error(f->db), "delete it and reindex"));
        assert_null(r);
    }
    o.query = "prison";
    assert_int_equal(resdex_db_search(f->db, &o, &r), RESDEX_STATUS_SUCCESS);
    assert_true(resdex_results_count(r) > 0);
    /* Its hits say nothing of adoption. */
    assert_null(resdex_results_get(r, 0)->resolution->adoption);
    assert_int_equal(resdex_resolution_adoption_method(resdex_results_get(r, 0)->resolution),
                     RESDEX_ADOPTION_UNKNOWN);
    resdex_results_destroy(r);
}

/* The fields for the help text: every one named, with an example. */
static void
test_fields(void **state)
{
    (void)state;
    size_t n = 0;
    int year = 0;
    for (const resdex_query_field_t *q; (q = resdex_query_field_at(n)); n++) {
        assert_non_null(q->example);
        assert_non_null(q->help);
        assert_int_equal(strncmp(q->example, q->name, strlen(q->name)), 0);
        if (!strcmp(q->name, "body"))
            assert_non_null(strstr(q->values, "ecosoc"));
        year |= !strcmp(q->name, "year");
    }
    assert_true(n >= 9);
    assert_true(year);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_cases, setup, teardown),
        cmocka_unit_test_setup_teardown(test_paging_totals, setup, teardown),
        cmocka_unit_test_setup_teardown(test_exact_total, setup, teardown),
        cmocka_unit_test_setup_teardown(test_filter_snippet, setup, teardown),
        cmocka_unit_test_setup_teardown(test_similar_filters, setup, teardown),
        cmocka_unit_test_setup_teardown(test_old_format, setup, teardown),
        cmocka_unit_test_setup_teardown(test_before_adoption, setup, teardown),
        cmocka_unit_test(test_fields),
    };
    return cmocka_run_group_tests_name("query", tests, NULL, NULL);
}
