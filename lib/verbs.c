/* verbs.c - leading verb phrases; see verbs.h. */
#include "verbs.h"

#include <string.h>
#include <strings.h>

/* Openers of preambular paragraphs: participles and adjectives. */
static const char *const preambular_heads[] = {
    "acknowledging", "acting",       "affirming",   "alarmed",     "appreciating",
    "aware",         "bearing",      "believing",   "calling",     "cognizant",
    "commending",    "committed",    "concerned",   "condemning",  "confident",
    "conscious",     "considering",  "convinced",   "declaring",   "deploring",
    "desiring",      "desirous",     "determined",  "disturbed",   "emphasizing",
    "encouraged",    "encouraging",  "endorsing",   "expressing",  "guided",
    "having",        "highlighting", "inviting",    "keeping",     "mindful",
    "noting",        "observing",    "reaffirming", "realizing",   "recalling",
    "recognizing",   "referring",    "regretting",  "reiterating", "reminding",
    "resolved",      "seeking",      "stressing",   "supporting",  "taking",
    "underlining",   "underscoring", "urging",      "welcoming",   "wishing",
    "deeply",        "gravely",      "seriously",   "profoundly",  "fully",
    "emphasising",   "recognising",  "realising",   "noting",      NULL};

/* Adverbs that turn the next word into the head ("Deeply concerned"). */
static const char *const preambular_adverbs[] = {"deeply",     "gravely", "seriously",
                                                 "profoundly", "fully",   NULL};

/* Verbs of operative paragraphs, third person singular. */
static const char *const operative_verbs[] = {
    "accepts",     "acknowledges", "adopts",     "affirms",    "agrees",     "appeals",
    "appoints",    "appreciates",  "approves",   "asks",       "authorizes", "calls",
    "commends",    "concludes",    "condemns",   "confirms",   "considers",  "decides",
    "declares",    "demands",      "deplores",   "designates", "determines", "directs",
    "draws",       "elects",       "emphasizes", "encourages", "endorses",   "entrusts",
    "establishes", "expresses",    "extends",    "highlights", "instructs",  "invites",
    "looks",       "notes",        "proclaims",  "reaffirms",  "recalls",    "recognizes",
    "recommends",  "regrets",      "reiterates", "reminds",    "renews",     "requests",
    "resolves",    "stresses",     "supports",   "takes",      "transmits",  "underlines",
    "underscores", "urges",        "welcomes",   "emphasises", "recognises", NULL};

static const char *const operative_adverbs[] = {"also",     "further", "again", "strongly",
                                                "urgently", "firmly",  "once",  NULL};

/* Modifiers that follow a head: "Recalling further", "Bearing in mind
 * also", "Noting with concern". */
static const char *const trailing_modifiers[] = {"also",
                                                 "further",
                                                 "again",
                                                 "in particular",
                                                 "moreover",
                                                 "with appreciation",
                                                 "with concern",
                                                 "with deep concern",
                                                 "with grave concern",
                                                 "with serious concern",
                                                 "with satisfaction",
                                                 "with interest",
                                                 "with regret",
                                                 "once again",
                                                 NULL};

static const char *const expressing_objects[] = {"appreciation",
                                                 "gratitude",
                                                 "concern",
                                                 "support",
                                                 "satisfaction",
                                                 "regret",
                                                 "condolences",
                                                 "hope",
                                                 "deep concern",
                                                 "grave concern",
                                                 "serious concern",
                                                 "deep appreciation",
                                                 "sincere appreciation",
                                                 "profound concern",
                                                 NULL};

static int
is_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '\'';
}

/* The word at s[i..n): its length (0 if none). */
static size_t
word_at(const char *s, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && is_letter(s[j]))
        j++;
    return j - i;
}

/* Does s[i..n) start with the words of phrase (case-insensitive), ending
 * at a word boundary? Returns the length matched or 0. */
static size_t
phrase_at(const char *s, size_t n, size_t i, const char *phrase)
{
    size_t k = strlen(phrase);
    if (n - i < k || strncasecmp(s + i, phrase, k) != 0)
        return 0;
    if (i + k < n && is_letter(s[i + k]))
        return 0;
    return k;
}

/* Which entry of list, if any, starts at s[i..n); returns its length. */
static size_t
list_at(const char *s, size_t n, size_t i, const char *const *list)
{
    size_t best = 0;
    for (size_t k = 0; list[k]; k++) {
        size_t m = phrase_at(s, n, i, list[k]);
        if (m > best)
            best = m;
    }
    return best;
}

/* " word" after position end: the new end, or end itself. */
static size_t
then(const char *s, size_t n, size_t end, const char *const *list)
{
    if (end < n && s[end] == ' ') {
        size_t m = list_at(s, n, end + 1, list);
        if (m)
            return end + 1 + m;
    }
    return end;
}

static size_t
then_phrase(const char *s, size_t n, size_t end, const char *phrase)
{
    if (end < n && s[end] == ' ') {
        size_t m = phrase_at(s, n, end + 1, phrase);
        if (m)
            return end + 1 + m;
    }
    return end;
}

/* Is the first letter acceptable: upper case, or lower case when allowed;
 * and the rest of the word lower case (a proper noun such as "Taking" in
 * a title would still pass; the caller checks context). */
static int
good_case(const char *s, size_t w, int lower_ok)
{
    if (w == 0)
        return 0;
    if (!(s[0] >= 'A' && s[0] <= 'Z') && !(lower_ok && s[0] >= 'a' && s[0] <= 'z'))
        return 0;
    for (size_t i = 1; i < w; i++)
        if (s[i] >= 'A' && s[i] <= 'Z')
            return 0;
    return 1;
}

