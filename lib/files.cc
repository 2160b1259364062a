/* files.cc - the file states and rejections resdexd records in the index's
 * metadata, read through typed calls (the keys and their values are a
 * contract between resdexd and its readers: resdexd(8), METADATA). */
#include "db-private.hh"
#include "util.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <new>
#include <string>
#include <vector>

extern "C" int
resdex_file_state_parse(const char *value, resdex_file_entry_t *e)
{
    int used = 0;
    uint64_t size = 0, hash = 0, paragraphs = 0;
    int64_t mtime_ns = 0;
    if (!value ||
        sscanf(value, "%" SCNu64 " %" SCNd64 " %" SCNx64 " %" SCNu64 "%n", &size, &mtime_ns, &hash,
               &paragraphs, &used) != 4 ||
        value[used] != '\0')
        return -1;
    e->size = size;
    e->mtime_ns = mtime_ns;
    e->hash = hash;
    e->paragraphs = paragraphs;
    return 0;
}

/* A long key holds the path's first bytes (cut back to a UTF-8 boundary)
 * and "#" and the FNV-1a hash of the whole path; its value "@<length>:<path>"
 * then the value. The shortest cut (a UTF-8 cut backs up <= 3 bytes): */
static size_t
long_cut_min(size_t prefix_len)
{
    return RESDEX_META_KEY_LONG - RESDEX_META_KEY_HASH_BYTES - 3 - prefix_len;
}

static bool
key_is_plain(const std::string &prefix, const std::string &path)
{
    return prefix.size() + path.size() <= RESDEX_META_KEY_PLAIN_MAX;
}

/* The one place a path becomes a metadata key. */
static std::string
path_key(const std::string &prefix, const std::string &path)
{
    if (key_is_plain(prefix, path))
        return prefix + path;
    size_t n = RESDEX_META_KEY_LONG - RESDEX_META_KEY_HASH_BYTES - prefix.size();
    for (int back = 0; back < 3 && (static_cast<unsigned char>(path[n]) & 0xC0) == 0x80; back++)
        n--;
    char hash[RESDEX_META_KEY_HASH_BYTES + 1];
    snprintf(hash, sizeof hash, "#%016llx",
             static_cast<unsigned long long>(util_fnv1a(path.data(), path.size())));
    return prefix + path.substr(0, n) + hash;
}

/* A listed key and value: the whole path (a long key's from its value) and
 * the value past it. False for a plain key longer than today's plain form
 * (an older resdexd wrote it). */
static bool
path_decode(const std::string &key, size_t prefix_len, std::string &path, std::string &value)
{
    unsigned long long len = 0;
    int used = 0;
    if (!value.empty() && value[0] == '@' && sscanf(value.c_str(), "@%llu:%n", &len, &used) == 1 &&
        used > 0 && value.size() >= used + len) {
        path = value.substr(used, len);
        value.erase(0, used + len);
        return true;
    }
    path = key.substr(prefix_len);
    return key.size() <= RESDEX_META_KEY_PLAIN_MAX;
}

/* At or below the folder `under` ("a" holds "a/b", not "ab"); for a member,
 * in the archive `under` ("a.zip" holds "a.zip!m"). */
static bool
path_within(const std::string &path, const std::string &under, char sep)
{
    return under.empty() ||
           (path.compare(0, under.size(), under) == 0 &&
            (sep == '/' ? path.size() == under.size() || path[under.size()] == '/'
                        : path.size() > under.size() && path[under.size()] == sep));
}

extern "C" resdex_status_t
resdex_db_set_path_metadata(resdex_db_t *db, const char *prefix, const char *path,
                            const char *value)
{
    return guarded(db, [&] {
        if (!db || !prefix || !*prefix || !path || !*path || !value)
            return RESDEX_STATUS_BAD_ARGUMENT;
        std::string key = path_key(prefix, path), v;
        if (!key_is_plain(prefix, path) && *value)
            v = "@" + std::to_string(strlen(path)) + ":" + path + value;
        return resdex_db_set_metadata(db, key.c_str(), v.empty() ? value : v.c_str());
    });
}

namespace
{
struct PathWalk {
    std::string prefix, under;
    char sep;
    resdex_path_meta_fn fn;
    void *ctx;
    bool migrate, oom = false;
    std::vector<std::string> legacy; /* plain keys too long for today's plain form */
};
} // namespace

