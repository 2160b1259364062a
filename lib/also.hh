/* also.hh - how a folded paragraph is listed in another hit's `also`
 * (private): its id and its cite ("78/229 ¶67"), and whether it is a draft,
 * which the order of a fold needs (search.cc fold_before).
 *
 * An index made since 2026-12-03 stores the entry with every paragraph
 * (terms.hh SLOT_ALSO, RESDEX_META_ALSO), so that folding a hit reads a
 * value of each folded paragraph instead of decoding its whole record; an
 * older index has none and search decodes the records, with the same
 * result: both go through also_cite. */
#ifndef RESDEX_ALSO_HH
#define RESDEX_ALSO_HH

#include "resdex.h"

#include <string>

/* How the paragraph `par` of `res`, whose id is `id`, is cited in an
 * `also`: "78/229 ¶67", "E/2017/30 DR.B.II ¶3"; an annex paragraph as its
 * cite places it, "76/181 annex ¶36", "79/243 annex art. 2 (c)"; a draft
 * carried inside a resolution by its whole symbol, "E/RES/2021/20/DR annex
 * ¶36". The one place such a citation string is made. */
std::string also_cite(const resdex_resolution_t *res, const resdex_paragraph_t *par,
                      const char *id);

/* Is res a draft (its doc_type "draft...")? */
bool also_is_draft(const resdex_resolution_t *res);

/* SLOT_ALSO's value: "d" (a draft) or "a", the id, 0x1f, the cite. */
std::string also_value(const resdex_resolution_t *res, const resdex_paragraph_t *par,
                       const char *id);

/* One entry read back from its value. */
struct AlsoEntry {
    bool draft = false;
    std::string id;
    std::string cite;
};

/* Parse SLOT_ALSO's value; false when it is not one (empty, or not of that
 * form). */
bool also_parse(const std::string &value, AlsoEntry *out);

#endif
