/* test_akn.c - the AKN4UN reader, one rule at a time, on small hand-written
 * AKN fragments (and the fuller examples in tests/data/akn). */
#include "testutil.h"
#include "resdex.h"
#include "readers.h"

#include <fcntl.h>

/* A GA resolution skeleton; the arguments fill the FRBR work URI, the
 * language, the preamble, the operative part and what follows it. */
static char *
akn(const char *uri, const char *lang, const char *preamble, const char *body, const char *after)
{
    char *s = NULL;
    int n = asprintf(
        &s,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">\n"
        "<statement name=\"resolution\">\n"
        "<meta><identification source=\"#DGACM\">\n"
        "<FRBRWork><FRBRthis value=\"%s\"></FRBRthis>"
        "<FRBRdate date=\"2025-12-18\" name=\"adoption\"></FRBRdate></FRBRWork>\n"
        "<FRBRExpression><FRBRlanguage language=\"%s\"></FRBRlanguage></FRBRExpression>\n"
        "</identification></meta>\n"
        "<coverPage>\n"
        "<p><docNumber refersTo=\"#symbol\">A/RES/80/229</docNumber></p>\n"
        "<p><session value=\"80\">Eightieth session</session></p>\n"
        "<p><inline title=\"107\" name=\"agenda item\">Agenda item 107</inline></p>\n"
        "<p><docTitle>Resolution adopted by the General Assembly on 18 December "
        "2025</docTitle></p>\n"
        "<p xml:space=\"preserve\"><docProponent refersTo=\"#thirdCommittee\">[on the report of "
        "the Third Committee (<inline name=\"originating document\">A/80/545</inline>)]"
        "</docProponent></p>\n"
        "</coverPage>\n"
        "<preface><p><docNumber>80/229.</docNumber><docTitle refersTo=\"#resolutionTitle\">\n"
        "  <span class=\"bold\">\tStrengthening the programme</span>\n"
        "</docTitle></p></preface>\n"
        "<preamble>\n"
        "<formula name=\"enactingFormula\"><p xml:space=\"preserve\">\n"
        "  <span class=\"italic\">The General Assembly</span>,</p></formula>\n"
        "%s\n"
        "</preamble>\n"
        "<mainBody>\n%s\n</mainBody>\n"
        "%s\n"
        "<conclusions><p><event><location title=\"69th\">69th plenary meeting</location>"
        "<eol/><docDate date=\"2025-12-18\">18 December 2025</docDate></event></p></conclusions>\n"
        "</statement>\n</akomaNtoso>\n",
        uri, lang, preamble, body, after);
    assert_true(n > 0);
    return s;
}

#define GA_URI     "/akn/un/statement/deliberation/unga/2025-12-18/80-229/!main/"
#define ECOSOC_URI "/akn/un/statement/deliberation/unecosoc/2023-07-25/2023-24/!main/"

static const char *const one_para = "<paragraph><num>1.</num><content><p xml:space=\"preserve\">"
                                    "\t<span class=\"italic\">Decides</span> to act.</p>"
                                    "</content></paragraph>";

/* Parse xml (freed here) and expect success with n resolutions; the first. */
static const resdex_resolution_t *
parse_n(char *xml, resdex_doc_t **doc, size_t n)
{
    char *message = NULL;
    resdex_status_t st = resdex_parse_buffer("frag.xml", xml, strlen(xml), doc, &message);
    if (st != RESDEX_STATUS_SUCCESS)
        fail_msg("parse failed: %s", message ? message : "(no message)");
    free(message);
    free(xml);
    assert_int_equal(resdex_doc_count(*doc), n);
    return resdex_doc_get(*doc, 0);
}

/* Parse xml (freed here) and expect success with one resolution. */
static const resdex_resolution_t *
parse_ok(char *xml, resdex_doc_t **doc)
{
    return parse_n(xml, doc, 1);
}

/* An ECOSOC resolution carrying a draft: ECOSOC's own part is its operative
 * paragraph 1, "Recommends ..."; the draft (doc's second resolution, which
 * is returned) is the General Assembly's, SYMBOL/DR, under the same title. */
static const resdex_resolution_t *
expect_carried_draft(const resdex_doc_t *doc)
{
    const resdex_resolution_t *r = resdex_doc_get(doc, 0);
    assert_string_equal(r->symbol, "E/RES/2023/24");
    assert_string_equal(r->body, "ECOSOC");
    assert_string_equal(r->recommends_to, "GA");
    assert_int_equal(r->n_paragraphs, 1);
    const resdex_paragraph_t *p = &r->paragraphs[0];
    assert_int_equal(p->kind, RESDEX_KIND_OPERATIVE);
    assert_int_equal(p->number, 1);
    assert_string_equal(p->verb, "Recommends");
    assert_string_equal(p->text, "Recommends to the General Assembly the adoption of the "
                                 "following draft resolution:");
    const resdex_resolution_t *d = resdex_doc_get(doc, 1);
    assert_string_equal(d->symbol, "E/RES/2023/24/DR");
    assert_string_equal(d->body, "GA");
    assert_string_equal(d->doc_type, "draft resolution");
    assert_string_equal(d->recommended_by, "ECOSOC");
    assert_null(d->number);
    assert_null(d->date);
    assert_null(d->recommends_to);
    if (r->title)
        assert_string_equal(d->title, r->title);
    assert_string_equal(d->lang, "en");
    assert_string_equal(d->source, r->source);
    return d;
}

static resdex_status_t
parse_fail(const char *xml, char **message)
{
    resdex_doc_t *doc = NULL;
    resdex_status_t st = resdex_parse_buffer("frag.xml", xml, strlen(xml), &doc, message);
    assert_null(doc);
    return st;
}

