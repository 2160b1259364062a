/* stopwords.cc - function words per language; see stopwords.hh. The lists
 * are the languages table's (schema.cc). */
#include "stopwords.hh"
#include "schema.hh"

#include <memory>
#include <vector>

namespace
{

std::vector<std::unique_ptr<Xapian::SimpleStopper>>
make_all()
{
    std::vector<std::unique_ptr<Xapian::SimpleStopper>> out;
    for (const Language *l = schema_languages; l->code; l++) {
        out.emplace_back(new Xapian::SimpleStopper());
        for (const char *const *w = l->stopwords; *w; w++)
            out.back()->add(*w);
    }
    return out;
}

} // namespace

const Xapian::Stopper *
lang_stopper(const char *lang)
{
    /* Built once, on first use (thread-safe statics). */
    static const std::vector<std::unique_ptr<Xapian::SimpleStopper>> stoppers = make_all();
    const Language *l = schema_language(lang);
    if (!l || !*l->stopwords)
        return nullptr;
    return stoppers[static_cast<size_t>(l - schema_languages)].get();
}

bool
is_stopword(const char *lang, const std::string &word)
{
    const Xapian::Stopper *s = lang_stopper(lang);
    return s && (*s)(Xapian::Unicode::tolower(word));
}
