/* db-private.hh - the database handle and the exception wall (private).
 *
 * The body of every extern "C" function in the library's .cc files is one
 * guarded() call, its argument checks inside: guarded() turns every
 * exception into a status and a message kept on the handle (error.hh), so
 * that no exception ever crosses into C. */
#ifndef RESDEX_DB_PRIVATE_HH
#define RESDEX_DB_PRIVATE_HH

#include "error.hh"
#include "resdex.h"
#include "util.h"

#include <memory>
#include <new>
#include <string>
#include <sys/types.h>
#include <vector>
#include <xapian.h>

struct QueryCache; /* query-cache.hh */
class PairWords;   /* pairs.hh */

struct resdex_db {
    std::string path;
    resdex_db_mode_t mode;
    /* For a writable handle both point at the same object. */
    std::unique_ptr<Xapian::WritableDatabase> wdb;
    std::unique_ptr<Xapian::Database> rdb;
    std::string error;
    /* When set, the message instead of `error`: one that needed no memory. */
    const char *static_error = nullptr;
    /* Writers keep changes inside a Xapian transaction from the first change
     * to resdex_db_commit(), so that resdex_db_cancel() (or closing, or a
     * crash) drops a half-done batch instead of publishing it. */
    bool in_txn = false;
    /* READ_WRITE: the index folder, open and flock()ed (db_lock_folder). */
    int lock_fd = -1;
    /* READ_ONLY: the folder rdb reads, open (-1: a stub file, or no /proc),
     * and its identity. rdb is opened through "/proc/self/fd/N", so that
     * every file Xapian opens, now or later, is in that one folder even
     * when a compaction or a merge swaps another into the index's place
     * (merge.cc); db_refresh opens the folder swapped in afresh. `pinned`
     * is that path, put back as db->path in messages (error.cc). */
    int reader_fd = -1;
    std::string pinned;
    dev_t folder_dev = 0;
    ino_t folder_ino = 0;
    /* Opened from a stub file (shards.cc): each line's database, named as
     * the line names it ("127.0.0.1:9001", a path), in the stub's order;
     * rdb joins them. Empty for an index folder. */
    struct Shard {
        std::string name;
        std::string path; /* a local shard's folder; "" when remote */
        Xapian::Database db;
        bool remote;
        std::string line; /* the stub's line, to connect again (shards.cc) */
        std::string at;   /* "stub PATH line N" */
    };
    std::vector<Shard> shards;
    /* READ_PARTIAL: the shards left out (not opened, or no longer answering),
     * by name, in the order they went; never shrinks while the handle is open
     * (each string its own: it stays where resdex_db_shard_down lent it; a
     * vector, whose empty constructor allocates nothing, unlike a deque's:
     * resdex_db_open makes the handle outside the exception wall). */
    std::vector<std::unique_ptr<std::string>> down;
    /* Opened REBUILD_OLDER: the format of the index replaced ("" if none). */
    std::string replaced_format;
    /* A reader's per-resolution look-ups, kept between searches
     * (query-cache.hh); made by the first search that keeps one. */
    std::shared_ptr<QueryCache> cache;
    /* The index's pair words (pairs.hh db_pair_words), and the metadata
     * they were read from. */
    std::shared_ptr<const PairWords> pair_words;
    std::string pair_words_key;
    Xapian::Database &db()
    {
        return wdb ? *wdb : *rdb;
    }
};

/* Metadata over shards (shards.cc). Xapian's Database::get_metadata() and
 * metadata_keys_begin() on a database of several read only the first one:
 * a value resdex reads at query time (a file's state, a resolution's
 * adoption, the last update) may be on any shard. */
/* The value of key: the first shard's that has one (a key is written by one
 * file, so one shard); "" when none has it. */
std::string db_get_metadata(resdex_db_t *db, const std::string &key);
/* The databases whose metadata make the index's: each shard of a stub, else
 * the index itself. */
std::vector<Xapian::Database *> db_meta_sources(resdex_db_t *db);
/* True when some shard of db is remote (its matcher then runs in
 * xapian-tcpsrv, which knows no subclass of ours: PostingSource, MatchSpy). */
bool db_has_remote(const resdex_db_t *db);
/* Reopen db at its latest revision: the index, or every shard of a stub
 * (the joined database and each shard apart, whose metadata is read). */
