/* similar.cc - the precedent finder: resdex_db_similar and resdex_db_lineage.
 *
 * Two steps. The candidate step asks Xapian for the paragraphs that share the
 * most telling terms of the input (OP_ELITE_SET over the terms the indexer
 * would give the input, weighted by BM25), under the same filters as search.
 * The exact step re-scores those candidates word by word (diff.c) and keeps
 * the best: a near-duplicate shares almost every word in the same order,
 * which keyword relevance alone does not reward. */
#include "db-private.hh"
#include "diff.h"
#include "provenance.hh"
#include "query-cache.hh"
#include "query-prep.hh"
#include "record.h"
#include "results.h"
#include "sametext.hh"
#include "similar.h"
#include "stem.hh"
#include "stopwords.hh"
#include "terms.hh"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace
{

similar_tuning_t tuning = {12, 20, 0.5, 0, 0, 20};

const unsigned DEFAULT_LIMIT = 10;
const unsigned MAX_LIMIT = 1000;
/* Lineage: each step keeps at least this much of the wording, and goes at
 * most this far back. */
const double LINEAGE_MIN = 0.5;
const unsigned LINEAGE_MAX_STEPS = 100;
/* A hit that holds the whole input ranks as similarity 0.9: above the
 * threshold, below a near-duplicate of the whole paragraph (a paragraph
 * edited in two places still holds 97% of the input, and should not pass
 * one edited in one). */
const double CONTAINMENT_WEIGHT = 0.9;
/* Containment is trusted in full from this many words of input on, in
 * proportion below: "Encourages Member States to act" is held, but for four
 * of its five words, by any paragraph that encourages States. */
const double FRAGMENT_WORDS = 12.0;

struct TextFree {
    void operator()(diff_text_t *t) const
    {
        diff_text_free(t);
    }
};
using TextPtr = std::unique_ptr<diff_text_t, TextFree>;

struct ResultsFree {
    void operator()(resdex_results_t *r) const
    {
        resdex_results_destroy(r);
    }
};
using ResultsPtr = std::unique_ptr<resdex_results_t, ResultsFree>;

/* The input of a search for precedents. */
struct Input {
    std::string text;
    std::string lang;
    std::string exclude_symbol, exclude_anchor; /* empty: exclude nothing */
    TextPtr tokens;
    std::string same; /* its same-text key (sametext.hh): folding's */
};

struct Candidate {
    Xapian::Document doc;
    double weight = 0;
    diff_stats_t stats{};
    double similarity = 0;
    double match = 0; /* ranked by: the greater of similarity and containment */
    bool draft = false;
    std::string id;
    std::string date;   /* SLOT_DATE */
    std::string symbol; /* lower-case */
};

/* "E/RES/2021/23#5" -> ("E/RES/2021/23", "5"); false without a '#'. */
bool
split_id(const std::string &id, std::string &symbol, std::string &anchor)
{
    size_t hash = id.rfind('#');
    if (hash == std::string::npos || hash == 0 || hash + 1 == id.size())
        return false;
    symbol = id.substr(0, hash);
    anchor = id.substr(hash + 1);
    return true;
}

/* The filters as a boolean query (every document when there are none); lang:, if
 * given, goes to `lang`. Anything that is not a filter is a BAD_QUERY. The
 * search's parser reads them (query-prep.cc). */
resdex_status_t
parse_filters(resdex_db_t *db, const char *filters, Xapian::Query &out, std::string &lang)
{
    out = match_all();
    std::string f = filters ? filters : "";
    if (f.size() > RESDEX_MAX_QUERY_BYTES)
        return db_fail(db, RESDEX_STATUS_BAD_QUERY, "filters are too long");
    ParsedQuery pq = parse_query(db->db(), f, QueryMode::FILTERS);
    if (!pq.query.empty())
        out = pq.query;
    if (pq.lang_given)
        lang = pq.lang;
    return RESDEX_STATUS_SUCCESS;
}

/* The indexed paragraph `id` (symbol or number, '#', anchor), in `lang` when
 * given, else English when indexed, else any. */
resdex_status_t
find_paragraph(resdex_db_t *db, const std::string &id, const std::string &lang,
               Xapian::Document &out)
{
    std::string symbol, anchor;
    if (!split_id(id, symbol, anchor))
        return db_fail(db, RESDEX_STATUS_BAD_ARGUMENT,
                       "'" + id +
                           "' is not a paragraph id: use SYMBOL#ANCHOR, e.g. "
                           "E/RES/2017/19#1");
    Xapian::Query q(Xapian::Query::OP_AND,
                    Xapian::Query(std::string(P_SYMBOL) + Xapian::Unicode::tolower(symbol)),
                    Xapian::Query(std::string(P_ANCHOR) + anchor));
    Xapian::Enquire enquire(db->db());
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    std::vector<std::string> langs{lang};
    if (lang.empty())
        langs = {"en", ""};
    for (const std::string &l : langs) {
        enquire.set_query(l.empty() ? q
                                    : Xapian::Query(Xapian::Query::OP_FILTER, q,
                                                    Xapian::Query(std::string(P_LANG) + l)));
        Xapian::MSet m = enquire.get_mset(0, 1);
        if (!m.empty()) {
            out = m.begin().get_document();
            return RESDEX_STATUS_SUCCESS;
        }
    }
    return db_fail(db, RESDEX_STATUS_NOT_FOUND,
                   "no paragraph " + id + " in the index" +
                       (lang.empty() ? std::string() : " in language " + lang));
}

/* Decode a document's record into the scratch results. */
resdex_status_t
decode(resdex_db_t *db, resdex_results_t *scratch, const Xapian::Document &doc,
       const resdex_hit_t **hit)
{
    resdex_hit_t *h = nullptr;
    resdex_status_t st = fill_hit(db, scratch, doc, &h);
    *hit = h;
    return st;
}

resdex_status_t
set_input_text(resdex_db_t *db, Input &in, const std::string &text)
{
    if (text.size() > RESDEX_MAX_SIMILAR_BYTES)
        return db_fail(db, RESDEX_STATUS_TOO_LARGE,
                       "the text is " + std::to_string(text.size()) + " bytes; the limit is " +
                           std::to_string(RESDEX_MAX_SIMILAR_BYTES) +
                           " (one paragraph, not a document)");
    in.text = text;
    in.same = same_text_key(text.c_str());
    in.tokens.reset(diff_text_new(text.data(), text.size()));
    if (!in.tokens)
        resdex::out_of_memory("reading the words of a text");
    if (diff_text_words(in.tokens.get()) == 0)
        return db_fail(db, RESDEX_STATUS_BAD_QUERY,
                       text.find_first_not_of(" \t\r\n\f\v") == std::string::npos
                           ? "empty text: nothing to find precedents of"
                           : "the text has no words to find precedents of");
    return RESDEX_STATUS_SUCCESS;
}

/* The candidate query: the input's terms as the indexer would make them,
 * the most telling kept. */
Xapian::Query
candidate_query(resdex_db_t *db, const Input &in, unsigned elite)
{
    Xapian::Document scratch;
    Xapian::TermGenerator tg;
    tg.set_stemmer(lang_stemmer(in.lang.c_str()));
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    tg.set_flags(lang_is_cjk(in.lang.c_str()) ? Xapian::TermGenerator::FLAG_CJK_NGRAM : 0);
    /* Stopwords tell nothing of a paragraph, and their posting lists are
     * the longest: a short text made mostly of them cost 70 ms at 200k
     * paragraphs (bench/RESULTS.md). The exact step still compares every
     * word. A text of stopwords alone keeps them. */
    const Xapian::Stopper *stopper =
        tuning.keep_stopwords ? nullptr : lang_stopper(in.lang.c_str());
    std::string prepared = prepare_text(in.text, in.lang.c_str());
    if (stopper) {
        tg.set_stopper(stopper);
        tg.set_stopper_strategy(Xapian::TermGenerator::STOP_ALL);
    }
    tg.set_document(scratch);
    tg.index_text(prepared);
    if (stopper && scratch.termlist_count() == 0) {
        tg.set_stopper(nullptr);
        tg.set_document(scratch);
        tg.index_text(prepared);
    }
    /* Every term the indexer would give the text: the words as written and
     * their stems (measured: keeping only one form lost recall and saved no
     * time; bench/RESULTS-similar.md). With plain_terms, the stems are left
     * out unless the text has nothing else. */
    std::vector<Xapian::Query> terms, stems;
    for (auto it = scratch.termlist_begin(); it != scratch.termlist_end(); ++it) {
        const std::string &t = *it;
        if (tuning.plain_terms && !t.empty() && t[0] == 'Z')
            stems.emplace_back(t, it.get_wdf());
        else
            terms.emplace_back(t, it.get_wdf());
    }
    if (terms.empty())
        terms.swap(stems);
    if (terms.empty())
        return Xapian::Query();
    if (elite == 0 || terms.size() <= elite)
        return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
    {
        /* Not OP_ELITE_SET: Xapian chooses it in each shard apart, from the
         * shard's own statistics (shards.cc). The terms are chosen here,
         * from the statistics of the whole index or of all its shards, as
         * OP_ELITE_SET ranks them (the query's wdf times the idf), ties by
         * term: the same candidates over shards as in one index. */
        Xapian::Database &x = db->db();
        double n = std::max(1.0, static_cast<double>(x.get_doccount()));
        std::vector<std::pair<double, std::string>> ranked, unknown;
        std::map<std::string, Xapian::Query> by_term;
        std::map<std::string, Xapian::termcount> wdf;
        for (auto it = scratch.termlist_begin(); it != scratch.termlist_end(); ++it)
            wdf[*it] = it.get_wdf();
        for (const Xapian::Query &t : terms) {
            std::string term = *t.get_terms_begin();
            double df = static_cast<double>(x.get_termfreq(term));
            /* A word no paragraph has matches nothing: it comes after
             * every word some paragraph has (OP_ELITE_SET gives it no
             * weight either), kept only for a text of such words. */
            if (df == 0) {
                unknown.emplace_back(0.0, term);
                by_term.emplace(term, t);
                continue;
            }
            double idf = std::log((n - df + 0.5) / (df + 0.5));
            ranked.emplace_back(-idf * std::max<Xapian::termcount>(1, wdf[term]), term);
            by_term.emplace(term, t);
        }
        std::sort(ranked.begin(), ranked.end());
        std::sort(unknown.begin(), unknown.end());
        ranked.insert(ranked.end(), unknown.begin(), unknown.end());
        std::vector<Xapian::Query> kept;
        for (size_t i = 0; i < elite && i < ranked.size(); i++)
            kept.push_back(by_term.at(ranked[i].second));
        return Xapian::Query(Xapian::Query::OP_OR, kept.begin(), kept.end());
    }
}

bool
better(const Candidate &a, const Candidate &b)
{
    if (a.stats.exact != b.stats.exact)
        return a.stats.exact > b.stats.exact;
    if (a.match != b.match)
        return a.match > b.match;
    if (a.similarity != b.similarity)
        return a.similarity > b.similarity;
    if (a.draft != b.draft)
        return !a.draft; /* adopted language before drafts carried in reports */
    if (a.date != b.date)
        return a.date > b.date; /* the most recent precedent */
    /* Weights over shards can differ from one index's in their last bits
     * (Xapian sums the shards' statistics in floating point): equal to 1e-9
     * are equal, and the stable key (terms.hh) decides, not the order of
     * document ids, which differs between one index and shards of it. */
    if (std::fabs(a.weight - b.weight) > 1e-9 * std::max(std::fabs(a.weight), std::fabs(b.weight)))
        return a.weight > b.weight;
    return a.doc.get_value(SLOT_TIE) > b.doc.get_value(SLOT_TIE);
}

/* How candidates are kept and ranked. */
struct Ranking {
    unsigned want;       /* at most this many */
    double min_sim;      /* kept at or above */
    bool contain;        /* containment counts (similar), or similarity alone (lineage) */
    bool narrowed;       /* restrict_to does more than pick the language */
    uint64_t *kept;      /* NULL, or gets how many candidates may reach min_sim */
    Candidate *rejected; /* NULL, or gets the closest below min_sim when none reaches it */
};

/* Is the candidate the input's text, as folding decides it (the same-text
 * key stored at index time against the input's)? */
bool
same_as_input(const Xapian::Document &doc, const Input &in)
{
    return !in.same.empty() && doc.get_value(SLOT_SAME) == in.same;
}

/* The exact re-score of one candidate against the input. Similarity 1 is
 * the same text as folding has it (sametext.hh), and nothing else: the
 * diff's own equality of tokens is not asked (it takes "non-member" typed
 * with two kinds of hyphen as one, but not a final ";" and "."). */
void
score(Candidate &c, const diff_text_t *hit, const Input &in, bool contain)
{
    if (diff_compare(hit, in.tokens.get(), nullptr, nullptr, nullptr, &c.stats) != 0)
        resdex::out_of_memory("comparing the texts");
    c.stats.exact = same_as_input(c.doc, in);
    c.similarity = diff_similarity(&c.stats, tuning.sequence_weight);
    double words = static_cast<double>(diff_text_words(in.tokens.get()));
    double trust = std::min(1.0, words / FRAGMENT_WORDS);
    c.match = contain ? std::max(c.similarity, CONTAINMENT_WEIGHT * trust * c.stats.containment)
                      : c.similarity;
}

/* The candidate step and the exact re-score: every candidate at or above
 * rk.min_sim, best first, at most rk.want. `restrict_to` narrows the
 * candidates (filters, dates); exclusions of the input itself are applied
 * here. */
resdex_status_t
rank_candidates(resdex_db_t *db, const Input &in, const Xapian::Query &restrict_to,
                const Ranking &rk, std::vector<Candidate> &out)
{
    const unsigned want = rk.want;
    const double min_sim = rk.min_sim;
    const bool narrowed = rk.narrowed;
    out.clear();
    /* The elite set is chosen over the whole index: under a filter the
     * terms a paragraph shares with the few candidates left may not be
     * among the index's most telling, so more terms are kept (a filtered
     * query is cheaper anyway: Xapian skips to the filtered paragraphs). */
    Xapian::Query q =
        candidate_query(db, in, narrowed ? tuning.elite_terms_narrowed : tuning.elite_terms);
    if (q.empty())
        return db_fail(db, RESDEX_STATUS_BAD_QUERY, "the text has no words to search by");
    q = Xapian::Query(Xapian::Query::OP_FILTER, q, restrict_to);
    if (!in.exclude_symbol.empty())
        q = Xapian::Query(Xapian::Query::OP_AND_NOT, q,
                          Xapian::Query(Xapian::Query::OP_AND,
                                        Xapian::Query(std::string(P_SYMBOL) +
                                                      Xapian::Unicode::tolower(in.exclude_symbol)),
                                        Xapian::Query(std::string(P_ANCHOR) + in.exclude_anchor)));
    Xapian::Enquire enquire(db->db());
    enquire.set_query(q);
    /* The same candidates in one index and over shards (document ids differ). */
    enquire.set_sort_by_relevance_then_value(tie_slot(db->db()), true);
    unsigned n = std::max(tuning.candidates, 4 * want);
    Xapian::MSet mset = enquire.get_mset(0, n);

    ResultsPtr scratch(results_new());
    if (!scratch)
        resdex::out_of_memory("making the results");
    /* Cheap bound first: the word overlap, which the similarity never
     * exceeds. Candidates below min_sim go without an alignment, and the
     * alignments stop once `want` candidates beat every bound left. */
    struct Pending {
        Candidate c;
        TextPtr tokens;
        double bound;
    };
    std::vector<Pending> pending;
    pending.reserve(mset.size());
    Pending top_rejected; /* the highest bound below min_sim */
    top_rejected.bound = -1;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Pending p;
        p.c.doc = it.get_document();
        p.c.weight = it.get_weight();
        const resdex_hit_t *hit = nullptr;
        resdex_status_t st = decode(db, scratch.get(), p.c.doc, &hit);
        if (st != RESDEX_STATUS_SUCCESS)
            return st;
        const char *text = hit->paragraph->text;
        p.tokens.reset(diff_text_new(text, strlen(text)));
        if (!p.tokens)
            resdex::out_of_memory("reading the words of a text");
        p.bound = diff_overlap(p.tokens.get(), in.tokens.get());
        if (rk.contain)
            p.bound = std::max(p.bound, diff_containment_bound(p.tokens.get(), in.tokens.get()));
        if (p.bound < 0)
            resdex::out_of_memory("comparing the texts");
        if (same_as_input(p.c.doc, in))
            p.bound = 1.0; /* the same text, whatever the words' overlap */
        const char *type = hit->resolution->doc_type;
        p.c.draft = type && strstr(type, "draft") != nullptr;
        p.c.date = p.c.doc.get_value(SLOT_DATE);
        p.c.symbol = Xapian::Unicode::tolower(hit->resolution->symbol);
        p.c.id = hit->id;
        if (p.bound < min_sim) {
            if (rk.rejected && p.bound > top_rejected.bound)
                top_rejected = std::move(p);
            continue;
        }
        pending.push_back(std::move(p));
    }
    std::stable_sort(pending.begin(), pending.end(),
                     [](const Pending &a, const Pending &b) { return a.bound > b.bound; });
    std::vector<Candidate> best; /* sorted by better(), at most want */
    Candidate rejected;          /* the closest aligned below min_sim */
    for (Pending &p : pending) {
        if (best.size() >= want && best.back().match > p.bound)
            break;
        score(p.c, p.tokens.get(), in, rk.contain);
        if (p.c.match < min_sim) {
            if (p.c.match > rejected.match)
                rejected = p.c;
            continue;
        }
        auto at = std::upper_bound(best.begin(), best.end(), p.c, better);
        best.insert(at, std::move(p.c));
        if (best.size() > want)
            best.pop_back();
    }
    if (rk.rejected && best.empty()) {
        if (top_rejected.bound > rejected.match) {
            score(top_rejected.c, top_rejected.tokens.get(), in, rk.contain);
            if (top_rejected.c.match > rejected.match)
                rejected = top_rejected.c;
        }
        *rk.rejected = rejected;
    }
    if (rk.kept)
        *rk.kept = pending.size();
    out = std::move(best);
    return RESDEX_STATUS_SUCCESS;
}

