/* files.cc - the file states and rejections resdexd records in the index's
 * metadata, read through typed calls (the keys and their values are a
 * contract between resdexd and its readers: resdexd(8), METADATA). */
#include "db-private.hh"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <string>

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

extern "C" resdex_status_t
resdex_db_list_files(resdex_db_t *db, resdex_file_kind_t kind, const char *under,
                     int (*fn)(const resdex_file_entry_t *e, void *ctx), void *ctx)
{
    if (!db || !fn || (kind != RESDEX_FILE_INDEXED && kind != RESDEX_FILE_REJECTED))
        return RESDEX_STATUS_BAD_ARGUMENT;
    return guarded(db, [&] {
        std::string prefix =
            kind == RESDEX_FILE_INDEXED ? RESDEX_META_FILE_PREFIX : RESDEX_META_REJECTED_PREFIX;
        std::string dir = under ? under : "";
        /* A path too long for a key of its own is cut in its key (resdexd's
         * file_meta_key: prefix + the path's first bytes + "#" + a hash) and
         * whole at the start of its value, "@<length>:<path>": list by no
         * more of `under` than every cut keeps, and check the whole path. */
        const size_t cut_min =
            RESDEX_META_KEY_LONG - RESDEX_META_KEY_HASH_BYTES - 3 - prefix.size();
        std::string key_prefix = prefix + dir.substr(0, std::min(dir.size(), cut_min));
        /* Over shards, each shard's files: a file is on one shard. */
        for (Xapian::Database *shard : db_meta_sources(db))
            for (auto it = shard->metadata_keys_begin(key_prefix);
                 it != shard->metadata_keys_end(key_prefix); ++it) {
                std::string key = *it;
                std::string path = key.substr(prefix.size());
                std::string value = shard->get_metadata(key);
                unsigned long long len = 0;
                int used = 0;
                if (!value.empty() && value[0] == '@' &&
                    sscanf(value.c_str(), "@%llu:%n", &len, &used) == 1 && used > 0 &&
                    value.size() >= used + len) {
                    path = value.substr(used, len);
                    value.erase(0, used + len);
                }
                /* "a" holds "a/b", not "ab". */
                if (!dir.empty() && (path.compare(0, dir.size(), dir) != 0 ||
                                     (path.size() > dir.size() && path[dir.size()] != '/')))
                    continue;
                resdex_file_entry_t e = {};
                e.path = path.c_str();
                e.kind = kind;
                std::string since, reason;
                if (kind == RESDEX_FILE_INDEXED) {
                    e.valid = resdex_file_state_parse(value.c_str(), &e) == 0;
                } else {
                    /* "<ISO 8601 UTC time> <reason>" */
                    size_t sp = value.find(' ');
                    if (sp != std::string::npos) {
                        since = value.substr(0, sp);
                        reason = value.substr(sp + 1);
                        e.since = since.c_str();
                    } else {
                        reason = value;
                    }
                    e.reason = reason.c_str();
                    e.valid = sp != std::string::npos;
                }
                if (fn(&e, ctx))
                    return RESDEX_STATUS_SUCCESS;
            }
        return RESDEX_STATUS_SUCCESS;
    });
}
