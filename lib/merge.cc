/* merge.cc - an index made of parts built at once: Xapian's compactor
 * merges them, and the result takes the index's place in one rename; an
 * index grown loose (many deletions, many updates) compacted the same way.
 *
 * Xapian writes an index from one thread. resdexd builds a new index in
 * several parts on several threads and merges them here; merging costs a
 * few seconds for 200k paragraphs and leaves the index compact (smaller
 * than one grown file by file). */
#include "db-private.hh"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <ftw.h>
#include <map>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace
{

/* Swap two directories' names in one step (Linux renameat2); where the
 * file system cannot, two renames through a third name. */
void
swap_folders(const std::string &a, const std::string &b)
{
    if (renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0)
        return;
    if (errno != EINVAL && errno != ENOSYS)
        throw resdex::Error{RESDEX_STATUS_FILE_ERROR,
                            "cannot move the merged index to " + b + ": " + strerror(errno)};
    std::string aside = b + ".old";
    if (rename(b.c_str(), aside.c_str()) != 0 || rename(a.c_str(), b.c_str()) != 0 ||
        rename(aside.c_str(), a.c_str()) != 0)
        throw resdex::Error{RESDEX_STATUS_FILE_ERROR,
                            "cannot move the merged index to " + b + ": " + strerror(errno)};
}

/* Put the index at `fresh` (a new folder on the index's file system) in the
 * index's place and reopen db's writer on it; `fresh` then holds the former
 * index. The writer's lock (db_lock_folder) is held on both folders during
 * the swap, so a second writer finds the index locked at every moment,
 * also while neither folder is open in Xapian. */
void
swap_in(resdex_db_t *db, const std::string &fresh)
{
    int fresh_fd = db_lock_folder(fresh);
    if (fresh_fd < 0)
        throw Xapian::DatabaseError("cannot lock " + fresh + ": " + strerror(errno));
    /* The new index keeps the index folder's permissions. */
    struct stat st;
    if (stat(db->path.c_str(), &st) == 0)
        (void)chmod(fresh.c_str(), st.st_mode & 07777);

    db->wdb->close();
    db->wdb.reset();
    try {
        swap_folders(fresh, db->path);
    } catch (...) {
        /* Still the old index: take it back, and say why. */
        close(fresh_fd);
        db->wdb.reset(new Xapian::WritableDatabase(db->path, Xapian::DB_OPEN));
        throw;
    }
    /* The folder now at the path is locked by fresh_fd: keep that one. */
    if (db->lock_fd >= 0)
        close(db->lock_fd);
    db->lock_fd = fresh_fd;
    /* The test hook (tests/daemon/swap.sh): stopped where no Xapian lock is
     * held, the new folder in place and not yet opened. */
    db_test_pause("RESDEX_TEST_SWAP_PAUSE");
    db->wdb.reset(new Xapian::WritableDatabase(db->path, Xapian::DB_OPEN));
}

int
remove_entry(const char *path, const struct stat *, int, struct FTW *)
{
    return remove(path);
}

/* The scratch path must be free. */
resdex_status_t
need_scratch(resdex_db_t *db, const char *scratch)
{
    struct stat st;
    if (lstat(scratch, &st) == 0 || errno != ENOENT)
        return db_fail(db, RESDEX_STATUS_BAD_ARGUMENT,
                       std::string("writing into ") + scratch + ": it already exists");
    return RESDEX_STATUS_SUCCESS;
}

} // namespace

/* The index this resdex cannot read is rebuilt, not patched: what a
 * format changes (records, terms) is in every document. What says what the
 * index is for stays, so that resdexd still refuses another corpus and
 * keeps its shard; the file states go, so every file is read again. */
