/* provenance.cc - which draft became which resolution.
 *
 * A draft (a session report's "E/2017/30/DR.B.II", the GA draft inside an
 * ECOSOC resolution "E/RES/2024/11/DR", embedded.c) and the resolution
 * adopted from it (E/RES/2017/19, A/RES/79/188) are linked when, in one
 * language: the adopting body and the title are the same (the title with
 * letters and digits only, lower-cased); the adoption year is the draft's
 * or the next (a report of May adopted in December, or in January of the
 * next session's year); and at least half of the draft's operative
 * paragraphs, and at least one, appear in the adopted text word for word
 * (letters and digits only, lower-cased: footnote marks, quotes, dashes and
 * white space aside). Never on the title alone: omnibus titles repeat every
 * year ("Strengthening the United Nations crime prevention ... programme").
 *
 * Stored at index time, resolved at query time. Each paragraph carries its
 * resolution's key (a hash of language, body and title) as a draft's
 * (P_PROV_DRAFT) or an adopted text's (P_PROV_ADOPTED), and an operative
 * paragraph the hash of its text (P_PROV_TEXT). A link is computed from
 * these terms when results are made: no link is ever written, so there is
 * nothing to fix up when the other side is indexed, re-indexed or removed
 * later, in any order, and the same terms work over several databases
 * opened as one (shards). The cost, paid per resolution in a page of hits,
 * is one term-frequency look-up when the other side is absent, and two
 * small boolean queries when it is present. */
#include "provenance.hh"
#include "arena.h"
#include "query-prep.hh"
#include "record.h"
#include "results.h"
#include "terms.hh"
extern "C" {
#include "util.h"
}

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>

