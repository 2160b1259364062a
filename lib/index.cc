/* index.cc - turning a parsed document into Xapian documents. */
#include "adoption.h"
#include "also.hh"
#include "db-private.hh"
#include "pairs.hh"
#include "provenance.hh"
#include "record.h"
#include "sametext.hh"
#include "schema.hh"
#include "session.h"
#include "stem.hh"
#include "synonyms.hh"
#include "terms.hh"
extern "C" {
#include "util.h"
}

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace
{

std::string
lower(const std::string &s)
{
    return Xapian::Unicode::tolower(s);
}

/* Xapian terms are limited to 245 bytes; boolean values longer than that
 * (an overlong tag, say) are cut on a UTF-8 boundary. */
std::string
term(const char *prefix, const std::string &value)
{
    std::string t = prefix + value;
    if (t.size() > 240) {
        size_t n = 240;
        while (n > 0 && (static_cast<unsigned char>(t[n]) & 0xC0) == 0x80)
            n--;
        t.resize(n);
    }
    return t;
}

} // namespace

/* A term that names one thing (a source file, a paragraph): cutting it would
 * make two long paths one. Up to 240 bytes it is prefix+value, as it always
 * was (indexes built before keep working); longer, the value is cut on a
 * UTF-8 boundary and the FNV-1a hash of the whole value appended as
 * "#<16 hex digits>", 241 to 244 bytes in all -- longer than any plain
 * term, so the two never meet. */
std::string
key_term(const char *prefix, const std::string &value)
{
    std::string t = prefix + value;
    if (t.size() <= 240)
        return t;
    size_t n = 244 - 17;
    for (int back = 0; back < 3 && (static_cast<unsigned char>(t[n]) & 0xC0) == 0x80; back++)
        n--;
    char hex[18];
    snprintf(hex, sizeof hex, "#%016llx",
             static_cast<unsigned long long>(util_fnv1a(value.data(), value.size())));
    t.resize(n);
    return t + hex;
}

namespace
{

/* "2017-07-06" -> "20170706"; a missing day or month as "00". */
std::string
date_key(const char *date)
{
    std::string key;
    if (!date)
        return key;
    for (const char *p = date; *p && key.size() < 8; p++)
        if (*p >= '0' && *p <= '9')
            key += *p;
    while (!key.empty() && key.size() < 8)
        key += '0';
    return key;
}

/* The year of a resolution: its date's, else the four digits that open its
 * number ("2017/19") or symbol ("E/2017/30/..."). */
std::string
year_of(const resdex_resolution_t *res)
{
    if (res->date && strlen(res->date) >= 4)
        return std::string(res->date, 4);
    /* A Commission's resolution without a date (printed in its report, or
     * a database extract): the year of its session, as printed ("twenty-
     * sixth session" of the CCPCJ: 2017) or as the number's first part
     * (CND resolution 55/12: fifty-fifth session, 2012). */
    if (int y = session_year(res->body, res->session))
        return std::to_string(y);
    if (int y = session_year(res->body, res->number))
        return std::to_string(y);
    for (const char *s : {res->number, res->symbol}) {
        if (!s)
            continue;
        for (const char *p = s; *p; p++) {
            if ((p == s || !(p[-1] >= '0' && p[-1] <= '9')) && p[0] >= '1' && p[0] <= '2' &&
                p[1] >= '0' && p[1] <= '9' && p[2] >= '0' && p[2] <= '9' && p[3] >= '0' &&
                p[3] <= '9' && !(p[4] >= '0' && p[4] <= '9'))
                return std::string(p, 4);
        }
    }
    return std::string();
}

/* A short number for a cited symbol: "A/RES/70/174" -> "70/174",
 * "E/RES/2017/19" -> "2017/19"; empty when there is none. */
std::string
cite_number(const std::string &cite)
{
    for (const Body *b = schema_bodies; b->code; b++) {
        std::string series = std::string(b->series) + "/RES/";
        if (cite.compare(0, series.size(), series) == 0)
            return cite.substr(series.size());
    }
    return std::string();
}

/* The number part of a symbol (everything after ".../RES/"), for symbol:. */
std::string
symbol_number(const resdex_resolution_t *res)
{
    if (res->number)
        return res->number;
    return cite_number(res->symbol);
}

/* Accents are optional: each word written with any (or another combining
 * mark) is indexed at its positions a second time without them, so that a
 * phrase or an unstemmed word typed without accents finds it. (Stems are of
 * the words without accents already: stem.hh.) Called when the paragraph's
 * text alone is in doc. */
void
add_folded_words(Xapian::Document &doc)
{
    std::vector<std::pair<std::string, std::vector<Xapian::termpos>>> add;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        std::string t = *it;
        if (prefixed_term(t))
            continue;
        std::string f = resdex_fold(t);
        if (f == t || f.empty())
            continue;
        add.emplace_back(
            f, std::vector<Xapian::termpos>(it.positionlist_begin(), it.positionlist_end()));
    }
    for (const auto &a : add)
        for (Xapian::termpos p : a.second)
            doc.add_posting(a.first, p);
}