/* Arrays of diffs, one per hit, kept in the results' arena. */
struct DiffTable {
    resdex_diff_op_t **ops = nullptr;
    size_t *n = nullptr;
};

DiffTable
diff_table(resdex_results_t *r, size_t count)
{
    DiffTable d;
    if (count == 0)
        return d;
    arena_t *a = results_arena(r);
    d.ops = static_cast<resdex_diff_op_t **>(arena_alloc(a, count * sizeof *d.ops));
    d.n = static_cast<size_t *>(arena_alloc(a, count * sizeof *d.n));
    if (!d.ops || !d.n)
        resdex::out_of_memory("making the diffs");
    for (size_t i = 0; i < count; i++) {
        d.ops[i] = nullptr;
        d.n[i] = 0;
    }
    return d;
}

/* The diff from old_text to new_text into slot i of the table. */
void
diff_into(resdex_results_t *r, DiffTable &d, size_t i, const diff_text_t *old_text,
          const diff_text_t *new_text)
{
    diff_stats_t st;
    if (diff_compare(old_text, new_text, results_arena(r), &d.ops[i], &d.n[i], &st) != 0)
        resdex::out_of_memory("comparing the texts");
}

resdex_status_t
run_similar(resdex_db_t *db, const resdex_similar_options_t *o, resdex_results_t *r)
{
    bool by_text = o->text != nullptr, by_par = o->paragraph && *o->paragraph;
    if (by_text == by_par)
        return db_fail(db, RESDEX_STATUS_BAD_ARGUMENT,
                       "give either a text or a paragraph id to find precedents of");
    Xapian::Query filter;
    std::string filter_lang;
    resdex_status_t st = parse_filters(db, o->filters, filter, filter_lang);
    if (st != RESDEX_STATUS_SUCCESS)
        return st;

    Input in;
    std::string input_date; /* by paragraph: its adoption date (SLOT_DATE) */
    if (by_par) {
        Xapian::Document doc;
        st = find_paragraph(db, o->paragraph, filter_lang, doc);
        if (st != RESDEX_STATUS_SUCCESS)
            return st;
        input_date = doc.get_value(SLOT_DATE);
        ResultsPtr scratch(results_new());
        if (!scratch)
            resdex::out_of_memory("making the results");
        const resdex_hit_t *hit = nullptr;
        st = decode(db, scratch.get(), doc, &hit);
        if (st != RESDEX_STATUS_SUCCESS)
            return st;
        split_id(hit->id, in.exclude_symbol, in.exclude_anchor);
        in.lang = hit->resolution->lang ? hit->resolution->lang : "en";
        st = set_input_text(db, in, hit->paragraph->text);
    } else {
        if (o->exclude_id && *o->exclude_id &&
            !split_id(o->exclude_id, in.exclude_symbol, in.exclude_anchor))
            return db_fail(db, RESDEX_STATUS_BAD_ARGUMENT,
                           std::string("'") + o->exclude_id + "' is not a paragraph id");
        st = set_input_text(db, in, o->text);
        if (st == RESDEX_STATUS_SUCCESS)
            in.lang = language_of_script(in.text);
    }
    if (st != RESDEX_STATUS_SUCCESS)
        return st;

    unsigned limit = o->limit ? std::min(o->limit, MAX_LIMIT) : DEFAULT_LIMIT;
    double min_sim = o->min_similarity > 0 ? o->min_similarity : RESDEX_SIMILAR_DEFAULT_MIN;
    std::vector<Candidate> best;
    uint64_t kept = 0;
    Candidate rejected;
    bool narrowed = filter.get_type() != Xapian::Query::LEAF_MATCH_ALL;
    if (!filter_lang.empty())
        in.lang = filter_lang;
    else
        filter = Xapian::Query(Xapian::Query::OP_FILTER, filter,
                               Xapian::Query(std::string(P_LANG) + in.lang));
    st = rank_candidates(db, in, filter, {limit, min_sim, true, narrowed, &kept, &rejected}, best);
    if (st != RESDEX_STATUS_SUCCESS)
        return st;
    if (best.empty() && !rejected.id.empty() &&
        results_set_best_rejected(r, rejected.id.c_str(), rejected.match) != 0)
        resdex::out_of_memory("making the results");

    DiffTable table = diff_table(r, best.size());
    for (size_t i = 0; i < best.size(); i++) {
        resdex_hit_t *hit = nullptr;
        st = fill_hit(db, r, best[i].doc, &hit);
        if (st != RESDEX_STATUS_SUCCESS)
            return st;
        hit->rank = static_cast<unsigned>(i + 1);
        hit->score = best[i].weight;
        hit->similarity = best[i].similarity;
        hit->containment = best[i].stats.containment;
        TextPtr t(diff_text_new(hit->paragraph->text, strlen(hit->paragraph->text)));
        if (!t)
            resdex::out_of_memory("reading the words of a text");
        /* Older to newer: a draft (text) is newer than any precedent; an
         * indexed paragraph may be older than the hit. */
        hit->newer = by_par && !input_date.empty() && best[i].date > input_date;
        if (hit->newer)
            diff_into(r, table, i, in.tokens.get(), t.get());
        else
            diff_into(r, table, i, t.get(), in.tokens.get());
    }
    results_set_diffs(r, table.ops, table.n, best.size());
    results_set_total(r, kept);
    QueryCache *cache = query_cache(db);
    provenance_fill(db->db(), r, cache ? &cache->prov : nullptr);
    return RESDEX_STATUS_SUCCESS;
}

