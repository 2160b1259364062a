/* text-lines.c - splitting and classifying lines; see text-lines.h. */
#include "text-lines.h"
#include "footnotes.h"

#include <string.h>

void
tl_init(tl_iter_t *it, const char *data, size_t len)
{
    it->p = data;
    it->end = data + len;
    it->line = 0;
}

int
tl_next(tl_iter_t *it, size_t max, const char **s, size_t *n)
{
    if (it->p >= it->end)
        return 0;
    it->line++;
    const char *nl = memchr(it->p, '\n', (size_t)(it->end - it->p));
    const char *stop = nl ? nl : it->end;
    size_t len = (size_t)(stop - it->p);
    if (len > max)
        return -1;
    *s = it->p;
    *n = len;
    if (*n > 0 && (*s)[*n - 1] == '\r')
        (*n)--;
    it->p = nl ? nl + 1 : it->end;
    return 1;
}

static int
is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\f' || c == '\r' || c == '\v';
}

static int
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int
is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

static int
is_lower(char c)
{
    return c >= 'a' && c <= 'z';
}

/* Trim white space and emphasis markers from both ends. */
static void
trim(const char **s, size_t *n)
{
    while (*n > 0 && (is_space(**s) || **s == '*')) {
        (*s)++;
        (*n)--;
    }
    while (*n > 0 && (is_space((*s)[*n - 1]) || (*s)[*n - 1] == '*'))
        (*n)--;
}

int
tl_is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_space(s[i]))
            return 0;
    return 1;
}

static int
starts_with(const char *s, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    return n >= k && memcmp(s, prefix, k) == 0;
}

static int
equals(const char *s, size_t n, const char *word)
{
    return strlen(word) == n && memcmp(s, word, n) == 0;
}

int
tl_is_distribution(const char *s, size_t n)
{
    trim(&s, &n);
    return starts_with(s, n, "Distr.:") || starts_with(s, n, "Distr:") ||
           starts_with(s, n, "Distr. ");
}

size_t
tl_symbol_line(const char *s, size_t n)
{
    trim(&s, &n);
    /* An uppercase series letter or two, a slash, then symbol characters
     * with at least one digit: E/2017/30, A/RES/70/174, E/CN.15/2023/13. */
    size_t i = 0;
    while (i < n && is_upper(s[i]))
        i++;
    if (i == 0 || i > 4 || i >= n || s[i] != '/')
        return 0;
    int digit = 0;
    for (; i < n; i++) {
        char c = s[i];
        if (is_digit(c))
            digit = 1;
        else if (!is_upper(c) && c != '/' && c != '.' && c != '-' && c != '(' && c != ')')
            return 0;
    }
    return digit ? n : 0;
}

/* A job number: two digits, a hyphen, four to six digits, then optionally
 * a language letter "(E)" and a page "3/9", in either order. */
static int
job_number(const char *s, size_t n)
{
    size_t i = 0;
    /* "3/9 17-13941" puts the page first. */
    if (i < n && is_digit(s[i])) {
        size_t j = i;
        while (j < n && is_digit(s[j]))
            j++;
        if (j < n && s[j] == '/') {
            j++;
            while (j < n && is_digit(s[j]))
                j++;
            if (j < n && s[j] == ' ') {
                i = j;
                while (i < n && s[i] == ' ')
                    i++;
            }
        }
    }
    if (n - i < 7 || !is_digit(s[i]) || !is_digit(s[i + 1]) || s[i + 2] != '-')
        return 0;
    size_t j = i + 3, d = 0;
    while (j < n && is_digit(s[j])) {
        j++;
        d++;
    }
    if (d < 4 || d > 6)
        return 0;
    /* The rest may only be "(E)", a page "3/9", and spaces. */
    for (; j < n; j++) {
        char c = s[j];
        if (!(c == ' ' || c == '(' || c == ')' || c == '/' || is_digit(c) || is_upper(c)))
            return 0;
    }
    return 1;
}

