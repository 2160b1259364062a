/* reconcile.c - the index follows the corpus: index, re-index, drop, reject.
 *
 * See reconcile.h for the algorithm. Why the file state decides, and not the
 * index's own content: size and mtime are free to compare (stat is already
 * done by the walk), so a restart over an unchanged corpus reads no file. */
#include "reconcile.h"
#include "archive.h"
#include "clock.h"
#include "bulk.h"
#include "filestate.h"
#include "ignore.h"
#include "load.h"
#include "log.h"
#include "pairs.h"
#include "progress.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A file state from the index ("file:" keys). */
typedef struct stored {
    char *rel;
    file_state_t state;
    int valid;   /* the value parsed; an invalid one is treated as changed */
    int claimed; /* matched by a walk entry, or by a move */
} stored_t;

/* A rejection from the index ("rejected:" keys). */
typedef struct rejected {
    char *rel;
    char *value; /* "<time> <reason>" */
    int present; /* the path is still in the corpus */
} rejected_t;

typedef struct meta_list {
    int is_state;
    stored_t *states;
    rejected_t *rejects;
    size_t n, cap;
    int oom;
} meta_list_t;

static int
collect_meta(const char *rel, const char *value, void *ctx)
{
    meta_list_t *l = ctx;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        void *v = l->is_state ? realloc(l->states, cap * sizeof *l->states)
                              : realloc(l->rejects, cap * sizeof *l->rejects);
        if (!v) {
            l->oom = 1;
            return 1;
        }
        if (l->is_state)
            l->states = v;
        else
            l->rejects = v;
        l->cap = cap;
    }
    if (l->is_state) {
        stored_t *s = &l->states[l->n];
        memset(s, 0, sizeof *s);
        s->rel = strdup(rel);
        s->valid = file_state_parse(value, &s->state) == 0;
        if (!s->rel) {
            l->oom = 1;
            return 1;
        }
    } else {
        rejected_t *r = &l->rejects[l->n];
        memset(r, 0, sizeof *r);
        r->rel = strdup(rel);
        r->value = strdup(value);
        if (!r->rel || !r->value) {
            free(r->rel);
            free(r->value);
            l->oom = 1;
            return 1;
        }
    }
    l->n++;
    return 0;
}

static void
meta_list_free(meta_list_t *l)
{
    for (size_t i = 0; i < l->n; i++) {
        if (l->is_state) {
            free(l->states[i].rel);
        } else {
            free(l->rejects[i].rel);
            free(l->rejects[i].value);
        }
    }
    free(l->states);
    free(l->rejects);
}

static int
compare_stored(const void *a, const void *b)
{
    return strcmp(((const stored_t *)a)->rel, ((const stored_t *)b)->rel);
}

static int
compare_rejected_entries(const void *a, const void *b)
{
    return strcmp(((const rejected_t *)a)->rel, ((const rejected_t *)b)->rel);
}

static void mark_changed(indexer_t *ix);

/* Read the states or rejections below `under`, sorted by path. -1 on
 * failure (logged). */
static int
load_meta(indexer_t *ix, meta_list_t *l, const char *prefix, const char *under, int is_state)
{
    memset(l, 0, sizeof *l);
    l->is_state = is_state;
    size_t migrated = 0;
    resdex_status_t st = file_meta_list(ix->db, prefix, under, collect_meta, l, &migrated);
    if (migrated) {
        log_info("index %s: %zu long file keys moved to the long form", ix->db_path, migrated);
        mark_changed(ix);
    }
    if (st != RESDEX_STATUS_SUCCESS && !l->oom) {
        log_error("index %s: cannot read file states: %s", ix->db_path,
                  resdex_db_last_error(ix->db));
        meta_list_free(l);
        return -1;
    }
    if (l->oom) {
        log_error("out of memory");
        meta_list_free(l);
        return -1;
    }
    /* Long keys (filestate.h) do not sort by their path. */
    if (l->n > 1 && is_state)
        qsort(l->states, l->n, sizeof *l->states, compare_stored);
    else if (l->n > 1)
        qsort(l->rejects, l->n, sizeof *l->rejects, compare_rejected_entries);
    return 0;
}

static int
compare_rejected(const void *key, const void *elem)
{
    return strcmp(key, ((const rejected_t *)elem)->rel);
}

