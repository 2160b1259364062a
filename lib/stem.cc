/* stem.cc - libstemmer as a Xapian::StemImplementation, and accent folding
 * (ICU's canonical decomposition without its combining marks). */
#include "stem.hh"
#include "schema.hh"
#include "error.hh"

#include <algorithm>
#include <cstring>
#include <libstemmer.h>
#include <new>
#include <string>
#include <unordered_map>
#include <vector>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>

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

/* The stems this thread has made, by algorithm: a text repeats its words
 * ("the", "States", "crime"), and a stem costs libstemmer about 2,000
 * instructions, where finding it again costs a hash. Stemming the words of
 * each hit's paragraph for its snippet was 6% of a search's instructions
 * at 200k paragraphs, and the indexer stems every word it indexes
 * (bench/RESULTS.md). Per thread, so that no lock is needed (resdex serve
 * searches on several); all are forgotten at once past MEMO_WORDS words
 * (about 1.5 MiB a thread). */
constexpr size_t MEMO_WORDS = 16384;

class StemMemo
{
    std::vector<std::pair<std::string, std::unordered_map<std::string, std::string>>> by_algorithm;
    size_t words = 0;

  public:
    /* The stem of word by algorithm, made by stem(word) the first time. */
    template <typename F>
    const std::string &get(const std::string &algorithm, const std::string &word, F stem)
    {
        std::unordered_map<std::string, std::string> *memo = nullptr;
        for (auto &m : by_algorithm)
            if (m.first == algorithm)
                memo = &m.second;
        if (memo) {
            auto known = memo->find(word);
            if (known != memo->end())
                return known->second;
        }
        if (words >= MEMO_WORDS) {
            for (auto &m : by_algorithm)
                m.second.clear();
            words = 0;
        }
        if (!memo) {
            by_algorithm.emplace_back(algorithm, std::unordered_map<std::string, std::string>());
            memo = &by_algorithm.back().second;
        }
        words++;
        return memo->emplace(word, stem(word)).first->second;
    }
};

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
        thread_local StemMemo memo;
        return memo.get(algorithm, word, [this](const std::string &w) { return stem(w); });
    }
    std::string get_description() const override
    {
        return "libstemmer(" + algorithm + ")";
    }

  private:
    std::string stem(const std::string &word)
    {
        /* Stems are of the word without its accents, at index and query
         * time alike: "cybercriminalite" finds "cybercriminalité". */
        std::string folded = resdex_fold(word);
        const sb_symbol *out =
            sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol *>(folded.data()),
                            static_cast<int>(folded.size()));
        if (!out) /* libstemmer's only failure is out of memory */
            resdex::out_of_memory("stemming a word");
        return std::string(reinterpret_cast<const char *>(out),
                           static_cast<size_t>(sb_stemmer_length(stemmer)));
    }
};

} // namespace

const char *
stem_algorithm(const char *lang)
{
    const Language *l = schema_language(lang && *lang ? lang : "en");
    return l ? l->stemmer : nullptr;
}

Xapian::Stem
lang_stemmer(const char *lang)
{
    const char *algo = stem_algorithm(lang);
    if (!algo)
        return Xapian::Stem();
    return Xapian::Stem(new SnowballStem(algo));
}

std::string
resdex_fold(const std::string &word)
{
    if (std::all_of(word.begin(), word.end(), [](char c) { return (c & 0x80) == 0; }))
        return word;
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&err);
    if (U_FAILURE(err))
        return word;
    std::string out;
    out.reserve(word.size());
    for (Xapian::Utf8Iterator it(word); it != Xapian::Utf8Iterator(); ++it) {
        UChar32 c = static_cast<UChar32>(*it);
        /* The short i of Russian is a letter of its own, not an accented i. */
        if (c == 0x0419 || c == 0x0439) {
            Xapian::Unicode::append_utf8(out, static_cast<unsigned>(c));
            continue;
        }
        UChar buf[32];
        err = U_ZERO_ERROR;
        int32_t n = unorm2_getDecomposition(nfd, c, buf, 32, &err);
        if (n < 0 || U_FAILURE(err)) { /* no decomposition */
            if (u_charType(c) != U_NON_SPACING_MARK)
                Xapian::Unicode::append_utf8(out, static_cast<unsigned>(c));
            continue;
        }
        for (int32_t i = 0; i < n;) {
            UChar32 d;
            U16_NEXT(buf, i, n, d);
            if (u_charType(d) != U_NON_SPACING_MARK)
                Xapian::Unicode::append_utf8(out, static_cast<unsigned>(d));
        }
    }
    return out;
}

bool
lang_is_cjk(const char *lang)
{
    const Language *l = schema_language(lang);
    return l && l->script == Script::HAN;
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
