/* provenance.hh - which draft became which resolution (private; see
 * provenance.cc and "Provenance" in resdex.h). */
#ifndef RESDEX_PROVENANCE_HH
#define RESDEX_PROVENANCE_HH

#include "resdex.h"

#include <string>
#include <unordered_map>
#include <vector>
#include <xapian.h>

/* Index time: the keys paragraph p of res carries (P_PROV_* in terms.hh). */
void provenance_add_terms(Xapian::Document &doc, const resdex_resolution_t *res,
                          const resdex_paragraph_t *p);

/* The links of one resolution in one language, by its resolution key
 * ("e/res/2017/19@en", SLOT_RESKEY). Symbols as printed; keys as stored. */
struct ProvLinks {
    std::string adopted_as;                   /* its draft's adopted text, when it is a draft */
    std::string adopted_as_key;               /* that one's resolution key */
    std::vector<std::string> from, from_keys; /* the drafts it was adopted from */
};
ProvLinks provenance_links(Xapian::Database &x, const std::string &reskey);

/* The links of every hit of r, kept on r (resdex_hit_adopted_as,
 * resdex_hit_from). kept: NULL, or the links already found in x, by
 * resolution key, which this adds to (query-cache.hh). Throws as Xapian
 * does. */
void provenance_fill(Xapian::Database &x, resdex_results_t *r,
                     std::unordered_map<std::string, ProvLinks> *kept = nullptr);

/* The paragraph of the resolution `reskey` whose operative text is doc's
 * (its P_PROV_TEXT key), or 0. */
Xapian::docid provenance_same_text(Xapian::Database &x, const std::string &reskey,
                                   const Xapian::Document &doc);

#endif
