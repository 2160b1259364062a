/* stopwords.cc - function words per language; see stopwords.hh. The lists
 * are short on purpose: the articles, prepositions, conjunctions and
 * pronouns that carry no meaning of their own in a resolution. Words that
 * drafters search for ("not", "shall", "all", "other") are not in them. */
#include "stopwords.hh"

#include <array>
#include <cstring>
#include <memory>

namespace
{

const char *const EN[] = {"a",   "an",    "and",   "as",   "at",    "be", "by",    "for",  "from",
                          "in",  "into",  "is",    "it",   "its",   "of", "on",    "or",   "that",
                          "the", "their", "these", "this", "those", "to", "which", "with", nullptr};
const char *const FR[] = {"à",   "au", "aux", "d",    "de",    "des", "du",  "en",   "et",   "l",
                          "la",  "le", "les", "leur", "leurs", "ou",  "par", "pour", "qu",   "que",
                          "qui", "sa", "se",  "ses",  "son",   "sur", "un",  "une",  nullptr};
const char *const ES[] = {"a",   "al",  "con", "de", "del",  "el",  "en",   "la",
                          "las", "lo",  "los", "o",  "para", "por", "que",  "se",
                          "su",  "sus", "u",   "un", "una",  "y",   nullptr};
const char *const RU[] = {"в",  "во", "и",   "к",  "на",  "о",  "об",  "от", "по",   "с",
                          "со", "у",  "что", "их", "его", "её", "для", "из", nullptr};
const char *const AR[] = {"في", "من", "على", "إلى", "عن", "و", "أو", "التي", "الذي", nullptr};

struct Lang {
    const char *code;
    const char *const *words;
};
const Lang LANGS[] = {{"en", EN}, {"fr", FR}, {"es", ES},
                      {"ru", RU}, {"ar", AR}, {nullptr, nullptr}};

const Lang *
find(const char *lang)
{
    for (const Lang *l = LANGS; lang && l->code; l++)
        if (std::strcmp(l->code, lang) == 0)
            return l;
    return nullptr;
}

const size_t N_LANGS = sizeof LANGS / sizeof LANGS[0] - 1;

std::unique_ptr<Xapian::SimpleStopper>
make(const Lang *l)
{
    auto s = std::make_unique<Xapian::SimpleStopper>();
    for (const char *const *w = l->words; *w; w++)
        s->add(*w);
    return s;
}

/* Every language's stopper, or none: when one cannot be built (out of
 * memory) those already built are freed. */
std::array<const Xapian::Stopper *, N_LANGS>
make_all()
{
    std::unique_ptr<Xapian::SimpleStopper> built[N_LANGS];
    for (size_t i = 0; i < N_LANGS; i++)
        built[i] = make(&LANGS[i]);
    std::array<const Xapian::Stopper *, N_LANGS> all;
    for (size_t i = 0; i < N_LANGS; i++)
        all[i] = built[i].release();
    return all;
}

} // namespace

const Xapian::Stopper *
lang_stopper(const char *lang)
{
    /* Built once, on first use (a thread-safe static; after a failure the
     * next call tries again). */
    static const std::array<const Xapian::Stopper *, N_LANGS> stoppers = make_all();
    const Lang *l = find(lang);
    return l ? stoppers[static_cast<size_t>(l - LANGS)] : nullptr;
}

bool
is_stopword(const char *lang, const std::string &word)
{
    const Xapian::Stopper *s = lang_stopper(lang);
    return s && (*s)(Xapian::Unicode::tolower(word));
}