static const resdex_paragraph_t *
para(const resdex_resolution_t *r, size_t i)
{
    assert_true(i < r->n_paragraphs);
    return &r->paragraphs[i];
}

static int
has_cite(const resdex_paragraph_t *p, const char *cite)
{
    for (size_t i = 0; i < p->n_cites; i++)
        if (strcmp(p->cites[i], cite) == 0)
            return 1;
    return 0;
}

static void
test_metadata(void **state)
{
    (void)state;
    resdex_doc_t *doc = NULL;
    const resdex_resolution_t *r = parse_ok(akn(GA_URI, "eng", "", one_para, ""), &doc);
    assert_string_equal(r->symbol, "A/RES/80/229");
    assert_string_equal(r->number, "80/229");
    assert_string_equal(r->body, "GA");
    assert_string_equal(r->doc_type, "resolution");
    /* The preface's title, not the cover page's "Resolution adopted by". */
    assert_string_equal(r->title, "Strengthening the programme");
    assert_string_equal(r->date, "2025-12-18");
    assert_string_equal(r->session, "Eightieth session");
    assert_string_equal(r->agenda_item, "107");
    assert_string_equal(r->meeting, "69th plenary meeting");
    assert_string_equal(r->recommended_by, "Third Committee");
    assert_null(r->recommends_to);
    assert_string_equal(r->lang, "en");
    assert_string_equal(r->source, "frag.xml");
    assert_true(r->line_first > 0 && r->line_last > r->line_first);
    assert_int_equal(r->n_paragraphs, 1);
    resdex_doc_destroy(doc);
}

