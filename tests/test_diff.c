/* test_diff.c - the precedent finder: the word-level diff on hand-made
 * pairs (lib/diff.c), and resdex_db_similar / resdex_db_lineage on a
 * hand-built index, independent of the parsers. */
#include "testutil.h"
#include "resdex.h"
#include "diff.h"
#include "model.h"
#include "qualifiers.h"
#include "verb-scale.h"

/* ---- The diff ------------------------------------------------------------ */

/* The runs as one string: "=text" "+text" "-text" joined by '|'. */
static char *
render(const resdex_diff_op_t *ops, size_t n)
{
    size_t len = 1;
    for (size_t i = 0; i < n; i++)
        len += strlen(ops[i].text) + 2;
    char *s = calloc(1, len);
    for (size_t i = 0; i < n; i++) {
        if (i)
            strcat(s, "|");
        strcat(s, ops[i].op == RESDEX_DIFF_EQUAL    ? "="
                  : ops[i].op == RESDEX_DIFF_INSERT ? "+"
                                                    : "-");
        strcat(s, ops[i].text);
    }
    return s;
}

/* Concatenate the runs of one side: EQUAL and DELETE (old), EQUAL and
 * INSERT (new); a space that separated the first run from a run of the other
 * side is dropped. */
static char *
side(const resdex_diff_op_t *ops, size_t n, resdex_diff_kind_t keep)
{
    size_t len = 1;
    for (size_t i = 0; i < n; i++)
        len += strlen(ops[i].text);
    char *s = calloc(1, len);
    for (size_t i = 0; i < n; i++)
        if (ops[i].op == RESDEX_DIFF_EQUAL || ops[i].op == keep)
            strcat(s, ops[i].text + (*s == '\0' && ops[i].text[0] == ' '));
    return s;
}

typedef struct diff_case {
    const char *name, *old_text, *new_text;
    const char *expect; /* render() of the runs */
    int exact;
} diff_case_t;

static const diff_case_t cases[] = {
    {"identical", "Encourages Member States to act;", "Encourages Member States to act;",
     "=Encourages Member States to act;", 1},
    {"insertion (the seed pair 2017/19 1 -> 2021/23 5)",
     "taking into account the background, gender, age and other specific circumstances of "
     "offenders, including their vulnerability, and the objective of their rehabilitation",
     "taking into account the background, gender, age and other specific circumstances of "
     "offenders, including their vulnerability, such as in relation to health, and the "
     "objective of their rehabilitation",
     "=taking into account the background, gender, age and other specific circumstances of "
     "offenders, including their vulnerability,|+ such as in relation to health,|= and the "
     "objective of their rehabilitation",
     0},
    {"deletion", "Requests the Secretary-General to report annually to the Commission",
     "Requests the Secretary-General to report to the Commission",
     "=Requests the Secretary-General to report|- annually|= to the Commission", 0},
    {"substitution", "Encourages Member States to consider measures",
     "Urges Member States to consider measures",
     "-Encourages|+ Urges|= Member States to "
     "consider measures",
     0},
    {"insertion at the start", "Member States to act", "Also invites Member States to act",
     "+Also invites|= Member States to act", 0},
    {"deletion at the end", "to act, as appropriate", "to act", "=to act|-, as appropriate", 0},
    {"punctuation changed", "prisons, jails and detention", "prisons; jails and detention",
     "=prisons|-,|+;|= jails and detention", 0},
    {"footnote markers ignored", "the Tokyo Rules¹ and the Bangkok Rules²³,",
     "the Tokyo Rules and the Bangkok Rules,", "=the Tokyo Rules and the Bangkok Rules,", 1},
    {"quote styles ignored",
     "the so-called \xE2\x80\x9C"
     "Doha Declaration\xE2\x80\x9D and States\xE2\x80\x99 duties",
     "the so-called \"Doha Declaration\" and States' duties",
     "=the so-called \xE2\x80\x9C"
     "Doha Declaration\xE2\x80\x9D and States\xE2\x80\x99 duties",
     1},
    {"hyphenation ignored",
     "multi-sectoral and non\xE2\x80\x91"
     "custodial measures",
     "multisectoral and non-custodial measures",
     "=multi-sectoral and non\xE2\x80\x91"
     "custodial measures",
     1},
    {"a word hyphenated across a line break", "comprehensive, integrated, multi-\n  sectoral",
     "comprehensive, integrated, multisectoral", "=comprehensive, integrated, multisectoral", 1},
    {"white space and case ignored", "  Calls upon\n\tMember  States ", "calls upon Member States",
     "=Calls upon Member States", 1},
    {"markdown emphasis ignored", "*Encourages* Member States", "Encourages Member States",
     "=Encourages Member States", 1},
    {"a shared clause between two rewrites stays equal (A/RES/79/243 6)",
     "Further decides that the Committee will complete its tasks by holding a session, "
     "mutatis mutandis, in accordance with resolutions 74/247 and 75/282, of a duration of up "
     "to five days in Vienna",
     "Also decides that the Committee shall continue its work, mutatis mutandis, in "
     "accordance with resolutions 74/247 and 75/282, with a view to negotiating a draft "
     "protocol",
     "-Further|+ Also|= decides that the Committee|- will complete its tasks by holding a "
     "session|+ shall continue its work|=, mutatis mutandis, in accordance with resolutions "
     "74/247 and 75/282,|- of a duration of up to five days in Vienna|+ with a view to "
     "negotiating a draft protocol",
     0},
    {"a one-word equality between two long rewrites joins them",
     "to hold three sessions of ten days each in Vienna and the first in New York",
     "to convene a meeting with experts from all regions in Vienna and the first in New York",
     "=to|- hold three sessions of ten days each|+ convene a meeting with experts from all "
     "regions|= in Vienna and the first in New York",
     0},
    {"a number range is one word, whichever dash it is typed with",
     "for the period 2010\xE2\x80\x93"
     "2020, and",
     "for the period 2010-2020, and",
     "=for the period 2010\xE2\x80\x93"
     "2020, and",
     1},
    {"a number range changed is one word replaced",
     "the strategy for 2016\xE2\x80\x93"
     "2025 of the Office",
     "the strategy for 2021\xE2\x80\x93"
     "2025 of the Office",
     "=the strategy for|- 2016\xE2\x80\x93"
     "2025|+ 2021\xE2\x80\x93"
     "2025|= of the Office",
     0},
    {"empty old", "", "Member States", "+Member States", 0},
    {"empty new", "Member States", "", "-Member States", 0},
    {"both empty", "", "", "", 1},
};

