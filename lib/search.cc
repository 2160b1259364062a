/* search.cc - queries: ranking, snippets, result pages (the filter syntax is
 * in query-prep.cc, shared with similar). */
#include "also.hh"
#include "db-private.hh"
#include "pairs.hh"
#include "provenance.hh"
#include "query-cache.hh"
#include "query-prep.hh"
#include "record.h"
#include "results.h"
#include "search-tuning.h"
#include "stem.hh"
#include "stopwords.hh"
#include "terms.hh"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <unordered_map>
#include <unordered_set>
#include <string>
#include <vector>

namespace
{

const unsigned MAX_LIMIT = 100000;
/* At most this many paragraphs folded into one hit are listed. */
const unsigned MAX_ALSO = 1000;
/* The title's words weigh this much beside the paragraph's own
 * (bench/RESULTS.md "Resolution-level relevance"). */
search_tuning_t tuning = {1.0};

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

/* Counts the matches it is shown and, when told a collapse slot, the hits
 * they collapse to. Xapian's collapsed bounds stay apart and its
 * uncollapsed estimate is off even when it sees every match (8 to 52 hits
 * and 15 paragraphs of 17 for "alternatives to imprisonment" on the samples
 * and the UN corpus): when the match sees them all, the totals are these. */
class CountSpy : public Xapian::MatchSpy
{
    Xapian::valueno slot;
    std::unordered_set<std::string> keys;
    Xapian::doccount no_key = 0;

  public:
    Xapian::doccount seen = 0;
    explicit CountSpy(Xapian::valueno s) : slot(s)
    {
    }
    void operator()(const Xapian::Document &doc, double) override
    {
        seen++;
        if (slot == Xapian::BAD_VALUENO)
            return;
        std::string v = doc.get_value(slot);
        if (v.empty())
            no_key++;
        else
            keys.insert(std::move(v));
    }
    Xapian::doccount hits() const
    {
        return slot == Xapian::BAD_VALUENO ? seen
                                           : static_cast<Xapian::doccount>(keys.size()) + no_key;
    }
};

/* The value of a term of a one-capital prefix (terms.hh), or "" for a
 * term of a longer prefix that starts the same (XO is not XOx). */
std::string
prefix_value(const std::string &term, size_t prefix_len)
{
    std::string v = term.substr(prefix_len);
    return !v.empty() && !std::isupper(static_cast<unsigned char>(v[0])) ? v : std::string();
}

/* Into r as facet `name`, the values counted at least once, most frequent
 * first (as Xapian's value counts come), ties in the order given. */
void
add_by_count(resdex_results_t *r, const char *name,
             std::vector<std::pair<std::string, Xapian::doccount>> counts)
{
    std::stable_sort(counts.begin(), counts.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
    for (const auto &e : counts)
        if (e.second && results_add_facet(r, name, e.first.c_str(), e.second) != 0)
            resdex::out_of_memory("counting facets");
}

/* A facet kept as boolean terms rather than a value (kind, lang, sdg):
 * how many of the matches it is shown have each of the index's terms of
 * the prefix. Each term's posting list is walked beside the match, which
 * shows documents in docid order, so a count costs a skip_to per term, not
 * a read of the document's terms. */
class TermCountSpy : public Xapian::MatchSpy
{
    struct Term {
        std::string value;
        Xapian::PostingIterator it;
        Xapian::doccount count = 0;
    };
    Xapian::Database db;
    std::string prefix;
    std::vector<Term> terms;
    Xapian::docid last = 0;

  public:
    /* used: the values are listed (else the spy counts nothing); walk: the
     * posting lists are opened, for the spy (a remote shard's posting list
     * opened is sent whole: not for count_apart). */
    TermCountSpy(const Xapian::Database &x, const char *p, bool used, bool walk) : db(x), prefix(p)
    {
        if (!used)
            return;
        for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
            std::string v = prefix_value(*it, prefix.size());
            if (!v.empty())
                terms.push_back({v, walk ? db.postlist_begin(*it) : Xapian::PostingIterator()});
        }
    }
    void operator()(const Xapian::Document &doc, double) override
    {
        const Xapian::PostingIterator end;
        Xapian::docid id = doc.get_docid();
        for (Term &t : terms) {
            if (id < last) /* shown out of order: walk again */
                t.it = db.postlist_begin(prefix + t.value);
            if (t.it != end && *t.it < id)
                t.it.skip_to(id);
            if (t.it != end && *t.it == id)
                t.count++;
        }
        last = id;
    }
    /* Over shards, where this spy cannot run (a remote shard knows only
     * Xapian's spies; over joined databases the posting lists are not in the
     * ids the spy is shown): each value counted by an exact count of its own,
     * `base` filtered by the value's term (one round trip per value). */
    void count_apart(const Xapian::Query &base)
    {
        Xapian::Enquire e(db);
        e.set_weighting_scheme(Xapian::BoolWeight());
        for (Term &t : terms) {
            e.set_query(
                Xapian::Query(Xapian::Query::OP_FILTER, base, Xapian::Query(prefix + t.value)));
            t.count = e.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
        }
    }
    /* Into r as facet `name` (add_by_count). */
    void add_to(resdex_results_t *r, const char *name) const
    {
        std::vector<std::pair<std::string, Xapian::doccount>> counts;
        for (const Term &t : terms)
            counts.emplace_back(t.value, t.count);
        add_by_count(r, name, std::move(counts));
    }
};

/* The facets of how the texts were adopted that are lists (subject,
 * sponsor, voted): a resolution's terms of them are the same on each of
 * its paragraphs in a language (index.cc add_adoption_terms), so the
 * matches are counted by resolution and language (SLOT_RESKEY, with
 * Xapian's value spy, which local and remote shards run alike), and each
 * one's count goes to the terms of one of its paragraphs: the very terms
 * the filters find. One posting and one term list read per resolution the
 * query matches. */
class ListFacets
{
    Xapian::ValueCountMatchSpy files{SLOT_RESKEY};
    struct Facet {
        const char *name, *prefix;
        std::map<std::string, Xapian::doccount> counts;
    };
    Facet facets[3] = {
        {"subject", P_SUBJECT, {}}, {"sponsor", P_SPONSOR, {}}, {"voted", P_VOTED, {}}};

