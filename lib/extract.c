/* extract.c - the reader for the UN's metadata extract: JSON Lines (or one
 * JSON array) of objects, one per resolution, as the UN ships beside its
 * AKN4UN files (metadata_data_extract.jsonl; data_extract/<session>.json in
 * its repositories). Each object becomes a resolution with no paragraphs
 * whose adoption metadata (resdex_adoption_t, from "extract") the index
 * stores by symbol, for the files of that symbol that carry none of their
 * own. The fields and what resdex takes from each: doc/data-extract.md.
 *
 * Bad or partial metadata is read as far as it goes, with a warning on the
 * resolution naming the file, the line and the field. A line that is not
 * JSON, or an object without a symbol, is left out, with a warning on the
 * first resolution read; a file where no line gives a resolution holds none
 * (NO_RESOLUTION, naming the first bad line). */
#include "adoption.h"
#include "model.h"
#include "readers.h"
#include "util.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Does the text look like a metadata extract: a JSON object (or an array of
 * them) whose first key is "symbol" and that has an adoption field? */
int
extract_looks_like(const char *data, size_t len)
{
    size_t i = 0;
    while (i < len && (data[i] == ' ' || data[i] == '\n' || data[i] == '\r' || data[i] == '\t' ||
                       data[i] == '['))
        i++;
    if (i >= len || data[i] != '{')
        return 0;
    char head[4097];
    size_t window = len - i < 4096 ? len - i : 4096;
    memcpy(head, data + i, window);
    head[window] = '\0';
    return strstr(head, "\"symbol\"") &&
           (strstr(head, "\"adoption_type\"") || strstr(head, "\"voting_type\"") ||
            strstr(head, "\"MS_in_favour\""));
}

static const char *
str(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s && *s ? s : NULL;
}

/* "16 December 2020" -> "2020-12-16"; NULL when it is not such a date. */
static const char *
iso_date(resdex_doc_t *doc, const char *s)
{
    static const char *const months[] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};
    int day = 0, year = 0;
    char month[16] = "", plain[64];
    if (!s)
        return NULL;
    /* "10\u00a0June 2025": a no-break space is a space. */
    size_t n = 0;
    for (const char *p = s; *p && n + 1 < sizeof plain; p++) {
        if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0) {
            plain[n++] = ' ';
            p++;
        } else {
            plain[n++] = *p;
        }
    }
    plain[n] = '\0';
    static const int days_in[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    /* The United Nations adopted its first resolutions in 1946. */
    if (sscanf(plain, "%d %15s %d", &day, month, &year) != 3 || day < 1 || year < 1946 ||
        year > 9999)
        return NULL;
    for (int m = 0; m < 12; m++)
        if (strcasecmp(month, months[m]) == 0) {
            int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            if (day > days_in[m] || (m == 1 && day == 29 && !leap))
                return NULL;
            char buf[32];
            snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, m + 1, day);
            return model_str(doc, buf);
        }
    return NULL;
}

/* A count given as a string ("139") or a number; -1 (and a warning) when
 * it is neither. */
static int
read_count(arena_t *a, resdex_adoption_t *ad, json_t *o, const char *key, const char *where)
{
    json_t *v = json_object_get(o, key);
    if (!v || json_is_null(v))
        return -1;
    char *end = NULL;
    long n = json_is_integer(v)  ? (long)json_integer_value(v)
             : json_is_string(v) ? strtol(json_string_value(v), &end, 10)
                                 : -1;
    if (n < 0 || n > 100000 || (end && (end == json_string_value(v) || *end))) {
        adoption_warn(a, ad, "%s: \"%s\" is not a count: left out", where, key);
        return -1;
    }
    return (int)n;
}

static void
read_voters(arena_t *a, resdex_adoption_t *ad, json_t *o, const char *key, resdex_vote_t vote,
            int count, const char *where)
{
    json_t *list = json_object_get(o, key);
    size_t n = 0;
    for (size_t i = 0; i < json_array_size(list); i++) {
        const char *state = json_string_value(json_array_get(list, i));
        if (state && *state) {
            adoption_add_voter(a, ad, state, vote);
            n++;
        }
    }
    if (n > 0 && count >= 0 && n != (size_t)count)
        adoption_warn(a, ad,
                      "%s: \"%s_count\" says %d but \"%s\" lists %zu States (the count is kept "
                      "as printed)",
                      where, key, count, key, n);
}