static void
test_diff_cases(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        const diff_case_t *c = &cases[k];
        arena_t a;
        arena_init(&a);
        resdex_diff_op_t *ops = NULL;
        size_t n = 0;
        diff_stats_t st;
        assert_int_equal(diff_strings(c->old_text, c->new_text, &a, &ops, &n, &st), 0);
        char *got = render(ops, n);
        if (strcmp(got, c->expect) != 0)
            fail_msg("%s:\n  got    %s\n  wanted %s", c->name, got, c->expect);
        if (st.exact != c->exact)
            fail_msg("%s: exact is %d, wanted %d", c->name, st.exact, c->exact);
        if (c->exact)
            assert_true(st.similarity == 1.0);
        else
            assert_true(st.similarity < 1.0);
        free(got);
        arena_free(&a);
    }
}

/* Whatever the texts, the runs rebuild both sides (white space collapsed,
 * footnote markers gone). */
static void
test_diff_rebuilds_both_sides(void **state)
{
    (void)state;
    static const char *pairs[][2] = {
        {"(a) To strengthen cooperation, including through the exchange of information;",
         "(b) To promote cooperation and the exchange of good practices, where appropriate;"},
        {"Decides to include in the provisional agenda of its eightieth session the item",
         "Decides to include in the provisional agenda of its eighty-first session, under the "
         "item entitled"},
        {"one two three four five", "five four three two one"},
        {"a b c", "x y z"},
    };
    for (size_t k = 0; k < sizeof pairs / sizeof *pairs; k++) {
        arena_t a;
        arena_init(&a);
        resdex_diff_op_t *ops = NULL;
        size_t n = 0;
        diff_stats_t st;
        assert_int_equal(diff_strings(pairs[k][0], pairs[k][1], &a, &ops, &n, &st), 0);
        char *o = side(ops, n, RESDEX_DIFF_DELETE), *w = side(ops, n, RESDEX_DIFF_INSERT);
        assert_string_equal(o, pairs[k][0]);
        assert_string_equal(w, pairs[k][1]);
        for (size_t i = 0; i < n; i++) {
            assert_true(ops[i].text[0] != '\0');
            if (i)
                assert_true(ops[i].op != ops[i - 1].op);
        }
        free(o);
        free(w);
        arena_free(&a);
    }
}

/* A reordered list: the sequence part of the similarity drops, the overlap
 * part does not, so a reordering still ranks as close. */
static void
test_diff_reordering(void **state)
{
    (void)state;
    const char *a = "Encourages cooperation with civil society, academia and the private sector";
    const char *b = "Encourages cooperation with the private sector, academia and civil society";
    arena_t ar;
    arena_init(&ar);
    resdex_diff_op_t *ops = NULL;
    size_t n = 0;
    diff_stats_t st;
    assert_int_equal(diff_strings(a, b, &ar, &ops, &n, &st), 0);
    assert_false(st.exact);
    assert_true(st.overlap == 1.0);
    assert_true(st.sequence < 0.9);
    if (!(st.similarity >= 0.75 && st.similarity < 1.0))
        fail_msg("similarity %f (sequence %f, overlap %f)", st.similarity, st.sequence, st.overlap);
    char *o = side(ops, n, RESDEX_DIFF_DELETE), *w = side(ops, n, RESDEX_DIFF_INSERT);
    assert_string_equal(o, a);
    assert_string_equal(w, b);
    free(o);
    free(w);
    arena_free(&ar);
}

/* Similarity orders the kinds of reuse: exact > one word changed > a clause
 * added > a different paragraph. */
