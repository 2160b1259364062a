/* akn-meta.c - what an AKN4UN statement says about its resolution: symbol,
 * body and number from the FRBR work URI, date and language from the FRBR
 * metadata, session, agenda item and proponent from the cover page, title
 * from the preface, meeting from the conclusions (see the list in akn.c);
 * how it was adopted from the meta's analysis, workflow and classification
 * (see read_adoption); and the small tree helpers the reader shares. */
#include "adoption.h"
#include "akn.h"
#include "model.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* ---------------------------------------------------------------------- */
/* Small tree helpers                                                     */

const xmlNode *
akn_child(const xmlNode *n, const char *name)
{
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (akn_is(c, name))
            return c;
    return NULL;
}

/* The first element named `name` under n, depth first. */
const xmlNode *
akn_descendant(const xmlNode *n, const char *name)
{
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (akn_is(c, name))
            return c;
        const xmlNode *d = akn_descendant(c, name);
        if (d)
            return d;
    }
    return NULL;
}

/* The first element named `name` whose attribute `attr` is `value`. */
const xmlNode *
akn_descendant_with(const xmlNode *n, const char *name, const char *attr_name, const char *value)
{
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (akn_is(c, name)) {
            xmlChar *v = xmlGetProp(c, (const xmlChar *)attr_name);
            int match = v && strcmp((const char *)v, value) == 0;
            xmlFree(v);
            if (match)
                return c;
        }
        const xmlNode *d = akn_descendant_with(c, name, attr_name, value);
        if (d)
            return d;
    }
    return NULL;
}

/* An attribute's value copied into the document (NULL when absent). */
const char *
akn_attr(akn_reader_t *r, const xmlNode *n, const char *name)
{
    if (!n)
        return NULL;
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    const char *copy = v ? model_str(r->doc, (const char *)v) : NULL;
    xmlFree(v);
    return copy;
}

/* The plain text of an element (footnotes dropped), or NULL when empty. */
const char *
akn_text_of(akn_reader_t *r, const xmlNode *n)
{
    if (!n)
        return NULL;
    unsigned scratch = 0;
    akn_text_t t;
    akn_text_init(&t, r->doc, &scratch);
    akn_text_children(&t, n);
    const char *s = akn_text_finish(&t);
    akn_text_free(&t);
    return s && *s ? s : NULL;
}

unsigned
akn_line_of(const xmlNode *n)
{
    long l = xmlGetLineNo((xmlNodePtr)n);
    return l > 0 && l < (long)UINT_MAX ? (unsigned)l : 0;
}

/* The line of the last thing inside n: where n ends, near enough. */
unsigned
akn_last_line_of(const xmlNode *n)
{
    while (n->last)
        n = n->last;
    return akn_line_of(n);
}

/* ---------------------------------------------------------------------- */
/* Metadata                                                               */

/* "/akn/un/statement/deliberation/unga/2025-12-18/80-229/!main/" ->
 * GA, "A/RES/80/229", "80/229"; the segment after the date is the number. */
static void
read_frbr_uri(akn_reader_t *r, const char *uri)
{
    static const struct {
        const char *segment, *body, *prefix;
    } bodies[] = {{"/unga/", "GA", "A/RES/"}, {"/unecosoc/", "ECOSOC", "E/RES/"}};
    for (size_t b = 0; b < sizeof bodies / sizeof bodies[0]; b++) {
        const char *p = strstr(uri, bodies[b].segment);
        if (!p)
            continue;
        p += strlen(bodies[b].segment);
        const char *date_end = strchr(p, '/');
        if (!date_end)
            return;
        const char *num = date_end + 1;
        size_t a = strspn(num, "0123456789");
        if (a == 0 || num[a] != '-')
            return;
        size_t c = strspn(num + a + 1, "0123456789");
        if (c == 0 || (num[a + 1 + c] != '/' && num[a + 1 + c] != '\0'))
            return;
        char number[64], symbol[96];
        snprintf(number, sizeof number, "%.*s/%.*s", (int)a, num, (int)c, num + a + 1);
        snprintf(symbol, sizeof symbol, "%s%s", bodies[b].prefix, number);
        r->res->body = model_str(r->doc, bodies[b].body);
        r->res->number = model_str(r->doc, number);
        r->res->symbol = model_str(r->doc, symbol);
        return;
    }
}

