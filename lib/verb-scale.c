/* verb-scale.c - the scale of lead verbs; see verb-scale.h.
 *
 * Sources. The order of the operative verbs is the one the issue gives
 * (Decides > Demands > Urges > Calls upon > Requests > Recommends >
 * Encourages > Invites > Takes note), which is the common reading of UN
 * practice: the United Nations Editorial Manual lists the opening verbs of
 * preambular and operative paragraphs without ranking them; the ranking is
 * the one negotiators and the guides to resolution drafting use (a decision
 * binds the body itself, "demands" and "urges" press, "requests" and
 * "recommends" ask, "encourages" and "invites" only commend). "Strongly"
 * puts a verb a little above itself, below the next step. The other
 * languages give the equivalents the official translations use (as in the
 * A/RES and E/RES texts of ../shared/corpus/akn), in the masculine and
 * feminine forms Arabic uses for a Council and for the Assembly; each was
 * checked against corpus/akn (how often it opens a paragraph, and which
 * English step the same paragraph of the same resolution has:
 * doc/verb-scale.md, scripts/verb-tables-corpus), and the frequent openings
 * missing were added. Preambular verbs: "Reaffirming" restates an agreed commitment,
 * "Stressing" / "Emphasizing" insist, "Recognizing" accepts, "Recalling"
 * (and "Bearing in mind", "Mindful") only refers, "Noting" only records.
 *
 * Ambiguities, where one word stands for two steps (documented in
 * resdex(1)): "Requests" addressed to the Secretary-General or the Office is
 * an instruction, addressed to States a request: the scale has one place for
 * it. French "Demande" is "Calls upon" and sometimes "Requests", "Engage"
 * as often "Encourages" as "Calls upon"; Russian "рекомендует" is
 * "Encourages" 333 times in the corpus and "Recommends" 39 (ranked as
 * "Encourages"; "рекомендует Генеральной Ассамблее" as "Recommends"); Arabic "يدعو" is both
 * "Invites" and "Calls upon" (ranked as "Invites"); Chinese "要求" is both "Demands" and "Requests"
 * (ranked as "Demands"), and "注意到" both "Notes" and "Takes note". */
#include "verb-scale.h"

#include <stdlib.h>
#include <string.h>

enum {
    DECIDES = 100,
    DEMANDS = 90,
    STRONGLY_URGES = 82,
    URGES = 80,
    STRONGLY_CALLS = 77,
    CALLS_UPON = 75,
    REQUESTS = 70,
    STRONGLY_RECOMMENDS = 67,
    RECOMMENDS = 65,
    STRONGLY_ENCOURAGES = 62,
    ENCOURAGES = 60,
    INVITES = 55,
    TAKES_NOTE = 40,
    /* preambular */
    REAFFIRMING = 60,
    STRESSING = 50,
    RECOGNIZING = 45,
    RECALLING = 40,
    NOTING = 30
};

typedef struct step {
    const char *lang;
    char preambular; /* 1: a preambular opener */
    const char *phrase;
    const char *canon;
    int strength;
} step_t;

#define O(lang, phrase, canon, s)                                                                  \
    {                                                                                              \
        lang, 0, phrase, canon, s                                                                  \
    }
#define P(lang, phrase, canon, s)                                                                  \
    {                                                                                              \
        lang, 1, phrase, canon, s                                                                  \
    }

