/* test_text.c - the text reader (lib/text.c and its helpers) on small
 * hand-written texts: one rule per test, and the bad inputs. */
#include "testutil.h"
#include "resdex.h"

static resdex_doc_t *
parse_named(const char *name, const char *text)
{
    resdex_doc_t *doc = NULL;
    char *msg = NULL;
    resdex_status_t st = resdex_parse_buffer(name, text, strlen(text), &doc, &msg);
    if (st != RESDEX_STATUS_SUCCESS)
        fail_msg("parse failed: %s", msg ? msg : resdex_status_to_string(st));
    free(msg);
    return doc;
}

static resdex_doc_t *
parse(const char *text)
{
    return parse_named("t.txt", text);
}

/* Parsing must fail with st; returns the message (caller frees). */
static char *
parse_fails(const char *name, const char *text, size_t len, resdex_status_t st)
{
    resdex_doc_t *doc = NULL;
    char *msg = NULL;
    assert_int_equal(resdex_parse_buffer(name, text, len, &doc, &msg), st);
    assert_null(doc);
    assert_non_null(msg);
    return msg;
}

static const resdex_paragraph_t *
par(const resdex_resolution_t *r, size_t i)
{
    if (i >= r->n_paragraphs)
        fail_msg("paragraph %zu of %zu", i, r->n_paragraphs);
    return &r->paragraphs[i];
}

static void
assert_marks(const resdex_paragraph_t *p, const char *expect)
{
    char got[256] = "";
    for (size_t i = 0; i < p->n_marks; i++) {
        if (i)
            strcat(got, ",");
        strncat(got, p->marks[i], sizeof got - strlen(got) - 2);
    }
    assert_string_equal(got, expect);
}

static void
assert_cites(const resdex_paragraph_t *p, const char *expect)
{
    char got[512] = "";
    for (size_t i = 0; i < p->n_cites; i++) {
        if (i)
            strcat(got, " ");
        strncat(got, p->cites[i], sizeof got - strlen(got) - 2);
    }
    assert_string_equal(got, expect);
}

static const char *
note(const resdex_resolution_t *r, const char *mark)
{
    const resdex_footnote_t *f = resdex_resolution_footnote(r, mark);
    return f ? f->text : "(none)";
}

/* An ECOSOC resolution as converted from the PDF. */
static const char ecosoc[] =
    "\n\nEconomic and Social Council\n\nDistr.: General\n18 August 2017\n\n2017 session\n\n"
    "Agenda item 19 (c)\n\n"
    "Resolution adopted by the Economic and Social Council on 6 July 2017\n\n"
    "[on the recommendation of the Commission on Crime Prevention\n"
    "and Criminal Justice (E/2017/30)]\n\n"
    "2017/19. Promoting alternatives to imprisonment\n\n"
    "The Economic and Social Council,\n\n"
    "Recalling the Universal Declaration of Human Rights,\u00b9 the Covenant,\u00b2\u00b3 and "
    "other instruments,\n\n"
    "- *Recalling also* the Doha Declaration,\u2074\n\n"
    "Bearing in mind also the basic principles,\n\n"
    "1. *Encourages* Member States to promote alternatives;\n\n"
    "2. *Expresses its appreciation* to donors, as in the Declaration;\u00b9\n\n"
    "\u00b9 General Assembly resolution [217 A \\(III\\)](#).\n\n"
    "\u00b2 United Nations, *Treaty Series*, vol. 999.\n\n"
    "\u00b2\u00b3 General Assembly resolution [65/229](#), annex.\n\n"
    "\u2074 General Assembly resolution 70/174, annex.\n\n"
    "3. *Requests* the Office to report.\n\n"
    "*40th plenary meeting\n6 July 2017*\n";

static void
test_context(void **state)
{
    (void)state;
    resdex_doc_t *doc = parse_named("dir/ecosoc.txt", ecosoc);
    assert_int_equal(resdex_doc_count(doc), 1);
    const resdex_resolution_t *r = resdex_doc_get(doc, 0);
    assert_string_equal(r->symbol, "E/RES/2017/19");
    assert_string_equal(r->number, "2017/19");
    assert_string_equal(r->body, "ECOSOC");
    assert_string_equal(r->doc_type, "resolution");
    assert_string_equal(r->title, "Promoting alternatives to imprisonment");
    assert_string_equal(r->date, "2017-07-06");
    assert_string_equal(r->session, "2017 session");
    assert_string_equal(r->agenda_item, "19 (c)");
    assert_string_equal(r->meeting, "40th plenary meeting");
    assert_string_equal(r->recommended_by, "CCPCJ");
    assert_null(r->recommends_to);
    assert_string_equal(r->lang, "en");
    assert_string_equal(r->source, "dir/ecosoc.txt");
    resdex_doc_destroy(doc);
}

