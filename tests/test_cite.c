/* test_cite.c - citations found in text and normalised (lib/cite.c). */
#include "testutil.h"
#include "cite.h"
#include "resdex.h"

typedef struct found {
    char list[1024];
} found_t;

static void
collect(void *ctx, const char *cite)
{
    found_t *f = ctx;
    if (f->list[0])
        strncat(f->list, " ", sizeof f->list - strlen(f->list) - 1);
    strncat(f->list, cite, sizeof f->list - strlen(f->list) - 1);
}

typedef struct cite_case {
    const char *text;
    const char *speaker; /* the body whose text it is */
    const char *expect;  /* the citations, space-separated, in order */
} cite_case_t;

static const cite_case_t cases[] = {
    {"General Assembly resolution 70/174, annex.", NULL, "A/RES/70/174"},
    {"Recalling its resolution 65/229, annex,", "GA", "A/RES/65/229"},
    {"Recalling its resolution 18/3 of 24 April 2009,", "CCPCJ", "E/CN.15/RES/18/3"},
    {"Economic and Social Council resolution 2017/19", NULL, "E/RES/2017/19"},
    {"Resolution 2002/12, annex.", NULL, "E/RES/2002/12"},
    {"Resolution 76/181, annex.", "GA", "A/RES/76/181"},
    {"General Assembly resolution 217 A (III).", NULL, "A/RES/217(III)"},
    {"Economic and Social Council resolution 155 C (VII) of 13 August 1948", NULL,
     "E/RES/155(VII)"},
    {"See E/CN.15/2023/13 and A/CONF.234/16, chap. VII.", NULL, "E/CN.15/2023/13 A/CONF.234/16"},
    {"[the report] (A/71/119).", NULL, "A/71/119"},
    {"E/CN.7/2017/3-E/CN.15/2017/3 and Add.1.", NULL, "E/CN.7/2017/3 E/CN.15/2017/3"},
    {"Commission resolution 26/1", "CCPCJ", "E/CN.15/RES/26/1"},
    {"Commission on Narcotic Drugs resolution 55/12", NULL, "E/CN.7/RES/55/12"},
    {"Commission on Crime Prevention and Criminal Justice resolution 25/2 of 27 May 2016", NULL,
     "E/CN.15/RES/25/2"},
    {"Reaffirms Commission decision 21/1 of 27 April 2012;", "ECOSOC", "E/CN.15/DEC/21/1"},
    {"recalling its decision 2015/234 of 21 July 2015", "ECOSOC", "E/DEC/2015/234"},
    {"Security Council resolution 2133 (2014)", NULL, "S/RES/2133(2014)"},
    {"Security Council resolutions 2133 (2014), 2178 (2014) and 2349 (2017).", NULL,
     "S/RES/2133(2014) S/RES/2178(2014) S/RES/2349(2017)"},
    {"Commission on Narcotic Drugs resolutions 54/10 of 25 March 2011, 54/17 of 13 December "
     "2011 and 58/1 of 17 March 2015",
     NULL, "E/CN.7/RES/54/10 E/CN.7/RES/54/17 E/CN.7/RES/58/1"},
    {"General Assembly resolutions 53/243 A and B.", NULL, "A/RES/53/243A A/RES/53/243B"},
    {"its resolution 57/270 B of 23 June 2003", "GA", "A/RES/57/270B"},
    {"General Assembly resolution S-30/1, annex.", NULL, "A/RES/S-30/1"},
    /* "its" is the body just named, not the speaker. */
    {"endorsed by the General Assembly in its resolution 65/230 of 21 December 2010", "CND",
     "A/RES/65/230"},
    /* Not citations. */
    {"HIV/AIDS and COVID-19 in 2011-2015", NULL, ""},
    {"decision 7.2 of the Programme Coordinating Board", NULL, ""},
    {"chap. I, resolution 1.", NULL, ""},
    {"targets 5.2, 8.7 and 16.2", NULL, ""},
    {"", NULL, ""},
};

static void
test_extract_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        found_t f = {{0}};
        cite_extract_in(cases[i].text, cases[i].speaker, collect, &f);
        if (strcmp(f.list, cases[i].expect) != 0)
            fail_msg("case %zu \"%s\": got \"%s\", expected \"%s\"", i, cases[i].text, f.list,
                     cases[i].expect);
    }
}

/* cite_extract is cite_extract_in without a speaker: "its" stays GA. */
static void
test_extract_without_speaker(void **state)
{
    (void)state;
    found_t f = {{0}};
    cite_extract("Recalling its resolution 70/1 and Resolution 2002/12", collect, &f);
    assert_string_equal(f.list, "A/RES/70/1 E/RES/2002/12");
    cite_extract(NULL, collect, &f); /* harmless */
}

static void
test_normalise(void **state)
{
    (void)state;
    static const struct {
        const char *ref, *expect;
    } refs[] = {
        {"https://undocs.org/en/A/RES/70/174", "A/RES/70/174"},
        {"/en/A/RES/70/174", "A/RES/70/174"},
        {"E/CN.15/2023/13", "E/CN.15/2023/13"},
        {"70/174", "A/RES/70/174"},
        {"2017/19", "E/RES/2017/19"},
        {"https://undocs.org/fr/E/RES/2017/19?lang=fr", "E/RES/2017/19"},
    };
    char buf[64];
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
        assert_int_equal(cite_normalise(refs[i].ref, buf, sizeof buf), 1);
        assert_string_equal(buf, refs[i].expect);
    }
    assert_int_equal(cite_normalise("https://example.org/page", buf, sizeof buf), 0);
    assert_int_equal(cite_normalise("hello", buf, sizeof buf), 0);
    assert_int_equal(cite_normalise("A/RES/70/174", buf, 4), 0); /* too small */
    assert_int_equal(cite_normalise(NULL, buf, sizeof buf), 0);
}