void db_reopen(resdex_db_t *db);
/* Open the stub file db->path into db->shards and db->rdb: DB_OPENING with
 * a message naming the stub's line or the shard that cannot be opened. */
resdex_status_t db_open_stub(resdex_db_t *db);
/* After a Xapian error: the message naming the first shard that no longer
 * answers ("shard 127.0.0.1:9002 does not answer: ..."), or "" when every
 * shard answers (or db is no stub). */
std::string db_dead_shard(resdex_db_t *db);
/* READ_PARTIAL, after a NetworkError: every remote shard connected again (a
 * connection that failed mid-answer may hold half a reply), those that
 * cannot be, and local ones that do not answer, moved to db->down, and the
 * rest joined again. True when a shard was left out and some still answer
 * (the read can be run again); false otherwise (the error stands). */
bool db_drop_dead_shards(resdex_db_t *db);

/* Open the writer's transaction if none is open (writable handles only). */
void db_begin_pending(resdex_db_t *db);

/* BAD_ARGUMENT (with a message on the handle) unless db is open for writing. */
resdex_status_t need_writable(resdex_db_t *db);
/* Drop the open transaction, if any. */
void db_cancel_pending(resdex_db_t *db);

/* The writer's own lock, beside Xapian's: an exclusive flock() on the index
 * folder itself, taken before Xapian's and held for as long as the handle
 * is open, also while another folder is swapped into the index's place
 * (merge.cc): a second writer tries the folder at the path first, so it
 * finds one locked whichever folder is there. The folder's descriptor, or
 * -1 with errno (EWOULDBLOCK: another writer holds it). `path` must exist. */
int db_lock_folder(const std::string &path);

/* Opened REBUILD_OLDER (merge.cc): replace the index of an older `format`,
 * open in db->wdb under the writer's lock, by an empty index that keeps the
 * metadata saying what it is for (corpus, shard), and reopen db->wdb on it.
 * Throws resdex::Error, Xapian's errors. */
void db_renew_older(resdex_db_t *db, const std::string &format);

/* READ_ONLY: open rdb on the folder at db->path (see reader_fd): one whole
 * index, never one folder's version file with the other's tables. Throws
 * Xapian's errors (DatabaseOpeningError: not there, not an index). */
void db_open_reader(resdex_db_t *db);
/* The tests' hooks: with the environment variable `env` set to FILE, create
 * FILE.paused and wait (at most a minute) for FILE.go. RESDEX_TEST_SWAP_PAUSE
 * (merge.cc: the new folder swapped in, no Xapian lock held) and
 * RESDEX_TEST_OPEN_PAUSE (db_open_reader: the folder's descriptor taken,
 * not yet opened by Xapian). */
void db_test_pause(const char *env);
/* READ_ONLY: whether the folder at db->path is no longer the one rdb reads. */
bool db_folder_swapped(const resdex_db_t *db);
/* Bring the handle to the index's latest revision: reopen() the folder it
 * reads, or open afresh the folder swapped into its place. Throws. */
void db_refresh(resdex_db_t *db);

/* Run a read, again (up to three times) when the index changed under it: a
 * revision the reader was reading was discarded by the writer's commits
 * (DatabaseModifiedError), or another folder was swapped into the index's
 * place and the old one removed (any DatabaseError, then), or (READ_PARTIAL)
 * a shard stopped answering and was left out (NetworkError). The body must be
 * safe to run again from its start. */
template <class F>
resdex_status_t
with_reopen(resdex_db_t *db, F body)
{
    for (int attempt = 0;; attempt++) {
        try {
            return body();
        } catch (const Xapian::DatabaseModifiedError &) {
            if (attempt >= 3)
                throw;
            db_refresh(db);
        } catch (const Xapian::DatabaseError &) {
            if (attempt >= 3 || !db_folder_swapped(db))
                throw;
            db_refresh(db);
        } catch (const Xapian::NetworkError &) {
            /* A shard down: left out, when partial answers were asked for. */
            if (attempt >= 3 || !db_drop_dead_shards(db))
                throw;
        }
    }
}

template <class F>
resdex_status_t
guarded(resdex_db_t *db, F body) noexcept
{
    try {
        db_error_clear(db);
        /* A failure without a message of its own gets its status's. */
        return db_error_end(db, body());
    } catch (...) {
        return status_of_exception(db);
    }
}

#endif