static void
test_kinds_and_verbs(void **state)
{
    (void)state;
    resdex_doc_t *doc = parse(ecosoc);
    const resdex_resolution_t *r = resdex_doc_get(doc, 0);
    assert_int_equal(r->n_paragraphs, 7);
    assert_int_equal(par(r, 0)->kind, RESDEX_KIND_OTHER);
    assert_string_equal(par(r, 0)->text, "The Economic and Social Council,");
    assert_int_equal(par(r, 1)->kind, RESDEX_KIND_PREAMBULAR);
    assert_string_equal(par(r, 1)->verb, "Recalling");
    assert_int_equal(par(r, 1)->number, 0);
    /* "- *Recalling also*": a list marker and italics around the verb */
    assert_int_equal(par(r, 2)->kind, RESDEX_KIND_PREAMBULAR);
    assert_string_equal(par(r, 2)->verb, "Recalling also");
    assert_string_equal(par(r, 2)->text, "Recalling also the Doha Declaration,");
    assert_string_equal(par(r, 3)->verb, "Bearing in mind also");
    assert_int_equal(par(r, 4)->kind, RESDEX_KIND_OPERATIVE);
    assert_int_equal(par(r, 4)->number, 1);
    assert_null(par(r, 4)->item);
    assert_string_equal(par(r, 4)->verb, "Encourages");
    assert_string_equal(par(r, 4)->text, "Encourages Member States to promote alternatives;");
    assert_string_equal(par(r, 5)->verb, "Expresses its appreciation");
    assert_int_equal(par(r, 6)->number, 3);
    assert_string_equal(par(r, 6)->text, "Requests the Office to report.");
    resdex_doc_destroy(doc);
}

static void
test_superscript_marks(void **state)
{
    (void)state;
    resdex_doc_t *doc = parse(ecosoc);
    const resdex_resolution_t *r = resdex_doc_get(doc, 0);
    const resdex_paragraph_t *p = par(r, 1);
    /* "²³" is one mark, 23, not 2 and 3. */
    assert_string_equal(p->text, "Recalling the Universal Declaration of Human Rights, the "
                                 "Covenant, and other instruments,");
    assert_marks(p, "1,23");
    assert_cites(p, "A/RES/217(III) A/RES/65/229");
    assert_marks(par(r, 2), "4");
    assert_cites(par(r, 2), "A/RES/70/174");
    /* A mark used again later links to the same note. */
    assert_marks(par(r, 5), "1");
    assert_cites(par(r, 5), "A/RES/217(III)");
    /* Footnote text: links and italics removed; all notes kept, by mark. */
    assert_int_equal(r->n_footnotes, 4);
    assert_string_equal(r->footnotes[0].mark, "1");
    assert_string_equal(r->footnotes[1].mark, "2");
    assert_string_equal(r->footnotes[2].mark, "4");
    assert_string_equal(r->footnotes[3].mark, "23");
    assert_string_equal(note(r, "1"), "General Assembly resolution 217 A (III).");
    assert_string_equal(note(r, "2"), "United Nations, Treaty Series, vol. 999.");
    assert_string_equal(note(r, "23"), "General Assembly resolution 65/229, annex.");
    resdex_doc_destroy(doc);
}

/* Resolution with markdown footnote markers and bare-digit markers. */
static void
test_markdown_and_bare_marks(void **state)
{
    (void)state;
    resdex_doc_t *doc = parse("2020/5. Title\n\n"
                              "Recalling the Declaration adopted in 2000,1 and the Rules,[2](#fn2) "
                              "and the Guidelines,[^3] and paragraph 5.2, 1,000 persons, "
                              "document A/70/1/Add.1 and goal 16,\n\n"
                              "1. Decides to act.\n\n"
                              "1 General Assembly resolution 55/2.\n\n"
                              "[^2]: General Assembly resolution 65/229.\n\n"
                              "[^3]: Resolution 2002/12, annex.\n");
    const resdex_resolution_t *r = resdex_doc_get(doc, 0);
    const resdex_paragraph_t *p = par(r, 0);
    assert_string_equal(p->text,
                        "Recalling the Declaration adopted in 2000, and the Rules, and the "
                        "Guidelines, and paragraph 5.2, 1,000 persons, document "
                        "A/70/1/Add.1 and goal 16,");
    assert_marks(p, "1,2,3");
    assert_cites(p, "A/70/1/Add.1 A/RES/55/2 A/RES/65/229 E/RES/2002/12");
    assert_string_equal(note(r, "1"), "General Assembly resolution 55/2.");
    assert_int_equal(r->n_footnotes, 3);
    resdex_doc_destroy(doc);
}

/* A bare number after punctuation with no such footnote stays in the text. */
static void
test_bare_digits_without_note(void **state)
{
    (void)state;
    resdex_doc_t *doc = parse("2020/5. Title\n\nRecalling the year 2000,1 and more,\n");
    const resdex_resolution_t *r = resdex_doc_get(doc, 0);
    assert_string_equal(par(r, 0)->text, "Recalling the year 2000,1 and more,");
    assert_int_equal(par(r, 0)->n_marks, 0);
    resdex_doc_destroy(doc);
}

/* Paragraphs split by a page break or by a footnote block are rejoined,
 * and page furniture never lands inside them. */
