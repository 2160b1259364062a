/* qualifiers.c - the negotiated qualifiers; see qualifiers.h.
 *
 * The English list is the (the qualifiers negotiators trade in
 * crime-prevention resolutions), with the variants found in the corpus
 * ("on request", "in accordance with domestic law"). The other languages
 * give the equivalents the official translations use, each counted in
 * corpus/akn, and the forms the translations use most added where the list
 * had another ("selon qu'il convient", "в соответствующих случаях",
 * "在预算外资源允许的情况下"): doc/verb-scale.md.
 * A phrase ending in '*' (the `prefix` flag) matches any word that starts
 * with its last word ("voluntar*": voluntary, voluntarily); the tokeniser
 * drops the '*' itself. Phrases are compared as the diff
 * compares words: case, quotes and hyphens aside. */
#include "qualifiers.h"

#include <stdlib.h>
#include <string.h>

typedef struct qualifier {
    const char *lang, *phrase;
    int prefix;
} qualifier_t;

static const qualifier_t list[] = {
    {"en", "as appropriate", 0},
    {"en", "where appropriate", 0},
    {"en", "when appropriate", 0},
    {"en", "in accordance with national legislation", 0},
    {"en", "in accordance with their national legislation", 0},
    {"en", "in accordance with domestic law", 0},
    {"en", "in accordance with their domestic law", 0},
    {"en", "consistent with domestic law", 0},
    {"en", "subject to the availability of extrabudgetary resources", 0},
    {"en", "within existing resources", 0},
    {"en", "upon request", 0},
    {"en", "on request", 0},
    {"en", "upon their request", 0},
    {"en", "at their request", 0},
    {"en", "consider", 0},
    {"en", "to the extent possible", 0},
    {"en", "as far as possible", 0},
    {"en", "where possible", 0},
    {"en", "voluntar*", 1},
    {"en", "all", 0},
    {"en", "without delay", 0},
    {"en", "as soon as possible", 0},
    {"en", "immediately", 0},

    {"fr", "selon qu'il convient", 0},
    {"fr", "selon qu'il conviendra", 0},
    {"fr", "le cas échéant", 0},
    {"fr", "conformément à la législation nationale", 0},
    {"fr", "conformément à leur législation nationale", 0},
    {"fr", "conformément au droit interne", 0},
    {"fr", "sous réserve de la disponibilité de ressources extrabudgétaires", 0},
    {"fr", "dans la limite des ressources existantes", 0},
    {"fr", "sur demande", 0},
    {"fr", "à leur demande", 0},
    {"fr", "envisager", 0},
    {"fr", "dans la mesure du possible", 0},
    {"fr", "volontair*", 1},
    {"fr", "tous", 0},
    {"fr", "toutes", 0},
    {"fr", "sans délai", 0},
    {"fr", "sans tarder", 0},

    {"es", "según proceda", 0},
    {"es", "cuando proceda", 0},
    {"es", "de conformidad con la legislación nacional", 0},
    {"es", "de conformidad con su legislación nacional", 0},
    {"es", "de conformidad con el derecho interno", 0},
    {"es", "con sujeción a la disponibilidad de recursos extrapresupuestarios", 0},
    {"es", "dentro de los límites de los recursos existentes", 0},
    {"es", "previa solicitud", 0},
    {"es", "cuando lo soliciten", 0},
    {"es", "considerar", 0},
    {"es", "consideren la posibilidad", 0},
    {"es", "considere la posibilidad", 0},
    {"es", "estudiar la posibilidad", 0},
    {"es", "en la medida de lo posible", 0},
    {"es", "voluntari*", 1},
    {"es", "todos", 0},
    {"es", "todas", 0},
    {"es", "sin demora", 0},
    {"es", "sin dilación", 0},

    {"ru", "в надлежащих случаях", 0},
    {"ru", "в соответствующих случаях", 0},
    {"ru", "по мере необходимости", 0},
    {"ru", "в соответствии с национальным законодательством", 0},
    {"ru", "в соответствии со своим национальным законодательством", 0},
    {"ru", "в соответствии с внутренним законодательством", 0},
    {"ru", "при условии наличия внебюджетных ресурсов", 0},
    {"ru", "в рамках имеющихся ресурсов", 0},
    {"ru", "по просьбе", 0},
    {"ru", "по их просьбе", 0},
    {"ru", "рассмотреть возможность", 0},
    {"ru", "по мере возможности", 0},
    {"ru", "добровольн*", 1},
    {"ru", "все", 0},
    {"ru", "всех", 0},
    {"ru", "безотлагательно", 0},
    {"ru", "без промедления", 0},

    {"zh", "酌情", 0},
    {"zh", "适当时", 0},
    {"zh", "根据国内法", 0},
    {"zh", "依照本国法律", 0},
    {"zh", "根据本国立法", 0},
    {"zh", "在预算外资源允许的情况下", 0},
    {"zh", "在现有资源范围内", 0},
    {"zh", "应请求", 0},
    {"zh", "应要求", 0},
    {"zh", "考虑", 0},
    {"zh", "尽可能", 0},
    {"zh", "自愿", 0},
    {"zh", "所有", 0},
    {"zh", "毫不拖延", 0},
    {"zh", "立即", 0},

    {"ar", "حسب الاقتضاء", 0},
    {"ar", "عند الاقتضاء", 0},
    {"ar", "وفقا للتشريعات الوطنية", 0},
    {"ar", "وفقا لتشريعاتها الوطنية", 0},
    {"ar", "وفقا للقانون الداخلي", 0},
    {"ar", "رهنا بتوافر موارد من خارج الميزانية", 0},
    {"ar", "في حدود الموارد المتاحة", 0},
    {"ar", "بناء على الطلب", 0},
    {"ar", "عند الطلب", 0},
    {"ar", "النظر في", 0},
    {"ar", "قدر الإمكان", 0},
    {"ar", "طوعي*", 1},
    {"ar", "الطوعي*", 1},
    {"ar", "جميع", 0},
    {"ar", "دون إبطاء", 0},
    {"ar", "دون تأخير", 0},
};

