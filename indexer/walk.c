/* walk.c - recursive listing of the corpus with loop detection. */
#include "walk.h"
#include "filestate.h"
#include "ignore.h"
#include "log.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The folders on the way from the corpus to the current one, by identity,
 * so that a symbolic link pointing back up is not followed forever. */
typedef struct ancestor {
    dev_t dev;
    ino_t ino;
} ancestor_t;

typedef struct walker {
    const char *corpus;
    char *corpus_real; /* realpath(corpus); NULL if it has none */
    walk_list_t *out;
    walk_dir_fn on_dir;
    void *ctx;
    ancestor_t stack[256];
    size_t depth;
    int oom;
} walker_t;

static int
ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

int
walk_name_skipped(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || name[0] == '.' || name[n - 1] == '~')
        return 1;
    if (n >= 2 && name[0] == '#' && name[n - 1] == '#')
        return 1;
    static const char *const suffixes[] = {".swp", ".swx", ".swo", ".tmp", ".part", NULL};
    for (const char *const *s = suffixes; *s; s++)
        if (ends_with(name, *s))
            return 1;
    return 0;
}

int
walk_path_skipped(const char *rel)
{
    char part[256];
    const char *p = rel;
    while (*p) {
        const char *slash = strchr(p, '/');
        size_t n = slash ? (size_t)(slash - p) : strlen(p);
        if (n > 0) {
            if (n >= sizeof part)
                n = sizeof part - 1;
            memcpy(part, p, n);
            part[n] = '\0';
            if (walk_name_skipped(part))
                return 1;
        }
        if (!slash)
            break;
        p = slash + 1;
    }
    return 0;
}

char *
path_join(const char *dir, const char *name)
{
    char *out = NULL;
    if (asprintf(&out, "%s%s%s", dir, *dir ? "/" : "", name) < 0)
        return NULL;
    return out;
}

