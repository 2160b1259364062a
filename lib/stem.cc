/* stem.cc - libstemmer as a Xapian::StemImplementation. */
#include "stem.hh"
#include "error.hh"

#include <cstring>
#include <libstemmer.h>

namespace
{

/* sb_stemmer_new() failed: a libstemmer built without the algorithm, or
 * out of memory. */
[[noreturn]] void
fail_new(const char *algo)
{
    for (const char **a = sb_stemmer_list(); *a; a++)
        if (std::strcmp(*a, algo) == 0)
            resdex::out_of_memory("making a stemmer");
    throw resdex::Error{RESDEX_STATUS_INTERNAL_ERROR,
                        std::string("libstemmer has no '") + algo + "' stemmer"};
}

class SnowballStem : public Xapian::StemImplementation
{
    struct sb_stemmer *stemmer;
    std::string algorithm;

  public:
    explicit SnowballStem(const char *algo)
        : stemmer(sb_stemmer_new(algo, "UTF_8")), algorithm(algo)
    {
        if (!stemmer)
            fail_new(algo);
    }
    ~SnowballStem() override
    {
        sb_stemmer_delete(stemmer);
    }
    std::string operator()(const std::string &word) override
    {
        const sb_symbol *out =
            sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol *>(word.data()),
                            static_cast<int>(word.size()));
        if (!out) /* libstemmer's only failure is out of memory */
            resdex::out_of_memory("stemming a word");
        return std::string(reinterpret_cast<const char *>(out),
                           static_cast<size_t>(sb_stemmer_length(stemmer)));
    }
    std::string get_description() const override
    {
        return "libstemmer(" + algorithm + ")";
    }
};

struct LangAlgo {
    const char *lang, *algorithm;
};

const LangAlgo lang_algorithms[] = {
    {"en", "english"}, {"fr", "french"}, {"es", "spanish"},
    {"ru", "russian"}, {"ar", "arabic"}, {nullptr, nullptr},
};

} // namespace

const char *
stem_algorithm(const char *lang)
{
    if (!lang || !*lang)
        lang = "en";
    for (const LangAlgo *la = lang_algorithms; la->lang; la++)
        if (std::strcmp(la->lang, lang) == 0)
            return la->algorithm;
    return nullptr;
}

Xapian::Stem
lang_stemmer(const char *lang)
{
    const char *algo = stem_algorithm(lang);
    if (!algo)
        return Xapian::Stem();
    return Xapian::Stem(new SnowballStem(algo));
}

bool
lang_is_cjk(const char *lang)
{
    return lang && std::strcmp(lang, "zh") == 0;
}

/* Is text[start, end) (lower-cased ASCII) a French elided word? */
static bool
is_elision(const std::string &text, size_t start, size_t end)
{
    static const char *const elided[] = {"l", "d",  "j",     "m",      "n",      "s",      "t",
                                         "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", nullptr};
    size_t n = end - start;
    for (const char *const *e = elided; *e; e++) {
        if (std::strlen(*e) != n)
            continue;
        size_t i = 0;
        while (i < n && (text[start + i] | 0x20) == (*e)[i])
            i++;
        if (i == n)
            return true;
    }
    return false;
}

std::string
prepare_text(const std::string &text, const char *lang)
{
    if (!lang || std::strcmp(lang, "fr") != 0)
        return text;
    std::string out;
    out.reserve(text.size());
    size_t word_start = 0;
    bool in_word = false;
    for (size_t i = 0; i < text.size(); i++) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        bool apostrophe = c == '\'';
        size_t alen = 1;
        if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
            static_cast<unsigned char>(text[i + 2]) == 0x99) { /* U+2019 */
            apostrophe = true;
            alen = 3;
        }
        if (apostrophe && in_word && is_elision(text, word_start, i)) {
            out += ' ';
            i += alen - 1;
            in_word = false;
            continue;
        }
        bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (letter && !in_word) {
            in_word = true;
            word_start = i;
        } else if (!letter) {
            in_word = false;
        }
        out += text[i];
    }
    return out;
}