/* A draft carried inside a resolution: "E/RES/2024/11/DR" (embedded.c),
 * not a report's draft ("E/2017/30/DR.B.II"). */
bool
carried_inside(const char *symbol)
{
    size_t n = strlen(symbol);
    return n > 3 && strcmp(symbol + n - 3, "/DR") == 0 && strstr(symbol, "/RES/");
}

/* The verb phrase as a facet shows it: as printed, with a capital (a
 * phrase found in lower case after "The Economic and Social Council,"
 * counts with the others). */
std::string
verb_facet(const char *verb)
{
    std::string v = verb;
    Xapian::Utf8Iterator it(v);
    if (it == Xapian::Utf8Iterator())
        return v;
    std::string out;
    Xapian::Unicode::append_utf8(out, Xapian::Unicode::toupper(*it));
    ++it;
    return out + v.substr(static_cast<size_t>(it.raw() - v.data()));
}

/* The filters of how the resolution was adopted (its file's own metadata,
 * the same on each of its paragraphs): adopted:, sdg:, subject:, sponsor:,
 * voted:, and SLOT_ADOPTED. */
void
add_adoption_terms(Xapian::Document &doc, const resdex_adoption_t *ad)
{
    if (!ad)
        return;
    const char *method = ad->method == RESDEX_ADOPTION_CONSENSUS ? "consensus"
                         : ad->method == RESDEX_ADOPTION_VOTE    ? "vote"
                                                                 : nullptr;
    if (method) {
        doc.add_boolean_term(term(P_ADOPTED, method));
        doc.add_value(SLOT_ADOPTED, method);
    }
    for (size_t i = 0; i < ad->n_sdgs; i++)
        doc.add_boolean_term(term(P_SDG, std::to_string(ad->sdgs[i])));
    for (size_t i = 0; i < ad->n_subjects; i++)
        doc.add_boolean_term(term(P_SUBJECT, schema_fold_name(ad->subjects[i])));
    for (size_t i = 0; i < ad->n_sponsors; i++)
        doc.add_boolean_term(term(P_SPONSOR, schema_fold_name(ad->sponsors[i])));
    for (size_t i = 0; i < ad->n_additional_sponsors; i++)
        doc.add_boolean_term(term(P_SPONSOR, schema_fold_name(ad->additional_sponsors[i])));
    for (size_t i = 0; i < ad->n_voters; i++)
        doc.add_boolean_term(term(P_VOTED, schema_fold_name(ad->voters[i].state) + "=" +
                                               resdex_vote_to_string(ad->voters[i].vote)));
}

/* SLOT_TIE's value (terms.hh): the date in 8 digits, then each part
 * complemented and ended by 0xff, so that a descending sort reads the parts
 * ascending. */
std::string
tie_key(const std::string &date, const std::string &reskey, const std::string &order,
        const char *source)
{
    /* "2017" (a year alone) as "20170000": before 2017's dated texts, as
     * SLOT_DATE sorts it, whatever bytes follow. */
    std::string key = date.substr(0, 8);
    key.resize(8, '0');
    for (const std::string &part : {reskey, order, std::string(source)}) {
        for (char c : part)
            key += static_cast<char>(~static_cast<unsigned char>(c));
        key += '\xff';
    }
    return key;
}

