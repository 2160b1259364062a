/* main.c - resdexd(8): options, the index and corpus locations, signals,
 * and the main loop (reconcile, then watch).
 *
 * Signals are read from a signalfd in the main loop, never handled in a
 * handler: SIGTERM and SIGINT end the loop (the batch in progress is
 * committed, each of its files being complete), SIGHUP asks for a full
 * reconcile, SIGUSR1 for a compaction once what is under way is committed.
 * During a long reconcile the signalfd is polled between files. */
#include "clock.h"
#include "compact.h"
#include "filestate.h"
#include "ignore.h"
#include "log.h"
#include "reconcile.h"
#include "resdex.h"
#include "shard.h"
#include "walk.h"
#include "watch.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <malloc.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <unistd.h>

enum { EXIT_OK = 0, EXIT_REJECTED = 1, EXIT_FATAL = 2 };

typedef struct options {
    const char *db;
    const char *corpus;
    int once;
    int compact;           /* --compact: compact the index and exit */
    int move_corpus;       /* --move-corpus: the index follows another folder */
    const char **excludes; /* --exclude GLOB, in order */
    size_t n_excludes;
    int jobs;          /* 0: as many as there are cores (at most JOBS_DEFAULT_MAX) */
    const char *shard; /* --shard K/N, or NULL: the whole corpus */
    unsigned shard_k, shard_n;
    log_level_t level;
} options_t;

/* Threads for a new index by default: the cores, up to this many (each
 * holds a writer's batch in memory). */
#define JOBS_DEFAULT_MAX 4
#define JOBS_MAX         64

/* What the signals asked for, read from the signalfd. */
typedef struct signals {
    int fd;
    int stop;    /* SIGTERM, SIGINT */
    int reload;  /* SIGHUP */
    int compact; /* SIGUSR1 */
} signals_t;

static void
usage(FILE *out)
{
    const char *corpus = resdex_default_corpus();
    fprintf(out,
            "usage: resdexd [--db DIR] [--corpus DIR] [--once] [--jobs N] [--exclude GLOB]...\n"
            "               [--shard K/N] [--move-corpus] [--verbose|--quiet]\n"
            "       resdexd [--db DIR] --compact\n"
            "\n"
            "Keep a resdex index equal to a folder of resolutions: reconcile, then watch.\n"
            "\n"
            "  --db DIR        the index (default $RESDEX_DB, $XDG_DATA_HOME/resdex,\n"
            "                  ~/.local/share/resdex)\n"
            "  --corpus DIR    the folder to index (default $RESDEX_CORPUS, else the\n"
            "                  samples: %s)\n"
            "  --once          reconcile, commit and exit instead of watching\n"
            "  --jobs N        threads building a new index (default: the cores, at\n"
            "                  most 4; 1: one writer)\n"
            "  --exclude GLOB  leave out the files and folders matching GLOB (repeatable;\n"
            "                  also the lines of the corpus's .resdexignore)\n"
            "  --shard K/N     index only shard K of N of the corpus (a partition by\n"
            "                  path; join the shards with a stub file: resdex(1))\n"
            "  --move-corpus   the index built from another folder follows this one\n"
            "  --compact       rewrite the index compactly and exit\n"
            "  --verbose       also debug messages\n"
            "  --quiet         errors only\n"
            "  --help, --version\n"
            "\n"
            "exit status: 0 done, 1 some files rejected (--once), 2 error\n"
            "signals: SIGTERM/SIGINT commit and exit, SIGHUP reconcile everything,\n"
            "         SIGUSR1 compact the index (watching)\n",
            corpus ? corpus : "none here");
}

/* mkdir -p for the folders above `path` (Xapian creates the last one). */
static int
make_parents(const char *path)
{
    char *copy = strdup(path);
    if (!copy)
        return -1;
    for (char *p = copy + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(copy, 0755) != 0 && errno != EEXIST) {
            log_error("cannot create %s: %s", copy, strerror(errno));
            free(copy);
            return -1;
        }
        *p = '/';
    }
    free(copy);
    return 0;
}

/* An index inside the corpus would index itself, and every commit would
 * wake the watcher. The index may not exist yet: its folder's parent does. */
static int
index_inside_corpus(const char *db_path, const char *corpus)
{
    char *copy = strdup(db_path);
    if (!copy)
        return 0;
    char *slash = strrchr(copy, '/');
    const char *parent = ".", *base = copy;
    if (slash == copy) {
        parent = "/";
        base = copy + 1;
    } else if (slash) {
        *slash = '\0';
        parent = copy;
        base = slash + 1;
    }
    char *real_parent = realpath(parent, NULL);
    char *full = real_parent ? path_join(real_parent, base) : NULL;
    int inside = full && path_within(full, corpus);
    free(full);
    free(real_parent);
    free(copy);
    return inside;
}

