/* stem.hh - Snowball stemming (libstemmer) plugged into Xapian (private).
 *
 * One stemmer everywhere: the term generator at index time, the query parser
 * and MSet::snippet() at search time all get their Xapian::Stem from here,
 * so that they agree on every stem. */
#ifndef RESDEX_STEM_HH
#define RESDEX_STEM_HH

#include <string>
#include <xapian.h>

/* The Snowball algorithm for a two-letter language code ("en" -> "english");
 * NULL for languages stemmed by no algorithm (Chinese, unknown codes). */
const char *stem_algorithm(const char *lang);

/* A Xapian::Stem backed by libstemmer for `lang`; the empty (no-op) stemmer
 * when the language has no algorithm. It stems the word without its accents
 * (resdex_fold). Throws resdex::Error. */
Xapian::Stem lang_stemmer(const char *lang);

/* Text as the term generator and query parser should see it: for French,
 * elided articles and pronouns are split from their word ("l'emprisonnement"
 * -> "l emprisonnement", "qu’il" -> "qu il"), which Xapian would otherwise
 * keep as one word. Other languages: unchanged. */
std::string prepare_text(const std::string &text, const char *lang);

/* `word` without its accents and other combining marks ("criminalité" ->
 * "criminalite", Arabic vowel signs dropped); ASCII comes back as it is. */
std::string resdex_fold(const std::string &word);

/* Does `lang` want Xapian's CJK n-gram tokenising (Chinese)? */
bool lang_is_cjk(const char *lang);

#endif