static const step_t steps[] = {
    O("en", "decides", "decides", DECIDES),
    O("en", "demands", "demands", DEMANDS),
    O("en", "strongly urges", "strongly urges", STRONGLY_URGES),
    O("en", "urges", "urges", URGES),
    O("en", "strongly calls upon", "strongly calls upon", STRONGLY_CALLS),
    O("en", "strongly calls on", "strongly calls upon", STRONGLY_CALLS),
    O("en", "calls upon", "calls upon", CALLS_UPON),
    O("en", "calls on", "calls upon", CALLS_UPON),
    O("en", "requests", "requests", REQUESTS),
    O("en", "strongly recommends", "strongly recommends", STRONGLY_RECOMMENDS),
    O("en", "recommends", "recommends", RECOMMENDS),
    O("en", "strongly encourages", "strongly encourages", STRONGLY_ENCOURAGES),
    O("en", "encourages", "encourages", ENCOURAGES),
    O("en", "invites", "invites", INVITES),
    O("en", "takes note", "takes note", TAKES_NOTE),
    P("en", "reaffirming", "reaffirming", REAFFIRMING),
    P("en", "stressing", "stressing", STRESSING),
    P("en", "emphasizing", "stressing", STRESSING),
    P("en", "emphasising", "stressing", STRESSING),
    P("en", "underlining", "stressing", STRESSING),
    P("en", "underscoring", "stressing", STRESSING),
    P("en", "recognizing", "recognizing", RECOGNIZING),
    P("en", "recognising", "recognizing", RECOGNIZING),
    P("en", "acknowledging", "recognizing", RECOGNIZING),
    P("en", "recalling", "recalling", RECALLING),
    P("en", "bearing in mind", "recalling", RECALLING),
    P("en", "keeping in mind", "recalling", RECALLING),
    P("en", "mindful", "recalling", RECALLING),
    P("en", "noting", "noting", NOTING),
    P("en", "taking note", "noting", NOTING),

    O("fr", "décide", "decides", DECIDES),
    O("fr", "exige", "demands", DEMANDS),
    O("fr", "prie instamment", "urges", URGES),
    O("fr", "demande instamment", "urges", URGES),
    O("fr", "exhorte", "urges", URGES),
    O("fr", "engage vivement", "urges", URGES),
    O("fr", "engage instamment", "urges", URGES),
    O("fr", "invite instamment", "urges", URGES),
    O("fr", "demande", "calls upon", CALLS_UPON),
    O("fr", "engage", "calls upon", CALLS_UPON),
    O("fr", "prie", "requests", REQUESTS),
    O("fr", "recommande vivement", "strongly recommends", STRONGLY_RECOMMENDS),
    O("fr", "recommande", "recommends", RECOMMENDS),
    O("fr", "encourage vivement", "strongly encourages", STRONGLY_ENCOURAGES),
    O("fr", "encourage", "encourages", ENCOURAGES),
    O("fr", "invite", "invites", INVITES),
    O("fr", "prend note", "takes note", TAKES_NOTE),
    O("fr", "prend acte", "takes note", TAKES_NOTE),
    P("fr", "réaffirmant", "reaffirming", REAFFIRMING),
    P("fr", "soulignant", "stressing", STRESSING),
    P("fr", "insistant", "stressing", STRESSING),
    P("fr", "reconnaissant", "recognizing", RECOGNIZING),
    P("fr", "consciente", "recognizing", RECOGNIZING),
    P("fr", "conscient", "recognizing", RECOGNIZING),
    P("fr", "considérant", "recognizing", RECOGNIZING),
    P("fr", "sachant", "recognizing", RECOGNIZING),
    P("fr", "estimant", "recognizing", RECOGNIZING),
    P("fr", "constatant", "recognizing", RECOGNIZING),
    P("fr", "rappelant", "recalling", RECALLING),
    P("fr", "ayant à l’esprit", "recalling", RECALLING),
    P("fr", "gardant à l’esprit", "recalling", RECALLING),
    P("fr", "notant", "noting", NOTING),
    P("fr", "prenant note", "noting", NOTING),
    P("fr", "prenant acte", "noting", NOTING),

    O("es", "decide", "decides", DECIDES),
    O("es", "exige", "demands", DEMANDS),
    O("es", "insta encarecidamente", "strongly urges", STRONGLY_URGES),
    O("es", "insta", "urges", URGES),
    O("es", "exhorta", "calls upon", CALLS_UPON),
    O("es", "solicita", "requests", REQUESTS),
    O("es", "pide", "calls upon", CALLS_UPON),
    O("es", "recomienda", "recommends", RECOMMENDS),
    O("es", "alienta encarecidamente", "strongly encourages", STRONGLY_ENCOURAGES),
    O("es", "alienta", "encourages", ENCOURAGES),
    O("es", "invita", "invites", INVITES),
    O("es", "toma nota", "takes note", TAKES_NOTE),
    P("es", "reafirmando", "reaffirming", REAFFIRMING),
    P("es", "destacando", "stressing", STRESSING),
    P("es", "subrayando", "stressing", STRESSING),
    P("es", "recalcando", "stressing", STRESSING),
    P("es", "poniendo de relieve", "stressing", STRESSING),
    P("es", "reconociendo", "recognizing", RECOGNIZING),
    P("es", "recordando", "recalling", RECALLING),
    P("es", "teniendo presente", "recalling", RECALLING),
    P("es", "teniendo presentes", "recalling", RECALLING),
    P("es", "observando", "noting", NOTING),
    P("es", "tomando nota", "noting", NOTING),

    O("ru", "постановляет", "decides", DECIDES),
    O("ru", "требует", "demands", DEMANDS),
    O("ru", "настоятельно призывает", "urges", URGES),
    O("ru", "призывает", "calls upon", CALLS_UPON),
    O("ru", "просит", "requests", REQUESTS),
    O("ru", "рекомендует генеральной ассамблее", "recommends", RECOMMENDS),
    O("ru", "настоятельно рекомендует", "strongly encourages", STRONGLY_ENCOURAGES),
    O("ru", "рекомендует", "encourages", ENCOURAGES),
    O("ru", "поощряет", "encourages", ENCOURAGES),
    O("ru", "предлагает", "invites", INVITES),
    O("ru", "принимает к сведению", "takes note", TAKES_NOTE),
    P("ru", "вновь подтверждая", "reaffirming", REAFFIRMING),
    P("ru", "подтверждая", "reaffirming", REAFFIRMING),
    P("ru", "подчеркивая", "stressing", STRESSING),
    P("ru", "подчёркивая", "stressing", STRESSING),
    P("ru", "особо отмечая", "stressing", STRESSING),
    P("ru", "признавая", "recognizing", RECOGNIZING),
    P("ru", "учитывая", "recognizing", RECOGNIZING),
    P("ru", "констатируя", "recognizing", RECOGNIZING),
    P("ru", "ссылаясь", "recalling", RECALLING),
    P("ru", "принимая во внимание", "recalling", RECALLING),
    P("ru", "напоминая", "recalling", RECALLING),
    P("ru", "отмечая", "noting", NOTING),
    P("ru", "принимая к сведению", "noting", NOTING),

    O("zh", "决定", "decides", DECIDES),
    O("zh", "要求", "demands", DEMANDS),
    O("zh", "敦促", "urges", URGES),
    O("zh", "促请", "calls upon", CALLS_UPON),
    O("zh", "吁请", "calls upon", CALLS_UPON),
    O("zh", "请", "requests", REQUESTS),
    O("zh", "建议", "recommends", RECOMMENDS),
    O("zh", "大力鼓励", "strongly encourages", STRONGLY_ENCOURAGES),
    O("zh", "鼓励", "encourages", ENCOURAGES),
    O("zh", "邀请", "invites", INVITES),
    O("zh", "表示注意到", "takes note", TAKES_NOTE),
    O("zh", "注意到", "takes note", TAKES_NOTE),
    P("zh", "重申", "reaffirming", REAFFIRMING),
    P("zh", "强调", "stressing", STRESSING),
    P("zh", "特别指出", "stressing", STRESSING),
    P("zh", "着重指出", "stressing", STRESSING),
    P("zh", "确认", "recognizing", RECOGNIZING),
    P("zh", "认识到", "recognizing", RECOGNIZING),
    P("zh", "承认", "recognizing", RECOGNIZING),
    P("zh", "回顾", "recalling", RECALLING),
    P("zh", "铭记", "recalling", RECALLING),
    P("zh", "注意到", "noting", NOTING),
    P("zh", "表示注意到", "noting", NOTING),
    P("zh", "赞赏地注意到", "noting", NOTING),
    P("zh", "表示赞赏地注意到", "noting", NOTING),
    P("zh", "关切地注意到", "noting", NOTING),

    O("ar", "تقرر", "decides", DECIDES),
    O("ar", "يقرر", "decides", DECIDES),
    O("ar", "تطالب", "demands", DEMANDS),
    O("ar", "يطالب", "demands", DEMANDS),
    O("ar", "تحث بشدة", "strongly urges", STRONGLY_URGES),
    O("ar", "يحث بشدة", "strongly urges", STRONGLY_URGES),
    O("ar", "تحث", "urges", URGES),
    O("ar", "يحث", "urges", URGES),
    O("ar", "تهيب", "calls upon", CALLS_UPON),
    O("ar", "يهيب", "calls upon", CALLS_UPON),
    O("ar", "تطلب", "requests", REQUESTS),
    O("ar", "يطلب", "requests", REQUESTS),
    O("ar", "توصي", "recommends", RECOMMENDS),
    O("ar", "يوصي", "recommends", RECOMMENDS),
    O("ar", "تشجع", "encourages", ENCOURAGES),
    O("ar", "يشجع", "encourages", ENCOURAGES),
    O("ar", "تدعو", "invites", INVITES),
    O("ar", "يدعو", "invites", INVITES),
    O("ar", "تحيط علما", "takes note", TAKES_NOTE),
    O("ar", "يحيط علما", "takes note", TAKES_NOTE),
    P("ar", "إذ تعيد تأكيد", "reaffirming", REAFFIRMING),
    P("ar", "إذ يعيد تأكيد", "reaffirming", REAFFIRMING),
    P("ar", "إذ تؤكد من جديد", "reaffirming", REAFFIRMING),
    P("ar", "إذ يؤكد من جديد", "reaffirming", REAFFIRMING),
    P("ar", "إذ تؤكد مجددا", "reaffirming", REAFFIRMING),
    P("ar", "إذ يؤكد مجددا", "reaffirming", REAFFIRMING),
    P("ar", "إذ تشدد", "stressing", STRESSING),
    P("ar", "إذ تؤكد", "stressing", STRESSING),
    P("ar", "إذ يؤكد", "stressing", STRESSING),
    P("ar", "إذ يشدد", "stressing", STRESSING),
    P("ar", "إذ تسلم", "recognizing", RECOGNIZING),
    P("ar", "إذ يسلم", "recognizing", RECOGNIZING),
    P("ar", "إذ تقر", "recognizing", RECOGNIZING),
    P("ar", "إذ يقر", "recognizing", RECOGNIZING),
    P("ar", "إذ تدرك", "recognizing", RECOGNIZING),
    P("ar", "إذ يدرك", "recognizing", RECOGNIZING),
    P("ar", "إذ تعترف", "recognizing", RECOGNIZING),
    P("ar", "إذ تنوه", "recognizing", RECOGNIZING),
    P("ar", "إذ تشير", "recalling", RECALLING),
    P("ar", "إذ يشير", "recalling", RECALLING),
    P("ar", "إذ تضع في اعتبارها", "recalling", RECALLING),
    P("ar", "إذ يضع في اعتباره", "recalling", RECALLING),
    P("ar", "إذ تلاحظ", "noting", NOTING),
    P("ar", "إذ يلاحظ", "noting", NOTING),
    P("ar", "إذ تحيط علما", "noting", NOTING),
    P("ar", "إذ يحيط علما", "noting", NOTING),
};

