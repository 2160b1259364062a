/* synonyms.cc - mining "Name (ACRONYM)" pairs; see synonyms.hh. */
#include "synonyms.hh"
#include "stem.hh"

#include <cstring>
#include <xapian.h>

/* The longest mined name or alias kept, and how far before a "(" a name is
 * looked for. */
#define MAX_SYNONYM_BYTES 200
#define MAX_NAME_SCAN     600

namespace
{

bool
is_connector(const std::string &w)
{
    static const char *const words[] = {"of", "for", "the", "and", "on", "against", "in", "to"};
    for (const char *c : words)
        if (w == c)
            return true;
    return false;
}

bool
capitalised(const std::string &w)
{
    Xapian::Utf8Iterator it(w);
    return it != Xapian::Utf8Iterator() &&
           Xapian::Unicode::get_category(*it) == Xapian::Unicode::UPPERCASE_LETTER;
}

/* The words (runs of word characters and hyphens) of s, and whether
 * something other than a space follows each one (a comma ends a name). */
struct Word {
    std::string text;
    bool stop_after;
};

std::vector<Word>
split(const std::string &s)
{
    std::vector<Word> out;
    std::string cur;
    for (Xapian::Utf8Iterator it(s); it != Xapian::Utf8Iterator(); ++it) {
        unsigned c = *it;
        bool hyphen = c == '-' || c == 0x2010 || c == 0x2011;
        if (Xapian::Unicode::is_wordchar(c) || (hyphen && !cur.empty())) {
            Xapian::Unicode::append_utf8(cur, hyphen ? '-' : c);
            continue;
        }
        if (!cur.empty())
            out.push_back({cur, false});
        cur.clear();
        bool space = Xapian::Unicode::is_whitespace(c) || c == 0x00A0 || c == 0x202F;
        if (!space && !out.empty())
            out.back().stop_after = true;
    }
    if (!cur.empty())
        out.push_back({cur, false});
    return out;
}

std::string
join(const std::vector<Word> &w, size_t from, size_t to)
{
    std::string s;
    for (size_t i = from; i < to; i++)
        s += (s.empty() ? "" : " ") + w[i].text;
    return s;
}

/* Do the letters of acronym (lower-cased) come in order in name's? */
bool
letters_in_order(const std::string &acronym, const std::string &name)
{
    std::string a = Xapian::Unicode::tolower(acronym), n = Xapian::Unicode::tolower(name);
    size_t at = 0;
    for (char c : a) {
        at = n.find(c, at);
        if (at == std::string::npos)
            return false;
        at++;
    }
    return true;
}

bool
is_acronym(const std::string &s)
{
    if (s.size() < 2 || s.size() > 12)
        return false;
    for (char c : s)
        if (c < 'A' || c > 'Z')
            return false;
    return true;
}

} // namespace

std::string
synonym_words(const std::string &text)
{
    std::string out;
    for (const Word &w : split(text)) {
        std::string word = w.text;
        for (char &c : word)
            if (c == '-')
                c = ' ';
        out += (out.empty() ? "" : " ") + resdex_fold(Xapian::Unicode::tolower(word));
    }
    return out;
}

std::vector<std::pair<std::string, std::string>>
mine_synonyms(const char *text)
{
    std::vector<std::pair<std::string, std::string>> pairs;
    std::string s = text ? text : "";
    for (size_t open = s.find('('); open != std::string::npos; open = s.find('(', open + 1)) {
        size_t close = s.find(')', open);
        if (close == std::string::npos)
            break;
        std::string inner = s.substr(open + 1, close - open - 1);
        /* The words before "(": a name is a short run, so only the last
         * bytes are read (the paragraph split once per "(" made a long
         * one with many parentheses quadratic). */
        size_t scan = open > MAX_NAME_SCAN ? open - MAX_NAME_SCAN : 0;
        while (scan > 0 && scan < open && s[scan] != ' ')
            scan++;
        std::vector<Word> before = split(s.substr(scan, open - scan));
        if (before.empty() || before.back().stop_after)
            continue;
        /* The run of capitalised words and connectors before "(", not the
         * paragraph's first word (its verb: "Welcomes", "Recalling") ... */
        size_t start = before.size();
        while (start > 1 &&
               (capitalised(before[start - 1].text) || is_connector(before[start - 1].text)) &&
               !before[start - 1].stop_after)
            start--;
        /* ... unless the paragraph opens with the name (an annex's title). */
        if (scan == 0 && start == 1 && before.size() > 1 && capitalised(before[0].text) &&
            capitalised(before[1].text) && !before[0].stop_after)
            start = 0;
        while (start < before.size() && is_connector(before[start].text))
            start++;
        if (start >= before.size() || !capitalised(before.back().text))
            continue;
        std::string name, alias;
        if (is_acronym(inner)) {
            /* The shortest end of the run that starts with the acronym's
             * letter and holds its letters in order. */
            for (size_t from = before.size(); from-- > start;) {
                if (!capitalised(before[from].text) ||
                    Xapian::Unicode::tolower(before[from].text)
                            .compare(0, 1, Xapian::Unicode::tolower(inner.substr(0, 1))) != 0)
                    continue;
                std::string cand = join(before, from, before.size());
                if (from + 1 < before.size() && letters_in_order(inner, cand)) {
                    name = cand;
                    break;
                }
            }
            alias = inner;
        } else if (inner.compare(0, 4, "the ") == 0) {
            std::vector<Word> short_words = split(inner.substr(4));
            bool ok = !short_words.empty() && short_words.size() <= 6;
            for (const Word &w : short_words)
                ok = ok && capitalised(w.text);
            /* "the Nelson Mandela Rules" are Rules: the short name's last
             * word is in the name (not so "the Kyoto Declaration" after
             * "... the 2030 Agenda for Sustainable Development"). */
            std::string last = ok ? synonym_words(short_words.back().text) : "";
            std::string words = " " + synonym_words(join(before, start, before.size())) + " ";
            ok = ok && words.find(" " + last + " ") != std::string::npos;
            if (ok && before.size() - start >= 3) {
                name = join(before, start, before.size());
                alias = join(short_words, 0, short_words.size());
            }
        }
        std::string n = synonym_words(name), a = synonym_words(alias);
        /* Xapian's synonym keys and values are B-tree keys (at most about
         * 245 bytes): a longer run (a hostile paragraph, a list of names) is
         * no name, and would fail its whole file's commit. */
        if (n.empty() || a.empty() || n == a || n.size() > MAX_SYNONYM_BYTES ||
            a.size() > MAX_SYNONYM_BYTES)
            continue;
        pairs.emplace_back(a, n);
        pairs.emplace_back(n, a);
    }
    return pairs;
}
