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
    /* All or none: a throw (out of memory) frees those already built. */
    std::vector<std::unique_ptr<Xapian::SimpleStopper>> out;
    for (const Language *l = schema_languages; l->code; l++) {
        auto stopper = std::make_unique<Xapian::SimpleStopper>();
        for (const char *const *w = l->stopwords; *w; w++)
            stopper->add(*w);
        out.push_back(std::move(stopper));
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
