/* test_akn_corpus.c - the AKN4UN reader over every file of the shipped UN
 * corpus (corpus/akn, gzipped XML): everything parses; the one malformed
 * file of the UN's repositories (kept out of corpus/, in
 * tests/data/akn-malformed) fails naming its line; the English counts of paragraphs match the
 * XML, counted here with XPath and not with the reader's code; every
 * language version of a resolution has the English operative numbers. */
#include "testutil.h"
#include "resdex.h"

#include <ftw.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#define MALFORMED      "tests/data/akn-malformed/E_RES_2023_23-2314954A.xml.gz"
#define MALFORMED_LINE 450
#define AKN_NS         "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

typedef struct summary {
    char *path; /* relative to the corpus */
    int english;
    char *symbol, *lang;
    char *numbers; /* operative "number(item)" anchors, sorted, joined by " " */
    size_t operative, operative_items, preambular, preambular_items;
    size_t drafts; /* 1 when the file's resolution carries a draft */
} summary_t;

static char corpus[4200];
static summary_t *files;
static size_t n_files, cap_files;

static int
collect(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
    (void)sb;
    (void)ftw;
    size_t n = strlen(path);
    if (type != FTW_F || n < 7 || strcmp(path + n - 7, ".xml.gz") != 0)
        return 0;
    if (n_files == cap_files) {
        cap_files = cap_files ? cap_files * 2 : 512;
        files = realloc(files, cap_files * sizeof *files);
        if (!files)
            return -1;
    }
    summary_t *s = &files[n_files++];
    memset(s, 0, sizeof *s);
    s->path = strdup(path + strlen(corpus) + 1);
    s->english = strstr(path, "/English/") != NULL;
    return 0;
}

static int
by_path(const void *a, const void *b)
{
    return strcmp(((const summary_t *)a)->path, ((const summary_t *)b)->path);
}