static void
test_diff_similarity_order(void **state)
{
    (void)state;
    const char *base = "Invites Member States and other donors to provide extrabudgetary "
                       "resources for the purposes described above, in accordance with the "
                       "rules and procedures of the United Nations";
    const char *one_word = "Invites Member States and other donors to provide extrabudgetary "
                           "resources for the purposes described above, in accordance with the "
                           "rules and procedures of the Organization";
    const char *clause = "Invites Member States and other donors to provide extrabudgetary "
                         "resources, as appropriate and in a sustained manner, for the purposes "
                         "described above, in accordance with the rules and procedures of the "
                         "United Nations";
    const char *other = "Requests the Secretary-General to submit a report on the "
                        "implementation of the present resolution to the General Assembly";
    diff_stats_t s0, s1, s2, s3;
    assert_int_equal(diff_strings(base, base, NULL, NULL, NULL, &s0), 0);
    assert_int_equal(diff_strings(one_word, base, NULL, NULL, NULL, &s1), 0);
    assert_int_equal(diff_strings(clause, base, NULL, NULL, NULL, &s2), 0);
    assert_int_equal(diff_strings(other, base, NULL, NULL, NULL, &s3), 0);
    assert_true(s0.similarity == 1.0);
    assert_true(s1.similarity > s2.similarity);
    assert_true(s2.similarity > 0.7);
    assert_true(s3.similarity < 0.5);
}

/* Long unrelated texts cost bounded time and still give a correct diff. */
static void
test_diff_large(void **state)
{
    (void)state;
    size_t n = 60000;
    char *a = malloc(n + 1), *b = malloc(n + 1);
    for (size_t i = 0; i < n; i++) {
        a[i] = (i % 6 == 5) ? ' ' : (char)('a' + (i * 7 % 26));
        b[i] = (i % 5 == 4) ? ' ' : (char)('a' + (i * 11 % 26));
    }
    a[n - 1] = b[n - 1] = 'x';
    a[n] = b[n] = '\0';
    arena_t ar;
    arena_init(&ar);
    resdex_diff_op_t *ops = NULL;
    size_t nops = 0;
    diff_stats_t st;
    assert_int_equal(diff_strings(a, b, &ar, &ops, &nops, &st), 0);
    char *o = side(ops, nops, RESDEX_DIFF_DELETE);
    size_t k = 0;
    while (o[k] && o[k] == a[k])
        k++;
    if (o[k] || a[k])
        fail_msg("differs at %zu of %zu/%zu: '%.20s' '%.20s'", k, strlen(o), strlen(a), o + k,
                 a + k);
    free(o);
    arena_free(&ar);
    free(a);
    free(b);
}

static void
test_diff_kind_names(void **state)
{
    (void)state;
    assert_string_equal(resdex_diff_kind_to_string(RESDEX_DIFF_EQUAL), "equal");
    assert_string_equal(resdex_diff_kind_to_string(RESDEX_DIFF_INSERT), "insert");
    assert_string_equal(resdex_diff_kind_to_string(RESDEX_DIFF_DELETE), "delete");
    const resdex_diff_op_t *ops = (const resdex_diff_op_t *)1;
    assert_int_equal(resdex_hit_diff(NULL, 0, &ops), 0);
    assert_null(ops);
}

/* ---- resdex_db_similar on a hand-built index --------------------------- */

#define P2017_1                                                                                    \
    "Encourages Member States, in implementing holistic and comprehensive crime prevention and "   \
    "criminal justice policies, to promote, as appropriate, alternatives to imprisonment, from "   \
    "the pretrial stage to the post-sentencing stage, taking into account the background, "        \
    "gender, age and other specific circumstances of offenders, including their vulnerability, "   \
    "and the objective of their rehabilitation and reintegration into society"
#define P2021_5                                                                                    \
    "Encourages Member States, in implementing holistic and comprehensive crime prevention and "   \
    "criminal justice policies, to promote, as appropriate, alternatives to imprisonment, from "   \
    "the pretrial stage to the post-sentencing stage, taking into account the background, "        \
    "gender, age and other specific circumstances of offenders, including their vulnerability, "   \
    "such as in relation to health, and the objective of their rehabilitation and "                \
    "reintegration into society"
#define OTHER                                                                                      \
    "Requests the Secretary-General to report to the Commission on Crime Prevention and "          \
    "Criminal Justice at its thirty-second session on the implementation of the present "          \
    "resolution"

static void
add_res(resdex_doc_t *doc, const char *symbol, const char *number, const char *body,
        const char *date, const char *type, const char *const *texts, size_t n)
{
    resdex_resolution_t *r = model_add_resolution(doc);
    r->symbol = model_str(doc, symbol);
    r->number = model_str(doc, number);
    r->body = model_str(doc, body);
    r->doc_type = model_str(doc, type);
    r->title = model_str(doc, "Alternatives to imprisonment");
    r->date = model_str(doc, date);
    r->lang = model_str(doc, "en");
    r->source = model_str(doc, "hand-made");
    for (size_t i = 0; i < n; i++) {
        resdex_paragraph_t *p = model_add_paragraph(doc, r, RESDEX_KIND_OPERATIVE, texts[i]);
        p->number = (int)i + 1;
    }
}

typedef struct fixture {
    char *dir, *path;
    resdex_db_t *db;
} fixture_t;

