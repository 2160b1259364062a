/* akn-text.c - the plain text of AKN4UN inline content, and paragraph labels.
 *
 * The XML keeps the layout of the Word file it was made from: tabs and
 * newlines at the start of <p> and <span> (under xml:space="preserve"),
 * footnotes inline where their mark stands, Arabic footnote marks wrapped in
 * <sup>(</sup>...<sup>)</sup>. What a reader of the paragraph sees is one line
 * of text: every run of white space becomes one space, footnotes move out to
 * the resolution's footnote list (the paragraph keeps their marks), and the
 * text is trimmed.
 *
 * Tables are read as text too: cells, and rows, are separated by " | "
 * (empty cells are skipped), so that a boxed "Core principle" reads
 * "Core principle I | Decisions regarding ..." and stays searchable as one
 * paragraph. */
#include "akn.h"
#include "cite.h"
#include "model.h"

#include <stdlib.h>
#include <string.h>

/* A paragraph's text is at most this long (the whole input is at most 64 MiB;
 * one paragraph of a resolution is a few kB). */
#define AKN_MAX_TEXT (4u * 1024u * 1024u)

enum { SEP_NONE = 0, SEP_SPACE = 1, SEP_CELL = 2 };

/* The leading verb phrase: NONE until an italic/bold span opens at the
 * start of the paragraph (OPEN), DONE as soon as plain text follows it. */
enum { VERB_NONE = 0, VERB_OPEN, VERB_DONE };
#define VERB_UNSET ((size_t)-1)

