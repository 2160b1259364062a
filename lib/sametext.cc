/* sametext.cc - the normalised text of a paragraph; see sametext.hh. */
#include "sametext.hh"
extern "C" {
#include "util.h"
}

#include <cstdio>
#include <xapian.h>

namespace
{

bool
left_out(unsigned c)
{
    switch (c) {
    case '"':
    case '\'':
    case '*': /* a footnote mark or the italics of converted text */
    case 0x00AB:
    case 0x00BB:
    case 0x2039:
    case 0x203A: /* quotes */
    case 0x00B9:
    case 0x00B2:
    case 0x00B3: /* ¹ ² ³ */
    case 0x00AD:
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
        return true;
    default:
        return (c >= 0x2018 && c <= 0x201F) || (c >= 0x2070 && c <= 0x209F);
    }
}

/* Hyphens and dashes of every kind (- ‐ ‑ ‒ – — ― −). */
bool
hyphen(unsigned c)
{
    return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

bool
space(unsigned c)
{
    return Xapian::Unicode::is_whitespace(c) || c == 0x00A0 || c == 0x202F;
}

/* Punctuation that white space before it does not change ("corruption ,"). */
bool
closing(unsigned c)
{
    return c == ',' || c == ';' || c == '.' || c == ':' || c == '!' || c == '?' || c == ')' ||
           c == ']';
}

bool
ends_with(const std::string &s, const char *tail)
{
    size_t n = std::char_traits<char>::length(tail);
    return s.size() >= n && s.compare(s.size() - n, n, tail) == 0;
}

bool
punctuation(unsigned c)
{
    switch (Xapian::Unicode::get_category(c)) {
    case Xapian::Unicode::CONNECTOR_PUNCTUATION:
    case Xapian::Unicode::DASH_PUNCTUATION:
    case Xapian::Unicode::OPEN_PUNCTUATION:
    case Xapian::Unicode::CLOSE_PUNCTUATION:
    case Xapian::Unicode::INITIAL_QUOTE_PUNCTUATION:
    case Xapian::Unicode::FINAL_QUOTE_PUNCTUATION:
    case Xapian::Unicode::OTHER_PUNCTUATION:
        return true;
    default:
        return false;
    }
}

/* Chinese and Japanese script, written without spaces between words: no
 * boundary is put beside it. */
bool
cjk(unsigned c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3FFFF);
}

/* What same_text does with each ASCII character but '-', worked out once
 * by the functions above (the hot path of a build: most text is ASCII). */
struct Ascii {
    enum Kind : unsigned char { KEEP, DROP, SPACE, OTHER };
    Kind kind[128];
    char lower[128];
    bool boundary[128]; /* loose_text's: punctuation or space */
    Ascii()
    {
        for (unsigned c = 0; c < 128; c++) {
            boundary[c] = punctuation(c) || space(c);
            kind[c] = c == '-' ? OTHER : left_out(c) ? DROP : space(c) ? SPACE : KEEP;
            lower[c] = static_cast<char>(Xapian::Unicode::tolower(c));
        }
    }
};

const Ascii ascii;

std::string
hex_key(const std::string &s)
{
    if (s.empty())
        return s;
    char hex[17];
    snprintf(hex, sizeof hex, "%016llx",
             static_cast<unsigned long long>(util_fnv1a(s.data(), s.size())));
    return hex;
}

} // namespace

std::string
same_text(const char *text)
{
    std::string out;
    bool pending = false; /* white space seen since the last character kept */
    Xapian::Utf8Iterator end;
    for (Xapian::Utf8Iterator it(text ? text : ""); it != end; ++it) {
        unsigned c = *it;
        if (c < 128 && ascii.kind[c] != Ascii::OTHER) {
            if (ascii.kind[c] == Ascii::DROP)
                continue;
            if (ascii.kind[c] == Ascii::SPACE) {
                pending = !out.empty();
                continue;
            }
            if (pending && !closing(c) && out.back() != '(' && out.back() != '[')
                out += ' ';
            pending = false;
            out += ascii.lower[c];
            continue;
        }
        if (left_out(c))
            continue;
        if (space(c)) {
            pending = !out.empty();
            continue;
        }
        if (hyphen(c) && !pending && !out.empty()) {
            /* A word hyphenated across a line break: "post-sen-\ntencing". */
            Xapian::Utf8Iterator next = it;
            bool newline = false;
            for (++next; next != end && space(*next); ++next)
                newline |= *next == '\n';
            if (newline && next != end &&
                Xapian::Unicode::get_category(*next) == Xapian::Unicode::LOWERCASE_LETTER) {
                it = next;
                Xapian::Unicode::append_utf8(out, *it);
                continue;
            }
        }
        if (hyphen(c)) {
            /* Inside a word ("non-member" typed with a hyphen-minus or a
             * non-breaking hyphen U+2011, "health-care") a hyphen is left
             * out, as the diff leaves it out of a word's key; elsewhere any
             * dash is "-". */
            Xapian::Utf8Iterator next = it;
            ++next;
            bool inside = !pending && !out.empty() && next != end && !space(*next);
            if (inside)
                continue;
            c = '-';
        }
        if (pending && !closing(c) && out.back() != '(' && out.back() != '[')
            out += ' ';
        pending = false;
        Xapian::Unicode::append_utf8(out, Xapian::Unicode::tolower(c));
    }
    for (;;) {
        if (!out.empty() && (out.back() == ';' || out.back() == '.' || out.back() == ',' ||
                             out.back() == ':' || out.back() == ' '))
            out.pop_back();
        else if (ends_with(out, "; and") || ends_with(out, "; or"))
            out.resize(out.size() - (out.back() == 'd' ? 4 : 3));
        else
            break;
    }
    return out;
}

std::string
same_text_key(const char *text)
{
    return hex_key(same_text(text));
}

/* The loose text of a normalised one. */
static std::string
loose_of_same(const std::string &same)
{
    std::string out;
    bool pending = false; /* a boundary since the last character kept */
    unsigned last = 0;
    Xapian::Utf8Iterator end;
    for (Xapian::Utf8Iterator it(same); it != end; ++it) {
        unsigned c = *it;
        if (c < 128 ? ascii.boundary[c] : punctuation(c) || space(c)) {
            pending = !out.empty();
            continue;
        }
        if (pending && !cjk(last) && !cjk(c))
            out += ' ';
        pending = false;
        if (c < 128)
            out += static_cast<char>(c);
        else
            Xapian::Unicode::append_utf8(out, c);
        last = c;
    }
    return out;
}

std::string
loose_text(const char *text)
{
    return loose_of_same(same_text(text));
}

std::string
loose_text_key(const char *text)
{
    return hex_key(loose_text(text));
}

TextKeys
text_keys(const char *text)
{
    const std::string same = same_text(text);
    return {hex_key(same), hex_key(loose_of_same(same))};
}
