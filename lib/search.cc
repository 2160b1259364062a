/* search.cc - queries: the filter syntax, ranking, snippets, result pages. */
#include "db-private.hh"
#include "record.h"
#include "results.h"
#include "stem.hh"
#include "terms.hh"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

namespace {

/* Limits that keep a hostile query from eating the machine. */
const unsigned MAX_WILDCARD_EXPANSION = 1000;
const unsigned MAX_YEAR_SPAN = 200;
const unsigned MAX_LIMIT = 100000;

struct Filter {
    const char *field, *prefix;
};
const Filter filters[] = {
    {"body", P_BODY},     {"year", P_YEAR},  {"symbol", P_SYMBOL}, {"kind", P_KIND},
    {"verb", P_VERB},     {"verb", P_VERBPHRASE}, {"tag", P_TAG},  {"lang", P_LANG},
    {"cites", P_CITES},   {nullptr, nullptr},
};

bool
is_filter_field(const std::string &f)
{
    for (const Filter *x = filters; x->field; x++)
        if (f == x->field)
            return true;
    return false;
}

bool
one_of(const std::string &v, std::initializer_list<const char *> allowed)
{
    for (const char *a : allowed)
        if (v == a)
            return true;
    return false;
}

bool
all_digits(const std::string &s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

struct Prepared {
    std::string text;     /* the query for Xapian's parser */
    std::string lang;     /* from lang:, for the stemmer */
    bool has_kind = false;
    bool plain_words = true; /* no operators, quotes, filters: eligible for the phrase boost */
    unsigned words = 0;
};

/* Rewrite the user's query for Xapian's QueryParser: lower-case the values
 * of filters (terms are lower-case), check them, and expand year ranges into
 * years (filters of one field are OR'ed by the parser). Throws a message. */
Prepared
prepare(const std::string &q)
{
    Prepared out;
    size_t i = 0, n = q.size();
    bool in_quote = false;
    while (i < n) {
        char c = q[i];
        if (c == '"') {
            in_quote = !in_quote;
            out.plain_words = false;
            out.text += c;
            i++;
            continue;
        }
        if (in_quote || c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            out.text += c;
            i++;
            continue;
        }
        /* A token: up to white space (a quoted filter value runs to its quote). */
        size_t start = i;
        while (i < n && q[i] != ' ' && q[i] != '\t' && q[i] != '\n' && q[i] != '"')
            i++;
        std::string tok = q.substr(start, i - start);
        size_t colon = tok.find(':');
        std::string field = colon == std::string::npos ? "" : tok.substr(0, colon);
        while (!field.empty() && (field[0] == '-' || field[0] == '+' || field[0] == '('))
            field.erase(0, 1);
        std::string lfield = Xapian::Unicode::tolower(field);
        if (colon == std::string::npos || !is_filter_field(lfield)) {
            if (tok == "AND" || tok == "OR" || tok == "NOT" || tok == "NEAR" || tok == "XOR" ||
                tok.find_first_of("*()+-:") != std::string::npos)
                out.plain_words = false;
            else
                out.words++;
            out.text += tok;
            continue;
        }
        out.plain_words = false;
        std::string lead = tok.substr(0, colon - field.size());
        std::string value = tok.substr(colon + 1);
        bool quoted = false;
        if (value.empty() && i < n && q[i] == '"') {
            /* field:"a quoted value" */
            size_t close = q.find('"', i + 1);
            if (close == std::string::npos)
                throw std::string("unbalanced quote after ") + field + ": at position " +
                    std::to_string(i + 1);
            value = q.substr(i + 1, close - i - 1);
            i = close + 1;
            quoted = true;
        }
        value = Xapian::Unicode::tolower(value);
        std::string where = " (at position " + std::to_string(start + 1) + ")";
        if (value.empty())
            throw field + ": needs a value" + where;
        if (lfield == "year") {
            size_t dots = value.find("..");
            if (dots == std::string::npos) {
                if (!all_digits(value) || value.size() != 4)
                    throw "year:" + value + " is not a year: use year:2017 or year:2015..2023" +
                        where;
                out.text += lead + "year:" + value;
                continue;
            }
            std::string a = value.substr(0, dots), b = value.substr(dots + 2);
            if ((!a.empty() && (!all_digits(a) || a.size() != 4)) ||
                (!b.empty() && (!all_digits(b) || b.size() != 4)))
                throw "year:" + value + " is not a range of years: use year:2015..2023" + where;
            unsigned from = a.empty() ? 1945 : std::stoul(a);
            unsigned to = b.empty() ? 2100 : std::stoul(b);
            if (from > to)
                throw "year:" + value + " is a reversed range: " + std::to_string(from) +
                    " is after " + std::to_string(to) + where;
            if (to - from > MAX_YEAR_SPAN)
                throw "year:" + value + " spans more than " + std::to_string(MAX_YEAR_SPAN) +
                    " years" + where;
            if (!lead.empty())
                throw "year:" + value + ": a range cannot be negated or required with " + lead +
                    where;
            out.text += "(";
            for (unsigned y = from; y <= to; y++)
                out.text += (y == from ? "" : " ") + std::string("year:") + std::to_string(y);
            out.text += ")";
            continue;
        }
        if (lfield == "kind") {
            out.has_kind = true;
            if (!one_of(value, {"preambular", "operative", "other"}))
                throw "kind:" + value + " is not a kind: use preambular, operative or other" +
                    where;
        } else if (lfield == "body") {
            if (value == "general-assembly" || value == "a")
                value = "ga";
            else if (value == "e")
                value = "ecosoc";
            if (!one_of(value, {"ga", "ecosoc", "ccpcj", "cnd"}))
                throw "body:" + value + " is not a body: use ga, ecosoc, ccpcj or cnd" + where;
        } else if (lfield == "lang") {
            if (!one_of(value, {"en", "fr", "es", "ru", "ar", "zh"}))
                throw "lang:" + value + " is not a language: use en, fr, es, ru, ar or zh" + where;
            out.lang = value;
        }
        if (quoted || value.find(' ') != std::string::npos)
            out.text += lead + lfield + ":\"" + value + "\"";
        else
            out.text += lead + lfield + ":" + value;
    }
    if (in_quote)
        throw std::string("unbalanced quote: a phrase opened with \" is not closed");
    return out;
}

/* The language of a query without lang:, from its script: Cyrillic is
 * Russian, Arabic script Arabic, Han Chinese; anything else English. */
std::string
language_of_script(const std::string &q)
{
    for (Xapian::Utf8Iterator it(q); it != Xapian::Utf8Iterator(); ++it) {
        unsigned c = *it;
        if (c >= 0x0400 && c <= 0x04FF)
            return "ru";
        if ((c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F))
            return "ar";
        if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF))
            return "zh";
    }
    return "en";
}

