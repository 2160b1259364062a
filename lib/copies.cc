/* copies.cc - one resolution per symbol and language: when several sources
 * hold the same resolution, one copy is searched, the others are shadowed
 * (resdex.h, resdex_db_settle_copies; the terms in terms.hh).
 *
 * Why shadow in place rather than leave the copy out: the choice depends on
 * the other sources, which come and go in any order (a watched folder, a
 * build in parts merged at the end). A shadowed paragraph keeps its whole
 * document, serialised, in a document that no query can match; bringing it
 * back needs no file read, and each source's paragraphs stay where
 * resdex_db_index_doc put them (replacing or removing a source removes its
 * shadowed copies too, by their P_SOURCE term). Every settle looks at all
 * the P_COPY terms: one per resolution and source, a few thousand for a big
 * corpus, and only those of resolutions held twice (or shadowed) cost a
 * document read. */
#include "db-private.hh"
#include "terms.hh"

#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace
{

/* One source's copy of a resolution. */
struct Copy {
    std::string term;   /* its P_COPY term */
    std::string source; /* SLOT_SOURCE of its paragraphs */
    std::vector<Xapian::docid> docs;
    bool dormant = false; /* shadowed now */
};

/* The copies of one resolution ("SYMBOL@lang"). */
struct Held {
    std::string key;
    std::vector<Copy> copies;
};

bool
ends_with(const std::string &s, const char *tail)
{
    size_t n = strlen(tail);
    return s.size() >= n && strcasecmp(s.c_str() + s.size() - n, tail) == 0;
}

/* The UN's own markup: an AKN4UN file, by its name. */
bool
is_akn(const std::string &source)
{
    return ends_with(source, ".xml") || ends_with(source, ".xml.gz");
}

/* Every resolution held by more than one source, or with a shadowed copy
 * (its other copies gone): those a settle must look at. */
std::vector<Held>
held_copies(Xapian::Database &x)
{
    std::set<Xapian::docid> dormant;
    for (auto it = x.postlist_begin(P_DORMANT); it != x.postlist_end(P_DORMANT); ++it)
        dormant.insert(*it);
    std::vector<Held> out;
    const std::string prefix = P_COPY;
    /* A copy's paragraphs are all shadowed or none (set_dormant shadows them
     * together, index.cc adds them together): its first tells. */
    auto look = [&](Held &h) {
        bool any_dormant = false;
        for (const Copy &c : h.copies) {
            auto p = x.postlist_begin(c.term);
            any_dormant = any_dormant || (p != x.postlist_end(c.term) && dormant.count(*p));
        }
        if (h.copies.size() < 2 && !any_dormant)
            return;
        for (Copy &c : h.copies) {
            for (auto p = x.postlist_begin(c.term); p != x.postlist_end(c.term); ++p)
                c.docs.push_back(*p);
            if (c.docs.empty())
                continue;
            c.dormant = dormant.count(c.docs.front()) > 0;
            c.source = x.get_document(c.docs.front()).get_value(SLOT_SOURCE);
        }
        out.push_back(std::move(h));
    };
    Held h;
    for (auto it = x.allterms_begin(prefix); it != x.allterms_end(prefix); ++it) {
        std::string t = *it;
        size_t sep = t.find('\x1f', prefix.size());
        if (sep == std::string::npos)
            continue;
        std::string key = t.substr(prefix.size(), sep - prefix.size());
        if (key != h.key) {
            if (!h.copies.empty())
                look(h);
            h = Held();
            h.key = key;
        }
        h.copies.push_back(Copy{t, std::string(), {}, false});
    }
    if (!h.copies.empty())
        look(h);
    return out;
}

/* The modification time resdexd recorded for each file (0 when none). */
int
note_mtime(const resdex_file_entry_t *e, void *ctx)
{
    if (e->valid)
        (*static_cast<std::map<std::string, int64_t> *>(ctx))[e->path] = e->mtime_ns;
    return 0;
}

/* The copy that is searched: AKN over the rest, then the newer file, then
 * the path first in byte order. */
const Copy *
searched_copy(const Held &h, const std::map<std::string, int64_t> &mtimes)
{
    auto mtime = [&](const Copy &c) {
        auto it = mtimes.find(c.source);
        return it == mtimes.end() ? int64_t(0) : it->second;
    };
    const Copy *best = nullptr;
    for (const Copy &c : h.copies) {
        if (c.docs.empty())
            continue;
        if (!best) {
            best = &c;
            continue;
        }
        bool a = is_akn(c.source), b = is_akn(best->source);
        if (a != b) {
            if (a)
                best = &c;
            continue;
        }
        int64_t ma = mtime(c), mb = mtime(*best);
        if (ma != mb) {
            if (ma > mb)
                best = &c;
            continue;
        }
        if (c.source < best->source)
            best = &c;
    }
    return best;
}

/* The documents that shadow (or bring back) every paragraph of copy c,
 * appended to `out` with their ids. Read before anything is replaced: the
 * reads then never wait for the writes of the documents before them. */
void
dormant_docs(Xapian::WritableDatabase &w, const Copy &c, bool dormant,
             std::vector<std::pair<Xapian::docid, Xapian::Document>> &out)
{
    for (Xapian::docid id : c.docs) {
        Xapian::Document d = w.get_document(id);
        if (dormant) {
            Xapian::Document z;
            z.set_data(d.serialise());
            z.add_boolean_term(P_DORMANT);
            z.add_boolean_term(c.term);
            z.add_boolean_term(key_term(P_SOURCE, c.source));
            z.add_value(SLOT_SOURCE, c.source);
            /* A shadowed copy still teaches its synonyms (index.cc). */
            for (auto t = d.termlist_begin(); t != d.termlist_end(); ++t)
                if ((*t).compare(0, sizeof P_SYNONYM - 1, P_SYNONYM) == 0)
                    z.add_boolean_term(*t);
            out.emplace_back(id, std::move(z));
        } else {
            out.emplace_back(id, Xapian::Document::unserialise(d.get_data()));
        }
    }
}

/* The symbol and language of "SYMBOL@lang". */
void
split_key(const std::string &key, std::string &symbol, std::string &lang)
{
    size_t at = key.rfind('@');
    symbol = key.substr(0, at);
    lang = at == std::string::npos ? std::string() : key.substr(at + 1);
}

/* Whether h's copies are as the choice wants them (best: the one searched). */
bool
settled(const Held &h, const Copy *best)
{
    for (const Copy &c : h.copies)
        if (!c.docs.empty() && c.dormant != (&c != best))
            return false;
    return true;
}

} // namespace

