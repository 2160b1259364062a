/* query-prep.cc - the query language; see query-prep.hh.
 *
 * What Xapian's QueryParser cannot be told, the scan below settles before it
 * runs, on the one token list: case (the parser leaves a capitalised word
 * unstemmed, so "Encourage" would only find "encourage" as written: every
 * word but an operator is lower-cased), the numbers of NEAR/n and ADJ/n (the
 * parser wraps them at 2^32 and takes a bad one as words), field names (an
 * unknown name: before a value is an error, not two words), a query with
 * nothing positive (the parser takes "-prison" alone as "prison"), and where
 * a syntax error is (the parser's messages have no position). The parser
 * then builds the query; filter values reach the FieldProcessors and
 * RangeProcessor below, which check them against the schema.
 *
 * A colon: "name:value" is a field when name is letters only and a value
 * follows without a space; an unknown name is an error. A colon after a
 * word and before a space is punctuation ("Note: ..."), and a colon between
 * digits ("10:30") is part of a word. */
#include "query-prep.hh"
#include "adoption.h"
#include "error.hh"
#include "record.h"
#include "results.h"
#include "schema.hh"
#include "stem.hh"
#include "stopwords.hh"
#include "synonyms.hh"
#include "terms.hh"
#include "util.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace
{

/* Is w (lower-cased) a UN document symbol: a series of the GA, ECOSOC or
 * the Security Council and at least two more parts ("a/res/70/174",
 * "e/cn.15/2023/13", "s/res/2133(2014)")? */
bool
is_symbol_word(const std::string &w)
{
    size_t slash = w.find('/');
    if (slash == std::string::npos || w.find('/', slash + 1) == std::string::npos ||
        w.back() == '/')
        return false;
    const std::string series = w.substr(0, slash);
    if (series != "a" && series != "e" && series != "s")
        return false;
    return w.find_first_of("\"*:") == std::string::npos;
}

/* A query refused: BAD_QUERY with a message saying what is wrong and where. */
[[noreturn]] void
refuse(const std::string &message)
{
    throw resdex::Error{RESDEX_STATUS_BAD_QUERY, message};
}

enum class Tok { WORD, PHRASE, FIELD, OP, OPEN, CLOSE };

struct Token {
    Tok type;
    size_t pos;       /* 0-based byte offset in the query */
    std::string text; /* as given to the parser: lower-cased, but for operators */
    std::string field, value;
    char sign = 0; /* '-' or '+' in front */
};

std::string
where(size_t pos)
{
    return " (at position " + std::to_string(pos + 1) + ")";
}

bool
is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool
is_binary_op(const std::string &t)
{
    return t == "AND" || t == "OR" || t == "XOR" || t == "NEAR" || t == "ADJ" ||
           t.compare(0, 5, "NEAR/") == 0 || t.compare(0, 4, "ADJ/") == 0;
}

/* NEAR/n, ADJ/n: n from 1 to MAX_NEAR_DISTANCE. */
void
check_distance(const std::string &t, size_t pos)
{
    size_t slash = t.find('/');
    if (slash == std::string::npos)
        return;
    std::string n = t.substr(slash + 1);
    bool digits = !n.empty() && n.size() <= 9 &&
                  std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; });
    unsigned long v = digits ? std::strtoul(n.c_str(), nullptr, 10) : 0;
    if (v < 1 || v > MAX_NEAR_DISTANCE)
        refuse(t + ": the distance is a whole number of words from 1 to " +
               std::to_string(MAX_NEAR_DISTANCE) + where(pos));
}