static void
read_adoption(resdex_doc_t *doc, resdex_resolution_t *res, json_t *o, const char *where)
{
    arena_t *a = model_arena(doc);
    resdex_adoption_t *ad = adoption_new(a, "extract");
    if (!ad)
        return;
    const char *type = str(o, "adoption_type"), *voting = str(o, "voting_type");
    if ((type && strcasecmp(type, "Without a vote") == 0) ||
        (voting && strcmp(voting, "adoptedWithoutVote") == 0))
        ad->method = RESDEX_ADOPTION_CONSENSUS;
    else if ((type && strstr(type, "recorded vote")) ||
             (voting && strcmp(voting, "adoptedRecordedVote") == 0))
        ad->method = RESDEX_ADOPTION_VOTE;
    else
        adoption_warn(a, ad,
                      "%s: \"adoption_type\" \"%s\": not a way of adoption resdex knows "
                      "(Without a vote, By a recorded vote): the method is unknown",
                      where,
                      type     ? type
                      : voting ? voting
                               : "");
    static const char *const keys[3] = {"MS_in_favour", "MS_against", "MS_abstaining"};
    int *counts[3] = {&ad->in_favour, &ad->against, &ad->abstaining};
    for (int k = 0; k < 3; k++) {
        char count_key[32];
        snprintf(count_key, sizeof count_key, "%s_count", keys[k]);
        int n = read_count(a, ad, o, count_key, where);
        /* Without a vote, the extract says "0" for each: no count at all. */
        *counts[k] = ad->method == RESDEX_ADOPTION_CONSENSUS && n == 0 ? -1 : n;
        read_voters(a, ad, o, keys[k], (resdex_vote_t)k, *counts[k], where);
    }
    /* The originating document is the draft only when it is an "L."
     * document (ECOSOC's plenary drafts); a Main Committee's report is not. */
    const char *origin = str(o, "originating_document");
    if (origin && strstr(origin, "/L.")) {
        size_t n = strcspn(origin, ", ");
        ad->draft = model_strn(doc, origin, n);
    }
    static const char *const lists[2] = {"sponsors", "additional_sponsors"};
    for (int k = 0; k < 2; k++) {
        json_t *list = json_object_get(o, lists[k]);
        for (size_t i = 0; i < json_array_size(list); i++)
            adoption_add_sponsor(a, ad, json_string_value(json_array_get(list, i)), k);
    }
    json_t *sdgs = json_object_get(o, "SDGs");
    for (size_t i = 0; i < json_array_size(sdgs); i++) {
        json_t *g = json_array_get(sdgs, i);
        long n = json_is_integer(g)  ? (long)json_integer_value(g)
                 : json_is_string(g) ? strtol(json_string_value(g), NULL, 10)
                                     : 0;
        if (n >= 1 && n <= 17)
            adoption_add_sdg(a, ad, (int)n);
        else
            adoption_warn(a, ad, "%s: \"SDGs\" item %zu is not a goal from 1 to 17: left out",
                          where, i + 1);
    }
    /* [["TRAFFICKING IN PERSONS", "UNBIS Thesaurus"], ["21", "E/2025/100"], ...] */
    json_t *subjects = json_object_get(o, "subjects");
    for (size_t i = 0; i < json_array_size(subjects); i++) {
        json_t *pair = json_array_get(subjects, i);
        const char *dict = json_string_value(json_array_get(pair, 1));
        if (dict && strcmp(dict, "UNBIS Thesaurus") == 0)
            adoption_add_subject(a, ad, json_string_value(json_array_get(pair, 0)));
    }
    res->adoption = ad;
}

/* One object: a resolution; 0 when it has no symbol (left out). */
static int
read_object(resdex_doc_t *doc, const char *name, json_t *o, unsigned line)
{
    const char *symbol = str(o, "symbol");
    if (!json_is_object(o) || !symbol)
        return 0;
    resdex_resolution_t *res = model_add_resolution(doc);
    if (!res)
        return 0;
    char where[512];
    snprintf(where, sizeof where, "%s: line %u (%s)", name, line, symbol);
    res->symbol = model_str(doc, symbol);
    res->body = model_str(doc, strncmp(symbol, "A/", 2) == 0   ? "GA"
                               : strncmp(symbol, "E/", 2) == 0 ? "ECOSOC"
                                                               : NULL);
    res->doc_type = model_str(doc, "resolution");
    const char *number = str(o, "resolution_number");
    if (number)
        res->number = model_strn(doc, number, strcspn(number, ". "));
    res->title = model_str(doc, str(o, "title"));
    res->session = model_str(doc, str(o, "session"));
    res->meeting = model_str(doc, str(o, "adoption_meeting"));
    res->date = iso_date(doc, str(o, "adoption_date"));
    const char *committee = str(o, "committee");
    if (committee && strstr(committee, "Committee"))
        res->recommended_by = model_str(doc, committee);
    const char *item = str(o, "agenda_item");
    if (item && strpbrk(item, "0123456789"))
        res->agenda_item = model_str(doc, strpbrk(item, "0123456789"));
    res->source = model_str(doc, name);
    res->line_first = res->line_last = line;
    read_adoption(doc, res, o, where);
    const char *date = str(o, "adoption_date");
    if (date && !res->date && res->adoption)
        adoption_warn(model_arena(doc), (resdex_adoption_t *)res->adoption,
                      "%s: \"adoption_date\" \"%s\" is not a date of the United Nations "
                      "(day month year, 1946 or later): left out",
                      where, date);
    return 1;
}