int
akn_is(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

/* ---------------------------------------------------------------------- */
/* Labels                                                                 */

static int
is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* White space, ASCII or no-break (U+00A0), from s[i]; returns the new i. */
static size_t
skip_space(const char *s, size_t i, size_t n)
{
    while (i < n) {
        if (is_space((unsigned char)s[i]))
            i++;
        else if (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0)
            i += 2;
        else
            break;
    }
    return i;
}

static size_t
decode(const char *s, size_t i, size_t n, unsigned *cp)
{
    if (i >= n) {
        *cp = 0;
        return 0;
    }
    return util_utf8_decode(s + i, n - i, cp);
}

/* Digits of the scripts the six languages print: ASCII, Arabic-Indic,
 * Eastern Arabic-Indic, full width. */
static int
digit_value(unsigned cp)
{
    if (cp >= '0' && cp <= '9')
        return (int)(cp - '0');
    if (cp >= 0x660 && cp <= 0x669)
        return (int)(cp - 0x660);
    if (cp >= 0x6F0 && cp <= 0x6F9)
        return (int)(cp - 0x6F0);
    if (cp >= 0xFF10 && cp <= 0xFF19)
        return (int)(cp - 0xFF10);
    return -1;
}

/* Arabic sub-item letters follow the abjad order (أ ب ج د هـ و ز ح ط ي ...),
 * which is how the UN's Arabic texts number what the English texts letter
 * (a), (b), (c) ...; map each to its Latin counterpart. */
static char
abjad_letter(unsigned cp)
{
    static const struct {
        unsigned cp;
        char latin;
    } map[] = {
        {0x623, 'a'}, {0x627, 'a'}, {0x625, 'a'}, {0x628, 'b'}, {0x62C, 'c'}, {0x62F, 'd'},
        {0x647, 'e'}, {0x648, 'f'}, {0x632, 'g'}, {0x62D, 'h'}, {0x637, 'i'}, {0x64A, 'j'},
        {0x649, 'j'}, {0x643, 'k'}, {0x644, 'l'}, {0x645, 'm'}, {0x646, 'n'}, {0x633, 'o'},
        {0x639, 'p'}, {0x641, 'q'}, {0x635, 'r'}, {0x642, 's'}, {0x631, 't'}, {0x634, 'u'},
        {0x62A, 'v'}, {0x62B, 'w'}, {0x62E, 'x'}, {0x630, 'y'}, {0x636, 'z'},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (map[i].cp == cp)
            return map[i].latin;
    return 0;
}

/* A letter label: one letter, a doubled letter ("aa" after "z") or a small
 * roman numeral. Anything else in parentheses - "(UNODC)" - is text. */
static int
plausible_item(const char *item, size_t len)
{
    if (len == 1)
        return 1;
    if (len == 2 && item[0] == item[1])
        return 1;
    return strspn(item, "ivxl") == len;
}

/* Cyrillic letters that look like Latin ones, typed by mistake in the
 * Russian texts' "а)" (which should be "a)"). */
static char
cyrillic_lookalike(unsigned cp)
{
    switch (cp) {
    case 0x430:
        return 'a';
    case 0x441:
        return 'c';
    case 0x435:
        return 'e';
    case 0x456:
        return 'i';
    case 0x445:
        return 'x';
    default:
        return 0;
    }
}

size_t
akn_label_parse(const char *s, akn_label_t *label, unsigned flags)
{
    memset(label, 0, sizeof *label);
    if (!s)
        return 0;
    size_t n = strlen(s), i = skip_space(s, 0, n), k;
    unsigned cp;
    int open = 0;
    k = decode(s, i, n, &cp);
    if (cp == '(' || cp == 0xFF08) {
        open = 1;
        i += k;
    }

    int number = 0, digits = 0;
    for (;;) {
        k = decode(s, i, n, &cp);
        int d = k ? digit_value(cp) : -1;
        if (d < 0)
            break;
        if (++digits > 4)
            return 0;
        number = number * 10 + d;
        i += k;
    }

    char item[sizeof label->item];
    size_t il = 0;
    if (digits) {
        if (open) { /* "(1)": a numbered sub-item */
            k = decode(s, i, n, &cp);
            if (cp != ')' && cp != 0xFF09)
                return 0;
            i += k;
            snprintf(item, sizeof item, "%d", number);
            il = strlen(item);
            number = 0;
        } else {
            /* "1.", "1 -", "1 –", "1、", "1)" followed by white space. */
            size_t after = i;
            i = skip_space(s, i, n);
            k = decode(s, i, n, &cp);
            if (cp == '.' || cp == '-' || cp == ')' || cp == 0x2013 || cp == 0x2014 ||
                cp == 0x3001 || cp == 0xFF0E) {
                i += k;
                size_t j = skip_space(s, i, n);
                if (j == i && i < n)
                    return 0; /* "1.5 million" */
            } else if (!(flags & AKN_LABEL_BARE) || (i == after && i < n))
                return 0;
            /* else "7 Pone de relieve": a bare number, where the caller knows
             * a label must be. */
        }
    } else {
        for (;;) {
            k = decode(s, i, n, &cp);
            if (!k)
                break;
            char c = 0;
            if (cp < 0x80 && ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z'))
                c = (char)(cp | 0x20);
            else if (cp == 0x640) { /* tatweel: "هـ" is a drawn-out "ه" */
                i += k;
                continue;
            } else {
                c = abjad_letter(cp);
                if (!c)
                    c = cyrillic_lookalike(cp);
            }
            if (!c)
                break;
            if (il + 1 >= sizeof item)
                return 0;
            item[il++] = c;
            i += k;
        }
        item[il] = '\0';
        k = decode(s, i, n, &cp);
        if (il == 0 || (cp != ')' && cp != 0xFF09) || !plausible_item(item, il))
            return 0;
        i += k;
    }
    i = skip_space(s, i, n);
    if ((flags & AKN_LABEL_WHOLE) && i != n)
        return 0;
    label->number = number;
    if (il) {
        memcpy(label->item, item, il);
        label->item[il] = '\0';
    }
    return i;
}

/* ---------------------------------------------------------------------- */
/* Collecting text                                                        */

static void
strs_add(akn_text_t *t, akn_strs_t *l, const char *s)
{
    const char *copy = model_str(t->doc, s);
    if (!copy) {
        t->failed = 1;
        return;
    }
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        const char **v = realloc(l->v, cap * sizeof *v);
        if (!v) {
            t->failed = 1;
            return;
        }
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = copy;
}

void
akn_text_init(akn_text_t *t, resdex_doc_t *doc, unsigned *n_notes)
{
    memset(t, 0, sizeof *t);
    t->doc = doc;
    t->n_notes = n_notes;
    t->verb_start = t->verb_end = VERB_UNSET;
    buf_init(&t->buf, AKN_MAX_TEXT);
}

void
akn_text_free(akn_text_t *t)
{
    buf_free(&t->buf);
    free(t->marks.v);
    free(t->cites.v);
    free(t->notes);
    memset(t, 0, sizeof *t);
}

/* Append a run of visible characters, paying the separator owed first. */
static void
put_visible(akn_text_t *t, const char *s, size_t n)
{
    if (t->buf.len > 0 && t->pending != SEP_NONE) {
        const char *sep = t->pending == SEP_CELL ? " | " : " ";
        if (buf_puts(&t->buf, sep) != 0)
            t->failed = 1;
    }
    t->pending = SEP_NONE;
    if (t->verb_state == VERB_OPEN) {
        if (t->emph_depth == 0)
            t->verb_state = VERB_DONE;
        else if (t->verb_start == VERB_UNSET)
            t->verb_start = t->buf.len;
    }
    if (buf_append(&t->buf, s, n) != 0)
        t->failed = 1;
}

static void
owe(akn_text_t *t, int sep)
{
    if (t->pending < sep)
        t->pending = sep;
}

static int
is_invisible(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    return (u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x8B || u[2] == 0x8E || u[2] == 0x8F)) ||
           (u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF);
}

static void
add_text(akn_text_t *t, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        /* Invisible marks (right-to-left mark, zero-width space, BOM) that
         * Word leaves before an Arabic verb are not text. */
        if (i + 2 < n && is_invisible(s + i)) {
            i += 3;
            continue;
        }
        if (is_space((unsigned char)s[i])) {
            owe(t, SEP_SPACE);
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && !is_space((unsigned char)s[j]) && !(j + 2 < n && is_invisible(s + j)))
            j++;
        put_visible(t, s + i, j - i);
        i = j;
    }
}

static void collect(akn_text_t *t, const xmlNode *node);

/* The element beside n (dir < 0: before), skipping white-space text. */
static const xmlNode *
element_beside(const xmlNode *n, int dir)
{
    for (n = dir < 0 ? n->prev : n->next; n; n = dir < 0 ? n->prev : n->next) {
        if (n->type == XML_ELEMENT_NODE)
            return n;
        if (n->type == XML_TEXT_NODE && n->content &&
            strspn((const char *)n->content, " \t\r\n") != strlen((const char *)n->content))
            return NULL;
    }
    return NULL;
}

static char *
prop(const xmlNode *n, const char *name)
{
    return (char *)xmlGetProp(n, (const xmlChar *)name);
}

/* Arabic superscripts: "(" before a footnote and ")" after it are the
 * brackets printed around the footnote mark; they go with the mark. */
static void
collect_sup(akn_text_t *t, const xmlNode *sup)
{
    char *s = (char *)xmlNodeGetContent(sup);
    if (!s) {
        t->failed = 1;
        return;
    }
    char *start = s, *end = s + strlen(s);
    if (akn_is(element_beside(sup, +1), "authorialNote")) {
        while (end > start && (is_space((unsigned char)end[-1]) || end[-1] == '('))
            end--;
    }
    if (akn_is(element_beside(sup, -1), "authorialNote")) {
        while (start < end && (is_space((unsigned char)*start) || *start == ')'))
            start++;
    }
    add_text(t, start, (size_t)(end - start));
    xmlFree(s);
}

static void
add_cite_cb(void *ctx, const char *cite)
{
    akn_text_t *t = ctx;
    strs_add(t, &t->cites, cite);
}

static void
collect_link(akn_text_t *t, const xmlNode *a)
{
    char out[256];
    char *href = prop(a, "href");
    int found = href && cite_normalise(href, out, sizeof out);
    xmlFree(href);
    if (!found) {
        /* Links to PDF files and search pages: the link text ("76/182")
         * still names the document. */
        char *label = (char *)xmlNodeGetContent(a);
        found = label && cite_normalise(label, out, sizeof out);
        xmlFree(label);
    }
    if (found)
        strs_add(t, &t->cites, out);
    collect(t, a);
}

/* The mark printed again at the start of a footnote's text: "()" in the
 * Arabic texts (the digit itself is drawn by Word), "(12)" or "12". */
static const char *
skip_note_mark(const char *text, const char *mark)
{
    size_t ml = strlen(mark);
    const char *p = text;
    if (p[0] == '(' && p[1] == ')')
        p += 2;
    else if (p[0] == '(' && strncmp(p + 1, mark, ml) == 0 && p[1 + ml] == ')')
        p += ml + 2;
    else if (strncmp(p, mark, ml) == 0 && (p[ml] == ' ' || p[ml] == '\0'))
        p += ml;
    else
        return text;
    while (*p == ' ')
        p++;
    return p;
}

static void
collect_note(akn_text_t *t, const xmlNode *note)
{
    unsigned ordinal = t->n_notes ? ++*t->n_notes : 0;
    char mark[64] = "";
    char *m = prop(note, "marker");
    if (m) {
        size_t b = strspn(m, " \t\r\n"), e = strlen(m);
        while (e > b && is_space((unsigned char)m[e - 1]))
            e--;
        if (e - b < sizeof mark) {
            memcpy(mark, m + b, e - b);
            mark[e - b] = '\0';
        }
        xmlFree(m);
    }
    for (const xmlNode *c = note->children; !mark[0] && c; c = c->next) {
        if (akn_is(c, "num")) {
            char *s = (char *)xmlNodeGetContent(c);
            akn_label_t l;
            if (s && akn_label_parse(s, &l, AKN_LABEL_WHOLE) && l.number)
                snprintf(mark, sizeof mark, "%d", l.number);
            xmlFree(s);
        }
    }
    if (!mark[0])
        snprintf(mark, sizeof mark, "%u", ordinal);

    akn_text_t sub;
    akn_text_init(&sub, t->doc, t->n_notes);
    akn_text_children(&sub, note);
    const char *text = akn_text_finish(&sub);
    if (!text || sub.failed)
        t->failed = 1;
    else {
        /* A footnote's citations are the paragraph's: "Resolution 76/181,
         * annex." is what the paragraph's "Kyoto Declaration" cites. */
        for (size_t i = 0; i < sub.cites.n; i++)
            strs_add(t, &t->cites, sub.cites.v[i]);
        if (t->n_note_items == t->cap_notes) {
            size_t cap = t->cap_notes ? t->cap_notes * 2 : 4;
            akn_note_t *v = realloc(t->notes, cap * sizeof *v);
            if (!v)
                t->failed = 1;
            else {
                t->notes = v;
                t->cap_notes = cap;
            }
        }
        const char *mk = model_str(t->doc, mark);
        if (t->n_note_items < t->cap_notes && mk) {
            t->notes[t->n_note_items].mark = mk;
            t->notes[t->n_note_items].text = model_str(t->doc, skip_note_mark(text, mark));
            t->n_note_items++;
            strs_add(t, &t->marks, mark);
        }
    }
    akn_text_free(&sub);
}

static int
is_emphasis(const xmlNode *span)
{
    char *cls = prop(span, "class");
    int yes = cls && (strstr(cls, "italic") || strstr(cls, "bold"));
    xmlFree(cls);
    return yes;
}

/* May a verb phrase start here: is everything before it a label at most? */
static int
verb_may_start(akn_text_t *t)
{
    akn_label_t l;
    /* Labels are short: a long prefix is text, not a label. */
    if (t->buf.len > 32)
        return 0;
    return t->verb_state == VERB_NONE &&
           (t->buf.len == 0 ||
            akn_label_parse(t->buf.data, &l, AKN_LABEL_WHOLE | AKN_LABEL_BARE) == t->buf.len);
}

static void
collect_span(akn_text_t *t, const xmlNode *span)
{
    if (!is_emphasis(span)) {
        collect(t, span);
        return;
    }
    if (t->emph_depth == 0 && verb_may_start(t))
        t->verb_state = VERB_OPEN;
    t->emph_depth++;
    collect(t, span);
    t->emph_depth--;
    if (t->emph_depth == 0 && t->verb_state == VERB_OPEN && t->verb_start != VERB_UNSET)
        t->verb_end = t->buf.len;
}

/* Elements that separate words (a block, a line break). */
static int
is_block(const xmlNode *n)
{
    static const char *const blocks[] = {
        "p",       "intro",     "listIntroduction",
        "content", "heading",   "subheading",
        "eol",     "eop",       "br",
        "wrapUp",  "wrap",      "listWrapUp",
        "tr",      "list",      "blockList",
        "table",   "container", "docTitle",
        "formula", "tblock",    "block",
        "num",     "docNumber", "blockContainer",
    };
    for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++)
        if (strcmp((const char *)n->name, blocks[i]) == 0)
            return 1;
    return 0;
}

