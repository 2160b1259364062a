/* stopwords.hh - the function words of each language (private).
 *
 * A query's loose words skip them ("alternatives to imprisonment" needs
 * "alternatives" and "imprisonment", not "to"), while quoted phrases keep
 * them ("the Tokyo Rules"); snippets do not highlight them on their own. The
 * index keeps every word, so phrases with stopwords still match exactly. */
#ifndef RESDEX_STOPWORDS_HH
#define RESDEX_STOPWORDS_HH

#include <string>
#include <xapian.h>

/* The stopper for a two-letter language code; NULL for languages without a
 * list (Chinese, unknown codes). Static storage: never freed. */
const Xapian::Stopper *lang_stopper(const char *lang);

/* Is `word` (any case) a stopword of `lang`? */
bool is_stopword(const char *lang, const std::string &word);

#endif