/* "Ibid." made whole from the footnote before it: pairs of consecutive
 * footnotes of the UN's A/RES/75/196 (English), read in its XML. */
static void
test_ibid(void **state)
{
    (void)state;
    static const struct {
        const char *prev, *ibid, *expect;
    } rows[] = {
        {"United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574.",
         "Ibid., vol. 976, No. 14152.", "United Nations, Treaty Series, vol. 976, No. 14152."},
        {"United Nations, Treaty Series, vol. 1577, No. 27531.",
         "Ibid., vols. 2171 and 2173, No. 27531; and resolution 66/138, annex.",
         "United Nations, Treaty Series, vols. 2171 and 2173, No. 27531; and resolution 66/138, "
         "annex."},
        {"See CAC/COSP/2019/17, sect. I.C.", "Ibid., sect. I.B.", "CAC/COSP/2019/17, sect. I.B."},
        {"CAC/COSP/2019/17, sect. I.B.", "Ibid.", "CAC/COSP/2019/17, sect. I.B."},
        {"See Official Records of the Economic and Social Council, 2017, Supplement No. 10 "
         "(E/2017/30), chap. I, sect. D.",
         "Ibid., 2013, Supplement No. 7 (E/2013/27), chap. I, sect. A.",
         "Official Records of the Economic and Social Council, 2013, Supplement No. 7 "
         "(E/2013/27), chap. I, sect. A."},
        /* No component of the kind: the new one after the whole reference. */
        {"A/CONF.234/16.", "Ibid., para. 4.", "A/CONF.234/16, para. 4."},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char *got = cite_resolve_ibid(rows[i].ibid, rows[i].prev);
        assert_non_null(got);
        assert_string_equal(got, rows[i].expect);
        free(got);
    }
    assert_null(cite_resolve_ibid("United Nations, Treaty Series, vol. 1.", "X"));
    assert_null(cite_resolve_ibid("Ibidem", "X")); /* not the abbreviation */
    assert_null(cite_resolve_ibid("Ibid.", NULL));
}

/* How paragraphs are cited. */
static void
test_cite_paragraph(void **state)
{
    (void)state;
    resdex_resolution_t ga = {
        .symbol = "A/RES/80/229", .number = "80/229", .body = "GA", .doc_type = "resolution"};
    resdex_resolution_t eco = {
        .symbol = "E/RES/2017/19", .number = "2017/19", .body = "ECOSOC", .doc_type = "resolution"};
    resdex_resolution_t dr = {.symbol = "E/2017/30/DR.B.II",
                              .number = "II",
                              .body = "ECOSOC",
                              .doc_type = "draft resolution"};
    resdex_resolution_t cnd = {
        .symbol = "E/CN.7/RES/55/12", .number = "55/12", .body = "CND", .doc_type = "resolution"};
    resdex_paragraph_t op5 = {.kind = RESDEX_KIND_OPERATIVE, .number = 5, .text = "x"};
    resdex_paragraph_t op3c = {
        .kind = RESDEX_KIND_OPERATIVE, .number = 3, .item = "c", .text = "x"};
    resdex_paragraph_t pre = {.kind = RESDEX_KIND_PREAMBULAR, .text = "x"};
    resdex_paragraph_t other = {.kind = RESDEX_KIND_OTHER, .text = "x"};
    char buf[256];
    resdex_cite(&ga, &op5, 0, buf, sizeof buf);
    assert_string_equal(buf, "General Assembly resolution 80/229, para. 5");
    resdex_cite(&ga, &op3c, 0, buf, sizeof buf);
    assert_string_equal(buf, "General Assembly resolution 80/229, para. 3 (c)");
    resdex_cite(&ga, &pre, 4, buf, sizeof buf);
    assert_string_equal(buf, "General Assembly resolution 80/229, preambular para. 4");
    resdex_cite(&ga, &pre, 0, buf, sizeof buf); /* its place unknown */
    assert_string_equal(buf, "General Assembly resolution 80/229");
    resdex_cite(&ga, &other, 0, buf, sizeof buf);
    assert_string_equal(buf, "General Assembly resolution 80/229");
    resdex_cite(&eco, &op5, 0, buf, sizeof buf);
    assert_string_equal(buf, "Economic and Social Council resolution 2017/19, para. 5");
    op5.number = 3;
    resdex_cite(&dr, &op5, 0, buf, sizeof buf);
    assert_string_equal(buf, "E/2017/30, chap. I, sect. B, draft resolution II, para. 3");
    resdex_cite(&cnd, &op5, 0, buf, sizeof buf);
    assert_string_equal(buf, "Commission on Narcotic Drugs resolution 55/12, para. 3");
    /* Cut to the buffer, the whole length returned. */
    size_t n = resdex_cite(&ga, &op5, 0, buf, 8);
    assert_string_equal(buf, "General");
    assert_int_equal(n, strlen("General Assembly resolution 80/229, para. 3"));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_extract_table),  cmocka_unit_test(test_extract_without_speaker),
        cmocka_unit_test(test_normalise),      cmocka_unit_test(test_ibid),
        cmocka_unit_test(test_cite_paragraph),
    };
    return cmocka_run_group_tests_name("cite", tests, NULL, NULL);
}
