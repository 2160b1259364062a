/* session.c - the year of a Commission's session; see session.h. */
#include "session.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* Ordinals: units and teens as printed, and the tens that prefix them
 * ("twenty-sixth") or stand alone ("twentieth"). */
static const char *const units[] = {
    "first",     "second",    "third",       "fourth",     "fifth",      "sixth",      "seventh",
    "eighth",    "ninth",     "tenth",       "eleventh",   "twelfth",    "thirteenth", "fourteenth",
    "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", NULL};
static const char *const tens[] = {"twent",  "thirt", "fort",  "fift", "sixt",
                                   "sevent", "eight", "ninet", NULL};

/* The value of the ordinal word at s (n bytes), or 0. */
static int
unit_value(const char *s, size_t n)
{
    for (int i = 0; units[i]; i++)
        if (strlen(units[i]) == n && strncasecmp(s, units[i], n) == 0)
            return i + 1;
    return 0;
}

int
session_number(const char *session)
{
    if (!session)
        return 0;
    const char *p = session;
    while (*p && !isalnum((unsigned char)*p))
        p++;
    if (isdigit((unsigned char)*p)) {
        int v = 0;
        while (isdigit((unsigned char)*p) && v < 1000)
            v = v * 10 + (*p++ - '0');
        return v;
    }
    size_t wl = strcspn(p, " \t,");
    /* "twenty-sixth", "twentieth", "sixth" */
    for (int t = 0; tens[t]; t++) {
        size_t tl = strlen(tens[t]);
        if (wl < tl || strncasecmp(p, tens[t], tl) != 0)
            continue;
        const char *rest = p + tl;
        size_t rl = wl - tl;
        int base = (t + 2) * 10;
        if (rl == 4 && strncasecmp(rest, "ieth", 4) == 0)
            return base;
        if (rl > 2 && strncasecmp(rest, "y-", 2) == 0) {
            int u = unit_value(rest + 2, rl - 2);
            return u >= 1 && u <= 9 ? base + u : 0;
        }
    }
    return unit_value(p, wl);
}

int
session_year(const char *body, const char *session)
{
    int n = session_number(session);
    if (n <= 0 || !body)
        return 0;
    if (strcasecmp(body, "CCPCJ") == 0)
        return 1991 + n;
    if (strcasecmp(body, "CND") == 0)
        return 1957 + n;
    return 0;
}
