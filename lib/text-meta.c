/* text-meta.c - bodies, dates, ordinals, language; see text-meta.h. */
#include "text-meta.h"
#include "bodies.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

const char *
meta_body_at(const char *s, size_t n, size_t *len)
{
    const char *name, *code;
    for (size_t i = 0; (name = schema_body_name(i, &code)); i++) {
        size_t k = strlen(name);
        if (n >= k && memcmp(s, name, k) == 0) {
            if (len)
                *len = k;
            return code;
        }
    }
    return NULL;
}

/* memmem is a GNU extension; this is the portable, linear-enough form for
 * the short needles used here. */
static const char *
find(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    if (k == 0 || n < k)
        return NULL;
    for (const char *p = s; (size_t)(p - s) + k <= n; p++) {
        p = memchr(p, needle[0], n - (size_t)(p - s) - k + 1);
        if (!p)
            return NULL;
        if (memcmp(p, needle, k) == 0)
            return p;
    }
    return NULL;
}

const char *
meta_body_after(const char *s, size_t n, const char *after)
{
    const char *p = find(s, n, after);
    if (!p)
        return NULL;
    p += strlen(after);
    return meta_body_at(p, n - (size_t)(p - s), NULL);
}

static const char *const months[] = {"January",   "February", "March",    "April",
                                     "May",       "June",     "July",     "August",
                                     "September", "October",  "November", "December"};

static int
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

size_t
meta_date_at(const char *s, size_t n, char iso[11])
{
    size_t i = 0;
    unsigned day = 0;
    while (i < n && is_digit(s[i]) && i < 2)
        day = day * 10 + (unsigned)(s[i++] - '0');
    if (i == 0 || day < 1 || day > 31 || i >= n || s[i] != ' ')
        return 0;
    i++;
    int month = -1;
    for (int m = 0; m < 12; m++) {
        size_t k = strlen(months[m]);
        if (n - i > k && memcmp(s + i, months[m], k) == 0 && s[i + k] == ' ') {
            month = m;
            i += k + 1;
            break;
        }
    }
    if (month < 0 || n - i < 4)
        return 0;
    unsigned year = 0;
    for (int k = 0; k < 4; k++) {
        if (!is_digit(s[i + (size_t)k]))
            return 0;
        year = year * 10 + (unsigned)(s[i + (size_t)k] - '0');
    }
    i += 4;
    if (i < n && is_digit(s[i]))
        return 0;
    snprintf(iso, 11, "%04u-%02d-%02u", year % 10000, month + 1, day);
    return i;
}

int
meta_date_in(const char *s, size_t n, char iso[11])
{
    for (size_t i = 0; i < n; i++) {
        if (is_digit(s[i]) && (i == 0 || !is_digit(s[i - 1])) && meta_date_at(s + i, n - i, iso))
            return 1;
    }
    return 0;
}

size_t
meta_ordinal_at(const char *s, size_t n, unsigned *value)
{
    /* "26th", "1st", "22nd", "3rd" */
    size_t i = 0;
    unsigned v = 0;
    while (i < n && is_digit(s[i]) && i < 4)
        v = v * 10 + (unsigned)(s[i++] - '0');
    if (i > 0) {
        if (n - i >= 2 && (strncmp(s + i, "th", 2) == 0 || strncmp(s + i, "st", 2) == 0 ||
                           strncmp(s + i, "nd", 2) == 0 || strncmp(s + i, "rd", 2) == 0)) {
            *value = v;
            return i + 2;
        }
        return 0;
    }
    static const char *const units[] = {"first", "second",  "third",  "fourth", "fifth",
                                        "sixth", "seventh", "eighth", "ninth",  NULL};
    static const char *const teens[] = {"tenth",      "eleventh",   "twelfth",   "thirteenth",
                                        "fourteenth", "fifteenth",  "sixteenth", "seventeenth",
                                        "eighteenth", "nineteenth", NULL};
    static const char *const tens[] = {"twent",  "thirt", "fort",  "fift", "sixt",
                                       "sevent", "eight", "ninet", NULL};
    for (int k = 0; teens[k]; k++) {
        size_t m = strlen(teens[k]);
        if (n >= m && strncasecmp(s, teens[k], m) == 0) {
            *value = 10u + (unsigned)k;
            return m;
        }
    }
    for (int k = 0; tens[k]; k++) {
        size_t m = strlen(tens[k]);
        if (n >= m && strncasecmp(s, tens[k], m) == 0) {
            unsigned base = 20u + 10u * (unsigned)k;
            if (n >= m + 4 && strncasecmp(s + m, "ieth", 4) == 0) {
                *value = base;
                return m + 4;
            }
            if (n >= m + 2 && strncasecmp(s + m, "y-", 2) == 0) {
                for (int u = 0; units[u]; u++) {
                    size_t q = strlen(units[u]);
                    if (n >= m + 2 + q && strncasecmp(s + m + 2, units[u], q) == 0) {
                        *value = base + 1u + (unsigned)u;
                        return m + 2 + q;
                    }
                }
            }
            return 0;
        }
    }
    for (int u = 0; units[u]; u++) {
        size_t q = strlen(units[u]);
        if (n >= q && strncasecmp(s, units[u], q) == 0) {
            *value = 1u + (unsigned)u;
            return q;
        }
    }
    return 0;
}

/* Count a word surrounded by spaces in the first part of the text. */
static size_t
count_word(const char *s, size_t n, const char *word)
{
    size_t c = 0, k = strlen(word);
    const char *p = s;
    while ((p = find(p, n - (size_t)(p - s), word)) != NULL) {
        c++;
        p += k;
    }
    (void)k;
    return c;
}

const char *
meta_language(const char *s, size_t n)
{
    /* A sample is enough, and keeps this cheap on big files. */
    if (n > 65536)
        n = 65536;
    size_t en = count_word(s, n, " the ") + count_word(s, n, " and ");
    size_t fr = count_word(s, n, " les ") + count_word(s, n, " des ") + count_word(s, n, " et ");
    size_t es = count_word(s, n, " los ") + count_word(s, n, " las ") + count_word(s, n, " del ");
    if (fr > en && fr >= es)
        return "fr";
    if (es > en && es > fr)
        return "es";
    return "en";
}
