/* hitprint.c - the text layout of paragraphs and resolutions; see hitprint.h. */
#include "hitprint.h"
#include "sprinter.h"

#include <stdlib.h>
#include <string.h>

int
embedded_in(const char *symbol, const char *doc_type, const char **number)
{
    *number = NULL;
    if (!symbol || !doc_type || !strstr(doc_type, "draft"))
        return 0;
    size_t n = strlen(symbol);
    const char *res = strstr(symbol, "/RES/");
    if (n < 4 || strcmp(symbol + n - 3, "/DR") != 0 || !res)
        return 0;
    *number = res + 5;
    return (int)(symbol + n - 3 - *number);
}

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
    const char *container = NULL;
    int container_len = embedded_in(sp_get_string(res, "symbol"), doc_type, &container);
    if (container_len && by) {
        fprintf(out, " recommended by %s in resolution %.*s", by, container_len, container);
        by = NULL;
    }
    if (date)
        fprintf(out, " %s· %s%s", l->dim, l->reset, date);
    if (by)
        fprintf(out, " %s· recommended by %s%s", l->dim, by, l->reset);
    const char *adopted_as = sp_get_string(res, "adopted_as");
    if (adopted_as)
        fprintf(out, " %s· adopted as %s%s", l->dim, adopted_as, l->reset);
    const json_t *from = json_object_get(res, "from");
    for (size_t i = 0; i < json_array_size(from); i++)
        fprintf(out, "%s%s%s%s", l->dim, i ? ", " : " · adopted from ",
                json_string_value(json_array_get(from, i)), l->reset);
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
print_chain(const json_t *res, const layout_t *l, FILE *out)
{
    const char *symbol = sp_get_string(res, "symbol"),
               *adopted_as = sp_get_string(res, "adopted_as");
    const json_t *from = json_object_get(res, "from");
    size_t n_from = json_array_size(from);
    /* A resolution that carries a draft for another body: the draft's
     * chain, from the carrier. */
    const json_t *carries = json_object_get(res, "carries");
    const char *carried = sp_get_string(carries, "symbol");
    if (symbol && carried && !adopted_as && !n_from) {
        const char *became = sp_get_string(carries, "adopted_as");
        fprintf(out, "%schain  %s%s%s%s → %s", l->dim, l->reset, l->bold, symbol, l->reset, l->dim);
        fprintf(out, "%s%s%s%s\n", carried, became ? " → " : "", became ? became : "", l->reset);
        return;
    }
    if (!symbol || (!adopted_as && !n_from))
        return;
    /* Where the chain starts: the draft, or the drafts, and the resolution
     * that carries a draft inside it. */
    const char *first = n_from ? json_string_value(json_array_get(from, 0)) : symbol;
    const char *first_type = n_from ? "draft resolution" : sp_get_string(res, "doc_type");
    const char *container = NULL;
    int container_len = embedded_in(first, first_type, &container);
    fprintf(out, "%schain  ", l->dim);
    if (container_len)
        fprintf(out, "%.*s → ", (int)strlen(first) - 3, first);
    for (size_t i = 0; i < n_from; i++)
        fprintf(out, "%s%s", i ? ", " : "", json_string_value(json_array_get(from, i)));
    fprintf(out, "%s%s%s%s%s", n_from ? " → " : "", l->reset, l->bold, symbol, l->reset);
    if (adopted_as)
        fprintf(out, "%s → %s%s", l->dim, adopted_as, l->reset);
    fputc('\n', out);
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
    long long article = sp_get_int(par, "article");
    if (article > 0)
        fprintf(out, " art. %lld", article);
    if (number > 0)
        fprintf(out, " %lld", number);
    if (item)
        fprintf(out, "%s(%s)", number > 0 ? "" : " ", item);
    if (verb)
        fprintf(out, " · %s", verb);
    fputs(l->reset, out);
}

/* One dim line of text at indent, wrapped (a lead-in, a cite, "also in"). */
static void
print_dim_line(const char *text, const layout_t *l, int indent, FILE *out)
{
    fprintf(out, "%*s%s", indent, "", l->dim);
    layout_wrap(l, out, text, indent);
    fputs(l->reset, out);
}

void
print_lead_in(const json_t *par, const layout_t *l, int indent, FILE *out)
{
    const char *lead = sp_get_string(par, "lead_in");
    if (lead)
        print_dim_line(lead, l, indent, out);
}

void
print_cite(const json_t *o, const layout_t *l, int indent, FILE *out)
{
    const char *cite = sp_get_string(o, "cite");
    char *line = NULL;
    if (!cite || asprintf(&line, "cite: %s", cite) < 0)
        return;
    print_dim_line(line, l, indent, out);
    free(line);
}

void
print_footnotes(const json_t *notes, const layout_t *l, int indent, FILE *out)
{
    size_t i;
    const json_t *f;
    json_array_foreach(notes, i, f)
    {
        char mark[64];
        const char *m = sp_get_string(f, "mark");
        int w = snprintf(mark, sizeof mark, "[%s] ", m ? m : "");
        if (w < 0 || (size_t)w >= sizeof mark) /* a mark cut: indent by what is printed */
            w = w < 0 ? 0 : (int)sizeof mark - 1;
        fprintf(out, "%*s%s%s%s", indent, "", l->dim, mark, l->reset);
        const char *text = sp_get_string(f, "text"), *resolved = sp_get_string(f, "resolved");
        if (!text)
            text = "";
        char *both = NULL;
        /* "Ibid., vol. 976, No. 14152. (United Nations, Treaty Series, ...)" */
        if (resolved && asprintf(&both, "%s (%s)", text, resolved) < 0)
            both = NULL;
        layout_wrap(l, out, both ? both : text, indent + w);
        free(both);
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
    print_lead_in(par, l, indent, out);
    fprintf(out, "%*s", indent, "");
    layout_wrap(l, out, snippet ? snippet : sp_get_string(par, "text"), indent);
    print_also(json_object_get(hit, "also"), l, indent, out);
    print_footnotes(json_object_get(hit, "footnotes"), l, indent, out);
    print_cite(hit, l, indent, out);
}

void
print_also(const json_t *also, const layout_t *l, int indent, FILE *out)
{
    if (!json_array_size(also))
        return;
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m)
        return;
    fputs("also in ", m);
    size_t i;
    const json_t *a;
    json_array_foreach(also, i, a)
    {
        const char *cite = sp_get_string(a, "cite");
        fprintf(m, "%s%s%s", i ? ", " : "", cite ? cite : sp_get_string(a, "id"),
                json_is_true(json_object_get(a, "punctuation_differs")) ? " (punctuation differs)"
                                                                        : "");
    }
    if (fclose(m) == 0)
        print_dim_line(buf, l, indent, out);
    free(buf);
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
