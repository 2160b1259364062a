/* terms.hh - how paragraphs are laid out in the Xapian index (private).
 *
 * One Xapian document per paragraph. The document data is the paragraph's
 * record (record.h: JSON, which Xapian compresses). Filters are boolean terms, all
 * lower-case; sorting and facets use values. Words are indexed as written and,
 * when they have accents, without them too (index.cc); stems are of the words
 * without accents (stem.hh). The fields of the query language are in
 * schema.cc. Changing anything here changes the index format: bump
 * RESDEX_INDEX_FORMAT (format 2: accents folded, verb: and its facet on the
 * whole phrase; format 3: the same-text key of folding, provenance keys,
 * adoption terms, annexes, the drafts carried inside resolutions as
 * resolutions of their own, citations and lead-ins in the records; format
 * 4: the same-text key leaves out hyphens inside words and the space before
 * a closing mark, sametext.hh; format 5: a resolution's context is stored
 * in its first paragraph's record only, record.h; an older index is refused
 * with "delete it and reindex"). */
#ifndef RESDEX_TERMS_HH
#define RESDEX_TERMS_HH

#include <string>

#define RESDEX_INDEX_FORMAT "5"
/* Metadata key holding the index format. */
#define RESDEX_META_FORMAT "resdex:format"
/* Metadata key saying which word pairs (P_PAIR) the paragraphs have
 * (pairs.hh): written when an index is created empty, so an index built
 * before pairs existed never has it, and searches do without them. */
#define RESDEX_META_PAIRS "resdex:pairs"
/* Its values: every two adjacent words (indexes built before 2026-12-02; a
 * writer turns "1" into "2" on opening, since what it adds has only those),
 * two words of the built-in list (lib/common-words.h), or two words of the
 * index's own list, learnt from its corpus (RESDEX_META_PAIR_WORDS). */
#define RESDEX_PAIRS_ALL    "1"
#define RESDEX_PAIRS_COMMON "2"
#define RESDEX_PAIRS_LISTED "3"
/* Metadata key: the index's own pair words, in byte order, each ended by
 * a newline (with RESDEX_PAIRS_LISTED). */
#define RESDEX_META_PAIR_WORDS "resdex:pair-words"
/* Metadata key, "1" when every paragraph has its same-text key (P_SAME,
 * SLOT_SAME): written, like pairs, when an index is created empty; an index
 * built before folding has none and its searches do not fold. */
#define RESDEX_META_FOLD "resdex:fold"
/* Its value in an index of format 5: the loose key too (P_LOOSE,
 * SLOT_LOOSE), by which searches fold ("1", the same-text key alone, was
 * format 4's). Written, like pairs, when an index is created empty. */
#define RESDEX_FOLD_LOOSE "2"
/* Metadata key, "1" when the index holds adoption metadata (the P_ADOPTED
 * ... P_VOTED terms, SLOT_ADOPTED and the ADOPTION_KEY_PREFIX store):
 * written, like RESDEX_META_PAIRS, when an index is created empty. An index
 * built before has none; its hits say nothing of adoption, and the filters
 * adopted:, sdg:, subject:, sponsor:, voted: are refused there with
 * "reindex" (query-prep.cc) rather than finding nothing. */
#define RESDEX_META_ADOPTION "resdex:adoption"
/* The store of adoption metadata, one key per resolution and language:
 * "adoption:SYMBOL@LANG" (the file's own AKN metadata), "adoption:SYMBOL#extract"
 * (the UN's metadata extract); the value is adoption.h's JSON. And for
 * each source that wrote some, "adoption-src:<16 hex digits of the
 * source's FNV-1a>" -> the source, then the keys it wrote, one a line, so
 * that replacing or removing the source removes them. */
#define ADOPTION_KEY_PREFIX     "adoption:"
#define ADOPTION_SRC_KEY_PREFIX "adoption-src:"

/* Boolean term prefixes (query field in comments). */
#define P_UNIQUE     "Q"    /* source \x1f resolution-index \x1f paragraph-index */
#define P_SOURCE     "XSRC" /* the source file, as given to resdex_db_index_doc */
#define P_BODY       "B"    /* body:   ga ecosoc ccpcj cnd sc */
#define P_YEAR       "Y"    /* year:   2017 */
#define P_SYMBOL     "XS"   /* symbol: e/res/2017/19 and 2017/19 */
#define P_RESKEY     "XR"   /* a resolution in one language: symbol@lang */
#define P_ANCHOR     "XA"   /* the paragraph's anchor: 5, 5(a), pp3 */
#define P_KIND       "K"    /* kind:   preambular operative other */
#define P_VERBPHRASE "XW"   /* verb:   the whole phrase, "also encourages" */
#define P_TAG        "XT"   /* tag:    alternatives to punishment */
#define P_LANG       "L"    /* lang:   en fr es ru ar zh de */
#define P_CITES      "XC"   /* cites:  a/res/70/174 and 70/174 */
#define P_TITLE      "S"    /* title:  free text of the resolution's title */
#define P_PAIR       "XP"   /* (no field) two body words at adjacent positions */
#define P_SAME       "XH"   /* (no field) the same-text key (sametext.hh), to find a fold */
#define P_LOOSE      "XF"   /* (no field) the loose key (sametext.hh), to find a fold */
/* Provenance (provenance.cc; no field): a resolution's key, the hash of its
 * language, body and title, as a draft's or as an adopted text's; the hash
 * of an operative paragraph's text. */
