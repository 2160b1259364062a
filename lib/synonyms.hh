/* synonyms.hh - the names the corpus itself spells out (private).
 *
 * A resolution that writes "the International Criminal Police Organization
 * (INTERPOL)" or "the United Nations Standard Minimum Rules for the
 * Treatment of Prisoners (the Nelson Mandela Rules)" says that the two are
 * one name. The indexer mines such pairs from every paragraph into Xapian's
 * synonym table, both ways (WritableDatabase::add_synonym); the query
 * parser (query-prep.cc) searches a word or phrase that is a key for its
 * synonyms too: INTERPOL finds the paragraphs that only spell the name out,
 * and the name the ones that only use INTERPOL. Keys and values are words
 * as synonym_words() makes them. A pair leaves the table when the last
 * file that taught it goes or no longer says it (index.cc). */
#ifndef RESDEX_SYNONYMS_HH
#define RESDEX_SYNONYMS_HH

#include <string>
#include <utility>
#include <vector>

/* The words of text, lower-cased and without accents (as the index has
 * them, resdex_fold), one space between: "Non-custodial Measures" ->
 * "non custodial measures". */
std::string synonym_words(const std::string &text);

/* The pairs a paragraph's text defines, each both ways: "X (ACRONYM)" when
 * the acronym's letters come in order in the name, from the first letter
 * of the name's first word on ("International Criminal Police Organization
 * (INTERPOL)"); "X (the Short Name)" when the short name is capitalised words, its
 * last word one of X's, and X at least three words. X is the run of capitalised words (and of,
 * for, the, and, on, against, in, to between them) before the parenthesis. */
std::vector<std::pair<std::string, std::string>> mine_synonyms(const char *text);

#endif