static rejected_t *
find_rejected(meta_list_t *rejects, const char *rel)
{
    if (rejects->n == 0)
        return NULL;
    return bsearch(rel, rejects->rejects, rejects->n, sizeof *rejects->rejects, compare_rejected);
}

static void
mark_changed(indexer_t *ix)
{
    if (ix->uncommitted == 0)
        ix->batch_start_ms = clock_ms();
    ix->uncommitted++;
}

static int
db_failed(indexer_t *ix, const char *what, const char *rel)
{
    log_error("index %s: %s %s: %s", ix->db_path, what, rel, resdex_db_last_error(ix->db));
    return -1;
}

/* 0, or -1 when the metadata call failed (logged). */
static int
meta_done(indexer_t *ix, resdex_status_t st, const char *rel)
{
    if (st == RESDEX_STATUS_OUT_OF_MEMORY && !*resdex_db_last_error(ix->db)) {
        log_error("out of memory");
        return -1;
    }
    if (st != RESDEX_STATUS_SUCCESS)
        return db_failed(ix, "cannot record the state of", rel);
    return 0;
}

static int
set_meta(indexer_t *ix, const char *prefix, const char *rel, const char *value)
{
    return meta_done(ix, file_meta_set(ix->db, prefix, rel, value), rel);
}

static int reject(indexer_t *ix, const char *rel, const char *message, rejected_t *rej);

/* 0; 1 when this file's state could not be recorded (logged naming it, its
 * paragraphs taken out again, the file rejected: the others go on); -1 when
 * nothing can go on (out of memory, logged). */
static int
write_state(indexer_t *ix, const char *rel, const file_state_t *fs, rejected_t *rej)
{
    resdex_status_t st = file_state_store(ix->db, rel, fs);
    if (st == RESDEX_STATUS_SUCCESS)
        return 0;
    if (meta_done(ix, st, rel) != 0 && st == RESDEX_STATUS_OUT_OF_MEMORY)
        return -1;
    char *why = NULL;
    if (asprintf(&why, "its state cannot be recorded in the index: %s",
                 resdex_db_last_error(ix->db)) < 0)
        why = NULL;
    if (resdex_db_remove_source(ix->db, rel) != RESDEX_STATUS_SUCCESS) {
        free(why);
        return db_failed(ix, "cannot remove", rel);
    }
    reject(ix, rel, why ? why : "its state cannot be recorded in the index", rej);
    free(why);
    mark_changed(ix);
    return 1;
}

/* The file is fine again, or gone: forget its rejection. */
static int
clear_rejected(indexer_t *ix, rejected_t *rej)
{
    if (!rej || !rej->value[0])
        return 0;
    if (set_meta(ix, META_REJECTED_PREFIX, rej->rel, "") != 0)
        return -1;
    rej->value[0] = '\0';
    mark_changed(ix);
    return 0;
}

/* Record that `rel` cannot be indexed. `message` may already name the file
 * (the parser's messages do); the stored reason does not repeat it. The
 * file's last good paragraphs and state are left alone. */
static int
reject(indexer_t *ix, const char *rel, const char *message, rejected_t *rej)
{
    size_t n = strlen(rel);
    const char *reason = message ? message : "cannot be read";
    if (strncmp(reason, rel, n) == 0 && reason[n] == ':' && reason[n + 1] == ' ') {
        reason += n + 2;
        log_warning("%s: %s", rel, reason);
    } else if (strncmp(reason, rel, n) == 0 && reason[n] == ':') {
        log_warning("%s", reason); /* "FILE:LINE: reason" */
    } else {
        log_warning("%s: %s", rel, reason);
    }
    ix->n_rejected++;
    if (rej) {
        rej->present = 1;
        const char *space = strchr(rej->value, ' ');
        if (space && strcmp(space + 1, reason) == 0)
            return 0; /* already recorded, with its first time */
    }
    char now[32];
    clock_iso_utc(now, sizeof now);
    char *value = NULL;
    if (asprintf(&value, "%s %s", now, reason) < 0) {
        log_error("out of memory");
        return -1;
    }
    int rc = set_meta(ix, META_REJECTED_PREFIX, rel, value);
    free(value);
    if (rc == 0)
        mark_changed(ix);
    return rc;
}

