/* search.cc - queries: ranking, snippets, result pages (the filter syntax is
 * in query-prep.cc, shared with similar). */
#include "db-private.hh"
#include "query-prep.hh"
#include "record.h"
#include "results.h"
#include "stem.hh"
#include "stopwords.hh"
#include "terms.hh"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>
#include <vector>

namespace
{

const unsigned MAX_LIMIT = 100000;

/* A fixed, sorted set of documents as a posting list (a filter). */
class DocidSource : public Xapian::PostingSource
{
    std::vector<Xapian::docid> ids;
    size_t pos = 0;
    bool started = false;

  public:
    explicit DocidSource(std::vector<Xapian::docid> v) : ids(std::move(v))
    {
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    }
    Xapian::doccount get_termfreq_min() const override
    {
        return static_cast<Xapian::doccount>(ids.size());
    }
    Xapian::doccount get_termfreq_est() const override
    {
        return static_cast<Xapian::doccount>(ids.size());
    }
    Xapian::doccount get_termfreq_max() const override
    {
        return static_cast<Xapian::doccount>(ids.size());
    }
    void init(const Xapian::Database &) override
    {
        pos = 0;
        started = false;
    }
    void next(double) override
    {
        if (started)
            pos++;
        started = true;
    }
    void skip_to(Xapian::docid did, double) override
    {
        started = true;
        pos = static_cast<size_t>(
            std::lower_bound(ids.begin() + static_cast<long>(pos), ids.end(), did) - ids.begin());
    }
    bool at_end() const override
    {
        return pos >= ids.size();
    }
    Xapian::docid get_docid() const override
    {
        return ids[pos];
    }
};

/* Xapian highlights each matched term on its own; show a matched phrase as
 * one run by joining highlights separated only by spaces. A run that is
 * only a stopword ("to", matched as part of a phrase elsewhere) is not
 * highlighted. */
std::string
join_highlights(const std::string &s, const std::string &hs, const std::string &he,
                const char *lang)
{
    std::string sep = he + " " + hs;
    std::string joined;
    size_t pos = 0;
    for (;;) {
        size_t k = s.find(sep, pos);
        if (k == std::string::npos) {
            joined.append(s, pos, std::string::npos);
            break;
        }
        joined.append(s, pos, k - pos);
        joined += ' ';
        pos = k + sep.size();
    }
    std::string out;
    pos = 0;
    for (;;) {
        size_t a = joined.find(hs, pos);
        size_t b = a == std::string::npos ? a : joined.find(he, a + hs.size());
        if (b == std::string::npos) {
            out.append(joined, pos, std::string::npos);
            return out;
        }
        std::string run = joined.substr(a + hs.size(), b - a - hs.size());
        out.append(joined, pos, a - pos);
        if (run.find(' ') == std::string::npos && is_stopword(lang, run))
            out += run;
        else
            out.append(joined, a, b + he.size() - a);
        pos = b + he.size();
    }
}

/* Xapian ends a snippet with "…" where it leaves out the paragraph's last
 * words, but also where it only drops closing punctuation ("sanctions;" ->
 * "sanctions…"): give a snippet that reaches the end its real ending back. */
std::string
restore_ending(const std::string &snip, const std::string &text, const std::string &hs,
               const std::string &he)
{
    static const std::string ell = "…";
    if (snip.size() < ell.size() || snip.compare(snip.size() - ell.size(), ell.size(), ell) != 0)
        return snip;
    std::string plain;
    for (size_t i = 0; i < snip.size();) {
        if (snip.compare(i, hs.size(), hs) == 0) {
            i += hs.size();
        } else if (snip.compare(i, he.size(), he) == 0) {
            i += he.size();
        } else {
            plain += snip[i++];
        }
    }
    plain.erase(plain.size() - ell.size());
    bool lead = plain.compare(0, ell.size(), ell) == 0;
    if (lead)
        plain.erase(0, ell.size());
    if (plain.empty())
        return snip;
    size_t at = lead ? text.rfind(plain)
                     : (text.compare(0, plain.size(), plain) == 0 ? 0 : std::string::npos);
    if (at == std::string::npos)
        return snip;
    std::string tail = text.substr(at + plain.size());
    for (unsigned char c : tail)
        if (std::isalnum(c) || c >= 0x80)
            return snip; /* words were left out: the "…" says so */
    return snip.substr(0, snip.size() - ell.size()) + tail;
}

/* The first `bytes` bytes of text, cut after a word, with "…" when words
 * were left out: the snippet of a search that has no word to show. */
std::string
opening(const std::string &text, size_t bytes)
{
    if (text.size() <= bytes)
        return text;
    size_t cut = text.rfind(' ', bytes);
    if (cut == std::string::npos || cut == 0) {
        cut = bytes;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
            cut--;
    }
    return text.substr(0, cut) + "…";
}

/* The word pairs (P_PAIR) a phrase of single words needs, ANDed: every
 * paragraph that has the phrase has them, and they are far rarer than its
 * words. Empty when the phrase is anything else (a lone word, a nested
 * query, prefixed terms): it is then used as it is. */
Xapian::Query
phrase_pairs(const Xapian::Query &phrase)
{
    if (phrase.get_type() != Xapian::Query::OP_PHRASE)
        return Xapian::Query();
    std::vector<std::string> words;
    for (size_t i = 0; i < phrase.get_num_subqueries(); i++) {
        Xapian::Query sub = phrase.get_subquery(i);
        if (sub.get_type() != Xapian::Query::LEAF_TERM)
            return Xapian::Query();
        std::string t = *sub.get_terms_begin();
        if (t.empty() || (t[0] >= 'A' && t[0] <= 'Z'))
            return Xapian::Query();
        words.push_back(t);
    }
    std::vector<Xapian::Query> pairs;
    for (size_t i = 0; i + 1 < words.size(); i++) {
        std::string t = pair_term(words[i], words[i + 1]);
        if (!t.empty())
            pairs.emplace_back(t);
    }
    if (pairs.empty())
        return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_AND, pairs.begin(), pairs.end());
}

