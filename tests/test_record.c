/* test_record.c - the stored record of a paragraph (lib/record.c): what is
 * written reads back field for field (NULL stays NULL, "" stays ""); the
 * JSON records older indexes hold read the same as the record written now,
 * and either can hold the other's context; and a damaged record (cut short
 * anywhere, a length that lies, a NUL in a string, a footnote's text
 * without its mark) is CORRUPT_RECORD with a message, never a crash. */
#include "testutil.h"
#include "arena.h"
#include "record.h"

static const char *const marks[] = {"3", "4"};
static const char *const tags[] = {"crime prevention", ""};
static const char *const cites[] = {"A/RES/70/174", "E/CN.15/2023/13"};
static const resdex_footnote_t notes[] = {
    {"3", "General Assembly resolution 70/174, annex.", NULL},
    {"4", "Ibid.", "General Assembly resolution 70/174, annex."},
};
static const resdex_paragraph_t paragraphs[] = {
    {.kind = RESDEX_KIND_OPERATIVE,
     .number = 12,
     .item = "b",
     .verb = "Calls upon",
     .text = "Calls upon Member States to consider caf\xc3\xa9 measures,\twith \"quotes\";",
     .n_marks = 2,
     .marks = marks,
     .n_tags = 2,
     .tags = tags,
     .n_cites = 2,
     .cites = cites,
     .line_first = 40,
     .line_last = 44,
     .lead_in = "Decides the following:",
     .cite = "General Assembly resolution 78/228, para. 12 (b)",
     .article = 7},
    {.kind = RESDEX_KIND_PREAMBULAR,
     .text = "Recalling its resolution 70/174,",
     .line_first = 3,
     .line_last = 3},
};

/* A source file name that is not UTF-8, which JSON could not hold as it is. */
static const resdex_resolution_t resolution = {
    .symbol = "A/RES/78/228",
    .number = "78/228",
    .body = "GA",
    .doc_type = "resolution",
    .title = "Improving the coordination of efforts against trafficking in persons",
    .date = "2023-12-19",
    .session = "",
    .agenda_item = "107",
    .lang = "en",
    .source = "ga/A_RES_78_228-\xff.txt",
    .n_paragraphs = 2,
    .paragraphs = paragraphs,
    .n_footnotes = 2,
    .footnotes = notes,
};

/* The JSON records that an index written before the binary record holds
 * for the same two paragraphs (record-json.c's layout, written out by
 * hand): the first with the context, the second pointing to it. */
static const char json_first[] =
    "2{\"id\":\"A/RES/78/228#12(b)\",\"res\":{\"symbol\":\"A/RES/78/228\",\"number\":\"78/228\","
    "\"body\":\"GA\",\"doc_type\":\"resolution\",\"title\":\"Improving the coordination of "
    "efforts against trafficking in persons\",\"date\":\"2023-12-19\",\"session\":\"\","
    "\"agenda_item\":\"107\",\"lang\":\"en\",\"source_hex\":"
    "\"67612f415f5245535f37385f3232382dff2e747874\"},"
    "\"par\":{\"kind\":1,\"number\":12,\"item\":\"b\",\"verb\":\"Calls upon\",\"text\":\"Calls "
    "upon Member States to consider caf\xc3\xa9 measures,\\twith \\\"quotes\\\";\","
    "\"lines\":[40,44],\"marks\":[\"3\",\"4\"],\"tags\":[\"crime prevention\",\"\"],"
    "\"cites\":[\"A/RES/70/174\",\"E/CN.15/2023/13\"],\"lead_in\":\"Decides the following:\","
    "\"cite\":\"General Assembly resolution 78/228, para. 12 (b)\",\"article\":7},"
    "\"notes\":[[\"3\",\"General Assembly resolution 70/174, annex.\"],[\"4\",\"Ibid.\","
    "\"General Assembly resolution 70/174, annex.\"]]}";
static const char json_second[] = "3Qfirst\0{\"id\":\"A/RES/78/228#pp1\",\"par\":{\"kind\":0,"
                                  "\"number\":0,\"text\":\"Recalling its resolution 70/174,\","
                                  "\"lines\":[3,3]}}";

static void
assert_same_str(const char *a, const char *b)
{
    if (!a || !b)
        assert_ptr_equal(a, b);
    else
        assert_string_equal(a, b);
}