static int
setup_db(void **state)
{
    fixture_t *f = calloc(1, sizeof *f);
    f->dir = tu_tmpdir();
    if (!f->dir || asprintf(&f->path, "%s/index", f->dir) < 0)
        return -1;
    resdex_db_t *w = NULL;
    if (resdex_db_open(f->path, RESDEX_DB_READ_WRITE, &w) != RESDEX_STATUS_SUCCESS)
        return -1;
    resdex_doc_t *doc = model_doc_new();
    const char *const t2017[] = {P2017_1, OTHER};
    const char *const t2021[] = {OTHER, "Also encourages a different thing entirely, not related",
                                 "Notes with appreciation the work of the institutes",
                                 "Invites Member States to share good practices", P2021_5};
    const char *const t2019[] = {"Invites Member States to share their good practices"};
    add_res(doc, "E/RES/2017/19", "2017/19", "ECOSOC", "2017-07-06", "resolution", t2017, 2);
    add_res(doc, "E/2017/30/DR.B.I", "I", "ECOSOC", "2017-05-26", "draft resolution", t2017, 1);
    add_res(doc, "A/RES/74/1", "74/1", "GA", "2019-12-18", "resolution", t2019, 1);
    add_res(doc, "E/RES/2021/23", "2021/23", "ECOSOC", "2021-07-22", "resolution", t2021, 5);
    if (resdex_db_index_doc(w, "hand-made", doc) != RESDEX_STATUS_SUCCESS ||
        resdex_db_commit(w) != RESDEX_STATUS_SUCCESS)
        return -1;
    resdex_doc_destroy(doc);
    resdex_db_close(w);
    if (resdex_db_open(f->path, RESDEX_DB_READ_ONLY, &f->db) != RESDEX_STATUS_SUCCESS)
        return -1;
    *state = f;
    return 0;
}

static int
teardown_db(void **state)
{
    fixture_t *f = *state;
    resdex_db_close(f->db);
    tu_rmtree(f->dir);
    free(f->dir);
    free(f->path);
    free(f);
    return 0;
}

static const char *
diff_text_of(const resdex_results_t *r, size_t i, resdex_diff_kind_t kind)
{
    const resdex_diff_op_t *ops = NULL;
    size_t n = resdex_hit_diff(r, i, &ops);
    for (size_t k = 0; k < n; k++)
        if (ops[k].op == kind)
            return ops[k].text;
    return NULL;
}

static void
test_similar_by_id(void **state)
{
    fixture_t *f = *state;
    resdex_similar_options_t o = {0};
    o.paragraph = "E/RES/2021/23#5";
    resdex_results_t *r = NULL;
    assert_int_equal(resdex_db_similar(f->db, &o, &r), RESDEX_STATUS_SUCCESS);
    assert_true(resdex_results_count(r) >= 2);
    const resdex_hit_t *h = resdex_results_get(r, 0);
    /* The adopted resolution before the draft with the same words. */
    assert_string_equal(h->id, "E/RES/2017/19#1");
    assert_true(h->similarity > 0.9 && h->similarity < 1.0);
    assert_int_equal(h->rank, 1);
    assert_string_equal(diff_text_of(r, 0, RESDEX_DIFF_INSERT), " such as in relation to health,");
    assert_null(diff_text_of(r, 0, RESDEX_DIFF_DELETE));
    assert_string_equal(resdex_results_get(r, 1)->id, "E/2017/30/DR.B.I#1");
    /* Never itself. */
    for (size_t i = 0; i < resdex_results_count(r); i++)
        assert_string_not_equal(resdex_results_get(r, i)->id, "E/RES/2021/23#5");
    resdex_results_destroy(r);
}

static void
test_similar_by_text(void **state)
{
    fixture_t *f = *state;
    resdex_similar_options_t o = {0};
    o.text = P2017_1;
    resdex_results_t *r = NULL;
    assert_int_equal(resdex_db_similar(f->db, &o, &r), RESDEX_STATUS_SUCCESS);
    assert_true(resdex_results_count(r) >= 3);
    const resdex_hit_t *h = resdex_results_get(r, 0);
    assert_true(h->similarity == 1.0);
    assert_string_equal(h->id, "E/RES/2017/19#1"); /* exact, adopted first */
    assert_true(resdex_results_get(r, 1)->similarity == 1.0);
    assert_true(resdex_results_get(r, 2)->similarity < 1.0); /* then edited reuse */
    assert_string_equal(resdex_results_get(r, 2)->id, "E/RES/2021/23#5");
    assert_string_equal(diff_text_of(r, 2, RESDEX_DIFF_DELETE), " such as in relation to health,");
    resdex_results_destroy(r);

    /* Excluding by id, filters, limit. */
    o.exclude_id = "E/RES/2017/19#1";
    o.filters = "year:2015..2020 body:ecosoc";
    o.limit = 1;
    assert_int_equal(resdex_db_similar(f->db, &o, &r), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_results_count(r), 1);
    assert_string_equal(resdex_results_get(r, 0)->id, "E/2017/30/DR.B.I#1");
    resdex_results_destroy(r);

    o.filters = "year:2022..2030";
    assert_int_equal(resdex_db_similar(f->db, &o, &r), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_results_count(r), 0);
    resdex_results_destroy(r);
}