resdex_status_t
run_search(resdex_db_t *db, const resdex_search_options_t *o, resdex_results_t *r)
{
    Xapian::Database &x = db->db();
    std::string qtext = o->query ? o->query : "";
    if (qtext.size() > RESDEX_MAX_QUERY_BYTES)
        return db_fail(db, RESDEX_STATUS_BAD_QUERY,
                       "query is " + std::to_string(qtext.size()) + " bytes; the limit is " +
                           std::to_string(RESDEX_MAX_QUERY_BYTES));
    ParsedQuery pq = parse_query(x, qtext, QueryMode::SEARCH);
    results_set_lang(r, pq.lang);
    const char *lang = pq.lang;
    Xapian::Query query = pq.query, phrase = pq.phrase;
    /* A filter that every paragraph passes (the language in an index of one
     * language, as most are) is left out: Xapian would still walk its
     * posting list, 13% of the CPU time of one-word queries at 200k
     * paragraphs (bench/RESULTS.md). Hits, scores and totals are the same. */
    Xapian::doccount ndocs = x.get_doccount();
    std::vector<std::string> filters;
    if (!pq.lang_given)
        filters.push_back(std::string(P_LANG) + lang);
    if (!o->all_kinds && !pq.has_kind)
        filters.push_back(std::string(P_KIND) + "operative");
    filters.erase(std::remove_if(filters.begin(), filters.end(),
                                 [&](const std::string &t) { return x.get_termfreq(t) == ndocs; }),
                  filters.end());
    auto filtered = [&](Xapian::Query q) {
        for (const std::string &t : filters)
            q = Xapian::Query(Xapian::Query::OP_FILTER, q, Xapian::Query(t));
        return q;
    };
    Xapian::Query words_query = query;
    Xapian::Query plain = filtered(query);
    if (!phrase.empty())
        query = filtered(Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, phrase));
    else
        query = plain;

    Xapian::Enquire enquire(x);
    enquire.set_query(query);
    if (o->sort == RESDEX_SORT_DATE)
        enquire.set_sort_by_value_then_relevance(SLOT_DATE, true);
    else
        enquire.set_sort_by_relevance_then_value(SLOT_DATE, true);

    if (o->group_by_resolution)
        enquire.set_collapse_key(SLOT_RESKEY);
    Xapian::ValueCountMatchSpy body_spy(SLOT_BODY), year_spy(SLOT_YEAR), verb_spy(SLOT_VERB);
    if (o->facets) {
        enquire.add_matchspy(&body_spy);
        enquire.add_matchspy(&year_spy);
        enquire.add_matchspy(&verb_spy);
    }
    unsigned limit = std::min(o->limit, MAX_LIMIT);
    /* Counting every match makes a search 1.5-2x slower at 200k paragraphs
     * (bench/RESULTS.md): done when asked, for a count alone and for facets;
     * otherwise the total is exact only when Xapian saw every match. */
    Xapian::doccount check =
        o->facets || limit == 0 || o->exact_total ? ndocs : std::max(limit + o->offset, 100u);
    Xapian::MSet mset;
    if (!phrase.empty() && !o->facets && !o->group_by_resolution && limit > 0 &&
        o->sort == RESDEX_SORT_RELEVANCE) {
        /* The phrase boost (words typed one after the other rank first where they
         * stand as a phrase) as one Xapian query, OP_AND_MAYBE(words, phrase), cost
         * 5-10x the words alone when they are common (13 ms against 1.5 ms for
         * "supports crimes" on 50k paragraphs, bench/RESULTS.md), though the words
         * and the phrase each take little. So, when ranking by relevance, the first
         * offset + limit hits are found in three cheap steps, with the same weights
         * and order: the first hits of the words alone, the first hits of words AND
         * phrase (the paragraphs the boost lifts, by their boosted weight), and the
         * boosted query among those two sets only. A hit of the boosted ranking is
         * in one of the two sets: if it has the phrase, among the best of those
         * that have it; if not, its weight is that of the words alone, and fewer
         * than offset + limit paragraphs outweigh it there. */
        Xapian::doccount k = o->offset + limit;
        std::vector<Xapian::docid> ids;
        Xapian::Enquire words(x);
        words.set_query(plain);
        words.set_sort_by_relevance_then_value(SLOT_DATE, true);
        Xapian::MSet m = words.get_mset(0, k, check);
        for (auto it = m.begin(); it != m.end(); ++it)
            ids.push_back(*it);
        Xapian::Enquire lifted(x);
        /* Finding the paragraphs that have the phrase meant intersecting the
         * long posting lists of its words (most of the search's time on two
         * common words); the word pairs, when the index has them, make that
         * a short intersection. A filter adds no weight: the same scores. */
        Xapian::Query has_phrase = phrase;
        if (x.get_metadata(RESDEX_META_PAIRS) == "1") {
            Xapian::Query pairs = phrase_pairs(phrase);
            if (!pairs.empty())
                has_phrase = Xapian::Query(Xapian::Query::OP_FILTER, phrase, pairs);
        }
        lifted.set_query(filtered(Xapian::Query(Xapian::Query::OP_AND, words_query, has_phrase)));
        lifted.set_sort_by_relevance_then_value(SLOT_DATE, true);
        Xapian::MSet ml = lifted.get_mset(0, k);
        for (auto it = ml.begin(); it != ml.end(); ++it)
            ids.push_back(*it);
        enquire.set_query(
            Xapian::Query(Xapian::Query::OP_FILTER, query,
                          Xapian::Query((new DocidSource(std::move(ids)))->release())));
        mset = enquire.get_mset(o->offset, limit);
        results_set_total(r, m.get_matches_estimated());
        results_set_total_estimated(r, m.get_matches_lower_bound() != m.get_matches_upper_bound());
    } else {
        mset = enquire.get_mset(o->offset, limit, check);
        results_set_total(r, mset.get_matches_estimated());
        results_set_total_estimated(r, mset.get_matches_lower_bound() !=
                                           mset.get_matches_upper_bound());
    }
    if (o->facets) {
        struct {
            const char *name;
            Xapian::ValueCountMatchSpy *spy;
        } spies[] = {{"body", &body_spy}, {"year", &year_spy}, {"verb", &verb_spy}};
        for (auto &s : spies)
            for (auto it = s.spy->top_values_begin(1000); it != s.spy->top_values_end(1000); ++it)
                if (results_add_facet(r, s.name, (*it).c_str(), it.get_termfreq()) != 0)
                    resdex::out_of_memory("counting facets");
    }
    std::string hs = o->hl_start ? o->hl_start : "[";
    std::string he = o->hl_end ? o->hl_end : "]";
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        resdex_hit_t *hit = nullptr;
        resdex_status_t st = fill_hit(db, r, it.get_document(), &hit);
        if (st != RESDEX_STATUS_SUCCESS)
            return st;
        hit->rank = o->offset + it.get_rank() - mset.get_firstitem() + 1;
        hit->score = it.get_weight();
        if (o->snippets) {
            /* No SNIPPET_BACKGROUND_MODEL: it looks up the frequency of
             * every word of the paragraph in the index (a B-tree read each),
             * which was 40% of a search's time (bench/RESULTS.md); the
             * window is still chosen by the query's matched terms. */
            size_t bytes = o->snippet_bytes ? o->snippet_bytes : 300;
            std::string snip = pq.only_filters ? opening(hit->paragraph->text, bytes)
                                               : mset.snippet(hit->paragraph->text, bytes, pq.stem,
                                                              0, hs, he, "…");
            snip =
                restore_ending(join_highlights(snip, hs, he, lang), hit->paragraph->text, hs, he);
            hit->snippet = arena_strdup(results_arena(r), snip.c_str());
        }
    }
    return RESDEX_STATUS_SUCCESS;
}

} // namespace