static void
assert_same_strs(const char *const *a, size_t na, const char *const *b, size_t nb)
{
    assert_int_equal(na, nb);
    for (size_t i = 0; i < na; i++)
        assert_same_str(a[i], b[i]);
}

/* hit holds paragraph i of the resolution above, with id. */
static void
assert_paragraph(const resdex_hit_t *hit, size_t i, const char *id)
{
    const resdex_resolution_t *r = hit->resolution, *e = &resolution;
    assert_string_equal(hit->id, id);
    assert_same_str(r->symbol, e->symbol);
    assert_same_str(r->number, e->number);
    assert_same_str(r->body, e->body);
    assert_same_str(r->doc_type, e->doc_type);
    assert_same_str(r->title, e->title);
    assert_same_str(r->date, e->date);
    assert_same_str(r->session, e->session);
    assert_same_str(r->agenda_item, e->agenda_item);
    assert_same_str(r->meeting, e->meeting);
    assert_same_str(r->recommended_by, e->recommended_by);
    assert_same_str(r->recommends_to, e->recommends_to);
    assert_same_str(r->lang, e->lang);
    assert_same_str(r->source, e->source);
    const resdex_paragraph_t *p = hit->paragraph, *q = &paragraphs[i];
    assert_int_equal(p->kind, q->kind);
    assert_int_equal(p->number, q->number);
    assert_int_equal(p->article, q->article);
    assert_int_equal(p->line_first, q->line_first);
    assert_int_equal(p->line_last, q->line_last);
    assert_same_str(p->item, q->item);
    assert_same_str(p->verb, q->verb);
    assert_same_str(p->text, q->text);
    assert_same_str(p->lead_in, q->lead_in);
    assert_same_str(p->cite, q->cite);
    assert_same_strs(p->marks, p->n_marks, q->marks, q->n_marks);
    assert_same_strs(p->tags, p->n_tags, q->tags, q->n_tags);
    assert_same_strs(p->cites, p->n_cites, q->cites, q->n_cites);
    assert_int_equal(hit->n_footnotes, q->n_marks);
    for (size_t k = 0; k < hit->n_footnotes; k++) {
        assert_same_str(hit->footnotes[k].mark, notes[k].mark);
        assert_same_str(hit->footnotes[k].text, notes[k].text);
        assert_same_str(hit->footnotes[k].resolved, notes[k].resolved);
    }
}

typedef struct {
    char *first, *second; /* the binary records */
    size_t first_len, second_len;
} records_t;

static int
setup(void **state)
{
    records_t *r = calloc(1, sizeof *r);
    assert_non_null(r);
    assert_int_equal(
        record_encode(&resolution, 0, "A/RES/78/228#12(b)", NULL, &r->first, &r->first_len),
        RESDEX_STATUS_SUCCESS);
    assert_int_equal(
        record_encode(&resolution, 1, "A/RES/78/228#pp1", "Qfirst", &r->second, &r->second_len),
        RESDEX_STATUS_SUCCESS);
    *state = r;
    return 0;
}

static int
teardown(void **state)
{
    records_t *r = *state;
    free(r->first);
    free(r->second);
    free(r);
    return 0;
}

static resdex_status_t
decode(arena_t *a, const char *data, size_t len, const char *ctx, size_t ctx_len, resdex_hit_t *hit,
       char **message)
{
    memset(hit, 0, sizeof *hit);
    free(*message);
    *message = NULL;
    return record_decode(a, data, len, ctx, ctx_len, hit, message);
}

static void
test_round_trip(void **state)
{
    records_t *r = *state;
    arena_t a;
    arena_init(&a);
    resdex_hit_t hit;
    char *msg = NULL;
    assert_null(record_context_ref(r->first, r->first_len));
    assert_string_equal(record_context_ref(r->second, r->second_len), "Qfirst");
    assert_int_equal(decode(&a, r->first, r->first_len, NULL, 0, &hit, &msg),
                     RESDEX_STATUS_SUCCESS);
    assert_paragraph(&hit, 0, "A/RES/78/228#12(b)");
    assert_int_equal(decode(&a, r->second, r->second_len, r->first, r->first_len, &hit, &msg),
                     RESDEX_STATUS_SUCCESS);
    assert_paragraph(&hit, 1, "A/RES/78/228#pp1");
    /* The second record holds none of the context: without the first it is
     * corrupt. */
    assert_int_equal(decode(&a, r->second, r->second_len, NULL, 0, &hit, &msg),
                     RESDEX_STATUS_CORRUPT_RECORD);
    assert_non_null(strstr(msg, "context is missing"));
    assert_null(memmem(r->second, r->second_len, "trafficking", 11));
    free(msg);
    arena_free(&a);
}