void
configure_parser(Xapian::QueryParser &qp, Xapian::Database &x, const Xapian::Stem &stem)
{
    qp.set_database(x);
    qp.set_stemmer(stem);
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_default_op(Xapian::Query::OP_AND);
    qp.set_max_expansion(MAX_WILDCARD_EXPANSION, Xapian::Query::WILDCARD_LIMIT_ERROR);
    for (const Filter *f = filters; f->field; f++)
        qp.add_boolean_prefix(f->field, f->prefix);
    qp.add_prefix("title", P_TITLE);
}

const unsigned QP_FLAGS = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                          Xapian::QueryParser::FLAG_LOVEHATE |
                          Xapian::QueryParser::FLAG_WILDCARD |
                          Xapian::QueryParser::FLAG_PURE_NOT |
                          Xapian::QueryParser::FLAG_CJK_NGRAM;

/* Xapian highlights each matched term on its own; show a matched phrase as
 * one run by joining highlights separated only by spaces. */
std::string
join_highlights(const std::string &s, const std::string &hs, const std::string &he)
{
    std::string sep = he + " " + hs;
    std::string out;
    size_t pos = 0;
    for (;;) {
        size_t k = s.find(sep, pos);
        if (k == std::string::npos) {
            out.append(s, pos, std::string::npos);
            return out;
        }
        out.append(s, pos, k - pos);
        out += ' ';
        pos = k + sep.size();
    }
}