/* The leading letters of s if a colon follows them, else "". */
std::string
field_name(const std::string &s)
{
    size_t i = 0;
    while (i < s.size() && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
        i++;
    return i > 0 && i < s.size() && s[i] == ':' ? s.substr(0, i) : std::string();
}

std::string
lower(const std::string &s)
{
    return Xapian::Unicode::tolower(s);
}

std::string
field_list()
{
    std::string out;
    for (const Field *f = schema_fields; f->name; f++)
        out += (out.empty() ? "" : " ") + std::string(f->name) + ":";
    return out;
}

void
unknown_field(const std::string &name, size_t pos)
{
    std::string near = schema_nearest_field(lower(name));
    refuse("unknown field '" + name + "'" +
           (near.empty() ? " (fields: " + field_list() + ")" : " — did you mean " + near + ":?") +
           where(pos) + "; quote a word with a colon to search for it");
}

std::vector<Token>
scan(const std::string &q)
{
    std::vector<Token> toks;
    long depth = 0;
    size_t i = 0, n = q.size();
    while (i < n) {
        if (is_space(q[i])) {
            i++;
            continue;
        }
        size_t start = i;
        char sign = 0;
        if ((q[i] == '-' || q[i] == '+') && i + 1 < n && !is_space(q[i + 1]))
            sign = q[i++];
        if (q[i] == '(') {
            toks.push_back({Tok::OPEN, start, "(", "", "", sign});
            depth++;
            i++;
            continue;
        }
        if (q[i] == ')') {
            toks.push_back({Tok::CLOSE, start, ")", "", "", sign});
            depth--;
            i++;
            continue;
        }
        if (q[i] == '"') {
            size_t close = q.find('"', i + 1);
            if (close == std::string::npos)
                refuse("unbalanced quote: the phrase opened" + where(i) + " is not closed");
            toks.push_back({Tok::PHRASE, start, lower(q.substr(i, close + 1 - i)), "", "", sign});
            i = close + 1;
            continue;
        }
        size_t j = i;
        while (j < n && !is_space(q[j]) && q[j] != '"')
            j++;
        std::string run = q.substr(i, j - i);
        /* Closing brackets after a word close groups: they are not part of
         * it (a value keeps the brackets it opens: cites:E/CN.15/2023/L.3(rev)). */
        long opened = 0;
        for (char c : run)
            opened += c == '(' ? 1 : c == ')' ? -1 : 0;
        size_t closers = 0;
        while (!run.empty() && run.back() == ')' && opened < 0) {
            run.pop_back();
            opened++;
            closers++;
        }
        std::string name = field_name(run);
        if (!name.empty()) {
            const Field *f = schema_field(lower(name));
            std::string value = run.substr(name.size() + 1);
            std::string text = lower(name) + ":";
            if (run.size() == name.size() + 1 && j < n && q[j] == '"') {
                size_t close = q.find('"', j + 1);
                if (close == std::string::npos)
                    refuse("unbalanced quote after " + name + ": at position " +
                           std::to_string(j + 1));
                value = q.substr(j + 1, close - j - 1);
                text += "\"" + lower(value) + "\"";
                j = close + 1;
                closers = 0;
            } else {
                text += lower(value);
            }
            if (f && value.empty())
                refuse(name + ": needs a value" + where(start));
            if (!f && !value.empty())
                unknown_field(name, start);
            if (f)
                toks.push_back({Tok::FIELD, start, text, f->name, lower(value), sign});
            else
                toks.push_back({Tok::WORD, start, lower(run), "", "", sign});
        } else if (!sign && (run == "NOT" || is_binary_op(run))) {
            check_distance(run, start);
            toks.push_back({Tok::OP, start, run, "", "", 0});
        } else {
            toks.push_back({Tok::WORD, start, lower(run), "", "", sign});
        }
        for (size_t k = 0; k < closers; k++)
            toks.push_back({Tok::CLOSE, j - closers + k, ")", "", "", 0});
        depth -= static_cast<long>(closers);
        i = j;
    }
    return toks;
}

/* Where a syntax error is: the first operator that lacks an expression on
 * one side (at the start or end of the query or of a bracket, or next to
 * another operator). SIZE_MAX when there is none. */
size_t
dangling_operator(const std::vector<Token> &t)
{
    auto binary = [&](size_t k) { return t[k].type == Tok::OP && t[k].text != "NOT"; };
    for (size_t k = 0; k < t.size(); k++) {
        if (t[k].type != Tok::OP)
            continue;
        bool left_missing =
            binary(k) && (k == 0 || t[k - 1].type == Tok::OPEN || t[k - 1].type == Tok::OP);
        bool right_missing = k + 1 == t.size() || t[k + 1].type == Tok::CLOSE || binary(k + 1);
        if (left_missing || right_missing)
            return t[k].pos;
    }
    return SIZE_MAX;
}

/* Does the query say what to find, or only what to leave out? */
bool
has_positive(const std::vector<Token> &t)
{
    long depth = 0;
    bool after_not = false;
    for (const Token &k : t) {
        if (k.type == Tok::CLOSE) {
            depth--;
            continue;
        }
        if (depth == 0 && k.type != Tok::OP && k.sign != '-' && !after_not)
            return true;
        after_not = depth == 0 && k.type == Tok::OP && k.text == "NOT";
        if (k.type == Tok::OPEN)
            depth++;
    }
    return false;
}

/* The filter values as the parser hands them over, and the tokens to find
 * where they stand. A bad value is kept here, not thrown: an exception
 * through Xapian's parser leaks its parse state. */
struct Context {
    const std::vector<Token> &toks;
    std::string error;         /* the first bad value's message */
    bool has_adoption = false; /* the index has adoption metadata (RESDEX_META_ADOPTION) */

    Xapian::Query fail(const std::string &message)
    {
        if (error.empty())
            error = message;
        return Xapian::Query::MatchNothing;
    }

    size_t position_of(const std::string &field, const std::string &value) const
    {
        size_t first = SIZE_MAX;
        for (const Token &t : toks)
            if (t.type == Tok::FIELD && t.field == field) {
                if (t.value == value || lower(t.value).compare(0, value.size(), value) == 0)
                    return t.pos;
                first = std::min(first, t.pos);
            }
        return first == SIZE_MAX ? 0 : first;
    }
};

std::string
one_of(const std::string &values)
{
    std::vector<std::string> v;
    size_t i = 0;
    while (i < values.size()) {
        size_t sp = values.find(' ', i);
        v.push_back(values.substr(i, sp - i));
        i = sp == std::string::npos ? values.size() : sp + 1;
    }
    std::string out;
    for (size_t k = 0; k < v.size(); k++)
        out += (k == 0 ? "" : k + 1 == v.size() ? " or " : ", ") + v[k];
    return out;
}

bool
is_year(const std::string &s)
{
    return s.size() == 4 &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

class FilterProcessor : public Xapian::FieldProcessor
{
    const Field &f;
    Context &ctx;

  public:
    FilterProcessor(const Field &field, Context &c) : f(field), ctx(c)
    {
    }

    Xapian::Query operator()(const std::string &raw) override
    {
        std::string v = lower(raw);
        size_t at = ctx.position_of(f.name, v);
        /* The parser ends a value at ')': give back the one it opened. */
        long open = 0;
        for (char c : v)
            open += c == '(' ? 1 : c == ')' ? -1 : 0;
        if (open > 0)
            v.append(static_cast<size_t>(open), ')');
        if (v.empty())
            return ctx.fail(std::string(f.name) + ": needs a value" + where(at));
        if (f.type == FieldType::YEAR && !is_year(v))
            return ctx.fail("year:" + v + " is not a year: use year:2017 or year:2015..2023" +
                            where(at));
        if (!schema_canonical_value(f, v))
            return ctx.fail(std::string(f.name) + ":" + v + " is not a " + f.noun + ": use " +
                            one_of(schema_values(f)) + where(at));
        if (schema_is_adoption_field(f) && !ctx.has_adoption)
            return ctx.fail(std::string(f.name) +
                            ": this index was built before resdex read how texts were adopted; "
                            "delete it and reindex to use " +
                            f.name + ":" + where(at));
        return Xapian::Query(f.prefix + v);
    }
};

/* year:A..B, either end open, on the year's value slot. */
class YearRange : public Xapian::RangeProcessor
{
    Context &ctx;

  public:
    YearRange(const Field &f, Context &c)
        : Xapian::RangeProcessor(static_cast<Xapian::valueno>(f.slot), std::string(f.name) + ":"),
          ctx(c)
    {
    }

    Xapian::Query operator()(const std::string &a, const std::string &b) override
    {
        std::string v = a + ".." + b;
        std::string at = where(ctx.position_of("year", v));
        if ((!a.empty() && !is_year(a)) || (!b.empty() && !is_year(b)) || (a.empty() && b.empty()))
            return ctx.fail("year:" + v + " is not a range of years: use year:2015..2023" + at);
        if (!a.empty() && !b.empty()) {
            if (a > b)
                return ctx.fail("year:" + v + " is a reversed range: " + a + " is after " + b + at);
            if (std::stoul(b) - std::stoul(a) > MAX_YEAR_SPAN)
                return ctx.fail("year:" + v + " spans more than " + std::to_string(MAX_YEAR_SPAN) +
                                " years" + at);
            return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, a, b);
        }
        if (a.empty())
            return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, b);
        return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, a);
    }
};