/* The Xapian document of paragraph pi of resolution ri. */
Xapian::Document
make_paragraph(Xapian::TermGenerator &tg, const char *source, size_t ri,
               const resdex_resolution_t *res, size_t pi)
{
    const resdex_paragraph_t *p = &res->paragraphs[pi];
    const char *lang = res->lang ? res->lang : "en";
    char anchor[64];
    resdex_paragraph_anchor(res, pi, anchor, sizeof anchor);
    std::string id = std::string(res->symbol) + "#" + anchor;

    /* The resolution's context is stored once, in its first paragraph's
     * record; the others name that record by its unique term (record.h). */
    std::string unique =
        std::string(source) + '\x1f' + std::to_string(ri) + '\x1f' + std::to_string(pi);
    std::string context_ref =
        pi == 0 ? std::string()
                : key_term(P_UNIQUE, std::string(source) + '\x1f' + std::to_string(ri) +
                                         "\x1f"
                                         "0");
    char *rec = nullptr;
    size_t rec_len = 0;
    resdex_status_t st =
        record_encode(res, pi, id.c_str(), pi == 0 ? nullptr : context_ref.c_str(), &rec, &rec_len);
    if (st != RESDEX_STATUS_SUCCESS)
        throw resdex::Error{st, std::string(resdex_status_to_string(st)) +
                                    " encoding the record of paragraph " + id};
    std::unique_ptr<char, void (*)(void *)> owned(rec, free); /* freed if set_data throws */
    Xapian::Document doc;
    doc.set_data(std::string(rec, rec_len));

    tg.set_document(doc);
    tg.index_text(prepare_text(p->text, lang));
    add_folded_words(doc);
    if (res->title) {
        tg.increase_termpos();
        tg.index_text(prepare_text(res->title, lang), 1, P_TITLE);
    }

    doc.add_boolean_term(key_term(P_UNIQUE, unique));
    doc.add_boolean_term(key_term(P_SOURCE, source));
    std::string symbol = lower(res->symbol);
    doc.add_boolean_term(term(P_SYMBOL, symbol));
    std::string number = lower(symbol_number(res));
    if (!number.empty())
        doc.add_boolean_term(term(P_SYMBOL, number));
    /* A part of a multi-part resolution ("75/101 a", A/RES/75/101A) is
     * also found by the whole's number and symbol, and by its part written
     * either way ("75/101a", "a/res/75/101 a"). */
    size_t sp = number.rfind(' ');
    if (sp != std::string::npos && sp + 2 == number.size() && number[sp + 1] >= 'a' &&
        number[sp + 1] <= 'z') {
        std::string whole = number.substr(0, sp);
        doc.add_boolean_term(term(P_SYMBOL, whole));
        doc.add_boolean_term(term(P_SYMBOL, whole + number.back()));
        if (symbol.size() > 1 && symbol.back() == number.back()) {
            std::string series = symbol.substr(0, symbol.size() - 1);
            doc.add_boolean_term(term(P_SYMBOL, series));
            doc.add_boolean_term(term(P_SYMBOL, series + " " + number.back()));
        }
    }
    doc.add_boolean_term(term(P_RESKEY, symbol + "@" + lang));
    doc.add_boolean_term(key_term(P_COPY, std::string(res->symbol) + "@" + lang + '\x1f' + source));
    doc.add_value(SLOT_SOURCE, source);
    doc.add_boolean_term(term(P_ANCHOR, anchor));
    doc.add_boolean_term(term(P_KIND, resdex_kind_to_string(p->kind)));
    doc.add_boolean_term(term(P_LANG, lang));
    if (res->body)
        doc.add_boolean_term(term(P_BODY, lower(res->body)));
    /* A draft carried for another body is found under that body too: its
     * language is that body's (documented in resdex(1)). */
    if (res->recommends_to)
        doc.add_boolean_term(term(P_BODY, lower(res->recommends_to)));
    /* And the draft such a resolution carries (E/RES/2024/11/DR, the GA's)
     * is found under the body that adopted the text carrying it: a
     * delegate filtering ECOSOC's texts finds what ECOSOC printed. Its
     * facet stays its own body's (documented in resdex(1)). */
    if (res->recommended_by && carried_inside(res->symbol))
        doc.add_boolean_term(term(P_BODY, lower(res->recommended_by)));
    std::string year = year_of(res);
    if (!year.empty())
        doc.add_boolean_term(term(P_YEAR, year));
    if (p->verb && *p->verb)
        doc.add_boolean_term(term(P_VERBPHRASE, lower(p->verb)));
    for (size_t i = 0; i < p->n_tags; i++)
        doc.add_boolean_term(term(P_TAG, lower(p->tags[i])));
    for (size_t i = 0; i < p->n_cites; i++) {
        std::string c = p->cites[i];
        doc.add_boolean_term(term(P_CITES, lower(c)));
        std::string n = cite_number(c);
        if (!n.empty())
            doc.add_boolean_term(term(P_CITES, lower(n)));
    }

    provenance_add_terms(doc, res, p);

    doc.add_value(SLOT_DATE, date_key(res->date).empty() ? year : date_key(res->date));
    doc.add_value(SLOT_YEAR, year);
    if (res->body)
        doc.add_value(SLOT_BODY, res->body);
    if (p->verb && *p->verb)
        doc.add_value(SLOT_VERB, verb_facet(p->verb));
    doc.add_value(SLOT_ORDER, Xapian::sortable_serialise(static_cast<double>(ri) * 100000.0 +
                                                         static_cast<double>(pi)));
    doc.add_value(SLOT_RESKEY, symbol + "@" + lang);
    doc.add_value(SLOT_ALSO, also_value(res, p, id.c_str()));
    doc.add_value(SLOT_TIE, tie_key(doc.get_value(SLOT_DATE), symbol + "@" + lang,
                                    doc.get_value(SLOT_ORDER), source));
    const TextKeys keys = text_keys(p->text);
    if (!keys.same.empty()) {
        doc.add_value(SLOT_SAME, keys.same);
        doc.add_boolean_term(P_SAME + keys.same);
        doc.add_value(SLOT_LOOSE, keys.loose);
        doc.add_boolean_term(P_LOOSE + keys.loose);
    }
    add_adoption_terms(doc, res->adoption);
    return doc;
}