namespace
{

/* Letters and digits only, lower-case: what two printings of one text
 * share. */
bool
squeeze_keeps(unsigned ch)
{
    Xapian::Unicode::category c = Xapian::Unicode::get_category(ch);
    return (c >= Xapian::Unicode::UPPERCASE_LETTER && c <= Xapian::Unicode::OTHER_LETTER) ||
           (c >= Xapian::Unicode::DECIMAL_DIGIT_NUMBER && c <= Xapian::Unicode::OTHER_NUMBER);
}

/* squeeze() of each ASCII character, worked out once: its lower case, or
 * 0 when it is left out. */
struct SqueezeAscii {
    char kept[128];
    SqueezeAscii()
    {
        for (unsigned c = 0; c < 128; c++)
            kept[c] = squeeze_keeps(c) ? static_cast<char>(Xapian::Unicode::tolower(c)) : 0;
    }
};

const SqueezeAscii squeeze_ascii;

std::string
squeeze(const char *s)
{
    std::string out;
    if (!s)
        return out;
    for (Xapian::Utf8Iterator it(s); it != Xapian::Utf8Iterator(); ++it) {
        unsigned ch = *it;
        if (ch < 128) {
            if (squeeze_ascii.kept[ch])
                out += squeeze_ascii.kept[ch];
        } else if (squeeze_keeps(ch)) {
            Xapian::Unicode::append_utf8(out, Xapian::Unicode::tolower(ch));
        }
    }
    return out;
}

std::string
hash_hex(const std::string &s)
{
    char hex[17];
    snprintf(hex, sizeof hex, "%016llx",
             static_cast<unsigned long long>(util_fnv1a(s.data(), s.size())));
    return hex;
}

bool
is_draft(const char *doc_type)
{
    return doc_type && strstr(doc_type, "draft");
}

/* The resolution's key: empty when it has no body or no title to match on. */
std::string
resolution_key(const resdex_resolution_t *res)
{
    std::string title = squeeze(res->title);
    if (!res->body || title.empty())
        return std::string();
    return hash_hex(std::string(res->lang ? res->lang : "en") + '\x1f' +
                    Xapian::Unicode::tolower(res->body) + '\x1f' + title);
}

bool
starts(const std::string &s, const char *prefix)
{
    return s.compare(0, strlen(prefix), prefix) == 0;
}

/* What a resolution's paragraphs say about it. */
struct Side {
    std::string key; /* P_PROV_DRAFT or P_PROV_ADOPTED and the hash */
    bool draft = false;
    int year = 0;
    std::vector<std::string> texts; /* P_PROV_TEXT terms of its operative paragraphs */
};

std::string
reskey_term(const std::string &reskey)
{
    return P_RESKEY + reskey;
}

/* Read one paragraph's provenance terms into s. */
void
read_terms(const Xapian::Document &d, Side &s)
{
    auto end = d.termlist_end();
    auto tl = d.termlist_begin();
    tl.skip_to(P_PROV);
    for (; tl != end; ++tl) {
        std::string t = *tl;
        if (!starts(t, P_PROV))
            break;
        if (starts(t, P_PROV_TEXT))
            s.texts.push_back(t);
        else if (s.key.empty() && (starts(t, P_PROV_DRAFT) || starts(t, P_PROV_ADOPTED))) {
            s.key = t;
            s.draft = starts(t, P_PROV_DRAFT);
        }
    }
    if (!s.year)
        s.year = atoi(d.get_value(SLOT_YEAR).c_str());
}

/* The other side's term for s's key. */
std::string
other_key(const Side &s)
{
    return (s.draft ? P_PROV_ADOPTED : P_PROV_DRAFT) + s.key.substr(strlen(P_PROV_DRAFT));
}

/* The key of a resolution and, when the other side of it is in the index
 * at all, its operative texts. */
bool
read_side(Xapian::Database &x, const std::string &reskey, Side &s)
{
    std::string rt = reskey_term(reskey);
    if (rt.size() > 240) /* a cut term (index.cc): no provenance */
        return false;
    bool first = true;
    for (auto it = x.postlist_begin(rt); it != x.postlist_end(rt); ++it) {
        read_terms(x.get_document(*it), s);
        if (first) {
            first = false;
            if (s.key.empty())
                return false;
            if (!x.term_exists(other_key(s)))
                return false;
        }
    }
    return !s.key.empty() && !s.texts.empty();
}

/* How many of the draft's operative paragraphs must be in the adopted text. */
size_t
needed(size_t draft_ops)
{
    return draft_ops < 2 ? 1 : (draft_ops + 1) / 2;
}

bool
year_fits(int draft_year, int adopted_year)
{
    return draft_year > 0 && adopted_year >= draft_year && adopted_year <= draft_year + 1;
}

/* The symbol as printed, from a paragraph's record. */
std::string
symbol_of(const Xapian::Database &x, const Xapian::Document &d)
{
    arena_t a;
    arena_init(&a);
    resdex_hit_t h;
    memset(&h, 0, sizeof h);
    char *msg = nullptr;
    std::string out;
    if (record_read(x, &a, d, &h, &msg) == RESDEX_STATUS_SUCCESS && h.resolution &&
        h.resolution->symbol)
        out = h.resolution->symbol;
    free(msg);
    arena_free(&a);
    return out;
}

struct Candidate {
    size_t shared = 0;
    int year = 0;
    Xapian::docid doc = 0;
};

/* The resolutions on the other side of s that share operative texts with
 * it, by resolution key. */
std::map<std::string, Candidate>
candidates(Xapian::Database &x, const Side &s)
{
    Xapian::Query texts(Xapian::Query::OP_OR, s.texts.begin(), s.texts.end());
    Xapian::Enquire e(x);
    e.set_query(Xapian::Query(Xapian::Query::OP_FILTER, texts, Xapian::Query(other_key(s))));
    e.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::MSet m = e.get_mset(0, x.get_doccount());
    std::map<std::string, Candidate> out;
    for (auto it = m.begin(); it != m.end(); ++it) {
        Xapian::Document d = it.get_document();
        Candidate &c = out[d.get_value(SLOT_RESKEY)];
        c.shared++;
        c.year = atoi(d.get_value(SLOT_YEAR).c_str());
        c.doc = *it;
    }
    return out;
}

/* A draft's operative paragraphs. */
size_t
operative_count(Xapian::Database &x, const std::string &reskey)
{
    Xapian::Enquire e(x);
    e.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(reskey_term(reskey)),
                              Xapian::Query(std::string(P_KIND) + "operative")));
    e.set_weighting_scheme(Xapian::BoolWeight());
    return e.get_mset(0, x.get_doccount()).size();
}

/* Whether the resolution res of a hit can have a link: the other side of
 * its key (the key its paragraphs carry, provenance_add_terms) is in x. When
 * not, read_side finds no link either, without a document read: the check
 * of most resolutions of a page, which have none. */
bool
may_link(const Xapian::Database &x, const resdex_resolution_t *res)
{
    std::string key = resolution_key(res);
    if (key.empty())
        return false; /* its paragraphs carry no key */
    return x.term_exists((is_draft(res->doc_type) ? P_PROV_ADOPTED : P_PROV_DRAFT) + key);
}

} // namespace

