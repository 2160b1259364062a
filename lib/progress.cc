/* progress.cc - how far resdexd is in a long reconcile, for readers.
 *
 * A new index built in parts stays empty until its merge, and readers have
 * nothing else to see it by: the writer keeps a small file in the index
 * folder, "resdexd.progress", rewritten whole (a temporary file renamed
 * over it) about once a second and removed at the end. Lines "KEY VALUE":
 * pid, state, files_done, files_total, paragraphs, eta_seconds, started,
 * updated (times in seconds since the epoch). A file whose writer process
 * is gone (a crash) is stale and reads as no progress. */
#include "db-private.hh"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>

namespace
{

std::string
progress_path(const resdex_db_t *db)
{
    return db->path + "/resdexd.progress";
}

resdex_status_t
write_progress(resdex_db_t *db, const resdex_progress_t *p)
{
    if (resdex_status_t st = need_writable(db))
        return st;
    std::string path = progress_path(db);
    if (!p) {
        if (unlink(path.c_str()) != 0 && errno != ENOENT)
            return db_fail(db, RESDEX_STATUS_XAPIAN_ERROR,
                           "cannot remove " + path + ": " + strerror(errno));
        return RESDEX_STATUS_SUCCESS;
    }
    std::string tmp = path + ".tmp";
    FILE *f = fopen(tmp.c_str(), "we");
    if (!f)
        return db_fail(db, RESDEX_STATUS_XAPIAN_ERROR,
                       "cannot write " + tmp + ": " + strerror(errno));
    fprintf(f,
            "pid %ld\nstate %s\nfiles_done %llu\nfiles_total %llu\nparagraphs %llu\n"
            "eta_seconds %lld\nstarted %lld\nupdated %lld\n",
            (long)getpid(), p->building ? "building" : "reconciling",
            (unsigned long long)p->files_done, (unsigned long long)p->files_total,
            (unsigned long long)p->paragraphs, (long long)p->eta_seconds, (long long)p->started,
            (long long)p->updated);
    bool ok = ferror(f) == 0;
    ok = fclose(f) == 0 && ok;
    if (!ok || rename(tmp.c_str(), path.c_str()) != 0) {
        int err = errno;
        unlink(tmp.c_str());
        return db_fail(db, RESDEX_STATUS_XAPIAN_ERROR,
                       "cannot write " + path + ": " + strerror(err));
    }
    return RESDEX_STATUS_SUCCESS;
}

resdex_status_t
read_progress(resdex_db_t *db, resdex_progress_t *out)
{
    if (out)
        memset(out, 0, sizeof *out);
    if (!db || !out)
        return RESDEX_STATUS_BAD_ARGUMENT;
    FILE *f = fopen(progress_path(db).c_str(), "re");
    if (!f)
        return db_fail(db, RESDEX_STATUS_NOT_FOUND, "no reconcile is running on " + db->path);
    char key[32], value[64];
    long long pid = 0;
    int fields = 0;
    while (fscanf(f, "%31s %63s", key, value) == 2) {
        long long v = strtoll(value, nullptr, 10);
        fields++;
        if (!strcmp(key, "pid"))
            pid = v;
        else if (!strcmp(key, "state"))
            out->building = !strcmp(value, "building");
        else if (!strcmp(key, "files_done"))
            out->files_done = (uint64_t)v;
        else if (!strcmp(key, "files_total"))
            out->files_total = (uint64_t)v;
        else if (!strcmp(key, "paragraphs"))
            out->paragraphs = (uint64_t)v;
        else if (!strcmp(key, "eta_seconds"))
            out->eta_seconds = v;
        else if (!strcmp(key, "started"))
            out->started = v;
        else if (!strcmp(key, "updated"))
            out->updated = v;
        else
            fields--;
    }
    fclose(f);
    /* Its writer died without removing it: nothing is running. */
    if (fields < 8 || pid <= 0 || (kill((pid_t)pid, 0) != 0 && errno == ESRCH)) {
        memset(out, 0, sizeof *out);
        return db_fail(db, RESDEX_STATUS_NOT_FOUND, "no reconcile is running on " + db->path);
    }
    return RESDEX_STATUS_SUCCESS;
}

} // namespace

extern "C" resdex_status_t
resdex_db_set_progress(resdex_db_t *db, const resdex_progress_t *p)
{
    return guarded(db, [&] { return write_progress(db, p); });
}

extern "C" resdex_status_t
resdex_db_get_progress(resdex_db_t *db, resdex_progress_t *out)
{
    return guarded(db, [&] { return read_progress(db, out); });
}
