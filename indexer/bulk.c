/* bulk.c - a new index built in parts on every core, then merged.
 * See bulk.h for what it guarantees. */
#include "bulk.h"
#include "clock.h"
#include "filestate.h"
#include "log.h"
#include "progress.h"

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* Runs per thread: more runs balance the threads better (one thread may
 * get less of the machine) and keep the parts small; each run costs a part
 * to open and merge. */
#define RUNS_PER_THREAD 16
#define MIN_RUN_FILES   16
/* A part commits after this many files: small batches into a small part
 * cost less CPU and memory than one writer's big ones (measured at 200k
 * paragraphs, bench/RESULTS.md: 10 files 56.5 s CPU and 28 MiB, 200 files
 * 72 s and 156 MiB). Parts are not synced (RESDEX_DB_PART). */
#define PART_COMMIT_FILES 10

/* A run of files in corpus order, and the part it is indexed into. */
typedef struct run {
    size_t from, to; /* jobs[from..to) */
    char *path;
    int used; /* the part was created (it has files to merge) */
} run_t;

typedef struct bulk {
    indexer_t *ix;
    file_job_t *jobs;
    run_t *runs;
    size_t n_runs;
    atomic_size_t next_run;
    atomic_int stop;          /* a failure, or an interruption */
    atomic_size_t files_done; /* for the progress line */
    atomic_uint_least64_t paragraphs;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    size_t threads_left;
    char *error; /* the first failure, under mu */
} bulk_t;

static void
bulk_fail(bulk_t *b, const char *part, const char *what, const char *why)
{
    pthread_mutex_lock(&b->mu);
    if (!b->error && asprintf(&b->error, "%s %s: %s", what, part, why) < 0)
        b->error = NULL;
    if (!b->error)
        b->error = strdup("out of memory");
    pthread_mutex_unlock(&b->mu);
    atomic_store(&b->stop, 1);
}

/* Index one run into its part. 0, or -1 after bulk_fail(). */
static int
build_run(bulk_t *b, run_t *r)
{
    resdex_db_t *db = NULL;
    if (resdex_db_open(r->path, RESDEX_DB_PART, &db) != RESDEX_STATUS_SUCCESS) {
        bulk_fail(b, r->path, "cannot create part", resdex_db_last_error(db));
        resdex_db_close(db);
        return -1;
    }
    r->used = 1;
    size_t uncommitted = 0;
    uint64_t batch_start = 0;
    int rc = 0;
    for (size_t k = r->from; k < r->to && !atomic_load(&b->stop); k++) {
        file_job_t *job = &b->jobs[k];
        load_file(b->ix->corpus, job->rel, NULL, &job->out);
        job->done = 1;
        atomic_fetch_add(&b->files_done, 1);
        if (!loaded_ready(&job->out))
            continue; /* the caller rejects (or defers) it */
        uint64_t n = resdex_prepared_paragraphs(job->out.prepared);
        file_state_t fs = loaded_state(&job->out, n);
        resdex_status_t st = resdex_db_index_prepared(db, job->out.prepared);
        if (st == RESDEX_STATUS_SUCCESS) {
            st = file_state_store(db, job->rel, &fs);
            if (st != RESDEX_STATUS_SUCCESS && st != RESDEX_STATUS_OUT_OF_MEMORY &&
                resdex_db_remove_source(db, job->rel) == RESDEX_STATUS_SUCCESS)
                continue; /* this file's trouble: the caller's loop sees to it */
        }
        if (st != RESDEX_STATUS_SUCCESS) {
            const char *why = resdex_db_last_error(db);
            bulk_fail(b, r->path, "cannot index into part",
                      *why ? why : resdex_status_to_string(st));
            rc = -1;
            break;
        }
        loaded_free(&job->out);
        job->indexed = 1;
        job->paragraphs = n;
        atomic_fetch_add(&b->paragraphs, n);
        if (uncommitted++ == 0)
            batch_start = clock_ms();
        if (uncommitted >= PART_COMMIT_FILES || clock_ms() - batch_start >= COMMIT_MS) {
            if (resdex_db_commit(db) != RESDEX_STATUS_SUCCESS) {
                bulk_fail(b, r->path, "cannot commit part", resdex_db_last_error(db));
                rc = -1;
                break;
            }
            log_debug("committed %zu files in part %s", uncommitted, r->path);
            uncommitted = 0;
        }
    }
    if (rc == 0 && resdex_db_commit(db) != RESDEX_STATUS_SUCCESS) {
        bulk_fail(b, r->path, "cannot commit part", resdex_db_last_error(db));
        rc = -1;
    }
    resdex_db_close(db);
    return rc;
}