void
provenance_add_terms(Xapian::Document &doc, const resdex_resolution_t *res,
                     const resdex_paragraph_t *p)
{
    std::string key = resolution_key(res);
    if (key.empty())
        return;
    doc.add_boolean_term((is_draft(res->doc_type) ? P_PROV_DRAFT : P_PROV_ADOPTED) + key);
    if (p->kind == RESDEX_KIND_OPERATIVE) {
        std::string text = squeeze(p->text);
        if (!text.empty())
            doc.add_boolean_term(P_PROV_TEXT + hash_hex(text));
    }
}

ProvLinks
provenance_links(Xapian::Database &x, const std::string &reskey)
{
    ProvLinks links;
    Side s;
    if (!read_side(x, reskey, s))
        return links;
    std::map<std::string, Candidate> cands = candidates(x, s);
    if (s.draft) {
        /* A draft is adopted once: the first adoption that fits (a text
         * repeating it a year later is a repeat), sharing most with it. */
        const std::string *best = nullptr;
        const Candidate *bc = nullptr;
        for (const auto &c : cands) {
            if (!year_fits(s.year, c.second.year) || c.second.shared < needed(s.texts.size()))
                continue;
            if (!bc || c.second.year < bc->year ||
                (c.second.year == bc->year && c.second.shared > bc->shared)) {
                best = &c.first;
                bc = &c.second;
            }
        }
        if (bc) {
            links.adopted_as = symbol_of(x, x.get_document(bc->doc));
            links.adopted_as_key = *best;
        }
        return links;
    }
    /* Every draft it was adopted from, oldest first (then by key): those
     * whose own link (above) is to this text, so that the two sides always
     * agree. */
    std::vector<std::pair<int, std::string>> found;
    for (const auto &c : cands)
        if (year_fits(c.second.year, s.year) &&
            c.second.shared >= needed(operative_count(x, c.first)) &&
            provenance_links(x, c.first).adopted_as_key == reskey)
            found.emplace_back(c.second.year, c.first);
    std::sort(found.begin(), found.end());
    for (const auto &f : found) {
        links.from.push_back(symbol_of(x, x.get_document(cands[f.second].doc)));
        links.from_keys.push_back(f.second);
    }
    return links;
}

void
provenance_fill(Xapian::Database &x, resdex_results_t *r,
                std::unordered_map<std::string, ProvLinks> *kept)
{
    size_t n = resdex_results_count(r);
    if (!n)
        return;
    arena_t *a = results_arena(r);
    results_prov_t *prov =
        static_cast<results_prov_t *>(arena_alloc(a, n * sizeof(results_prov_t)));
    if (!prov)
        throw std::bad_alloc();
    std::map<std::string, results_prov_t> seen;
    for (size_t i = 0; i < n; i++) {
        const resdex_resolution_t *res = resdex_results_get(r, i)->resolution;
        std::string reskey =
            Xapian::Unicode::tolower(res->symbol) + "@" + (res->lang ? res->lang : "en");
        auto at = seen.find(reskey);
        if (at == seen.end()) {
            ProvLinks found;
            const ProvLinks *known = nullptr;
            if (!may_link(x, res)) {
                known = &found; /* none */
            } else if (kept) {
                auto k = kept->find(reskey);
                if (k == kept->end())
                    k = kept->emplace(reskey, provenance_links(x, reskey)).first;
                known = &k->second;
            } else {
                found = provenance_links(x, reskey);
                known = &found;
            }
            const ProvLinks &l = *known;
            results_prov_t p = {nullptr, nullptr, 0};
            if (!l.adopted_as.empty() && !(p.adopted_as = arena_strdup(a, l.adopted_as.c_str())))
                throw std::bad_alloc();
            if (!l.from.empty()) {
                const char **from =
                    static_cast<const char **>(arena_alloc(a, l.from.size() * sizeof(char *)));
                if (!from)
                    throw std::bad_alloc();
                for (size_t k = 0; k < l.from.size(); k++)
                    if (!(from[k] = arena_strdup(a, l.from[k].c_str())))
                        throw std::bad_alloc();
                p.from = from;
                p.n_from = l.from.size();
            }
            at = seen.emplace(reskey, p).first;
        }
        prov[i] = at->second;
    }
    results_set_provenance(r, prov, n);
}

Xapian::docid
provenance_same_text(Xapian::Database &x, const std::string &reskey, const Xapian::Document &doc)
{
    Side s;
    read_terms(doc, s);
    if (s.texts.empty())
        return 0;
    Xapian::Enquire e(x);
    e.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(s.texts[0]),
                              Xapian::Query(reskey_term(reskey))));
    e.set_weighting_scheme(Xapian::BoolWeight());
    e.set_docid_order(Xapian::Enquire::ASCENDING);
    Xapian::MSet m = e.get_mset(0, 1);
    return m.empty() ? 0 : *m.begin();
}