extern "C" resdex_status_t
resdex_db_search(resdex_db_t *db, const resdex_search_options_t *options,
                 resdex_results_t **results)
{
    resdex_results_t *r = nullptr;
    resdex_status_t st = guarded(db, [&] {
        if (results)
            *results = nullptr;
        if (!db || !options || !results)
            return RESDEX_STATUS_BAD_ARGUMENT;
        return with_reopen(db, [&] {
            resdex_results_destroy(r);
            r = results_new();
            if (!r)
                resdex::out_of_memory("making the results");
            return run_search(db, options, r);
        });
    });
    if (st != RESDEX_STATUS_SUCCESS) {
        resdex_results_destroy(r);
        return st;
    }
    *results = r;
    return st;
}

extern "C" resdex_status_t
resdex_db_find_resolution(resdex_db_t *db, const char *symbol, const char *lang,
                          resdex_results_t **results)
{
    resdex_results_t *r = nullptr;
    resdex_status_t st = guarded(db, [&] {
        if (results)
            *results = nullptr;
        if (!db || !symbol || !*symbol || !results)
            return RESDEX_STATUS_BAD_ARGUMENT;
        return with_reopen(db, [&]() -> resdex_status_t {
            resdex_results_destroy(r);
            r = results_new();
            if (!r)
                resdex::out_of_memory("making the results");
            Xapian::Database &x = db->db();
            std::string sym = Xapian::Unicode::tolower(symbol);
            Xapian::Query q(std::string(P_SYMBOL) + sym);
            /* Which language: the one asked for, else English, else the
             * first indexed. */
            std::string want = lang && *lang ? Xapian::Unicode::tolower(lang) : "";
            if (want.empty()) {
                Xapian::Enquire probe(x);
                probe.set_query(Xapian::Query(Xapian::Query::OP_FILTER, q,
                                              Xapian::Query(std::string(P_LANG) + "en")));
                if (!probe.get_mset(0, 1).empty()) {
                    want = "en";
                } else {
                    Xapian::Enquire any(x);
                    any.set_query(q);
                    Xapian::MSet m = any.get_mset(0, 1);
                    if (m.empty())
                        return db_fail(db, RESDEX_STATUS_NOT_FOUND,
                                       std::string("no resolution ") + symbol + " in the index");
                    want = m.begin().get_document().get_value(SLOT_RESKEY);
                    want = want.substr(want.rfind('@') + 1);
                }
            }
            q = Xapian::Query(Xapian::Query::OP_FILTER, q,
                              Xapian::Query(std::string(P_LANG) + want));
            Xapian::Enquire enquire(x);
            enquire.set_query(q);
            enquire.set_weighting_scheme(Xapian::BoolWeight());
            enquire.set_sort_by_value(SLOT_ORDER, false);
            Xapian::MSet mset = enquire.get_mset(0, x.get_doccount());
            if (mset.empty())
                return db_fail(db, RESDEX_STATUS_NOT_FOUND,
                               std::string("no resolution ") + symbol + " in language " + want);
            /* Several resolutions can answer to one number (E/RES/2017/19
             * and a report's draft): keep the first one's paragraphs. */
            std::string first_key = mset.begin().get_document().get_value(SLOT_RESKEY);
            results_set_total(r, 0);
            uint64_t n = 0;
            for (auto it = mset.begin(); it != mset.end(); ++it) {
                Xapian::Document d = it.get_document();
                if (d.get_value(SLOT_RESKEY) != first_key)
                    continue;
                resdex_hit_t *hit = nullptr;
                resdex_status_t s = fill_hit(db, r, d, &hit);
                if (s != RESDEX_STATUS_SUCCESS)
                    return s;
                hit->rank = static_cast<unsigned>(++n);
            }
            results_set_total(r, n);
            return RESDEX_STATUS_SUCCESS;
        });
    });
    if (st != RESDEX_STATUS_SUCCESS) {
        resdex_results_destroy(r);
        return st;
    }
    *results = r;
    return st;
}