/* The parser's way to say "every paragraph" in front of a query that only
 * leaves things out. A name the scan never lets through. */
const char ALL_FIELD[] = "resdexall";

class AllProcessor : public Xapian::FieldProcessor
{
  public:
    Xapian::Query operator()(const std::string &) override
    {
        /* Every searched paragraph: not the shadowed copies (copies.cc). */
        return Xapian::Query(Xapian::Query::OP_AND_NOT, match_all(), Xapian::Query(P_DORMANT));
    }
};

/* A symbol typed as a word (parse_query): the paragraphs that cite it and
 * those of the document, as weightless terms beside the words (a field of
 * the parser's own, not of the query language: the scan refuses it). */
const char SYMBOL_FIELD[] = "resdexsymbol";

/* The symbol reaches the processor in hex: the parser would split it at
 * its slashes and dots. */
std::string
to_hex(const std::string &s)
{
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : s) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

class SymbolProcessor : public Xapian::FieldProcessor
{
  public:
    Xapian::Query operator()(const std::string &hex) override
    {
        auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
        std::string v;
        for (size_t i = 0; i + 1 < hex.size(); i += 2)
            v += static_cast<char>(nibble(hex[i]) << 4 | nibble(hex[i + 1]));
        return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                             Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(P_CITES + v),
                                           Xapian::Query(P_SYMBOL + v)),
                             0.0);
    }
};

