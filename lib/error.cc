/* error.cc - from an exception to a status and a message; see error.hh. */
#include "db-private.hh"
#include "util.h"

#include <exception>
#include <new>

void
resdex::out_of_memory(const char *doing)
{
    throw Error{RESDEX_STATUS_OUT_OF_MEMORY, std::string("out of memory ") + doing};
}

namespace
{

void
keep(resdex_db_t *db, const std::string &message)
{
    if (!db)
        return;
    db->error = message;
    /* A reader's files are opened through its folder's descriptor
     * (db-private.hh): name them by the index's path. */
    if (db->pinned.empty())
        return;
    for (size_t at = 0; (at = db->error.find(db->pinned, at)) != std::string::npos;
         at += db->path.size())
        db->error.replace(at, db->pinned.size(), db->path);
}

/* Xapian's message, its context, and the system's reason when there is
 * one: "Error writing block 68" says nothing of a full disk, "(No space
 * left on device)" does. */
std::string
describe(const Xapian::Error &e)
{
    std::string msg = e.get_msg();
    if (!e.get_context().empty())
        msg += " (" + e.get_context() + ")";
    const char *why = e.get_error_string();
    if (why && *why)
        msg += std::string(" (") + why + ")";
    return msg;
}

std::string
index_path(const resdex_db_t *db)
{
    return db ? db->path : std::string();
}

/* The status of the exception being handled into st, then its message onto
 * the handle: throws std::bad_alloc when the message cannot be built, st
 * already set. */
void
dispatch(resdex_db_t *db, resdex_status_t &st)
{
    try {
        throw;
    } catch (const resdex::Error &e) {
        st = e.status;
        keep(db, e.message);
    } catch (const Xapian::DatabaseLockError &) {
        st = RESDEX_STATUS_DB_LOCKED;
        keep(db, "index " + index_path(db) + " is locked: another resdexd is writing to it");
    } catch (const Xapian::DatabaseOpeningError &e) { /* not found, version */
        st = RESDEX_STATUS_DB_OPENING;
        keep(db, "cannot open index " + index_path(db) + ": " + describe(e));
    } catch (const Xapian::DatabaseCreateError &e) {
        st = RESDEX_STATUS_DB_OPENING;
        keep(db, "cannot open index " + index_path(db) + ": " + describe(e));
    } catch (const Xapian::DatabaseModifiedError &e) {
        st = RESDEX_STATUS_DB_MODIFIED;
        keep(db, e.get_type() + std::string(": ") + describe(e));
    } catch (const Xapian::DatabaseCorruptError &e) {
        st = RESDEX_STATUS_DB_CORRUPT;
        keep(db, "index " + index_path(db) + " is damaged (" + e.get_type() + ": " + describe(e) +
                     "); remove it and run resdexd again to rebuild it");
    } catch (const Xapian::QueryParserError &e) {
        st = RESDEX_STATUS_BAD_QUERY;
        keep(db, describe(e));
    } catch (const Xapian::WildcardError &e) {
        st = RESDEX_STATUS_BAD_QUERY;
        keep(db, describe(e));
    } catch (const Xapian::NetworkError &e) {
        /* A remote shard is down or too slow (NetworkTimeoutError): the
         * index cannot answer whole, as when it cannot be opened. */
        st = RESDEX_STATUS_DB_OPENING;
        std::string dead = db_dead_shard(db);
        keep(db, dead.empty() ? "a shard of " + index_path(db) + " does not answer: " + describe(e)
                              : dead + " (" + describe(e) + ")");
    } catch (const Xapian::Error &e) {
        st = RESDEX_STATUS_XAPIAN_ERROR;
        keep(db, e.get_type() + std::string(": ") + describe(e));
    } catch (const std::bad_alloc &) {
        st = RESDEX_STATUS_OUT_OF_MEMORY;
        keep(db, "out of memory");
    } catch (const std::exception &e) {
        st = RESDEX_STATUS_INTERNAL_ERROR;
        keep(db, std::string("internal error: ") + e.what());
    } catch (...) {
        st = RESDEX_STATUS_INTERNAL_ERROR;
        keep(db, "internal error: unknown exception");
    }
}

} // namespace

resdex_status_t
db_fail(resdex_db_t *db, resdex_status_t st, const std::string &message)
{
    keep(db, message);
    return st;
}

resdex_status_t
status_of_exception(resdex_db_t *db) noexcept
{
    resdex_status_t st = RESDEX_STATUS_INTERNAL_ERROR;
    try {
        dispatch(db, st);
        return db_error_end(db, st);
    } catch (...) {
    }
    /* No memory for the message: the status's own description. */
    if (db) {
        db->error.clear();
        db->static_error = resdex_status_to_string(st);
    }
    return st;
}

extern "C" void
db_error_clear(resdex_db_t *db)
{
    if (db) {
        db->error.clear();
        db->static_error = nullptr;
    }
}

extern "C" resdex_status_t
db_error_end(resdex_db_t *db, resdex_status_t st)
{
    if (!db)
        return st;
    if (st == RESDEX_STATUS_SUCCESS)
        db_error_clear(db);
    else if (db->error.empty() && !db->static_error)
        db->static_error = resdex_status_to_string(st);
    return st;
}