  public:
    /* Does the index hold a term of the three at all? (else nothing to
     * count, and no spy: a corpus of text files has no adoption metadata) */
    static bool wanted(Xapian::Database &x)
    {
        for (const char *p : {P_SUBJECT, P_SPONSOR, P_VOTED})
            if (x.allterms_begin(p) != x.allterms_end(p))
                return true;
        return false;
    }
    void attach(Xapian::Enquire &e)
    {
        e.add_matchspy(&files);
    }
    /* Each resolution the spy saw: its terms of the three prefixes (in
     * that order in a term list, XJ < XO < XV). */
    void count(Xapian::Database &x)
    {
        for (auto it = files.values_begin(); it != files.values_end(); ++it) {
            const std::string key = P_RESKEY + *it;
            Xapian::PostingIterator p = x.postlist_begin(key);
            if (p == x.postlist_end(key))
                continue;
            const Xapian::doccount n = it.get_termfreq();
            Xapian::TermIterator t = x.termlist_begin(*p);
            const Xapian::TermIterator end = x.termlist_end(*p);
            for (Facet &f : facets) {
                const size_t len = std::strlen(f.prefix);
                t.skip_to(f.prefix);
                for (; t != end && (*t).compare(0, len, f.prefix) == 0; ++t) {
                    std::string v = prefix_value(*t, len);
                    if (!v.empty())
                        f.counts[v] += n;
                }
            }
        }
    }
    /* Into r (add_by_count; ties in the values' order). */
    void add_to(resdex_results_t *r) const
    {
        for (const Facet &f : facets)
            add_by_count(r, f.name, {f.counts.begin(), f.counts.end()});
    }
};

/* The counts of CountSpy from a Xapian::ValueCountMatchSpy, the one kind of
 * spy a remote shard (xapian-tcpsrv) can run: documents seen, and the
 * distinct collapse keys plus those without one (shards.cc). */
class Counter
{
    CountSpy local;
    Xapian::ValueCountMatchSpy remote;
    bool use_remote;

