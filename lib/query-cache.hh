/* query-cache.hh - what a search looks up per resolution of its hits, kept
 * from one search to the next (private).
 *
 * A page of hits reads, for each resolution it shows, the record that holds
 * the resolution's context (format 5), how many resolutions cite it
 * (cited_by) and its provenance links: a posting list, documents and small
 * queries each, the same answer every time while the index does not
 * change. A batch of searches (resdex search --batch, resdex serve) shows
 * the same resolutions again and again: they are kept here, on the handle,
 * for as long as it reads one revision of one index folder. Only for a
 * reader of one index (READ_ONLY, READ_PARTIAL without shards): a writer
 * changes its index between commits, and a stub's shards have no one
 * revision. */
#ifndef RESDEX_QUERY_CACHE_HH
#define RESDEX_QUERY_CACHE_HH

#include "provenance.hh"

#include <string>
#include <sys/types.h>
#include <unordered_map>
#include <xapian.h>

struct resdex_db;

struct QueryCache {
    /* What the entries were read from: the folder and its revision. */
    dev_t dev = 0;
    ino_t ino = 0;
    Xapian::rev rev = 0;
    bool set = false;
    /* A context record's data, by its reference term and resolution key
     * (ContextCache, query-prep.hh). */
    std::unordered_map<std::string, std::string> contexts;
    /* cited_by, by "symbol@lang" (search.cc). */
    std::unordered_map<std::string, unsigned> cited;
    /* provenance_links, by resolution key (provenance.cc). */
    std::unordered_map<std::string, ProvLinks> prov;
    void clear()
    {
        contexts.clear();
        cited.clear();
        prov.clear();
    }
};

/* db's cache, emptied first when the index it reads changed since it was
 * filled (or when it has grown past its bound); nullptr when db is no reader
 * of one index (nothing is kept then). Throws std::bad_alloc. */
QueryCache *query_cache(resdex_db *db);

#endif