resdex_status_t
fill_hit(resdex_db_t *db, resdex_results_t *r, const Xapian::Document &doc, resdex_hit_t **out)
{
    resdex_hit_t *hit = results_add_hit(r);
    if (!hit)
        throw std::bad_alloc();
    std::string data = doc.get_data();
    char *msg = nullptr;
    resdex_status_t st = record_decode(results_arena(r), data.data(), data.size(), hit, &msg);
    if (st != RESDEX_STATUS_SUCCESS) {
        std::string m = msg ? msg : "corrupt record";
        free(msg);
        return db_fail(db, st, "document " + std::to_string(doc.get_docid()) + ": " + m);
    }
    *out = hit;
    return RESDEX_STATUS_SUCCESS;
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
    Prepared prep;
    try {
        prep = prepare(qtext);
    } catch (const std::string &m) {
        return db_fail(db, RESDEX_STATUS_BAD_QUERY, m);
    }
    /* A query searches one language: lang: says which, else its script. */
    bool lang_given = !prep.lang.empty();
    if (!lang_given)
        prep.lang = language_of_script(qtext);
    const char *lang = prep.lang.c_str();
    Xapian::Stem stem = resdex_stemmer(lang);
    Xapian::QueryParser qp;
    configure_parser(qp, x, stem);
    Xapian::Query query;
    try {
        prep.text = resdex_prepare_text(prep.text, lang);
        query = qp.parse_query(prep.text, QP_FLAGS);
    } catch (const Xapian::QueryParserError &e) {
        return db_fail(db, RESDEX_STATUS_BAD_QUERY, "cannot parse the query: " + e.get_msg());
    } catch (const Xapian::WildcardError &e) {
        return db_fail(db, RESDEX_STATUS_BAD_QUERY,
                       "a wildcard matches too many words (limit " +
                           std::to_string(MAX_WILDCARD_EXPANSION) + "): make the prefix longer");
    }
    if (query.empty())
        return db_fail(db, RESDEX_STATUS_BAD_QUERY, "empty query");
    /* Words typed one after the other: paragraphs that have them as a phrase
     * rank first. */
    if (prep.plain_words && prep.words >= 2) {
        Xapian::Query phrase = qp.parse_query("\"" + prep.text + "\"", QP_FLAGS);
        if (!phrase.empty())
            query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, phrase);
    }
    if (!lang_given)
        query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                              Xapian::Query(std::string(P_LANG) + prep.lang));
    if (!o->all_kinds && !prep.has_kind)
        query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                              Xapian::Query(std::string(P_KIND) + "operative"));

    Xapian::Enquire enquire(x);
    enquire.set_query(query);
    if (o->sort == RESDEX_SORT_DATE)
        enquire.set_sort_by_value_then_relevance(SLOT_DATE, true);
    else
        enquire.set_sort_by_relevance_then_value(SLOT_DATE, true);

    Xapian::ValueCountMatchSpy body_spy(SLOT_BODY), year_spy(SLOT_YEAR), verb_spy(SLOT_VERB);
    if (o->facets) {
        enquire.add_matchspy(&body_spy);
        enquire.add_matchspy(&year_spy);
        enquire.add_matchspy(&verb_spy);
    }
    unsigned limit = std::min(o->limit, MAX_LIMIT);
    Xapian::doccount check = o->facets ? x.get_doccount() : std::max(limit + o->offset, 100u);
    Xapian::MSet mset = enquire.get_mset(o->offset, limit, check);
    results_set_total(r, mset.get_matches_estimated());
    if (o->facets) {
        struct {
            const char *name;
            Xapian::ValueCountMatchSpy *spy;
        } spies[] = {{"body", &body_spy}, {"year", &year_spy}, {"verb", &verb_spy}};
        for (auto &s : spies)
            for (auto it = s.spy->top_values_begin(1000); it != s.spy->top_values_end(1000); ++it)
                if (results_add_facet(r, s.name, (*it).c_str(), it.get_termfreq()) != 0)
                    throw std::bad_alloc();
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
            std::string snip = mset.snippet(hit->paragraph->text, 300, stem,
                                            Xapian::MSet::SNIPPET_BACKGROUND_MODEL, hs, he, "…");
            snip = join_highlights(snip, hs, he);
            hit->snippet = arena_strdup(results_arena(r), snip.c_str());
        }
    }
    return RESDEX_STATUS_SUCCESS;
}

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

} // namespace

extern "C" resdex_status_t
resdex_db_search(resdex_db_t *db, const resdex_search_options_t *options,
                 resdex_results_t **results)
{
    if (results)
        *results = nullptr;
    if (!db || !options || !results)
        return RESDEX_STATUS_BAD_ARGUMENT;
    resdex_results_t *r = nullptr;
    resdex_status_t st = guarded(db, [&] {
        return with_reopen(db, [&] {
            resdex_results_destroy(r);
            r = results_new();
            if (!r)
                throw std::bad_alloc();
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
resdex_db_get_resolution(resdex_db_t *db, const char *symbol, const char *lang,
                         resdex_results_t **results)
{
    if (results)
        *results = nullptr;
    if (!db || !symbol || !*symbol || !results)
        return RESDEX_STATUS_BAD_ARGUMENT;
    resdex_results_t *r = nullptr;
    resdex_status_t st = guarded(db, [&] {
        return with_reopen(db, [&]() -> resdex_status_t {
            resdex_results_destroy(r);
            r = results_new();
            if (!r)
                throw std::bad_alloc();
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
