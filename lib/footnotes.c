/* footnotes.c - footnote markers and inline markup; see footnotes.h. */
#include "footnotes.h"

#include <string.h>

/* How far a markdown link may reach: labels and targets are short, and a
 * bound keeps the scan linear on input full of unmatched brackets. */
#define LINK_REACH 512

size_t
fn_superscript(const char *s, size_t n, unsigned *digit)
{
    const unsigned char *u = (const unsigned char *)s;
    /* ¹ ² ³ are in Latin-1 (U+00B9, U+00B2, U+00B3); the rest are U+2070,
     * U+2074..U+2079. */
    if (n >= 2 && u[0] == 0xC2) {
        if (u[1] == 0xB9) {
            *digit = 1;
            return 2;
        }
        if (u[1] == 0xB2 || u[1] == 0xB3) {
            *digit = u[1] - 0xB0;
            return 2;
        }
    }
    if (n >= 3 && u[0] == 0xE2 && u[1] == 0x81 &&
        (u[2] == 0xB0 || (u[2] >= 0xB4 && u[2] <= 0xB9))) {
        *digit = u[2] - 0xB0;
        return 3;
    }
    return 0;
}

/* A run of superscript digits at s: its length in bytes (0 if none), its
 * value and its number of digits. */
static size_t
superscript_run(const char *s, size_t n, unsigned *value, unsigned *digits)
{
    size_t i = 0, k;
    unsigned d;
    *value = 0;
    *digits = 0;
    while (i < n && (k = fn_superscript(s + i, n - i, &d)) > 0) {
        if (*digits < 9)
            *value = *value * 10 + d;
        (*digits)++;
        i += k;
    }
    return i;
}

static int
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int
is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Punctuation after which a bare number can be a footnote marker. Closing
 * quotes are multi-byte: ” (E2 80 9D) and ’ (E2 80 99). */
static size_t
marker_punct_before(const char *raw, size_t i)
{
    if (i >= 1 && strchr(",.;:)\"", raw[i - 1]) && raw[i - 1] != '\0')
        return 1;
    if (i >= 3 && (unsigned char)raw[i - 3] == 0xE2 && (unsigned char)raw[i - 2] == 0x80 &&
        ((unsigned char)raw[i - 1] == 0x9D || (unsigned char)raw[i - 1] == 0x99))
        return 3;
    return 0;
}

/* A superscript OCR'd as digits glued to the word before ("Political
 * Rights2 and"): one or two digits after a word of three lower-case letters
 * or more, then white space or punctuation. Numbers glued to capitals
 * ("G77", "CO2") and to short words are left alone. */
static int
glued_to_word(const char *raw, size_t n, size_t i, unsigned *mark, size_t *len)
{
    if (i < 3)
        return 0;
    for (size_t k = 1; k <= 3; k++)
        if (!(raw[i - k] >= 'a' && raw[i - k] <= 'z'))
            return 0;
    size_t j = i;
    while (j < n && is_digit(raw[j]))
        j++;
    if (j - i > 2 || raw[i] == '0' || (j < n && !is_space(raw[j]) && !strchr(",;:.", raw[j])))
        return 0;
    *mark = j - i == 1 ? (unsigned)(raw[i] - '0')
                       : (unsigned)(raw[i] - '0') * 10 + (unsigned)(raw[i + 1] - '0');
    *len = j - i;
    return 1;
}

/* Is raw[i..) (a run of digits) a bare-digit marker candidate? On success
 * the number and the length of the run. The rules keep numbers that belong
 * to the text: decimals ("5.2"), thousands ("1,000"), document parts
 * ("Add.1", "No.3"), symbols ("E/CN.15"). */