/* Words that do not change a verb's strength, before it ("Also
 * encourages", "Further requests", "又决定", "также постановляет") or inside
 * its phrase ("Invite de même instamment" is "Invite instamment"). */
static const struct {
    const char *lang, *phrase;
} neutral[] = {
    {"en", "also"},        {"en", "further"},  {"en", "again"},    {"en", "once again"},
    {"en", "furthermore"}, {"en", "moreover"}, {"en", "likewise"}, {"fr", "également"},
    {"fr", "de même"},     {"fr", "en outre"}, {"fr", "aussi"},    {"fr", "de nouveau"},
    {"fr", "à nouveau"},   {"es", "también"},  {"es", "además"},   {"es", "asimismo"},
    {"ru", "также"},       {"ru", "далее"},    {"ru", "вновь"},    {"ru", "еще раз"},
    {"ru", "ещё раз"},     {"zh", "又"},       {"zh", "还"},       {"zh", "并"},
    {"zh", "也"},          {"zh", "再次"},     {"zh", "进一步"},   {"ar", "أيضا"},
    {"ar", "كذلك"},
};

static const char *
table_lang(const char *lang)
{
    static const char *const known[] = {"en", "fr", "es", "ru", "zh", "ar"};
    for (size_t i = 0; lang && i < sizeof known / sizeof *known; i++)
        if (strcmp(lang, known[i]) == 0)
            return known[i];
    return "en";
}