int
tl_is_furniture(const char *s, size_t n)
{
    trim(&s, &n);
    if (n == 0)
        return 0;
    if (tl_is_distribution(s, n))
        return 1;
    if (job_number(s, n))
        return 1;
    /* Barcodes are printed as *1713941* (the trim ate the asterisks) or
     * as long runs of digits; page numbers are digits alone. Separators
     * are runs of _ - = or similar. None has a letter. */
    int letter = 0;
    for (size_t i = 0; i < n && !letter; i++) {
        unsigned char c = (unsigned char)s[i];
        unsigned d;
        if (c >= 0x80 && fn_superscript(s + i, n - i, &d))
            return 0; /* a footnote marker line is not furniture */
        if (is_upper((char)c) || is_lower((char)c) || c >= 0x80)
            letter = 1;
    }
    if (!letter) {
        /* Digits alone: page numbers and barcodes; but keep "1." or "(2)",
         * which can be numbered items. */
        for (size_t i = 0; i < n; i++)
            if (!is_digit(s[i]) && !strchr("_-=~/ ", s[i]))
                return 0;
        return 1;
    }
    if (starts_with(s, n, "Page ") && n < 16 && is_digit(s[n - 1]))
        return 1;
    if (tl_symbol_line(s, n))
        return 1;
    if (equals(s, n, "Please recycle") || equals(s, n, "View document") ||
        equals(s, n, "Advance unedited version"))
        return 1;
    return 0;
}

/* "(a) ", "(iv) ", also "- (a) ": the length of the prefix, or 0. */
static size_t
lettered(const char *s, size_t n)
{
    size_t i = 0;
    if (n >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ')
        i = 2;
    while (i < n && s[i] == ' ')
        i++;
    if (i >= n || s[i] != '(')
        return 0;
    size_t j = i + 1;
    while (j < n && is_lower(s[j]) && j - i <= 5)
        j++;
    if (j == i + 1 || j >= n || s[j] != ')' || j + 1 >= n || s[j + 1] != ' ')
        return 0;
    return j + 2;
}

tl_start_t
tl_start(const char *s, size_t n)
{
    unsigned mark;
    if (fn_note_start(s, n, &mark))
        return TL_FOOTNOTE;
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    s += i;
    n -= i;
    if (starts_with(s, n, "\xE2\x80\xA2") || starts_with(s, n, "\xE2\x96\xAA")) /* • ▪ */
        return TL_TAG;
    if (lettered(s, n))
        return TL_LETTERED;
    if (n >= 3 && (s[0] == '-' || s[0] == '*') && s[1] == ' ')
        return TL_BULLET;
    size_t j = 0;
    while (j < n && is_digit(s[j]) && j <= TL_NUMBER_DIGITS)
        j++;
    if (j > 0 && j <= TL_NUMBER_DIGITS && j + 1 < n && s[j] == '.' && s[j + 1] == ' ')
        return TL_NUMBERED;
    return TL_NONE;
}

size_t
tl_number_too_long(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    size_t j = i;
    while (j < n && is_digit(s[j]))
        j++;
    if (j - i > TL_NUMBER_DIGITS && j + 1 < n && s[j] == '.' && s[j + 1] == ' ')
        return j - i;
    return 0;
}

char
tl_last_char(const char *s, size_t n)
{
    while (n > 0) {
        unsigned char c = (unsigned char)s[n - 1];
        if (is_space((char)c) || c == '*') {
            n--;
            continue;
        }
        if (c >= 0x80) {
            /* Step back over a multi-byte character: skip superscript
             * digits and closing quotes, keep anything else. */
            size_t k = n - 1;
            while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
                k--;
            unsigned d;
            const char *q = s + k;
            if (fn_superscript(q, n - k, &d) || starts_with(q, n - k, "\xE2\x80\x9D") ||
                starts_with(q, n - k, "\xE2\x80\x99")) {
                n = k;
                continue;
            }
            return 'x';
        }
        return (char)c;
    }
    return 0;
}
