/* db.cc - opening, committing and describing the Xapian index. */
#include "db-private.hh"
#include "schema.hh"
#include "terms.hh"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <map>
#include <memory>
#include <string>
#include <sys/file.h>
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

/* The process holding the write lock on `lock` (an open file description
 * lock: Xapian's, whose owner /proc/locks does not name), found by the
 * descriptor that holds it in /proc/PID/fdinfo; 0 when not found. */
static pid_t
lock_holder(const std::string &lock)
{
    struct stat want;
    if (stat(lock.c_str(), &want) != 0)
        return 0;
    /* The strings below may throw (out of memory): the folders and the
     * file are closed by their owners then. */
    using Dir = std::unique_ptr<DIR, int (*)(DIR *)>;
    using File = std::unique_ptr<FILE, int (*)(FILE *)>;
    Dir procs(opendir("/proc"), closedir);
    if (!procs)
        return 0;
    pid_t found = 0;
    while (struct dirent *p = readdir(procs.get())) {
        if (found || p->d_name[0] < '1' || p->d_name[0] > '9')
            continue;
        std::string fds = std::string("/proc/") + p->d_name + "/fd";
        Dir d(opendir(fds.c_str()), closedir);
        if (!d)
            continue;
        while (struct dirent *f = readdir(d.get())) {
            struct stat st;
            if (f->d_name[0] == '.' || stat((fds + "/" + f->d_name).c_str(), &st) != 0 ||
                st.st_dev != want.st_dev || st.st_ino != want.st_ino)
                continue;
            std::string info = std::string("/proc/") + p->d_name + "/fdinfo/" + f->d_name;
            File in(fopen(info.c_str(), "re"), fclose);
            char line[256];
            while (in && fgets(line, sizeof line, in.get()))
                if (strncmp(line, "lock:", 5) == 0 && strstr(line, "WRITE"))
                    found = static_cast<pid_t>(atol(p->d_name));
            if (found)
                break;
        }
    }
    return found;
}

/* LOCKED, naming the process that holds the write lock on `held` (the
 * index folder's flock, or Xapian's lock file) when it can be found. */
static resdex_status_t
lock_busy(resdex_db_t *db, const std::string &held)
{
    pid_t holder = lock_holder(held);
    std::string who = "another resdexd";
    if (holder > 0) {
        char comm[64] = "";
        std::unique_ptr<FILE, int (*)(FILE *)> in(
            fopen(("/proc/" + std::to_string(holder) + "/comm").c_str(), "re"), fclose);
        if (in && fgets(comm, sizeof comm, in.get()))
            comm[strcspn(comm, "\n")] = '\0';
        who = std::string("another ") + (*comm ? comm : "process") + " (pid " +
              std::to_string(holder) + ")";
    }
    return db_fail(db, RESDEX_STATUS_DB_LOCKED,
                   "index " + db->path + " is locked: " + who + " is writing to it");
}

/* Xapian says "locked" when a writer cannot take the lock for any reason:
 * tell a read-only file system or folder (no other writer) from a lock
 * another process holds. */
static resdex_status_t
lock_refused(resdex_db_t *db, const Xapian::DatabaseLockError &e)
{
    std::string lock = db->path + "/flintlock";
    int fd = open(lock.c_str(), O_RDWR | O_CLOEXEC);
    int err = fd < 0 ? errno : 0;
    if (fd >= 0)
        close(fd);
    if (err == ENOENT && access(db->path.c_str(), W_OK) != 0)
        err = errno;
    if (err == EROFS)
        return db_fail(db, RESDEX_STATUS_DB_READ_ONLY,
                       "index " + db->path +
                           " is on a read-only file system: it cannot be written (resdex can "
                           "still search it)");
    if (err == EACCES || err == EPERM)
        return db_fail(db, RESDEX_STATUS_DB_READ_ONLY,
                       "index " + db->path + " cannot be written: permission denied (" + lock +
                           ")");
    if (err != 0 && err != ENOENT)
        return db_fail(db, RESDEX_STATUS_DB_OPENING,
                       "cannot open index " + db->path + ": " + e.get_msg() + " (" + strerror(err) +
                           ")");
    return lock_busy(db, lock);
}

/* A reader could not open the index: missing and unreadable said plainly;
 * anything else is the Xapian error being handled, rethrown to the wall
 * (call it only from a catch block). */
