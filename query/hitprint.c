/* hitprint.c - the text layout of paragraphs and resolutions; see hitprint.h. */
#include "hitprint.h"

#include <stdlib.h>
#include <string.h>

void
print_adoption(const resdex_resolution_t *res, const layout_t *l, FILE *out)
{
    const char *sep = "";
    if (res->body) {
        fprintf(out, "%s", res->body);
        sep = " ";
    }
    if (res->doc_type) {
        fprintf(out, "%s%s", sep, res->doc_type);
        sep = " ";
    }
    if (res->number)
        fprintf(out, "%s%s", sep, res->number);
    if (res->date)
        fprintf(out, " %s· %s%s", l->dim, l->reset, res->date);
    if (res->recommended_by)
        fprintf(out, " %s· recommended by %s%s", l->dim, res->recommended_by, l->reset);
    if (res->recommends_to)
        fprintf(out, " %s· recommends a draft to %s%s", l->dim, res->recommends_to, l->reset);
    if (res->lang && strcmp(res->lang, "en") != 0)
        fprintf(out, " %s· %s%s", l->dim, res->lang, l->reset);
}

void
print_id_adoption(const char *id, const resdex_resolution_t *res, const layout_t *l, int indent,
                  FILE *out)
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
print_paragraph_label(const resdex_paragraph_t *p, const layout_t *l, FILE *out)
{
    fprintf(out, "%s%s", l->dim, resdex_kind_to_string(p->kind));
    if (p->number > 0)
        fprintf(out, " %d", p->number);
    if (p->item)
        fprintf(out, "%s(%s)", p->number > 0 ? "" : " ", p->item);
    if (p->verb)
        fprintf(out, " · %s", p->verb);
    fputs(l->reset, out);
}

void
print_footnotes(const resdex_footnote_t *notes, size_t n, const layout_t *l, int indent, FILE *out)
{
    for (size_t i = 0; i < n; i++) {
        char mark[64];
        int w = snprintf(mark, sizeof mark, "[%s] ", notes[i].mark);
        fprintf(out, "%*s%s%s%s", indent, "", l->dim, mark, l->reset);
        layout_wrap(l, out, notes[i].text, indent + (w > 0 ? w : 0));
    }
}

void
print_hit(const resdex_hit_t *h, const layout_t *l, const char *before, FILE *out)
{
    const resdex_resolution_t *res = h->resolution;
    fputs(before, out);
    int w = fprintf(out, "%u. ", h->rank);
    int indent = w > 0 && w < 8 ? w : 3;
    print_id_adoption(h->id, res, l, indent, out);
    if (res->title) {
        fprintf(out, "%*s%s", indent, "", l->bold);
        layout_wrap(l, out, res->title, indent);
        fputs(l->reset, out);
    }
    fprintf(out, "%*s", indent, "");
    print_paragraph_label(h->paragraph, l, out);
    fputc('\n', out);
    fprintf(out, "%*s", indent, "");
    layout_wrap(l, out, h->snippet ? h->snippet : h->paragraph->text, indent);
    print_footnotes(h->footnotes, h->n_footnotes, l, indent, out);
}
