/* pairs.cc - the pair words of an index: built in, learnt, stored. */
#include "pairs.hh"
#include "db-private.hh"
#include "error.hh"
#include "schema.hh"
#include "stem.hh"
#include "terms.hh"

#include <algorithm>
#include <cstring>
#include <iterator>

std::shared_ptr<const PairWords>
PairWords::every()
{
    static const std::shared_ptr<const PairWords> all = [] {
        auto w = std::make_shared<PairWords>();
        w->all_ = true;
        return w;
    }();
    return all;
}

std::shared_ptr<const PairWords>
PairWords::common()
{
    static const std::shared_ptr<const PairWords> built_in = [] {
#include "common-words.h"
        return of(std::vector<std::string>(std::begin(common_words), std::end(common_words)));
    }();
    return built_in;
}

std::shared_ptr<const PairWords>
PairWords::of(std::vector<std::string> words)
{
    auto w = std::make_shared<PairWords>();
    w->words_ = std::move(words);
    std::sort(w->words_.begin(), w->words_.end());
    w->words_.erase(std::unique(w->words_.begin(), w->words_.end()), w->words_.end());
    return w;
}

std::shared_ptr<const PairWords>
PairWords::from_list(const std::string &list)
{
    std::vector<std::string> words;
    for (size_t at = 0; at < list.size();) {
        size_t end = list.find('\n', at);
        if (end == std::string::npos)
            end = list.size();
        if (end > at)
            words.push_back(list.substr(at, end - at));
        at = end + 1;
    }
    return of(std::move(words));
}

void
PairSample::add(const Xapian::Document &doc)
{
    auto it = doc.termlist_begin();
    it.skip_to(P_LANG);
    if (it == doc.termlist_end())
        return;
    std::string lang_term = *it;
    if (lang_term.compare(0, strlen(P_LANG), P_LANG) != 0)
        return;
    std::string lang = lang_term.substr(strlen(P_LANG));
    if (lang.empty() || lang_is_cjk(lang.c_str()))
        return;
    Counts &c = by_lang_[lang];
    for (it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        std::string t = *it;
        if (prefixed_term(t))
            continue;
        std::string plain = resdex_fold(t);
        if (plain.empty())
            continue;
        if (plain == t)
            c.paragraphs[t]++;
        else
            c.accented[plain].insert(t);
    }
}

std::shared_ptr<const PairWords>
PairSample::learn() const
{
    std::vector<std::string> words;
    for (const auto &lc : by_lang_) {
        std::vector<std::pair<unsigned, std::string>> ranked;
        for (const auto &wc : lc.second.paragraphs)
            if (wc.second >= PAIR_WORDS_MIN_PARAGRAPHS)
                ranked.emplace_back(wc.second, wc.first);
        std::sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        if (ranked.size() > PAIR_WORDS_PER_LANGUAGE)
            ranked.resize(PAIR_WORDS_PER_LANGUAGE);
        for (auto &r : ranked) {
            auto forms = lc.second.accented.find(r.second);
            if (forms != lc.second.accented.end())
                words.insert(words.end(), forms->second.begin(), forms->second.end());
            words.push_back(std::move(r.second));
        }
    }
    return PairWords::of(std::move(words));
}

bool
PairWords::word(const std::string &w) const
{
    return all_ || std::binary_search(words_.begin(), words_.end(), w);
}

bool
PairWords::wanted(const std::string &a, const std::string &b) const
{
    if (all_)
        return true;
    return word(a) && word(b) && !(pair_stopword(a) && pair_stopword(b));
}

std::string
PairWords::list() const
{
    std::string out;
    for (const std::string &w : words_)
        out += w + '\n';
    return out;
}

bool
pair_stopword(const std::string &word)
{
    static const std::vector<std::string> all = [] {
        std::vector<std::string> v;
        for (const Language *l = schema_languages; l->code; l++)
            for (const char *const *w = l->stopwords; w && *w; w++)
                v.emplace_back(*w);
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
        return v;
    }();
    return std::binary_search(all.begin(), all.end(), word);
}

