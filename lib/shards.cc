/* shards.cc - an index made of shards: a Xapian stub file, one line per
 * shard ("auto PATH" for a local index, "remote HOST:PORT" for one served
 * by xapian-tcpsrv), joined into one Database (doc/shards.md).
 *
 * resdex opens the lines itself rather than through Xapian::Database(stub):
 * it needs each shard apart, for the metadata (Xapian's get_metadata() on a
 * joined database reads only the first shard: db_get_metadata below), to
 * name the shard that does not answer, and to give remote shards a timeout
 * (RESDEX_SHARD_TIMEOUT; the stub format of Xapian 1.4 has none). The
 * joined database has Xapian's merged statistics, so the weights, and with
 * the stable tie key (terms.hh SLOT_TIE) the order, are those of one index
 * of the same documents. */
#include "db-private.hh"
#include "terms.hh"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

namespace
{

/* The timeout of a remote shard's answers and connection, in ms:
 * RESDEX_SHARD_TIMEOUT, else Xapian's default (10 s). */
unsigned
shard_timeout_ms()
{
    const char *v = getenv("RESDEX_SHARD_TIMEOUT");
    if (!v || !*v)
        return 10000;
    char *end = nullptr;
    unsigned long ms = strtoul(v, &end, 10);
    if (!end || *end || ms == 0 || ms > 3600000)
        throw resdex::Error{RESDEX_STATUS_BAD_ARGUMENT,
                            std::string("RESDEX_SHARD_TIMEOUT wants milliseconds (1 to "
                                        "3600000), not '") +
                                v + "'"};
    return static_cast<unsigned>(ms);
}

/* Each shard's value of key must be the same: format and feature flags
 * decide how a query is built, once, for all of them. */
resdex_status_t
same_everywhere(resdex_db_t *db, const char *key)
{
    const std::string first = db->shards[0].db.get_metadata(key);
    for (const auto &s : db->shards) {
        std::string v = s.db.get_metadata(key);
        if (v != first)
            return db_fail(db, RESDEX_STATUS_DB_OPENING,
                           "stub " + db->path + ": shard " + s.name + " has " + key + " '" + v +
                               "', shard " + db->shards[0].name + " '" + first +
                               "': rebuild the shards with the same resdexd");
    }
    return RESDEX_STATUS_SUCCESS;
}

} // namespace

namespace
{

/* Open (or connect again to) the shard of its stub line s.line; s.name and
 * s.at are set. Throws Xapian's errors; a malformed line is a resdex::Error. */
void
open_shard(resdex_db::Shard &s, const std::string &dir, unsigned ms)
{
    std::istringstream words(s.line);
    std::string type, where, extra;
    words >> type >> where;
    if (where.empty() || (words >> extra && type != "remote"))
        throw resdex::Error{RESDEX_STATUS_DB_OPENING,
                            s.at + ": want 'auto PATH' or 'remote HOST:PORT', not '" + s.line +
                                "'"};
    if (type == "auto" || type == "glass") {
        s.path = where[0] == '/' ? where : dir + where;
        s.db = Xapian::Database(s.path);
    } else if (type == "remote" && extra.empty() && where.find(':') != std::string::npos) {
        size_t colon = where.rfind(':');
        char *end = nullptr;
        unsigned long port = strtoul(where.c_str() + colon + 1, &end, 10);
        if (!end || *end || port == 0 || port > 65535)
            throw resdex::Error{RESDEX_STATUS_DB_OPENING,
                                s.at + ": '" + where + "' has no port number"};
        std::string host = colon ? where.substr(0, colon) : "127.0.0.1";
        s.db = Xapian::Remote::open(host, static_cast<unsigned>(port), ms, ms);
        s.remote = true;
    } else if (type == "remote") {
        /* "remote PROGRAM ARGS": xapian-progsrv over a pipe. */
        std::string args = s.line.substr(s.line.find(where) + where.size());
        s.db = Xapian::Remote::open(where, args, ms);
        s.remote = true;
    } else {
        throw resdex::Error{RESDEX_STATUS_DB_OPENING,
                            s.at + ": unknown database type '" + type +
                                "' (resdex reads 'auto PATH' and 'remote HOST:PORT')"};
    }
}

std::string
why(const Xapian::Error &e)
{
    return e.get_msg() +
           (e.get_error_string() ? std::string(" (") + e.get_error_string() + ")" : std::string());
}

void
join_shards(resdex_db_t *db)
{
    db->rdb.reset(new Xapian::Database());
    for (const auto &s : db->shards)
        db->rdb->add_database(s.db);
}

} // namespace

