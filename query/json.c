/* json.c - resdex's JSON output; see json.h. */
#include "json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static json_t *
str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

/* Add a key only when the value is known (optional context fields). */
static void
set_if(json_t *obj, const char *key, const char *value)
{
    if (value)
        json_object_set_new(obj, key, json_string(value));
}

json_t *
json_resolution_context(const resdex_resolution_t *res)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    json_object_set_new(o, "symbol", str_or_null(res->symbol));
    json_object_set_new(o, "number", str_or_null(res->number));
    json_object_set_new(o, "body", str_or_null(res->body));
    json_object_set_new(o, "title", str_or_null(res->title));
    json_object_set_new(o, "date", str_or_null(res->date));
    json_object_set_new(o, "lang", str_or_null(res->lang));
    json_object_set_new(o, "source", str_or_null(res->source));
    set_if(o, "doc_type", res->doc_type);
    set_if(o, "session", res->session);
    set_if(o, "agenda_item", res->agenda_item);
    set_if(o, "meeting", res->meeting);
    set_if(o, "recommended_by", res->recommended_by);
    set_if(o, "recommends_to", res->recommends_to);
    return o;
}

json_t *
json_strings(const char *const *items, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++)
        json_array_append_new(a, json_string(items[i]));
    return a;
}

json_t *
json_paragraph(const resdex_paragraph_t *par)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    json_object_set_new(o, "kind", json_string(resdex_kind_to_string(par->kind)));
    json_object_set_new(o, "number", par->number > 0 ? json_integer(par->number) : json_null());
    json_object_set_new(o, "item", str_or_null(par->item));
    json_object_set_new(o, "verb", str_or_null(par->verb));
    json_object_set_new(o, "text", json_string(par->text));
    return o;
}

json_t *
json_footnotes(const resdex_footnote_t *notes, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++)
        json_array_append_new(
            a, json_pack("{s:s, s:s}", "mark", notes[i].mark, "text", notes[i].text));
    return a;
}

json_t *
json_parsed_resolution(const resdex_resolution_t *res)
{
    json_t *o = json_resolution_context(res);
    json_t *pars = json_array();
    if (!o || !pars) {
        json_decref(o);
        json_decref(pars);
        return NULL;
    }
    for (size_t i = 0; i < res->n_paragraphs; i++) {
        const resdex_paragraph_t *p = &res->paragraphs[i];
        json_t *jp = json_paragraph(p);
        if (!jp)
            continue;
        json_object_set_new(jp, "footnotes", json_strings(p->marks, p->n_marks));
        json_object_set_new(jp, "tags", json_strings(p->tags, p->n_tags));
        json_object_set_new(jp, "cites", json_strings(p->cites, p->n_cites));
        json_array_append_new(pars, jp);
    }
    json_object_set_new(o, "paragraphs", pars);
    json_object_set_new(o, "footnotes", json_footnotes(res->footnotes, res->n_footnotes));
    /* Only for a Word file with tracked changes (read as accepted). */
    if (res->tracked_changes)
        json_object_set_new(o, "tracked_changes", json_true());
    return o;
}

json_t *
json_hit(const resdex_hit_t *hit)
{
    json_t *o = json_object();
    json_t *par = json_paragraph(hit->paragraph);
    if (!o || !par) {
        json_decref(o);
        json_decref(par);
        return NULL;
    }
    json_object_set_new(par, "snippet", str_or_null(hit->snippet));
    json_object_set_new(o, "rank", json_integer(hit->rank));
    json_object_set_new(o, "score", json_real(hit->score));
    json_object_set_new(o, "id", json_string(hit->id));
    json_object_set_new(o, "resolution", json_resolution_context(hit->resolution));
    json_object_set_new(o, "paragraph", par);
    json_object_set_new(o, "footnotes", json_footnotes(hit->footnotes, hit->n_footnotes));
    json_object_set_new(o, "tags", json_strings(hit->paragraph->tags, hit->paragraph->n_tags));
    json_object_set_new(o, "cites", json_strings(hit->paragraph->cites, hit->paragraph->n_cites));
    return o;
}

int
json_print_line(json_t *value, FILE *out)
{
    if (!value)
        return -1;
    if (json_dumpf(value, out, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6)) != 0)
        return -1;
    return fputc('\n', out) == EOF ? -1 : 0;
}

json_t *
json_lossy_string(const char *s, size_t len, size_t *bad)
{
    json_t *j = memchr(s, '\0', len) ? NULL : json_stringn(s, len);
    if (bad)
        *bad = 0;
    if (j)
        return j;
    char *buf = malloc(len * 3 + 1);
    if (!buf)
        return json_null();
    size_t o = 0;
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        unsigned c = u[i];
        size_t n = c < 0x80                 ? 1
                   : c >= 0xC2 && c <= 0xDF ? 2
                   : c >= 0xE0 && c <= 0xEF ? 3
                   : c >= 0xF0 && c <= 0xF4 ? 4
                                            : 0;
        int ok = n > 0 && c != 0 && i + n <= len;
        for (size_t k = 1; ok && k < n; k++)
            ok = (u[i + k] & 0xC0) == 0x80;
        if (ok && n == 3)
            ok = !(c == 0xE0 && u[i + 1] < 0xA0) && !(c == 0xED && u[i + 1] >= 0xA0);
        if (ok && n == 4)
            ok = !(c == 0xF0 && u[i + 1] < 0x90) && !(c == 0xF4 && u[i + 1] >= 0x90);
        if (ok) {
            memcpy(buf + o, s + i, n);
            o += n;
            i += n;
        } else {
            if (bad && !*bad)
                *bad = i + 1;
            memcpy(buf + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        }
    }
    j = json_stringn(buf, o);
    free(buf);
    return j ? j : json_null();
}
