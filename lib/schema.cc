/* schema.cc - the fields, bodies and languages; see schema.hh. */
#include "schema.hh"
#include "bodies.h"
#include "stem.hh"
#include "terms.hh"

#include <algorithm>
#include <cstring>
#include <mutex>
#include <sstream>
#include <vector>
#include <xapian.h>

const Field schema_fields[] = {
    {"body", P_BODY, SLOT_BODY, "body", FieldType::FILTER, FieldValues::BODIES, nullptr, nullptr,
     "body", "body:ga", "the body that adopted the resolution (or a draft is carried for)"},
    {"year", P_YEAR, SLOT_YEAR, "year", FieldType::YEAR, FieldValues::ANY, nullptr, nullptr, "year",
     "year:2015..2023", "the year of adoption, or a range (open at either end: year:2015..)"},
    {"symbol", P_SYMBOL, -1, nullptr, FieldType::FILTER, FieldValues::ANY, nullptr, nullptr,
     "symbol", "symbol:2017/19", "the resolution, by full symbol or by number"},
    {"kind", P_KIND, -1, nullptr, FieldType::FILTER, FieldValues::LIST,
     "preambular operative other annex", nullptr, "kind", "kind:preambular",
     "the kind of paragraph (operative and annex only unless kind: or --all says otherwise)"},
    {"verb", P_VERBPHRASE, SLOT_VERB, "verb", FieldType::FILTER, FieldValues::ANY, nullptr, nullptr,
     "verb", "verb:\"calls upon\"", "the whole leading phrase, as printed, in any case"},
    {"tag", P_TAG, -1, nullptr, FieldType::FILTER, FieldValues::ANY, nullptr, nullptr, "tag",
     "tag:\"civil society engagement\"", "a topic tag of the source document"},
    {"lang", P_LANG, -1, nullptr, FieldType::FILTER, FieldValues::LANGS, nullptr, nullptr,
     "language", "lang:fr",
     "the language searched (without it: the language the query is written in)"},
    {"cites", P_CITES, -1, nullptr, FieldType::FILTER, FieldValues::ANY, nullptr, nullptr,
     "citation", "cites:70/174", "paragraphs that cite a document, in their text or footnotes"},
    {"title", P_TITLE, -1, nullptr, FieldType::TEXT, FieldValues::ANY, nullptr, nullptr, "title",
     "title:trafficking", "words of the resolution's title"},
    {"adopted", P_ADOPTED, SLOT_ADOPTED, "adopted", FieldType::FILTER, FieldValues::LIST,
     "consensus vote", "without-vote=consensus unanimous=consensus recorded=vote voted=vote",
     "way of adoption", "adopted:consensus",
     "how the text was adopted: consensus (without a vote) or a recorded vote"},
    {"sdg", P_SDG, -1, "sdg", FieldType::FILTER, FieldValues::GOALS, nullptr, nullptr,
     "Sustainable Development Goal", "sdg:16",
     "a Sustainable Development Goal (1 to 17) the resolution is classified under"},
    {"subject", P_SUBJECT, -1, "subject", FieldType::FILTER, FieldValues::NAMES, nullptr, nullptr,
     "subject", "subject:\"trafficking in persons\"",
     "a UNBIS subject of the resolution (case, spaces and underscores do not matter)"},
    {"sponsor", P_SPONSOR, -1, "sponsor", FieldType::FILTER, FieldValues::NAMES, nullptr, nullptr,
     "sponsor", "sponsor:Japan", "a sponsor or additional sponsor of the draft, by name"},
    {"voted", P_VOTED, -1, "voted", FieldType::FILTER, FieldValues::VOTES, nullptr, nullptr, "vote",
     "voted:Japan=against",
     "how a State voted in a recorded vote: STATE=in_favour, against or abstaining (yes, no, "
     "abstain)"},
    {nullptr, nullptr, -1, nullptr, FieldType::FILTER, FieldValues::ANY, nullptr, nullptr, nullptr,
     nullptr, nullptr},
};