int
path_within(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    if (n == 0)
        return 1;
    return strncmp(path, dir, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

static void
add_entry(walker_t *w, const char *rel, walk_kind_t kind, const char *reason, const struct stat *st)
{
    walk_list_t *l = w->out;
    if (w->oom)
        return;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        walk_entry_t *v = realloc(l->v, cap * sizeof *v);
        if (!v) {
            w->oom = 1;
            return;
        }
        l->v = v;
        l->cap = cap;
    }
    walk_entry_t *e = &l->v[l->n];
    memset(e, 0, sizeof *e);
    e->rel = strdup(rel);
    e->kind = kind;
    e->reason = reason ? strdup(reason) : NULL;
    if (st)
        e->st = *st;
    if (!e->rel || (reason && !e->reason)) {
        free(e->rel);
        free(e->reason);
        w->oom = 1;
        return;
    }
    l->n++;
}

static void
add_opaque(walker_t *w, const char *rel)
{
    walk_list_t *l = w->out;
    if (w->oom)
        return;
    if (l->n_opaque == l->cap_opaque) {
        size_t cap = l->cap_opaque ? l->cap_opaque * 2 : 8;
        char **v = realloc(l->opaque, cap * sizeof *v);
        if (!v) {
            w->oom = 1;
            return;
        }
        l->opaque = v;
        l->cap_opaque = cap;
    }
    l->opaque[l->n_opaque] = strdup(rel);
    if (!l->opaque[l->n_opaque])
        w->oom = 1;
    else
        l->n_opaque++;
}

static void walk_dir(walker_t *w, const char *abs, const char *rel, const struct stat *st);

/* Classify one path and add it (or what is below it). */
static void
walk_path(walker_t *w, const char *abs, const char *rel)
{
    struct stat lst, st;
    if (lstat(abs, &lst) != 0) {
        if (errno != ENOENT && errno != ENOTDIR)
            log_warning("%s: %s", abs, strerror(errno));
        return; /* vanished: nothing to list */
    }
    st = lst;
    if (S_ISLNK(lst.st_mode) && stat(abs, &st) != 0) {
        add_entry(w, rel, WALK_BAD, errno == ELOOP ? "symbolic link loop" : "broken symbolic link",
                  NULL);
        return;
    }
    if (S_ISLNK(lst.st_mode) && w->corpus_real) {
        /* A link to a file or folder inside the corpus is not followed:
         * what it points to is indexed once, by its own path, which is
         * also the path the watch reports changes under. */
        char *real = realpath(abs, NULL);
        int inside = real && path_within(real, w->corpus_real);
        free(real);
        if (inside) {
            log_debug("%s: symbolic link into the corpus, not followed (its target is indexed "
                      "by its own path)",
                      rel);
            return;
        }
    }
    if (ignore_path(rel, S_ISDIR(st.st_mode))) {
        w->out->n_skipped++;
        return;
    }
    if (S_ISDIR(st.st_mode)) {
        walk_dir(w, abs, rel, &st);
    } else if (S_ISREG(st.st_mode)) {
        add_entry(w, rel, WALK_FILE, NULL, &st);
    } else {
        char reason[64];
        snprintf(reason, sizeof reason, "%s, not a regular file",
                 resdex_file_type_name(st.st_mode));
        add_entry(w, rel, WALK_BAD, reason, NULL);
    }
}

static void
walk_dir(walker_t *w, const char *abs, const char *rel, const struct stat *st)
{
    for (size_t i = 0; i < w->depth; i++) {
        if (w->stack[i].dev == st->st_dev && w->stack[i].ino == st->st_ino) {
            log_warning("%s: symbolic link back into a folder above it, not followed", abs);
            return;
        }
    }
    if (w->depth == sizeof w->stack / sizeof w->stack[0]) {
        log_warning("%s: folders nested too deep, not read", abs);
        add_opaque(w, rel);
        return;
    }
    if (w->on_dir && w->on_dir(abs, rel, w->ctx) != 0)
        w->oom = 1;
    DIR *dir = opendir(abs);
    if (!dir) {
        if (errno == ENOENT || errno == ENOTDIR)
            return;
        log_warning("%s: cannot read folder: %s (what is indexed below it is kept)", abs,
                    strerror(errno));
        add_opaque(w, rel);
        return;
    }
    w->stack[w->depth].dev = st->st_dev;
    w->stack[w->depth].ino = st->st_ino;
    w->depth++;
    struct dirent *de;
    while (!w->oom && (errno = 0, de = readdir(dir)) != NULL) {
        if (walk_name_skipped(de->d_name)) { /* also "." and ".." */
            if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
                w->out->n_skipped++;
            continue;
        }
        char *child_abs = path_join(abs, de->d_name);
        char *child_rel = path_join(rel, de->d_name);
        if (!child_abs || !child_rel)
            w->oom = 1;
        else
            walk_path(w, child_abs, child_rel);
        free(child_abs);
        free(child_rel);
    }
    if (!w->oom && errno != 0) {
        log_warning("%s: error reading folder: %s (what is indexed below it is kept)", abs,
                    strerror(errno));
        add_opaque(w, rel);
    }
    w->depth--;
    closedir(dir);
}

static int
compare_entries(const void *a, const void *b)
{
    return strcmp(((const walk_entry_t *)a)->rel, ((const walk_entry_t *)b)->rel);
}

/* Push the folders above `rel` (the corpus included) on the ancestor stack,
 * so that a link inside a subtree back up to the corpus is caught. */
static void
push_ancestors(walker_t *w, const char *rel)
{
    struct stat st;
    if (stat(w->corpus, &st) == 0) {
        w->stack[w->depth].dev = st.st_dev;
        w->stack[w->depth].ino = st.st_ino;
        w->depth++;
    }
    for (const char *p = strchr(rel, '/'); p && w->depth < 64; p = strchr(p + 1, '/')) {
        char *prefix = strndup(rel, (size_t)(p - rel));
        char *abs = prefix ? path_join(w->corpus, prefix) : NULL;
        if (abs && stat(abs, &st) == 0 && S_ISDIR(st.st_mode)) {
            w->stack[w->depth].dev = st.st_dev;
            w->stack[w->depth].ino = st.st_ino;
            w->depth++;
        }
        free(prefix);
        free(abs);
    }
}

int
walk_subtree(const char *corpus, const char *rel, walk_list_t *out, walk_dir_fn on_dir, void *ctx)
{
    memset(out, 0, sizeof *out);
    walker_t w = {.corpus = corpus, .out = out, .on_dir = on_dir, .ctx = ctx};
    w.corpus_real = realpath(corpus, NULL);
    if (*rel == '\0') {
        struct stat st;
        int found = stat(corpus, &st) == 0;
        if (!found || !S_ISDIR(st.st_mode)) {
            log_error("corpus %s: %s (what is indexed is kept)", corpus,
                      found ? "not a folder" : strerror(errno));
            add_opaque(&w, "");
        } else {
            walk_dir(&w, corpus, "", &st);
        }
    } else if (!walk_path_skipped(rel)) {
        char *abs = path_join(corpus, rel);
        if (!abs) {
            w.oom = 1;
        } else {
            push_ancestors(&w, rel);
            walk_path(&w, abs, rel);
        }
        free(abs);
    }
    free(w.corpus_real);
    if (w.oom) {
        walk_list_free(out);
        return -1;
    }
    if (out->n > 1)
        qsort(out->v, out->n, sizeof *out->v, compare_entries);
    return 0;
}

int
walk_under_opaque(const walk_list_t *list, const char *rel)
{
    for (size_t i = 0; i < list->n_opaque; i++)
        if (path_within(rel, list->opaque[i]))
            return 1;
    return 0;
}

void
walk_list_free(walk_list_t *list)
{
    for (size_t i = 0; i < list->n; i++) {
        free(list->v[i].rel);
        free(list->v[i].reason);
    }
    for (size_t i = 0; i < list->n_opaque; i++)
        free(list->opaque[i]);
    free(list->v);
    free(list->opaque);
    memset(list, 0, sizeof *list);
}