/* Structure the reader walks itself, and furniture without text. */
static int
is_skipped(const xmlNode *n)
{
    static const char *const skipped[] = {
        "num", "point", "item",       "paragraph",   "subparagraph", "embeddedStructure",
        "img", "meta",  "components", "attachments", "noteRef",
    };
    for (size_t i = 0; i < sizeof skipped / sizeof skipped[0]; i++)
        if (strcmp((const char *)n->name, skipped[i]) == 0)
            return 1;
    return 0;
}

static void
collect_element(akn_text_t *t, const xmlNode *c)
{
    if (is_skipped(c))
        return;
    if (akn_is(c, "authorialNote"))
        collect_note(t, c);
    else if (akn_is(c, "sup"))
        collect_sup(t, c);
    else if (akn_is(c, "a"))
        collect_link(t, c);
    else if (akn_is(c, "span"))
        collect_span(t, c);
    else if (akn_is(c, "td") || akn_is(c, "th")) {
        owe(t, SEP_CELL);
        collect(t, c);
        owe(t, SEP_SPACE);
    } else if (is_block(c)) {
        owe(t, SEP_SPACE);
        collect(t, c);
        owe(t, SEP_SPACE);
    } else
        collect(t, c);
}

/* Entity references stay unexpanded (the parser does not substitute them):
 * their text is not part of the paragraph. Recursion depth is bounded by
 * libxml2's nesting limit (256 without XML_PARSE_HUGE). */
