/* query-prep.hh - the query syntax shared by search and similar (private).
 *
 * The filter syntax (body:, year:2015..2023, lang:, ...), the query parser
 * set up the same way for every caller, decoding a matched document into a
 * hit, and retrying a read when the index is replaced under the reader. */
#ifndef RESDEX_QUERY_PREP_HH
#define RESDEX_QUERY_PREP_HH

#include "db-private.hh"

#include <string>
#include <xapian.h>

/* Limits that keep a hostile query from eating the machine. */
const unsigned MAX_WILDCARD_EXPANSION = 1000;
const unsigned MAX_YEAR_SPAN = 200;

/* Is `field` (lower-case) the name of a filter: body, year, symbol, ...? */
bool query_is_filter_field(const std::string &field);

struct Prepared {
    std::string text; /* the query for Xapian's parser */
    std::string lang; /* from lang:, for the stemmer */
    bool has_kind = false;
    bool plain_words = true; /* no operators, quotes, filters: eligible for the phrase boost */
    unsigned words = 0;
};

/* Rewrite the user's query for Xapian's QueryParser: lower-case the values
 * of filters (terms are lower-case), check them, and expand year ranges into
 * years (filters of one field are OR'ed by the parser). Throws a message
 * (resdex::Error, BAD_QUERY) naming the filter at fault. */
Prepared prepare(const std::string &q);

/* The language of a query without lang:, from its script: Cyrillic is
 * Russian, Arabic script Arabic, Han Chinese; anything else English. */
std::string language_of_script(const std::string &q);

/* A QueryParser over x with the stemmer, the strategy and the filter
 * prefixes every query uses. */
void configure_parser(Xapian::QueryParser &qp, Xapian::Database &x, const Xapian::Stem &stem);

extern const unsigned QP_FLAGS;

/* Decode doc's record into a new hit of r. CORRUPT_RECORD (with the document
 * id in the message on db) when the record does not decode. */
resdex_status_t fill_hit(resdex_db_t *db, resdex_results_t *r, const Xapian::Document &doc,
                         resdex_hit_t **out);

/* Retry a read once the index has been replaced under the reader. */
template <class F>
resdex_status_t
with_reopen(resdex_db_t *db, F body)
{
    for (int attempt = 0;; attempt++) {
        try {
            return body();
        } catch (const Xapian::DatabaseModifiedError &) {
            if (attempt >= 3)
                throw;
            db->db().reopen();
        }
    }
}

#endif