void
add_word_pairs(Xapian::Document &doc, const PairWords &pw)
{
    std::vector<std::string> words;
    std::vector<bool> stop;
    std::vector<std::pair<Xapian::termpos, size_t>> at;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        std::string t = *it;
        if (prefixed_term(t) || !pw.word(t))
            continue;
        size_t w = words.size();
        for (auto p = it.positionlist_begin(); p != it.positionlist_end(); ++p)
            at.emplace_back(*p, w);
        stop.push_back(pair_stopword(t));
        words.push_back(std::move(t));
    }
    std::sort(at.begin(), at.end());
    for (size_t i = 0, next = 0; i < at.size(); i++) {
        /* next: the first entry at a position after at[i]'s. */
        while (next < at.size() && at[next].first <= at[i].first)
            next++;
        for (size_t j = next; j < at.size() && at[j].first == at[i].first + 1; j++) {
            if (stop[at[i].second] && stop[at[j].second])
                continue;
            std::string t = pair_term(words[at[i].second], words[at[j].second]);
            if (!t.empty())
                doc.add_boolean_term(t);
        }
    }
}

std::shared_ptr<const PairWords>
db_pair_words(resdex_db_t *db)
{
    Xapian::Database &x = db->db();
    std::string marker = x.get_metadata(RESDEX_META_PAIRS);
    std::string list =
        marker == RESDEX_PAIRS_LISTED ? x.get_metadata(RESDEX_META_PAIR_WORDS) : std::string();
    std::string key = marker + '\n' + list;
    if (db->pair_words_key != key) {
        db->pair_words = marker == RESDEX_PAIRS_ALL      ? PairWords::every()
                         : marker == RESDEX_PAIRS_COMMON ? PairWords::common()
                         : marker == RESDEX_PAIRS_LISTED ? PairWords::from_list(list)
                                                         : nullptr;
        db->pair_words_key = std::move(key);
    }
    return db->pair_words;
}

extern "C" resdex_status_t
resdex_pair_sample_new(resdex_pair_sample_t **sample)
{
    return guarded(nullptr, [&] {
        if (!sample)
            return RESDEX_STATUS_BAD_ARGUMENT;
        *sample = new resdex_pair_sample_t();
        return RESDEX_STATUS_SUCCESS;
    });
}

extern "C" void
resdex_pair_sample_destroy(resdex_pair_sample_t *sample)
{
    delete sample;
}

extern "C" resdex_status_t
resdex_pair_words_learn(const resdex_pair_sample_t *sample, resdex_pair_words_t **words)
{
    resdex_pair_words_t *w = nullptr;
    resdex_status_t st = guarded(nullptr, [&] {
        if (words)
            *words = nullptr;
        if (!sample || !words)
            return RESDEX_STATUS_BAD_ARGUMENT;
        w = new resdex_pair_words_t{sample->sample.learn()};
        return RESDEX_STATUS_SUCCESS;
    });
    if (st != RESDEX_STATUS_SUCCESS) {
        delete w;
        return st;
    }
    *words = w;
    return st;
}

extern "C" size_t
resdex_pair_words_count(const resdex_pair_words_t *words)
{
    return words && words->words ? words->words->size() : 0;
}

extern "C" void
resdex_pair_words_destroy(resdex_pair_words_t *words)
{
    delete words;
}

extern "C" resdex_status_t
resdex_db_set_pair_words(resdex_db_t *db, const resdex_pair_words_t *words)
{
    return guarded(db, [&] {
        if (resdex_status_t st = need_writable(db))
            return st;
        if (!words || !words->words)
            return db_fail(db, RESDEX_STATUS_BAD_ARGUMENT, "no pair words given");
        Xapian::WritableDatabase &wdb = *db->wdb;
        if (wdb.get_doccount() != 0)
            return db_fail(db, RESDEX_STATUS_BAD_ARGUMENT,
                           "index " + db->path +
                               " holds paragraphs already: the word pairs they have stay its own");
        db_begin_pending(db);
        wdb.set_metadata(RESDEX_META_PAIRS, RESDEX_PAIRS_LISTED);
        wdb.set_metadata(RESDEX_META_PAIR_WORDS, words->words->list());
        return RESDEX_STATUS_SUCCESS;
    });
}