/* The words of the query (not operators, not filters), lower-case. */
std::vector<std::string>
query_words(const std::vector<Token> &toks)
{
    std::vector<std::string> out;
    for (const Token &t : toks) {
        /* A symbol is in no language ("a/res/70/174" is not French). */
        if ((t.type != Tok::WORD && t.type != Tok::PHRASE) || is_symbol_word(t.text))
            continue;
        std::string w;
        for (Xapian::Utf8Iterator it(t.text); it != Xapian::Utf8Iterator(); ++it) {
            if (Xapian::Unicode::is_wordchar(*it)) {
                Xapian::Unicode::append_utf8(w, *it);
            } else if (!w.empty()) {
                out.push_back(w);
                w.clear();
            }
        }
        if (!w.empty())
            out.push_back(w);
    }
    return out;
}

/* The language the words are written in: their script, then, among the
 * languages of that script the index holds, the one whose paragraphs have
 * most of the words, as written (without accents) or in a form of the same
 * stem (ties: the one with more paragraphs that have them, then the first
 * in schema_languages). */
const char *
language_of_words(Xapian::Database &x, const std::vector<std::string> &words)
{
    bool latin = false;
    for (const std::string &w : words)
        for (Xapian::Utf8Iterator it(w); it != Xapian::Utf8Iterator(); ++it) {
            Script s;
            if (!schema_script_of(*it, &s))
                continue;
            if (s != Script::LATIN) {
                for (const Language *l = schema_languages; l->code; l++)
                    if (l->script == s)
                        return l->code;
            }
            latin = true;
        }
    const char *best = "en";
    std::vector<const Language *> cands;
    for (const Language *l = schema_languages; l->code; l++)
        if ((l->script == Script::LATIN || !latin) && x.term_exists(std::string(P_LANG) + l->code))
            cands.push_back(l);
    /* No word (filters only): English if indexed, else the first language
     * the index holds. */
    if (!latin)
        return cands.empty() || x.term_exists(std::string(P_LANG) + best) ? best : cands[0]->code;
    if (cands.size() < 2)
        return cands.empty() ? best : cands[0]->code;
    /* Most words found; ties: the most paragraphs with them. */
    size_t best_found = 0;
    Xapian::doccount best_count = 0;
    for (const Language *l : cands) {
        Xapian::Query lang(std::string(P_LANG) + l->code);
        size_t found = 0;
        Xapian::doccount count = 0;
        Xapian::Stem stem = lang_stemmer(l->code);
        for (size_t k = 0; k < words.size() && k < 12; k++) {
            /* The word as written (without accents), or a form of it. */
            Xapian::Query word(Xapian::Query::OP_OR, Xapian::Query(resdex_fold(words[k])),
                               Xapian::Query("Z" + stem(words[k])));
            Xapian::Enquire e(x);
            e.set_query(Xapian::Query(Xapian::Query::OP_FILTER, word, lang));
            Xapian::doccount m = e.get_mset(0, 0, x.get_doccount()).get_matches_estimated();
            if (m > 0) {
                found++;
                count += m;
            }
        }
        if (found > best_found || (found == best_found && count > best_count)) {
            best = l->code;
            best_found = found;
            best_count = count;
        }
    }
    return best;
}