  public:
    Counter(Xapian::valueno slot, bool over_remote)
        : local(slot), remote(slot == Xapian::BAD_VALUENO ? SLOT_YEAR : slot),
          use_remote(over_remote)
    {
    }
    void attach(Xapian::Enquire &e)
    {
        if (use_remote)
            e.add_matchspy(&remote);
        else
            e.add_matchspy(&local);
    }
    Xapian::doccount seen() const
    {
        return use_remote ? remote.get_total() : local.seen;
    }
    Xapian::doccount hits(Xapian::valueno slot) const
    {
        if (!use_remote)
            return local.hits();
        if (slot == Xapian::BAD_VALUENO)
            return remote.get_total();
        Xapian::doccount keyed = 0, keys = 0;
        for (auto it = remote.values_begin(); it != remote.values_end(); ++it) {
            keys++;
            keyed += it.get_termfreq();
        }
        return keys + (remote.get_total() - keyed);
    }
};

/* The totals of a search whose match was m: counted by the spy when the
 * match saw every document (all_seen: it was asked to check them all, or
 * the page is not full, or the spy saw fewer than it was asked to check),
 * else Xapian's estimates. */
void
set_totals(resdex_results_t *r, const Xapian::MSet &m, const Counter &spy, Xapian::valueno slot,
           bool all_seen)
{
    if (all_seen) {
        results_set_total(r, spy.hits(slot));
        results_set_paragraphs(r, spy.seen());
        results_set_total_estimated(r, 0);
        return;
    }
    results_set_total(r, m.get_matches_estimated());
    results_set_paragraphs(r, std::max({m.get_uncollapsed_matches_estimated(),
                                        m.get_matches_estimated(), spy.seen()}));
    results_set_total_estimated(r, m.get_matches_lower_bound() != m.get_matches_upper_bound());
}

/* MSet::snippet() escapes the text for HTML (&amp; &lt; &gt;, and the
 * numeric and quote forms); a snippet is plain text, as the paragraph is:
 * undo it, in one pass (so that a paragraph's own "&lt;" stays). */
std::string
html_unescape(const std::string &s)
{
    static const struct {
        const char *entity;
        char c;
    } entities[] = {{"&amp;", '&'},  {"&lt;", '<'},   {"&gt;", '>'},
                    {"&quot;", '"'}, {"&#39;", '\''}, {"&#x27;", '\''}};
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        bool done = false;
        if (s[i] == '&')
            for (const auto &e : entities)
                if (s.compare(i, std::strlen(e.entity), e.entity) == 0) {
                    out += e.c;
                    i += std::strlen(e.entity);
                    done = true;
                    break;
                }
        if (!done)
            out += s[i++];
    }
    return out;
}

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
 * words. Only the pairs the index has (`index_pairs`, pairs.hh) are asked for.
 * Empty when the phrase is anything else (a lone word, a nested query,
 * prefixed terms) or has no such pair: it is then used as it is. */
Xapian::Query
phrase_pairs(const Xapian::Query &phrase, const PairWords &index_pairs)
{
    if (phrase.get_type() != Xapian::Query::OP_PHRASE)
        return Xapian::Query();
    std::vector<std::string> words;
    for (size_t i = 0; i < phrase.get_num_subqueries(); i++) {
        Xapian::Query sub = phrase.get_subquery(i);
        if (sub.get_type() != Xapian::Query::LEAF_TERM)
            return Xapian::Query();
        std::string t = *sub.get_terms_begin();
        if (prefixed_term(t))
            return Xapian::Query();
        words.push_back(t);
    }
    std::vector<Xapian::Query> pairs;
    for (size_t i = 0; i + 1 < words.size(); i++) {
        if (!index_pairs.wanted(words[i], words[i + 1]))
            continue;
        std::string t = pair_term(words[i], words[i + 1]);
        if (!t.empty())
            pairs.emplace_back(t);
    }
    if (pairs.empty())
        return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_AND, pairs.begin(), pairs.end());
}

/* The title terms (P_TITLE) of the words a query searches for, not those
 * it excludes or only filters by: "Zvictim" -> "ZSvictim", "unodc" -> "Sunodc". */