resdex_status_t
run_lineage(resdex_db_t *db, const char *paragraph, const char *filters, resdex_results_t *r)
{
    Xapian::Query filter;
    std::string filter_lang;
    resdex_status_t st = parse_filters(db, filters, filter, filter_lang);
    if (st != RESDEX_STATUS_SUCCESS)
        return st;
    Xapian::Document doc;
    st = find_paragraph(db, paragraph, filter_lang, doc);
    if (st != RESDEX_STATUS_SUCCESS)
        return st;
    ResultsPtr scratch(results_new());
    if (!scratch)
        resdex::out_of_memory("making the results");

    /* The chain, newest first: the paragraph itself, then each earlier
     * version found. */
    std::vector<Xapian::Document> chain{doc};
    std::vector<TextPtr> texts;
    std::vector<double> sims;
    std::string lang;
    for (unsigned step = 0; step <= LINEAGE_MAX_STEPS; step++) {
        const resdex_hit_t *hit = nullptr;
        st = decode(db, scratch.get(), chain.back(), &hit);
        if (st != RESDEX_STATUS_SUCCESS)
            return st;
        Input in;
        split_id(hit->id, in.exclude_symbol, in.exclude_anchor);
        in.lang = hit->resolution->lang ? hit->resolution->lang : "en";
        if (lang.empty())
            lang = in.lang;
        st = set_input_text(db, in, hit->paragraph->text);
        if (st != RESDEX_STATUS_SUCCESS)
            return st;
        texts.push_back(std::move(in.tokens));
        in.tokens.reset(diff_text_new(in.text.data(), in.text.size()));
        if (!in.tokens)
            resdex::out_of_memory("reading the words of a text");
        if (step == LINEAGE_MAX_STEPS)
            break;
        /* The stored link first: a text adopted from a draft had its
         * earlier version in that draft, the paragraph with the same text
         * (provenance.cc). */
        Xapian::Database &x = db->db();
        Xapian::docid drafted = 0;
        std::string reskey = Xapian::Unicode::tolower(hit->resolution->symbol) + "@" + in.lang;
        for (const std::string &k : provenance_links(x, reskey).from_keys)
            if ((drafted = provenance_same_text(x, k, chain.back())))
                break;
        if (drafted) {
            chain.push_back(x.get_document(drafted));
            sims.push_back(1.0);
            continue;
        }
        std::string date = chain.back().get_value(SLOT_DATE);
        std::string symbol = Xapian::Unicode::tolower(hit->resolution->symbol);
        if (date.empty())
            break;
        /* Earlier resolutions only, in the same language, other symbols. */
        Xapian::Query restrict_to(Xapian::Query::OP_FILTER,
                                  Xapian::Query(Xapian::Query::OP_VALUE_LE, SLOT_DATE, date),
                                  Xapian::Query(std::string(P_LANG) + lang));
        restrict_to = Xapian::Query(Xapian::Query::OP_FILTER, restrict_to, filter);
        restrict_to = Xapian::Query(Xapian::Query::OP_AND_NOT, restrict_to,
                                    Xapian::Query(std::string(P_SYMBOL) + symbol));
        std::vector<Candidate> cands;
        st =
            rank_candidates(db, in, restrict_to,
                            {tuning.candidates, LINEAGE_MIN, false, true, nullptr, nullptr}, cands);
        if (st != RESDEX_STATUS_SUCCESS)
            return st;
        /* The previous version is the latest earlier resolution that keeps
         * nearly as much of the wording as the best match: a version
         * skipped would hide a step of the evolution. */
        const Candidate *pick = nullptr;
        double top = 0;
        for (const Candidate &c : cands)
            if (c.date < date)
                top = std::max(top, c.similarity);
        for (const Candidate &c : cands) {
            if (c.date >= date || c.similarity < top - 0.15)
                continue;
            if (!pick || c.date > pick->date || (c.date == pick->date && better(c, *pick)))
                pick = &c;
        }
        if (!pick)
            break;
        chain.push_back(pick->doc);
        sims.push_back(pick->similarity);
    }

    /* Oldest first; hit i compared with the next newer version. */
    size_t n = chain.size() - 1;
    DiffTable table = diff_table(r, n);
    for (size_t i = 0; i < n; i++) {
        size_t k = n - i; /* chain index, oldest first */
        resdex_hit_t *hit = nullptr;
        st = fill_hit(db, r, chain[k], &hit);
        if (st != RESDEX_STATUS_SUCCESS)
            return st;
        hit->rank = static_cast<unsigned>(i + 1);
        hit->similarity = sims[k - 1];
        diff_into(r, table, i, texts[k].get(), texts[k - 1].get());
    }
    results_set_diffs(r, table.ops, table.n, n);
    results_set_total(r, n);
    QueryCache *cache = query_cache(db);
    provenance_fill(db->db(), r, cache ? &cache->prov : nullptr);
    return RESDEX_STATUS_SUCCESS;
}