static void
test_rejoin_and_furniture(void **state)
{
    (void)state;
    resdex_doc_t *doc = parse("2017/19. Title\n\n"
                              "The Economic and Social Council,\n\n"
                              "Mindful of the Rules for the Treatment of\n\n"
                              "\u00b9 General Assembly resolution 45/110, annex.\n\n"
                              "17-13941 (E)\n\n*1713941*\n\nE/RES/2017/19\n\n\f\n"
                              "Women Prisoners (the Bangkok Rules),\u00b9\n\n"
                              "Noting that the Declaration,\n\n"
                              "\u00b2 See E/CN.15/2017/11.\n\n"
                              "as reflected in the report,\u00b2\n\n"
                              "8. *Requests* the Office to continue research on\n\n"
                              "3/9 17-13941\n\nPage 4\n\n"
                              "relevant policies;\n\n"
                              "Continuous support for the Office\n\n"
                              "9. *Invites* donors.\n");
    const resdex_resolution_t *r = resdex_doc_get(doc, 0);
    assert_int_equal(r->n_paragraphs, 6);
    assert_string_equal(par(r, 1)->text,
                        "Mindful of the Rules for the Treatment of Women Prisoners "
                        "(the Bangkok Rules),");
    assert_marks(par(r, 1), "1");
    assert_cites(par(r, 1), "A/RES/45/110");
    assert_string_equal(par(r, 2)->text,
                        "Noting that the Declaration, as reflected in the report,");
    assert_cites(par(r, 2), "E/CN.15/2017/11");
    assert_string_equal(par(r, 3)->text,
                        "Requests the Office to continue research on relevant policies;");
    assert_int_equal(par(r, 3)->line_first, 24);
    assert_int_equal(par(r, 3)->line_last, 30);
    /* A heading among operative paragraphs: kind other, not joined. */
    assert_int_equal(par(r, 4)->kind, RESDEX_KIND_OTHER);
    assert_string_equal(par(r, 4)->text, "Continuous support for the Office");
    assert_int_equal(par(r, 5)->number, 9);
    resdex_doc_destroy(doc);
}

/* The same text hard-wrapped, with CRLF line ends, parses the same. */
static const char unwrapped[] =
    "2017/19. Promoting alternatives to imprisonment as part of policies\n\n"
    "The Economic and Social Council,\n\n"
    "Recalling the purposes and principles of the Charter of the United Nations, the "
    "Universal Declaration of Human Rights,\u00b9 and other instruments,\n\n"
    "Bearing in mind the principle of non-custodial measures,\n\n"
    "1. *Encourages* Member States to promote alternatives to imprisonment, from the "
    "pretrial stage to the post-sentencing stage;\n\n"
    "(a) Taking into account the background of offenders;\n\n"
    "2. *Calls upon* Member States to cooperate.\n\n"
    "\u00b9 General Assembly resolution 217 A (III).\n";

static const char wrapped[] =
    "2017/19. Promoting alternatives to imprisonment as part\r\nof policies\r\n\r\n"
    "The Economic and Social Council,\r\n\r\n"
    "Recalling the purposes and principles of the Charter of the United\r\n"
    "Nations, the Universal Declaration of Human Rights,\u00b9 and other\r\n"
    "instruments,\r\n"
    "Bearing in mind the principle of non-\r\ncustodial measures,\r\n\r\n"
    "1. *Encourages* Member States to promote alternatives to\r\n"
    "imprisonment, from the pretrial stage to the post-sentencing stage;\r\n"
    "(a) Taking into account the background of offenders;\r\n"
    "2. *Calls upon* Member States to cooperate.\r\n\r\n"
    "\u00b9 General Assembly resolution\r\n217 A (III).\r\n";

static void
assert_same_doc(const resdex_doc_t *a, const resdex_doc_t *b)
{
    assert_int_equal(resdex_doc_count(a), resdex_doc_count(b));
    const resdex_resolution_t *ra = resdex_doc_get(a, 0), *rb = resdex_doc_get(b, 0);
    assert_string_equal(ra->title, rb->title);
    assert_int_equal(ra->n_paragraphs, rb->n_paragraphs);
    for (size_t i = 0; i < ra->n_paragraphs; i++) {
        const resdex_paragraph_t *pa = par(ra, i), *pb = par(rb, i);
        assert_int_equal(pa->kind, pb->kind);
        assert_int_equal(pa->number, pb->number);
        assert_string_equal(pa->text, pb->text);
        assert_true((pa->verb == NULL) == (pb->verb == NULL));
        if (pa->verb)
            assert_string_equal(pa->verb, pb->verb);
        assert_true((pa->item == NULL) == (pb->item == NULL));
        assert_int_equal(pa->n_marks, pb->n_marks);
        assert_int_equal(pa->n_cites, pb->n_cites);
    }
    assert_int_equal(ra->n_footnotes, rb->n_footnotes);
    for (size_t i = 0; i < ra->n_footnotes; i++)
        assert_string_equal(ra->footnotes[i].text, rb->footnotes[i].text);
}

static void
test_wrapped_and_crlf(void **state)
{
    (void)state;
    resdex_doc_t *a = parse(unwrapped);
    resdex_doc_t *b = parse(wrapped);
    const resdex_resolution_t *r = resdex_doc_get(a, 0);
    assert_int_equal(r->n_paragraphs, 6);
    assert_string_equal(par(r, 4)->item, "a");
    assert_int_equal(par(r, 4)->number, 1);
    assert_string_equal(resdex_doc_get(b, 0)->paragraphs[2].text,
                        "Bearing in mind the principle of non-custodial measures,");
    assert_same_doc(a, b);
    resdex_doc_destroy(a);
    resdex_doc_destroy(b);
}