static int
bare_candidate(const char *raw, size_t n, size_t i, unsigned *mark, size_t *len)
{
    if (i >= n || !is_digit(raw[i]))
        return 0;
    if (glued_to_word(raw, n, i, mark, len))
        return 1;
    size_t p = marker_punct_before(raw, i);
    if (!p || i < p + 1)
        return 0;
    char punct = raw[i - 1];
    char before = raw[i - p - 1];
    if (is_space(before))
        return 0;
    size_t j = i;
    while (j < n && is_digit(raw[j]))
        j++;
    size_t digits = j - i;
    if (digits > 3 || raw[i] == '0')
        return 0;
    /* Followed by white space, the end, or sentence punctuation only. */
    if (j < n && !is_space(raw[j]) && !strchr(",;:", raw[j]))
        return 0;
    if (punct == '.' && is_digit(before))
        return 0; /* a decimal: "5.2" */
    if (punct == ',' && is_digit(before) && digits == 3)
        return 0; /* thousands: "1,000" */
    if (punct == '.' && is_alpha(before)) {
        /* A document part or reference such as "Add.1", "Rev.2", "No.3". */
        static const char *const abbrev[] = {"Add", "Rev",   "Corr",  "No",   "Nos",  "vol", "vols",
                                             "Vol", "para",  "paras", "chap", "sect", "art", "p",
                                             "pp",  "Suppl", "Amend", "Part", NULL};
        size_t w = i - 1;
        while (w > 0 && is_alpha(raw[w - 1]))
            w--;
        for (size_t a = 0; abbrev[a]; a++)
            if (strlen(abbrev[a]) == i - 1 - w && memcmp(raw + w, abbrev[a], i - 1 - w) == 0)
                return 0;
    }
    unsigned v = 0;
    for (size_t k = i; k < j; k++)
        v = v * 10 + (unsigned)(raw[k] - '0');
    *mark = v;
    *len = digits;
    return 1;
}

void
fn_bare_candidates(const char *raw, size_t n, fn_mark_fn fn, void *ctx)
{
    for (size_t i = 0; i < n; i++) {
        unsigned mark;
        size_t len;
        if (is_digit(raw[i]) && (i == 0 || !is_digit(raw[i - 1])) &&
            bare_candidate(raw, n, i, &mark, &len)) {
            fn(ctx, mark);
            i += len - 1;
        }
    }
}

size_t
fn_note_start(const char *s, size_t n, unsigned *mark)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    unsigned value, digits;
    size_t k = superscript_run(s + i, n - i, &value, &digits);
    if (k > 0) {
        if (digits > 3 || value == 0 || value > FN_MAX_MARK)
            return 0;
        i += k;
    } else if (n - i >= 4 && s[i] == '[' && s[i + 1] == '^') {
        /* Markdown: "[^12]: text" */
        size_t j = i + 2;
        value = 0;
        while (j < n && is_digit(s[j]) && j - i < 5)
            value = value * 10 + (unsigned)(s[j++] - '0');
        if (j == i + 2 || j + 1 >= n || s[j] != ']' || s[j + 1] != ':' || value == 0)
            return 0;
        i = j + 2;
    } else {
        return 0;
    }
    if (i >= n || !is_space(s[i]))
        return 0;
    while (i < n && is_space(s[i]))
        i++;
    *mark = value;
    return i;
}

/* The writer of plain text: collapses white space as it goes. */
typedef struct out {
    buf_t *b;
    int space; /* a space is pending */
    int failed;
} out_t;

static void
put(out_t *o, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (is_space(s[i])) {
            o->space = 1;
            continue;
        }
        if (o->space && o->b->len > 0 && buf_putc(o->b, ' ') != 0)
            o->failed = 1;
        o->space = 0;
        if (buf_putc(o->b, s[i]) != 0)
            o->failed = 1;
    }
}

/* How many bytes from s on no rule of fn_clean looks at (not an escape,
 * emphasis, link, superscript lead byte, white space, or with `digits` a
 * digit): they are copied as they are, at once. */
static size_t
plain_run(const char *s, size_t n, int digits)
{
    size_t i = 0;
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\' || c == '*' || c == '[' || c == 0xC2 || c == 0xE2 || is_space((char)c) ||
            (digits && is_digit((char)c)))
            break;
    }
    return i;
}