/* Symbol and body from the FRBR URI; three-letter languages to two. */
static void
test_symbols_and_languages(void **state)
{
    (void)state;
    static const struct {
        const char *uri, *lang, *symbol, *number, *body, *code;
    } cases[] = {
        {GA_URI, "eng", "A/RES/80/229", "80/229", "GA", "en"},
        {ECOSOC_URI, "fra", "E/RES/2023/24", "2023/24", "ECOSOC", "fr"},
        {"/akn/un/statement/deliberation/unga/2020-12-16/75-194/", "spa", "A/RES/75/194", "75/194",
         "GA", "es"},
        {ECOSOC_URI, "rus", "E/RES/2023/24", "2023/24", "ECOSOC", "ru"},
        {ECOSOC_URI, "ara", "E/RES/2023/24", "2023/24", "ECOSOC", "ar"},
        {ECOSOC_URI, "zho", "E/RES/2023/24", "2023/24", "ECOSOC", "zh"},
        {GA_URI, "deu", "A/RES/80/229", "80/229", "GA", "de"},
        {GA_URI, "ger", "A/RES/80/229", "80/229", "GA", "de"},
        {GA_URI, "FRA", "A/RES/80/229", "80/229", "GA", "fr"},
        {GA_URI, "chi", "A/RES/80/229", "80/229", "GA", "zh"},
        /* No usable URI: the cover page's symbol. */
        {"/akn/un/statement/other/", "eng", "A/RES/80/229", "80/229", "GA", "en"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        resdex_doc_t *doc = NULL;
        const resdex_resolution_t *r =
            parse_ok(akn(cases[i].uri, cases[i].lang, "", one_para, ""), &doc);
        assert_string_equal(r->symbol, cases[i].symbol);
        assert_string_equal(r->number, cases[i].number);
        assert_string_equal(r->body, cases[i].body);
        assert_string_equal(r->lang, cases[i].code);
        resdex_doc_destroy(doc);
    }
}

/* Preambular containers with their italic (or, in Chinese, bold) verb; the
 * enacting formula is not a paragraph; layout white space never leaks. */
static void
test_preamble(void **state)
{
    (void)state;
    const char *pre =
        "<container name=\"Reaffirming\"><p xml:space=\"preserve\">\t<span class=\"italic\">"
        "Reaffirming</span> its resolutions,</p></container>\n"
        "<container name=\"Recalling also\"><p xml:space=\"preserve\">\n"
        "          <span class=\"italic\">\tRecalling also </span>the   outcome\n\t of the "
        "Congress,</p></container>\n"
        "<container name=\"重申\"><p xml:space=\"preserve\">\t<span class=\"bold\">重申</span>"
        "其决议，</p></container>\n"
        "<container name=\"Noting\"><p>Noting with <span class=\"italic\">Treaty Series</span> "
        "no verb,</p></container>\n"
        "<container><p xml:space=\"preserve\">\xE2\x80\x8F\t<span class=\"bold italic\">وإذ "
        "تؤكد</span> دور اللجنة</p></container>";
    resdex_doc_t *doc = NULL;
    const resdex_resolution_t *r = parse_ok(akn(GA_URI, "eng", pre, one_para, ""), &doc);
    assert_int_equal(r->n_paragraphs, 6);
    const resdex_paragraph_t *p = para(r, 0);
    assert_int_equal(p->kind, RESDEX_KIND_PREAMBULAR);
    assert_string_equal(p->verb, "Reaffirming");
    assert_string_equal(p->text, "Reaffirming its resolutions,");
    assert_int_equal(p->number, 0);
    assert_null(p->item);
    p = para(r, 1);
    assert_string_equal(p->verb, "Recalling also");
    assert_string_equal(p->text, "Recalling also the outcome of the Congress,");
    p = para(r, 2);
    assert_string_equal(p->verb, "重申");
    assert_string_equal(p->text, "重申其决议，");
    p = para(r, 3);
    assert_null(p->verb); /* italics in the middle are not a verb phrase */
    assert_string_equal(p->text, "Noting with Treaty Series no verb,");
    /* A right-to-left mark before the verb is not text. */
    assert_string_equal(para(r, 4)->verb, "وإذ تؤكد");
    assert_string_equal(para(r, 4)->text, "وإذ تؤكد دور اللجنة");
    assert_int_equal(para(r, 5)->kind, RESDEX_KIND_OPERATIVE);
    resdex_doc_destroy(doc);
}

/* Operative numbers from <num> in every language's style, or from the text
 * when there is no <num>; normalised to ASCII. */
static void
test_operative_numbers(void **state)
{
    (void)state;
    const char *body =
        "<paragraph><num>1.</num><content><p xml:space=\"preserve\">\t<span class=\"italic\">"
        "Encourages</span> States;</p></content></paragraph>\n"
        "<paragraph><num>\t2.</num><content><p>\t<span class=\"italic\">Also encourages "
        "</span>States;</p></content></paragraph>\n"
        "<paragraph><num>3 -</num><content><p>\t<span class=\"bold italic\">تؤكد</span> من "
        "جديد</p></content></paragraph>\n"
        "<paragraph><content><p xml:space=\"preserve\">\t4 -\t<span class=\"bold italic\">تشير"
        "</span> إلى</p></content></paragraph>\n"
        "<paragraph><content><p>\t\t\t5\t<span class=\"italic\">Pone de relieve </span>la "
        "importancia</p></content></paragraph>\n"
        "<paragraph><num>٦-</num><content><p>text six</p></content></paragraph>\n"
        "<paragraph><num>7.</num><content><p>\t<span class=\"italic\">Decides</span> to "
        "remain seized.</p></content></paragraph>";
    resdex_doc_t *doc = NULL;
    const resdex_resolution_t *r = parse_ok(akn(GA_URI, "eng", "", body, ""), &doc);
    assert_int_equal(r->n_paragraphs, 7);
    static const char *const verbs[] = {
        "Encourages", "Also encourages", "تؤكد", "تشير", "Pone de relieve", NULL, "Decides"};
    static const char *const texts[] = {"Encourages States;",
                                        "Also encourages States;",
                                        "تؤكد من جديد",
                                        "تشير إلى",
                                        "Pone de relieve la importancia",
                                        "text six",
                                        "Decides to remain seized."};
    for (size_t i = 0; i < 7; i++) {
        const resdex_paragraph_t *p = para(r, i);
        assert_int_equal(p->kind, RESDEX_KIND_OPERATIVE);
        assert_int_equal(p->number, (int)i + 1);
        assert_null(p->item);
        if (verbs[i])
            assert_string_equal(p->verb, verbs[i]);
        else
            assert_null(p->verb);
        assert_string_equal(p->text, texts[i]);
    }
    resdex_doc_destroy(doc);
}

/* list/point and blockList/item: paragraphs of their own, the parent's
 * number, letters in Latin whatever the language. */
static void
test_sub_items(void **state)
{
    (void)state;
    const char *pre =
        "<container name=\"Reaffirming\"><blockList><listIntroduction>\t<span class=\"italic\">"
        "Reaffirming</span> that the Plan was developed: </listIntroduction>"
        "<item><num>(a)</num><p>\tTo promote ratification;</p></item>"
        "<item><num>(b)</num><p>\tTo help States.</p></item></blockList></container>";
    const char *body =
        "<paragraph><num>6.</num><list><intro><p>\t<span class=\"italic\">Urges</span> States "
        "to adopt:</p></intro>"
        "<point><num>(a)</num><content><p>\tStrengthening laws;</p></content></point>"
        "<point><num>b)</num><content><p>\tAdopting measures;</p></content></point>"
        "<point><num>(ج)</num><content><p>\tthird;</p></content></point>"
        "<point><num>\t(هـ)</num><content><p>\tfifth;</p></content></point>"
        "<point><num>(iv)</num><content><p>\tfourth roman</p></content></point>"
        "</list></paragraph>\n"
        "<paragraph><content><p>(f) An item printed as a paragraph</p></content></paragraph>\n"
        "<paragraph><content><p>а) with a Cyrillic a</p></content></paragraph>";
    resdex_doc_t *doc = NULL;
    const resdex_resolution_t *r = parse_ok(akn(GA_URI, "eng", pre, body, ""), &doc);
    static const struct {
        resdex_kind_t kind;
        int number;
        const char *item, *text;
    } want[] = {
        {RESDEX_KIND_PREAMBULAR, 0, NULL, "Reaffirming that the Plan was developed:"},
        {RESDEX_KIND_PREAMBULAR, 0, "a", "To promote ratification;"},
        {RESDEX_KIND_PREAMBULAR, 0, "b", "To help States."},
        {RESDEX_KIND_OPERATIVE, 6, NULL, "Urges States to adopt:"},
        {RESDEX_KIND_OPERATIVE, 6, "a", "Strengthening laws;"},
        {RESDEX_KIND_OPERATIVE, 6, "b", "Adopting measures;"},
        {RESDEX_KIND_OPERATIVE, 6, "c", "third;"},
        {RESDEX_KIND_OPERATIVE, 6, "e", "fifth;"},
        {RESDEX_KIND_OPERATIVE, 6, "iv", "fourth roman"},
        {RESDEX_KIND_OPERATIVE, 6, "f", "An item printed as a paragraph"},
        {RESDEX_KIND_OPERATIVE, 6, "a", "with a Cyrillic a"},
    };
    assert_int_equal(r->n_paragraphs, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const resdex_paragraph_t *p = para(r, i);
        assert_int_equal(p->kind, want[i].kind);
        assert_int_equal(p->number, want[i].number);
        if (want[i].item)
            assert_string_equal(p->item, want[i].item);
        else
            assert_null(p->item);
        assert_string_equal(p->text, want[i].text);
    }
    assert_string_equal(para(r, 0)->verb, "Reaffirming");
    assert_string_equal(para(r, 3)->verb, "Urges");
    char anchor[32];
    resdex_paragraph_anchor(r, 4, anchor, sizeof anchor);
    assert_string_equal(anchor, "6(a)");
    resdex_doc_destroy(doc);
}

/* Footnotes leave the text, keep their mark on the paragraph, and belong to
 * the resolution; Arabic brackets around the mark go with it. */
static void
test_footnotes(void **state)
{
    (void)state;
    const char *body =
        "<paragraph><num>1.</num><content><p xml:space=\"preserve\">\t<span class=\"italic\">"
        "Takes note</span> of the report;<authorialNote marker=\"49\" placement=\"bottom\">"
        "<p xml:space=\"preserve\">\t\tA/80/157.</p></authorialNote> and of the "
        "Convention<authorialNote marker=\"50\"><p>\t\tUnited Nations, <span class=\"italic\">"
        "Treaty Series</span>, vol. 2225.</p></authorialNote>.</p></content></paragraph>\n"
        "<paragraph><num>2 -</num><content><p xml:space=\"preserve\">\t<span class=\"bold "
        "italic\">تلاحظ</span> العمل<sup>(</sup><authorialNote marker=\"51\"><p "
        "xml:space=\"preserve\">\t()\tأنشأتها اللجنة</p></authorialNote><sup>)</sup>، "
        "وبالتعاون</p></content></paragraph>\n"
        "<paragraph><num>3.</num><content><p>Unmarked<authorialNote><p>A note without a "
        "marker.</p></authorialNote> note.</p></content></paragraph>";
    resdex_doc_t *doc = NULL;
    const resdex_resolution_t *r = parse_ok(akn(GA_URI, "eng", "", body, ""), &doc);
    const resdex_paragraph_t *p = para(r, 0);
    assert_string_equal(p->text, "Takes note of the report; and of the Convention.");
    assert_int_equal(p->n_marks, 2);
    assert_string_equal(p->marks[0], "49");
    assert_string_equal(p->marks[1], "50");
    p = para(r, 1);
    assert_string_equal(p->text, "تلاحظ العمل، وبالتعاون");
    assert_int_equal(p->n_marks, 1);
    assert_string_equal(p->marks[0], "51");
    p = para(r, 2);
    assert_string_equal(p->text, "Unmarked note.");
    assert_int_equal(p->n_marks, 1);

    assert_int_equal(r->n_footnotes, 4);
    const resdex_footnote_t *f = resdex_resolution_footnote(r, "49");
    assert_non_null(f);
    assert_string_equal(f->text, "A/80/157.");
    f = resdex_resolution_footnote(r, "50");
    assert_string_equal(f->text, "United Nations, Treaty Series, vol. 2225.");
    f = resdex_resolution_footnote(r, "51");
    assert_string_equal(f->text, "أنشأتها اللجنة");
    /* Unmarked: numbered by its place among the resolution's footnotes. */
    f = resdex_resolution_footnote(r, para(r, 2)->marks[0]);
    assert_non_null(f);
    assert_string_equal(f->text, "A note without a marker.");
    resdex_doc_destroy(doc);
}

/* <a href> targets normalised into citations, the paragraph's footnotes'
 * citations too; the link text stays in the text. */
static void
test_citations(void **state)
{
    (void)state;
    const char *body =
        "<paragraph><num>1.</num><content><p>\t<span class=\"italic\">Recalls</span> its "
        "resolution <a href=\"https://undocs.org/en/A/RES/70/174\">70/174</a> and the report"
        "<authorialNote marker=\"1\"><p>See <a href=\"https://docs.un.org/en/E/CN.15/2023/13\">"
        "E/CN.15/2023/13</a>.</p></authorialNote>;</p></content></paragraph>";
    resdex_doc_t *doc = NULL;
    const resdex_resolution_t *r = parse_ok(akn(GA_URI, "eng", "", body, ""), &doc);
    const resdex_paragraph_t *p = para(r, 0);
    assert_string_equal(p->text, "Recalls its resolution 70/174 and the report;");
    assert_true(has_cite(p, "A/RES/70/174"));
    assert_true(has_cite(p, "E/CN.15/2023/13"));
    resdex_doc_destroy(doc);
}

/* Annexes: "other" paragraphs of the same resolution, headings included;
 * a section letter stays in its heading; tables read as " | "-joined cells. */
static void
test_annex(void **state)
{
    (void)state;
    const char *after =
        "<attachments><attachment><doc name=\"annex\"><mainBody>\n"
        "<paragraph class=\"H23\"><subheading>Annex</subheading></paragraph>\n"
        "<paragraph class=\"H23\"><num>B.</num><subheading>\tIndividualized "
        "approaches</subheading></paragraph>\n"
        "<container name=\"table\"><table><tr><td><p><span class=\"bold\">Core principle "
        "I</span></p></td></tr><tr><td><p>Decisions should be tailored.</p></td><td></td>"
        "<td><p>Second cell</p></td></tr><tr><td></td></tr></table></container>\n"
        "<paragraph><num>11.</num><content><p>\tStates should avoid it.</p></content>"
        "</paragraph>\n"
        "<paragraph><content><p>The purposes are to:</p></content></paragraph>\n"
        "<paragraph><list><point><num>(a)</num><content><p>Promote;</p></content></point>"
        "</list></paragraph>\n"
        "<paragraph class=\"H4\"><subheading>Article 2</subheading></paragraph>\n"
        "<paragraph><content><p>\tEach State Party shall act.</p></content></paragraph>\n"
        "</mainBody></doc></attachment></attachments>";
    resdex_doc_t *doc = NULL;
    const resdex_resolution_t *r = parse_ok(akn(GA_URI, "eng", "", one_para, after), &doc);
    assert_int_equal(r->n_paragraphs, 9);
    assert_int_equal(para(r, 0)->kind, RESDEX_KIND_OPERATIVE);
    static const char *const texts[] = {
        "Annex",
        "B. Individualized approaches",
        "Core principle I | Decisions should be tailored. | Second cell",
        "States should avoid it.",
        "The purposes are to:",
        "Promote;",
    };
    /* Numbered paragraphs, items and an article's text are agreed text
     * (annex); headings, tables and unnumbered text stay other. */
    for (size_t i = 0; i < 6; i++) {
        const resdex_paragraph_t *p = para(r, i + 1);
        assert_int_equal(p->kind, i == 3 || i == 5 ? RESDEX_KIND_ANNEX : RESDEX_KIND_OTHER);
        assert_null(p->verb);
        assert_string_equal(p->text, texts[i]);
    }
    assert_int_equal(para(r, 4)->number, 11);
    assert_string_equal(para(r, 4)->cite, "General Assembly resolution 80/229, annex, para. 11");
    assert_string_equal(para(r, 6)->item, "a");
    assert_string_equal(para(r, 6)->lead_in, "The purposes are to:");
    assert_int_equal(para(r, 7)->kind, RESDEX_KIND_OTHER); /* "Article 2" */
    assert_int_equal(para(r, 8)->kind, RESDEX_KIND_ANNEX);
    assert_int_equal(para(r, 8)->article, 2);
    assert_int_equal(para(r, 8)->number, 0);
    assert_string_equal(para(r, 8)->cite, "General Assembly resolution 80/229, annex, art. 2");
    resdex_doc_destroy(doc);
}

/* ECOSOC recommending a draft to the General Assembly: one resolution; the
 * "Recommends" text as other, then the draft's own paragraphs and numbers. */
static void
test_embedded_draft(void **state)
{
    (void)state;
    const char *body =
        "<paragraph><content><p xml:space=\"preserve\">\t<span class=\"italic\">Recommends"
        "</span> to the General Assembly the adoption of the following draft resolution:\n"
        "<embeddedStructure>\n"
        "<container name=\"formula\"><p xml:space=\"preserve\">\n<span class=\"italic\">The "
        "General Assembly</span>,</p></container>\n"
        "<container name=\"Recalling\"><p>\t<span class=\"italic\">Recalling</span> the "
        "Congress,<authorialNote marker=\"1\"><p>A/CONF.234/16.</p></authorialNote></p>"
        "</container>\n"
        "<paragraph><content><p>\t<span class=\"italic\">Praising</span> Japan,</p></content>"
        "</paragraph>\n"
        "<paragraph><num>1.</num><content><p>\t<span class=\"italic\">Encourages </span>"
        "States;</p></content></paragraph>\n"
        "<paragraph><num>2.</num><list><intro><p>\t<span class=\"italic\">Invites</span> "
        "donors:</p></intro><point><num>(a)</num><content><p>To give;</p></content></point>"
        "</list></paragraph>\n"
        "</embeddedStructure>\n</p></content></paragraph>";
    resdex_doc_t *doc = NULL;
    parse_n(akn(ECOSOC_URI, "eng", "", body, ""), &doc, 2);
    const resdex_resolution_t *r = expect_carried_draft(doc);
    assert_int_equal(r->n_paragraphs, 5);
    assert_int_equal(para(r, 0)->kind, RESDEX_KIND_PREAMBULAR);
    assert_string_equal(para(r, 0)->text, "Recalling the Congress,");
    assert_string_equal(para(r, 0)->marks[0], "1");
    assert_int_equal(para(r, 1)->kind, RESDEX_KIND_PREAMBULAR); /* before paragraph 1 */
    assert_string_equal(para(r, 1)->verb, "Praising");
    assert_int_equal(para(r, 2)->kind, RESDEX_KIND_OPERATIVE);
    assert_int_equal(para(r, 2)->number, 1);
    assert_string_equal(para(r, 2)->verb, "Encourages");
    assert_int_equal(para(r, 3)->number, 2);
    assert_int_equal(para(r, 4)->number, 2);
    assert_string_equal(para(r, 4)->item, "a");
    /* The footnote goes with the draft's paragraph that carries it. */
    assert_non_null(resdex_resolution_footnote(r, "1"));
    assert_null(resdex_resolution_footnote(resdex_doc_get(doc, 0), "1"));
    resdex_doc_destroy(doc);
}

/* The same draft carried as a <component>: the same result. */
/* Footnotes split with the paragraphs: ECOSOC keeps those its own
 * paragraphs carry (its preamble's, its paragraph 1's), the draft takes its
 * own. */
static void
test_embedded_draft_footnotes(void **state)
{
    (void)state;
    const char *pre = "<container name=\"Recalling\"><p>\t<span class=\"italic\">Recalling</span> "
                      "its resolution,<authorialNote marker=\"1\"><p>E/2023/30.</p></authorialNote>"
                      "</p></container>";
    const char *body =
        "<paragraph><content><p xml:space=\"preserve\">\t<span class=\"italic\">Recommends"
        "</span> to the General Assembly the adoption of the following draft resolution:"
        "<authorialNote marker=\"3\"><p>Unused.</p></authorialNote>\n"
        "<embeddedStructure>\n"
        "<paragraph><num>1.</num><content><p>\t<span class=\"italic\">Encourages </span>"
        "States,<authorialNote marker=\"2\"><p>A/CONF.234/16.</p></authorialNote></p>"
        "</content></paragraph>\n"
        "</embeddedStructure>\n</p></content></paragraph>";
    resdex_doc_t *doc = NULL;
    parse_n(akn(ECOSOC_URI, "eng", pre, body, ""), &doc, 2);
    const resdex_resolution_t *e = resdex_doc_get(doc, 0), *d = resdex_doc_get(doc, 1);
    assert_int_equal(e->n_paragraphs, 2); /* pp1 and operative 1 */
    assert_non_null(resdex_resolution_footnote(e, "1"));
    assert_null(resdex_resolution_footnote(e, "2"));
    assert_non_null(resdex_resolution_footnote(e, "3"));
    assert_null(resdex_resolution_footnote(d, "3"));
    assert_int_equal(d->n_paragraphs, 1);
    assert_string_equal(d->paragraphs[0].marks[0], "2");
    assert_string_equal(resdex_resolution_footnote(d, "2")->text, "A/CONF.234/16.");
    assert_null(resdex_resolution_footnote(d, "1"));
    resdex_doc_destroy(doc);
}

static void
test_component_draft(void **state)
{
    (void)state;
    const char *body = "<paragraph><content><p>\t<span class=\"italic\">Recommends</span> to the "
                       "General Assembly the adoption of the following draft resolution:</p>"
                       "</content></paragraph>";
    const char *after =
        "<components><component><statement name=\"draft resolution\"><meta/>"
        "<preamble><formula><p><span class=\"italic\">The General Assembly</span>,</p></formula>"
        "<container name=\"Emphasizing\"><p>\t<span class=\"italic\">Emphasizing </span>the "
        "role,</p></container></preamble>"
        "<mainBody><paragraph><num>1.</num><content><p>\t<span class=\"italic\">Expresses its "
        "satisfaction </span>with the results;</p></content></paragraph></mainBody>"
        "<attachments><attachment><doc name=\"annex\"><mainBody><paragraph><content><p>Kyoto "
        "Declaration</p></content></paragraph></mainBody></doc></attachment></attachments>"
        "</statement></component></components>";
    resdex_doc_t *doc = NULL;
    parse_n(akn(ECOSOC_URI, "eng", "", body, after), &doc, 2);
    const resdex_resolution_t *r = expect_carried_draft(doc);
    assert_int_equal(r->n_paragraphs, 3);
    assert_int_equal(para(r, 0)->kind, RESDEX_KIND_PREAMBULAR);
    assert_string_equal(para(r, 0)->verb, "Emphasizing");
    assert_int_equal(para(r, 1)->kind, RESDEX_KIND_OPERATIVE);
    assert_int_equal(para(r, 1)->number, 1);
    assert_string_equal(para(r, 1)->verb, "Expresses its satisfaction");
    assert_int_equal(para(r, 2)->kind, RESDEX_KIND_OTHER); /* its annex */
    assert_string_equal(para(r, 2)->text, "Kyoto Declaration");
    resdex_doc_destroy(doc);
}

/* Slips of some language versions: a <num> alone in an empty paragraph
 * before its text; a number typed wrong between its neighbours; the
 * enacting formula inside the operative part. */
static void
test_markup_slips(void **state)
{
    (void)state;
    const char *body =
        "<paragraph><content><p><span class=\"bold italic\">\tThe Economic and Social "
        "Council</span></p></content></paragraph>\n"
        "<paragraph><num>1.</num><content><p xml:space=\"preserve\"></p></content></paragraph>"
        "<paragraph><content><p> <span class=\"italic\">Alienta </span>al Instituto</p>"
        "</content></paragraph>\n"
        "<paragraph><num>2.</num><content><p>two</p></content></paragraph>\n"
        "<paragraph><num>23.</num><content><p>three</p></content></paragraph>\n"
        "<paragraph><num>4.</num><content><p>four</p></content></paragraph>\n"
        "<paragraph><num>4.</num><content><p>five</p></content></paragraph>\n"
        "<paragraph><num>6.</num><content><p>six</p></content></paragraph>";
    resdex_doc_t *doc = NULL;
    const resdex_resolution_t *r = parse_ok(akn(GA_URI, "spa", "", body, ""), &doc);
    assert_int_equal(r->n_paragraphs, 6);
    for (size_t i = 0; i < 6; i++) {
        assert_int_equal(para(r, i)->kind, RESDEX_KIND_OPERATIVE);
        assert_int_equal(para(r, i)->number, (int)i + 1);
    }
    assert_string_equal(para(r, 0)->text, "Alienta al Instituto");
    assert_string_equal(para(r, 0)->verb, "Alienta");
    resdex_doc_destroy(doc);
}

/* A resolution of one unnumbered paragraph: operative, without number. */
static void
test_single_paragraph(void **state)
{
    (void)state;
    const char *body = "<paragraph><content><p>\t<span class=\"italic\">Adopts</span> the "
                       "political declaration.</p></content></paragraph>";
    resdex_doc_t *doc = NULL;
    const resdex_resolution_t *r = parse_ok(akn(GA_URI, "eng", "", body, ""), &doc);
    assert_int_equal(r->n_paragraphs, 1);
    assert_int_equal(para(r, 0)->kind, RESDEX_KIND_OPERATIVE);
    assert_int_equal(para(r, 0)->number, 0);
    assert_string_equal(para(r, 0)->verb, "Adopts");
    resdex_doc_destroy(doc);
}

/* Not well-formed: BAD_XML naming the file and the line; nothing printed by
 * libxml2 itself (stderr stays empty). */
static void
test_malformed(void **state)
{
    (void)state;
    const char *xml = "<akomaNtoso>\n<statement>\n<p>unclosed\n</statement>\n</akomaNtoso>\n";
    fflush(stderr);
    int saved = dup(2);
    char path[] = "/tmp/resdex-akn-stderr-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0 && saved >= 0);
    dup2(fd, 2);
    char *message = NULL;
    resdex_status_t st = parse_fail(xml, &message);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    off_t size = lseek(fd, 0, SEEK_END);
    close(fd);
    unlink(path);
    assert_int_equal(st, RESDEX_STATUS_BAD_XML);
    assert_non_null(message);
    assert_non_null(strstr(message, "frag.xml:4: malformed XML: "));
    assert_non_null(strstr(message, "mismatch"));
    assert_int_equal(size, 0);
    free(message);
}

/* Well-formed but not AKN: BAD_XML; AKN without a statement: no resolution. */
static void
test_not_akn(void **state)
{
    (void)state;
    char *message = NULL;
    assert_int_equal(parse_fail("<?xml version=\"1.0\"?>\n<html><body>x</body></html>", &message),
                     RESDEX_STATUS_BAD_XML);
    assert_non_null(strstr(message, "frag.xml:2: not an AKN4UN document"));
    free(message);
    message = NULL;
    assert_int_equal(parse_fail("<akomaNtoso><other/></akomaNtoso>", &message),
                     RESDEX_STATUS_NO_RESOLUTION);
    assert_non_null(strstr(message, "frag.xml"));
    free(message);
}

/* 100,000 nested elements: a clean error, not a stack overflow. */
static void
test_deep_nesting(void **state)
{
    (void)state;
    size_t depth = 100000;
    char *xml = malloc(depth * 7 + 64);
    char *p = xml;
    p += sprintf(p, "<akomaNtoso>");
    for (size_t i = 0; i < depth; i++)
        p += sprintf(p, "<a>");
    for (size_t i = 0; i < depth; i++)
        p += sprintf(p, "</a>");
    sprintf(p, "</akomaNtoso>");
    char *message = NULL;
    assert_int_equal(parse_fail(xml, &message), RESDEX_STATUS_BAD_XML);
    assert_non_null(strstr(message, "malformed XML"));
    free(message);
    free(xml);
}

/* Entities are never expanded: "billion laughs" stays small, an external
 * entity is not read. */
static void
test_entities(void **state)
{
    (void)state;
    const char *dtd =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE akomaNtoso [\n"
        "<!ENTITY lol \"lol\">\n"
        "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
        "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
        "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
        "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
        "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
        "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
        "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
        "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
        "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
        "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
        "]>\n";
    char *xml = NULL;
    assert_true(asprintf(&xml,
                         "%s<akomaNtoso><statement><meta><FRBRWork><FRBRthis value=\"%s\"/>"
                         "</FRBRWork></meta><mainBody><paragraph><num>1.</num><content><p>"
                         "Laughs &lol9; and &xxe; end</p></content></paragraph></mainBody>"
                         "</statement></akomaNtoso>",
                         dtd, GA_URI) > 0);
    resdex_doc_t *doc = NULL;
    char *message = NULL;
    resdex_status_t st = resdex_parse_buffer("frag.xml", xml, strlen(xml), &doc, &message);
    assert_true(st == RESDEX_STATUS_SUCCESS || st == RESDEX_STATUS_BAD_XML);
    if (st == RESDEX_STATUS_SUCCESS) {
        const resdex_resolution_t *r = resdex_doc_get(doc, 0);
        const char *text = para(r, 0)->text;
        assert_true(strlen(text) < 100);
        assert_null(strstr(text, "lollol"));
        assert_null(strstr(text, "root:"));
    }
    resdex_doc_destroy(doc);
    free(message);
    free(xml);
}

/* Content sniffing: XML is chosen by its first characters, not its name. */
static void
test_looks_like_xml(void **state)
{
    (void)state;
    static const struct {
        const char *data;
        int xml;
    } cases[] = {
        {"<?xml version=\"1.0\"?><akomaNtoso/>", 1},
        {"\n\t <akomaNtoso/>", 1},
        {"\xEF\xBB\xBF<akomaNtoso/>", 1},
        {"<!-- comment --><akomaNtoso/>", 1},
        {"2017/19. Title", 0},
        {"**2023 session**", 0},
        {"< not a tag", 0},
        {"", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_int_equal(akn_looks_like_xml(cases[i].data, strlen(cases[i].data)), cases[i].xml);
}

/* A file of tests/data/akn, parsed (the test fails when it does not parse). */
static resdex_doc_t *
parse_data(const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/data/akn/%s", TOP_SRCDIR, name);
    resdex_doc_t *doc = NULL;
    char *message = NULL;
    if (resdex_parse_file(path, &doc, &message) != RESDEX_STATUS_SUCCESS)
        fail_msg("%s", message);
    free(message);
    return doc;
}

/* The fuller examples beside this test parse as they say. */
static void
test_data_files(void **state)
{
    (void)state;
    resdex_doc_t *doc = parse_data("ga-80-229-fr.xml");
    const resdex_resolution_t *r = resdex_doc_get(doc, 0);
    assert_string_equal(r->symbol, "A/RES/80/229");
    assert_string_equal(r->lang, "fr");
    assert_string_equal(r->title, "Renforcement du programme");
    assert_int_equal(r->n_paragraphs, 5);
    assert_string_equal(para(r, 0)->verb, "Réaffirmant");
    assert_int_equal(para(r, 2)->number, 2);
    assert_string_equal(para(r, 3)->item, "a");
    assert_int_equal(para(r, 3)->number, 2);
    assert_int_equal(para(r, 4)->kind, RESDEX_KIND_OTHER);
    assert_true(para(r, 1)->line_first >= 20);
    resdex_doc_destroy(doc);
}

/* A documentCollection (multi-part resolution A/RES/75/101 A-B): each part a
 * resolution of its own, with its letter in its symbol and number, its own
 * title and paragraphs, and what the collection says about the whole. */
static void
test_collection(void **state)
{
    (void)state;
    resdex_doc_t *doc = parse_data("ga-75-101-en.xml");
    assert_int_equal(resdex_doc_count(doc), 2);
    const resdex_resolution_t *a = resdex_doc_get(doc, 0), *b = resdex_doc_get(doc, 1);
    assert_string_equal(a->symbol, "A/RES/75/101A");
    assert_string_equal(a->number, "75/101 A");
    assert_string_equal(b->symbol, "A/RES/75/101B");
    assert_string_equal(b->number, "75/101 B");
    assert_string_equal(a->title, "Information in the service of humanity");
    assert_string_equal(b->title, "United Nations global communications policies and activities");
    for (const resdex_resolution_t *r = a; r; r = r == a ? b : NULL) {
        assert_string_equal(r->body, "GA");
        assert_string_equal(r->date, "2020-12-10");
        assert_string_equal(r->lang, "en");
        assert_string_equal(r->session, "Seventy-fifth session");
        assert_string_equal(r->agenda_item, "56");
        assert_string_equal(r->recommended_by, "Fourth Committee");
        assert_string_equal(r->meeting, "37th plenary meeting");
    }
    /* Part A: a preambular paragraph with its footnote, one unnumbered
     * operative paragraph and its items. Part B numbers from 1 again. */
    assert_int_equal(a->n_paragraphs, 4);
    assert_int_equal(para(a, 0)->kind, RESDEX_KIND_PREAMBULAR);
    assert_int_equal(a->n_footnotes, 1);
    assert_int_equal(para(a, 1)->kind, RESDEX_KIND_OPERATIVE);
    assert_string_equal(para(a, 1)->verb, "Urges");
    assert_string_equal(para(a, 3)->item, "b");
    assert_int_equal(b->n_paragraphs, 3);
    assert_int_equal(para(b, 1)->number, 1);
    assert_string_equal(para(b, 1)->verb, "Reaffirms");
    assert_int_equal(para(b, 2)->number, 2);
    assert_int_equal(b->n_footnotes, 0);
    resdex_doc_destroy(doc);

    /* Parts that name no letter are lettered in order; the cover page's
     * "A/RES/77/264 A-C" stands for the whole when there is no URI. */
    const char *xml =
        "<akomaNtoso><documentCollection>"
        "<coverPage><p><docNumber refersTo=\"#symbol\">A/RES/77/264 A-C</docNumber></p>"
        "</coverPage><collectionBody>"
        "<component><statement><preface><p><docTitle>One</docTitle></p></preface>"
        "<mainBody><paragraph><num>1.</num><content><p><span class=\"italic\">Decides</span> "
        "one.</p></content></paragraph></mainBody></statement></component>"
        "<component><statement><preface><p><docTitle>Two</docTitle></p></preface>"
        "<mainBody><paragraph><num>1.</num><content><p><span class=\"italic\">Decides</span> "
        "two.</p></content></paragraph></mainBody></statement></component>"
        "</collectionBody></documentCollection></akomaNtoso>";
    doc = NULL;
    char *message = NULL;
    assert_int_equal(resdex_parse_buffer("frag.xml", xml, strlen(xml), &doc, &message),
                     RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_doc_count(doc), 2);
    assert_string_equal(resdex_doc_get(doc, 0)->symbol, "A/RES/77/264A");
    assert_string_equal(resdex_doc_get(doc, 1)->symbol, "A/RES/77/264B");
    assert_string_equal(resdex_doc_get(doc, 1)->title, "Two");
    resdex_doc_destroy(doc);

    /* Components that are resolutions of their own (their own FRBR URI)
     * keep their symbols: no part letter. */
    xml = "<akomaNtoso><documentCollection><collectionBody>"
          "<component><statement><meta><identification><FRBRWork><FRBRthis "
          "value=\"/akn/un/statement/deliberation/unga/2020-12-10/75-102/!main/\"/>"
          "</FRBRWork></identification></meta>"
          "<mainBody><paragraph><num>1.</num><content><p><span class=\"italic\">Decides</span> "
          "one.</p></content></paragraph></mainBody></statement></component>"
          "</collectionBody></documentCollection></akomaNtoso>";
    doc = NULL;
    assert_int_equal(resdex_parse_buffer("frag.xml", xml, strlen(xml), &doc, &message),
                     RESDEX_STATUS_SUCCESS);
    assert_string_equal(resdex_doc_get(doc, 0)->symbol, "A/RES/75/102");
    resdex_doc_destroy(doc);

    /* A collection with no statement in it: no resolution, said so. */
    message = NULL;
    assert_int_equal(parse_fail("<akomaNtoso><documentCollection><collectionBody/>"
                                "</documentCollection></akomaNtoso>",
                                &message),
                     RESDEX_STATUS_NO_RESOLUTION);
    assert_non_null(strstr(message, "documentCollection"));
    free(message);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_metadata),         cmocka_unit_test(test_symbols_and_languages),
        cmocka_unit_test(test_preamble),         cmocka_unit_test(test_operative_numbers),
        cmocka_unit_test(test_sub_items),        cmocka_unit_test(test_footnotes),
        cmocka_unit_test(test_citations),        cmocka_unit_test(test_annex),
        cmocka_unit_test(test_embedded_draft),   cmocka_unit_test(test_embedded_draft_footnotes),
        cmocka_unit_test(test_component_draft),  cmocka_unit_test(test_markup_slips),
        cmocka_unit_test(test_single_paragraph), cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_not_akn),          cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_entities),         cmocka_unit_test(test_looks_like_xml),
        cmocka_unit_test(test_data_files),       cmocka_unit_test(test_collection),
    };
    return cmocka_run_group_tests_name("akn", tests, NULL, NULL);
}