/* A database extract: no body line, tags under paragraphs, a gap in the
 * numbering, no-break spaces; the Commission from the file name. */
static void
test_tags_and_gaps(void **state)
{
    (void)state;
    resdex_doc_t *doc = parse_named("extracts/cnd-55-12.txt",
                                    "Resolution 55/12. Alternatives to imprisonment\n\n"
                                    "Recalling that the conventions establish measures\n"
                                    "  \u2022 Flexibilities in the UN drug conventions\n"
                                    "  \u2022 Alternatives to punishment\n\n"
                                    "1.\u00a0Encourages\u00a0Member States to consider treatment;\n"
                                    "  \u2022 Alternatives to punishment\n\n"
                                    "4.\u00a0Invites Member States to consider approaches;\n\n"
                                    "View document");
    const resdex_resolution_t *r = resdex_doc_get(doc, 0);
    assert_string_equal(r->symbol, "E/CN.7/RES/55/12");
    assert_string_equal(r->body, "CND");
    assert_null(r->date);
    assert_int_equal(r->n_paragraphs, 3);
    const resdex_paragraph_t *p = par(r, 0);
    assert_string_equal(p->text, "Recalling that the conventions establish measures");
    assert_int_equal(p->n_tags, 2);
    assert_string_equal(p->tags[0], "Flexibilities in the UN drug conventions");
    assert_string_equal(p->tags[1], "Alternatives to punishment");
    assert_int_equal(par(r, 1)->number, 1);
    assert_string_equal(par(r, 1)->verb, "Encourages");
    assert_int_equal(par(r, 1)->n_tags, 1);
    assert_int_equal(par(r, 2)->number, 4);
    assert_int_equal(par(r, 2)->n_tags, 0);
    resdex_doc_destroy(doc);

    /* Without a telling name, the subject decides: crime, so the CCPCJ. */
    doc = parse("Resolution 25/2. Title\n\nRecalling criminal justice reform,\n");
    assert_string_equal(resdex_doc_get(doc, 0)->symbol, "E/CN.15/RES/25/2");
    resdex_doc_destroy(doc);
}

/* An ECOSOC resolution carrying a draft for the General Assembly. */
static void
test_recommended_draft(void **state)
{
    (void)state;
    resdex_doc_t *doc =
        parse("**2023 session**\n\nAgenda item 19 (c)\n\n"
              "**Social questions****Resolution adopted by the Economic and Social Council\n"
              "on 25 July 2023**\n\n"
              "2023/24. Reducing reoffending\n\n"
              "The Economic and Social Council\n\n"
              "Recommends to the General Assembly the adoption of the following draft "
              "resolution:\n\n"
              "The General Assembly,\n\n"
              "Recalling its resolution 77/232 of 15 December 2022,\n\n"
              "1. *Encourages* Member States to act;\n\n"
              "*43rd plenary meeting\n25 July 2023*\n");
    /* ECOSOC's resolution (the formula and its operative paragraph 1,
     * "Recommends ..."), then the draft, a resolution of its own. */
    assert_int_equal(resdex_doc_count(doc), 2);
    const resdex_resolution_t *r = resdex_doc_get(doc, 0);
    assert_string_equal(r->symbol, "E/RES/2023/24");
    assert_string_equal(r->body, "ECOSOC");
    assert_string_equal(r->recommends_to, "GA");
    assert_string_equal(r->date, "2023-07-25");
    assert_string_equal(r->session, "2023 session");
    assert_string_equal(r->meeting, "43rd plenary meeting");
    assert_int_equal(r->n_paragraphs, 2);
    assert_int_equal(par(r, 0)->kind, RESDEX_KIND_OTHER);
    assert_int_equal(par(r, 1)->kind, RESDEX_KIND_OPERATIVE);
    assert_int_equal(par(r, 1)->number, 1);
    assert_string_equal(par(r, 1)->verb, "Recommends");
    const resdex_resolution_t *d = resdex_doc_get(doc, 1);
    assert_string_equal(d->symbol, "E/RES/2023/24/DR");
    assert_string_equal(d->body, "GA");
    assert_string_equal(d->doc_type, "draft resolution");
    assert_string_equal(d->recommended_by, "ECOSOC");
    assert_string_equal(d->title, "Reducing reoffending");
    assert_string_equal(d->session, "2023 session");
    assert_null(d->date);
    assert_null(d->meeting);
    assert_int_equal(d->n_paragraphs, 3);
    assert_int_equal(par(d, 0)->kind, RESDEX_KIND_OTHER); /* "The General Assembly," */
    assert_int_equal(par(d, 1)->kind, RESDEX_KIND_PREAMBULAR);
    /* "its" is the General Assembly's, whose draft this is. */
    assert_cites(par(d, 1), "A/RES/77/232");
    assert_int_equal(par(d, 2)->kind, RESDEX_KIND_OPERATIVE);
    assert_int_equal(par(d, 2)->number, 1);
    assert_string_equal(par(d, 2)->verb, "Encourages");
    resdex_doc_destroy(doc);
}