/* put() of n bytes without white space. */
static void
put_run(out_t *o, const char *s, size_t n)
{
    if (o->space && o->b->len > 0 && buf_putc(o->b, ' ') != 0)
        o->failed = 1;
    o->space = 0;
    if (buf_append(o->b, s, n) != 0)
        o->failed = 1;
}

/* The end of a bracketed run opened at s[i] ('[' or '('), honouring
 * backslash escapes; returns the index of the closer or 0 if none within
 * reach. */
static size_t
find_closer(const char *s, size_t n, size_t i, char close)
{
    size_t limit = i + LINK_REACH < n ? i + LINK_REACH : n;
    for (size_t j = i + 1; j < limit; j++) {
        if (s[j] == '\\' && j + 1 < limit) {
            j++;
            continue;
        }
        if (s[j] == '\n')
            return 0;
        if (s[j] == close)
            return j;
    }
    return 0;
}

/* Inline text with escapes resolved and emphasis removed (link labels). */
static void
put_inline(out_t *o, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\\' && i + 1 < n) {
            put(o, s + i + 1, 1);
            i++;
        } else if (s[i] != '*') {
            put(o, s + i, 1);
        }
    }
}

static int
all_digits(const char *s, size_t n)
{
    if (n == 0 || n > 3)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!is_digit(s[i]))
            return 0;
    return 1;
}

static unsigned
number_of(const char *s, size_t n)
{
    unsigned v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (unsigned)(s[i] - '0');
    return v;
}

int
fn_clean(const char *raw, size_t n, fn_known_fn known, void *kctx, fn_mark_fn on_mark, void *mctx,
         buf_t *out)
{
    out_t o = {out, 0, 0};
    if (buf_reserve(out, 0) != 0)
        return -1;
    for (size_t i = 0; i < n; i++) {
        size_t run = plain_run(raw + i, n - i, known != NULL);
        if (run > 0) {
            put_run(&o, raw + i, run);
            i += run - 1;
            continue;
        }
        char c = raw[i];
        if (c == '\\' && i + 1 < n && strchr("()[]*_#\\`", raw[i + 1])) {
            put(&o, raw + i + 1, 1);
            i++;
            continue;
        }
        if (c == '*')
            continue; /* emphasis: *italic*, **bold** */
        if (c == '[') {
            size_t close = find_closer(raw, n, i, ']');
            if (close && raw[i + 1] == '^' && all_digits(raw + i + 2, close - i - 2)) {
                if (on_mark)
                    on_mark(mctx, number_of(raw + i + 2, close - i - 2));
                i = close;
                continue;
            }
            if (close && close + 1 < n && raw[close + 1] == '(') {
                size_t end = find_closer(raw, n, close + 1, ')');
                if (end) {
                    const char *label = raw + i + 1;
                    size_t label_len = close - i - 1;
                    /* A numeric label glued to the word before is a marker. */
                    if (all_digits(label, label_len) && i > 0 && !is_space(raw[i - 1])) {
                        if (on_mark)
                            on_mark(mctx, number_of(label, label_len));
                    } else {
                        put_inline(&o, label, label_len);
                    }
                    i = end;
                    continue;
                }
            }
            put(&o, raw + i, 1);
            continue;
        }
        unsigned value, digits;
        size_t k = superscript_run(raw + i, n - i, &value, &digits);
        if (k > 0) {
            if (digits <= 3 && value > 0 && on_mark)
                on_mark(mctx, value);
            i += k - 1;
            continue;
        }
        if (is_digit(c) && known && (i == 0 || !is_digit(raw[i - 1]))) {
            unsigned mark;
            size_t len;
            if (bare_candidate(raw, n, i, &mark, &len) && known(kctx, mark)) {
                if (on_mark)
                    on_mark(mctx, mark);
                i += len - 1;
                continue;
            }
        }
        put(&o, raw + i, 1);
    }
    return o.failed ? -1 : 0;
}
