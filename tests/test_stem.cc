/* test_stem.cc - libstemmer behind Xapian::Stem. C++: it compares against
 * Xapian's own stemmers and so needs the C++ API (a test, not the library). */
#include "stem.hh"

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <xapian.h>

/* cmocka last: its fail() macro would clash with std::ios::fail(). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
extern "C" {
#include <cmocka.h>
}

/* Every word of a sample paragraph stems as Xapian's own English stemmer does. */
static void
test_english_matches_xapian(void **)
{
    const char *text =
        "Encourages Member States, in implementing holistic and comprehensive crime prevention "
        "and criminal justice policies, to promote, as appropriate, alternatives to imprisonment, "
        "from the pretrial stage to the post-sentencing stage, taking into account the background, "
        "gender, age and other specific circumstances of offenders, including their vulnerability, "
        "and the objective of their rehabilitation and reintegration into society recalling "
        "reaffirming noting bearing mindful requests invites decides generously organizations";
    Xapian::Stem ours = lang_stemmer("en");
    Xapian::Stem theirs("english");
    std::istringstream in(text);
    std::string w;
    int n = 0;
    while (in >> w) {
        while (!w.empty() && (w.back() == ',' || w.back() == '.'))
            w.pop_back();
        w = Xapian::Unicode::tolower(w);
        assert_string_equal(ours(w).c_str(), theirs(w).c_str());
        n++;
    }
    assert_true(n > 50);
    assert_string_equal(ours("imprisonment").c_str(), "imprison");
    assert_string_equal(ours("encourages").c_str(), "encourag");
}

/* The same over every word of the shipped corpus. */
static void
test_english_corpus_words(void **)
{
    const char *files[] = {"/corpus/ecosoc-2017-19.txt", "/corpus/ecosoc-2021-23.txt"};
    Xapian::Stem ours = lang_stemmer("en");
    Xapian::Stem theirs("english");
    std::set<std::string> words;
    for (const char *f : files) {
        std::ifstream in(std::string(TOP_SRCDIR) + f);
        assert_true(in.good());
        Xapian::TermGenerator tg;
        Xapian::Document doc;
        tg.set_document(doc);
        std::stringstream ss;
        ss << in.rdbuf();
        tg.index_text(ss.str());
        for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it)
            words.insert(*it);
    }
    assert_true(words.size() > 500);
    for (const std::string &w : words)
        assert_string_equal(ours(w).c_str(), theirs(w).c_str());
}

static void
test_other_languages(void **)
{
    assert_string_equal(stem_algorithm("fr"), "french");
    assert_string_equal(stem_algorithm("ru"), "russian");
    assert_string_equal(stem_algorithm("ar"), "arabic");
    assert_string_equal(stem_algorithm("es"), "spanish");
    assert_null(stem_algorithm("zh"));
    assert_null(stem_algorithm("xx"));
    assert_true(lang_is_cjk("zh"));
    assert_false(lang_is_cjk("en"));
    Xapian::Stem fr = lang_stemmer("fr");
    assert_string_equal(fr("encourage").c_str(), Xapian::Stem("french")("encourage").c_str());
    assert_string_equal(fr("recommandations").c_str(), "recommand");
    Xapian::Stem ru = lang_stemmer("ru");
    assert_string_equal(ru("преступности").c_str(),
                        Xapian::Stem("russian")("преступности").c_str());
    /* No algorithm: words come back as they are. */
    Xapian::Stem zh = lang_stemmer("zh");
    assert_string_equal(zh("犯罪").c_str(), "犯罪");
    assert_true(zh.is_none());
}

/* Stems are kept per thread and algorithm (stem.cc's memo): a word asked
 * for again, in another language between, after the memo was filled and
 * forgotten, and on another thread, stems as Xapian's own stemmers do. */
static void
check_words(void)
{
    static const char *const words[] = {"encourages",  "nations",     "recommandations",
                                        "prisons",     "criminalité", "organisations",
                                        "reaffirming", "États"};
    Xapian::Stem en = lang_stemmer("en"), fr = lang_stemmer("fr");
    Xapian::Stem en_x("english"), fr_x("french");
    for (int round = 0; round < 2; round++)
        for (const char *w : words) {
            assert_string_equal(en(w).c_str(), en_x(resdex_fold(w)).c_str());
            assert_string_equal(fr(w).c_str(), fr_x(resdex_fold(w)).c_str());
        }
    /* A word the two stem differently, each asked of the other first. */
    assert_string_equal(en("reaffirming").c_str(), "reaffirm");
    assert_string_not_equal(fr("reaffirming").c_str(), "reaffirm");
    /* Accents folded first: "criminalité" as "criminalite". */
    assert_string_equal(fr("criminalité").c_str(), fr_x("criminalite").c_str());
}

static void
test_memo(void **)
{
    check_words();
    Xapian::Stem en = lang_stemmer("en"), en_x("english");
    for (int i = 0; i < 40000; i++) {
        std::string w = "w" + std::to_string(i) + (i % 2 ? "ings" : "ations");
        if (i % 997 == 0)
            assert_string_equal(en(w).c_str(), en_x(w).c_str());
        else
            en(w);
    }
    check_words();
    std::thread other(check_words);
    other.join();
}

/* The term generator uses our stemmer for its Z terms. */
static void
test_term_generator_uses_it(void **)
{
    Xapian::TermGenerator tg;
    tg.set_stemmer(lang_stemmer("en"));
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    Xapian::Document doc;
    tg.set_document(doc);
    tg.index_text("alternatives to imprisonment");
    std::set<std::string> terms;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it)
        terms.insert(*it);
    assert_true(terms.count("Zimprison") == 1);
    assert_true(terms.count("Zaltern") == 1);
    assert_true(terms.count("imprisonment") == 1);
    assert_string_equal(lang_stemmer("en").get_description().c_str(),
                        "Xapian::Stem(libstemmer(english))");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_english_matches_xapian), cmocka_unit_test(test_english_corpus_words),
        cmocka_unit_test(test_other_languages),        cmocka_unit_test(test_memo),
        cmocka_unit_test(test_term_generator_uses_it),
    };
    return cmocka_run_group_tests_name("stem", tests, NULL, NULL);
}