static size_t
operative_at(const char *s, size_t n, size_t i)
{
    size_t w = word_at(s, n, i);
    if (!w || !list_at(s, n, i, operative_verbs) || list_at(s, n, i, operative_verbs) != w)
        return 0;
    size_t end = i + w;
    if (phrase_at(s, n, i, "calls"))
        end = then(s, n, end, (const char *const[]){"upon", "on", NULL});
    else if (phrase_at(s, n, i, "takes")) {
        size_t e = then_phrase(s, n, end, "note");
        if (e == end)
            return 0; /* "takes" alone is not an opener */
        end = e;
    } else if (phrase_at(s, n, i, "expresses")) {
        size_t e = then_phrase(s, n, end, "its");
        size_t o = then(s, n, e, expressing_objects);
        if (o != e)
            end = o;
    } else if (phrase_at(s, n, i, "draws")) {
        end = then_phrase(s, n, then_phrase(s, n, end, "the"), "attention");
    } else if (phrase_at(s, n, i, "looks")) {
        end = then_phrase(s, n, end, "forward");
    }
    return end;
}

static verb_kind_t
find_operative(const char *s, size_t n, int lower_ok, size_t *len)
{
    size_t i = 0, w = word_at(s, n, 0);
    if (!good_case(s, w, lower_ok))
        return VERB_NONE;
    /* Up to two adverbs: "Also encourages", "Further strongly urges",
     * "Once again requests". */
    for (int k = 0; k < 3; k++) {
        size_t end = operative_at(s, n, i);
        if (end) {
            *len = end;
            return VERB_OPERATIVE;
        }
        size_t a = list_at(s, n, i, operative_adverbs);
        if (!a || i + a >= n || s[i + a] != ' ')
            return VERB_NONE;
        if (phrase_at(s, n, i, "once")) {
            size_t e = then_phrase(s, n, i + a, "again");
            if (e == i + a)
                return VERB_NONE;
            a = e - i;
        }
        i += a + 1;
    }
    return VERB_NONE;
}

static verb_kind_t
find_preambular(const char *s, size_t n, int lower_ok, size_t *len)
{
    size_t w = word_at(s, n, 0);
    if (!good_case(s, w, lower_ok) || list_at(s, n, 0, preambular_heads) != w)
        return VERB_NONE;
    size_t end = w;
    if (list_at(s, n, 0, preambular_adverbs) == w) {
        /* "Deeply concerned", "Gravely concerned", "Fully aware" */
        size_t nw = end < n && s[end] == ' ' ? word_at(s, n, end + 1) : 0;
        if (!nw)
            return VERB_NONE;
        end += 1 + nw;
    } else if (phrase_at(s, n, 0, "bearing") || phrase_at(s, n, 0, "keeping")) {
        size_t e = then_phrase(s, n, then_phrase(s, n, end, "in"), "mind");
        if (e == end)
            return VERB_NONE;
        end = e;
    } else if (phrase_at(s, n, 0, "taking")) {
        size_t e = then_phrase(s, n, end, "note");
        if (e == end)
            e = then(s, n, end, (const char *const[]){"into account", "into consideration", NULL});
        if (e == end)
            return VERB_NONE;
        end = e;
    } else if (phrase_at(s, n, 0, "having")) {
        size_t nw = end < n && s[end] == ' ' ? word_at(s, n, end + 1) : 0;
        if (nw < 3)
            return VERB_NONE;
        end += 1 + nw; /* "Having considered", "Having examined" */
    } else if (phrase_at(s, n, 0, "expressing")) {
        end = then(s, n, then_phrase(s, n, end, "its"), expressing_objects);
    }
    /* Modifiers: "Recalling further", "Noting with concern", "Bearing in
     * mind also", at most two of them. */
    for (int k = 0; k < 2; k++) {
        size_t e = then(s, n, end, trailing_modifiers);
        if (e == end)
            break;
        end = e;
    }
    *len = end;
    return VERB_PREAMBULAR;
}

verb_kind_t
verb_find(const char *s, size_t n, int lower_ok, size_t *len)
{
    *len = 0;
    verb_kind_t k = find_operative(s, n, lower_ok, len);
    if (k == VERB_NONE)
        k = find_preambular(s, n, lower_ok, len);
    if (k == VERB_NONE)
        *len = 0;
    return k;
}

int
verb_emphasis(const char *raw, size_t n, size_t *off, size_t *len)
{
    size_t i = 0;
    while (i < n && raw[i] == '*')
        i++;
    if (i == 0 || i > 2 || i >= n || !(raw[i] >= 'A' && raw[i] <= 'Z'))
        return 0;
    size_t start = i;
    /* The phrase ends at the closing marker, within a few words. */
    while (i < n && raw[i] != '*' && raw[i] != '[' && raw[i] != '\n' && i - start < 64)
        i++;
    if (i >= n || raw[i] != '*')
        return 0;
    size_t end = i;
    while (end > start && strchr(" ,:;", raw[end - 1]))
        end--;
    if (end == start)
        return 0;
    *off = start;
    *len = end - start;
    return 1;
}

verb_kind_t
verb_guess(const char *s, size_t n)
{
    size_t w = word_at(s, n, 0);
    if (w == 0)
        return VERB_NONE;
    if ((w > 3 && strncmp(s + w - 3, "ing", 3) == 0) ||
        (w > 2 && strncmp(s + w - 2, "ed", 2) == 0) || list_at(s, n, 0, preambular_heads) == w)
        return VERB_PREAMBULAR;
    return VERB_OPERATIVE;
}