static void *
builder(void *arg)
{
    bulk_t *b = arg;
    while (!atomic_load(&b->stop)) {
        size_t i = atomic_fetch_add(&b->next_run, 1);
        if (i >= b->n_runs || build_run(b, &b->runs[i]) != 0)
            break;
    }
    pthread_mutex_lock(&b->mu);
    b->threads_left--;
    pthread_cond_broadcast(&b->cv);
    pthread_mutex_unlock(&b->mu);
    return NULL;
}

static int
remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path) != 0 && errno != ENOENT ? -1 : 0;
}

int
scratch_clear(const char *scratch)
{
    DIR *d = opendir(scratch);
    if (!d) {
        if (errno == ENOENT)
            return 0;
        log_warning("%s: %s", scratch, strerror(errno));
        return -1;
    }
    struct dirent *e;
    int ours = 1;
    while (ours && (e = readdir(d)) != NULL) {
        const char *n = e->d_name;
        if (strcmp(n, ".") != 0 && strcmp(n, "..") != 0 && strncmp(n, "part-", 5) != 0 &&
            strcmp(n, "merged") != 0 && strcmp(n, "compacted") != 0)
            ours = 0;
    }
    closedir(d);
    if (!ours) {
        log_warning("%s holds files resdexd did not put there: not building in parts", scratch);
        return -1;
    }
    if (nftw(scratch, remove_entry, 16, FTW_DEPTH | FTW_PHYS) != 0 && errno != ENOENT) {
        log_warning("cannot remove %s: %s", scratch, strerror(errno));
        return -1;
    }
    return 0;
}

/* Cut jobs[0..n) into runs of about equal bytes. */
static size_t
make_runs(bulk_t *b, size_t n, size_t want)
{
    uint64_t total = 0;
    for (size_t k = 0; k < n; k++)
        total += b->jobs[k].size + 1;
    size_t r = 0, from = 0;
    uint64_t sum = 0;
    for (size_t k = 0; k < n && r < want; k++) {
        sum += b->jobs[k].size + 1;
        if (k + 1 == n || sum * want >= total * (r + 1)) {
            b->runs[r].from = from;
            b->runs[r].to = k + 1;
            from = k + 1;
            r++;
        }
    }
    return r;
}

static void
bulk_free(bulk_t *b)
{
    for (size_t i = 0; i < b->n_runs; i++)
        free(b->runs[i].path);
    free(b->runs);
    free(b->error);
}