const Body schema_bodies[] = {
    {"GA", "ga", "General Assembly", "a general-assembly", "A"},
    {"ECOSOC", "ecosoc", "Economic and Social Council", "e", "E"},
    {"CCPCJ", "ccpcj", "Commission on Crime Prevention and Criminal Justice", nullptr, "E/CN.15"},
    {"CND", "cnd", "Commission on Narcotic Drugs", nullptr, "E/CN.7"},
    {"SC", "sc", "Security Council", "s security-council", "S"},
    {"HRC", "hrc", "Human Rights Council", nullptr, "A/HRC"},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

namespace
{

const char *const EN[] = {"a",   "an",    "and",   "as",   "at",    "be", "by",    "for",  "from",
                          "in",  "into",  "is",    "it",   "its",   "of", "on",    "or",   "that",
                          "the", "their", "these", "this", "those", "to", "which", "with", nullptr};
const char *const FR[] = {"à",   "au", "aux", "d",    "de",    "des", "du",  "en",   "et",   "l",
                          "la",  "le", "les", "leur", "leurs", "ou",  "par", "pour", "qu",   "que",
                          "qui", "sa", "se",  "ses",  "son",   "sur", "un",  "une",  nullptr};
const char *const ES[] = {"a",   "al",  "con", "de", "del",  "el",  "en",   "la",
                          "las", "lo",  "los", "o",  "para", "por", "que",  "se",
                          "su",  "sus", "u",   "un", "una",  "y",   nullptr};
const char *const RU[] = {"в",  "во", "и",   "к",  "на",  "о",  "об",  "от", "по",   "с",
                          "со", "у",  "что", "их", "его", "её", "для", "из", nullptr};
const char *const AR[] = {"في", "من", "على", "إلى", "عن", "و", "أو", "التي", "الذي", nullptr};
const char *const DE[] = {"der",   "die", "das",  "den", "dem", "des", "ein", "eine", "einer",
                          "eines", "und", "oder", "in",  "im",  "zu",  "zur", "zum",  "von",
                          "vom",   "mit", "auf",  "für", "an",  "am",  "als", "sich", nullptr};
const char *const NONE[] = {nullptr};

} // namespace

const Language schema_languages[] = {
    {"en", "English", "english", Script::LATIN, EN},
    {"fr", "French", "french", Script::LATIN, FR},
    {"es", "Spanish", "spanish", Script::LATIN, ES},
    {"ru", "Russian", "russian", Script::CYRILLIC, RU},
    {"ar", "Arabic", "arabic", Script::ARABIC, AR},
    {"zh", "Chinese", nullptr, Script::HAN, NONE},
    {"de", "German", "german", Script::LATIN, DE},
    {nullptr, nullptr, nullptr, Script::LATIN, nullptr},
};

const Field *
schema_field(const std::string &name)
{
    for (const Field *f = schema_fields; f->name; f++)
        if (name == f->name)
            return f;
    return nullptr;
}

namespace
{

size_t
edit_distance(const std::string &a, const std::string &b)
{
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); j++)
        row[j] = j;
    for (size_t i = 1; i <= a.size(); i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); j++) {
            size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1])});
            /* A swap of two neighbours ("yaer") is one edit, not two. */
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                row[j] = std::min(row[j], diag);
            diag = up;
        }
    }
    return row[b.size()];
}

/* "a b c" -> {"a", "b", "c"} */
std::vector<std::string>
words(const char *s)
{
    std::vector<std::string> out;
    std::istringstream in(s ? s : "");
    for (std::string w; in >> w;)
        out.push_back(w);
    return out;
}

} // namespace

std::string
schema_nearest_field(const std::string &name)
{
    std::string best;
    size_t best_d = 3;
    for (const Field *f = schema_fields; f->name; f++) {
        size_t d = edit_distance(name, f->name);
        if (d < best_d) {
            best_d = d;
            best = f->name;
        }
    }
    return best;
}

std::string
schema_values(const Field &f)
{
    std::string out;
    auto add = [&](const char *v) { out += (out.empty() ? "" : " ") + std::string(v); };
    switch (f.from) {
    case FieldValues::ANY:
        break;
    case FieldValues::LIST:
        out = f.values;
        break;
    case FieldValues::BODIES:
        for (const Body *b = schema_bodies; b->code; b++)
            add(b->key);
        break;
    case FieldValues::LANGS:
        for (const Language *l = schema_languages; l->code; l++)
            add(l->code);
        break;
    case FieldValues::NAMES:
        break;
    case FieldValues::GOALS:
        out = "1..17";
        break;
    case FieldValues::VOTES:
        out = "STATE=in_favour STATE=against STATE=abstaining";
        break;
    }
    return out;
}

bool
schema_canonical_value(const Field &f, std::string &v)
{
    switch (f.from) {
    case FieldValues::ANY:
        return true;
    case FieldValues::LIST: {
        std::vector<std::string> ok = words(f.values);
        for (const std::string &a : words(f.aliases)) {
            size_t eq = a.find('=');
            if (v == a.substr(0, eq))
                v = a.substr(eq + 1);
        }
        return std::find(ok.begin(), ok.end(), v) != ok.end();
    }
    case FieldValues::BODIES:
        for (const Body *b = schema_bodies; b->code; b++) {
            std::vector<std::string> al = words(b->aliases);
            if (v == b->key || std::find(al.begin(), al.end(), v) != al.end()) {
                v = b->key;
                return true;
            }
        }
        return false;
    case FieldValues::LANGS:
        return schema_language(v.c_str()) != nullptr;
    case FieldValues::NAMES:
        v = schema_fold_name(v);
        return !v.empty();
    case FieldValues::GOALS: {
        if (v.empty() || v.size() > 2 || !std::all_of(v.begin(), v.end(), ::isdigit))
            return false;
        int g = std::stoi(v);
        v = std::to_string(g);
        return g >= 1 && g <= 17;
    }
    case FieldValues::VOTES: {
        size_t eq = v.rfind('=');
        if (eq == std::string::npos)
            return false;
        std::string state = schema_fold_name(v.substr(0, eq));
        std::string vote = schema_fold_name(v.substr(eq + 1));
        static const char *const votes[][2] = {
            {"in_favour", "in_favour"}, {"in favour", "in_favour"},  {"infavour", "in_favour"},
            {"yes", "in_favour"},       {"for", "in_favour"},        {"favour", "in_favour"},
            {"against", "against"},     {"no", "against"},           {"abstaining", "abstaining"},
            {"abstain", "abstaining"},  {"abstained", "abstaining"}, {"abstention", "abstaining"}};
        for (const auto &k : votes)
            if (vote == k[0] && !state.empty()) {
                v = state + "=" + k[1];
                return true;
            }
        return false;
    }
    }
    return false;
}

