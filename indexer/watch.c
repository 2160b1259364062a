/* watch.c - inotify: folders to watch descriptors and back, events to dirty
 * paths. */
#include "watch.h"
#include "clock.h"
#include "log.h"
#include "walk.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

/* What a folder watch reports. IN_CREATE matters for folders, links and
 * FIFOs; a regular file is taken when its writer closes it (IN_CLOSE_WRITE)
 * or when it is moved in. IN_ATTRIB catches chmod and touch. */
#define WATCH_MASK                                                                                 \
    (IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE | IN_ATTRIB |            \
     IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_EXCL_UNLINK)

typedef struct watch_dir {
    int wd;
    char *rel; /* "" for the corpus */
} watch_dir_t;

struct watcher {
    int fd;
    char *corpus;
    watch_dir_t *dirs;
    size_t n, cap;
    int root_lost;
    int limit_warned;
};

int
watch_batch_add(watch_batch_t *b, const char *rel)
{
    uint64_t now = clock_ms();
    if (watch_batch_empty(b))
        b->first_ms = now;
    b->last_ms = now;
    if (b->full)
        return 0;
    for (size_t i = 0; i < b->n; i++)
        if (strcmp(b->paths[i], rel) == 0)
            return 0;
    if (b->n >= WATCH_MAX_DIRTY) {
        b->full = 1;
        return 0;
    }
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 16;
        char **v = realloc(b->paths, cap * sizeof *v);
        if (!v)
            return -1;
        b->paths = v;
        b->cap = cap;
    }
    b->paths[b->n] = strdup(rel);
    if (!b->paths[b->n])
        return -1;
    b->n++;
    return 0;
}

int
watch_batch_empty(const watch_batch_t *b)
{
    return b->n == 0 && !b->full;
}

int
watch_batch_due_in(const watch_batch_t *b, uint64_t now)
{
    if (watch_batch_empty(b))
        return -1;
    uint64_t due = b->last_ms + WATCH_QUIET_MS;
    if (due > b->first_ms + WATCH_MAX_DELAY_MS)
        due = b->first_ms + WATCH_MAX_DELAY_MS;
    return due <= now ? 0 : (int)(due - now);
}

void
watch_batch_clear(watch_batch_t *b)
{
    for (size_t i = 0; i < b->n; i++)
        free(b->paths[i]);
    free(b->paths);
    memset(b, 0, sizeof *b);
}

watcher_t *
watcher_new(const char *corpus)
{
    watcher_t *w = calloc(1, sizeof *w);
    if (!w) {
        log_error("out of memory");
        return NULL;
    }
    w->corpus = strdup(corpus);
    w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (w->fd < 0 || !w->corpus) {
        log_error("cannot watch %s: inotify: %s", corpus, strerror(errno));
        watcher_free(w);
        return NULL;
    }
    return w;
}

void
watcher_free(watcher_t *w)
{
    if (!w)
        return;
    if (w->fd >= 0)
        close(w->fd);
    for (size_t i = 0; i < w->n; i++)
        free(w->dirs[i].rel);
    free(w->dirs);
    free(w->corpus);
    free(w);
}

int
watcher_fd(const watcher_t *w)
{
    return w->fd;
}

static watch_dir_t *
find_wd(watcher_t *w, int wd)
{
    for (size_t i = 0; i < w->n; i++)
        if (w->dirs[i].wd == wd)
            return &w->dirs[i];
    return NULL;
}

static void
remove_at(watcher_t *w, size_t i)
{
    free(w->dirs[i].rel);
    w->dirs[i] = w->dirs[w->n - 1];
    w->n--;
}

