/* sametext.hh - when two paragraphs say the same thing (private).
 *
 * Search folds hits whose texts are the same once normalised (search.cc,
 * resdex(1) "Folding"): the same paragraph carried from year to year, a
 * report's draft and the resolution adopted from it. The normalisation,
 * defined here once:
 *   - letters lower-cased (Unicode);
 *   - quotation marks of every kind (" ' ‘ ’ “ ” « » ‹ › „ ‟) left out, and
 *     "*" (a footnote mark, or the italics of a converted text);
 *   - footnote marks left out: superscript digits and letters (¹ ² ³ ⁰-ⁿ),
 *     which a text rendering may still carry where the XML has none;
 *   - invisible characters left out (soft hyphen, zero-width spaces, BOM);
 *   - hyphens and dashes of every kind (- U+2010-U+2015 U+2212) inside a word
 *     left out ("non-member" = "nonmember", whichever hyphen it was typed
 *     with: the corpus has both), and with the line break after it when a
 *     word was hyphenated across lines ("post-sen-\ntencing"); elsewhere "-";
 *   - any run of white space (no-break spaces too) one space, none at either
 *     end, before a closing mark (, ; . : ! ? ) ]) or after an opening one
 *     (( [): "corruption , and" = "corruption, and";
 *   - the closing punctuation a paragraph takes from its place in the
 *     resolution left out: a final ";", ".", ",", ":" and "; and" / "; or"
 *     (the last paragraph ends with ".", the same one elsewhere with ";").
 * Everything else (words, digits, other punctuation) counts. The same
 * definition decides that a draft's paragraph is "agreed" (resdex check):
 * similar.cc gives similarity 1 exactly to a precedent of the same key. The
 * word diff (diff.h) tokenises by rules of its own and shows what it sees
 * (a quote, the final ";" or "."), but never decides "the same". The key stored
 * at index time (SLOT_SAME, P_SAME in terms.hh) is the 64-bit FNV-1a hash
 * of the normalised text in 16 hex digits; changing the definition changes
 * the index format (terms.hh).
 *
 * Folding groups by a looser text still (loose_text: the normalised text
 * with every punctuation mark a word boundary, so "in armed conflicts,
 * trafficking" is "in armed conflicts trafficking"), and says of each
 * paragraph it folds whether its punctuation differs from the hit's. Only
 * the strict text is "the same" (check's agreed, similar's 1). Its key is
 * stored beside the strict one (SLOT_LOOSE, P_LOOSE). */
#ifndef RESDEX_SAMETEXT_HH
#define RESDEX_SAMETEXT_HH

#include <string>

/* The normalised text of a paragraph (see above). */
std::string same_text(const char *text);

/* Its key: 16 lower-case hex digits; "" for a text that normalises to
 * nothing (such paragraphs are never folded). */
std::string same_text_key(const char *text);

/* The normalised text with its punctuation left out, and its key ("" for a
 * text without words). */
std::string loose_text(const char *text);
std::string loose_text_key(const char *text);

/* Both keys of a paragraph, its text normalised once (the indexer's). */
struct TextKeys {
    std::string same, loose;
};
TextKeys text_keys(const char *text);

#endif