static int
default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        return 1;
    return n > JOBS_DEFAULT_MAX ? JOBS_DEFAULT_MAX : (int)n;
}

static int
parse_options(int argc, char **argv, options_t *o, int *exit_now)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'},
        {"corpus", required_argument, NULL, 'c'},
        {"once", no_argument, NULL, 'o'},
        {"verbose", no_argument, NULL, 'v'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {"jobs", required_argument, NULL, 'j'},
        {"compact", no_argument, NULL, 'C'},
        {"move-corpus", no_argument, NULL, 'M'},
        {"exclude", required_argument, NULL, 'x'},
        {"shard", required_argument, NULL, 'S'},
        {NULL, 0, NULL, 0},
    };
    int c;
    *exit_now = -1;
    memset(o, 0, sizeof *o);
    o->level = LOG_LEVEL_INFO;
    while ((c = getopt_long(argc, argv, "hVvq", longopts, NULL)) != -1) {
        switch (c) {
        case 'd':
            o->db = optarg;
            break;
        case 'c':
            o->corpus = optarg;
            break;
        case 'o':
            o->once = 1;
            break;
        case 'C':
            o->compact = 1;
            break;
        case 'M':
            o->move_corpus = 1;
            break;
        case 'x': {
            const char **v = realloc(o->excludes, (o->n_excludes + 1) * sizeof *v);
            if (!v) {
                fprintf(stderr, "resdexd: error: out of memory\n");
                *exit_now = EXIT_FATAL;
                return -1;
            }
            v[o->n_excludes++] = optarg;
            o->excludes = v;
            break;
        }
        case 'S':
            if (shard_parse(optarg, &o->shard_k, &o->shard_n) != 0) {
                fprintf(stderr,
                        "resdexd: error: --shard wants K/N, shard K of N (1 <= K <= N <= 1024), "
                        "not '%s'\n",
                        optarg);
                *exit_now = EXIT_FATAL;
                return -1;
            }
            o->shard = optarg;
            break;
        case 'j': {
            char *end = NULL;
            errno = 0;
            long n = strtol(optarg, &end, 10);
            if (errno || !end || *end || end == optarg || n < 1 || n > JOBS_MAX) {
                fprintf(stderr, "resdexd: error: --jobs wants a number from 1 to %d, not '%s'\n",
                        JOBS_MAX, optarg);
                *exit_now = EXIT_FATAL;
                return -1;
            }
            o->jobs = (int)n;
            break;
        }
        case 'v':
            o->level = LOG_LEVEL_DEBUG;
            break;
        case 'q':
            o->level = LOG_LEVEL_ERROR;
            break;
        case 'h':
            usage(stdout);
            *exit_now = EXIT_OK;
            return 0;
        case 'V':
            printf("resdexd %s\n", resdex_version());
            *exit_now = EXIT_OK;
            return 0;
        default:
            usage(stderr);
            *exit_now = EXIT_FATAL;
            return -1;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "resdexd: error: unexpected argument '%s'\n", argv[optind]);
        usage(stderr);
        *exit_now = EXIT_FATAL;
        return -1;
    }
    return 0;
}

/* The shard an index holds is part of its identity, as its corpus is: an
 * index built as shard K/N (metadata META_SHARD) is only reconciled as that
 * shard, and an index of the whole corpus never as a shard (either would
 * remove the files of the others). A new index records the shard it is
 * given, committed at once. 0, or -1 (logged) when refused. */
static int
check_shard(resdex_db_t *db, const char *db_path, const options_t *o)
{
    char *had = NULL, *corpus = NULL, *by = NULL;
    int rc = -1;
    char want[32] = "";
    if (o->shard)
        snprintf(want, sizeof want, "%u/%u", o->shard_k, o->shard_n);
    resdex_db_read_metadata(db, META_SHARD, &had);
    int built = resdex_db_read_metadata(db, META_CORPUS, &corpus) == RESDEX_STATUS_SUCCESS;
    resdex_db_read_metadata(db, META_SHARD_BY, &by);
    if (had && (!by || strcmp(by, "symbol") != 0)) {
        log_error("index %s is shard %s divided by file path (an earlier resdexd); shards are now "
                  "divided by resolution symbol: rebuild it into a new --db",
                  db_path, had);
    } else if (had && strcmp(had, want) != 0) {
        if (*want)
            log_error("index %s is shard %s, not %s: give the --db of shard %s, or a new --db",
                      db_path, had, want, want);
        else
            log_error("index %s is shard %s of a corpus: give --shard %s to reconcile it", db_path,
                      had, had);
    } else if (!had && *want && built) {
        log_error("index %s holds the whole corpus, not shard %s: give a new --db for the shard",
                  db_path, want);
    } else if (!had && *want) {
        if (resdex_db_set_metadata(db, META_SHARD, want) != RESDEX_STATUS_SUCCESS ||
            resdex_db_set_metadata(db, META_SHARD_BY, "symbol") != RESDEX_STATUS_SUCCESS ||
            resdex_db_commit(db) != RESDEX_STATUS_SUCCESS)
            log_error("%s", resdex_db_last_error(db));
        else
            rc = 0;
    } else {
        rc = 0;
    }
    free(had);
    free(corpus);
    free(by);
    return rc;
}

