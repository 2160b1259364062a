/* cite.c - citations of UN documents; see cite.h.
 *
 * Two kinds of reference are recognised in plain text:
 *
 *  - document symbols as printed: "E/CN.15/2023/13", "A/CONF.234/16",
 *    "A/RES/70/174" - kept as they are;
 *  - resolutions and decisions named by body and number: "General Assembly
 *    resolution 70/174", "its resolution 65/229", "Commission on Narcotic
 *    Drugs resolutions 54/10 of 25 March 2011 and 56/11", "Security Council
 *    resolution 2133 (2014)", "resolution 217 A (III)" - turned into the
 *    symbol the UN gives them ("A/RES/70/174", "E/CN.7/RES/54/10",
 *    "S/RES/2133(2014)", "A/RES/217(III)").
 *
 * Who adopted a resolution named without its body: "its" is the body
 * speaking (the caller says which), or the body just named ("the General
 * Assembly in its resolution 65/230"); a bare "resolution 2002/12" numbered
 * by year is ECOSOC's, a bare "resolution 76/181" the General Assembly's. */
#include "cite.h"
#include "bodies.h"
#include "resdex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct emit {
    void (*add)(void *ctx, const char *cite);
    void *ctx;
} emit_t;

/* String equality by hand: GCC 12 at -O2 folded strcmp() against body
 * codes wrongly here (the series of "CND" came back NULL), so the codes
 * are compared without the builtin. */
