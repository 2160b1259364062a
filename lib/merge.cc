/* merge.cc - an index made of parts built at once: Xapian's compactor
 * merges them, and the result takes the index's place in one rename.
 *
 * Xapian writes an index from one thread. resdexd builds a new index in
 * several parts on several threads and merges them here; merging costs a
 * few seconds for 200k paragraphs and leaves the index compact (smaller
 * than one grown file by file). */
#include "db-private.hh"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <string>
#include <sys/stat.h>
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

} // namespace

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
        struct stat st;
        if (lstat(scratch, &st) == 0 || errno != ENOENT)
            return db_fail(db, RESDEX_STATUS_BAD_ARGUMENT,
                           std::string("merging into ") + scratch + ": it already exists");

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

        /* The merged index keeps the index folder's permissions. */
        if (stat(db->path.c_str(), &st) == 0)
            (void)chmod(scratch, st.st_mode & 07777);

        /* The writer lets go of the index for the time of the swap. */
        db->wdb->close();
        db->wdb.reset();
        try {
            swap_folders(scratch, db->path);
        } catch (...) {
            /* Still the empty index: take it back, and say why. */
            db->wdb.reset(new Xapian::WritableDatabase(db->path, Xapian::DB_OPEN));
            throw;
        }
        db->wdb.reset(new Xapian::WritableDatabase(db->path, Xapian::DB_OPEN));

        db_begin_pending(db);
        for (const auto &kv : own)
            if (db->wdb->get_metadata(kv.first).empty())
                db->wdb->set_metadata(kv.first, kv.second);
        db->in_txn = false;
        db->wdb->commit_transaction();
        return RESDEX_STATUS_SUCCESS;
    });
}