/* An older index's records read as before, and a resolution's records can
 * be of either kind (a file re-indexed since keeps its first paragraph). */
static void
test_json_records(void **state)
{
    records_t *r = *state;
    arena_t a;
    arena_init(&a);
    resdex_hit_t hit;
    char *msg = NULL;
    assert_null(record_context_ref(json_first, sizeof json_first - 1));
    assert_string_equal(record_context_ref(json_second, sizeof json_second - 1), "Qfirst");
    assert_int_equal(decode(&a, json_first, sizeof json_first - 1, NULL, 0, &hit, &msg),
                     RESDEX_STATUS_SUCCESS);
    assert_paragraph(&hit, 0, "A/RES/78/228#12(b)");
    assert_int_equal(decode(&a, json_second, sizeof json_second - 1, json_first,
                            sizeof json_first - 1, &hit, &msg),
                     RESDEX_STATUS_SUCCESS);
    assert_paragraph(&hit, 1, "A/RES/78/228#pp1");
    assert_int_equal(
        decode(&a, json_second, sizeof json_second - 1, r->first, r->first_len, &hit, &msg),
        RESDEX_STATUS_SUCCESS);
    assert_paragraph(&hit, 1, "A/RES/78/228#pp1");
    assert_int_equal(
        decode(&a, r->second, r->second_len, json_first, sizeof json_first - 1, &hit, &msg),
        RESDEX_STATUS_SUCCESS);
    assert_paragraph(&hit, 1, "A/RES/78/228#pp1");
    /* A context record that holds no context. */
    assert_int_equal(
        decode(&a, r->second, r->second_len, json_second, sizeof json_second - 1, &hit, &msg),
        RESDEX_STATUS_CORRUPT_RECORD);
    assert_non_null(strstr(msg, "not a paragraph record"));
    free(msg);
    arena_free(&a);
}

/* A record cut at every byte: each one is corrupt (a field cut short, or
 * the id, symbol or text missing), or, cut between fields after those,
 * reads what it holds. */
static void
test_cut_short(void **state)
{
    records_t *r = *state;
    resdex_hit_t hit;
    char *msg = NULL;
    size_t decoded = 0;
    for (size_t n = 0; n < r->first_len; n++) {
        arena_t a;
        arena_init(&a);
        char *copy = malloc(n ? n : 1); /* exactly n bytes, for ASan */
        memcpy(copy, r->first, n);
        resdex_status_t st = decode(&a, copy, n, NULL, 0, &hit, &msg);
        if (st == RESDEX_STATUS_SUCCESS) {
            decoded++;
            assert_string_equal(hit.paragraph->text, paragraphs[0].text);
        } else {
            assert_int_equal(st, RESDEX_STATUS_CORRUPT_RECORD);
            assert_non_null(msg);
        }
        free(copy);
        arena_free(&a);
    }
    /* Only a cut between two fields after the text reads: after the text,
     * the lead-in, the cite, each of the two marks, tags and cites, and each
     * footnote's text (not between a footnote's mark and its text). */
    assert_int_equal(decoded, 11);
    free(msg);
}

/* Bytes of the record's first field after the key: the id's length. */
static size_t
first_field(const char *data, size_t len)
{
    const char *nul = memchr(data + 1, '\0', len - 1);
    return (size_t)(nul + 1 - data);
}