static void
test_similar_errors(void **state)
{
    fixture_t *f = *state;
    resdex_similar_options_t o = {0};
    resdex_results_t *r = (resdex_results_t *)1;
    assert_int_equal(resdex_db_similar(f->db, &o, &r), RESDEX_STATUS_BAD_ARGUMENT);
    assert_null(r);
    o.text = "   \n ";
    assert_int_equal(resdex_db_similar(f->db, &o, &r), RESDEX_STATUS_BAD_QUERY);
    assert_non_null(strstr(resdex_db_last_error(f->db), "empty"));
    o.text = "Member States";
    o.filters = "year:19";
    assert_int_equal(resdex_db_similar(f->db, &o, &r), RESDEX_STATUS_BAD_QUERY);
    o.filters = "body:ga prisons";
    assert_int_equal(resdex_db_similar(f->db, &o, &r), RESDEX_STATUS_BAD_QUERY);
    assert_non_null(strstr(resdex_db_last_error(f->db), "not a filter"));
    o.filters = NULL;
    size_t big = RESDEX_MAX_SIMILAR_BYTES + 1;
    char *huge = malloc(big + 1);
    memset(huge, 'a', big);
    for (size_t i = 7; i < big; i += 8)
        huge[i] = ' ';
    huge[big] = '\0';
    o.text = huge;
    assert_int_equal(resdex_db_similar(f->db, &o, &r), RESDEX_STATUS_TOO_LARGE);
    free(huge);
    o.text = NULL;
    o.paragraph = "E/RES/2021/23#99";
    assert_int_equal(resdex_db_similar(f->db, &o, &r), RESDEX_STATUS_NOT_FOUND);
    o.paragraph = "E/RES/2021/23";
    assert_int_equal(resdex_db_similar(f->db, &o, &r), RESDEX_STATUS_BAD_ARGUMENT);
    assert_null(r);
}

static void
test_lineage(void **state)
{
    fixture_t *f = *state;
    resdex_results_t *r = NULL;
    assert_int_equal(resdex_db_lineage(f->db, "E/RES/2021/23#5", NULL, &r), RESDEX_STATUS_SUCCESS);
    /* 2021/23 5 <- 2017/19 1 (adopted 2017-07-06) <- the draft of May 2017. */
    assert_int_equal(resdex_results_count(r), 2);
    assert_string_equal(resdex_results_get(r, 0)->id, "E/2017/30/DR.B.I#1");
    assert_string_equal(resdex_results_get(r, 1)->id, "E/RES/2017/19#1");
    assert_true(resdex_results_get(r, 0)->similarity == 1.0);
    assert_null(diff_text_of(r, 0, RESDEX_DIFF_INSERT));
    assert_string_equal(diff_text_of(r, 1, RESDEX_DIFF_INSERT), " such as in relation to health,");
    resdex_results_destroy(r);

    /* Nothing earlier: an empty chain. */
    assert_int_equal(resdex_db_lineage(f->db, "E/2017/30/DR.B.I#1", NULL, &r),
                     RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_results_count(r), 0);
    resdex_results_destroy(r);
    assert_int_equal(resdex_db_lineage(f->db, "E/RES/1999/1#1", NULL, &r), RESDEX_STATUS_NOT_FOUND);
}

/* ---- The verb scale and the qualifiers -------------------------------------- */

/* The lead verb of text in lang: its strength, and its phrase in *phrase
 * (arena a). */
static int
lead(const char *text, const char *lang, int preambular, arena_t *a, const char **phrase)
{
    diff_text_t *t = diff_text_new(text, strlen(text));
    verb_lead_t v;
    int found = verb_lead(t, lang, preambular, NULL, a, &v);
    diff_text_free(t);
    *phrase = found ? v.phrase : NULL;
    return found ? v.strength : -1;
}

static resdex_verb_change_t
change(const char *from, const char *to, const char *lang, int preambular)
{
    arena_t a;
    arena_init(&a);
    verb_lead_t x, y;
    diff_text_t *tx = diff_text_new(from, strlen(from)), *ty = diff_text_new(to, strlen(to));
    assert_int_equal(verb_lead(tx, lang, preambular, NULL, &a, &x), 1);
    assert_int_equal(verb_lead(ty, lang, preambular, NULL, &a, &y), 1);
    resdex_verb_change_t c = verb_compare(&x, &y);
    diff_text_free(tx);
    diff_text_free(ty);
    arena_free(&a);
    return c;
}