static int
drop(indexer_t *ix, const char *rel, log_level_t level)
{
    if (resdex_db_remove_source(ix->db, rel) != RESDEX_STATUS_SUCCESS)
        return db_failed(ix, "cannot remove", rel);
    if (archive_drop(ix, rel) != 0)
        return -1;
    if (set_meta(ix, META_FILE_PREFIX, rel, "") != 0)
        return -1;
    log_msg(level, "removed %s", rel);
    ix->n_removed++;
    mark_changed(ix);
    return 0;
}

/* The loader thread: while the main thread puts file k into the index, it
 * reads, parses and prepares files k+1 .. k+PREFETCH_AHEAD (parsing and
 * term generation are about a third of indexing; the other core does them).
 * Jobs are taken in order; the loader never runs more than PREFETCH_AHEAD
 * files ahead, which bounds the memory held. */
#define PREFETCH_AHEAD 16
#define PREFETCH_MIN   4 /* fewer files to read: no thread */
/* ... and, whatever the files' sizes, never more paragraphs than this
 * prepared and waiting (a few KiB each). */
#define PREFETCH_MAX_PARAGRAPHS 20000

typedef struct prefetch {
    const char *corpus;
    file_job_t *jobs;
    size_t n;
    size_t taken;      /* jobs the main thread has taken */
    size_t paragraphs; /* prepared, not taken yet */
    int stop;
    int started;
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
} prefetch_t;

static void *
prefetch_run(void *arg)
{
    prefetch_t *pf = arg;
    for (size_t k = 0; k < pf->n; k++) {
        pthread_mutex_lock(&pf->mu);
        /* Job k == taken is the one the main thread waits for: always. */
        while (!pf->stop && k > pf->taken &&
               (k >= pf->taken + PREFETCH_AHEAD || pf->paragraphs >= PREFETCH_MAX_PARAGRAPHS))
            pthread_cond_wait(&pf->cv, &pf->mu);
        int stop = pf->stop;
        pthread_mutex_unlock(&pf->mu);
        if (stop)
            break;
        file_job_t *job = &pf->jobs[k];
        load_file(pf->corpus, job->rel, &job->old, &job->out);
        pthread_mutex_lock(&pf->mu);
        job->done = 1;
        pf->paragraphs += resdex_prepared_paragraphs(job->out.prepared);
        pthread_cond_broadcast(&pf->cv);
        pthread_mutex_unlock(&pf->mu);
    }
    return NULL;
}

/* Start the loader on the jobs; without a thread (too few jobs, or it
 * cannot start) jobs are loaded when taken. */
static void
prefetch_start(prefetch_t *pf)
{
    pf->started = 0;
    if (pf->n < PREFETCH_MIN)
        return;
    if (pthread_mutex_init(&pf->mu, NULL) != 0)
        return;
    if (pthread_cond_init(&pf->cv, NULL) != 0) {
        pthread_mutex_destroy(&pf->mu);
        return;
    }
    if (pthread_create(&pf->thread, NULL, prefetch_run, pf) != 0) {
        pthread_cond_destroy(&pf->cv);
        pthread_mutex_destroy(&pf->mu);
        return;
    }
    pf->started = 1;
}

/* Job k (taken in order), loaded. */
static loaded_t *
prefetch_take(prefetch_t *pf, size_t k)
{
    file_job_t *job = &pf->jobs[k];
    if (!pf->started) {
        if (!job->done)
            load_file(pf->corpus, job->rel, &job->old, &job->out);
        job->done = 1;
        pf->taken = k + 1;
        return &job->out;
    }
    pthread_mutex_lock(&pf->mu);
    while (!job->done)
        pthread_cond_wait(&pf->cv, &pf->mu);
    pf->taken = k + 1;
    pf->paragraphs -= resdex_prepared_paragraphs(job->out.prepared);
    pthread_cond_broadcast(&pf->cv);
    pthread_mutex_unlock(&pf->mu);
    return &job->out;
}

/* Stop the loader (jobs not taken are dropped) and free everything. */
static void
prefetch_end(prefetch_t *pf)
{
    if (pf->started) {
        pthread_mutex_lock(&pf->mu);
        pf->stop = 1;
        pthread_cond_broadcast(&pf->cv);
        pthread_mutex_unlock(&pf->mu);
        pthread_join(pf->thread, NULL);
        pthread_cond_destroy(&pf->cv);
        pthread_mutex_destroy(&pf->mu);
        pf->started = 0;
    }
    for (size_t k = 0; k < pf->n; k++)
        loaded_free(&pf->jobs[k].out);
    free(pf->jobs);
    pf->jobs = NULL;
    pf->n = 0;
}

