/* sametext.hh - when two paragraphs say the same thing (private).
 *
 * Search folds hits whose texts are the same once normalised (search.cc,
 * resdex(1) "Folding"): the same paragraph carried from year to year, a
 * report's draft and the resolution adopted from it. The normalisation,
 * defined here once:
 *   - letters lower-cased (Unicode);
 *   - quotation marks of every kind (" ' ‘ ’ “ ” « » ‹ › „ ‟) left out;
 *   - footnote marks left out: superscript digits and letters (¹ ² ³ ⁰-ⁿ),
 *     which a text rendering may still carry where the XML has none;
 *   - invisible characters left out (soft hyphen, zero-width spaces, BOM);
 *   - any run of white space (no-break spaces too) one space, none at either end;
 *   - the closing punctuation a paragraph takes from its place in the
 *     resolution left out: a final ";", ".", ",", ":" and "; and" / "; or"
 *     (the last paragraph ends with ".", the same one elsewhere with ";").
 * Everything else (words, digits, other punctuation) counts. The key stored
 * at index time (SLOT_SAME, P_SAME in terms.hh) is the 64-bit FNV-1a hash
 * of the normalised text in 16 hex digits. */
#ifndef RESDEX_SAMETEXT_HH
#define RESDEX_SAMETEXT_HH

#include <string>

/* The normalised text of a paragraph (see above). */
std::string same_text(const char *text);

/* Its key: 16 lower-case hex digits; "" for a text that normalises to
 * nothing (such paragraphs are never folded). */
std::string same_text_key(const char *text);

#endif