int
bulk_build(indexer_t *ix, file_job_t *jobs, size_t n)
{
    resdex_db_counts_t counts;
    if (ix->jobs < 2 || !ix->scratch || n < BULK_MIN_FILES ||
        resdex_db_get_counts(ix->db, &counts) != RESDEX_STATUS_SUCCESS || counts.paragraphs > 0)
        return 0;
    if (scratch_clear(ix->scratch) != 0)
        return 0;
    if (mkdir(ix->scratch, 0777) != 0) {
        log_warning("cannot create %s (%s): not building in parts", ix->scratch, strerror(errno));
        return 0;
    }
    /* The merged index takes the index's place by a rename: not across
     * file systems (an index folder that is a mount point). */
    struct stat st_db, st_scratch;
    if (stat(ix->db_path, &st_db) != 0 || stat(ix->scratch, &st_scratch) != 0 ||
        st_db.st_dev != st_scratch.st_dev) {
        log_debug("%s and %s are not on one file system: not building in parts", ix->db_path,
                  ix->scratch);
        scratch_clear(ix->scratch);
        return 0;
    }

    bulk_t b = {.ix = ix, .jobs = jobs};
    size_t want = (size_t)ix->jobs * RUNS_PER_THREAD;
    if (want > n / MIN_RUN_FILES)
        want = n / MIN_RUN_FILES;
    if (want < (size_t)ix->jobs)
        want = (size_t)ix->jobs;
    b.runs = calloc(want, sizeof *b.runs);
    if (!b.runs) {
        log_error("out of memory");
        return -1;
    }
    b.n_runs = make_runs(&b, n, want);
    for (size_t i = 0; i < b.n_runs; i++)
        if (asprintf(&b.runs[i].path, "%s/part-%03zu", ix->scratch, i) < 0) {
            b.runs[i].path = NULL;
            log_error("out of memory");
            bulk_free(&b);
            return -1;
        }
    pthread_mutex_init(&b.mu, NULL);
    pthread_cond_init(&b.cv, NULL);

    size_t threads = (size_t)ix->jobs < b.n_runs ? (size_t)ix->jobs : b.n_runs;
    pthread_t *tids = calloc(threads, sizeof *tids);
    size_t started = 0;
    if (tids)
        for (; started < threads; started++) {
            b.threads_left++;
            if (pthread_create(&tids[started], NULL, builder, &b) != 0) {
                b.threads_left--;
                break;
            }
        }
    if (started == 0) {
        /* No thread at all: one writer does it, the usual way. */
        log_warning("cannot start threads: indexing with one");
        free(tids);
        pthread_cond_destroy(&b.cv);
        pthread_mutex_destroy(&b.mu);
        bulk_free(&b);
        scratch_clear(ix->scratch);
        return 0;
    }
    log_debug("building the new index in %zu parts on %zu threads", b.n_runs, started);

    /* Wait, showing the progress and listening for a stop. */
    pthread_mutex_lock(&b.mu);
    while (b.threads_left > 0) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += 100 * 1000000L;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&b.cv, &b.mu, &until);
        pthread_mutex_unlock(&b.mu);
        if (!atomic_load(&b.stop) && ix->interrupted && ix->interrupted(ix->interrupted_ctx))
            atomic_store(&b.stop, 1);
        progress_report(ix, atomic_load(&b.files_done), atomic_load(&b.paragraphs));
        pthread_mutex_lock(&b.mu);
    }
    pthread_mutex_unlock(&b.mu);
    for (size_t t = 0; t < started; t++)
        pthread_join(tids[t], NULL);
    free(tids);
    pthread_cond_destroy(&b.cv);
    pthread_mutex_destroy(&b.mu);

    int rc = 1;
    if (b.error) {
        log_error("index %s: %s", ix->db_path, b.error);
        rc = -1;
        goto DONE;
    }
    const char **parts = calloc(b.n_runs + 1, sizeof *parts);
    size_t n_parts = 0;
    uint64_t indexed = 0;
    if (!parts) {
        log_error("out of memory");
        rc = -1;
        goto DONE;
    }
    for (size_t i = 0; i < b.n_runs; i++)
        if (b.runs[i].used)
            parts[n_parts++] = b.runs[i].path;
    for (size_t k = 0; k < n; k++)
        indexed += jobs[k].indexed;
    if (indexed > 0) {
        char *merged = NULL;
        if (asprintf(&merged, "%s/merged", ix->scratch) < 0) {
            log_error("out of memory");
            free(parts);
            rc = -1;
            goto DONE;
        }
        uint64_t t0 = clock_ms();
        /* Changes waiting (none but the corpus's name, usually) go first:
         * the merge wants an index without uncommitted changes. */
        if (indexer_commit(ix) != 0) {
            rc = -1;
        } else if (resdex_db_merge_parts(ix->db, parts, n_parts, merged) != RESDEX_STATUS_SUCCESS) {
            log_error("index %s: cannot merge the parts built in %s: %s", ix->db_path, ix->scratch,
                      resdex_db_last_error(ix->db));
            rc = -1;
        } else {
            log_debug("merged %zu parts in %.2f s", n_parts, (double)(clock_ms() - t0) / 1000.0);
        }
        free(merged);
    }
    free(parts);
    if (rc < 0)
        goto DONE;
    for (size_t k = 0; k < n; k++) {
        if (!jobs[k].indexed)
            continue;
        log_debug("indexed %s (%llu paragraphs)", jobs[k].rel,
                  (unsigned long long)jobs[k].paragraphs);
        ix->n_indexed++;
        ix->n_paragraphs += jobs[k].paragraphs;
    }
    if (indexed > 0) {
        /* The next commit stamps the new index (last update, corpus). */
        if (ix->uncommitted == 0)
            ix->batch_start_ms = clock_ms();
        ix->uncommitted++;
    }
DONE:
    scratch_clear(ix->scratch);
    bulk_free(&b);
    return rc;
}
