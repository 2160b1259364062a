/* bulk.c - a new index built in parts on every core, then merged.
 * See bulk.h for what it guarantees. */
#include "bulk.h"
#include "archive.h"
#include "clock.h"
#include "filestate.h"
#include "log.h"
#include "progress.h"
#include "walk.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

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

/* A unit of work: a file, or a slice of a zip archive's entries (a cold
 * build shares one archive's members out between threads, as the GA ships
 * one zip per language and session). */
typedef struct unit {
    size_t job;           /* jobs[job] */
    struct archive *arch; /* a slice of this archive, or NULL: the whole file */
    size_t from, to;      /* the slice: entries [from, to) */
    uint64_t size;        /* bytes, to share the units out */
    /* A slice's outcome, filled by its thread. */
    int done;
    size_t indexed, bad;
    uint64_t paragraphs;
    char **warnings; /* its members' warnings, in order, for the main thread to log */
    size_t n_warnings;
} unit_t;

/* A zip archive read before the build (its bytes shared by its slices). */
typedef struct archive {
    char *data;
    size_t len;
    resdex_file_info_t info;
    uint64_t hash;
    size_t first, n_units; /* units[first..first+n_units) */
} archive_t;

/* A run of units in corpus order, and the part it is indexed into. */
typedef struct run {
    size_t from, to; /* units[from..to) */
    char *path;
    int used; /* the part was created (it has files to merge) */
} run_t;

