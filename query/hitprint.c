/* hitprint.c - the text layout of paragraphs and resolutions; see hitprint.h. */
#include "hitprint.h"
#include "sprinter.h"

#include <stdlib.h>
#include <string.h>

void
print_adoption(const json_t *res, const layout_t *l, FILE *out)
{
    const char *body = sp_get_string(res, "body"), *doc_type = sp_get_string(res, "doc_type");
    const char *number = sp_get_string(res, "number"), *date = sp_get_string(res, "date");
    const char *by = sp_get_string(res, "recommended_by");
    const char *to = sp_get_string(res, "recommends_to"), *lang = sp_get_string(res, "lang");
    const char *sep = "";
    if (body) {
        fprintf(out, "%s", body);
        sep = " ";
    }
    if (doc_type) {
        fprintf(out, "%s%s", sep, doc_type);
        sep = " ";
    }
    if (number)
        fprintf(out, "%s%s", sep, number);
    if (date)
        fprintf(out, " %s· %s%s", l->dim, l->reset, date);
    if (by)
        fprintf(out, " %s· recommended by %s%s", l->dim, by, l->reset);
    if (to)
        fprintf(out, " %s· recommends a draft to %s%s", l->dim, to, l->reset);
    print_adoption_method(json_object_get(res, "adoption"), l, out);
    if (lang && strcmp(lang, "en") != 0)
        fprintf(out, " %s· %s%s", l->dim, lang, l->reset);
}

void
print_adoption_method(const json_t *ad, const layout_t *l, FILE *out)
{
    const char *method = sp_get_string(ad, "method");
    if (!method)
        return;
    if (strcmp(method, "recorded vote") != 0) {
        fprintf(out, " %s· adopted %s%s", l->dim, method, l->reset);
        return;
    }
    fprintf(out, " %s· %s", l->dim, method);
    /* "139–3–38", a count not given as "?" */
    const char *keys[] = {"in_favour", "against", "abstaining"};
    for (int i = 0; i < 3; i++) {
        const json_t *n = json_object_get(ad, keys[i]);
        fprintf(out, "%s", i == 0 ? " " : "\xe2\x80\x93");
        if (json_is_integer(n))
            fprintf(out, "%lld", (long long)json_integer_value(n));
        else
            fputc('?', out);
    }
    fputs(l->reset, out);
}

void
print_id_adoption(const char *id, const json_t *res, const layout_t *l, int indent, FILE *out)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = l->width > 0 ? open_memstream(&buf, &len) : NULL;
    FILE *to = m ? m : out;
    fprintf(to, "%s%s%s  ", l->bold, id, l->reset);
    print_adoption(res, l, to);
    if (!m) {
        fputc('\n', out);
        return;
    }
    if (fclose(m) == 0)
        layout_wrap(l, out, buf, indent);
    else
        fputc('\n', out);
    free(buf);
}

void
print_paragraph_label(const json_t *par, const layout_t *l, FILE *out)
{
    long long number = sp_get_int(par, "number");
    const char *item = sp_get_string(par, "item"), *verb = sp_get_string(par, "verb");
    fprintf(out, "%s%s", l->dim, sp_get_string(par, "kind"));
    if (number > 0)
        fprintf(out, " %lld", number);
    if (item)
        fprintf(out, "%s(%s)", number > 0 ? "" : " ", item);
    if (verb)
        fprintf(out, " · %s", verb);
    fputs(l->reset, out);
}

void
print_footnotes(const json_t *notes, const layout_t *l, int indent, FILE *out)
{
    size_t i;
    const json_t *f;
    json_array_foreach(notes, i, f)
    {
        char mark[64];
        int w = snprintf(mark, sizeof mark, "[%s] ", sp_get_string(f, "mark"));
        fprintf(out, "%*s%s%s%s", indent, "", l->dim, mark, l->reset);
        layout_wrap(l, out, sp_get_string(f, "text"), indent + (w > 0 ? w : 0));
    }
}

void
print_hit(const json_t *hit, const layout_t *l, const char *before, FILE *out)
{
    const json_t *res = json_object_get(hit, "resolution");
    const json_t *par = json_object_get(hit, "paragraph");
    const char *title = sp_get_string(res, "title"), *snippet = sp_get_string(par, "snippet");
    fputs(before, out);
    int w = fprintf(out, "%lld. ", sp_get_int(hit, "rank"));
    int indent = w > 0 && w < 8 ? w : 3;
    print_id_adoption(sp_get_string(hit, "id"), res, l, indent, out);
    if (title) {
        fprintf(out, "%*s%s", indent, "", l->bold);
        layout_wrap(l, out, title, indent);
        fputs(l->reset, out);
    }
    fprintf(out, "%*s", indent, "");
    print_paragraph_label(par, l, out);
    fputc('\n', out);
    fprintf(out, "%*s", indent, "");
    layout_wrap(l, out, snippet ? snippet : sp_get_string(par, "text"), indent);
    print_footnotes(json_object_get(hit, "footnotes"), l, indent, out);
}

/* "label: a, b, c" and a newline, every item (a delegate checks who
 * sponsored what), wrapped; nothing for an empty list. */
static void
print_list_line(const char *label, const json_t *list, const layout_t *l, FILE *out)
{
    if (!json_array_size(list))
        return;
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m)
        return;
    fprintf(m, "%s%s:%s ", l->dim, label, l->reset);
    size_t i;
    const json_t *v;
    json_array_foreach(list, i, v)
    {
        if (json_is_integer(v))
            fprintf(m, "%s%lld", i ? ", " : "", (long long)json_integer_value(v));
        else
            fprintf(m, "%s%s", i ? ", " : "", json_string_value(v));
    }
    if (fclose(m) == 0)
        layout_wrap(l, out, buf, 0);
    free(buf);
}

void
print_sponsorship(const json_t *res, const layout_t *l, FILE *out)
{
    const char *draft = sp_get_string(res, "draft");
    if (draft)
        fprintf(out, "%sdraft:%s %s\n", l->dim, l->reset, draft);
    print_list_line("sponsors", json_object_get(res, "sponsors"), l, out);
    print_list_line("additional sponsors", json_object_get(res, "additional_sponsors"), l, out);
    print_list_line("SDGs", json_object_get(res, "sdgs"), l, out);
    print_list_line("subjects", json_object_get(res, "subjects"), l, out);
}