/* Nonzero when a file that failed is young enough to be still being
 * written, and the caller takes it back later (see indexer_t.defer). */
static int
deferred(indexer_t *ix, const char *abs, const char *rel)
{
    struct stat st;
    struct timespec now;
    if (!ix->defer || stat(abs, &st) != 0 || clock_gettime(CLOCK_REALTIME, &now) != 0)
        return 0;
    int64_t age_ms = ((int64_t)now.tv_sec - (int64_t)st.st_mtim.tv_sec) * 1000 +
                     ((int64_t)now.tv_nsec - (int64_t)st.st_mtim.tv_nsec) / 1000000;
    /* A little in the future: coarse file system clocks. Far in the
     * future (touch -d): not fresh, or it would wait forever. */
    if (age_ms < -100 || age_ms >= FRESH_MS)
        return 0;
    log_debug("%s: not readable yet (modified %lld ms ago, still being written?): looking "
              "again later",
              rel, (long long)age_ms);
    ix->defer(rel, ix->defer_ctx);
    return 1;
}

/* A file that was removed in this same reconcile with this content. */
static stored_t *
find_moved(stored_t **gone, size_t n_gone, const file_state_t *fs)
{
    for (size_t i = 0; i < n_gone; i++)
        if (!gone[i]->claimed && gone[i]->valid && gone[i]->state.hash == fs->hash &&
            gone[i]->state.size == fs->size)
            return gone[i];
    return NULL;
}

/* A new or changed zip archive: member by member (archive.c). */
static int
process_archive(indexer_t *ix, const char *rel, rejected_t *rej, log_level_t level, loaded_t *in)
{
    archive_result_t r;
    char *why = NULL;
    int rc = archive_reconcile(ix, rel, in->data, in->len, &r, &why);
    if (rc == 0 && r.indexed + r.kept == 0) {
        rc = 1;
        why = strdup(r.bad ? "no member of the archive could be indexed (see the warnings)"
                           : "no document in the archive");
    }
    if (rc != 0) {
        if (rc == 1)
            rc = reject(ix, rel, why, rej);
        free(why);
        return rc;
    }
    file_state_t fs = loaded_state(in, r.paragraphs);
    rc = write_state(ix, rel, &fs, rej);
    if (rc != 0)
        return rc;
    mark_changed(ix);
    ix->n_indexed++;
    ix->n_paragraphs += r.paragraphs;
    log_msg(level,
            "indexed %s (%zu members indexed, %zu unchanged, %zu removed, %zu bad; %llu "
            "paragraphs)",
            rel, r.indexed, r.kept, r.removed, r.bad, (unsigned long long)r.paragraphs);
    return r.bad ? 0 : clear_rejected(ix, rej);
}