typedef struct bulk {
    indexer_t *ix;
    const resdex_pair_words_t *pair_words; /* the index's, for each part; or NULL */
    file_job_t *jobs;
    unit_t *units;
    size_t n_units;
    archive_t **archives; /* per job: NULL, or the archive shared out */
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

/* Commit the part after PART_COMMIT_FILES files or COMMIT_MS. 0, or -1
 * after bulk_fail(). */
static int
part_maybe_commit(bulk_t *b, run_t *r, resdex_db_t *db, size_t *uncommitted, uint64_t batch_start)
{
    if (*uncommitted < PART_COMMIT_FILES && clock_ms() - batch_start < COMMIT_MS)
        return 0;
    if (resdex_db_commit(db) != RESDEX_STATUS_SUCCESS) {
        bulk_fail(b, r->path, "cannot commit part", resdex_db_last_error(db));
        return -1;
    }
    log_debug("committed %zu files in part %s", *uncommitted, r->path);
    *uncommitted = 0;
    return 0;
}

typedef struct slice_walk {
    bulk_t *b;
    resdex_db_t *db;
    const char *rel;
    unit_t *u;
    int failed, oom;
} slice_walk_t;

static void
slice_warn(slice_walk_t *w, const char *message)
{
    unit_t *u = w->u;
    char **v = realloc(u->warnings, (u->n_warnings + 1) * sizeof *v);
    char *copy = strdup(message ? message : "a member cannot be indexed (out of memory)");
    if (v)
        u->warnings = v;
    if (!v || !copy) {
        free(copy);
        w->oom = 1;
        return;
    }
    u->warnings[u->n_warnings++] = copy;
}

/* A member of a slice, as archive_reconcile() indexes it into a new index. */
static int
slice_member(void *ctx, const char *member, resdex_status_t st, const char *data, size_t len,
             const char *message)
{
    slice_walk_t *w = ctx;
    if (atomic_load(&w->b->stop))
        return 1;
    if (st != RESDEX_STATUS_SUCCESS) {
        slice_warn(w, message ? message : resdex_status_to_string(st));
        w->u->bad++;
        return w->oom;
    }
    char *source = NULL, *why = NULL;
    if (asprintf(&source, "%s!%s", w->rel, member) < 0) {
        w->oom = 1;
        return 1;
    }
    uint64_t n = 0;
    int rc = archive_index_member(w->db, source, data, len, &n, &why);
    if (rc > 0) {
        slice_warn(w, why);
        w->u->bad++;
    } else if (rc == 0) {
        w->u->indexed++;
        w->u->paragraphs += n;
        atomic_fetch_add(&w->b->paragraphs, n);
    } else {
        w->failed = 1;
    }
    free(why);
    free(source);
    return w->failed || w->oom;
}

/* Index a slice of an archive's members into the run's part. 0, or -1
 * after bulk_fail(). A stop leaves the slice not done. */
static int
build_slice(bulk_t *b, run_t *r, resdex_db_t *db, unit_t *u)
{
    const char *rel = b->jobs[u->job].rel;
    slice_walk_t w = {b, db, rel, u, 0, 0};
    char *message = NULL;
    resdex_status_t st = resdex_archive_foreach_range(rel, u->arch->data, u->arch->len, u->from,
                                                      u->to, slice_member, &w, &message);
    free(message);
    if (w.failed) {
        const char *why = resdex_db_last_error(db);
        bulk_fail(b, r->path, "cannot index into part", *why ? why : "index error");
        return -1;
    }
    if (w.oom) {
        bulk_fail(b, r->path, "cannot index into part", "out of memory");
        return -1;
    }
    /* The archive opened before the build: it does again, unless stopped. */
    u->done = st == RESDEX_STATUS_SUCCESS;
    if (u->done && u->from == 0)
        atomic_fetch_add(&b->files_done, 1);
    return 0;
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
    /* The parts write the pairs of the index's words (pairs.h). */
    if (b->pair_words && resdex_db_set_pair_words(db, b->pair_words) != RESDEX_STATUS_SUCCESS) {
        bulk_fail(b, r->path, "cannot set the pair words of part", resdex_db_last_error(db));
        resdex_db_close(db);
        return -1;
    }
    size_t uncommitted = 0;
    uint64_t batch_start = 0;
    int rc = 0;
    for (size_t u = r->from; u < r->to && !atomic_load(&b->stop); u++) {
        if (b->units[u].arch) {
            if (build_slice(b, r, db, &b->units[u]) != 0) {
                rc = -1;
                break;
            }
            if (++uncommitted == 1)
                batch_start = clock_ms();
            if (part_maybe_commit(b, r, db, &uncommitted, batch_start) != 0) {
                rc = -1;
                break;
            }
            continue;
        }
        file_job_t *job = &b->jobs[b->units[u].job];
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
        if (part_maybe_commit(b, r, db, &uncommitted, batch_start) != 0) {
            rc = -1;
            break;
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

/* Cut units[0..n) into runs of about equal bytes. */
static size_t
make_runs(bulk_t *b, size_t n, size_t want)
{
    uint64_t total = 0;
    for (size_t k = 0; k < n; k++)
        total += b->units[k].size + 1;
    size_t r = 0, from = 0;
    uint64_t sum = 0;
    for (size_t k = 0; k < n && r < want; k++) {
        sum += b->units[k].size + 1;
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
bulk_free(bulk_t *b, size_t n_jobs)
{
    for (size_t i = 0; i < b->n_runs; i++)
        free(b->runs[i].path);
    free(b->runs);
    for (size_t i = 0; i < b->n_units; i++) {
        for (size_t w = 0; w < b->units[i].n_warnings; w++)
            free(b->units[i].warnings[w]);
        free(b->units[i].warnings);
    }
    free(b->units);
    if (b->archives)
        for (size_t k = 0; k < n_jobs; k++)
            if (b->archives[k]) {
                free(b->archives[k]->data);
                free(b->archives[k]);
            }
    free(b->archives);
    free(b->error);
}

/* Does corpus/rel start like a zip ("PK")? Read no more than that. */
static int
starts_like_zip(const char *corpus, const char *rel)
{
    char *abs = path_join(corpus, rel);
    int fd = abs ? open(abs, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC) : -1;
    free(abs);
    if (fd < 0)
        return 0;
    char magic[2];
    int zip = read(fd, magic, 2) == 2 && magic[0] == 'P' && magic[1] == 'K';
    close(fd);
    return zip;
}

/* The units of the build: a unit per file, and the entries of a zip
 * archive in slices of about `slice` bytes. An archive that does not open
 * as one is no unit: the caller's loop treats it as one writer does. 0, or
 * -1 when out of memory. */
static int
make_units(bulk_t *b, size_t n, uint64_t slice)
{
    size_t cap = n + 1;
    b->units = calloc(cap, sizeof *b->units);
    b->archives = calloc(n + 1, sizeof *b->archives);
    if (!b->units || !b->archives)
        return -1;
    for (size_t k = 0; k < n; k++) {
        file_job_t *job = &b->jobs[k];
        archive_t *a = NULL;
        size_t entries = 0;
        if (starts_like_zip(b->ix->corpus, job->rel)) {
            char *abs = path_join(b->ix->corpus, job->rel), *message = NULL;
            if (!abs || !(a = calloc(1, sizeof *a))) {
                free(abs);
                return -1;
            }
            int ok = resdex_read_file_raw(abs, job->rel, &a->data, &a->len, &a->info, &message) ==
                         RESDEX_STATUS_SUCCESS &&
                     resdex_is_archive(a->data, a->len);
            free(message);
            message = NULL;
            free(abs);
            if (ok && (resdex_archive_entries(job->rel, a->data, a->len, &entries, &message) !=
                           RESDEX_STATUS_SUCCESS ||
                       entries == 0)) {
                free(message);
                free(a->data);
                free(a);
                continue; /* damaged, or empty: the caller's loop says why */
            }
            if (!ok) {
                free(a->data);
                free(a);
                a = NULL;
            }
        }
        if (!a) {
            b->units[b->n_units++] = (unit_t){.job = k, .size = job->size};
            continue;
        }
        a->hash = content_hash(a->data, a->len);
        b->archives[k] = a;
        size_t slices = slice ? (size_t)((a->len + slice - 1) / slice) : 1;
        if (slices < 1)
            slices = 1;
        if (slices > entries)
            slices = entries;
        unit_t *v = realloc(b->units, (cap + slices) * sizeof *v);
        if (!v)
            return -1;
        b->units = v;
        cap += slices;
        a->first = b->n_units;
        a->n_units = slices;
        log_debug("%s: %zu entries shared out in %zu slices", job->rel, entries, slices);
        for (size_t i = 0; i < slices; i++)
            b->units[b->n_units++] = (unit_t){.job = k,
                                              .arch = a,
                                              .from = entries * i / slices,
                                              .to = entries * (i + 1) / slices,
                                              .size = a->len / slices};
    }
    return 0;
}

/* After the merge: each archive whose slices all finished gets its file
 * state, as archive_reconcile() leaves it, and its members' warnings are
 * logged; one without a member indexed is left to the caller's loop (which
 * rejects it as one writer does). 0, or -1 (logged). */
static int
finish_archives(bulk_t *b, size_t n)
{
    indexer_t *ix = b->ix;
    for (size_t k = 0; k < n; k++) {
        archive_t *a = b->archives[k];
        if (!a)
            continue;
        size_t indexed = 0, bad = 0, done = 0;
        uint64_t paragraphs = 0;
        for (size_t i = a->first; i < a->first + a->n_units; i++) {
            done += b->units[i].done;
            indexed += b->units[i].indexed;
            bad += b->units[i].bad;
            paragraphs += b->units[i].paragraphs;
        }
        if (done < a->n_units || indexed == 0)
            continue;
        for (size_t i = a->first; i < a->first + a->n_units; i++)
            for (size_t w = 0; w < b->units[i].n_warnings; w++)
                log_warning("%s", b->units[i].warnings[w]);
        file_state_t fs = {a->info.size, a->info.mtime_ns, a->hash, paragraphs};
        if (file_state_store(ix->db, b->jobs[k].rel, &fs) != RESDEX_STATUS_SUCCESS) {
            log_error("index %s: cannot record the state of %s: %s", ix->db_path, b->jobs[k].rel,
                      resdex_db_last_error(ix->db));
            return -1;
        }
        log_debug("indexed %s (%zu members indexed, 0 unchanged, 0 removed, %zu bad; %llu "
                  "paragraphs)",
                  b->jobs[k].rel, indexed, bad, (unsigned long long)paragraphs);
        b->jobs[k].indexed = 1;
        b->jobs[k].done = 1;
        b->jobs[k].paragraphs = paragraphs;
    }
    return 0;
}

int
bulk_build(indexer_t *ix, file_job_t *jobs, size_t n, const resdex_pair_words_t *pair_words)
{
    resdex_db_counts_t counts;
    if (ix->jobs < 2 || !ix->scratch ||
        resdex_db_get_counts(ix->db, &counts) != RESDEX_STATUS_SUCCESS || counts.paragraphs > 0)
        return 0;
    /* Files, and the zip archives' members shared out in slices of about
     * the bytes of a run. */
    bulk_t b = {.ix = ix, .pair_words = pair_words, .jobs = jobs};
    uint64_t total = 0;
    for (size_t k = 0; k < n; k++)
        total += jobs[k].size;
    if (make_units(&b, n, total / ((uint64_t)ix->jobs * RUNS_PER_THREAD)) != 0) {
        log_error("out of memory");
        bulk_free(&b, n);
        return -1;
    }
    size_t files = 0;
    for (size_t u = 0; u < b.n_units; u++)
        files += b.units[u].arch ? b.units[u].to - b.units[u].from : 1;
    if (files < BULK_MIN_FILES || scratch_clear(ix->scratch) != 0) {
        bulk_free(&b, n);
        return 0;
    }
    if (mkdir(ix->scratch, 0777) != 0) {
        log_warning("cannot create %s (%s): not building in parts", ix->scratch, strerror(errno));
        bulk_free(&b, n);
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
        bulk_free(&b, n);
        return 0;
    }

    size_t want = (size_t)ix->jobs * RUNS_PER_THREAD;
    if (want > files / MIN_RUN_FILES)
        want = files / MIN_RUN_FILES;
    if (want < (size_t)ix->jobs)
        want = (size_t)ix->jobs;
    if (want > b.n_units)
        want = b.n_units;
    b.runs = calloc(want, sizeof *b.runs);
    if (!b.runs) {
        log_error("out of memory");
        bulk_free(&b, n);
        return -1;
    }
    b.n_runs = make_runs(&b, b.n_units, want);
    for (size_t i = 0; i < b.n_runs; i++)
        if (asprintf(&b.runs[i].path, "%s/part-%03zu", ix->scratch, i) < 0) {
            b.runs[i].path = NULL;
            log_error("out of memory");
            bulk_free(&b, n);
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
        bulk_free(&b, n);
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
    for (size_t u = 0; u < b.n_units; u++)
        indexed += b.units[u].indexed;
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
    if (rc == 0 || rc == 1)
        rc = finish_archives(&b, n) == 0 ? 1 : -1;
    if (rc < 0)
        goto DONE;
    for (size_t k = 0; k < n; k++) {
        if (!jobs[k].indexed)
            continue;
        if (!b.archives[k])
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
    bulk_free(&b, n);
    return rc;
}