void
db_renew_older(resdex_db_t *db, const std::string &format)
{
    static const char *const keep[] = {RESDEX_META_CORPUS, RESDEX_META_SHARD, RESDEX_META_SHARD_BY};
    std::string fresh = db->path + ".renew-XXXXXX";
    if (!mkdtemp(&fresh[0]))
        throw resdex::Error{RESDEX_STATUS_FILE_ERROR,
                            "cannot rebuild index " + db->path + " of format '" + format +
                                "': cannot create " + fresh + ": " + strerror(errno)};
    try {
        Xapian::WritableDatabase empty(fresh, Xapian::DB_CREATE_OR_OPEN);
        for (const char *key : keep) {
            std::string value = db->wdb->get_metadata(key);
            if (!value.empty())
                empty.set_metadata(key, value);
        }
        empty.commit();
        empty.close();
        swap_in(db, fresh);
    } catch (...) {
        (void)nftw(fresh.c_str(), remove_entry, 16, FTW_DEPTH | FTW_PHYS);
        throw;
    }
    /* `fresh` holds the old index now; what cannot be removed stays there
     * (the index itself is done). */
    (void)nftw(fresh.c_str(), remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    db->replaced_format = format;
}

extern "C" resdex_status_t
resdex_db_merge_parts(resdex_db_t *db, const char *const *parts, size_t n_parts,
                      const char *scratch)
{
    return guarded(db, [&] {
        if (resdex_status_t st = need_writable(db))
            return st;
        if (!parts || n_parts == 0 || !scratch || !*scratch)
            return db_fail(db, RESDEX_STATUS_BAD_ARGUMENT, "nothing to merge");
        if (db->in_txn)
            return db_fail(db, RESDEX_STATUS_BAD_ARGUMENT,
                           "index " + db->path + " has uncommitted changes: commit them first");
        if (db->wdb->get_doccount() != 0)
            return db_fail(db, RESDEX_STATUS_BAD_ARGUMENT,
                           "index " + db->path + " is not empty: parts merge into an empty index");
        if (resdex_status_t st = need_scratch(db, scratch))
            return st;

        /* Every part opens (or the first that does not is named). */
        Xapian::Database all;
        for (size_t i = 0; i < n_parts; i++) {
            try {
                all.add_database(Xapian::Database(parts[i]));
            } catch (const Xapian::Error &e) {
                return db_fail(db, RESDEX_STATUS_DB_OPENING,
                               std::string("cannot open part ") + parts[i] + ": " + e.get_msg());
            }
        }
        /* Documents keep the parts' order (each part's ids follow the
         * previous part's last); a metadata key in several parts keeps the
         * first part's value. The index's own metadata is kept below. */
        all.compact(scratch);

        std::map<std::string, std::string> own;
        for (auto it = db->wdb->metadata_keys_begin(); it != db->wdb->metadata_keys_end(); ++it)
            own[*it] = db->wdb->get_metadata(*it);

        swap_in(db, scratch);

        db_begin_pending(db);
        for (const auto &kv : own)
            if (db->wdb->get_metadata(kv.first).empty())
                db->wdb->set_metadata(kv.first, kv.second);
        db->in_txn = false;
        db->wdb->commit_transaction();
        return RESDEX_STATUS_SUCCESS;
    });
}

extern "C" resdex_status_t
resdex_db_compact(resdex_db_t *db, const char *scratch)
{
    if (resdex_status_t st = need_writable(db))
        return st;
    if (!scratch || !*scratch)
        return db_fail(db, RESDEX_STATUS_BAD_ARGUMENT, "no folder to compact into");
    return guarded(db, [&] {
        if (db->in_txn)
            return db_fail(db, RESDEX_STATUS_BAD_ARGUMENT,
                           "index " + db->path + " has uncommitted changes: commit them first");
        if (resdex_status_t st = need_scratch(db, scratch))
            return st;
        /* The committed revision, which nobody else can change: we hold the
         * lock. Metadata (file states) is copied with the documents. */
        Xapian::Database(db->path).compact(scratch);
        swap_in(db, scratch);
        return RESDEX_STATUS_SUCCESS;
    });
}