#define P_PROV         "XL"
#define P_PROV_DRAFT   "XLD"
#define P_PROV_ADOPTED "XLA"
#define P_PROV_TEXT    "XLH"
#define P_ADOPTED      "XM" /* adopted: consensus vote */
#define P_SDG          "XG" /* sdg:     16 */
#define P_SUBJECT      "XJ" /* subject: trafficking in persons (schema_fold_name) */
#define P_SPONSOR      "XO" /* sponsor: japan (sponsors and additional sponsors, folded) */
#define P_VOTED        "XV" /* voted:   japan=against (in_favour against abstaining) */
/* One resolution per symbol and language (copies.cc; no field): a
 * paragraph's resolution as held by its source, key_term(P_COPY,
 * "SYMBOL@lang\x1fsource") with the symbol as printed; and the mark of a
 * shadowed paragraph, whose document then holds only P_DORMANT, its P_COPY
 * and P_SOURCE terms and SLOT_SOURCE, its data the whole paragraph's
 * document serialised (Xapian::Document::serialise), put back when it is
 * searched again. An index built before has no P_COPY terms: nothing is
 * shadowed there until it is rebuilt. */
#define P_COPY "XK"
/* The synonym pairs each source taught (index.cc): "synonym-src:<16 hex
 * digits of the source's FNV-1a>" -> the source, then "KEY\x1fVALUE" a line.
 * A pair leaves the synonym table when no paragraph has its P_SYNONYM term
 * (below) any more. */
#define SYNONYM_SRC_KEY_PREFIX "synonym-src:"
#define P_DORMANT              "XZ"

/* Does term t carry a prefix (the boolean terms, the stems, the title's
 * terms: upper-case letters, above)? The empty term counts as one: no
 * body word. The body words are the terms without. */
inline bool
prefixed_term(const std::string &t)
{
    return t.empty() || (t[0] >= 'A' && t[0] <= 'Z');
}

/* prefix + a + sep + b, empty when it would pass Xapian's limit of 245
 * bytes for a term (such a term is not indexed). */
inline std::string
joined_term(const std::string &prefix, const std::string &a, char sep, const std::string &b)
{
    if (prefix.size() + a.size() + 1 + b.size() > 245)
        return std::string();
    return prefix + a + sep + b;
}
/* The term of the body words a and b standing one after the other ("XPa b":
 * the TermGenerator never puts a space in a term). Phrase queries use them
 * as a cheap filter (search.cc). */
inline std::string
pair_term(const std::string &a, const std::string &b)
{
    return joined_term(P_PAIR, a, ' ', b);
}
/* A synonym pair a paragraph defines (synonyms.hh), as a term of that
 * paragraph: "XY" + key + "\x1f" + synonym. The query side reads the
 * pairs from these terms, which every backend lists (allterms), where the
 * remote backend of Xapian 1.4 lists no synonyms at all (shards.cc); empty
 * when it would pass Xapian's 245 bytes (such a pair is not used). */
#define P_SYNONYM "XY"
inline std::string
synonym_term(const std::string &key, const std::string &synonym)
{
    return joined_term(P_SYNONYM, key, '\x1f', synonym);
}
/* Metadata key, "1" when every paragraph has its P_SYNONYM terms: written,
 * like RESDEX_META_PAIRS, when an index is created empty; an index built
 * before reads Xapian's synonym table. */
#define RESDEX_META_SYNONYM_TERMS "resdex:synonym-terms"

/* Value slots. */
#define SLOT_DATE   0 /* "YYYYMMDD" (missing parts as 00) */
#define SLOT_YEAR   1 /* "2017" */
#define SLOT_BODY   2 /* "ECOSOC" */
#define SLOT_VERB   3 /* the verb phrase as printed, with a capital: "Calls upon" */
#define SLOT_ORDER  4 /* sortable_serialise(resolution * 100000 + paragraph) */
#define SLOT_RESKEY 5 /* symbol@lang: collapse key to group hits by resolution */
#define SLOT_SAME   6 /* the same-text key (sametext.hh): collapse key to fold repeats */
/* "consensus", "vote"; empty when unknown. What resdex check and folding
 * read to prefer consensus texts as precedent without decoding records. */
#define SLOT_ADOPTED 7
/* The paragraph's source, as given to resdex_db_index_doc (copies.cc). */
#define SLOT_SOURCE 8
/* The loose key (sametext.hh): the collapse key of folding where
 * RESDEX_META_FOLD is RESDEX_FOLD_LOOSE. */
#define SLOT_LOOSE 9

/* A term that names one thing (a source file, a paragraph), never cut into
 * another's: index.cc. */
std::string key_term(const char *prefix, const std::string &value);

/* The stable key that breaks ties of relevance (tie_key() in index.cc): the
 * date as in SLOT_DATE padded to 8 digits, then the resolution key, the paragraph's place and
 * the source, each byte complemented and ended by 0xff, so that Xapian's
 * descending sort on it reads newest first, then resolution key, place and
 * source ascending. Unique per paragraph, it makes the order of equal
 * weights the same in one index and over shards, where document ids differ
 * (shards.cc). Slot 20 stays clear of the slots above. */
#define SLOT_TIE 20
/* Metadata key, "1" when every paragraph has SLOT_TIE: written, like
 * RESDEX_META_PAIRS, when an index is created empty; an index built before
 * breaks ties by date, then document id. */
#define RESDEX_META_TIE "resdex:tie"

/* How the paragraph is listed in another hit's `also` when folded into it
 * (also.hh also_value: a draft or not, its id, its cite), so that folding
 * reads this value, not each folded paragraph's record. */
#define SLOT_ALSO 21
/* Metadata key, "1" when every paragraph has SLOT_ALSO: written, like
 * RESDEX_META_PAIRS, when an index is created empty; in an index built
 * before, folding decodes the records (the same hits). */
#define RESDEX_META_ALSO "resdex:also"

#endif