/* The synonyms a file's paragraphs define (synonyms.hh), key and value. */
using Synonyms = std::vector<std::pair<std::string, std::string>>;

/* The store key of a resolution's adoption metadata (terms.hh); empty when
 * it has none or the key would pass Xapian's limit. */
std::string
adoption_key(const resdex_resolution_t *res)
{
    if (!res->adoption || adoption_is_empty(res->adoption) || !res->symbol)
        return std::string();
    bool extract = res->adoption->from && std::strcmp(res->adoption->from, "extract") == 0;
    std::string key =
        std::string(ADOPTION_KEY_PREFIX) + res->symbol +
        (extract ? std::string("#extract") : "@" + std::string(res->lang ? res->lang : "en"));
    return key.size() <= 240 ? key : std::string();
}

/* The (key, value) pairs of the store that the resolutions of doc make. */
using StoreEntries = std::vector<std::pair<std::string, std::string>>;

StoreEntries
adoption_entries(const char *source, const resdex_doc_t *doc)
{
    StoreEntries out;
    for (size_t ri = 0; doc && ri < resdex_doc_count(doc); ri++) {
        const resdex_resolution_t *res = resdex_doc_get(doc, ri);
        std::string key = adoption_key(res);
        if (key.empty())
            continue;
        char *json = adoption_encode(res->adoption, source);
        if (!json)
            resdex::out_of_memory("encoding adoption metadata");
        out.emplace_back(key, json);
        free(json);
    }
    return out;
}

/* What a source wrote into the store is listed under a key of its own,
 * PREFIX + the hash of its name: the name, then one line per entry. */
std::string
source_list_key(const char *prefix, const char *source)
{
    char hex[17];
    snprintf(hex, sizeof hex, "%016llx",
             static_cast<unsigned long long>(util_fnv1a(source, strlen(source))));
    return std::string(prefix) + hex;
}

/* The lines `source` listed at `key` (none when the list there is another
 * source's: their names' hashes collide); *stored: whether the key holds
 * anything. */
std::vector<std::string>
source_list_read(Xapian::WritableDatabase &wdb, const std::string &key, const char *source,
                 bool *stored)
{
    std::vector<std::string> lines;
    std::string old = wdb.get_metadata(key);
    *stored = !old.empty();
    size_t nl = old.find('\n');
    if (old.empty() || old.compare(0, nl, source) != 0)
        return lines;
    while (nl != std::string::npos) {
        size_t next = old.find('\n', nl + 1);
        lines.push_back(old.substr(nl + 1, next == std::string::npos ? next : next - nl - 1));
        nl = next;
    }
    return lines;
}