static resdex_status_t
read_refused(resdex_db_t *db)
{
    struct stat st;
    if (stat(db->path.c_str(), &st) != 0 && errno == ENOENT)
        return db_fail(db, RESDEX_STATUS_DB_OPENING,
                       "cannot open index " + db->path + ": it does not exist");
    if (access(db->path.c_str(), R_OK | X_OK) != 0 && (errno == EACCES || errno == EPERM))
        return db_fail(db, RESDEX_STATUS_DB_OPENING,
                       "cannot open index " + db->path + ": permission denied");
    throw;
}

/* See db-private.hh (tests/daemon/swap.sh, tests/daemon/compact.sh). */
void
db_test_pause(const char *env)
{
    const char *hook = getenv(env);
    if (!hook || !*hook)
        return;
    std::string paused = std::string(hook) + ".paused", go = std::string(hook) + ".go";
    int fd = open(paused.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    if (fd >= 0)
        close(fd);
    struct stat st;
    for (int i = 0; i < 6000 && stat(go.c_str(), &st) != 0; i++)
        usleep(10000);
}

/* The folder at `path` is still the one `held` describes. */
static bool
same_folder(const std::string &path, const struct stat &held)
{
    struct stat now;
    return stat(path.c_str(), &now) == 0 && now.st_dev == held.st_dev && now.st_ino == held.st_ino;
}

void
db_open_reader(resdex_db_t *db)
{
    /* Glass reads the version file, then each table, by path: through the
     * index's path, a swap between the two would pair one folder's version
     * with the other's tables (a wrong answer, or DatabaseModifiedError).
     * Through the folder's descriptor, both come from one folder.
     *
     * The folder swapped out is then removed (merge.cc's callers clear the
     * scratch folder): a reader that took its descriptor just before the
     * swap finds its files going while Xapian opens them (no version file:
     * "Couldn't detect type of database"; a table gone: an error, or an
     * optional table such as the positions silently missing). Once Xapian
     * has opened it, each file it reads is open and stays readable. So the
     * folder must still be the one at the path after the open: if not, it
     * may have been (half) removed, and the reader opens the one at the path
     * now. Each retry needs another swap by the writer: bounded. */
    std::unique_ptr<Xapian::Database> x;
    int fd = -1;
    struct stat st = {};
    std::string pinned;
    for (int attempt = 0; !x; attempt++) {
        bool last = attempt >= 8;
        if (fd >= 0)
            close(fd);
        pinned.clear();
        st = {};
        fd = open(db->path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd >= 0 && fstat(fd, &st) == 0) {
            pinned = "/proc/self/fd/" + std::to_string(fd);
            struct stat via;
            /* No /proc (or another one): the path, as before. */
            if (stat(pinned.c_str(), &via) != 0 || via.st_dev != st.st_dev ||
                via.st_ino != st.st_ino)
                pinned.clear();
        } else if (fd < 0 && stat(db->path.c_str(), &st) != 0) {
            st = {};
        }
        db_test_pause("RESDEX_TEST_OPEN_PAUSE");
        try {
            x.reset(new Xapian::Database(pinned.empty() ? db->path : pinned));
        } catch (const Xapian::DatabaseModifiedError &) {
            /* The writer committed twice during the open: again. */
            if (!last)
                continue;
            if (fd >= 0)
                close(fd);
            throw;
        } catch (const Xapian::DatabaseError &) {
            /* Swapped out (and being removed) while Xapian opened it: the
             * folder at the path now. */
            if (!last && st.st_ino != 0 && !same_folder(db->path, st))
                continue;
            if (fd >= 0)
                close(fd);
            throw;
        } catch (...) {
            if (fd >= 0)
                close(fd);
            throw;
        }
        /* Opened whole only if nobody swapped it out meanwhile. */
        if (!last && st.st_ino != 0 && !same_folder(db->path, st))
            x.reset();
    }
    if (pinned.empty()) {
        if (fd >= 0)
            close(fd);
        fd = -1;
    }
    db->rdb = std::move(x);
    if (db->reader_fd >= 0)
        close(db->reader_fd);
    db->reader_fd = fd;
    db->pinned = pinned;
    db->folder_dev = st.st_dev;
    db->folder_ino = st.st_ino;
}

bool
db_folder_swapped(const resdex_db_t *db)
{
    struct stat st;
    /* A stub's shards are opened by their paths (shards.cc). */
    if (db->wdb || !db->rdb || !db->shards.empty())
        return false;
    return stat(db->path.c_str(), &st) != 0 || st.st_dev != db->folder_dev ||
           st.st_ino != db->folder_ino;
}

void
db_refresh(resdex_db_t *db)
{
    if (db->wdb) {
        db->wdb->reopen();
        return;
    }
    if (!db->shards.empty()) {
        db_reopen(db);
        return;
    }
    if (!db_folder_swapped(db)) {
        try {
            db->rdb->reopen();
            if (!db_folder_swapped(db))
                return;
        } catch (const Xapian::DatabaseError &) {
            if (!db_folder_swapped(db))
                throw;
        }
    }
    db_open_reader(db);
}

int
db_lock_folder(const std::string &path)
{
    /* A folder swapped in between the open and the lock is not the one at
     * the path any more: lock the one that is (bounded: each retry needs a
     * swap by the writer that holds the lock). */
    for (int attempt = 0; attempt < 100; attempt++) {
        int fd = open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0)
            return -1;
        if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
            int err = errno;
            close(fd);
            errno = err;
            return -1;
        }
        struct stat held, now;
        if (fstat(fd, &held) == 0 && stat(path.c_str(), &now) == 0 && held.st_dev == now.st_dev &&
            held.st_ino == now.st_ino)
            return fd;
        close(fd);
    }
    errno = EWOULDBLOCK;
    return -1;
}

