/* archive.c - a zip archive reconciled member by member (archive.h). */
#include "archive.h"
#include "filestate.h"
#include "log.h"
#include "shard.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The members the index knows, from the "member:ARCHIVE!" keys. */
typedef struct known {
    char *source; /* "ARCHIVE!MEMBER" */
    file_state_t state;
    int valid, seen;
} known_t;

typedef struct known_list {
    known_t *v;
    size_t n, cap;
    int oom;
} known_list_t;

static int
collect(const char *source, const char *value, void *ctx)
{
    known_list_t *l = ctx;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 32;
        known_t *v = realloc(l->v, cap * sizeof *v);
        if (!v) {
            l->oom = 1;
            return 1;
        }
        l->v = v;
        l->cap = cap;
    }
    known_t *k = &l->v[l->n];
    memset(k, 0, sizeof *k);
    k->source = strdup(source);
    k->valid = file_state_parse(value, &k->state) == 0;
    if (!k->source) {
        l->oom = 1;
        return 1;
    }
    l->n++;
    return 0;
}

static void
known_free(known_list_t *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i].source);
    free(l->v);
}

static int
load_known(indexer_t *ix, const char *rel, known_list_t *l)
{
    memset(l, 0, sizeof *l);
    resdex_status_t st = file_meta_list(ix->db, META_MEMBER_PREFIX, rel, collect, l, NULL);
    if (st != RESDEX_STATUS_SUCCESS || l->oom) {
        log_error("index %s: cannot read the members of %s: %s", ix->db_path, rel,
                  l->oom ? "out of memory" : resdex_db_last_error(ix->db));
        known_free(l);
        return -1;
    }
    return 0;
}

static int
remove_member(indexer_t *ix, const char *source)
{
    if (resdex_db_remove_source(ix->db, source) != RESDEX_STATUS_SUCCESS ||
        file_meta_set(ix->db, META_MEMBER_PREFIX, source, "") != RESDEX_STATUS_SUCCESS) {
        log_error("index %s: cannot remove %s: %s", ix->db_path, source,
                  resdex_db_last_error(ix->db));
        return -1;
    }
    return 0;
}

typedef struct walk {
    indexer_t *ix;
    const char *rel;
    known_list_t *known;
    archive_result_t *r;
    int failed;
} walk_t;

static known_t *
find_known(known_list_t *l, const char *source)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i].source, source) == 0)
            return &l->v[i];
    return NULL;
}

static int
on_member(void *ctx, const char *member, resdex_status_t st, const char *data, size_t len,
          const char *message)
{
    walk_t *w = ctx;
    char *source = NULL;
    if (asprintf(&source, "%s!%s", w->rel, member) < 0) {
        log_error("out of memory");
        w->failed = 1;
        return 1;
    }
    known_t *k = find_known(w->known, source);
    if (k)
        k->seen = 1;
    if (st != RESDEX_STATUS_SUCCESS) {
        log_warning("%s", message ? message : resdex_status_to_string(st));
        w->r->bad++;
        if (k && k->valid)
            w->r->paragraphs += k->state.paragraphs;
        free(source);
        return 0;
    }
    file_state_t fs = {.size = len, .hash = content_hash(data, len)};
    if (k && k->valid && k->state.hash == fs.hash && k->state.size == fs.size) {
        w->r->kept++;
        w->r->paragraphs += k->state.paragraphs;
        free(source);
        return 0;
    }
    char *why = NULL;
    int rc = archive_index_member(w->ix->db, source, data, len, &fs.paragraphs, &why);
    if (rc > 0) {
        log_warning("%s", why ? why : "a member cannot be indexed (out of memory)");
        w->r->bad++;
        if (k && k->valid)
            w->r->paragraphs += k->state.paragraphs;
    } else if (rc < 0) {
        log_error("index %s: cannot index %s: %s", w->ix->db_path, source,
                  resdex_db_last_error(w->ix->db));
        w->failed = 1;
    } else {
        log_debug("indexed %s (%llu paragraphs)", source, (unsigned long long)fs.paragraphs);
        w->r->indexed++;
        w->r->paragraphs += fs.paragraphs;
    }
    free(why);
    free(source);
    return w->failed;
}

int
archive_index_member(resdex_db_t *db, const char *source, const char *data, size_t len,
                     uint64_t *paragraphs, char **why)
{
    *paragraphs = 0;
    *why = NULL;
    resdex_doc_t *doc = NULL;
    char *message = NULL;
    resdex_status_t st = resdex_parse_buffer(source, data, len, &doc, &message);
    if (st != RESDEX_STATUS_SUCCESS) {
        if (asprintf(why, "%s (its last good version stays indexed)",
                     message ? message : resdex_status_to_string(st)) < 0)
            *why = NULL;
        free(message);
        return 1;
    }
    shard_keep(doc); /* --shard: this shard's resolutions */
    file_state_t fs = {.size = len, .hash = content_hash(data, len)};
    for (size_t i = 0; i < resdex_doc_count(doc); i++)
        fs.paragraphs += resdex_doc_get(doc, i)->n_paragraphs;
    char value[FILE_STATE_MAX];
    file_state_format(&fs, value, sizeof value);
    int rc = resdex_db_index_doc(db, source, doc) == RESDEX_STATUS_SUCCESS &&
                     file_meta_set(db, META_MEMBER_PREFIX, source, value) == RESDEX_STATUS_SUCCESS
                 ? 0
                 : -1;
    resdex_doc_destroy(doc);
    *paragraphs = fs.paragraphs;
    return rc;
}

int
archive_reconcile(indexer_t *ix, const char *rel, const char *data, size_t len, archive_result_t *r,
                  char **message)
{
    memset(r, 0, sizeof *r);
    *message = NULL;
    known_list_t known;
    if (load_known(ix, rel, &known) != 0)
        return -1;
    walk_t w = {ix, rel, &known, r, 0};
    resdex_status_t st = resdex_archive_foreach(rel, data, len, on_member, &w, message);
    int rc = 0;
    if (w.failed) {
        rc = -1;
    } else if (st != RESDEX_STATUS_SUCCESS) {
        rc = 1; /* the archive as a whole: its members stay as they were */
    } else {
        /* Members gone from the archive; and the archive indexed whole by
         * a cold build (source ARCHIVE), now replaced by its members. */
        for (size_t i = 0; i < known.n && rc == 0; i++)
            if (!known.v[i].seen) {
                rc = remove_member(ix, known.v[i].source);
                if (rc == 0) {
                    log_debug("removed %s", known.v[i].source);
                    r->removed++;
                }
            }
        if (rc == 0 && resdex_db_remove_source(ix->db, rel) != RESDEX_STATUS_SUCCESS) {
            log_error("index %s: cannot remove %s: %s", ix->db_path, rel,
                      resdex_db_last_error(ix->db));
            rc = -1;
        }
    }
    if (rc != 1) {
        free(*message);
        *message = NULL;
    }
    known_free(&known);
    return rc;
}

int
archive_drop(indexer_t *ix, const char *rel)
{
    known_list_t known;
    if (load_known(ix, rel, &known) != 0)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < known.n && rc == 0; i++)
        rc = remove_member(ix, known.v[i].source);
    known_free(&known);
    return rc;
}