static int
path_walk_one(const char *key, const char *value, void *ctx)
{
    PathWalk *w = static_cast<PathWalk *>(ctx);
    try {
        std::string k = key, path, v = value;
        if (!path_decode(k, w->prefix.size(), path, v) && w->migrate)
            w->legacy.push_back(k);
        return path_within(path, w->under, w->sep) ? w->fn(path.c_str(), v.c_str(), w->ctx) : 0;
    } catch (const std::bad_alloc &) {
        w->oom = true;
        return 1;
    }
}

extern "C" resdex_status_t
resdex_db_list_path_metadata(resdex_db_t *db, const char *prefix, const char *under,
                             resdex_path_meta_fn fn, void *ctx, size_t *migrated)
{
    return guarded(db, [&] {
        if (migrated)
            *migrated = 0;
        if (!db || !prefix || !*prefix || !fn)
            return RESDEX_STATUS_BAD_ARGUMENT;
        PathWalk w;
        w.prefix = prefix;
        w.under = under ? under : "";
        w.sep = w.prefix == RESDEX_META_MEMBER_PREFIX ? '!' : '/';
        w.fn = fn;
        w.ctx = ctx;
        w.migrate = migrated != nullptr;
        /* Long keys hold only the start of their path: list by at most that
         * much of `under`; path_walk_one() checks the whole path. */
        std::string key_prefix =
            w.prefix + w.under.substr(0, std::min(w.under.size(), long_cut_min(w.prefix.size())));
        resdex_status_t st = resdex_db_list_metadata(db, key_prefix.c_str(), path_walk_one, &w);
        if (st == RESDEX_STATUS_SUCCESS && w.oom)
            st = RESDEX_STATUS_OUT_OF_MEMORY;
        /* Move old-style long keys to the long form, in the pending commit. */
        for (const std::string &key : w.legacy) {
            char *value = nullptr;
            if (st == RESDEX_STATUS_SUCCESS)
                st = resdex_db_read_metadata(db, key.c_str(), &value);
            if (st == RESDEX_STATUS_SUCCESS)
                st = resdex_db_set_metadata(db, key.c_str(), "");
            if (st == RESDEX_STATUS_SUCCESS)
                st = resdex_db_set_path_metadata(db, prefix, key.c_str() + w.prefix.size(), value);
            if (st == RESDEX_STATUS_SUCCESS)
                (*migrated)++;
            free(value);
        }
        return st;
    });
}

extern "C" void
resdex_file_state_format(const resdex_file_entry_t *e, char *buf, size_t size)
{
    snprintf(buf, size, "%" PRIu64 " %" PRId64 " %016" PRIx64 " %" PRIu64, e->size, e->mtime_ns,
             e->hash, e->paragraphs);
}

namespace
{
struct FileWalk {
    resdex_file_kind_t kind;
    int (*fn)(const resdex_file_entry_t *e, void *ctx);
    void *ctx;
};
} // namespace

static int
file_walk_one(const char *path, const char *value, void *ctx)
{
    FileWalk *w = static_cast<FileWalk *>(ctx);
    resdex_file_entry_t e = {};
    e.path = path;
    e.kind = w->kind;
    std::string since, reason;
    if (w->kind == RESDEX_FILE_INDEXED) {
        e.valid = resdex_file_state_parse(value, &e) == 0;
    } else {
        /* "<ISO 8601 UTC time> <reason>" */
        const char *sp = strchr(value, ' ');
        if (sp) {
            since.assign(value, sp);
            reason = sp + 1;
            e.since = since.c_str();
        } else {
            reason = value;
        }
        e.reason = reason.c_str();
        e.valid = sp != nullptr;
    }
    return w->fn(&e, w->ctx);
}

extern "C" resdex_status_t
resdex_db_list_files(resdex_db_t *db, resdex_file_kind_t kind, const char *under,
                     int (*fn)(const resdex_file_entry_t *e, void *ctx), void *ctx)
{
    return guarded(db, [&] {
        if (!db || !fn || (kind != RESDEX_FILE_INDEXED && kind != RESDEX_FILE_REJECTED))
            return RESDEX_STATUS_BAD_ARGUMENT;
        FileWalk w = {kind, fn, ctx};
        return resdex_db_list_path_metadata(
            db, kind == RESDEX_FILE_INDEXED ? RESDEX_META_FILE_PREFIX : RESDEX_META_REJECTED_PREFIX,
            under, file_walk_one, &w, nullptr);
    });
}