/* The synonyms the index has for the words of text (synonyms.hh), each a
 * quoted phrase, OR-ed (at most 8); "" when none. */
std::string
synonym_of(Xapian::Database &x, const std::string &text)
{
    std::string key = synonym_words(text), out;
    if (key.empty())
        return key;
    int n = 0;
    if (x.get_metadata(RESDEX_META_SYNONYM_TERMS) == "1") {
        /* From the paragraphs' terms (terms.hh P_SYNONYM), in the same
         * order as Xapian's table: also over remote shards. */
        std::string prefix = P_SYNONYM + key + '\x1f';
        for (auto it = x.allterms_begin(prefix); it != x.allterms_end(prefix) && n < 8; ++it, n++)
            out += (out.empty() ? "\"" : " OR \"") + (*it).substr(prefix.size()) + "\"";
        return out;
    }
    for (auto it = x.synonyms_begin(key); it != x.synonyms_end(key) && n < 8; ++it, n++)
        out += (out.empty() ? "\"" : " OR \"") + *it + "\"";
    return out;
}

const unsigned QP_FLAGS = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                          Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                          Xapian::QueryParser::FLAG_PURE_NOT | Xapian::QueryParser::FLAG_CJK_NGRAM;

} // namespace

const char *
language_of_script(const std::string &text)
{
    for (Xapian::Utf8Iterator it(text); it != Xapian::Utf8Iterator(); ++it) {
        Script s;
        if (schema_script_of(*it, &s) && s != Script::LATIN)
            for (const Language *l = schema_languages; l->code; l++)
                if (l->script == s)
                    return l->code;
    }
    return "en";
}