static void
test_verb_scale(void **state)
{
    (void)state;
    arena_t a;
    arena_init(&a);
    const char *phrase = NULL;
    /* The phrase as printed, with its neutral adverb. */
    assert_true(lead("Also encourages Member States to act;", "en", 0, &a, &phrase) > 0);
    assert_string_equal(phrase, "Also encourages");
    assert_true(lead("Strongly urges States", "en", 0, &a, &phrase) >
                lead("Urges States", "en", 0, &a, &phrase));
    assert_int_equal(lead("Welcomes the report", "en", 0, &a, &phrase), -1);
    arena_free(&a);

    /* The order, in English. */
    const char *order[] = {"Decides to",
                           "Demands that",
                           "Urges States",
                           "Calls upon States",
                           "Requests the Secretary-General",
                           "Recommends that",
                           "Encourages States",
                           "Invites States",
                           "Takes note of"};
    for (size_t i = 0; i + 1 < sizeof order / sizeof *order; i++) {
        assert_int_equal(change(order[i], order[i + 1], "en", 0), RESDEX_VERB_WEAKER);
        assert_int_equal(change(order[i + 1], order[i], "en", 0), RESDEX_VERB_STRONGER);
    }
    assert_int_equal(change("Calls upon States", "Calls on States", "en", 0), RESDEX_VERB_SAME);
    assert_int_equal(change("Encourages States", "Further encourages States", "en", 0),
                     RESDEX_VERB_SAME);
    /* Preambular. */
    assert_int_equal(change("Recalling its resolution", "Reaffirming its resolution", "en", 1),
                     RESDEX_VERB_STRONGER);
    assert_int_equal(change("Reaffirming", "Noting", "en", 1), RESDEX_VERB_WEAKER);
    /* The other languages. */
    assert_int_equal(
        change("Encourage les États Membres", "Prie instamment les États Membres", "fr", 0),
        RESDEX_VERB_STRONGER);
    assert_int_equal(change("Insta a los Estados", "Invita a los Estados", "es", 0),
                     RESDEX_VERB_WEAKER);
    assert_int_equal(change("Призывает государства", "Настоятельно призывает государства", "ru", 0),
                     RESDEX_VERB_STRONGER);
    assert_int_equal(change("Также постановляет", "Постановляет", "ru", 0), RESDEX_VERB_SAME);
    assert_int_equal(change("鼓励会员国", "敦促会员国", "zh", 0), RESDEX_VERB_STRONGER);
    assert_int_equal(change("又决定", "请秘书长", "zh", 0), RESDEX_VERB_WEAKER);
    assert_int_equal(change("تحث الدول الأعضاء", "تشجع الدول الأعضاء", "ar", 0),
                     RESDEX_VERB_WEAKER);
    /* Arabic's "and" written onto the preambular "إذ". */
    assert_int_equal(change("وإذ تشير إلى", "وإذ تؤكد من جديد", "ar", 1), RESDEX_VERB_STRONGER);
    /* A verb off the scale (the parser's, as fallback) changed, or kept. */
    arena_init(&a);
    diff_text_t *w = diff_text_new("Welcomes the report", 19);
    diff_text_t *e = diff_text_new("Encourages States", 17);
    verb_lead_t x, y;
    assert_int_equal(verb_lead(w, "en", 0, "Welcomes", &a, &x), 1);
    assert_int_equal(x.strength, 0);
    assert_int_equal(verb_lead(e, "en", 0, "Encourages", &a, &y), 1);
    assert_int_equal(verb_compare(&x, &y), RESDEX_VERB_OTHER);
    assert_int_equal(verb_compare(&x, &x), RESDEX_VERB_SAME);
    /* Off the scale, the same verb with and without its shadda. */
    diff_text_t *s1 = diff_text_new("تسلّم بأن", strlen("تسلّم بأن"));
    diff_text_t *s2 = diff_text_new("تسلم بأن", strlen("تسلم بأن"));
    assert_int_equal(verb_lead(s1, "ar", 0, "تسلّم", &a, &x), 1);
    assert_int_equal(verb_lead(s2, "ar", 0, "تسلم", &a, &y), 1);
    assert_int_equal(x.strength, 0);
    assert_int_equal(verb_compare(&x, &y), RESDEX_VERB_SAME);
    diff_text_free(s1);
    diff_text_free(s2);
    diff_text_free(w);
    diff_text_free(e);
    arena_free(&a);
}

/* Entries measured against corpus/akn (doc/verb-scale.md): paragraph
 * openings as the corpus prints them, and the English step each stands for
 * in the same resolution's English text. */