/* A session report: several resolutions, report paragraphs outside them,
 * agenda lists, lettered decision paragraphs, footnote numbering that runs
 * across resolutions. */
static const char report[] =
    "Chapter I\n\nMatters calling for action\n\n"
    "A. Draft resolutions to be recommended by the Economic and Social Council for adoption "
    "by the General Assembly\n\n"
    "1. The Commission on Crime Prevention and Criminal Justice recommends the following draft "
    "resolutions:\n\n"
    "Draft resolution I\n\nFollow-up to the Congress\n\n"
    "The General Assembly,\n\n"
    "Recalling its resolution 56/119,\u00b9\n\n"
    "1. *Approves* the following provisional agenda:\n\n"
    "1. Opening of the Congress.\n2. Organizational matters:\n - (a) Terrorism;\n"
    "3. Adoption of the report.\n\n"
    "2. *Decides* that the following issues shall be considered:\n\n"
    "- (a) Crime prevention;\n- (b) Reoffending.\n\n"
    "\u00b9 General Assembly resolution 46/152, annex.\n\n"
    "C. Draft decisions for adoption by the Economic and Social Council\n\n"
    "3. The Commission recommends the adoption of the following draft decisions:\n\n"
    "Draft decision I\n\nThe governance of the Office\n\n"
    "The Economic and Social Council, recalling its decision 2015/234:\n\n"
    "(a) Reaffirms the efficiency of the working group;\u00b2\n\n"
    "(b) Also reaffirms the role of the Commission on Narcotic Drugs;\n\n"
    "\u00b2 Commission on Crime Prevention and Criminal Justice resolution 18/3.\n\n"
    "Draft decision II\n\nAppointment of members\n\n"
    "4. The Economic and Social Council decides to endorse the reappointment of two members.\n\n"
    "D. Matters brought to the attention of the Economic and Social Council\n\n"
    "5. The following resolutions adopted by the Commission are brought to the attention of "
    "the Council:\n\n"
    "Resolution 26/1\n\nImproving the governance\n\n"
    "The Commission on Crime Prevention and Criminal Justice,\n\n"
    "Recalling its resolution 18/3,\n\n"
    "1. *Takes note* of the report of the Commission on Crime Prevention and Criminal Justice "
    "on its twenty-sixth session;\u00b9\n\n"
    "Decision 26/1\n\n**Report of the Board of Trustees**\n\n"
    "6. At its 9th meeting, the Commission took note of the report.\n";

static void
test_report(void **state)
{
    (void)state;
    resdex_doc_t *doc = parse_named("reports/ccpcj-26.txt", report);
    assert_int_equal(resdex_doc_count(doc), 5);

    const resdex_resolution_t *r = resdex_doc_get(doc, 0);
    /* The report's symbol, from the Commission's session (26th: 2017). */
    assert_string_equal(r->symbol, "E/2017/30/DR.A.I");
    assert_string_equal(r->number, "I");
    assert_string_equal(r->doc_type, "draft resolution");
    assert_string_equal(r->body, "GA");
    assert_string_equal(r->recommended_by, "CCPCJ");
    assert_string_equal(r->title, "Follow-up to the Congress");
    assert_int_equal(r->n_paragraphs, 10);
    assert_int_equal(par(r, 0)->kind, RESDEX_KIND_OTHER); /* The General Assembly, */
    assert_marks(par(r, 1), "1");
    assert_cites(par(r, 1), "A/RES/56/119 A/RES/46/152");
    assert_int_equal(par(r, 2)->number, 1);
    /* The agenda list: kind other, numbers kept in the text. */
    for (size_t i = 3; i <= 6; i++) {
        assert_int_equal(par(r, i)->kind, RESDEX_KIND_OTHER);
        assert_int_equal(par(r, i)->number, 0);
    }
    assert_string_equal(par(r, 3)->text, "1. Opening of the Congress.");
    assert_string_equal(par(r, 5)->text, "(a) Terrorism;");
    assert_int_equal(par(r, 7)->number, 2);
    assert_string_equal(par(r, 8)->item, "a");
    assert_int_equal(par(r, 8)->number, 2);
    assert_int_equal(par(r, 8)->kind, RESDEX_KIND_OPERATIVE);
    assert_string_equal(par(r, 9)->text, "Reoffending.");

    r = resdex_doc_get(doc, 1);
    assert_string_equal(r->symbol, "E/2017/30/DD.C.I");
    assert_string_equal(r->doc_type, "draft decision");
    assert_string_equal(r->body, "ECOSOC");
    assert_int_equal(r->n_paragraphs, 3);
    assert_int_equal(par(r, 0)->kind, RESDEX_KIND_PREAMBULAR);
    assert_string_equal(par(r, 0)->verb, "recalling");
    assert_cites(par(r, 0), "E/DEC/2015/234");
    assert_int_equal(par(r, 1)->kind, RESDEX_KIND_OPERATIVE);
    assert_int_equal(par(r, 1)->number, 0);
    assert_string_equal(par(r, 1)->item, "a");
    assert_string_equal(par(r, 1)->verb, "Reaffirms");
    assert_cites(par(r, 1), "E/CN.15/RES/18/3");
    assert_string_equal(par(r, 2)->verb, "Also reaffirms");

    r = resdex_doc_get(doc, 2);
    assert_string_equal(r->symbol, "E/2017/30/DD.C.II");
    assert_int_equal(r->n_paragraphs, 1);
    assert_int_equal(par(r, 0)->kind, RESDEX_KIND_OPERATIVE);
    assert_int_equal(par(r, 0)->number, 0);
    assert_string_equal(par(r, 0)->verb, "decides");
    assert_string_equal(par(r, 0)->text, "The Economic and Social Council decides to endorse the "
                                         "reappointment of two members.");

    r = resdex_doc_get(doc, 3);
    assert_string_equal(r->symbol, "E/CN.15/RES/26/1");
    assert_string_equal(r->body, "CCPCJ");
    assert_string_equal(r->doc_type, "resolution");
    assert_string_equal(r->session, "twenty-sixth session");
    assert_null(r->recommended_by);
    assert_cites(par(r, 1), "E/CN.15/RES/18/3");
    /* Mark 1 again: this resolution's own note 1 is the one printed before
     * it, in draft resolution I (numbering restarts are linked nearest). */
    assert_marks(par(r, 2), "1");

    r = resdex_doc_get(doc, 4);
    assert_string_equal(r->symbol, "E/CN.15/DEC/26/1");
    assert_string_equal(r->doc_type, "decision");
    assert_string_equal(r->title, "Report of the Board of Trustees");
    assert_int_equal(r->n_paragraphs, 1);
    assert_int_equal(par(r, 0)->kind, RESDEX_KIND_OPERATIVE);
    assert_int_equal(par(r, 0)->number, 0);
    resdex_doc_destroy(doc);
}