/* What is left out of a file: the first bad record's line and why, and how
 * many there were. */
typedef struct {
    unsigned line, n;
    char why[256];
} bad_records_t;

static void
read_record(resdex_doc_t *doc, const char *name, json_t *o, const char *err, unsigned line,
            bad_records_t *bad)
{
    if (o && read_object(doc, name, o, line))
        return;
    if (!bad->n++) {
        bad->line = line;
        snprintf(bad->why, sizeof bad->why, "%s", o ? "no \"symbol\"" : err);
    }
}

static int
is_space(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/* The line of data[at]. */
static unsigned
line_at(const char *data, size_t at, size_t *counted, unsigned *line)
{
    for (; *counted < at; (*counted)++)
        if (data[*counted] == '\n')
            (*line)++;
    return *line;
}

/* One JSON array of objects (data_extract/<session>.json), element by
 * element, so that each is named by the line it starts on; an element that
 * is not a metadata record is left out like a bad line of JSON Lines. An
 * array that is not JSON past some point: -1, with where in *err. */
static int
read_array(resdex_doc_t *doc, const char *name, const char *data, size_t len, bad_records_t *bad,
           json_error_t *err)
{
    size_t p = 0, counted = 0;
    unsigned line = 1;
    while (p < len && data[p] != '[')
        p++;
    p++;
    for (;;) {
        while (p < len && is_space(data[p]))
            p++;
        if (p < len && data[p] == ']')
            return 0;
        json_t *o = json_loadb(data + p, len - p, JSON_DISABLE_EOF_CHECK, err);
        if (!o) {
            err->line = (int)line_at(data, p, &counted, &line) + err->line - 1;
            return -1;
        }
        read_record(doc, name, o, NULL, line_at(data, p, &counted, &line), bad);
        json_decref(o);
        p += err->position;
        while (p < len && is_space(data[p]))
            p++;
        if (p < len && data[p] == ',') {
            p++;
            continue;
        }
        if (p < len && data[p] == ']')
            return 0;
        snprintf(err->text, sizeof err->text, "',' or ']' expected");
        err->line = (int)line_at(data, p, &counted, &line);
        return -1;
    }
}

resdex_status_t
extract_parse(resdex_doc_t *doc, const char *name, const char *data, size_t len, char **message)
{
    size_t i = 0;
    while (i < len && is_space(data[i]))
        i++;
    json_error_t err;
    bad_records_t bad = {0};
    if (i < len && data[i] == '[') {
        if (read_array(doc, name, data, len, &bad, &err) != 0)
            return util_fail(message, RESDEX_STATUS_BAD_XML, "%s:%d: not JSON: %s", name, err.line,
                             err.text);
    } else {
        /* JSON Lines: one object a line. */
        unsigned line = 0;
        for (size_t p = 0; p < len;) {
            const char *nl = memchr(data + p, '\n', len - p);
            size_t end = nl ? (size_t)(nl - data) : len;
            line++;
            size_t q = p;
            while (q < end && (data[q] == ' ' || data[q] == '\t' || data[q] == '\r'))
                q++;
            if (q < end) {
                json_t *o = json_loadb(data + p, end - p, 0, &err);
                read_record(doc, name, o, err.text, line, &bad);
                json_decref(o);
            }
            p = end + 1;
        }
    }
    if (bad.n && resdex_doc_count(doc) == 0)
        return util_fail(message, RESDEX_STATUS_NO_RESOLUTION, "%s:%u: not a metadata record (%s)",
                         name, bad.line, bad.why);
    if (bad.n) {
        resdex_resolution_t *first = (resdex_resolution_t *)resdex_doc_get(doc, 0);
        if (first->adoption)
            adoption_warn(model_arena(doc), (resdex_adoption_t *)first->adoption,
                          "%s: line %u: not a metadata record (%s): left out%s", name, bad.line,
                          bad.why, bad.n > 1 ? ", and other records after it" : "");
    }
    if (resdex_doc_count(doc) == 0)
        return util_fail(message, RESDEX_STATUS_NO_RESOLUTION,
                         "%s: a metadata extract without any object with a \"symbol\"", name);
    return RESDEX_STATUS_SUCCESS;
}