static void
collect(akn_text_t *t, const xmlNode *node)
{
    for (const xmlNode *c = node->children; c && !t->failed; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content)
                add_text(t, (const char *)c->content, strlen((const char *)c->content));
        } else if (c->type == XML_ELEMENT_NODE)
            collect_element(t, c);
    }
}

void
akn_text_children(akn_text_t *t, const xmlNode *node)
{
    collect(t, node);
}

const char *
akn_text_finish(akn_text_t *t)
{
    if (t->failed || t->buf.too_large)
        return NULL;
    const char *text = model_strn(t->doc, t->buf.data ? t->buf.data : "", t->buf.len);
    if (!text)
        return NULL;
    cite_extract(text, add_cite_cb, t);
    return text;
}

const char *
akn_text_verb(akn_text_t *t)
{
    if (t->verb_start == VERB_UNSET || t->verb_end == VERB_UNSET || t->verb_end <= t->verb_start ||
        !t->buf.data)
        return NULL;
    const char *s = t->buf.data + t->verb_start;
    size_t n = t->verb_end - t->verb_start;
    while (n > 0 && (is_space((unsigned char)s[n - 1]) || strchr(",;:", s[n - 1])))
        n--;
    /* An italic title or quotation is not a verb phrase. */
    size_t words = 1;
    for (size_t i = 0; i < n; i++)
        words += s[i] == ' ';
    if (n == 0 || n > 120 || words > 12)
        return NULL;
    return model_strn(t->doc, s, n);
}