/* Without the Commission's session the report's symbol comes from the
 * file name. */
static void
test_report_symbol_from_name(void **state)
{
    (void)state;
    resdex_doc_t *doc = parse_named("x/my-report.txt.gz", "Draft resolution II\n\nA title\n\n"
                                                          "The General Assembly,\n\n"
                                                          "1. *Decides* to act.\n");
    const resdex_resolution_t *r = resdex_doc_get(doc, 0);
    assert_string_equal(r->symbol, "my-report/DR.II");
    assert_string_equal(r->body, "GA");
    resdex_doc_destroy(doc);
}

static void
test_no_resolution(void **state)
{
    (void)state;
    const char *text = "Chapter I\n\nSome report text without any resolution.\n\n1. A paragraph.\n";
    char *msg = parse_fails("notes/plain.txt", text, strlen(text), RESDEX_STATUS_NO_RESOLUTION);
    assert_non_null(strstr(msg, "notes/plain.txt"));
    free(msg);
    msg = parse_fails("empty.txt", "\n \n", 3, RESDEX_STATUS_NO_RESOLUTION);
    assert_non_null(strstr(msg, "empty.txt"));
    free(msg);
}

static void
test_overlong_line(void **state)
{
    (void)state;
    size_t len = RESDEX_MAX_LINE_BYTES + 100;
    char *text = malloc(len + 64);
    assert_non_null(text);
    strcpy(text, "2017/19. Title\n\nRecalling ");
    size_t k = strlen(text);
    memset(text + k, 'a', len);
    text[k + len] = '\0';
    char *msg = parse_fails("big.txt", text, k + len, RESDEX_STATUS_TOO_LARGE);
    assert_non_null(strstr(msg, "big.txt:3:"));
    free(msg);
    free(text);
}

static void
test_invalid_utf8(void **state)
{
    (void)state;
    const char text[] = "2017/19. Title\n\nRecalling \xC3\x28 the past,\n";
    char *msg = parse_fails("bad.txt", text, sizeof text - 1, RESDEX_STATUS_BAD_UTF8);
    assert_non_null(strstr(msg, "bad.txt:3:"));
    free(msg);
}

/* Hostile input: many unmatched brackets, superscripts and lines; must
 * finish quickly (linear) and keep marks to three digits. */
static void
test_hostile_input(void **state)
{
    (void)state;
    size_t n = 200000;
    char *text = malloc(n * 12 + 64);
    assert_non_null(text);
    strcpy(text, "2017/19. Title\n\nRecalling ");
    size_t k = strlen(text);
    for (size_t i = 0; i < n; i++) {
        const char *piece = i % 3 == 0 ? "[" : i % 3 == 1 ? "\u00b9\u00b2\u00b3\u2074 " : "x\n";
        size_t m = strlen(piece);
        memcpy(text + k, piece, m);
        k += m;
    }
    text[k] = '\0';
    resdex_doc_t *doc = NULL;
    char *msg = NULL;
    assert_int_equal(resdex_parse_buffer("hostile.txt", text, k, &doc, &msg), 0);
    const resdex_resolution_t *r = resdex_doc_get(doc, 0);
    assert_true(r->n_paragraphs >= 1);
    assert_int_equal(r->paragraphs[0].n_marks, 0); /* "1234" is not a mark */
    resdex_doc_destroy(doc);
    free(msg);
    free(text);
}