void
title_terms(const Xapian::Query &q, std::vector<std::string> &out)
{
    switch (q.get_type()) {
    case Xapian::Query::LEAF_TERM: {
        std::string t = *q.get_terms_begin();
        if (t.empty())
            return;
        if (t[0] == 'Z' && t.size() > 1 && !(t[1] >= 'A' && t[1] <= 'Z'))
            out.push_back("Z" P_TITLE + t.substr(1));
        else if (!(t[0] >= 'A' && t[0] <= 'Z'))
            out.push_back(P_TITLE + t);
        return;
    }
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_FILTER:
        if (q.get_num_subqueries() > 0)
            title_terms(q.get_subquery(0), out);
        return;
    default:
        for (size_t i = 0; i < q.get_num_subqueries(); i++)
            title_terms(q.get_subquery(i), out);
    }
}

/* q, with the paragraphs of resolutions whose titles have its words ranked
 * higher (the matches stay the same): the resolution devoted to a topic
 * above those that mention it in passing. */
Xapian::Query
with_title_boost(const Xapian::Query &q)
{
    std::vector<std::string> terms;
    title_terms(q, terms);
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    if (terms.empty() || tuning.title_weight <= 0)
        return q;
    Xapian::Query title(Xapian::Query::OP_OR, terms.begin(), terms.end());
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, q,
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, title, tuning.title_weight));
}

/* Whether a search folds (by the loose key, sametext.hh): not with
 * --no-fold or --group, nor in an index without the loose keys. */
bool
folds(Xapian::Database &x, const resdex_search_options_t *o)
{
    return !o->no_fold && !o->group_by_resolution &&
           x.get_metadata(RESDEX_META_FOLD) == RESDEX_FOLD_LOOSE;
}

/* The order of a fold (resdex(1) "Folding"): an adopted text before a draft
 * carried in a report, one adopted without a vote before the others (agreed
 * language), then the newest (by date), then by id. */
struct FoldMember {
    Xapian::docid did;
    AlsoEntry entry;  /* draft, id and cite */
    resdex_hit_t hit; /* decoded: the first member, or every one where the
                       * index has no SLOT_ALSO */
    std::string same; /* its same-text key */
    std::string date;
    bool consensus;
};

bool
fold_before(const FoldMember &a, const FoldMember &b)
{
    if (a.entry.draft != b.entry.draft)
        return !a.entry.draft;
    if (a.consensus != b.consensus)
        return a.consensus;
    if (a.date != b.date)
        return a.date > b.date;
    return a.entry.id < b.entry.id;
}

/* The hit for `head`, a match of `match`: with folding, the newest adopted
 * text among the matches that have head's same-text key, and the others in
 * its `also`; else head itself. The folded paragraphs are listed from their
 * SLOT_ALSO where the index has it (only the first is decoded), else from
 * their records. */