/* Formats are numbers ("5"); a format this resdex cannot read is older
 * when its number is lower. */
static long
format_number(const std::string &format)
{
    if (format.empty() || format.size() > 6 ||
        format.find_first_not_of("0123456789") != std::string::npos)
        return -1;
    return std::stol(format);
}

static bool
format_older(const std::string &format)
{
    long n = format_number(format);
    return n >= 0 && n < format_number(RESDEX_INDEX_FORMAT);
}

/* What to do about an index of another format. */
static std::string
format_advice(const std::string &format)
{
    if (format_older(format))
        return "run resdexd on it, which rebuilds an index of an older format (or delete it "
               "and reindex)";
    if (format_number(format) < 0)
        return "no resdex writes that format: delete it and reindex";
    return "it was written by a newer resdex: use that one, or give another index";
}

/* READ_WRITE: create the folder if needed and take the writer's lock. */
static resdex_status_t
lock_index(resdex_db_t *db)
{
    if (mkdir(db->path.c_str(), 0777) != 0 && errno != EEXIST)
        return db_fail(db, RESDEX_STATUS_DB_OPENING,
                       "cannot create index " + db->path + ": " + strerror(errno));
    db->lock_fd = db_lock_folder(db->path);
    if (db->lock_fd >= 0)
        return RESDEX_STATUS_SUCCESS;
    if (errno == EWOULDBLOCK)
        return lock_busy(db, db->path);
    return db_fail(db, RESDEX_STATUS_DB_OPENING,
                   "cannot open index " + db->path + ": " + strerror(errno));
}

