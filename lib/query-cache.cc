/* query-cache.cc - per-resolution look-ups kept between searches; see
 * query-cache.hh. */
#include "query-cache.hh"
#include "db-private.hh"

namespace
{

/* Past this many entries in all, the cache starts again empty: a bound on
 * a long-running server's memory (an entry is a context record, a few
 * hundred bytes, or less). */
const size_t MAX_ENTRIES = 50000;

} // namespace

QueryCache *
query_cache(resdex_db *db)
{
    if (!db || db->wdb || !db->rdb || !db->shards.empty())
        return nullptr;
    Xapian::rev rev;
    try {
        rev = db->rdb->get_revision();
    } catch (const Xapian::Error &) {
        return nullptr; /* no one revision to key the entries on */
    }
    if (!db->cache)
        db->cache = std::make_shared<QueryCache>();
    QueryCache &c = *db->cache;
    if (!c.set || c.rev != rev || c.dev != db->folder_dev || c.ino != db->folder_ino ||
        c.contexts.size() + c.cited.size() + c.prov.size() > MAX_ENTRIES) {
        c.clear();
        c.rev = rev;
        c.dev = db->folder_dev;
        c.ino = db->folder_ino;
        c.set = true;
    }
    return &c;
}