resdex_status_t
add_hit(resdex_db_t *db, resdex_results_t *r, const Xapian::Query &match, bool fold,
        const Xapian::Document &head, resdex_hit_t **out, ContextCache *contexts)
{
    Xapian::Database &x = db->db();
    std::string key = fold ? head.get_value(SLOT_LOOSE) : std::string();
    if (key.empty() || x.get_termfreq(P_LOOSE + key) < 2)
        return fill_hit(db, r, head, out, contexts);
    Xapian::Enquire e(x);
    e.set_query(Xapian::Query(Xapian::Query::OP_FILTER, match, Xapian::Query(P_LOOSE + key)));
    e.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::MSet m = e.get_mset(0, MAX_ALSO + 1);
    const bool values = x.get_metadata(RESDEX_META_ALSO) == "1";
    std::vector<Xapian::docid> ids;
    for (auto it = m.begin(); it != m.end(); ++it)
        ids.push_back(*it);
    std::sort(ids.begin(), ids.end());
    /* The members' values, read along each slot's value stream, one pass
     * each: Document::get_value seeks the slot's chunk again for every
     * document, which was half the time of a search whose first hit folds
     * hundreds of paragraphs ("The General Assembly,"). Xapian 1.4's remote
     * backend streams no values: there, each document's. */
    const bool streams = !db_has_remote(db);
    const Xapian::valueno slots[] = {SLOT_ALSO, SLOT_SAME, SLOT_DATE, SLOT_ADOPTED};
    std::vector<std::string> got[4];
    for (size_t s = 0; s < 4; s++) {
        got[s].resize(ids.size());
        if (!streams)
            continue;
        Xapian::ValueIterator v = x.valuestream_begin(slots[s]);
        const Xapian::ValueIterator end = x.valuestream_end(slots[s]);
        for (size_t i = 0; i < ids.size() && v != end; i++) {
            v.skip_to(ids[i]);
            if (v != end && v.get_docid() == ids[i])
                got[s][i] = *v;
        }
    }
    std::vector<FoldMember> members;
    for (size_t i = 0; i < ids.size(); i++) {
        FoldMember f{};
        f.did = ids[i];
        if (!streams) {
            Xapian::Document d = x.get_document(ids[i]);
            for (size_t s = 0; s < 4; s++)
                got[s][i] = d.get_value(slots[s]);
        }
        if (!values || !also_parse(got[0][i], &f.entry)) {
            if (resdex_status_t st = hit_read(db, r, x.get_document(ids[i]), &f.hit, contexts))
                return st;
            f.entry.draft = also_is_draft(f.hit.resolution);
            f.entry.id = f.hit.id;
            f.entry.cite = also_cite(f.hit.resolution, f.hit.paragraph, f.hit.id);
        }
        f.same = std::move(got[1][i]);
        f.date = std::move(got[2][i]);
        f.consensus = got[3][i] == "consensus";
        members.push_back(std::move(f));
    }
    if (members.size() < 2)
        return fill_hit(db, r, head, out, contexts);
    std::sort(members.begin(), members.end(), fold_before);
    if (!members[0].hit.id)
        if (resdex_status_t st =
                hit_read(db, r, x.get_document(members[0].did), &members[0].hit, contexts))
            return st;
    resdex_hit_t *hit = results_add_hit(r);
    if (!hit)
        resdex::out_of_memory("adding a hit");
    *hit = members[0].hit;
    attach_adoption(db, r, hit);
    size_t n = members.size() - 1;
    auto *also =
        static_cast<resdex_also_t *>(arena_alloc(results_arena(r), n * sizeof(resdex_also_t)));
    if (!also)
        resdex::out_of_memory("folding a hit");
    for (size_t i = 0; i < n; i++) {
        const FoldMember &f = members[i + 1];
        also[i].id = arena_strdup(results_arena(r), f.entry.id.c_str());
        also[i].cite = arena_strdup(results_arena(r), f.entry.cite.c_str());
        if (!also[i].id || !also[i].cite)
            resdex::out_of_memory("folding a hit");
        also[i].punctuation_differs = f.same != members[0].same;
    }
    hit->also = also;
    hit->n_also = n;
    *out = hit;
    return RESDEX_STATUS_SUCCESS;
}

/* How many resolutions in `lang` cite `symbol` (its own paragraphs left
 * out), counted once per symbol in `memo`. */
