/* fuzz_record.c - libFuzzer target: the decoder of a paragraph's stored
 * record (lib/record.c, and record-json.c for older indexes' JSON), as a
 * damaged index hands it over: any bytes as the record, any as the record
 * of its resolution's context. The input: two bytes (little-endian) saying
 * where the record ends, the record, then the context. A record that
 * decodes has its id, symbol and text, and every string it gave is read;
 * one that does not says why. Seeds: fuzz/seeds/record (records as the
 * encoder writes them, and JSON ones). */
#include "fuzz-common.h"
#include "arena.h"
#include "record.h"

static size_t
walk_hit(const resdex_hit_t *h)
{
    const resdex_resolution_t *r = h->resolution;
    const resdex_paragraph_t *p = h->paragraph;
    size_t sum = fuzz_len(h->id) + fuzz_len(r->symbol) + fuzz_len(r->number) + fuzz_len(r->body) +
                 fuzz_len(r->doc_type) + fuzz_len(r->title) + fuzz_len(r->date) +
                 fuzz_len(r->session) + fuzz_len(r->agenda_item) + fuzz_len(r->meeting) +
                 fuzz_len(r->recommended_by) + fuzz_len(r->recommends_to) + fuzz_len(r->lang) +
                 fuzz_len(r->source) + fuzz_len(p->item) + fuzz_len(p->verb) + fuzz_len(p->text) +
                 fuzz_len(p->lead_in) + fuzz_len(p->cite);
    for (size_t i = 0; i < p->n_marks; i++)
        sum += fuzz_len(p->marks[i]);
    for (size_t i = 0; i < p->n_tags; i++)
        sum += fuzz_len(p->tags[i]);
    for (size_t i = 0; i < p->n_cites; i++)
        sum += fuzz_len(p->cites[i]);
    for (size_t i = 0; i < h->n_footnotes; i++)
        sum += fuzz_len(h->footnotes[i].mark) + fuzz_len(h->footnotes[i].text) +
               fuzz_len(h->footnotes[i].resolved);
    return sum;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    size_t split = (size_t)data[0] | (size_t)data[1] << 8;
    data += 2;
    size -= 2;
    if (split > size)
        split = size;
    size_t ctx_len = size - split;
    /* Copies of exactly their size: a read past either is ASan's. */
    char *rec = malloc(split ? split : 1), *ctx = malloc(ctx_len ? ctx_len : 1);
    if (!rec || !ctx)
        abort();
    memcpy(rec, data, split);
    memcpy(ctx, data + split, ctx_len);
    arena_t a;
    arena_init(&a);
    resdex_hit_t hit;
    memset(&hit, 0, sizeof hit);
    char *msg = NULL;
    const char *ref = record_context_ref(rec, split);
    if (ref && (ref < rec || ref >= rec + split || !memchr(ref, '\0', (size_t)(rec + split - ref))))
        abort();
    resdex_status_t st = record_decode(&a, rec, split, ctx_len ? ctx : NULL, ctx_len, &hit, &msg);
    if (st == RESDEX_STATUS_SUCCESS) {
        if (msg || !hit.id || !hit.resolution || !hit.resolution->symbol || !hit.paragraph ||
            !hit.paragraph->text)
            abort();
        volatile size_t sum = walk_hit(&hit);
        (void)sum;
    } else if (!msg || !*msg) {
        abort();
    }
    free(msg);
    arena_free(&a);
    free(rec);
    free(ctx);
    return 0;
}