extern "C" resdex_status_t
resdex_db_open(const char *path, resdex_db_mode_t mode, resdex_db_t **out)
{
    /* The handle comes before the wall: the wall keeps its message on it. */
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
        /* A regular file is a stub of shards (shards.cc): read, never written. */
        struct stat at;
        bool stub = stat(path, &at) == 0 && S_ISREG(at.st_mode);
        if (stub && mode != RESDEX_DB_READ_ONLY && mode != RESDEX_DB_READ_PARTIAL)
            return db_fail(db, RESDEX_STATUS_DB_READ_ONLY,
                           "index " + db->path +
                               " is a stub file joining shards: it cannot be written; index each "
                               "shard into its own folder (resdexd --shard K/N --db DIR)");
        const bool renew = mode == RESDEX_DB_REBUILD_OLDER;
        if (renew)
            db->mode = mode = RESDEX_DB_READ_WRITE;
        if (mode == RESDEX_DB_READ_WRITE || mode == RESDEX_DB_PART) {
            int flags = Xapian::DB_CREATE_OR_OPEN;
            if (mode == RESDEX_DB_PART)
                flags |= Xapian::DB_NO_SYNC;
            else if (resdex_status_t st = lock_index(db))
                return st;
            try {
                try {
                    db->wdb.reset(new Xapian::WritableDatabase(path, flags));
                } catch (const Xapian::DatabaseLockError &) {
                    throw;
                } catch (const Xapian::DatabaseOpeningError &) {
                    if (!clear_half_created(path))
                        throw;
                    db->wdb.reset(new Xapian::WritableDatabase(path, flags));
                }
            } catch (const Xapian::DatabaseLockError &e) {
                return lock_refused(db, e);
            }
            std::string format = db->wdb->get_metadata(RESDEX_META_FORMAT);
            if (renew && format_older(format)) {
                db_renew_older(db, format);
                format.clear();
            }
            if (format.empty() && db->wdb->get_doccount() == 0) {
                db->wdb->set_metadata(RESDEX_META_FORMAT, RESDEX_INDEX_FORMAT);
                db->wdb->set_metadata(RESDEX_META_PAIRS, RESDEX_PAIRS_COMMON);
                db->wdb->set_metadata(RESDEX_META_FOLD, RESDEX_FOLD_LOOSE);
                db->wdb->set_metadata(RESDEX_META_ADOPTION, "1");
                db->wdb->set_metadata(RESDEX_META_TIE, "1");
                db->wdb->set_metadata(RESDEX_META_ALSO, "1");
                db->wdb->set_metadata(RESDEX_META_SYNONYM_TERMS, "1");
                db->wdb->commit();
            } else if (format != RESDEX_INDEX_FORMAT) {
                return db_fail(db, RESDEX_STATUS_DB_OPENING,
                               "index " + db->path + " has format '" + format + "', not '" +
                                   RESDEX_INDEX_FORMAT + "': " + format_advice(format));
            } else if (db->wdb->get_metadata(RESDEX_META_PAIRS) == RESDEX_PAIRS_ALL) {
                /* Built when every pair was written: what this writer adds
                 * has the common words' pairs only, which every paragraph
                 * has then. */
                db->wdb->set_metadata(RESDEX_META_PAIRS, RESDEX_PAIRS_COMMON);
                db->wdb->commit();
            }
        } else {
            if (stub) {
                if (resdex_status_t st = db_open_stub(db))
                    return st;
            } else {
                try {
                    db_open_reader(db);
                } catch (const Xapian::DatabaseOpeningError &) {
                    return read_refused(db);
                }
            }
            std::string format = db->rdb->get_metadata(RESDEX_META_FORMAT);
            /* Empty and without a format: resdexd was stopped (or killed)
             * between creating the index and its first commit. */
            bool empty = format.empty() && db->rdb->get_doccount() == 0;
            /* An index of an older format is refused, not rebuilt unasked
             * (that can take long, and the reader cannot write). */
            if (!format.empty() && format != RESDEX_INDEX_FORMAT)
                return db_fail(db, RESDEX_STATUS_DB_OPENING,
                               "index " + db->path + " has format '" + format +
                                   "'; this resdex reads format '" + RESDEX_INDEX_FORMAT +
                                   "': " + format_advice(format));
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
    /* After the wall, which needs the handle: these cannot throw. The
     * reader's folder stays open until Xapian is done with it. */
    if (db->lock_fd >= 0)
        close(db->lock_fd);
    db->rdb.reset();
    if (db->reader_fd >= 0)
        close(db->reader_fd);
    delete db;
}

extern "C" const char *
resdex_db_last_error(const resdex_db_t *db)
{
    if (!db)
        return "no database handle";
    return db->static_error ? db->static_error : db->error.c_str();
}

extern "C" const char *
resdex_db_path(const resdex_db_t *db)
{
    return db ? db->path.c_str() : nullptr;
}

extern "C" const char *
resdex_db_replaced_format(const resdex_db_t *db)
{
    return db && !db->replaced_format.empty() ? db->replaced_format.c_str() : nullptr;
}

extern "C" resdex_status_t
resdex_db_reopen(resdex_db_t *db)
{
    return guarded(db, [&] {
        if (!db)
            return RESDEX_STATUS_BAD_ARGUMENT;
        db_refresh(db);
        return RESDEX_STATUS_SUCCESS;
    });
}

resdex_status_t
need_writable(resdex_db_t *db)
{
    if (!db)
        return RESDEX_STATUS_BAD_ARGUMENT;
    if (!db->wdb && db->mode != RESDEX_DB_READ_ONLY && db->mode != RESDEX_DB_READ_PARTIAL)
        return db_fail(db, RESDEX_STATUS_DB_OPENING,
                       "index " + db->path + " could not be reopened after a merge");
    if (!db->wdb)
        return db_fail(db, RESDEX_STATUS_BAD_ARGUMENT, "index opened read-only");
    return RESDEX_STATUS_SUCCESS;
}

extern "C" unsigned
resdex_db_shards_down(const resdex_db_t *db)
{
    return db ? static_cast<unsigned>(db->down.size()) : 0;
}

extern "C" const char *
resdex_db_shard_down(const resdex_db_t *db, unsigned i)
{
    return db && i < db->down.size() ? db->down[i]->c_str() : nullptr;
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
resdex_db_read_metadata(resdex_db_t *db, const char *key, char **value)
{
    return guarded(db, [&] {
        if (value)
            *value = nullptr;
        if (!db || !key || !value)
            return RESDEX_STATUS_BAD_ARGUMENT;
        std::string v;
        with_reopen(db, [&] {
            v.clear();
            /* Over shards the last update is the latest of theirs. */
            if (strcmp(key, RESDEX_META_LAST_UPDATE) == 0)
                for (Xapian::Database *x : db_meta_sources(db))
                    v = std::max(v, x->get_metadata(key));
            else
                v = db_get_metadata(db, key);
            return RESDEX_STATUS_SUCCESS;
        });
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
        /* Every shard's keys, in order; a key on two shards listed once,
         * with the first shard's value, except a file's state: each shard
         * of resdexd --shard K/N reads every file and keeps its own
         * resolutions, so the file's paragraphs are the sum over shards. */
        std::map<std::string, std::string> keys;
        for (Xapian::Database *x : db_meta_sources(db))
            for (auto it = x->metadata_keys_begin(pfx); it != x->metadata_keys_end(pfx); ++it) {
                auto have = keys.find(*it);
                if (have == keys.end()) {
                    keys[*it] = x->get_metadata(*it);
                    continue;
                }
                resdex_file_entry_t a = {}, b = {};
                if (resdex_file_state_parse(have->second.c_str(), &a) == 0 &&
                    resdex_file_state_parse(x->get_metadata(*it).c_str(), &b) == 0) {
                    a.paragraphs += b.paragraphs;
                    char buf[128];
                    resdex_file_state_format(&a, buf, sizeof buf);
                    have->second = buf;
                }
            }
        for (const auto &kv : keys)
            if (fn(kv.first.c_str(), kv.second.c_str(), ctx))
                break;
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
        return with_reopen(db, [&] {
            memset(counts, 0, sizeof *counts);
            Xapian::Database &x = db->db();
            /* Shadowed copies (copies.cc) are not searched: not counted. */
            counts->paragraphs = x.get_doccount() - x.get_termfreq(P_DORMANT);
            counts->resolutions = count_terms(x, P_RESKEY);
            counts->sources = count_terms(x, P_SOURCE);
            return RESDEX_STATUS_SUCCESS;
        });
    });
}

extern "C" resdex_status_t
resdex_db_facet_counts(resdex_db_t *db, const char *facet,
                       int (*fn)(const char *value, uint64_t count, void *ctx), void *ctx)
{
    return guarded(db, [&] {
        if (!db || !facet || !fn)
            return RESDEX_STATUS_BAD_ARGUMENT;
        const Field *f = schema_field(facet);
        if (!f || f->type == FieldType::TEXT)
            return db_fail(db, RESDEX_STATUS_BAD_ARGUMENT, std::string("unknown facet: ") + facet);
        const char *prefix = f->prefix;
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

static resdex_status_t folder_bytes(resdex_db_t *db, const std::string &path, uint64_t *bytes);

extern "C" resdex_status_t
resdex_db_disk_bytes(resdex_db_t *db, uint64_t *bytes)
{
    return guarded(db, [&] {
        if (bytes)
            *bytes = 0;
        if (!db || !bytes)
            return RESDEX_STATUS_BAD_ARGUMENT;
        /* A stub: the local shards' folders (a remote shard's size is its host's). */
        for (const auto &s : db->shards) {
            uint64_t n = 0;
            if (!s.path.empty() && folder_bytes(db, s.path, &n) == RESDEX_STATUS_SUCCESS)
                *bytes += n;
        }
        if (!db->shards.empty())
            return RESDEX_STATUS_SUCCESS;
        return folder_bytes(db, db->path, bytes);
    });
}

static resdex_status_t
folder_bytes(resdex_db_t *db, const std::string &path, uint64_t *bytes)
{
    *bytes = 0;
    DIR *d = opendir(path.c_str());
    if (!d)
        return db_fail(db, RESDEX_STATUS_DB_OPENING,
                       "cannot read index " + path + ": " + strerror(errno));
    while (struct dirent *e = readdir(d)) {
        struct stat st;
        if (fstatat(dirfd(d), e->d_name, &st, 0) == 0 && S_ISREG(st.st_mode))
            *bytes += (uint64_t)st.st_size;
    }
    closedir(d);
    return RESDEX_STATUS_SUCCESS;
}
