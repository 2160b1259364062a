/* db.cc - opening, committing and describing the Xapian index. */
#include "db-private.hh"
#include "terms.hh"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

void
db_begin_pending(resdex_db_t *db)
{
    if (db->wdb && !db->in_txn) {
        db->wdb->begin_transaction(true);
        db->in_txn = true;
    }
}

void
db_cancel_pending(resdex_db_t *db)
{
    if (db->wdb && db->in_txn) {
        db->in_txn = false;
        db->wdb->cancel_transaction();
    }
}

/* Killed while Xapian was creating it, an index folder can hold the start
 * of one: the lock file, empty tables, the version file not yet renamed
 * into place ("v.tmp"), and no "iamglass". Xapian neither opens nor creates
 * an index there. Such a folder holds nothing: clear it for a new index.
 * True when it was one (and is now empty); anything else in the folder, a
 * table with data, or a writer holding the lock: left alone. */
static bool
clear_half_created(const std::string &path)
{
    DIR *d = opendir(path.c_str());
    if (!d)
        return false;
    std::vector<std::string> names;
    bool half = true;
    while (struct dirent *e = readdir(d)) {
        std::string n = e->d_name;
        if (n == "." || n == "..")
            continue;
        struct stat st;
        std::string full = path + "/" + n;
        bool empty_table = n.size() > 6 && n.compare(n.size() - 6, 6, ".glass") == 0 &&
                           stat(full.c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 0;
        if (n != "flintlock" && n != "v.tmp" && !empty_table)
            half = false;
        names.push_back(full);
    }
    closedir(d);
    if (!half || names.empty())
        return false;
    /* A writer creating it right now holds the lock: not ours to clear. */
    int fd = open((path + "/flintlock").c_str(), O_RDWR | O_CLOEXEC);
    if (fd >= 0) {
        struct flock fl = {};
        fl.l_type = F_WRLCK;
        fl.l_whence = SEEK_SET;
        bool held = fcntl(fd, F_OFD_GETLK, &fl) != 0 || fl.l_type != F_UNLCK;
        close(fd);
        if (held)
            return false;
    }
    for (const std::string &n : names)
        if (unlink(n.c_str()) != 0 && errno != ENOENT)
            return false;
    return true;
}

extern "C" resdex_status_t
resdex_db_open(const char *path, resdex_db_mode_t mode, resdex_db_t **out)
{
    if (!out)
        return RESDEX_STATUS_BAD_ARGUMENT;
    *out = nullptr;
    resdex_db_t *db = new (std::nothrow) resdex_db_t();
    if (!db)
        return RESDEX_STATUS_OUT_OF_MEMORY;
    *out = db;
    return guarded(db, [&] {
        db->mode = mode;
        if (!path || !*path)
            return db_fail(db, RESDEX_STATUS_BAD_ARGUMENT, "no index path given");
        db->path = path;
        if (mode == RESDEX_DB_READ_WRITE || mode == RESDEX_DB_PART) {
            int flags = Xapian::DB_CREATE_OR_OPEN;
            if (mode == RESDEX_DB_PART)
                flags |= Xapian::DB_NO_SYNC;
            try {
                db->wdb.reset(new Xapian::WritableDatabase(path, flags));
            } catch (const Xapian::DatabaseOpeningError &) {
                if (!clear_half_created(path))
                    throw;
                db->wdb.reset(new Xapian::WritableDatabase(path, flags));
            }
            std::string format = db->wdb->get_metadata(RESDEX_META_FORMAT);
            if (format.empty() && db->wdb->get_doccount() == 0) {
                db->wdb->set_metadata(RESDEX_META_FORMAT, RESDEX_INDEX_FORMAT);
                db->wdb->set_metadata(RESDEX_META_PAIRS, "1");
                db->wdb->commit();
            } else if (format != RESDEX_INDEX_FORMAT) {
                return db_fail(db, RESDEX_STATUS_DB_OPENING,
                               "index " + db->path + " has format '" + format + "', not '" +
                                   RESDEX_INDEX_FORMAT + "': delete it and reindex");
            }
        } else {
            db->rdb.reset(new Xapian::Database(path));
            std::string format = db->rdb->get_metadata(RESDEX_META_FORMAT);
            /* Empty and without a format: resdexd was stopped (or killed)
             * between creating the index and its first commit. */
            bool empty = format.empty() && db->rdb->get_doccount() == 0;
            if (format != RESDEX_INDEX_FORMAT && !empty)
                return db_fail(db, RESDEX_STATUS_DB_OPENING,
                               "index " + db->path + " is not a resdex index (format '" + format +
                                   "'): build it with resdexd");
        }
        return RESDEX_STATUS_SUCCESS;
    });
}

extern "C" void
resdex_db_close(resdex_db_t *db)
{
    if (!db)
        return;
    /* Uncommitted changes are inside a transaction, which Xapian's
     * destructor cancels: closing never publishes a half-done batch. */
    (void)guarded(db, [&] {
        db_cancel_pending(db);
        if (db->wdb)
            db->wdb->close();
        return RESDEX_STATUS_SUCCESS;
    });
    delete db;
}

extern "C" const char *
resdex_db_last_error(const resdex_db_t *db)
{
    if (!db)
        return "no database handle";
    return db->static_error ? db->static_error : db->error.c_str();
}

extern "C" resdex_status_t
resdex_db_reopen(resdex_db_t *db)
{
    return guarded(db, [&] {
        if (!db)
            return RESDEX_STATUS_BAD_ARGUMENT;
        db->db().reopen();
        return RESDEX_STATUS_SUCCESS;
    });
}

resdex_status_t
need_writable(resdex_db_t *db)
{
    if (!db)
        return RESDEX_STATUS_BAD_ARGUMENT;
    if (!db->wdb && db->mode != RESDEX_DB_READ_ONLY)
        return db_fail(db, RESDEX_STATUS_DB_OPENING,
                       "index " + db->path + " could not be reopened after a merge");
    if (!db->wdb)
        return db_fail(db, RESDEX_STATUS_BAD_ARGUMENT, "index opened read-only");
    return RESDEX_STATUS_SUCCESS;
}

extern "C" resdex_status_t
resdex_db_commit(resdex_db_t *db)
{
    return guarded(db, [&] {
        if (resdex_status_t st = need_writable(db))
            return st;
        if (db->in_txn) {
            db->in_txn = false;
            db->wdb->commit_transaction();
        } else {
            db->wdb->commit();
        }
        return RESDEX_STATUS_SUCCESS;
    });
}

extern "C" resdex_status_t
resdex_db_cancel(resdex_db_t *db)
{
    return guarded(db, [&] {
        if (resdex_status_t st = need_writable(db))
            return st;
        db_cancel_pending(db);
        return RESDEX_STATUS_SUCCESS;
    });
}

extern "C" resdex_status_t
resdex_db_set_metadata(resdex_db_t *db, const char *key, const char *value)
{
    return guarded(db, [&] {
        if (resdex_status_t st = need_writable(db))
            return st;
        if (!key || !*key)
            return db_fail(db, RESDEX_STATUS_BAD_ARGUMENT, "empty metadata key");
        db_begin_pending(db);
        db->wdb->set_metadata(key, value ? value : "");
        return RESDEX_STATUS_SUCCESS;
    });
}

extern "C" resdex_status_t
resdex_db_get_metadata(resdex_db_t *db, const char *key, char **value)
{
    return guarded(db, [&] {
        if (value)
            *value = nullptr;
        if (!db || !key || !value)
            return RESDEX_STATUS_BAD_ARGUMENT;
        std::string v = db->db().get_metadata(key);
        if (v.empty())
            return RESDEX_STATUS_NOT_FOUND;
        *value = strdup(v.c_str());
        return *value ? RESDEX_STATUS_SUCCESS : RESDEX_STATUS_OUT_OF_MEMORY;
    });
}

extern "C" resdex_status_t
resdex_db_list_metadata(resdex_db_t *db, const char *prefix,
                        int (*fn)(const char *key, const char *value, void *ctx), void *ctx)
{
    return guarded(db, [&] {
        if (!db || !fn)
            return RESDEX_STATUS_BAD_ARGUMENT;
        std::string pfx = prefix ? prefix : "";
        Xapian::Database &x = db->db();
        for (auto it = x.metadata_keys_begin(pfx); it != x.metadata_keys_end(pfx); ++it) {
            std::string key = *it;
            std::string value = x.get_metadata(key);
            if (fn(key.c_str(), value.c_str(), ctx))
                break;
        }
        return RESDEX_STATUS_SUCCESS;
    });
}

static uint64_t
count_terms(Xapian::Database &x, const std::string &prefix)
{
    uint64_t n = 0;
    for (auto it = x.allterms_begin(prefix); it != x.allterms_end(prefix); ++it)
        n++;
    return n;
}

extern "C" resdex_status_t
resdex_db_get_counts(resdex_db_t *db, resdex_db_counts_t *counts)
{
    return guarded(db, [&] {
        if (!db || !counts)
            return RESDEX_STATUS_BAD_ARGUMENT;
        memset(counts, 0, sizeof *counts);
        Xapian::Database &x = db->db();
        counts->paragraphs = x.get_doccount();
        counts->resolutions = count_terms(x, P_RESKEY);
        counts->sources = count_terms(x, P_SOURCE);
        return RESDEX_STATUS_SUCCESS;
    });
}

extern "C" resdex_status_t
resdex_db_facet_counts(resdex_db_t *db, const char *facet,
                       int (*fn)(const char *value, uint64_t count, void *ctx), void *ctx)
{
    return guarded(db, [&] {
        if (!db || !facet || !fn)
            return RESDEX_STATUS_BAD_ARGUMENT;
        const char *prefix = nullptr;
        if (strcmp(facet, "kind") == 0)
            prefix = P_KIND;
        else if (strcmp(facet, "lang") == 0)
            prefix = P_LANG;
        else if (strcmp(facet, "body") == 0)
            prefix = P_BODY;
        else if (strcmp(facet, "year") == 0)
            prefix = P_YEAR;
        else if (strcmp(facet, "verb") == 0)
            prefix = P_VERB;
        if (!prefix)
            return db_fail(db, RESDEX_STATUS_BAD_ARGUMENT, std::string("unknown facet: ") + facet);
        Xapian::Database &x = db->db();
        size_t plen = strlen(prefix);
        for (auto it = x.allterms_begin(prefix); it != x.allterms_end(prefix); ++it) {
            std::string term = *it;
            /* "X..." prefixes are unambiguous; single capitals need the next
             * character not to be a capital (Xapian's convention). */
            if (term.size() <= plen)
                continue;
            if (fn(term.c_str() + plen, it.get_termfreq(), ctx))
                break;
        }
        return RESDEX_STATUS_SUCCESS;
    });
}