static int
by_string(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Parse one file and summarise what the reader made of it. */
static resdex_status_t
summarise(summary_t *s, char **message)
{
    char full[8192];
    snprintf(full, sizeof full, "%s/%s", corpus, s->path);
    resdex_doc_t *doc = NULL;
    resdex_status_t st = resdex_parse_file(full, &doc, message);
    if (st != RESDEX_STATUS_SUCCESS)
        return st;
    /* One resolution, or an ECOSOC resolution and the GA draft it carries
     * (embedded.c): SYMBOL/DR, right after it. */
    size_t n_res = resdex_doc_count(doc);
    assert_true(n_res == 1 || n_res == 2);
    const resdex_resolution_t *res = resdex_doc_get(doc, 0);
    s->symbol = strdup(res->symbol);
    s->lang = strdup(res->lang ? res->lang : "?");
    s->drafts = n_res - 1;
    if (n_res == 2) {
        const resdex_resolution_t *d = resdex_doc_get(doc, 1);
        char want[256];
        snprintf(want, sizeof want, "%s/DR", res->symbol);
        assert_string_equal(d->symbol, want);
        assert_string_equal(d->body, "GA");
        assert_string_equal(d->doc_type, "draft resolution");
        assert_string_equal(d->recommended_by, "ECOSOC");
        assert_string_equal(res->recommends_to, "GA");
        assert_null(d->date);
    }
    size_t total = 0;
    for (size_t r = 0; r < n_res; r++)
        total += resdex_doc_get(doc, r)->n_paragraphs;
    char **anchors = calloc(total + 1, sizeof *anchors);
    size_t n = 0, len = 1;
    for (size_t r = 0; r < n_res; r++)
        for (size_t i = 0; i < resdex_doc_get(doc, r)->n_paragraphs; i++) {
            res = resdex_doc_get(doc, r);
            const resdex_paragraph_t *p = &res->paragraphs[i];
            assert_non_null(p->text);
            assert_true(p->text[0] != '\0');
            /* No leaked layout: no tab, newline, double or edge space. */
            assert_null(strpbrk(p->text, "\t\r\n"));
            assert_null(strstr(p->text, "  "));
            assert_true(p->text[0] != ' ' && p->text[strlen(p->text) - 1] != ' ');
            if (p->kind == RESDEX_KIND_PREAMBULAR) {
                if (p->item)
                    s->preambular_items++;
                else
                    s->preambular++;
            } else if (p->kind == RESDEX_KIND_OPERATIVE) {
                if (p->item)
                    s->operative_items++;
                else
                    s->operative++;
                char buf[64];
                snprintf(buf, sizeof buf, "%d(%s)", p->number, p->item ? p->item : "");
                anchors[n] = strdup(buf);
                len += strlen(buf) + 1;
                n++;
            }
        }
    qsort(anchors, n, sizeof *anchors, by_string);
    s->numbers = calloc(1, len);
    for (size_t i = 0; i < n; i++) {
        if (i)
            strcat(s->numbers, " ");
        strcat(s->numbers, anchors[i]);
        free(anchors[i]);
    }
    free(anchors);
    resdex_doc_destroy(doc);
    return st;
}

/* Every file parses (424: the UN's 425 less the malformed one). */
static void
test_all_parse(void **state)
{
    (void)state;
    assert_int_equal(n_files, 424);
    for (size_t i = 0; i < n_files; i++) {
        char *message = NULL;
        resdex_status_t st = summarise(&files[i], &message);
        if (st != RESDEX_STATUS_SUCCESS)
            fail_msg("%s: %s", files[i].path, message ? message : "(no message)");
        free(message);
    }
}

/* The malformed one fails with BAD_XML naming the file and the line. */
static void
test_malformed(void **state)
{
    (void)state;
    char full[8192], want[8400];
    snprintf(full, sizeof full, "%s/%s", TOP_SRCDIR, MALFORMED);
    resdex_doc_t *doc = NULL;
    char *message = NULL;
    assert_int_equal(resdex_parse_file(full, &doc, &message), RESDEX_STATUS_BAD_XML);
    assert_null(doc);
    snprintf(want, sizeof want, "%s:%d: malformed XML: ", MALFORMED, MALFORMED_LINE);
    if (!message || !strstr(message, want))
        fail_msg("message %s, expected it to contain %s", message ? message : "(none)", want);
    free(message);
}

static size_t
xpath_count(xmlXPathContextPtr xp, const char *expr)
{
    xmlXPathObjectPtr o = xmlXPathEvalExpression((const xmlChar *)expr, xp);
    if (!o)
        fail_msg("bad XPath %s", expr);
    size_t n = o->nodesetval ? (size_t)o->nodesetval->nodeNr : 0;
    xmlXPathFreeObject(o);
    return n;
}

/* The English counts against the XML, counted with XPath:
 *  - operative paragraphs = numbered mainBody paragraphs (not in annexes),
 *    including those of a draft embedded in paragraph 1 or carried as a
 *    component (counted in the draft's resolution), and ECOSOC's
 *    unnumbered paragraph 1 that carries or announces the draft
 *    ("Recommends ...");
 *  - drafts = the mainBody paragraph carrying an embeddedStructure, or the
 *    statement's components;
 *  - operative items = list points there, and unnumbered paragraphs that
 *    begin "(a)" (75/195 prints its items so);
 *  - preambular paragraphs = preamble containers (not the enacting formula),
 *    a draft's containers, and the unnumbered paragraph a draft puts before
 *    its first numbered one (2024/9);
 *  - preambular items = blockList items in the preamble. */
static void
test_english_counts(void **state)
{
    (void)state;
    static const char *const ops =
        "//a:mainBody[not(ancestor::a:attachment)]/a:paragraph[a:num] | "
        "//a:embeddedStructure/a:paragraph[a:num] | "
        "//a:mainBody[not(ancestor::a:attachment)]/a:paragraph[not(a:num)][.//a:embeddedStructure] "
        "| "
        "//a:mainBody[not(ancestor::a:attachment)][../a:components]/a:paragraph[not(a:num)] | "
        "//a:mainBody[not(ancestor::a:attachment)][count(a:paragraph)=1]"
        "[not(.//a:embeddedStructure)][not(../a:components)]/a:paragraph[not(a:num)]";
    static const char *const op_items =
        "//a:mainBody[not(ancestor::a:attachment)]/a:paragraph//a:point | "
        "//a:embeddedStructure/a:paragraph//a:point | "
        "//a:mainBody[not(ancestor::a:attachment)]/a:paragraph[not(a:num)]"
        "[starts-with(normalize-space(.), '(')]";
    static const char *const pre =
        "//a:preamble[not(ancestor::a:attachment)]/a:container[not(@name='formula')] | "
        "//a:embeddedStructure/a:container[not(@name='formula')] | "
        "//a:embeddedStructure/a:paragraph[not(a:num)][following-sibling::a:paragraph[a:num]]"
        "[not(preceding-sibling::a:paragraph[a:num])]";
    static const char *const pre_items = "//a:preamble[not(ancestor::a:attachment)]//a:item";
    size_t checked = 0, wrong = 0;
    for (size_t i = 0; i < n_files; i++) {
        summary_t *s = &files[i];
        if (!s->english || !s->symbol)
            continue;
        char full[8192];
        snprintf(full, sizeof full, "%s/%s", corpus, s->path);
        xmlDocPtr doc = xmlReadFile(full, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
        assert_non_null(doc);
        xmlXPathContextPtr xp = xmlXPathNewContext(doc);
        xmlXPathRegisterNs(xp, (const xmlChar *)"a", (const xmlChar *)AKN_NS);
        size_t want[4] = {xpath_count(xp, ops), xpath_count(xp, op_items), xpath_count(xp, pre),
                          xpath_count(xp, pre_items)};
        size_t got[4] = {s->operative, s->operative_items, s->preambular, s->preambular_items};
        /* A draft inside operative paragraph 1 is a resolution of its own. */
        static const char *const drafts =
            "//a:mainBody/a:paragraph[.//a:embeddedStructure] | /*/a:statement/a:components";
        if (s->drafts != xpath_count(xp, drafts)) {
            print_error("%s: %zu drafts, the XML carries %zu\n", s->path, s->drafts,
                        xpath_count(xp, drafts));
            wrong++;
        }
        static const char *const what[4] = {"operative paragraphs", "operative items",
                                            "preambular paragraphs", "preambular items"};
        for (int k = 0; k < 4; k++)
            if (want[k] != got[k]) {
                print_error("%s: %zu %s, the XML has %zu\n", s->path, got[k], what[k], want[k]);
                wrong++;
            }
        assert_true(s->operative > 0);
        xmlXPathFreeContext(xp);
        xmlFreeDoc(doc);
        checked++;
    }
    assert_int_equal(wrong, 0);
    assert_true(checked >= 70);
}

/* Each language version has the English operative numbers and items. */
static void
test_languages_agree(void **state)
{
    (void)state;
    size_t compared = 0, wrong = 0;
    for (size_t i = 0; i < n_files; i++) {
        summary_t *s = &files[i];
        if (s->english || !s->symbol)
            continue;
        const summary_t *en = NULL;
        for (size_t j = 0; j < n_files && !en; j++)
            if (files[j].english && files[j].symbol && strcmp(files[j].symbol, s->symbol) == 0)
                en = &files[j];
        if (!en)
            fail_msg("%s: no English version of %s", s->path, s->symbol);
        if (strcmp(en->numbers, s->numbers) != 0) {
            print_error("%s (%s): operative numbers\n  %s\ndiffer from English\n  %s\n", s->path,
                        s->lang, s->numbers, en->numbers);
            wrong++;
        }
        compared++;
    }
    assert_int_equal(wrong, 0);
    assert_true(compared > 300);
}

/* Language codes are two letters and match the folder. */
static void
test_languages_named(void **state)
{
    (void)state;
    static const char *const folders[][2] = {{"/English/", "en"}, {"/French/", "fr"},
                                             {"/Spanish/", "es"}, {"/Russian/", "ru"},
                                             {"/Arabic/", "ar"},  {"/Chinese/", "zh"}};
    for (size_t i = 0; i < n_files; i++) {
        if (!files[i].symbol)
            continue;
        for (size_t k = 0; k < 6; k++)
            if (strstr(files[i].path, folders[k][0]))
                assert_string_equal(files[i].lang, folders[k][1]);
    }
}

int
main(void)
{
    snprintf(corpus, sizeof corpus, "%s/corpus/akn", TOP_SRCDIR);
    if (nftw(corpus, collect, 16, FTW_PHYS) != 0) {
        fprintf(stderr, "cannot walk %s\n", corpus);
        return 1;
    }
    qsort(files, n_files, sizeof *files, by_path);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_all_parse),       cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_english_counts),  cmocka_unit_test(test_languages_agree),
        cmocka_unit_test(test_languages_named),
    };
    int failed = cmocka_run_group_tests_name("akn corpus", tests, NULL, NULL);
    for (size_t i = 0; i < n_files; i++) {
        free(files[i].path);
        free(files[i].symbol);
        free(files[i].lang);
        free(files[i].numbers);
    }
    free(files);
    return failed;
}