static const char *
two_letter_language(const char *code)
{
    /* ISO 639-2 (terminology and bibliographic forms) to ISO 639-1: the six
     * official languages and German, the one other language the UN
     * publishes its resolutions in. */
    static const char *const map[][2] = {{"eng", "en"}, {"fra", "fr"}, {"fre", "fr"}, {"spa", "es"},
                                         {"rus", "ru"}, {"ara", "ar"}, {"zho", "zh"}, {"chi", "zh"},
                                         {"deu", "de"}, {"ger", "de"}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcasecmp(code, map[i][0]) == 0)
            return map[i][1];
    return code; /* two letters already, or a language resdex does not know */
}

/* ---------------------------------------------------------------------- */
/* How it was adopted                                                     */

/* A count's value: a whole number as printed, else -1 (and a warning). */
static int
read_count(akn_reader_t *r, resdex_adoption_t *ad, const xmlNode *c)
{
    const char *v = akn_attr(r, c, "value");
    char *end = NULL;
    errno = 0;
    long n = v ? strtol(v, &end, 10) : -1;
    if (!v || end == v || *end || errno || n < 0 || n > 100000) {
        adoption_warn(model_arena(r->doc), ad, "%s: line %u: <count refersTo=\"%s\"> has %s%s%s",
                      r->name, akn_line_of(c), akn_attr(r, c, "refersTo"),
                      v ? "the value \"" : "no value", v ? v : "", v ? "\", not a number" : "");
        return -1;
    }
    return (int)n;
}

/* <voting outcome="adoptedWithoutVote|adoptedRecordedVote"> with a <count
 * value="139" refersTo="inFavour"> (against, abstaining) each, and for a
 * recorded vote its <akn4un:voters><organization>STATE</organization>. */
static void
read_voting(akn_reader_t *r, resdex_adoption_t *ad, const xmlNode *voting)
{
    arena_t *a = model_arena(r->doc);
    const char *outcome = akn_attr(r, voting, "outcome");
    if (outcome && strcmp(outcome, "adoptedWithoutVote") == 0)
        ad->method = RESDEX_ADOPTION_CONSENSUS;
    else if (outcome && strcmp(outcome, "adoptedRecordedVote") == 0)
        ad->method = RESDEX_ADOPTION_VOTE;
    else
        adoption_warn(a, ad,
                      "%s: line %u: <voting outcome=\"%s\">: not an outcome resdex knows "
                      "(adoptedWithoutVote, adoptedRecordedVote): the method is unknown",
                      r->name, akn_line_of(voting), outcome ? outcome : "");
    static const char *const refers[] = {"inFavour", "against", "abstaining"};
    int counted = 0;
    for (const xmlNode *c = voting->children; c; c = c->next) {
        if (!akn_is(c, "count"))
            continue;
        const char *to = akn_attr(r, c, "refersTo");
        int k = -1;
        for (int i = 0; i < 3; i++)
            if (to && strcmp(to, refers[i]) == 0)
                k = i;
        if (k < 0) {
            adoption_warn(a, ad,
                          "%s: line %u: <count refersTo=\"%s\">: not in favour, against "
                          "or abstaining: left out",
                          r->name, akn_line_of(c), to ? to : "");
            continue;
        }
        int n = read_count(r, ad, c);
        int *slot = k == 0 ? &ad->in_favour : k == 1 ? &ad->against : &ad->abstaining;
        *slot = n;
        counted++;
        size_t listed = 0;
        for (const xmlNode *o = akn_child(c, "voters") ? akn_child(c, "voters")->children : NULL; o;
             o = o->next)
            if (akn_is(o, "organization")) {
                const char *state = akn_text_of(r, o);
                if (state) {
                    adoption_add_voter(a, ad, state, (resdex_vote_t)k);
                    listed++;
                }
            }
        if (listed > 0 && n >= 0 && listed != (size_t)n)
            adoption_warn(a, ad,
                          "%s: line %u: <count refersTo=\"%s\"> says %d but lists %zu "
                          "voters (the count is kept as printed)",
                          r->name, akn_line_of(c), to, n, listed);
    }
    if (ad->method == RESDEX_ADOPTION_VOTE && counted == 0)
        adoption_warn(a, ad, "%s: line %u: a recorded vote without counts", r->name,
                      akn_line_of(voting));
}

/* <step outcome="draftResolution" as="A/C.3/80/L.4/Rev.1" by="Belarus,
 * China, ..."> and <step outcome="draftResolutionAdditionalSponsors" by=...>. */