int
watcher_add_dir(const char *abs, const char *rel, void *ctx)
{
    watcher_t *w = ctx;
    int wd = inotify_add_watch(w->fd, abs, WATCH_MASK);
    if (wd < 0) {
        if (errno == ENOSPC) {
            if (!w->limit_warned)
                log_warning("%s: cannot watch: too many folders for inotify (raise "
                            "fs.inotify.max_user_watches); changes there are seen at the next "
                            "full reconcile (SIGHUP)",
                            abs);
            w->limit_warned = 1;
        } else if (errno != ENOENT) {
            log_warning("%s: cannot watch: %s", abs, strerror(errno));
        }
        return 0;
    }
    if (*rel == '\0')
        w->root_lost = 0;
    /* The same folder seen again (a rename within the corpus, a full
     * reconcile): the kernel gives back its descriptor; the name may be new. */
    for (size_t i = 0; i < w->n;) {
        if (w->dirs[i].wd != wd && strcmp(w->dirs[i].rel, rel) == 0)
            remove_at(w, i); /* an older folder of that name, gone */
        else
            i++;
    }
    watch_dir_t *d = find_wd(w, wd);
    if (d) {
        if (strcmp(d->rel, rel) != 0) {
            char *copy = strdup(rel);
            if (!copy)
                return -1;
            free(d->rel);
            d->rel = copy;
        }
        return 0;
    }
    if (w->n == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 16;
        watch_dir_t *v = realloc(w->dirs, cap * sizeof *v);
        if (!v)
            return -1;
        w->dirs = v;
        w->cap = cap;
    }
    w->dirs[w->n].wd = wd;
    w->dirs[w->n].rel = strdup(rel);
    if (!w->dirs[w->n].rel)
        return -1;
    w->n++;
    log_debug("watching %s", *rel ? rel : w->corpus);
    return 0;
}

void
watcher_forget(watcher_t *w, const char *rel)
{
    for (size_t i = 0; i < w->n;) {
        if (path_within(w->dirs[i].rel, rel)) {
            inotify_rm_watch(w->fd, w->dirs[i].wd);
            remove_at(w, i);
        } else {
            i++;
        }
    }
}

int
watcher_root_lost(const watcher_t *w)
{
    return w->root_lost;
}

void
watcher_root_back(watcher_t *w)
{
    w->root_lost = 0;
}

static int
handle_event(watcher_t *w, const struct inotify_event *ev, watch_batch_t *b)
{
    if (ev->mask & IN_Q_OVERFLOW) {
        log_warning("inotify queue overflow: reconciling the whole corpus");
        b->full = 1;
        return watch_batch_add(b, "");
    }
    watch_dir_t *d = find_wd(w, ev->wd);
    if (!d)
        return 0; /* a folder already forgotten */
    int is_root = d->rel[0] == '\0';
    if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)) {
        if (is_root && !w->root_lost) {
            log_warning("corpus %s was removed or moved away; the index is kept as it is "
                        "until it comes back",
                        w->corpus);
            w->root_lost = 1;
            watcher_forget(w, "");
            return 0;
        }
        if (ev->mask & IN_IGNORED) {
            /* The kernel dropped the watch (folder deleted). */
            for (size_t i = 0; i < w->n; i++)
                if (w->dirs[i].wd == ev->wd) {
                    remove_at(w, i);
                    break;
                }
        }
        return 0;
    }
    if (ev->len == 0 || walk_name_skipped(ev->name))
        return 0;
    char *rel = path_join(d->rel, ev->name);
    if (!rel)
        return -1;
    int take = 1;
    if ((ev->mask & IN_CREATE) && !(ev->mask & IN_ISDIR)) {
        /* A new regular file is taken when it is closed; a symbolic link,
         * FIFO or hard link gets no close, so take it now. */
        char *abs = path_join(w->corpus, rel);
        struct stat st;
        if (abs && lstat(abs, &st) == 0 && S_ISREG(st.st_mode) && st.st_nlink <= 1)
            take = 0;
        free(abs);
    }
    int rc = 0;
    if (take) {
        log_debug("event %#x on %s", (unsigned)ev->mask, rel);
        rc = watch_batch_add(b, rel);
    }
    free(rel);
    return rc;
}

int
watcher_read(watcher_t *w, watch_batch_t *b)
{
    /* Aligned as inotify(7) asks. */
    char buf[64 * 1024] __attribute__((aligned(__alignof__(struct inotify_event))));
    for (;;) {
        ssize_t got = read(w->fd, buf, sizeof buf);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0 && errno == EAGAIN)
            return 0;
        if (got <= 0) {
            log_error("inotify read: %s", got < 0 ? strerror(errno) : "end of file");
            return -1;
        }
        for (char *p = buf; p < buf + got;) {
            const struct inotify_event *ev = (const struct inotify_event *)p;
            if (handle_event(w, ev, b) != 0) {
                log_error("out of memory");
                return -1;
            }
            p += sizeof *ev + ev->len;
        }
    }
}