static int
signals_init(signals_t *s)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGUSR1);
    memset(s, 0, sizeof *s);
    if (sigprocmask(SIG_BLOCK, &set, NULL) != 0)
        return -1;
    s->fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
    signal(SIGPIPE, SIG_IGN);
    return s->fd < 0 ? -1 : 0;
}

/* Read every pending signal into the flags. */
static void
signals_read(signals_t *s)
{
    struct signalfd_siginfo si;
    while (read(s->fd, &si, sizeof si) == (ssize_t)sizeof si) {
        if (si.ssi_signo == SIGHUP) {
            log_info("SIGHUP: reconciling the whole corpus");
            s->reload = 1;
        } else if (si.ssi_signo == SIGUSR1) {
            log_info("SIGUSR1: compacting the index once the changes under way are committed");
            s->compact = 1;
        } else {
            log_info("%s: committing and exiting", si.ssi_signo == SIGINT ? "SIGINT" : "SIGTERM");
            s->stop = 1;
        }
    }
}

/* indexer_t's interrupted(): a stop request ends a reconcile early; a
 * reload request is kept for after it. */
static int
stop_requested(void *ctx)
{
    signals_t *s = ctx;
    signals_read(s);
    return s->stop;
}

/* Reconcile every dirty path of a batch, then commit. -1 on a fatal error. */
static int
apply_batch(indexer_t *ix, watcher_t *w, watch_batch_t *b)
{
    reconcile_result_t r = RECONCILE_DONE;
    if (b->full) {
        if (ignore_reload(ix->corpus) != 0)
            return -1;
        r = indexer_reconcile(ix, "");
    } else {
        for (size_t i = 0; i < b->n && r == RECONCILE_DONE; i++) {
            const char *rel = b->paths[i];
            char *abs = path_join(ix->corpus, rel);
            struct stat st;
            /* Gone, or no longer a folder: stop watching what was there;
             * a folder moved within the corpus is watched again under its
             * new name by the walk. */
            if (abs && (stat(abs, &st) != 0 || !S_ISDIR(st.st_mode)))
                watcher_forget(w, rel);
            free(abs);
            r = indexer_reconcile(ix, rel);
        }
    }
    watch_batch_clear(b);
    if (r == RECONCILE_FATAL)
        return -1;
    return indexer_commit(ix);
}

/* Files that failed while probably still being written (indexer_t.defer)
 * are looked at again this long after the first of them. */
#define RETRY_MS (FRESH_MS + 200)

/* indexer_t's defer(): keep the path for a second look. */
static void
defer_path(const char *rel, void *ctx)
{
    if (watch_batch_add(ctx, rel) != 0)
        log_error("out of memory");
}