static void
test_language(void **state)
{
    (void)state;
    resdex_doc_t *doc = parse("2017/19. Titre\n\nRappelant les principes et les buts des "
                              "Nations Unies et des droits de l'homme,\n\n"
                              "1. Encourage les États Membres et les organisations,\n");
    assert_string_equal(resdex_doc_get(doc, 0)->lang, "fr");
    resdex_doc_destroy(doc);
}

/* A Security Council resolution as the Resolutions and Decisions volumes
 * print it: the subject heading above it is its title, "Resolution 638
 * (1989)" and "of 31 July 1989" its number and date, the closing "Adopted
 * ... at the Nth meeting." its meeting, with the footnote whose number
 * stands alone on the next line. */
static void
test_security_council(void **state)
{
    (void)state;
    resdex_doc_t *doc = parse("HOSTAGE-TAKING\n\n"
                              "Resolution 638 (1989)\nof 31 July 1989\n\n"
                              "The Security Council,\n\n"
                              "Deeply disturbed by the prevalence of incidents of\n"
                              "hostage-taking,\n"
                              "Recalling its resolution 579 (1985),\n"
                              "1. Condemns unequivocally all acts of hostage-taking;\n"
                              "2. Demands the immediate safe release of all\nhostages.\n\n"
                              "Adopted at the 2nd meeting.\n"
                              "1\n\n"
                              "1 See the statement of 17 December 1985 (S/17702).\n");
    assert_int_equal(resdex_doc_count(doc), 1);
    const resdex_resolution_t *r = resdex_doc_get(doc, 0);
    assert_string_equal(r->symbol, "S/RES/638(1989)");
    assert_string_equal(r->number, "638 (1989)");
    assert_string_equal(r->body, "SC");
    assert_string_equal(r->title, "HOSTAGE-TAKING");
    assert_string_equal(r->date, "1989-07-31");
    assert_string_equal(r->meeting, "2nd meeting");
    assert_int_equal(r->n_paragraphs, 5);
    assert_int_equal(par(r, 1)->kind, RESDEX_KIND_PREAMBULAR);
    assert_string_equal(par(r, 1)->text,
                        "Deeply disturbed by the prevalence of incidents of hostage-taking,");
    assert_int_equal(par(r, 2)->kind, RESDEX_KIND_PREAMBULAR);
    assert_cites(par(r, 2), "S/RES/579(1985)"); /* "its": the Council's */
    assert_int_equal(par(r, 4)->number, 2);
    assert_string_equal(par(r, 4)->verb, "Demands");
    assert_string_equal(par(r, 4)->text, "Demands the immediate safe release of all hostages.");
    assert_int_equal(r->n_footnotes, 1);
    assert_string_equal(r->footnotes[0].mark, "1");
    assert_string_equal(r->footnotes[0].text, "See the statement of 17 December 1985 (S/17702).");
    resdex_doc_destroy(doc);

    /* The heading and its date on one line, no subject above: untitled,
     * and the first paragraph is not taken for a title. */
    doc = parse("Resolution 1373 (2001) of 28 September 2001\n\n"
                "The Security Council,\n\n"
                "Reaffirming its resolution 1269 (1999),\n\n"
                "1. Decides that all States shall prevent and suppress the financing of "
                "terrorist acts;\n\n"
                "Adopted unanimously at the 4385th meeting.\n");
    r = resdex_doc_get(doc, 0);
    assert_string_equal(r->symbol, "S/RES/1373(2001)");
    assert_string_equal(r->date, "2001-09-28");
    assert_null(r->title);
    assert_string_equal(r->meeting, "4385th meeting");
    assert_int_equal(par(r, 1)->kind, RESDEX_KIND_PREAMBULAR);
    assert_int_equal(par(r, 2)->number, 1);
    resdex_doc_destroy(doc);
}

/* The older GA and ECOSOC layouts of the printed volumes: "45/110. Title"
 * hard-wrapped, paragraphs without blank lines between them, footnotes
 * one a line; "Resolution 55/12." alone with its title below. */