/* Index (or re-index, or only re-stamp) one file, loaded by load_file(). */
static int
process_file(indexer_t *ix, const char *rel, stored_t *old, rejected_t *rej, stored_t **gone,
             size_t n_gone, log_level_t level, loaded_t *in)
{
    char *abs = path_join(ix->corpus, rel);
    int rc = -1;
    if (!abs) {
        log_error("out of memory");
        return -1;
    }
    switch (in->read) {
    case READ_GONE:
        rc = old ? drop(ix, rel, level) : 0;
        if (rc == 0)
            rc = clear_rejected(ix, rej);
        goto DONE;
    case READ_BAD:
        rc = deferred(ix, abs, rel) ? 0 : reject(ix, rel, in->reason, rej);
        goto DONE;
    case READ_OK:
        break;
    }
    file_state_t fs = loaded_state(in, 0);
    if (in->same) {
        /* Touched, not changed: the paragraphs are right, the stamp is not. */
        fs.paragraphs = old->state.paragraphs;
        rc = write_state(ix, rel, &fs, rej);
        if (rc > 0)
            rc = 0;
        else if (rc == 0) {
            log_debug("%s: same content, state updated", rel);
            ix->n_touched++;
            mark_changed(ix);
            rc = clear_rejected(ix, rej);
        }
        goto DONE;
    }
    if (in->parsed == RESDEX_STATUS_NO_RESOLUTION && !old && ignore_by_name(rel)) {
        /* A manifest, a README: not a document, and not a failure. */
        log_debug("%s: not a document (no resolution in it), skipped", rel);
        ix->n_skipped++;
        rc = clear_rejected(ix, rej);
        goto DONE;
    }
    if (in->parsed != RESDEX_STATUS_SUCCESS) {
        rc = deferred(ix, abs, rel) ? 0 : reject(ix, rel, in->message, rej);
        goto DONE;
    }
    if (in->archive) {
        rc = process_archive(ix, rel, rej, level, in);
        goto DONE;
    }
    if (in->prepared_st != RESDEX_STATUS_SUCCESS) {
        log_error("index %s: cannot index %s: %s", ix->db_path, rel,
                  resdex_status_to_string(in->prepared_st));
        goto DONE;
    }
    if (resdex_db_index_prepared(ix->db, in->prepared) != RESDEX_STATUS_SUCCESS) {
        rc = db_failed(ix, "cannot index", rel);
        goto DONE;
    }
    fs.paragraphs = resdex_prepared_paragraphs(in->prepared);
    rc = write_state(ix, rel, &fs, rej);
    if (rc != 0) {
        rc = rc > 0 ? 0 : -1;
        goto DONE;
    }
    mark_changed(ix);
    ix->n_indexed++;
    ix->n_paragraphs += fs.paragraphs;
    stored_t *moved = old ? NULL : find_moved(gone, n_gone, &fs);
    if (moved) {
        /* Drop the old name in the same batch: no moment with both or none. */
        moved->claimed = 1;
        rc = drop(ix, moved->rel, LOG_LEVEL_DEBUG);
        ix->n_removed--;
        ix->n_moved++;
        log_msg(level, "moved %s -> %s", moved->rel, rel);
    } else {
        log_msg(level, "indexed %s (%llu paragraphs)", rel, (unsigned long long)fs.paragraphs);
    }
    if (rc == 0)
        rc = clear_rejected(ix, rej);
DONE:
    free(abs);
    return rc;
}

/* A copy shadowed, or searched again (resdex_db_settle_copies). */
static int
report_copy(const resdex_copy_t *c, void *ctx)
{
    indexer_t *ix = ctx;
    if (c->shadowed) {
        log_warning("%s (%s) is in two files: searching %s, not %s", c->symbol, c->lang, c->kept,
                    c->shadowed);
        ix->n_shadowed++;
    } else {
        log_info("%s (%s): searching %s again", c->symbol, c->lang, c->kept);
    }
    return 0;
}

int
indexer_commit(indexer_t *ix)
{
    /* Nothing changed, unless a settle was stopped half-way (SIGTERM): this
     * commit finishes it, unless asked to stop again. */
    char *unsettled = NULL;
    if (ix->uncommitted == 0 &&
        (ix->keep_copies || (ix->interrupted && ix->interrupted(ix->interrupted_ctx)) ||
         resdex_db_read_metadata(ix->db, RESDEX_META_UNSETTLED, &unsettled) !=
             RESDEX_STATUS_SUCCESS))
        return 0;
    free(unsettled);
    unsettled = NULL;
    char now[32];
    clock_iso_utc(now, sizeof now);
    /* The metadata first: the settle may commit batches of its own. */
    if (resdex_db_set_metadata(ix->db, META_LAST_UPDATE, now) != RESDEX_STATUS_SUCCESS ||
        resdex_db_set_metadata(ix->db, META_CORPUS, ix->corpus) != RESDEX_STATUS_SUCCESS) {
        log_error("index %s: commit failed: %s", ix->db_path, resdex_db_last_error(ix->db));
        return -1;
    }
    if (!ix->keep_copies && resdex_db_settle_copies(ix->db, report_copy, ix, ix->interrupted,
                                                    ix->interrupted_ctx) != RESDEX_STATUS_SUCCESS) {
        log_error("index %s: cannot choose between copies of a resolution: %s", ix->db_path,
                  resdex_db_last_error(ix->db));
        return -1;
    }
    if (resdex_db_commit(ix->db) != RESDEX_STATUS_SUCCESS) {
        log_error("index %s: commit failed: %s", ix->db_path, resdex_db_last_error(ix->db));
        return -1;
    }
    if (!ix->keep_copies &&
        resdex_db_read_metadata(ix->db, RESDEX_META_UNSETTLED, &unsettled) == RESDEX_STATUS_SUCCESS)
        log_info("stopped while choosing between copies of resolutions: the next start "
                 "finishes it");
    free(unsettled);
    log_debug("committed %zu changes", ix->uncommitted);
    ix->uncommitted = 0;
    return 0;
}