/* Longer phrases that begin with a qualifier's words but are no qualifier:
 * where one of them starts, the qualifier is not counted. Chinese "考虑到"
 * is "taking into account" or "bearing in mind" (a lead verb of preambular
 * paragraphs, and the middle of many), not "考虑" (consider). */
static const struct {
    const char *lang, *phrase;
} not_qualifiers[] = {
    {"zh", "考虑到"},
};

/* Do the tokens of p start at token i of t (the last one only as a prefix
 * of t's with `prefix`)? Arabic vowel marks aside (diff_key_matches). */
static int
tokens_at(const diff_text_t *t, size_t i, const diff_text_t *p, int prefix)
{
    size_t np = diff_text_tokens(p);
    if (np == 0 || i + np > diff_text_tokens(t))
        return 0;
    for (size_t k = 0; k < np; k++) {
        size_t lt, lp;
        const char *kt = diff_text_key(t, i + k, &lt), *kp = diff_text_key(p, k, &lp);
        if (!diff_key_matches(kt, lt, kp, lp, prefix && k + 1 == np))
            return 0;
    }
    return 1;
}

/* Does one of the not_qualifiers of lang start at token i of t? -1 when
 * memory runs out. */
static int
not_qualifier_at(const diff_text_t *t, size_t i, const char *lang)
{
    for (size_t k = 0; k < sizeof not_qualifiers / sizeof *not_qualifiers; k++) {
        if (strcmp(not_qualifiers[k].lang, lang) != 0)
            continue;
        const char *ph = not_qualifiers[k].phrase;
        diff_text_t *p = diff_text_new(ph, strlen(ph));
        if (!p)
            return -1;
        int at = tokens_at(t, i, p, 0);
        diff_text_free(p);
        if (at)
            return 1;
    }
    return 0;
}

/* How often the tokens of p occur in t, without overlapping and not as
 * the start of a longer phrase that is no qualifier. -1 when memory runs
 * out. */
static long
count_in(const diff_text_t *t, const diff_text_t *p, int prefix, const char *lang)
{
    size_t nt = diff_text_tokens(t), np = diff_text_tokens(p);
    long count = 0;
    if (np == 0)
        return 0;
    for (size_t i = 0; i + np <= nt;) {
        if (!tokens_at(t, i, p, prefix)) {
            i++;
            continue;
        }
        int no = not_qualifier_at(t, i, lang);
        if (no < 0)
            return -1;
        count += !no;
        i += np;
    }
    return count;
}

static const char *
list_lang(const char *lang)
{
    for (size_t i = 0; lang && i < sizeof list / sizeof *list; i++)
        if (strcmp(list[i].lang, lang) == 0)
            return list[i].lang;
    return "en";
}

int
qualifiers_compare(const diff_text_t *old_text, const diff_text_t *new_text, const char *lang,
                   arena_t *a, qualifier_change_t *out)
{
    memset(out, 0, sizeof *out);
    lang = list_lang(lang);
    size_t n = 0;
    for (size_t i = 0; i < sizeof list / sizeof *list; i++)
        n += strcmp(list[i].lang, lang) == 0;
    out->added = arena_alloc(a, (n ? n : 1) * sizeof *out->added);
    out->dropped = arena_alloc(a, (n ? n : 1) * sizeof *out->dropped);
    if (!out->added || !out->dropped)
        return -1;
    for (size_t i = 0; i < sizeof list / sizeof *list; i++) {
        if (strcmp(list[i].lang, lang) != 0)
            continue;
        diff_text_t *p = diff_text_new(list[i].phrase, strlen(list[i].phrase));
        if (!p)
            return -1;
        long before = count_in(old_text, p, list[i].prefix, lang);
        long after = count_in(new_text, p, list[i].prefix, lang);
        diff_text_free(p);
        if (before < 0 || after < 0)
            return -1;
        if (after > before)
            out->added[out->n_added++] = list[i].phrase;
        else if (before > after)
            out->dropped[out->n_dropped++] = list[i].phrase;
    }
    return 0;
}