template <class F>
resdex_status_t
with_results(resdex_db_t *db, resdex_results_t **results, F body)
{
    resdex_results_t *r = nullptr;
    resdex_status_t st = guarded(db, [&] {
        if (results)
            *results = nullptr;
        if (!results)
            return RESDEX_STATUS_BAD_ARGUMENT;
        return with_reopen(db, [&] {
            resdex_results_destroy(r);
            r = results_new();
            if (!r)
                resdex::out_of_memory("making the results");
            return body(r);
        });
    });
    if (st != RESDEX_STATUS_SUCCESS) {
        resdex_results_destroy(r);
        return st;
    }
    *results = r;
    return st;
}

} // namespace

extern "C" similar_tuning_t *
similar_tuning_get(void)
{
    return &tuning;
}

extern "C" resdex_status_t
resdex_db_similar(resdex_db_t *db, const resdex_similar_options_t *options,
                  resdex_results_t **results)
{
    return with_results(db, results, [&](resdex_results_t *r) {
        if (!db || !options)
            return RESDEX_STATUS_BAD_ARGUMENT;
        return run_similar(db, options, r);
    });
}

extern "C" resdex_status_t
resdex_db_lineage(resdex_db_t *db, const char *paragraph, const char *filters,
                  resdex_results_t **results)
{
    return with_results(db, results, [&](resdex_results_t *r) {
        if (!db || !paragraph || !*paragraph)
            return RESDEX_STATUS_BAD_ARGUMENT;
        return run_lineage(db, paragraph, filters, r);
    });
}