static int
eq(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
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
is_alnum(char c)
{
    return is_digit(c) || is_upper(c) || (c >= 'a' && c <= 'z');
}

static int
symbol_char(char c)
{
    return is_alnum(c) || c == '/' || c == '.' || c == '-' || c == '(' || c == ')';
}

/* ------------------------------------------------------------------------ */
/* Symbols as printed                                                       */
/* ------------------------------------------------------------------------ */

/* Check and emit one symbol s[0..n): "A/CONF.234/16". */
static void
emit_symbol(const emit_t *e, const char *s, size_t n)
{
    /* Trailing punctuation belongs to the sentence; a ")" only when it has
     * no "(" in the symbol. */
    for (;;) {
        if (n > 0 && strchr(".,;:-/", s[n - 1])) {
            n--;
            continue;
        }
        if (n > 0 && s[n - 1] == ')' && !memchr(s, '(', n)) {
            n--;
            continue;
        }
        break;
    }
    size_t i = 0;
    while (i < n && is_upper(s[i]))
        i++;
    if (i == 0 || i > 5 || i >= n || s[i] != '/')
        return;
    int digit = 0;
    for (size_t k = i; k < n; k++)
        if (is_digit(s[k]))
            digit = 1;
    /* Something after the series, with a number: not "HIV/AIDS". */
    if (!digit || n >= 128)
        return;
    char buf[128];
    memcpy(buf, s, n);
    buf[n] = '\0';
    e->add(e->ctx, buf);
}

/* A symbol starting at text[i] (a word start): its length, 0 if none. A
 * joint symbol "E/CN.7/2017/3-E/CN.15/2017/3" is emitted as two. */
static size_t
scan_symbol(const emit_t *e, const char *text, size_t i)
{
    size_t j = i;
    while (is_upper(text[j]) && j - i < 6)
        j++;
    if (j == i || text[j] != '/')
        return 0;
    while (symbol_char(text[j]))
        j++;
    size_t start = i;
    for (size_t k = i + 1; k + 1 < j; k++) {
        /* "-E/": a second symbol joined to the first */
        if (text[k] == '-' && is_upper(text[k + 1])) {
            size_t m = k + 1;
            while (m < j && is_upper(text[m]))
                m++;
            if (m < j && text[m] == '/') {
                emit_symbol(e, text + start, k - start);
                start = k + 1;
            }
        }
    }
    emit_symbol(e, text + start, j - start);
    return j - i;
}

/* ------------------------------------------------------------------------ */
/* Resolutions named by body and number                                     */
/* ------------------------------------------------------------------------ */

/* Does text[0..end) end with word (after white space is trimmed)? */
static int
ends_with(const char *text, size_t end, const char *word)
{
    while (end > 0 && text[end - 1] == ' ')
        end--;
    size_t k = strlen(word);
    if (end < k || memcmp(text + end - k, word, k) != 0)
        return 0;
    return end == k || !is_alnum(text[end - k - 1]);
}

static size_t
trim_end(const char *text, size_t end)
{
    while (end > 0 && text[end - 1] == ' ')
        end--;
    return end;
}

/* The body named just before text[end] ("General Assembly"), or NULL. */
static const char *
body_before(const char *text, size_t end, const char *speaker)
{
    const char *name, *code;
    for (size_t k = 0; (name = schema_body_name(k, &code)); k++)
        if (ends_with(text, end, name))
            return code;
    if (ends_with(text, end, "Assembly")) /* "the Assembly, in its resolution" */
        return "GA";
    if (ends_with(text, end, "Commission")) /* "Commission resolution 26/1" */
        return speaker && (eq(speaker, "CND") || eq(speaker, "CCPCJ")) ? speaker : "CCPCJ";
    if (ends_with(text, end, "Council"))
        return speaker && (eq(speaker, "SC") || eq(speaker, "HRC")) ? speaker : "ECOSOC";
    return NULL;
}

/* Who "its" is: the body named just before ("the General Assembly in its
 * resolution", "the Assembly, in its resolution"), else the speaker. */
static const char *
owner_of_its(const char *text, size_t its, const char *speaker)
{
    size_t end = trim_end(text, its);
    if (!ends_with(text, end, "in"))
        return speaker;
    end = trim_end(text, end - 2);
    if (end > 0 && text[end - 1] == ',')
        end--;
    const char *b = body_before(text, end, speaker);
    return b ? b : speaker;
}

/* One reference after "resolution(s)": the parts found. */
typedef struct ref {
    char first[8];  /* "70", "2017", "S-30", "217" */
    char second[8]; /* "174", "19"; empty for the old form */
    char paren[12]; /* "III", "2014" for "217 A (III)", "2133 (2014)" */
    char part;      /* "57/270 B" -> 'B' */
    size_t len;
} ref_t;

static size_t
digits_at(const char *s, size_t max)
{
    size_t i = 0;
    while (is_digit(s[i]) && i < max)
        i++;
    return is_digit(s[i]) ? 0 : i;
}

/* A single capital letter as a word: the part of a resolution ("B"). */
static int
part_at(const char *s)
{
    return is_upper(s[0]) && !is_alnum(s[1]) && s[1] != '/' && !(s[1] == '.' && is_alnum(s[2]));
}

static int
parse_ref(const char *s, ref_t *r)
{
    memset(r, 0, sizeof *r);
    size_t i = 0;
    if (s[0] == 'S' && s[1] == '-' && is_digit(s[2])) /* special session */
        i = 2;
    size_t d = digits_at(s + i, 4);
    if (!d)
        return 0;
    snprintf(r->first, sizeof r->first, "%.*s", (int)(i + d), s);
    i += d;
    if (s[i] == '/') {
        size_t d2 = digits_at(s + i + 1, 5);
        if (!d2)
            return 0;
        snprintf(r->second, sizeof r->second, "%.*s", (int)d2, s + i + 1);
        i += 1 + d2;
        if (s[i] == ' ' && part_at(s + i + 1)) {
            r->part = s[i + 1];
            i += 2;
        }
        r->len = i;
        return 1;
    }
    /* "217 A (III)", "2133 (2014)" */
    size_t j = i;
    if (s[j] == ' ' && part_at(s + j + 1))
        j += 2;
    if (s[j] != ' ' || s[j + 1] != '(')
        return 0;
    j += 2;
    size_t k = j;
    while ((strchr("IVXLC", s[k]) || is_digit(s[k])) && s[k] && k - j < 10)
        k++;
    if (k == j || s[k] != ')')
        return 0;
    snprintf(r->paren, sizeof r->paren, "%.*s", (int)(k - j), s + j);
    r->len = k + 1;
    return 1;
}

static void
emit_ref(const emit_t *e, const ref_t *r, const char *body, int decision)
{
    char buf[64];
    if (r->paren[0]) {
        if (is_digit(r->paren[0])) /* "2133 (2014)": the Security Council's */
            snprintf(buf, sizeof buf, "S/RES/%s(%s)", r->first, r->paren);
        else
            snprintf(buf, sizeof buf, "%s/RES/%s(%s)", body && eq(body, "ECOSOC") ? "E" : "A",
                     r->first, r->paren);
        e->add(e->ctx, buf);
        return;
    }
    int by_year = strlen(r->first) == 4 && is_digit(r->first[0]);
    if (!body)
        body = by_year ? "ECOSOC" : "GA";
    if (by_year && (eq(body, "GA") || eq(body, "SC")))
        body = "ECOSOC"; /* only ECOSOC numbers its resolutions by year */
    const char *series = schema_body_series(body);
    if (!series)
        return;
    char part[2] = {r->part, '\0'};
    snprintf(buf, sizeof buf, "%s/%s/%s/%s%s", series, decision ? "DEC" : "RES", r->first,
             r->second, part);
    e->add(e->ctx, buf);
}

/* After a reference: " of 21 December 2010" and ", annex" are skipped;
 * returns the offset of the next reference in a list (", 54/17", " and
 * 56/11", " and B"), or 0 when the list ends. */
static size_t
next_in_list(const char *s, int *part_only)
{
    size_t i = 0;
    *part_only = 0;
    if (strncmp(s, " of ", 4) == 0 && is_digit(s[4])) {
        /* a date: day, month, year */
        i = 4;
        for (int w = 0; w < 3; w++) {
            while (s[i] && s[i] != ' ' && s[i] != ',' && s[i] != ';')
                i++;
            if (w < 2 && s[i] == ' ')
                i++;
        }
    }
    const char *seps[] = {", and ", " and ", ", ", NULL};
    for (int k = 0; seps[k]; k++) {
        size_t n = strlen(seps[k]);
        if (strncmp(s + i, seps[k], n) == 0) {
            const char *t = s + i + n;
            if (is_digit(t[0]) || (t[0] == 'S' && t[1] == '-'))
                return i + n;
            if (part_at(t) && k < 2) {
                *part_only = 1;
                return i + n;
            }
        }
    }
    return 0;
}

/* "resolution", "resolutions", "decision", "decisions" at text[i] (a word
 * start): the length of the word and whether it is a decision. */
static size_t
keyword_at(const char *text, size_t i, int *decision)
{
    static const char *const words[] = {"resolutions ", "resolution ", "decisions ", "decision ",
                                        NULL};
    for (int k = 0; words[k]; k++) {
        size_t n = strlen(words[k]);
        if (strncasecmp(text + i, words[k], n) == 0) {
            *decision = k >= 2;
            return n;
        }
    }
    return 0;
}

static size_t
scan_named(const emit_t *e, const char *text, size_t i, const char *speaker)
{
    int decision;
    size_t kw = keyword_at(text, i, &decision);
    if (!kw)
        return 0;
    const char *body = body_before(text, i, speaker);
    if (!body && ends_with(text, i, "its"))
        body = owner_of_its(text, trim_end(text, i) - 3, speaker);
    const char *s = text + i + kw;
    ref_t r;
    if (!parse_ref(s, &r))
        return kw;
    size_t pos = 0;
    for (int guard = 0; guard < 1000; guard++) {
        emit_ref(e, &r, body, decision);
        pos += r.len;
        int part_only;
        size_t next = next_in_list(s + pos, &part_only);
        if (!next)
            break;
        if (part_only) {
            /* "53/243 A and B": the same resolution, another part */
            r.part = s[pos + next];
            r.len = 1;
            pos += next;
            continue;
        }
        ref_t r2;
        if (!parse_ref(s + pos + next, &r2))
            break;
        r = r2;
        pos += next;
    }
    return kw + pos;
}

void
cite_extract_in(const char *text, const char *speaker, void (*add)(void *ctx, const char *cite),
                void *ctx)
{
    if (!text || !add)
        return;
    emit_t e = {add, ctx};
    for (size_t i = 0; text[i];) {
        int word_start = i == 0 || !(is_alnum(text[i - 1]) || text[i - 1] == '/' ||
                                     text[i - 1] == '.' || text[i - 1] == '-');
        size_t used = 0;
        if (word_start && is_upper(text[i]))
            used = scan_symbol(&e, text, i);
        if (!used && word_start &&
            (text[i] == 'r' || text[i] == 'R' || text[i] == 'd' || text[i] == 'D'))
            used = scan_named(&e, text, i, speaker);
        i += used ? used : 1;
    }
}

void
cite_extract(const char *text, void (*add)(void *ctx, const char *cite), void *ctx)
{
    cite_extract_in(text, NULL, add, ctx);
}

int
cite_normalise(const char *ref, char *buf, size_t size)
{
    if (!ref || !buf || size == 0)
        return 0;
    buf[0] = '\0';
    const char *s = ref;
    /* "https://undocs.org/en/A/RES/70/174", "/en/A/RES/70/174" */
    const char *scheme = strstr(s, "://");
    if (scheme) {
        s = strchr(scheme + 3, '/');
        if (!s)
            return 0;
    }
    while (*s == '/')
        s++;
    if (s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z' && s[2] == '/')
        s += 3;
    size_t n = strcspn(s, "?#");
    char tmp[128];
    if (n == 0 || n >= sizeof tmp)
        return 0;
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    /* A bare number: "70/174" (GA), "2017/19" (ECOSOC). */
    ref_t r;
    if (parse_ref(tmp, &r) && r.len == n) {
        char out[64];
        if (r.paren[0])
            snprintf(out, sizeof out, "%s/RES/%s(%s)", is_digit(r.paren[0]) ? "S" : "A", r.first,
                     r.paren);
        else
            snprintf(out, sizeof out, "%s/RES/%s/%s", strlen(r.first) == 4 ? "E" : "A", r.first,
                     r.second);
        if (strlen(out) >= size)
            return 0;
        strcpy(buf, out);
        return 1;
    }
    size_t i = 0;
    while (is_upper(tmp[i]))
        i++;
    if (i == 0 || tmp[i] != '/' || !strpbrk(tmp, "0123456789"))
        return 0;
    for (size_t k = 0; k < n; k++)
        if (!symbol_char(tmp[k]))
            return 0;
    if (n >= size)
        return 0;
    memcpy(buf, tmp, n + 1);
    return 1;
}

/* ------------------------------------------------------------------------ */
/* "Ibid." made whole                                                       */
/* ------------------------------------------------------------------------ */

/* The class of a reference's component, from its first word: "vol." and
 * "vols." are one class, a year ("2013, Supplement No. 7") another. */
static int
same_component(const char *a, const char *b)
{
    if (is_digit(a[0]) && is_digit(b[0]))
        return digits_at(a, 4) == 4 && digits_at(b, 4) == 4;
    size_t na = strcspn(a, " ,."), nb = strcspn(b, " ,.");
    if (na && a[na - 1] == 's' && na > 2) /* "vols" reads as "vol" */
        na--;
    if (nb && b[nb - 1] == 's' && nb > 2)
        nb--;
    return na > 0 && na == nb && strncasecmp(a, b, na) == 0;
}

char *
cite_resolve_ibid(const char *text, const char *prev)
{
    if (!text || !prev || strncasecmp(text, "Ibid", 4) != 0 || is_alnum(text[4]))
        return NULL;
    /* The reference repeated, without "See" and the like before it. */
    static const char *const leads[] = {"See also ", "See, for example, ", "See ", "Cf. ", NULL};
    for (const char *const *l = leads; *l; l++)
        if (strncmp(prev, *l, strlen(*l)) == 0) {
            prev += strlen(*l);
            break;
        }
    const char *rest = text + 4;
    if (*rest == '.')
        rest++;
    while (*rest == ' ')
        rest++;
    size_t plen = strlen(prev);
    if (*rest != ',') /* "Ibid." alone: the whole reference */
        return strdup(prev);
    rest++;
    while (*rest == ' ')
        rest++;
    /* "Ibid., vol. 976, No. 14152." after "United Nations, Treaty Series,
     * vols. 2225 ..., No. 39574.": the title before the component that
     * "Ibid." replaces, then the new component. */
    size_t cut = plen;
    for (size_t i = 0; i + 2 < plen; i++)
        if (prev[i] == ',' && prev[i + 1] == ' ' && same_component(prev + i + 2, rest)) {
            cut = i;
            break;
        }
    if (cut == plen) /* no such component: the new one after the whole */
        while (cut > 0 && (prev[cut - 1] == '.' || prev[cut - 1] == ' '))
            cut--;
    size_t n = cut + 2 + strlen(rest) + 1;
    char *out = malloc(n);
    if (out)
        snprintf(out, n, "%.*s, %s", (int)cut, prev, rest);
    return out;
}

/* ------------------------------------------------------------------------ */
/* How a paragraph is cited                                                 */
/* ------------------------------------------------------------------------ */

static const char *
body_name(const char *body)
{
    const char *name, *code;
    for (size_t k = 0; body && (name = schema_body_name(k, &code)); k++)
        if (eq(code, body))
            return name;
    return NULL;
}

size_t
resdex_cite(const resdex_resolution_t *res, const resdex_paragraph_t *par, unsigned preambular,
            char *buf, size_t size)
{
    char tmp[512];
    size_t n = 0;
#define PUT(...)                                                                                   \
    do {                                                                                           \
        int w_ = snprintf(tmp + n, n < sizeof tmp ? sizeof tmp - n : 0, __VA_ARGS__);              \
        if (w_ > 0)                                                                                \
            n += (size_t)w_;                                                                       \
        if (n >= sizeof tmp)                                                                       \
            n = sizeof tmp - 1;                                                                    \
    } while (0)
    tmp[0] = '\0';
    if (!res)
        goto OUT;
    const char *sym = res->symbol ? res->symbol : "";
    const char *dr = strstr(sym, "/DR.");
    if (!dr)
        dr = strstr(sym, "/DD.");
    const char *name = body_name(res->body);
    int draft = res->doc_type && strncmp(res->doc_type, "draft", 5) == 0;
    if (dr && draft) {
        /* "E/2017/30/DR.B.II": the report, chapter I, section B, draft II. */
        const char *sect = dr + 4, *dot = strchr(sect, '.');
        PUT("%.*s, chap. I", (int)(dr - sym), sym);
        if (dot && dot - sect == 1)
            PUT(", sect. %c", *sect);
        PUT(", %s %s", res->doc_type, res->number ? res->number : (dot ? dot + 1 : sect));
    } else if (name && res->number && !draft) {
        PUT("%s %s %s", name, res->doc_type ? res->doc_type : "resolution", res->number);
    } else {
        PUT("%s", sym);
    }
    if (!par)
        goto OUT;
    if (par->kind == RESDEX_KIND_ANNEX) {
        /* "annex, para. 13", "annex, art. 2 (c)", "annex, art. 5, para. 1" */
        PUT(", annex");
        if (par->article > 0)
            PUT(", art. %d", par->article);
        if (par->number > 0)
            PUT(", para. %d", par->number);
        if (par->item)
            PUT(" (%s)", par->item);
    } else if (par->kind == RESDEX_KIND_OPERATIVE && par->number > 0) {
        PUT(", para. %d", par->number);
        if (par->item)
            PUT(" (%s)", par->item);
    } else if (par->kind == RESDEX_KIND_OPERATIVE && par->item) {
        PUT(", para. (%s)", par->item);
    } else if (par->kind == RESDEX_KIND_PREAMBULAR && preambular > 0) {
        PUT(", preambular para. %u", preambular);
        if (par->item)
            PUT(" (%s)", par->item);
    }
OUT:
#undef PUT
    if (buf && size) {
        size_t k = n < size - 1 ? n : size - 1;
        memcpy(buf, tmp, k);
        buf[k] = '\0';
    }
    return n;
}
