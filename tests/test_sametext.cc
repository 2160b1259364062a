/* test_sametext.cc - the one definition of "the same text" (sametext.hh),
 * which folding and resdex check's "agreed" share: pairs of texts from the
 * corpus's variants, the same or not. C++: the definition is. */
#include "sametext.hh"

#include <string>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
extern "C" {
#include <cmocka.h>
}

struct Pair {
    const char *a, *b;
    bool same;
};

static const Pair pairs[] = {
    /* The final mark a paragraph takes from its place (A/RES/77/232 ¶11,
     * A/RES/79/187 ¶5). */
    {"in accordance with the rules and procedures of the United Nations;",
     "in accordance with the rules and procedures of the United Nations.", true},
    {"Calls upon States to act; and", "Calls upon States to act.", true},
    /* Hyphens typed two ways (A/RES/77/236 and 79/189), or not at all. */
    {"on the basis of non-discrimination;", "on the basis of non\u2011discrimination;", true},
    {"into health-care systems", "into healthcare systems", true},
    {"from 2010\u20132020", "from 2010-2020", true},
    {"from the post-sen-\n  tencing stage", "from the post-sentencing stage", true},
    {"the post-\nSentencing stage", "the post-sentencing stage", false},
    {"*Encourages* Member States", "Encourages Member States", true},
    /* A dash between words is a mark, whichever dash. */
    {"States \u2013 all of them", "States - all of them", true},
    {"States \u2013 all of them", "States all of them", false},
    /* White space before a closing mark, after an opening one. */
    {"proceeds of corruption , and to give", "proceeds of corruption, and to give", true},
    {"crime report ( World Wildlife Crime Report)", "crime report (World Wildlife Crime Report)",
     true},
    {"the  Bangkok\u00a0Rules", "the Bangkok Rules", true},
    /* Quotes, case, footnote marks. */
    {"the \u201cNelson Mandela Rules\u201d", "the Nelson Mandela Rules", true},
    {"Decides to convene", "decides to convene", true},
    {"the Convention\u00b9 and", "the Convention and", true},
    /* Words count. */
    {"Invites Member States and other donors", "Invites Member States and all donors", false},
    {"health care systems", "healthcare systems", false},
    {"Notes the report,", "Notes the reports,", false},
};

/* Each pair the same or not, as `text` has it, and their keys alike. */
template <size_t N>
static void
check_pairs(const Pair (&list)[N], std::string (*text)(const char *),
            std::string (*key)(const char *), const char *what)
{
    for (const auto &p : list) {
        bool same = text(p.a) == text(p.b);
        if (same != p.same)
            fail_msg("%s '%s' and '%s': %s, expected %s ('%s', '%s')", what, p.a, p.b,
                     same ? "the same" : "not", p.same ? "the same" : "not", text(p.a).c_str(),
                     text(p.b).c_str());
        assert_true((key(p.a) == key(p.b)) == p.same);
    }
}

static void
test_pairs(void **)
{
    check_pairs(pairs, same_text, same_text_key, "same");
}

/* Loose: the same words, the punctuation left out (folding's groups). */
static const Pair loose_pairs[] = {
    /* A/RES/80/228 24 and 78/228 20. */
    {"in armed conflicts, trafficking in persons", "in armed conflicts trafficking in persons",
     true},
    /* A/RES/79/190 13 and 75/194 9. */
    {"chapters II (Preventive measures) and V (Asset recovery)",
     "chapters II, Preventive measures and V, Asset recovery", true},
    {"\u0627\u0644\u062f\u0648\u0644\u060c \u0648", "\u0627\u0644\u062f\u0648\u0644 \u0648",
     true},                                                               /* the Arabic comma */
    {"\u4f1a\u5458\u56fd\uff0c\u548c", "\u4f1a\u5458\u56fd\u548c", true}, /* a full-width comma */
    {"States,all", "States all", true}, /* a mark is a word boundary */
    {"Notes the report", "Notes the reports", false},
    {"health care", "healthcare", false},
};

static void
test_loose(void **)
{
    check_pairs(loose_pairs, loose_text, loose_text_key, "loose");
    /* The strict pairs that are the same stay the same loosely. */
    for (const auto &p : pairs)
        if (p.same)
            assert_true(loose_text_key(p.a) == loose_text_key(p.b));
    assert_string_equal(loose_text(" Urges (all) States ; and ").c_str(), "urges all states");
    assert_string_equal(loose_text_key(" ; . ").c_str(), "");
}

static void
test_text_of_nothing(void **)
{
    assert_string_equal(same_text_key("").c_str(), "");
    assert_string_equal(same_text_key(" ;. ").c_str(), "");
    assert_string_equal(same_text(" Urges  States ; and ").c_str(), "urges states");
    assert_int_equal(same_text_key("Urges").size(), 16);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pairs),
        cmocka_unit_test(test_text_of_nothing),
        cmocka_unit_test(test_loose),
    };
    return cmocka_run_group_tests_name("sametext", tests, NULL, NULL);
}
