/* query-prep.cc - the query syntax shared by search and similar; see
 * query-prep.hh. */
#include "query-prep.hh"
#include "record.h"
#include "results.h"
#include "terms.hh"
#include "util.h"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <string>

namespace
{

struct Filter {
    const char *field, *prefix;
};
const Filter filters[] = {
    {"body", P_BODY},   {"year", P_YEAR},       {"symbol", P_SYMBOL}, {"kind", P_KIND},
    {"verb", P_VERB},   {"verb", P_VERBPHRASE}, {"tag", P_TAG},       {"lang", P_LANG},
    {"cites", P_CITES}, {nullptr, nullptr},
};

} // namespace

bool
query_is_filter_field(const std::string &f)
{
    for (const Filter *x = filters; x->field; x++)
        if (f == x->field)
            return true;
    return false;
}

namespace
{

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
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/* A query refused: BAD_QUERY with a message naming the filter at fault. */
[[noreturn]] void
refuse(const std::string &message)
{
    throw resdex::Error{RESDEX_STATUS_BAD_QUERY, message};
}

} // namespace

Prepared
prepare(const std::string &q)
{
    Prepared out;
    /* Bytes that are not UTF-8 would reach Xapian's parser as Latin-1 and
     * the messages and JSON output as garbage: refuse them here. */
    size_t bad = 0;
    if (!util_utf8_valid(q.data(), q.size(), nullptr, &bad))
        refuse("the query is not valid UTF-8 (byte " + std::to_string(bad + 1) + ")");
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
        if (colon == std::string::npos || !query_is_filter_field(lfield)) {
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
                refuse("unbalanced quote after " + field + ": at position " +
                       std::to_string(i + 1));
            value = q.substr(i + 1, close - i - 1);
            i = close + 1;
            quoted = true;
        }
        /* "(kind:preambular OR kind:other)": closing brackets after a value
         * close the group; they are not part of it (a value keeps the
         * brackets it opens itself: cites:E/CN.15/2023/L.3(rev)). */
        std::string trail;
        if (!quoted) {
            long depth = 0;
            for (char ch : value)
                depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
            while (!value.empty() && value.back() == ')' && depth < 0) {
                trail += ')';
                value.pop_back();
                depth++;
            }
        }
        value = Xapian::Unicode::tolower(value);
        std::string where = " (at position " + std::to_string(start + 1) + ")";
        if (value.empty())
            refuse(field + ": needs a value" + where);
        if (lfield == "year") {
            size_t dots = value.find("..");
            if (dots == std::string::npos) {
                if (!all_digits(value) || value.size() != 4)
                    refuse("year:" + value + " is not a year: use year:2017 or year:2015..2023" +
                           where);
                out.text += lead + "year:" + value + trail;
                continue;
            }
            std::string a = value.substr(0, dots), b = value.substr(dots + 2);
            if ((!a.empty() && (!all_digits(a) || a.size() != 4)) ||
                (!b.empty() && (!all_digits(b) || b.size() != 4)))
                refuse("year:" + value + " is not a range of years: use year:2015..2023" + where);
            unsigned from = a.empty() ? 1945 : std::stoul(a);
            unsigned to = b.empty() ? 2100 : std::stoul(b);
            if (from > to)
                refuse("year:" + value + " is a reversed range: " + std::to_string(from) +
                       " is after " + std::to_string(to) + where);
            if (to - from > MAX_YEAR_SPAN)
                refuse("year:" + value + " spans more than " + std::to_string(MAX_YEAR_SPAN) +
                       " years" + where);
            if (lead.find_first_of("+-") != std::string::npos)
                refuse("year:" + value + ": a range cannot be negated or required with " + lead +
                       where);
            out.text += lead + "(";
            for (unsigned y = from; y <= to; y++)
                out.text += (y == from ? "" : " ") + std::string("year:") + std::to_string(y);
            out.text += ")" + trail;
            continue;
        }
        if (lfield == "kind") {
            out.has_kind = true;
            if (!one_of(value, {"preambular", "operative", "other"}))
                refuse("kind:" + value + " is not a kind: use preambular, operative or other" +
                       where);
        } else if (lfield == "body") {
            if (value == "general-assembly" || value == "a")
                value = "ga";
            else if (value == "e")
                value = "ecosoc";
            if (!one_of(value, {"ga", "ecosoc", "ccpcj", "cnd"}))
                refuse("body:" + value + " is not a body: use ga, ecosoc, ccpcj or cnd" + where);
        } else if (lfield == "lang") {
            if (!one_of(value, {"en", "fr", "es", "ru", "ar", "zh"}))
                refuse("lang:" + value + " is not a language: use en, fr, es, ru, ar or zh" +
                       where);
            out.lang = value;
        }
        if (quoted || value.find(' ') != std::string::npos)
            out.text += lead + lfield + ":\"" + value + "\"";
        else
            out.text += lead + lfield + ":" + value;
        out.text += trail;
    }
    if (in_quote)
        refuse("unbalanced quote: a phrase opened with \" is not closed");
    return out;
}

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

extern const unsigned QP_FLAGS;
const unsigned QP_FLAGS = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                          Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                          Xapian::QueryParser::FLAG_PURE_NOT | Xapian::QueryParser::FLAG_CJK_NGRAM;

resdex_status_t
fill_hit(resdex_db_t *db, resdex_results_t *r, const Xapian::Document &doc, resdex_hit_t **out)
{
    resdex_hit_t *hit = results_add_hit(r);
    if (!hit)
        resdex::out_of_memory("adding a hit");
    std::string data = doc.get_data();
    char *msg = nullptr;
    resdex_status_t st = record_decode(results_arena(r), data.data(), data.size(), hit, &msg);
    if (st != RESDEX_STATUS_SUCCESS) {
        std::unique_ptr<char, void (*)(void *)> owned(msg, free); /* freed if this throws */
        std::string m = msg ? msg : resdex_status_to_string(st);
        return db_fail(db, st, "document " + std::to_string(doc.get_docid()) + ": " + m);
    }
    *out = hit;
    return RESDEX_STATUS_SUCCESS;
}