static void
test_verb_corpus_entries(void **state)
{
    (void)state;
    struct {
        const char *lang;
        int preambular;
        const char *text, *canon;
    } vcases[] = {
        {"ru", 0, "Рекомендует государствам-членам содействовать", "encourages"},
        {"ru", 0, "Рекомендует Генеральной Ассамблее принять следующий проект", "recommends"},
        {"ru", 0, "Настоятельно рекомендует государствам-членам", "strongly encourages"},
        {"ru", 1, "Подтверждая свою приверженность", "reaffirming"},
        {"ru", 1, "Ссылаясь также на свою резолюцию", "recalling"},
        {"ru", 1, "Особо отмечая важность", "stressing"},
        {"fr", 0, "Invite instamment les États Membres", "urges"},
        {"fr", 0, "Engage instamment les États parties", "urges"},
        {"fr", 1, "Consciente que les congrès des Nations Unies", "recognizing"},
        {"fr", 1, "Ayant à l\u2019esprit les dispositions applicables", "recalling"},
        {"es", 0, "Pide que se adopten medidas", "calls upon"},
        {"es", 1, "Teniendo presente la resolución", "recalling"},
        {"zh", 0, "大力鼓励会员国积极参加", "strongly encourages"},
        {"zh", 1, "铭记联合国", "recalling"},
        {"zh", 1, "表示注意到秘书长的报告", "noting"},
        {"ar", 1, "وإذ تسلّم بأن", "recognizing"},
        {"ar", 1, "وإذ تضع في اعتبارها", "recalling"},
        {"ar", 1, "وإذ تؤكد أهمية", "stressing"},
        {"ar", 1, "وإذ تؤكد من جديد", "reaffirming"},
        /* An adverb inside the phrase, and vowel marks (as printed in
         * A/RES/79/243 and others: "وإذ تحيط علماً", "تهيب أيضاً"). */
        {"fr", 0, "Invite de même instamment les États Membres", "urges"},
        {"fr", 0, "Prie également instamment les États", "urges"},
        {"fr", 1, "Prenant également note du rapport", "noting"},
        {"ar", 1, "وإذ تحيط علماً بتقرير", "noting"},
        {"ar", 1, "وَإِذْ تُسَلِّمُ بأن", "recognizing"},
        {"ar", 0, "تَحُثُّ الدول الأعضاء", "urges"},
        {"ar", 0, "تهيب أيضاً بالدول", "calls upon"},
        {"ar", 0, "وتقرر أن", "decides"},
    };
    arena_t pa;
    arena_init(&pa);
    const char *phrase = NULL;
    lead("Invite de même instamment les États", "fr", 0, &pa, &phrase);
    assert_string_equal(phrase, "Invite de même instamment");
    lead("وإذ تحيط علماً بتقرير", "ar", 1, &pa, &phrase);
    assert_string_equal(phrase, "وإذ تحيط علماً");
    arena_free(&pa);
    for (size_t k = 0; k < sizeof vcases / sizeof *vcases; k++) {
        arena_t a;
        arena_init(&a);
        diff_text_t *t = diff_text_new(vcases[k].text, strlen(vcases[k].text));
        verb_lead_t v;
        int found = verb_lead(t, vcases[k].lang, vcases[k].preambular, NULL, &a, &v);
        if (found != 1 || strcmp(v.canon, vcases[k].canon) != 0)
            fail_msg("%s '%s': %s, expected %s", vcases[k].lang, vcases[k].text,
                     found == 1 ? v.canon : "no verb", vcases[k].canon);
        diff_text_free(t);
        arena_free(&a);
    }
}

static void
test_qualifiers(void **state)
{
    (void)state;
    struct {
        const char *lang, *old_text, *new_text, *added, *dropped;
    } qcases[] = {
        {"en", "Encourages States to act;", "Encourages States to act, as appropriate;",
         "as appropriate", NULL},
        {"en", "Invites States, where appropriate and in accordance with domestic law, to act",
         "Invites States, in accordance with domestic law, to act", NULL, "where appropriate"},
        {"en", "to provide resources", "to provide voluntary resources", "voluntar*", NULL},
        {"en", "Urges all States to act without delay", "Urges States to act", NULL, "all"},
        {"fr", "Prie les États d'agir", "Prie les États d'agir sans délai", "sans délai", NULL},
        {"es", "Insta a los Estados, según proceda, a actuar", "Insta a los Estados a actuar", NULL,
         "según proceda"},
        {"ru", "Призывает государства действовать",
         "Призывает государства безотлагательно действовать", "безотлагательно", NULL},
        {"zh", "鼓励会员国采取行动", "鼓励会员国酌情采取行动", "酌情", NULL},
        {"ar", "تشجع الدول الأعضاء", "تشجع الدول الأعضاء، حسب الاقتضاء", "حسب الاقتضاء", NULL},
        /* Entries measured against corpus/akn (doc/verb-scale.md). */
        {"fr", "Encourage les États à prendre en compte la Déclaration",
         "Encourage les États à prendre en compte, selon qu\u2019il convient, la Déclaration",
         "selon qu'il convient", NULL},
        {"ru", "Призывает государства, в соответствующих случаях, укреплять",
         "Призывает государства укреплять", NULL, "в соответствующих случаях"},
        {"zh", "请毒品和犯罪问题办公室提供援助",
         "请毒品和犯罪问题办公室在预算外资源允许的情况下提供援助", "在预算外资源允许的情况下",
         NULL},
        {"es", "Alienta a los Estados a que adopten",
         "Alienta a los Estados a que consideren la posibilidad de adoptar",
         "consideren la posibilidad", NULL},
        {"es",
         "Solicita a la Oficina que, dentro de los límites de los recursos existentes, preste",
         "Solicita a la Oficina que preste", NULL,
         "dentro de los límites de los recursos existentes"},
        /* "考虑到" (taking into account) is not "考虑" (consider). */
        {"zh", "回顾其各项决议", "考虑到其各项决议", NULL, NULL},
        {"zh", "鼓励会员国考虑到其需要", "鼓励会员国考虑采取措施", "考虑", NULL},
        {"zh", "鼓励会员国考虑采取措施", "鼓励会员国考虑到其需要", NULL, "考虑"},
        /* Vowel marks aside. */
        {"ar", "تشجع الدول", "تشجع الدولَ، حَسَبَ الاقتضاء", "حسب الاقتضاء", NULL},
        {"ar", "تشجع الدول، حسب الاقتضاء", "تشجع الدولَ، حَسَبَ الاقتضاء", NULL, NULL},
    };
    for (size_t k = 0; k < sizeof qcases / sizeof *qcases; k++) {
        arena_t a;
        arena_init(&a);
        diff_text_t *x = diff_text_new(qcases[k].old_text, strlen(qcases[k].old_text));
        diff_text_t *y = diff_text_new(qcases[k].new_text, strlen(qcases[k].new_text));
        qualifier_change_t q;
        assert_int_equal(qualifiers_compare(x, y, qcases[k].lang, &a, &q), 0);
        if (qcases[k].added) {
            assert_true(q.n_added >= 1);
            assert_string_equal(q.added[0], qcases[k].added);
        } else {
            assert_int_equal(q.n_added, 0);
        }
        if (qcases[k].dropped) {
            assert_true(q.n_dropped >= 1);
            assert_string_equal(q.dropped[0], qcases[k].dropped);
        } else {
            assert_int_equal(q.n_dropped, 0);
        }
        diff_text_free(x);
        diff_text_free(y);
        arena_free(&a);
    }
}