bool
schema_is_adoption_field(const Field &f)
{
    return f.from == FieldValues::NAMES || f.from == FieldValues::GOALS ||
           f.from == FieldValues::VOTES || std::strcmp(f.prefix, P_ADOPTED) == 0;
}

std::string
schema_fold_name(const std::string &name)
{
    std::string out;
    bool space = false;
    for (Xapian::Utf8Iterator it(name); it != Xapian::Utf8Iterator(); ++it) {
        unsigned c = *it;
        if (c == '_' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0) {
            space = !out.empty();
            continue;
        }
        if (c == 0x2019 || c == 0x2018)
            c = '\'';
        if (space)
            out += ' ';
        space = false;
        Xapian::Unicode::append_utf8(out, Xapian::Unicode::tolower(c));
    }
    return resdex_fold(out);
}

const Language *
schema_language(const char *code)
{
    for (const Language *l = schema_languages; code && l->code; l++)
        if (std::strcmp(l->code, code) == 0)
            return l;
    return nullptr;
}

bool
schema_script_of(unsigned c, Script *script)
{
    struct Range {
        unsigned from, to;
        Script script;
    };
    static const Range ranges[] = {
        {'A', 'Z', Script::LATIN},          {'a', 'z', Script::LATIN},
        {0x00C0, 0x024F, Script::LATIN},    {0x1E00, 0x1EFF, Script::LATIN},
        {0x0400, 0x04FF, Script::CYRILLIC}, {0x0600, 0x06FF, Script::ARABIC},
        {0x0750, 0x077F, Script::ARABIC},   {0x3400, 0x4DBF, Script::HAN},
        {0x4E00, 0x9FFF, Script::HAN},
    };
    for (const Range &r : ranges)
        if (c >= r.from && c <= r.to) {
            *script = r.script;
            return true;
        }
    return false;
}

/* The public view of the fields, for the help text. */
extern "C" const resdex_query_field_t *
resdex_query_field_at(size_t i)
{
    static std::vector<resdex_query_field_t> rows;
    static std::vector<std::string> values;
    static std::once_flag once;
    try {
        /* Built aside and swapped in whole: a first call that ran out of
         * memory leaves nothing half-made for the next one to add to (a
         * throwing call_once runs again). The strings do not move with
         * their vector, so the rows' pointers stay good. */
        std::call_once(once, [] {
            std::vector<std::string> v;
            std::vector<resdex_query_field_t> r;
            for (size_t k = 0; schema_fields[k].name; k++)
                v.push_back(schema_values(schema_fields[k]));
            for (size_t k = 0; k < v.size(); k++) {
                const Field &f = schema_fields[k];
                r.push_back({f.name, v[k].c_str(), f.example, f.help, f.facet});
            }
            values.swap(v);
            rows.swap(r);
        });
    } catch (...) {
        return nullptr;
    }
    return i < rows.size() ? &rows[i] : nullptr;
}

extern "C" const resdex_language_t *
resdex_language_at(size_t i)
{
    static std::vector<resdex_language_t> rows;
    static std::once_flag once;
    try {
        std::call_once(once, [] {
            std::vector<resdex_language_t> r;
            for (const Language *l = schema_languages; l->code; l++)
                r.push_back({l->code, l->name});
            rows.swap(r);
        });
    } catch (...) {
        return nullptr;
    }
    return i < rows.size() ? &rows[i] : nullptr;
}

extern "C" const char *
schema_body_name(size_t i, const char **code)
{
    for (size_t k = 0; schema_bodies[k].code; k++)
        if (k == i) {
            *code = schema_bodies[k].code;
            return schema_bodies[k].name;
        }
    return nullptr;
}

extern "C" const char *
schema_body_series(const char *code)
{
    for (const Body *b = schema_bodies; code && b->code; b++)
        if (!std::strcmp(code, b->code))
            return b->series;
    return nullptr;
}