static void
test_printed_volumes(void **state)
{
    (void)state;
    resdex_doc_t *doc =
        parse("45/110. United Nations Standard Minimum Rules for Non-custodial\n"
              "        Measures (The Tokyo Rules)\n\n"
              "    The General Assembly,\n"
              "    Bearing in mind the Universal Declaration of Human Rights,1 the\n"
              "International Covenant on Civil and Political Rights2 and other\n"
              "instruments,\n"
              "    1. Adopts the Rules;\n"
              "    2. Calls upon Member States to apply the Tokyo\n"
              "Rules.\n\n"
              "                68th plenary meeting\n"
              "                14 December 1990\n\n"
              "1 Resolution 217 A (III).\n"
              "2 See resolution 2200 A (XXI), annex.\n");
    const resdex_resolution_t *r = resdex_doc_get(doc, 0);
    assert_string_equal(r->symbol, "A/RES/45/110");
    assert_string_equal(r->title, "United Nations Standard Minimum Rules for Non-custodial "
                                  "Measures (The Tokyo Rules)");
    assert_string_equal(r->date, "1990-12-14");
    assert_int_equal(r->n_paragraphs, 4);
    assert_string_equal(par(r, 1)->text,
                        "Bearing in mind the Universal Declaration of Human Rights, the "
                        "International Covenant on Civil and Political Rights and other "
                        "instruments,");
    assert_marks(par(r, 1), "1,2");
    assert_cites(par(r, 1), "A/RES/217(III) A/RES/2200(XXI)");
    assert_string_equal(par(r, 3)->text, "Calls upon Member States to apply the Tokyo Rules.");
    assert_int_equal(r->n_footnotes, 2);
    assert_string_equal(r->footnotes[1].text, "See resolution 2200 A (XXI), annex.");
    resdex_doc_destroy(doc);

    /* A letter alone after the text has begun is not a part. */
    doc = parse("45/110. Title\n\nThe General Assembly,\n\n1. Adopts the Rules;\n\nA\n\n"
                "2. Invites Member States to act;\n");
    assert_int_equal(resdex_doc_count(doc), 1);
    assert_string_equal(resdex_doc_get(doc, 0)->symbol, "A/RES/45/110");
    resdex_doc_destroy(doc);
    /* Parts: "A" renames the resolution just opened, "B" opens the next. */
    doc = parse("45/110. Whole\n\nA\n\nFirst\n\nThe General Assembly,\n\n1. Adopts;\n\n"
                "68th plenary meeting\n14 December 1990\n\nB\n\nSecond\n\n"
                "The General Assembly,\n\n1. Invites;\n\n68th plenary meeting\n14 December 1990\n");
    assert_int_equal(resdex_doc_count(doc), 2);
    r = resdex_doc_get(doc, 1);
    assert_string_equal(resdex_doc_get(doc, 0)->symbol, "A/RES/45/110A");
    assert_string_equal(resdex_doc_get(doc, 0)->title, "First");
    assert_string_equal(r->symbol, "A/RES/45/110B");
    assert_string_equal(r->number, "45/110 B");
    assert_string_equal(r->title, "Second");
    assert_string_equal(r->body, "GA");
    assert_int_equal(par(r, 1)->number, 1);
    resdex_doc_destroy(doc);

    doc = parse("Resolution 55/12.\n\nAlternatives to imprisonment\n\n"
                "The Commission on Narcotic Drugs,\n\n1. Encourages Member States to act;\n");
    r = resdex_doc_get(doc, 0);
    assert_string_equal(r->number, "55/12");
    assert_string_equal(r->title, "Alternatives to imprisonment");
    assert_string_equal(r->body, "CND");
    assert_int_equal(par(r, 1)->number, 1);
    resdex_doc_destroy(doc);
}

/* Digits OCR'd as letters in a heading's number, where the shape leaves no
 * doubt: "l" "I" "|" for 1, "O" "o" for 0, "S" for 5, Cyrillic "б" for 6.
 * A word that merely looks like one is left alone. */
static void
test_ocr_digits(void **state)
{
    (void)state;
    static const struct {
        const char *heading, *body, *symbol;
    } cases[] = {
        {"l989/56. Title", "Economic and Social Council", "E/RES/1989/56"},
        {"1989/5\xD0\xB1. Title", "Economic and Social Council", "E/RES/1989/56"},
        {"1989/6S. Title", "Economic and Social Council", "E/RES/1989/65"},
        {"I989/6O. Title", "Economic and Social Council", "E/RES/1989/60"},
        {"45/1l0. Title", "General Assembly", "A/RES/45/110"},
        {"Resolution 638 (l989)", "Security Council", "S/RES/638(1989)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[256];
        snprintf(text, sizeof text, "%s\n\nThe %s,\n\n1. Decides to remain seized of the matter.\n",
                 cases[i].heading, cases[i].body);
        resdex_doc_t *doc = parse(text);
        assert_string_equal(resdex_doc_get(doc, 0)->symbol, cases[i].symbol);
        resdex_doc_destroy(doc);
    }
    /* No real digit, or not a heading's shape: not a resolution. */
    static const char *const not_headings[] = {"lO/Il. Title", "l989/56 Title", "Iol. Title",
                                               "SOS/l. Title"};
    for (size_t i = 0; i < sizeof not_headings / sizeof not_headings[0]; i++) {
        char text[256];
        snprintf(text, sizeof text, "%s\n\n1. Decides to act.\n", not_headings[i]);
        free(parse_fails("t.txt", text, strlen(text), RESDEX_STATUS_NO_RESOLUTION));
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_context),
        cmocka_unit_test(test_kinds_and_verbs),
        cmocka_unit_test(test_superscript_marks),
        cmocka_unit_test(test_markdown_and_bare_marks),
        cmocka_unit_test(test_bare_digits_without_note),
        cmocka_unit_test(test_rejoin_and_furniture),
        cmocka_unit_test(test_wrapped_and_crlf),
        cmocka_unit_test(test_tags_and_gaps),
        cmocka_unit_test(test_recommended_draft),
        cmocka_unit_test(test_report),
        cmocka_unit_test(test_report_symbol_from_name),
        cmocka_unit_test(test_no_resolution),
        cmocka_unit_test(test_overlong_line),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_hostile_input),
        cmocka_unit_test(test_language),
        cmocka_unit_test(test_security_council),
        cmocka_unit_test(test_printed_volumes),
        cmocka_unit_test(test_ocr_digits),
    };
    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