/* resdex_db_check through the library, on the hand-built index: a draft
 * of three paragraphs, agreed (the adopted text cited before the draft in a
 * report), modified (a clause added, the verb strengthened), new. */
static void
test_check(void **state)
{
    fixture_t *f = *state;
    static const char draft[] =
        P2017_1 "\n\nUrges Member States to share good practices;\n\n"
                "Decides that penguins shall juggle quantum xylophones at dawn;\n";
    resdex_doc_t *doc = NULL;
    char *msg = NULL;
    assert_int_equal(resdex_parse_draft("draft.txt", draft, strlen(draft), &doc, &msg),
                     RESDEX_STATUS_SUCCESS);
    resdex_check_t *c = NULL;
    resdex_status_t st = resdex_db_check(f->db, doc, NULL, &c);
    if (st != RESDEX_STATUS_SUCCESS)
        fail_msg("check: %s: %s", resdex_status_to_string(st), resdex_db_last_error(f->db));
    assert_int_equal(resdex_check_count(c), 3);
    const resdex_check_item_t *it = resdex_check_get(c, 0);
    assert_int_equal(it->status, RESDEX_CHECK_AGREED);
    assert_string_equal(resdex_results_get(it->results, it->precedent)->id, "E/RES/2017/19#1");
    it = resdex_check_get(c, 1);
    assert_int_equal(it->status, RESDEX_CHECK_MODIFIED);
    assert_string_equal(it->verb_from, "Invites");
    assert_string_equal(it->verb_to, "Urges");
    assert_int_equal(it->verb_change, RESDEX_VERB_STRONGER);
    it = resdex_check_get(c, 2);
    assert_int_equal(it->status, RESDEX_CHECK_NEW);
    assert_int_equal(resdex_results_count(it->results), 0);
    assert_string_equal(it->verb_to, "Decides");
    assert_null(it->verb_from);
    assert_int_equal(resdex_check_count_status(c, RESDEX_CHECK_AGREED), 1);
    assert_int_equal(resdex_check_count_status(c, RESDEX_CHECK_MODIFIED), 1);
    assert_int_equal(resdex_check_count_status(c, RESDEX_CHECK_NEW), 1);
    assert_null(resdex_check_get(c, 3));
    assert_string_equal(resdex_check_status_to_string(RESDEX_CHECK_NEW), "new");
    assert_string_equal(resdex_verb_change_to_string(RESDEX_VERB_WEAKER), "weaker");
    resdex_check_destroy(c);
    resdex_doc_destroy(doc);
    free(msg);
    assert_int_equal(resdex_db_check(f->db, NULL, NULL, &c), RESDEX_STATUS_BAD_ARGUMENT);
    assert_null(c);
}

int
main(void)
{
    const struct CMUnitTest diff_tests[] = {
        cmocka_unit_test(test_diff_cases),      cmocka_unit_test(test_diff_rebuilds_both_sides),
        cmocka_unit_test(test_diff_reordering), cmocka_unit_test(test_diff_similarity_order),
        cmocka_unit_test(test_diff_large),      cmocka_unit_test(test_diff_kind_names),
    };
    const struct CMUnitTest db_tests[] = {
        cmocka_unit_test_setup_teardown(test_similar_by_id, setup_db, teardown_db),
        cmocka_unit_test_setup_teardown(test_similar_by_text, setup_db, teardown_db),
        cmocka_unit_test_setup_teardown(test_similar_errors, setup_db, teardown_db),
        cmocka_unit_test_setup_teardown(test_lineage, setup_db, teardown_db),
        cmocka_unit_test(test_verb_scale),
        cmocka_unit_test(test_verb_corpus_entries),
        cmocka_unit_test(test_qualifiers),
        cmocka_unit_test_setup_teardown(test_check, setup_db, teardown_db),
    };
    int failed = cmocka_run_group_tests_name("diff", diff_tests, NULL, NULL);
    failed += cmocka_run_group_tests_name("similar", db_tests, NULL, NULL);
    return failed ? 1 : 0;
}