static void
read_workflow(akn_reader_t *r, resdex_adoption_t *ad, const xmlNode *workflow)
{
    arena_t *a = model_arena(r->doc);
    for (const xmlNode *s = workflow->children; s; s = s->next) {
        if (!akn_is(s, "step"))
            continue;
        const char *outcome = akn_attr(r, s, "outcome");
        if (!outcome)
            continue;
        if (strcmp(outcome, "draftResolution") == 0) {
            const char *as = akn_attr(r, s, "as");
            if (as && *as && !ad->draft)
                ad->draft = as;
            adoption_add_sponsor_list(a, ad, akn_attr(r, s, "by"), 0);
        } else if (strcmp(outcome, "draftResolutionAdditionalSponsors") == 0) {
            adoption_add_sponsor_list(a, ad, akn_attr(r, s, "by"), 1);
        }
    }
}

/* <classification><keyword dictionary="SDGO" value="16"> (a goal) and
 * dictionary "UNBIS Thesaurus" (a subject, showAs as printed). The "UNBIS"
 * concepts that gloss each goal ("civil_society") are the subjects only of
 * a file that has no thesaurus label (`fallback`). */
static void
read_classification(akn_reader_t *r, resdex_adoption_t *ad, resdex_adoption_t *fallback,
                    const xmlNode *cl)
{
    arena_t *a = model_arena(r->doc);
    for (const xmlNode *k = cl->children; k; k = k->next) {
        if (!akn_is(k, "keyword"))
            continue;
        const char *dict = akn_attr(r, k, "dictionary");
        const char *value = akn_attr(r, k, "value");
        if (!dict)
            continue;
        if (strcmp(dict, "SDGO") == 0) {
            char *end = NULL;
            long g = value ? strtol(value, &end, 10) : 0;
            if (!value || end == value || *end || g < 1 || g > 17)
                adoption_warn(a, ad,
                              "%s: line %u: <keyword dictionary=\"SDGO\" value=\"%s\">: "
                              "not a goal from 1 to 17: left out",
                              r->name, akn_line_of(k), value ? value : "");
            else
                adoption_add_sdg(a, ad, (int)g);
        } else if (strcmp(dict, "UNBIS Thesaurus") == 0 || strcmp(dict, "UNBIS") == 0) {
            const char *label = akn_attr(r, k, "showAs");
            adoption_add_subject(a, strcmp(dict, "UNBIS") == 0 ? fallback : ad,
                                 label && *label ? label : value);
        }
    }
}

/* What the meta says about how the text was adopted; nothing when it says
 * nothing (res->adoption stays as it was: a part's the collection's). */
static void
read_adoption(akn_reader_t *r, const xmlNode *meta)
{
    resdex_adoption_t *ad = adoption_new(model_arena(r->doc), "akn");
    resdex_adoption_t *glosses = adoption_new(model_arena(r->doc), "akn");
    if (!ad || !glosses)
        return;
    for (const xmlNode *c = meta->children; c; c = c->next) {
        if (akn_is(c, "classification"))
            read_classification(r, ad, glosses, c);
        else if (akn_is(c, "workflow"))
            read_workflow(r, ad, c);
        else if (akn_is(c, "analysis")) {
            const xmlNode *voting = akn_child(akn_child(c, "parliamentary"), "voting");
            if (voting)
                read_voting(r, ad, voting);
        }
    }
    if (ad->n_subjects == 0) {
        ad->subjects = glosses->subjects;
        ad->n_subjects = glosses->n_subjects;
    }
    if (!adoption_is_empty(ad))
        r->res->adoption = ad;
}

static void
read_meta(akn_reader_t *r, const xmlNode *meta)
{
    read_adoption(r, meta);
    const xmlNode *work = akn_descendant(meta, "FRBRWork");
    const char *uri = akn_attr(r, akn_child(work, "FRBRthis"), "value");
    if (!uri)
        uri = akn_attr(r, akn_child(work, "FRBRuri"), "value");
    if (uri)
        read_frbr_uri(r, uri);
    const xmlNode *date = akn_descendant_with(work, "FRBRdate", "name", "adoption");
    if (date)
        r->res->date = akn_attr(r, date, "date");
    const char *lang = akn_attr(
        r, akn_descendant(akn_descendant(meta, "FRBRExpression"), "FRBRlanguage"), "language");
    if (lang)
        r->res->lang = model_str(r->doc, two_letter_language(lang));
}

/* Who recommended the resolution: the Commission for ECOSOC resolutions
 * (its report E/YYYY/30 for CCPCJ, E/YYYY/28 for CND), the Main Committee
 * for the General Assembly. Read from attributes and symbols, which do not
 * change with the language. */
