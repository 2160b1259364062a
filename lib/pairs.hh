/* pairs.hh - which word pairs (P_PAIR) an index writes (private).
 *
 * A phrase query first intersects the short posting lists of its word
 * pairs instead of the long ones of its words (search.cc). Pairs of rare
 * words are not worth their postings (a rare word's own list is short), so
 * an index writes the pair of two adjacent body words only when both are in
 * its list of pair words and they are not both stopwords. Which list an
 * index uses is fixed at its creation, said by RESDEX_META_PAIRS
 * (terms.hh):
 *   - "2": the built-in list, lib/common-words.h (the most frequent words
 *     of the UN's resolutions, scripts/common-words);
 *   - "3": the index's own list, RESDEX_META_PAIR_WORDS, learnt before its
 *     first paragraph from a sample of its corpus (PairSample, by
 *     resdexd: indexer/pairs.c), so that a corpus whose frequent words are
 *     not the UN's usual ones gets their pairs too;
 *   - "1": every pair (indexes built before 2026-12-02; a writer turns it
 *     into "2" on opening).
 * The list decides only what is fast, never what is found: every writer of
 * an index and every search of it use the same list. */
#ifndef RESDEX_PAIRS_HH
#define RESDEX_PAIRS_HH

#include "resdex.h"

#include <xapian.h>

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

class PairWords
{
  public:
    /* Every word ("1"). */
    static std::shared_ptr<const PairWords> every();
    /* The built-in list ("2"). */
    static std::shared_ptr<const PairWords> common();
    /* A list as RESDEX_META_PAIR_WORDS holds it ("3"): the words in byte
     * order, each ended by '\n'. */
    static std::shared_ptr<const PairWords> from_list(const std::string &list);
    /* The list of `words` (any order, repeats allowed). */
    static std::shared_ptr<const PairWords> of(std::vector<std::string> words);

    /* Is `word` (a body term as the TermGenerator writes it) a pair word? */
    bool word(const std::string &w) const;
    /* Does the index have the pair of a and b (a then b)? */
    bool wanted(const std::string &a, const std::string &b) const;
    /* The list, for RESDEX_META_PAIR_WORDS. */
    std::string list() const;
    size_t size() const
    {
        return words_.size();
    }

  private:
    bool all_ = false;
    std::vector<std::string> words_; /* in byte order */
};

enum { PAIR_WORDS_PER_LANGUAGE = 300, PAIR_WORDS_MIN_PARAGRAPHS = 2 };

/* The words of a sample of paragraphs, counted as they come (Xapian
 * documents as resdex_prepare_doc makes them, without pairs), and the pair
 * words learnt from them: for each language but those written in Han
 * characters (their terms are n-grams), the PAIR_WORDS_PER_LANGUAGE words in
 * the most paragraphs (in at least PAIR_WORDS_MIN_PARAGRAPHS; equals in
 * byte order, so that a sample always gives the same list), each with the
 * accented forms of it met. */
class PairSample
{
  public:
    void add(const Xapian::Document &doc);
    std::shared_ptr<const PairWords> learn() const;

  private:
    struct Counts {
        /* In how many paragraphs each word stands without its accents
         * (add_folded_words indexes that form beside every accented one). */
        std::unordered_map<std::string, unsigned> paragraphs;
        std::unordered_map<std::string, std::unordered_set<std::string>> accented;
    };
    std::map<std::string, Counts> by_lang_;
};

/* Is `word` a stopword of some language (schema.cc)? "of the" is in most
 * paragraphs: no filter, so two stopwords make no pair. */
bool pair_stopword(const std::string &word);

/* Add to doc (its paragraph's terms all in it) a boolean term for every
 * two pair words at adjacent positions: the terms with positions that
 * carry no prefix are its body words (the stems have no positions, the
 * title's terms are prefixed). Several terms at one position (CJK n-grams)
 * pair with each of the next position's. */
void add_word_pairs(Xapian::Document &doc, const PairWords &words);

/* The pairs db's paragraphs have, from its metadata (kept on the handle
 * while that stays the same); nullptr when the index says it has none (a
 * marker missing or unknown): searches then do without. */
std::shared_ptr<const PairWords> db_pair_words(resdex_db_t *db);

/* The public handles (resdex.h). */
struct resdex_pair_words {
    std::shared_ptr<const PairWords> words;
};
struct resdex_pair_sample {
    PairSample sample;
};

#endif