unsigned
cited_by(Xapian::Database &x, const char *symbol, const char *lang,
         std::unordered_map<std::string, unsigned> &memo)
{
    std::string sym = Xapian::Unicode::tolower(symbol);
    std::string l = lang ? lang : "en";
    auto found = memo.find(sym + "@" + l);
    if (found != memo.end())
        return found->second;
    Xapian::Query q(Xapian::Query::OP_FILTER, Xapian::Query(P_CITES + sym),
                    Xapian::Query(P_LANG + l));
    q = Xapian::Query(Xapian::Query::OP_AND_NOT, q, Xapian::Query(P_RESKEY + sym + "@" + l));
    Xapian::Enquire e(x);
    e.set_query(q);
    e.set_weighting_scheme(Xapian::BoolWeight());
    e.set_collapse_key(SLOT_RESKEY);
    Xapian::MSet m = e.get_mset(0, x.get_doccount());
    unsigned n = m.size();
    memo[sym + "@" + l] = n;
    return n;
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
    Xapian::Query query = with_title_boost(pq.query), phrase = pq.phrase;
    /* A filter that every paragraph passes (the language in an index of one
     * language, as most are) is left out: Xapian would still walk its
     * posting list, 13% of the CPU time of one-word queries at 200k
     * paragraphs (bench/RESULTS.md). Hits, scores and totals are the same. */
    Xapian::doccount ndocs = x.get_doccount();
    std::vector<std::string> filters;
    if (!pq.lang_given)
        filters.push_back(std::string(P_LANG) + lang);
    filters.erase(std::remove_if(filters.begin(), filters.end(),
                                 [&](const std::string &t) { return x.get_termfreq(t) == ndocs; }),
                  filters.end());
    /* By default the agreed language: operative paragraphs and the numbered
     * paragraphs of annexes (left out when every paragraph is one). */
    Xapian::Query kinds;
    const std::string op_term = std::string(P_KIND) + "operative",
                      annex_term = std::string(P_KIND) + "annex";
    if (!o->all_kinds && !pq.has_kind &&
        x.get_termfreq(op_term) + x.get_termfreq(annex_term) != ndocs)
        kinds = x.get_termfreq(annex_term) == 0
                    ? Xapian::Query(op_term)
                    : Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(op_term),
                                    Xapian::Query(annex_term));
    auto filtered = [&](Xapian::Query q) {
        for (const std::string &t : filters)
            q = Xapian::Query(Xapian::Query::OP_FILTER, q, Xapian::Query(t));
        if (!kinds.empty())
            q = Xapian::Query(Xapian::Query::OP_FILTER, q, kinds);
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
    /* Equal weights are ordered by the stable key where the index has it
     * (SLOT_TIE: date first, as before), not by document id, which differs
     * between one index and shards of it. By date, the key is the whole
     * order: newest first, then by resolution and in each one's order (a
     * relevance between them would leave its ties to document ids). */
    const Xapian::valueno tie = tie_slot(x);
    if (o->sort == RESDEX_SORT_DATE)
        enquire.set_sort_by_value_then_relevance(tie, true);
    else
        enquire.set_sort_by_relevance_then_value(tie, true);
    const bool remote = db_has_remote(db);

    const bool fold = folds(x, o);
    if (o->group_by_resolution)
        enquire.set_collapse_key(SLOT_RESKEY);
    else if (fold)
        enquire.set_collapse_key(SLOT_LOOSE);
    Xapian::valueno collapse = o->group_by_resolution ? SLOT_RESKEY
                               : fold                 ? SLOT_LOOSE
                                                      : Xapian::BAD_VALUENO;
    Xapian::ValueCountMatchSpy body_spy(SLOT_BODY), year_spy(SLOT_YEAR), verb_spy(SLOT_VERB),
        adopted_spy(SLOT_ADOPTED);
    ListFacets lists;
    /* kind and lang are counted over the matches without their own default
     * filter (operative and annex paragraphs; the language searched), so
     * that the page can say how many preambular or French paragraphs the
     * query finds: in a pass of their own when that filter was applied. */
    const bool walk = o->facets && db->shards.empty();
    TermCountSpy kind_spy(x, P_KIND, o->facets, walk), lang_spy(x, P_LANG, o->facets, walk),
        sdg_spy(x, P_SDG, o->facets, walk);
    if (o->facets) {
        enquire.add_matchspy(&body_spy);
        enquire.add_matchspy(&year_spy);
        enquire.add_matchspy(&verb_spy);
        enquire.add_matchspy(&adopted_spy);
        if (db_get_metadata(db, RESDEX_META_ADOPTION) == "1" && ListFacets::wanted(x))
            lists.attach(enquire);
        /* Over shards kind, lang and sdg are counted apart, after the
         * match (TermCountSpy::count_apart). */
        if (db->shards.empty()) {
            enquire.add_matchspy(&sdg_spy);
            if (kinds.empty())
                enquire.add_matchspy(&kind_spy);
            if (filters.empty())
                enquire.add_matchspy(&lang_spy);
        }
    }
    unsigned limit = std::min(o->limit, MAX_LIMIT);
    /* Counting every match makes a search 1.5-2x slower at 200k paragraphs
     * (bench/RESULTS.md): done when asked, for a count alone and for facets;
     * otherwise the total is exact only when Xapian saw every match. */
    Xapian::doccount check =
        o->facets || limit == 0 || o->exact_total ? ndocs : std::max(limit + o->offset, 100u);
    Xapian::MSet mset;
    /* The three steps need a PostingSource of our own over the joined
     * document ids, which a remote shard cannot run (xapian-tcpsrv knows only
     * Xapian's) and Xapian gives each local shard its own ids: over shards,
     * the one query, whose answer the steps only make cheaper. */
    if (!phrase.empty() && !o->facets && !o->group_by_resolution && limit > 0 &&
        o->sort == RESDEX_SORT_RELEVANCE && db->shards.empty()) {
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
        words.set_sort_by_relevance_then_value(tie, true);
        if (fold)
            words.set_collapse_key(SLOT_LOOSE);
        Counter spy(collapse, remote);
        spy.attach(words);
        Xapian::MSet m = words.get_mset(0, k, check);
        for (auto it = m.begin(); it != m.end(); ++it)
            ids.push_back(*it);
        Xapian::Enquire lifted(x);
        /* Finding the paragraphs that have the phrase meant intersecting the
         * long posting lists of its words (most of the search's time on two
         * common words); the word pairs, when the index has them, make that
         * a short intersection. A filter adds no weight: the same scores. */
        Xapian::Query has_phrase = phrase;
        if (std::shared_ptr<const PairWords> index_pairs = db_pair_words(db)) {
            Xapian::Query pairs = phrase_pairs(phrase, *index_pairs);
            if (pairs.get_type() == Xapian::Query::LEAF_TERM && phrase.get_num_subqueries() == 2)
                /* Two words whose pair the index has: the pair is the phrase
                 * (index.cc add_word_pairs: the same words at adjacent
                 * positions), so their positions need no reading. A phrase
                 * weighs what its words ANDed weigh: the same scores. */
                has_phrase =
                    Xapian::Query(Xapian::Query::OP_FILTER,
                                  Xapian::Query(Xapian::Query::OP_AND, phrase.get_subquery(0),
                                                phrase.get_subquery(1)),
                                  pairs);
            else if (!pairs.empty())
                has_phrase = Xapian::Query(Xapian::Query::OP_FILTER, phrase, pairs);
        }
        lifted.set_query(filtered(Xapian::Query(Xapian::Query::OP_AND, words_query, has_phrase)));
        lifted.set_sort_by_relevance_then_value(tie, true);
        if (fold)
            lifted.set_collapse_key(SLOT_LOOSE);
        Xapian::MSet ml = lifted.get_mset(0, k);
        for (auto it = ml.begin(); it != ml.end(); ++it)
            ids.push_back(*it);
        enquire.set_query(
            Xapian::Query(Xapian::Query::OP_FILTER, query,
                          Xapian::Query((new DocidSource(std::move(ids)))->release())));
        mset = enquire.get_mset(o->offset, limit);
        set_totals(r, m, spy, collapse, check >= ndocs || m.size() < k || spy.seen() < check);
    } else {
        Counter spy(collapse, remote);
        spy.attach(enquire);
        mset = enquire.get_mset(o->offset, limit, check);
        set_totals(r, mset, spy, collapse,
                   check >= ndocs || mset.size() < limit || spy.seen() < check);
    }
    if (o->facets) {
        struct {
            const char *name;
            Xapian::ValueCountMatchSpy *spy;
        } spies[] = {{"body", &body_spy},
                     {"year", &year_spy},
                     {"verb", &verb_spy},
                     {"adopted", &adopted_spy}};
        for (auto &s : spies)
            for (auto it = s.spy->top_values_begin(1000); it != s.spy->top_values_end(1000); ++it)
                if (results_add_facet(r, s.name, (*it).c_str(), it.get_termfreq()) != 0)
                    resdex::out_of_memory("counting facets");
        /* The words and filters with the default filters but one. */
        auto without = [&](bool with_lang, bool with_kinds) {
            Xapian::Query q = words_query;
            for (const std::string &t : filters)
                if (with_lang)
                    q = Xapian::Query(Xapian::Query::OP_FILTER, q, Xapian::Query(t));
            if (with_kinds && !kinds.empty())
                q = Xapian::Query(Xapian::Query::OP_FILTER, q, kinds);
            return q;
        };
        auto count_apart = [&](TermCountSpy &spy, bool with_lang, bool with_kinds) {
            Xapian::Enquire e(x);
            e.set_query(without(with_lang, with_kinds));
            e.set_weighting_scheme(Xapian::BoolWeight());
            e.add_matchspy(&spy);
            e.get_mset(0, 0, ndocs);
        };
        if (db->shards.empty()) {
            if (!kinds.empty())
                count_apart(kind_spy, true, false);
            if (!filters.empty())
                count_apart(lang_spy, false, true);
        } else {
            kind_spy.count_apart(without(true, false));
            lang_spy.count_apart(without(false, true));
            sdg_spy.count_apart(without(true, true));
        }
        kind_spy.add_to(r, "kind");
        lang_spy.add_to(r, "lang");
        sdg_spy.add_to(r, "sdg");
        lists.count(x);
        lists.add_to(r);
    }
    std::string hs = o->hl_start ? o->hl_start : "[";
    std::string he = o->hl_end ? o->hl_end : "]";
    /* The hits' resolutions' look-ups: kept between searches of a reader
     * (query-cache.hh), else for this search. */
    QueryCache *kept = query_cache(db);
    std::unordered_map<std::string, unsigned> own_cites;
    ContextCache own_contexts;
    std::unordered_map<std::string, unsigned> &cites_memo = kept ? kept->cited : own_cites;
    ContextCache &contexts = kept ? kept->contexts : own_contexts;
    /* Every hit's document asked for at once: over remote shards one round
     * trip per shard instead of one per hit (Xapian's request_document). */
    if (remote)
        mset.fetch();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        resdex_hit_t *hit = nullptr;
        resdex_status_t st = add_hit(db, r, plain, fold, it.get_document(), &hit, &contexts);
        if (st != RESDEX_STATUS_SUCCESS)
            return st;
        hit->cited_by = cited_by(x, hit->resolution->symbol, hit->resolution->lang, cites_memo);
        hit->rank = o->offset + it.get_rank() - mset.get_firstitem() + 1;
        hit->score = it.get_weight();
        if (o->snippets) {
            /* No SNIPPET_BACKGROUND_MODEL: it looks up the frequency of
             * every word of the paragraph in the index (a B-tree read each),
             * which was 40% of a search's time (bench/RESULTS.md); the
             * window is still chosen by the query's matched terms. */
            size_t bytes = o->snippet_bytes ? o->snippet_bytes : 300;
            std::string snip = pq.only_filters
                                   ? opening(hit->paragraph->text, bytes)
                                   : html_unescape(mset.snippet(hit->paragraph->text, bytes,
                                                                pq.stem, 0, hs, he, "…"));
            snip =
                restore_ending(join_highlights(snip, hs, he, lang), hit->paragraph->text, hs, he);
            hit->snippet = arena_strdup(results_arena(r), snip.c_str());
        }
    }
    provenance_fill(db->db(), r, kept ? &kept->prov : nullptr);
    return RESDEX_STATUS_SUCCESS;
}

} // namespace

extern "C" search_tuning_t *
search_tuning_get(void)
{
    return &tuning;
}

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
            QueryCache *kept = query_cache(db);
            std::unordered_map<std::string, unsigned> own_memo;
            ContextCache own_contexts;
            std::unordered_map<std::string, unsigned> &memo = kept ? kept->cited : own_memo;
            ContextCache &contexts = kept ? kept->contexts : own_contexts;
            for (auto it = mset.begin(); it != mset.end(); ++it) {
                Xapian::Document d = it.get_document();
                if (d.get_value(SLOT_RESKEY) != first_key)
                    continue;
                resdex_hit_t *hit = nullptr;
                resdex_status_t s = fill_hit(db, r, d, &hit, &contexts);
                if (s != RESDEX_STATUS_SUCCESS)
                    return s;
                hit->rank = static_cast<unsigned>(++n);
                hit->cited_by = cited_by(x, hit->resolution->symbol, hit->resolution->lang, memo);
            }
            results_set_total(r, n);
            provenance_fill(x, r, kept ? &kept->prov : nullptr);
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