static void
test_damaged(void **state)
{
    records_t *r = *state;
    arena_t a;
    arena_init(&a);
    resdex_hit_t hit;
    char *msg = NULL;
    char *copy = malloc(r->first_len + 8);
    size_t at = first_field(r->first, r->first_len);

    /* A length past the end: the id's 18 bytes, of which 5 are left. */
    memcpy(copy, r->first, r->first_len);
    assert_int_equal(copy[at + 1], 18);
    assert_int_equal(decode(&a, copy, at + 2 + 5, NULL, 0, &hit, &msg),
                     RESDEX_STATUS_CORRUPT_RECORD);
    assert_non_null(strstr(msg, "runs past its end"));
    /* A length that never ends. */
    memcpy(copy, r->first, at);
    memset(copy + at, 0x80, 8);
    copy[at] = 1;
    assert_int_equal(decode(&a, copy, at + 8, NULL, 0, &hit, &msg), RESDEX_STATUS_CORRUPT_RECORD);
    assert_non_null(strstr(msg, "has no length"));
    /* A NUL inside the id. */
    memcpy(copy, r->first, r->first_len);
    copy[at + 3] = '\0';
    assert_int_equal(decode(&a, copy, r->first_len, NULL, 0, &hit, &msg),
                     RESDEX_STATUS_CORRUPT_RECORD);
    assert_non_null(strstr(msg, "field 1 is malformed"));
    /* A context key with no end. */
    static const char no_end[] = {'4', 'Q', 'x'};
    assert_int_equal(decode(&a, no_end, sizeof no_end, NULL, 0, &hit, &msg),
                     RESDEX_STATUS_CORRUPT_RECORD);
    assert_non_null(strstr(msg, "has no end"));
    /* A footnote's text with no mark before it; a number of five bytes. */
    static const char text_first[] = "4\0\x01\x01x\x41\x02hi";
    assert_int_equal(decode(&a, text_first, sizeof text_first - 1, NULL, 0, &hit, &msg),
                     RESDEX_STATUS_CORRUPT_RECORD);
    assert_non_null(strstr(msg, "field 65 is malformed"));
    static const char long_number[] = "4\0\x01\x01x\x20\x05\x01\x00\x00\x00\x00";
    assert_int_equal(decode(&a, long_number, sizeof long_number - 1, NULL, 0, &hit, &msg),
                     RESDEX_STATUS_CORRUPT_RECORD);
    assert_non_null(strstr(msg, "field 32 is malformed"));
    /* An unknown tag, and nothing at all. */
    assert_int_equal(decode(&a, "9abc", 4, NULL, 0, &hit, &msg), RESDEX_STATUS_CORRUPT_RECORD);
    assert_non_null(strstr(msg, "unknown format"));
    assert_int_equal(decode(&a, "", 0, NULL, 0, &hit, &msg), RESDEX_STATUS_CORRUPT_RECORD);
    free(copy);
    free(msg);
    arena_free(&a);
}

/* A field this reader does not know (added by a later resdex) is skipped. */
static void
test_unknown_field(void **state)
{
    records_t *r = *state;
    arena_t a;
    arena_init(&a);
    resdex_hit_t hit;
    char *msg = NULL;
    static const char later[] = "\x7e\x05later";
    size_t n = r->first_len + sizeof later - 1;
    char *copy = malloc(n);
    size_t at = first_field(r->first, r->first_len);
    memcpy(copy, r->first, at);
    memcpy(copy + at, later, sizeof later - 1);
    memcpy(copy + at + sizeof later - 1, r->first + at, r->first_len - at);
    assert_int_equal(decode(&a, copy, n, NULL, 0, &hit, &msg), RESDEX_STATUS_SUCCESS);
    assert_paragraph(&hit, 0, "A/RES/78/228#12(b)");
    free(copy);
    free(msg);
    arena_free(&a);
}

/* A paragraph whose record would pass RECORD_MAX is refused, nothing
 * written: TOO_LARGE, which names no partial record. */
static void
test_too_large(void **state)
{
    (void)state;
    size_t n = RECORD_MAX + 1;
    char *text = malloc(n + 1);
    assert_non_null(text);
    memset(text, 'a', n);
    text[n] = '\0';
    resdex_paragraph_t p = paragraphs[1];
    p.text = text;
    resdex_resolution_t r = resolution;
    r.paragraphs = &p;
    r.n_paragraphs = 1;
    char *out = (char *)1;
    size_t len = 1;
    assert_int_equal(record_encode(&r, 0, "A/RES/78/228#pp1", NULL, &out, &len),
                     RESDEX_STATUS_TOO_LARGE);
    assert_null(out);
    assert_int_equal(len, 0);
    free(text);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_round_trip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_records, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cut_short, setup, teardown),
        cmocka_unit_test_setup_teardown(test_damaged, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_field, setup, teardown),
        cmocka_unit_test(test_too_large),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