ParsedQuery
parse_query(Xapian::Database &x, const std::string &text, QueryMode mode,
            const std::string &lang_hint)
{
    /* Bytes that are not UTF-8 would reach Xapian's parser as Latin-1 and
     * the messages and JSON output as garbage: refuse them here. */
    size_t bad = 0;
    if (!util_utf8_valid(text.data(), text.size(), nullptr, &bad))
        refuse("the query is not valid UTF-8 (byte " + std::to_string(bad + 1) + ")");
    std::vector<Token> toks = scan(text);
    Context ctx{toks, std::string()};
    ctx.has_adoption = x.get_metadata(RESDEX_META_ADOPTION) == "1";
    ParsedQuery out;
    bool plain = true;
    unsigned words = 0;
    const char *stem_lang = nullptr;
    out.only_filters = true;
    for (const Token &t : toks) {
        const Field *f = t.type == Tok::FIELD ? schema_field(t.field) : nullptr;
        bool text_field = f && f->type == FieldType::TEXT;
        if (t.type == Tok::WORD || t.type == Tok::PHRASE || text_field) {
            out.only_filters = false;
            if (mode == QueryMode::FILTERS)
                refuse("similar takes filters only (" + field_list() + "): '" +
                       (text_field ? t.value : t.text) + "' is not a filter" + where(t.pos));
        }
        if (t.type == Tok::WORD && !t.sign && t.text.find_first_of("*()+-:") == std::string::npos)
            words++;
        else
            plain = false;
        if (f && !std::strcmp(f->name, "kind"))
            out.has_kind = true;
        /* Any lang: lifts the default language filter; the first one not
         * negated says how to stem. */
        if (f && f->from == FieldValues::LANGS) {
            out.lang_given = true;
            const Language *l = schema_language(t.value.c_str());
            if (l && t.sign != '-' && !stem_lang)
                stem_lang = l->code;
        }
    }
    if (stem_lang) {
        out.lang = stem_lang;
    } else {
        if (const Language *l = schema_language(lang_hint.c_str()))
            out.lang = l->code;
        else if (mode == QueryMode::SEARCH)
            out.lang = language_of_words(x, query_words(toks));
    }

    std::string q, q_syn;
    for (const Token &t : toks) {
        std::string s = t.text;
        char sign = t.sign;
        if (t.type == Tok::WORD || t.type == Tok::PHRASE)
            s = prepare_text(s, out.lang);
        /* A word or phrase the corpus names otherwise ("INTERPOL", "the
         * International Criminal Police Organization") finds both. */
        std::string syn =
            (t.type == Tok::WORD || t.type == Tok::PHRASE) && !sign ? synonym_of(x, t.text) : "";
        /* The parser takes no sign on a range: a range is a filter (+ says
         * nothing more), and -year:A..B is NOT year:A..B. */
        if (t.type == Tok::FIELD && sign && t.value.find("..") != std::string::npos) {
            if (sign == '-')
                s = "(NOT " + s + ")";
            sign = 0;
        }
        /* A UN symbol typed as a word ("A/RES/70/174"): paragraphs print
         * "resolution 70/174", so its words alone rarely match; it also
         * finds the paragraphs that cite it and those of the document;
         * -A/RES/70/174 leaves them all out (the parser takes no sign on a
         * group: NOT, as for a range). */
        char syn_sign = sign;
        std::string s_syn;
        if (t.type == Tok::WORD && sign != '+' && is_symbol_word(t.text)) {
            s_syn = "(" + s + " OR " + SYMBOL_FIELD + ":" + to_hex(t.text) + ")";
            if (sign == '-')
                s_syn = "(NOT " + s_syn + ")";
            syn_sign = 0;
        } else {
            s_syn = syn.empty() ? s : "(" + s + " OR " + syn + ")";
        }
        q_syn += (q.empty() ? "" : " ") + std::string(syn_sign ? 1 : 0, syn_sign) + s_syn;
        q += (q.empty() ? "" : " ") + std::string(sign ? 1 : 0, sign) + s;
    }
    /* The whole query a name spelt out without quotes. */
    if (plain && words >= 2) {
        std::string syn = synonym_of(x, text);
        if (!syn.empty())
            q_syn = "(" + q_syn + ") OR " + syn;
    }
    bool pure_negative = !toks.empty() && !has_positive(toks);
    if (pure_negative) {
        q = std::string(ALL_FIELD) + ":1 " + q;
        q_syn = std::string(ALL_FIELD) + ":1 " + q_syn;
    }

    out.stem = lang_stemmer(out.lang);
    Xapian::QueryParser qp;
    qp.set_database(x);
    qp.set_stemmer(out.stem);
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_stopper(lang_stopper(out.lang));
    qp.set_default_op(Xapian::Query::OP_AND);
    qp.set_max_expansion(MAX_WILDCARD_EXPANSION, Xapian::Query::WILDCARD_LIMIT_ERROR);
    for (const Field *f = schema_fields; f->name; f++) {
        if (f->type == FieldType::TEXT) {
            qp.add_prefix(f->name, f->prefix);
            continue;
        }
        qp.add_boolean_prefix(f->name, (new FilterProcessor(*f, ctx))->release());
        if (f->type == FieldType::YEAR)
            qp.add_rangeprocessor((new YearRange(*f, ctx))->release());
    }
    qp.add_boolean_prefix(ALL_FIELD, (new AllProcessor())->release());
    qp.add_prefix(SYMBOL_FIELD, (new SymbolProcessor())->release());
    try {
        out.query = qp.parse_query(q_syn, QP_FLAGS);
        if (plain && words >= 2)
            out.phrase = qp.parse_query("\"" + q + "\"", QP_FLAGS);
    } catch (const Xapian::QueryParserError &e) {
        if (!ctx.error.empty())
            refuse(ctx.error);
        size_t at = dangling_operator(toks);
        refuse("cannot parse the query: " + e.get_msg() + (at == SIZE_MAX ? "" : where(at)));
    } catch (const Xapian::WildcardError &) {
        refuse("a wildcard matches too many words (limit " +
               std::to_string(MAX_WILDCARD_EXPANSION) + "): make the prefix longer");
    }
    if (!ctx.error.empty())
        refuse(ctx.error);
    if (out.query.empty() && mode == QueryMode::SEARCH)
        refuse("empty query");
    return out;
}

/* How the hit's resolution was adopted, from the index's store: its own
 * file's metadata, else the English file's of the same symbol, else the
 * UN's metadata extract. A recent hit of the same resolution and language
 * (a resolution shown in order; similar's candidates, a few resolutions'
 * paragraphs) lends its record: one look-up and decoding per resolution. */