resdex_status_t
db_open_stub(resdex_db_t *db)
{
    std::ifstream in(db->path);
    if (!in)
        return db_fail(db, RESDEX_STATUS_DB_OPENING,
                       "cannot open stub " + db->path + ": " + strerror(errno));
    std::string dir = db->path.substr(0, db->path.rfind('/') + 1);
    unsigned ms = shard_timeout_ms();
    const bool partial = db->mode == RESDEX_DB_READ_PARTIAL;
    std::string line, first_down;
    unsigned lineno = 0;
    while (std::getline(in, line)) {
        lineno++;
        std::istringstream words(line);
        std::string type, where;
        words >> type >> where;
        if (type.empty() || type[0] == '#')
            continue;
        resdex_db::Shard s{
            where, std::string(), Xapian::Database(),
            false, line,          "stub " + db->path + " line " + std::to_string(lineno)};
        try {
            open_shard(s, dir, ms);
        } catch (const Xapian::Error &e) {
            std::string m = "shard " + where + " (" + s.at + ") cannot be opened: " + why(e);
            if (!partial)
                return db_fail(db, RESDEX_STATUS_DB_OPENING, m);
            /* Left out: the answers come from the others, marked. */
            db->down.push_back(std::make_unique<std::string>(where));
            if (first_down.empty())
                first_down = m;
            continue;
        }
        db->shards.push_back(std::move(s));
    }
    if (db->shards.empty())
        return db_fail(db, RESDEX_STATUS_DB_OPENING,
                       first_down.empty() ? "stub " + db->path + " names no shard"
                                          : "no shard of stub " + db->path +
                                                " answers, not even partly: " + first_down);
    /* Not RESDEX_META_PAIRS: a search over shards does not use the pairs
     * (search.cc), and shards built apart learn their own pair words. */
    for (const char *key : {RESDEX_META_FORMAT, RESDEX_META_FOLD, RESDEX_META_ADOPTION,
                            RESDEX_META_TIE, RESDEX_META_SYNONYM_TERMS, RESDEX_META_ALSO})
        if (resdex_status_t st = same_everywhere(db, key))
            return st;
    join_shards(db);
    return RESDEX_STATUS_SUCCESS;
}

bool
db_drop_dead_shards(resdex_db_t *db)
{
    if (!db || db->mode != RESDEX_DB_READ_PARTIAL || db->shards.empty())
        return false;
    std::string dir = db->path.substr(0, db->path.rfind('/') + 1);
    unsigned ms = shard_timeout_ms();
    std::vector<bool> answers;
    for (auto &s : db->shards) {
        try {
            if (s.remote)
                open_shard(s, dir, ms);
            else
                s.db.reopen();
            (void)s.db.get_doccount();
            answers.push_back(true);
        } catch (const Xapian::Error &) {
            answers.push_back(false);
        }
    }
    /* None answers: the error stands, over the shards as they were. */
    if (std::find(answers.begin(), answers.end(), true) == answers.end())
        return false;
    size_t before = db->down.size();
    std::vector<resdex_db::Shard> alive;
    for (size_t i = 0; i < db->shards.size(); i++)
        if (answers[i])
            alive.push_back(std::move(db->shards[i]));
        else
            db->down.push_back(std::make_unique<std::string>(db->shards[i].name));
    db->shards = std::move(alive);
    join_shards(db);
    return db->down.size() > before;
}

std::vector<Xapian::Database *>
db_meta_sources(resdex_db_t *db)
{
    std::vector<Xapian::Database *> out;
    if (db->shards.empty())
        out.push_back(&db->db());
    for (auto &s : db->shards)
        out.push_back(&s.db);
    return out;
}

std::string
db_get_metadata(resdex_db_t *db, const std::string &key)
{
    for (Xapian::Database *x : db_meta_sources(db)) {
        std::string v = x->get_metadata(key);
        if (!v.empty())
            return v;
    }
    return std::string();
}

void
db_reopen(resdex_db_t *db)
{
    db->db().reopen();
    for (auto &s : db->shards)
        s.db.reopen();
}

bool
db_has_remote(const resdex_db_t *db)
{
    for (const auto &s : db->shards)
        if (s.remote)
            return true;
    return false;
}

std::string
db_dead_shard(resdex_db_t *db)
{
    if (!db)
        return std::string();
    for (auto &s : db->shards) {
        try {
            if (s.remote)
                s.db.keep_alive();
            else
                (void)s.db.get_doccount();
        } catch (const Xapian::Error &e) {
            return "shard " + s.name + " does not answer: " + e.get_msg();
        } catch (...) {
            return "shard " + s.name + " does not answer";
        }
    }
    return std::string();
}