static int
watch_loop(indexer_t *ix, watcher_t *w, signals_t *sig, watch_batch_t *retry)
{
    watch_batch_t batch = {0};
    int rc = 0;
    while (!sig->stop) {
        uint64_t now = clock_ms();
        if (sig->reload) {
            sig->reload = 0;
            batch.full = 1;
            batch.first_ms = batch.last_ms = now - WATCH_MAX_DELAY_MS;
        }
        if (!watch_batch_empty(retry) && now >= retry->first_ms + RETRY_MS) {
            for (size_t i = 0; i < retry->n; i++)
                if (watch_batch_add(&batch, retry->paths[i]) != 0)
                    log_error("out of memory");
            batch.full |= retry->full;
            watch_batch_clear(retry);
        }
        if (watch_batch_due_in(&batch, now) == 0) {
            if (apply_batch(ix, w, &batch) != 0 || compact_maybe(ix, 0) != 0) {
                rc = -1;
                break;
            }
            continue;
        }
        /* Asked to compact: now, with nothing uncommitted (a batch due is
         * applied first, above). */
        if (sig->compact) {
            sig->compact = 0;
            if (compact_maybe(ix, 1) != 0) {
                rc = -1;
                break;
            }
            continue;
        }
        int timeout = watch_batch_due_in(&batch, now);
        if (!watch_batch_empty(retry)) {
            uint64_t due = retry->first_ms + RETRY_MS;
            int retry_in = due > now ? (int)(due - now) : 0;
            if (timeout < 0 || retry_in < timeout)
                timeout = retry_in;
        }
        if (watcher_root_lost(w) && (timeout < 0 || timeout > 1000))
            timeout = 1000;
        struct pollfd fds[2] = {{.fd = sig->fd, .events = POLLIN},
                                {.fd = watcher_fd(w), .events = POLLIN}};
        int n = poll(fds, 2, timeout);
        if (n < 0 && errno != EINTR) {
            log_error("poll: %s", strerror(errno));
            rc = -1;
            break;
        }
        if (n > 0 && (fds[0].revents & POLLIN))
            signals_read(sig);
        if (n > 0 && (fds[1].revents & POLLIN) && watcher_read(w, &batch) != 0) {
            rc = -1;
            break;
        }
        if (watcher_root_lost(w)) {
            struct stat st;
            if (stat(ix->corpus, &st) == 0 && S_ISDIR(st.st_mode)) {
                log_info("corpus %s is back: reconciling it", ix->corpus);
                watcher_root_back(w);
                watch_batch_clear(&batch);
                batch.full = 1;
                batch.first_ms = batch.last_ms = clock_ms();
            } else {
                watch_batch_clear(&batch);
            }
        }
    }
    watch_batch_clear(&batch);
    return rc;
}

/* resdexd --compact: compact the index now, whatever its size. */
static int
compact_now(const char *db_path, const char *scratch)
{
    struct stat st;
    if (stat(db_path, &st) != 0) {
        log_error("index %s: %s", db_path, strerror(errno));
        return EXIT_FATAL;
    }
    resdex_db_t *db = NULL;
    int status = EXIT_FATAL;
    resdex_status_t opened = resdex_db_open(db_path, RESDEX_DB_READ_WRITE, &db);
    if (opened == RESDEX_STATUS_DB_LOCKED) {
        log_error("%s; a watching resdexd compacts its index when sent SIGUSR1",
                  resdex_db_last_error(db));
    } else if (opened != RESDEX_STATUS_SUCCESS) {
        log_error("%s", resdex_db_last_error(db));
    } else {
        indexer_t ix = {.db = db, .db_path = db_path, .scratch = scratch};
        if (compact_maybe(&ix, 1) == 0)
            status = EXIT_OK;
    }
    resdex_db_close(db);
    return status;
}