static size_t neutral_at(const diff_text_t *t, size_t i, const char *lang);

/* Do the tokens of `phrase` start at token i of t? The number of tokens of
 * t matched, 0 if not. Arabic's conjunction "و" written onto the first word
 * ("وإذ") is passed over, and its vowel marks (diff_key_matches); with
 * `inner`, so are neutral words between the phrase's words ("Invite de même
 * instamment"). */
static size_t
phrase_at(const diff_text_t *t, size_t i, const char *phrase, const char *lang, int inner)
{
    diff_text_t *p = diff_text_new(phrase, strlen(phrase));
    if (!p)
        return 0;
    size_t n = diff_text_tokens(p), k = 0, j = i;
    for (; k < n; k++, j++) {
        if (k > 0 && inner)
            j += neutral_at(t, j, lang);
        size_t lt, lp;
        const char *kt = diff_text_key(t, j, &lt), *kp = diff_text_key(p, k, &lp);
        if (!kt)
            break;
        if (k == 0 && strcmp(lang, "ar") == 0 && lt > 2 && memcmp(kt, "\xD9\x88", 2) == 0 &&
            !diff_key_matches(kt, lt, kp, lp, 0))
            kt += 2, lt -= 2;
        if (!diff_key_matches(kt, lt, kp, lp, 0))
            break;
    }
    diff_text_free(p);
    return k == n ? j - i : 0;
}