int
indexer_maybe_commit(indexer_t *ix)
{
    if (ix->uncommitted >= COMMIT_FILES ||
        (ix->uncommitted > 0 && clock_ms() - ix->batch_start_ms >= COMMIT_MS))
        return indexer_commit(ix);
    return 0;
}

reconcile_result_t
indexer_reconcile(indexer_t *ix, const char *rel)
{
    reconcile_result_t result = RECONCILE_FATAL;
    int full = *rel == '\0';
    log_level_t level = full ? LOG_LEVEL_DEBUG : LOG_LEVEL_INFO;
    uint64_t start = clock_ms();
    size_t indexed0 = ix->n_indexed, touched0 = ix->n_touched, removed0 = ix->n_removed,
           rejected0 = ix->n_rejected, moved0 = ix->n_moved, skipped0 = ix->n_skipped,
           shadowed0 = ix->n_shadowed;
    uint64_t paragraphs0 = ix->n_paragraphs;
    walk_list_t disk;
    meta_list_t states, rejects;
    stored_t **gone = NULL, **olds = NULL;
    size_t n_gone = 0;
    prefetch_t pf;
    memset(&pf, 0, sizeof pf);
    resdex_pair_words_t *pair_words = NULL; /* a new index's (pairs.h) */

    if (walk_subtree(ix->corpus, rel, &disk, ix->on_dir, ix->on_dir_ctx) != 0) {
        log_error("out of memory while listing %s", *rel ? rel : ix->corpus);
        return RECONCILE_FATAL;
    }
    if (load_meta(ix, &states, META_FILE_PREFIX, rel, 1) != 0) {
        walk_list_free(&disk);
        return RECONCILE_FATAL;
    }
    if (load_meta(ix, &rejects, META_REJECTED_PREFIX, rel, 0) != 0) {
        meta_list_free(&states);
        walk_list_free(&disk);
        return RECONCILE_FATAL;
    }

    /* Pair the two sorted lists; what the index has and the disk lacks is
     * gone (unless it sits in a folder that could not be read). */
    gone = calloc(states.n + 1, sizeof *gone);
    if (!gone) {
        log_error("out of memory");
        goto DONE;
    }
    {
        size_t i = 0, j = 0;
        while (j < states.n) {
            int c = i < disk.n ? strcmp(disk.v[i].rel, states.states[j].rel) : 1;
            if (c < 0) {
                i++;
            } else if (c == 0) {
                states.states[j].claimed = 1;
                i++;
                j++;
            } else {
                if (!walk_under_opaque(&disk, states.states[j].rel))
                    gone[n_gone++] = &states.states[j];
                j++;
            }
        }
    }

    /* Which files are to be read (new or changed), each paired with its
     * stored state; the loader reads them ahead, in this order. */
    olds = calloc(disk.n + 1, sizeof *olds);
    pf.jobs = calloc(disk.n + 1, sizeof *pf.jobs);
    if (!olds || !pf.jobs) {
        log_error("out of memory");
        goto DONE;
    }
    for (size_t i = 0, j = 0; i < disk.n; i++) {
        walk_entry_t *e = &disk.v[i];
        while (j < states.n && strcmp(states.states[j].rel, e->rel) < 0)
            j++;
        stored_t *old =
            j < states.n && strcmp(states.states[j].rel, e->rel) == 0 ? &states.states[j] : NULL;
        olds[i] = old;
        if (e->kind == WALK_BAD ||
            (old && old->valid && file_state_matches_stat(&old->state, &e->st)))
            continue;
        file_job_t *job = &pf.jobs[pf.n++];
        job->rel = e->rel;
        job->size = (uint64_t)e->st.st_size;
        if (old)
            job->old = (old_state_t){old->valid, old->state.hash, old->state.size};
    }
    pf.corpus = ix->corpus;
    /* A new index: its pair words learnt from a sample of the files
     * (pairs.h), then built in parts at once (bulk.c), when there is
     * enough to do; what fails to load is left to the loop below. */
    int built = 0;
    if (full)
        progress_start(ix, disk.n, states.n == 0 && rejects.n == 0);
    if (full && states.n == 0 && rejects.n == 0) {
        pair_words = pairs_learn(ix, pf.jobs, pf.n);
        if (pair_words)
            mark_changed(ix); /* set, to commit (before bulk.c's merge too) */
        built = bulk_build(ix, pf.jobs, pf.n, pair_words);
        if (built < 0)
            goto DONE;
    }
    if (!built)
        prefetch_start(&pf);

    size_t next_job = 0;
    for (size_t i = 0; i < disk.n; i++) {
        if (ix->interrupted && ix->interrupted(ix->interrupted_ctx)) {
            result = RECONCILE_INTERRUPTED;
            goto DONE;
        }
        walk_entry_t *e = &disk.v[i];
        stored_t *old = olds[i];
        rejected_t *rej = find_rejected(&rejects, e->rel);
        if (rej)
            rej->present = 1;
        int rc = 0;
        if (e->kind == WALK_BAD) {
            rc = reject(ix, e->rel, e->reason, rej);
        } else if (next_job < pf.n && pf.jobs[next_job].rel == e->rel) {
            if (pf.jobs[next_job].indexed) {
                next_job++; /* in the index already (bulk.c), and counted */
            } else {
                loaded_t *in = prefetch_take(&pf, next_job++);
                rc = process_file(ix, e->rel, old, rej, gone, n_gone, level, in);
                loaded_free(in);
            }
        } else {
            rc = clear_rejected(ix, rej); /* unchanged: nothing to read */
        }
        if (rc != 0 || indexer_maybe_commit(ix) != 0)
            goto DONE;
        if (full)
            progress_report(ix, i + 1, ix->n_paragraphs - paragraphs0);
    }
    for (size_t k = 0; k < n_gone; k++) {
        if (gone[k]->claimed)
            continue;
        if (drop(ix, gone[k]->rel, level) != 0 || indexer_maybe_commit(ix) != 0)
            goto DONE;
    }
    /* Rejections of files that are no longer there. */
    for (size_t k = 0; k < rejects.n; k++) {
        if (rejects.rejects[k].present || walk_under_opaque(&disk, rejects.rejects[k].rel))
            continue;
        log_debug("%s: gone, its rejection is forgotten", rejects.rejects[k].rel);
        if (clear_rejected(ix, &rejects.rejects[k]) != 0)
            goto DONE;
    }
    result = RECONCILE_DONE;
DONE:
    prefetch_end(&pf);
    if (full)
        progress_stop(ix);
    /* Commit before saying "reconciled": whoever reads that line (a test, a
     * user) then finds the index in the state it describes. */
    if (full && result == RECONCILE_DONE && indexer_commit(ix) != 0)
        result = RECONCILE_FATAL;
    if (full && result != RECONCILE_FATAL) {
        size_t seen = disk.n, skipped = ix->n_skipped - skipped0;
        log_info("%s %s: %zu files: %zu indexed, %zu moved, %zu touched, %zu removed, "
                 "%zu rejected, %zu skipped, %zu unchanged, %zu shadowed "
                 "(%llu paragraphs) in %.2f s",
                 result == RECONCILE_DONE ? "reconciled" : "interrupted reconciling", ix->corpus,
                 seen + disk.n_skipped, ix->n_indexed - indexed0 - (ix->n_moved - moved0),
                 ix->n_moved - moved0, ix->n_touched - touched0, ix->n_removed - removed0,
                 ix->n_rejected - rejected0, skipped + disk.n_skipped,
                 seen - (ix->n_indexed - indexed0) - (ix->n_touched - touched0) -
                     (ix->n_rejected - rejected0) - skipped,
                 ix->n_shadowed - shadowed0, (unsigned long long)(ix->n_paragraphs - paragraphs0),
                 (double)(clock_ms() - start) / 1000.0);
    }
    resdex_pair_words_destroy(pair_words);
    free(olds);
    free(gone);
    meta_list_free(&rejects);
    meta_list_free(&states);
    walk_list_free(&disk);
    return result;
}
