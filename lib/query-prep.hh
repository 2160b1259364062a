/* query-prep.hh - the query language, shared by search and similar (private).
 *
 * One front end for every caller: the query text is scanned once (case,
 * operators and their numbers, field names, whether anything is positive),
 * the language to search is chosen, and Xapian's QueryParser builds the
 * query, with a FieldProcessor per filter of the schema (schema.hh) and a
 * RangeProcessor for year ranges. Also: decoding a matched document into a
 * hit, and retrying a read when the index is replaced under the reader. */
#ifndef RESDEX_QUERY_PREP_HH
#define RESDEX_QUERY_PREP_HH

#include "arena.h"
#include "db-private.hh"

#include <string>
#include <unordered_map>
#include <xapian.h>

/* Limits that keep a hostile query from eating the machine. */
const unsigned MAX_WILDCARD_EXPANSION = 1000;
const unsigned MAX_YEAR_SPAN = 200;
/* The largest n of NEAR/n and ADJ/n. */
const unsigned MAX_NEAR_DISTANCE = 1000;

/* A query matching every document, new each time. Not a copy of
 * Xapian::Query::MatchAll: that is one object for the whole process whose
 * reference count is not atomic, so copying it on two threads at once (two
 * resdex serve requests) is a data race that ThreadSanitizer reports. */
inline Xapian::Query
match_all()
{
    return Xapian::Query(std::string());
}

struct ParsedQuery {
    Xapian::Query query;       /* words and filters; no default filter */
    Xapian::Query phrase;      /* the words typed one after the other as a phrase, or empty */
    Xapian::Stem stem;         /* the stemmer the query was parsed with (for snippets) */
    const char *lang = "en";   /* the language searched (static storage) */
    bool lang_given = false;   /* by lang: */
    bool has_kind = false;     /* kind: is in the query */
    bool only_filters = false; /* no word to search for: filters only */
};

enum class QueryMode {
    SEARCH,  /* words, operators and filters */
    FILTERS, /* filters only (similar's filters): a word is an error */
};

/* Parse `text`. Without lang:, the language is `lang_hint` when given, else
 * the one the query is written in (its script, then which language's
 * vocabulary in x its words belong to). Throws resdex::Error (BAD_QUERY) with a message that
 * says what is wrong and where ("(at position 7)"). */
ParsedQuery parse_query(Xapian::Database &x, const std::string &text, QueryMode mode,
                        const std::string &lang_hint = std::string());

/* The language of a text from its script alone: Cyrillic is Russian,
 * Arabic script Arabic, Han Chinese; anything else English. */
const char *language_of_script(const std::string &text);

/* Give hit (the last of r) its resolution's adoption metadata, from the
 * index's store (fill_hit does it; a hit made otherwise calls it). */
void attach_adoption(resdex_db_t *db, resdex_results_t *r, resdex_hit_t *hit);
/* The slot that orders equal weights: SLOT_TIE where the index has it
 * (terms.hh), else SLOT_DATE (then document ids decide). */
Xapian::valueno tie_slot(Xapian::Database &x);

/* The context records read during one search, by their reference and the
 * resolution's key: the hits of one resolution read its context once. Owned
 * by the caller, for one revision of the index (one search). */
typedef std::unordered_map<std::string, std::string> ContextCache;

/* Decode doc's record into hit, in r's arena: CORRUPT_RECORD (with the
 * document id in the message on db) when it does not decode. */
resdex_status_t hit_read(resdex_db_t *db, resdex_results_t *r, const Xapian::Document &doc,
                         resdex_hit_t *hit, ContextCache *cache = nullptr);

/* Decode doc's record into a new hit of r. CORRUPT_RECORD (with the document
 * id in the message on db) when the record does not decode. cache: NULL, or
 * the search's. */
resdex_status_t fill_hit(resdex_db_t *db, resdex_results_t *r, const Xapian::Document &doc,
                         resdex_hit_t **out, ContextCache *cache = nullptr);

/* Decode doc's record into hit, in a (record_decode), reading from x the
 * record that holds its resolution's context when doc's does not. */
resdex_status_t record_read(const Xapian::Database &x, arena_t *a, const Xapian::Document &doc,
                            resdex_hit_t *hit, char **message, ContextCache *cache = nullptr);

#endif
