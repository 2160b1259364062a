/* describe.c - resdex's output described once; see describe.h. */
#include "describe.h"

#include <string.h>

/* A key only when the value is known (optional context fields). */
static void
key_if(sprinter_t *sp, const char *key, const char *value)
{
    if (value)
        sp_key_string(sp, key, value);
}

void
describe_context_fields(sprinter_t *sp, const resdex_resolution_t *res)
{
    sp_key_string(sp, "symbol", res->symbol);
    sp_key_string(sp, "number", res->number);
    sp_key_string(sp, "body", res->body);
    sp_key_string(sp, "title", res->title);
    sp_key_string(sp, "date", res->date);
    sp_key_string(sp, "lang", res->lang);
    sp_key(sp, "source");
    sp_name(sp, res->source);
    key_if(sp, "doc_type", res->doc_type);
    key_if(sp, "session", res->session);
    key_if(sp, "agenda_item", res->agenda_item);
    key_if(sp, "meeting", res->meeting);
    key_if(sp, "recommended_by", res->recommended_by);
    key_if(sp, "recommends_to", res->recommends_to);
}

void
describe_paragraph_fields(sprinter_t *sp, const resdex_paragraph_t *par)
{
    sp_key_string(sp, "kind", resdex_kind_to_string(par->kind));
    sp_key(sp, "number");
    if (par->number > 0)
        sp_int(sp, par->number);
    else
        sp_null(sp);
    sp_key_string(sp, "item", par->item);
    sp_key_string(sp, "verb", par->verb);
    sp_key_string(sp, "text", par->text);
    if (par->article > 0) /* an annexed convention's article */
        sp_key_int(sp, "article", par->article);
}

void
describe_footnote(sprinter_t *sp, const resdex_footnote_t *note)
{
    sp_begin_map(sp);
    sp_key_string(sp, "mark", note->mark);
    sp_key_string(sp, "text", note->text);
    key_if(sp, "resolved", note->resolved);
    sp_end(sp);
}

void
describe_footnotes(sprinter_t *sp, const resdex_footnote_t *notes, size_t n)
{
    sp_begin_list(sp);
    for (size_t i = 0; i < n; i++)
        describe_footnote(sp, &notes[i]);
    sp_end(sp);
}

/* "cite": how the paragraph is cited (a record of an older index has none:
 * the resolution and the operative number, as resdex_cite gives them). */
static void
describe_cite(sprinter_t *sp, const resdex_resolution_t *res, const resdex_paragraph_t *p)
{
    char cite[512];
    if (!p->cite)
        resdex_cite(res, p, 0, cite, sizeof cite);
    sp_key_string(sp, "cite", p->cite ? p->cite : cite);
}

void
describe_paragraph_in_order(sprinter_t *sp, const resdex_resolution_t *res,
                            const resdex_paragraph_t *p, const char *id)
{
    sp_begin_map(sp);
    describe_paragraph_fields(sp, p);
    if (id)
        sp_key_string(sp, "id", id);
    sp_key(sp, "footnotes");
    sp_strings(sp, p->marks, p->n_marks);
    sp_key(sp, "tags");
    sp_strings(sp, p->tags, p->n_tags);
    sp_key(sp, "cites");
    sp_strings(sp, p->cites, p->n_cites);
    if (id) {
        describe_cite(sp, res, p);
        sp_key_string(sp, "lead_in", p->lead_in);
    }
    sp_end(sp);
}

void
describe_parsed_resolution(sprinter_t *sp, const resdex_resolution_t *res)
{
    sp_begin_map(sp);
    describe_context_fields(sp, res);
    sp_key(sp, "paragraphs");
    sp_begin_list(sp);
    for (size_t i = 0; i < res->n_paragraphs; i++)
        describe_paragraph_in_order(sp, res, &res->paragraphs[i], NULL);
    sp_end(sp);
    sp_key(sp, "footnotes");
    describe_footnotes(sp, res->footnotes, res->n_footnotes);
    /* Only for a Word file with tracked changes (read as accepted). */
    if (res->tracked_changes) {
        sp_key(sp, "tracked_changes");
        sp_bool(sp, 1);
    }
    sp_end(sp);
}

void
describe_hit_fields(sprinter_t *sp, const resdex_hit_t *hit)
{
    sp_key_int(sp, "rank", hit->rank);
    sp_key(sp, "score");
    sp_real(sp, hit->score);
    sp_key_string(sp, "id", hit->id);
    sp_key(sp, "resolution");
    sp_begin_map(sp);
    describe_context_fields(sp, hit->resolution);
    sp_end(sp);
    sp_key(sp, "paragraph");
    sp_begin_map(sp);
    describe_paragraph_fields(sp, hit->paragraph);
    sp_key_string(sp, "snippet", hit->snippet);
    sp_key_string(sp, "lead_in", hit->paragraph->lead_in);
    sp_end(sp);
    sp_key(sp, "footnotes");
    describe_footnotes(sp, hit->footnotes, hit->n_footnotes);
    sp_key(sp, "tags");
    sp_strings(sp, hit->paragraph->tags, hit->paragraph->n_tags);
    sp_key(sp, "cites");
    sp_strings(sp, hit->paragraph->cites, hit->paragraph->n_cites);
    describe_cite(sp, hit->resolution, hit->paragraph);
}

void
describe_hit(sprinter_t *sp, const resdex_hit_t *hit)
{
    sp_begin_map(sp);
    describe_hit_fields(sp, hit);
    sp_end(sp);
}

void
describe_similar_hit(sprinter_t *sp, const resdex_results_t *results, size_t i, const char *next)
{
    const resdex_hit_t *hit = resdex_results_get(results, i);
    if (!hit)
        return;
    const resdex_diff_op_t *ops = NULL;
    size_t n = resdex_hit_diff(results, i, &ops);
    sp_begin_map(sp);
    describe_hit_fields(sp, hit);
    sp_key(sp, "similarity");
    sp_real(sp, (double)(long)(hit->similarity * 1000.0) / 1000.0);
    sp_key(sp, "diff");
    sp_begin_list(sp);
    for (size_t k = 0; k < n; k++) {
        sp_begin_map(sp);
        sp_key_string(sp, "op", resdex_diff_kind_to_string(ops[k].op));
        sp_key_string(sp, "text", ops[k].text);
        sp_end(sp);
    }
    sp_end(sp);
    if (next)
        sp_key_string(sp, "next", next);
    sp_end(sp);
}