static const char *
proponent(akn_reader_t *r, const xmlNode *dp)
{
    const char *refers = akn_attr(r, dp, "refersTo");
    if (refers) {
        static const char *const committees[][2] = {
            {"firstCommittee", "First Committee"}, {"secondCommittee", "Second Committee"},
            {"thirdCommittee", "Third Committee"}, {"fourthCommittee", "Fourth Committee"},
            {"fifthCommittee", "Fifth Committee"}, {"sixthCommittee", "Sixth Committee"}};
        for (size_t i = 0; i < sizeof committees / sizeof committees[0]; i++)
            if (strstr(refers, committees[i][0]))
                return committees[i][1];
        if (strstr(refers, "Crime Prevention"))
            return "CCPCJ";
        if (strstr(refers, "Narcotic"))
            return "CND";
    }
    const char *origin =
        akn_text_of(r, akn_descendant_with(dp, "inline", "name", "originating document"));
    int year = 0, report = 0;
    char tail = 0;
    if (origin && sscanf(origin, "E/%d/%d%c", &year, &report, &tail) >= 2 && year > 1945) {
        if (report == 30)
            return "CCPCJ";
        if (report == 28)
            return "CND";
    }
    return NULL;
}

/* "Agenda item 19 (c)" (or its translation) without a title attribute:
 * the number and its letter, "19 (c)"; NULL when there is no number. */
static const char *
agenda_number(akn_reader_t *r, const char *text)
{
    const char *d = strpbrk(text, "0123456789");
    if (!d)
        return NULL;
    size_t n = strspn(d, "0123456789");
    if (d[n] == ' ' && d[n + 1] == '(' && d[n + 2] && d[n + 3] == ')')
        n += 4;
    return model_strn(r->doc, d, n);
}

static void
read_cover(akn_reader_t *r, const xmlNode *cover)
{
    const char *session = akn_text_of(r, akn_descendant(cover, "session"));
    if (session)
        r->res->session = session;
    const xmlNode *agenda = akn_descendant_with(cover, "inline", "name", "agenda item");
    const char *item = akn_attr(r, agenda, "title");
    if (item && *item)
        r->res->agenda_item = item;
    else if ((item = akn_text_of(r, agenda)) != NULL)
        r->res->agenda_item = agenda_number(r, item);
    const xmlNode *dp = akn_descendant(cover, "docProponent");
    const char *by = dp ? proponent(r, dp) : NULL;
    if (by)
        r->res->recommended_by = model_str(r->doc, by);
    if (!r->res->symbol) {
        const xmlNode *sym = akn_descendant_with(cover, "docNumber", "refersTo", "#symbol");
        const char *s = akn_text_of(r, sym);
        if (s) {
            r->res->symbol = s;
            if (strncmp(s, "A/", 2) == 0)
                r->res->body = model_str(r->doc, "GA");
            else if (strncmp(s, "E/", 2) == 0)
                r->res->body = model_str(r->doc, "ECOSOC");
        }
    }
}

static void
read_preface(akn_reader_t *r, const xmlNode *preface)
{
    const char *title = akn_text_of(r, akn_descendant(preface, "docTitle"));
    /* The Arabic title carries the dash printed after the number. */
    while (title && (*title == '-' || *title == ' '))
        title++;
    if (title && strncmp(title, "\u2013 ", 4) == 0)
        title += 4;
    if (title && *title)
        r->res->title = title;
    const char *number = akn_text_of(r, akn_descendant(preface, "docNumber"));
    if (number && !r->res->number) {
        size_t n = strlen(number);
        while (n > 0 && (number[n - 1] == '.' || number[n - 1] == ' '))
            n--;
        r->res->number = model_strn(r->doc, number, n);
    }
}

static void
read_conclusions(akn_reader_t *r, const xmlNode *concl)
{
    const char *meeting = akn_text_of(r, akn_descendant(concl, "location"));
    if (!meeting)
        meeting = akn_text_of(r, akn_descendant_with(concl, "inline", "name", "adoptionMeeting"));
    if (meeting)
        r->res->meeting = meeting;
    if (!r->res->date)
        r->res->date = akn_attr(r, akn_descendant(concl, "docDate"), "date");
}

void
akn_read_metadata(akn_reader_t *r, const xmlNode *st)
{
    const xmlNode *meta = akn_child(st, "meta");
    if (meta)
        read_meta(r, meta);
    if (akn_child(st, "coverPage"))
        read_cover(r, akn_child(st, "coverPage"));
    if (akn_child(st, "preface"))
        read_preface(r, akn_child(st, "preface"));
    /* A draft carried as a component has the conclusions inside it. */
    const xmlNode *concl = akn_child(st, "conclusions");
    if (!concl)
        concl = akn_descendant(st, "conclusions");
    if (concl)
        read_conclusions(r, concl);
}