/* List `lines` at `key` as source's; no lines clear a key that was stored. */
void
source_list_write(Xapian::WritableDatabase &wdb, const std::string &key, const char *source,
                  const std::vector<std::string> &lines, bool stored)
{
    if (lines.empty()) {
        if (stored)
            wdb.set_metadata(key, std::string());
        return;
    }
    std::string list = source;
    for (const auto &line : lines)
        list += '\n' + line;
    wdb.set_metadata(key, list);
}

/* Replace what `source` wrote in the store by `entries`. A key another
 * source wrote since (the same symbol and language in two files) stays. */
void
replace_adoption_entries(Xapian::WritableDatabase &wdb, const char *source,
                         const StoreEntries &entries)
{
    std::string src_key = source_list_key(ADOPTION_SRC_KEY_PREFIX, source);
    bool stored;
    for (const auto &key : source_list_read(wdb, src_key, source, &stored)) {
        std::string value = key.empty() ? std::string() : wdb.get_metadata(key);
        char *from = value.empty() ? nullptr : adoption_source(value.data(), value.size());
        if (from && std::strcmp(from, source) == 0)
            wdb.set_metadata(key, std::string());
        free(from);
    }
    std::vector<std::string> keys;
    for (const auto &e : entries) {
        wdb.set_metadata(e.first, e.second);
        keys.push_back(e.first);
    }
    source_list_write(wdb, src_key, source, keys, stored);
}

/* Replace the synonym pairs `source` taught by `pairs` (sorted, unique),
 * its paragraphs already replaced: a pair it no longer teaches leaves the
 * table when no paragraph of any other source teaches it either (none has
 * its P_SYNONYM term now). An index built before keeps the pairs it has. */
void
replace_synonyms(Xapian::WritableDatabase &wdb, const char *source, const Synonyms &pairs)
{
    std::string src_key = source_list_key(SYNONYM_SRC_KEY_PREFIX, source);
    bool stored;
    for (const auto &line : source_list_read(wdb, src_key, source, &stored)) {
        size_t sep = line.find('\x1f');
        if (sep == std::string::npos)
            continue;
        std::pair<std::string, std::string> kv(line.substr(0, sep), line.substr(sep + 1));
        std::string term = synonym_term(kv.first, kv.second);
        if (!std::binary_search(pairs.begin(), pairs.end(), kv) && !term.empty() &&
            wdb.get_termfreq(term) == 0)
            wdb.remove_synonym(kv.first, kv.second);
    }
    std::vector<std::string> lines;
    for (const auto &kv : pairs) {
        wdb.add_synonym(kv.first, kv.second);
        lines.push_back(kv.first + '\x1f' + kv.second);
    }
    source_list_write(wdb, src_key, source, lines, stored);
}

/* Every paragraph of `doc`, in order, each stemmed with its resolution's
 * language, given to emit(const Xapian::Document &); the synonyms its
 * paragraphs define added to *syn. */
template <class F>
void
make_documents(const char *source, const resdex_doc_t *doc, F emit, Synonyms *syn)
{
    Xapian::TermGenerator tg;
    std::string current_lang;
    for (size_t ri = 0; ri < resdex_doc_count(doc); ri++) {
        const resdex_resolution_t *res = resdex_doc_get(doc, ri);
        const char *lang = res->lang ? res->lang : "en";
        if (ri == 0 || current_lang != lang) {
            current_lang = lang;
            tg = Xapian::TermGenerator();
            tg.set_stemmer(lang_stemmer(lang));
            tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
            tg.set_flags(lang_is_cjk(lang) ? Xapian::TermGenerator::FLAG_CJK_NGRAM : 0);
        }
        for (size_t pi = 0; pi < res->n_paragraphs; pi++) {
            Xapian::Document d = make_paragraph(tg, source, ri, res, pi);
            auto pairs = mine_synonyms(res->paragraphs[pi].text);
            for (const auto &pair : pairs) {
                std::string t = synonym_term(pair.first, pair.second);
                if (!t.empty())
                    d.add_boolean_term(t);
            }
            emit(d);
            for (auto &pair : pairs)
                syn->push_back(std::move(pair));
        }
    }
    std::sort(syn->begin(), syn->end());
    syn->erase(std::unique(syn->begin(), syn->end()), syn->end());
}

/* Replace everything indexed from `source` by the documents add_all gives
 * to the function it is passed (none: a removal), in the writer's pending
 * transaction. */