int
main(int argc, char **argv)
{
    options_t o;
    int exit_now;
    parse_options(argc, argv, &o, &exit_now);
    if (exit_now >= 0) {
        free(o.excludes);
        return exit_now;
    }
    log_set_level(o.level);
    /* Large blocks stay in the heap instead of going back to the kernel
     * on each free. Set when the record encoder allocated zlib's state for
     * every paragraph (a third of the indexing time on the samples then);
     * records are no longer compressed, and at 50k paragraphs these calls
     * change neither time nor peak memory now (bench/RESULTS.md). */
    mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);

    int status = EXIT_FATAL;
    char *db_path = o.db && *o.db ? strdup(o.db) : resdex_db_default_path();
    char *corpus = NULL;
    char *scratch = NULL;
    resdex_db_t *db = NULL;
    watcher_t *w = NULL;
    signals_t sig = {.fd = -1};
    watch_batch_t retry = {0};
    const char *corpus_arg = o.corpus && *o.corpus ? o.corpus : resdex_default_corpus();

    if (!db_path) {
        log_error("no index location: give --db, or set RESDEX_DB, XDG_DATA_HOME or HOME");
        goto DONE;
    }
    for (size_t n = strlen(db_path); n > 1 && db_path[n - 1] == '/'; n--)
        db_path[n - 1] = '\0';
    /* A new index is built in parts here, beside it (bulk.h). */
    if (asprintf(&scratch, "%s.build", db_path) < 0) {
        scratch = NULL;
        log_error("out of memory");
        goto DONE;
    }
    if (o.compact) {
        status = compact_now(db_path, scratch);
        goto DONE;
    }
    if (!corpus_arg) {
        log_error("no corpus to index: give --corpus DIR (the folder of your documents), or "
                  "set RESDEX_CORPUS");
        goto DONE;
    }
    corpus = realpath(corpus_arg, NULL);
    struct stat st;
    if (!corpus || stat(corpus, &st) != 0 || !S_ISDIR(st.st_mode)) {
        log_error("corpus %s: %s", corpus_arg, corpus ? "not a folder" : strerror(errno));
        goto DONE;
    }
    if (ignore_load(corpus, o.excludes, o.n_excludes) != 0)
        goto DONE;
    if (signals_init(&sig) != 0) {
        log_error("cannot set up signals: %s", strerror(errno));
        goto DONE;
    }
    if (make_parents(db_path) != 0)
        goto DONE;
    if (index_inside_corpus(db_path, corpus)) {
        log_error("index %s is inside the corpus %s: put it elsewhere", db_path, corpus);
        goto DONE;
    }
    /* An index of an older format (an upgrade of resdex) is rebuilt, not
     * refused: this resdex could not read it, and under systemd a refusal
     * would be a restart every few seconds. */
    resdex_status_t rst = resdex_db_open(db_path, RESDEX_DB_REBUILD_OLDER, &db);
    if (rst != RESDEX_STATUS_SUCCESS) {
        log_error("%s", resdex_db_last_error(db));
        goto DONE;
    }
    if (resdex_db_replaced_format(db))
        log_info("index %s had format '%s', which this resdexd cannot read: it is rebuilt "
                 "from its corpus",
                 db_path, resdex_db_replaced_format(db));

    indexer_t ix = {
        .db = db,
        .corpus = corpus,
        .db_path = db_path,
        .interrupted = stop_requested,
        .interrupted_ctx = &sig,
        .progress = isatty(STDERR_FILENO),
        .jobs = o.jobs ? o.jobs : default_jobs(),
        .scratch = scratch,
        .keep_copies =
            getenv("RESDEX_KEEP_COPIES") && strcmp(getenv("RESDEX_KEEP_COPIES"), "1") == 0,
    };
    if (check_shard(db, db_path, &o) != 0)
        goto DONE;
    shard_set(o.shard_k, o.shard_n);
    char *previous = NULL;
    if (resdex_db_read_metadata(db, META_CORPUS, &previous) == RESDEX_STATUS_SUCCESS &&
        strcmp(previous, corpus) != 0) {
        /* Reconciling would remove every file of the other folder. */
        if (!o.move_corpus) {
            log_error("index %s was built from %s, not %s: give another --db for this folder, "
                      "or --move-corpus if the documents moved there (files not in %s are then "
                      "removed from the index)",
                      db_path, previous, corpus, corpus);
            free(previous);
            goto DONE;
        }
        log_info("the index was built from %s; it follows %s from now on", previous, corpus);
    }
    if (!previous || strcmp(previous, corpus) != 0) {
        ix.uncommitted = 1; /* record the corpus even if no file changes */
        ix.batch_start_ms = clock_ms();
    }
    free(previous);
    if (o.shard)
        log_info("indexing shard %u/%u of %s into %s%s", o.shard_k, o.shard_n, corpus, db_path,
                 o.once ? "" : ", then watching");
    else
        log_info("indexing %s into %s%s", corpus, db_path, o.once ? "" : ", then watching");

    if (!o.once) {
        w = watcher_new(corpus);
        if (!w)
            goto DONE;
        ix.on_dir = watcher_add_dir;
        ix.on_dir_ctx = w;
        ix.defer = defer_path;
        ix.defer_ctx = &retry;
    }
    reconcile_result_t r = indexer_reconcile(&ix, "");
    if (r == RECONCILE_FATAL || indexer_commit(&ix) != 0 ||
        (r == RECONCILE_DONE && !sig.stop && compact_maybe(&ix, sig.compact) != 0))
        goto DONE;
    sig.compact = 0;
    if (o.once) {
        /* Interrupted by a signal: a clean stop, not a verdict on the files. */
        status = ix.n_rejected > 0 && r == RECONCILE_DONE ? EXIT_REJECTED : EXIT_OK;
        goto DONE;
    }
    if (sig.stop) {
        status = EXIT_OK;
        goto DONE;
    }
    if (watch_loop(&ix, w, &sig, &retry) != 0 || indexer_commit(&ix) != 0)
        goto DONE;
    status = EXIT_OK;
DONE:
    watch_batch_clear(&retry);
    watcher_free(w);
    resdex_db_close(db);
    if (sig.fd >= 0)
        close(sig.fd);
    free(corpus);
    free(scratch);
    free(db_path);
    free(o.excludes);
    ignore_free();
    return status;
}