/* The longest neutral phrase at token i of t: its tokens, 0 if none. */
static size_t
neutral_at(const diff_text_t *t, size_t i, const char *lang)
{
    size_t skip = 0;
    for (size_t k = 0; k < sizeof neutral / sizeof *neutral; k++)
        if (strcmp(neutral[k].lang, lang) == 0) {
            size_t m = phrase_at(t, i, neutral[k].phrase, lang, 0);
            if (m > skip)
                skip = m;
        }
    return skip;
}

int
verb_lead(const diff_text_t *t, const char *lang, int preambular, const char *fallback, arena_t *a,
          verb_lead_t *out)
{
    memset(out, 0, sizeof *out);
    lang = table_lang(lang);
    size_t n = diff_text_tokens(t), i = 0;
    while (i < n && !diff_text_is_word(t, i))
        i++; /* "*", "(" before the verb */
    for (int skips = 0; i < n && skips < 3; skips++) {
        const step_t *best = NULL;
        size_t best_len = 0;
        for (size_t k = 0; k < sizeof steps / sizeof *steps; k++) {
            const step_t *s = &steps[k];
            if (s->preambular != preambular || strcmp(s->lang, lang) != 0)
                continue;
            size_t m = phrase_at(t, i, s->phrase, lang, 1);
            if (m > best_len) {
                best = s;
                best_len = m;
            }
        }
        if (best) {
            size_t from = 0;
            while (from < i && !diff_text_is_word(t, from))
                from++;
            out->phrase = diff_text_span(t, from, i + best_len, a);
            out->canon = best->canon;
            out->strength = best->strength;
            return out->phrase ? 1 : -1;
        }
        size_t skip = neutral_at(t, i, lang);
        if (!skip)
            break;
        i += skip;
    }
    if (!fallback || !*fallback)
        return 0;
    out->phrase = arena_strdup(a, fallback);
    out->canon = out->phrase;
    out->strength = 0;
    return out->phrase ? 1 : -1;
}

/* The phrase without the neutral words and case: "Also welcomes" and
 * "Welcomes" are the same verb. */
static int
same_verb(const char *x, const char *y)
{
    diff_text_t *a = diff_text_new(x, strlen(x)), *b = diff_text_new(y, strlen(y));
    int same = 0;
    if (a && b) {
        size_t na = diff_text_tokens(a), nb = diff_text_tokens(b);
        size_t la = 0, lb = 0;
        /* Compare the last word of each: the verb itself in English. */
        const char *ka = na ? diff_text_key(a, na - 1, &la) : NULL;
        const char *kb = nb ? diff_text_key(b, nb - 1, &lb) : NULL;
        same = ka && kb && diff_key_matches(ka, la, kb, lb, 0); /* "تسلّم" = "تسلم" */
    }
    diff_text_free(a);
    diff_text_free(b);
    return same;
}

resdex_verb_change_t
verb_compare(const verb_lead_t *from, const verb_lead_t *to)
{
    if (from->strength && to->strength) {
        if (from->strength == to->strength)
            return RESDEX_VERB_SAME;
        return to->strength > from->strength ? RESDEX_VERB_STRONGER : RESDEX_VERB_WEAKER;
    }
    if (from->phrase && to->phrase && same_verb(from->phrase, to->phrase))
        return RESDEX_VERB_SAME;
    return RESDEX_VERB_OTHER;
}