extern "C" resdex_status_t
resdex_db_settle_copies(resdex_db_t *db, int (*fn)(const resdex_copy_t *c, void *ctx), void *ctx,
                        int (*stop)(void *ctx), void *stop_ctx)
{
    return guarded(db, [&] {
        if (!db)
            return RESDEX_STATUS_BAD_ARGUMENT;
        if (resdex_status_t st = need_writable(db))
            return st;
        Xapian::WritableDatabase &w = *db->wdb;
        bool marked = !w.get_metadata(RESDEX_META_UNSETTLED).empty();
        std::vector<Held> held = held_copies(w);
        std::map<std::string, int64_t> mtimes;
        if (!held.empty())
            if (resdex_status_t st =
                    resdex_db_list_files(db, RESDEX_FILE_INDEXED, "", note_mtime, &mtimes))
                return st;
        /* The resolutions to change, with the copy each searches. */
        std::vector<std::pair<const Held *, const Copy *>> todo;
        for (const Held &h : held) {
            const Copy *best = searched_copy(h, mtimes);
            if (best && !settled(h, best))
                todo.emplace_back(&h, best);
        }
        db_begin_pending(db);
        bool telling = fn != nullptr;
        std::vector<std::pair<Xapian::docid, Xapian::Document>> batch;
        /* One transaction grown over thousands of replaced documents holds
         * them all in memory, and reads interleaved with the writes cost more
         * than reads then writes: read a batch of copies, replace them,
         * commit them (marked unsettled until the last). */
        auto flush = [&](bool commit) {
            for (auto &r : batch)
                w.replace_document(r.first, r.second);
            batch.clear();
            if (commit) {
                w.set_metadata(RESDEX_META_UNSETTLED, "1");
                db->in_txn = false;
                w.commit_transaction();
                db_begin_pending(db);
                marked = true;
            }
        };
        for (size_t i = 0; i < todo.size(); i++) {
            const Held *h = todo[i].first;
            const Copy *best = todo[i].second;
            std::string symbol, lang;
            split_key(h->key, symbol, lang);
            /* The copy searched comes back first, the others are shadowed
             * after it: stopped between two copies, a resolution is searched
             * in one copy or more, never in none. */
            std::vector<const Copy *> order = {best};
            for (const Copy &c : h->copies)
                if (&c != best)
                    order.push_back(&c);
            for (const Copy *c : order) {
                bool dormant = c != best;
                if (c->docs.empty() || c->dormant == dormant)
                    continue;
                if (stop && stop(stop_ctx)) {
                    /* Stopped: what is read is replaced, the rest is for
                     * the next settle. */
                    flush(false);
                    w.set_metadata(RESDEX_META_UNSETTLED, "1");
                    return RESDEX_STATUS_SUCCESS;
                }
                dormant_docs(w, *c, dormant, batch);
                resdex_copy_t report = {symbol.c_str(), lang.c_str(), best->source.c_str(),
                                        dormant ? c->source.c_str() : nullptr};
                if (telling && fn(&report, ctx))
                    telling = false;
                if (batch.size() >= RESDEX_SETTLE_BATCH)
                    flush(true);
            }
        }
        flush(false);
        if (marked)
            w.set_metadata(RESDEX_META_UNSETTLED, "");
        return RESDEX_STATUS_SUCCESS;
    });
}

extern "C" resdex_status_t
resdex_db_list_shadowed(resdex_db_t *db, int (*fn)(const resdex_copy_t *c, void *ctx), void *ctx)
{
    return guarded(db, [&] {
        if (!db || !fn)
            return RESDEX_STATUS_BAD_ARGUMENT;
        for (const Held &h : held_copies(db->db())) {
            const Copy *kept = nullptr;
            for (const Copy &c : h.copies)
                if (!c.dormant && !c.docs.empty())
                    kept = &c;
            std::string symbol, lang;
            split_key(h.key, symbol, lang);
            for (const Copy &c : h.copies) {
                if (!c.dormant)
                    continue;
                resdex_copy_t report = {symbol.c_str(), lang.c_str(),
                                        kept ? kept->source.c_str() : nullptr, c.source.c_str()};
                if (fn(&report, ctx))
                    return RESDEX_STATUS_SUCCESS;
            }
        }
        return RESDEX_STATUS_SUCCESS;
    });
}