Xapian::valueno
tie_slot(Xapian::Database &x)
{
    return x.get_metadata(RESDEX_META_TIE) == "1" ? SLOT_TIE : SLOT_DATE;
}

void
attach_adoption(resdex_db_t *db, resdex_results_t *r, resdex_hit_t *hit)
{
    auto *res = const_cast<resdex_resolution_t *>(hit->resolution);
    size_t n = resdex_results_count(r);
    const char *lang = res->lang ? res->lang : "en";
    for (size_t back = 2; back <= 64 && back <= n; back++) {
        const resdex_resolution_t *prev = resdex_results_get(r, n - back)->resolution;
        if (std::strcmp(prev->symbol, res->symbol) == 0 &&
            std::strcmp(prev->lang ? prev->lang : "en", lang) == 0) {
            res->adoption = prev->adoption;
            return;
        }
    }
    std::string base = std::string(ADOPTION_KEY_PREFIX) + res->symbol;
    struct {
        std::string key;
        const char *from;
    } tries[] = {{base + "@" + lang, nullptr},
                 {std::strcmp(lang, "en") ? base + "@en" : std::string(), "akn:en"},
                 {base + "#extract", nullptr}};
    for (const auto &t : tries) {
        if (t.key.empty())
            continue;
        /* Over shards, the store of the shard of the file that wrote it. */
        std::string v = db_get_metadata(db, t.key);
        if (v.empty())
            continue;
        resdex_adoption_t *ad = adoption_decode(results_arena(r), v.data(), v.size());
        if (!ad)
            continue; /* a damaged entry: as if there were none */
        if (t.from)
            ad->from = arena_strdup(results_arena(r), t.from);
        res->adoption = ad;
        return;
    }
}

resdex_status_t
record_read(const Xapian::Database &x, arena_t *a, const Xapian::Document &doc, resdex_hit_t *hit,
            char **message, ContextCache *cache)
{
    std::string data = doc.get_data();
    const std::string *context = nullptr;
    std::string read;
    if (const char *ref = record_context_ref(data.data(), data.size())) {
        /* The record of the same resolution that holds the context. Over
         * shards the term can name a paragraph in each of two shards (a
         * shard numbers only the resolutions of a file it keeps): the one
         * of this paragraph's resolution and language is the one. */
        const std::string reskey = doc.get_value(SLOT_RESKEY);
        const std::string key = std::string(ref) + '\x1f' + reskey;
        if (cache) {
            auto it = cache->find(key);
            if (it != cache->end())
                context = &it->second;
        }
        for (Xapian::PostingIterator p = x.postlist_begin(ref);
             !context && p != x.postlist_end(ref); ++p) {
            Xapian::Document d = x.get_document(*p);
            if (d.get_value(SLOT_RESKEY) != reskey)
                continue;
            if (cache) {
                context = &cache->emplace(key, d.get_data()).first->second;
            } else {
                read = d.get_data();
                context = &read;
            }
        }
    }
    return record_decode(a, data.data(), data.size(), context ? context->data() : nullptr,
                         context ? context->size() : 0, hit, message);
}

resdex_status_t
hit_read(resdex_db_t *db, resdex_results_t *r, const Xapian::Document &doc, resdex_hit_t *hit,
         ContextCache *cache)
{
    char *msg = nullptr;
    resdex_status_t st = record_read(db->db(), results_arena(r), doc, hit, &msg, cache);
    if (st != RESDEX_STATUS_SUCCESS) {
        std::unique_ptr<char, void (*)(void *)> owned(msg, free); /* freed if this throws */
        std::string m = msg ? msg : resdex_status_to_string(st);
        return db_fail(db, st, "document " + std::to_string(doc.get_docid()) + ": " + m);
    }
    return RESDEX_STATUS_SUCCESS;
}

resdex_status_t
fill_hit(resdex_db_t *db, resdex_results_t *r, const Xapian::Document &doc, resdex_hit_t **out,
         ContextCache *cache)
{
    resdex_hit_t *hit = results_add_hit(r);
    if (!hit)
        resdex::out_of_memory("adding a hit");
    if (resdex_status_t st = hit_read(db, r, doc, hit, cache))
        return st;
    attach_adoption(db, r, hit);
    *out = hit;
    return RESDEX_STATUS_SUCCESS;
}