template <typename F>
resdex_status_t
replace_source(resdex_db_t *db, const char *source, F add_all, const StoreEntries &store = {})
{
    return guarded(db, [&] {
        if (!db || !source || !*source)
            return RESDEX_STATUS_BAD_ARGUMENT;
        if (resdex_status_t st = need_writable(db))
            return st;
        db_begin_pending(db);
        Xapian::WritableDatabase &wdb = *db->wdb;
        std::string source_term = key_term(P_SOURCE, source);
        wdb.delete_document(source_term);
        /* An index built before key_term() has a long source's term cut. */
        std::string old = term(P_SOURCE, source);
        if (old != source_term)
            wdb.delete_document(old);
        /* The pairs are the index's (pairs.hh): added here, not when the
         * paragraphs are made, which needs no index. */
        std::shared_ptr<const PairWords> pairs = db_pair_words(db);
        Synonyms syn;
        add_all(
            [&](const Xapian::Document &d) {
                Xapian::Document doc = d;
                if (pairs)
                    add_word_pairs(doc, *pairs);
                wdb.add_document(doc);
            },
            &syn);
        replace_synonyms(wdb, source, syn);
        replace_adoption_entries(wdb, source, store);
        return RESDEX_STATUS_SUCCESS;
    });
}

} // namespace

extern "C" resdex_status_t
resdex_db_remove_source(resdex_db_t *db, const char *source)
{
    return replace_source(db, source, [](const auto &, Synonyms *) {});
}

extern "C" resdex_status_t
resdex_db_index_doc(resdex_db_t *db, const char *source, const resdex_doc_t *doc)
{
    StoreEntries store;
    if (resdex_status_t st = guarded(db, [&] {
            store = adoption_entries(source ? source : "", doc);
            return RESDEX_STATUS_SUCCESS;
        }))
        return st;
    return replace_source(
        db, source,
        [&](const auto &add, Synonyms *syn) {
            if (doc)
                make_documents(source, doc, add, syn);
        },
        store);
}

/* Prepared paragraphs: owned by one thread at a time (Xapian's objects are
 * not shared between threads; handing them over is fine). */
struct resdex_prepared {
    std::string source;
    std::vector<Xapian::Document> docs;
    Synonyms synonyms;
    StoreEntries store; /* the adoption metadata its resolutions carry */
};

extern "C" resdex_status_t
resdex_prepare_doc(const char *source, const resdex_doc_t *doc, resdex_prepared_t **out)
{
    resdex_prepared_t *p = nullptr;
    resdex_status_t st = guarded(nullptr, [&] {
        if (out)
            *out = nullptr;
        if (!source || !*source || !out)
            return RESDEX_STATUS_BAD_ARGUMENT;
        p = new resdex_prepared_t();
        p->source = source;
        if (doc)
            make_documents(
                source, doc, [&](const Xapian::Document &d) { p->docs.push_back(d); },
                &p->synonyms);
        p->store = adoption_entries(source, doc);
        return RESDEX_STATUS_SUCCESS;
    });
    if (st != RESDEX_STATUS_SUCCESS) {
        delete p;
        return st;
    }
    *out = p;
    return st;
}

extern "C" resdex_status_t
resdex_db_index_prepared(resdex_db_t *db, const resdex_prepared_t *prepared)
{
    static const StoreEntries none;
    return replace_source(
        db, prepared ? prepared->source.c_str() : nullptr,
        [&](const auto &add, Synonyms *syn) {
            for (const Xapian::Document &d : prepared->docs)
                add(d);
            *syn = prepared->synonyms;
        },
        prepared ? prepared->store : none);
}

extern "C" resdex_status_t
resdex_pair_sample_add(resdex_pair_sample_t *sample, const resdex_prepared_t *prepared)
{
    return guarded(nullptr, [&] {
        if (!sample || !prepared)
            return RESDEX_STATUS_BAD_ARGUMENT;
        for (const Xapian::Document &d : prepared->docs)
            sample->sample.add(d);
        return RESDEX_STATUS_SUCCESS;
    });
}

extern "C" size_t
resdex_prepared_paragraphs(const resdex_prepared_t *prepared)
{
    return prepared ? prepared->docs.size() : 0;
}

extern "C" void
resdex_prepared_destroy(resdex_prepared_t *prepared)
{
    delete prepared;
}
