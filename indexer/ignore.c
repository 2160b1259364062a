/* ignore.c - excluded paths and non-document names (see ignore.h). */
#include "ignore.h"
#include "log.h"
#include "walk.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

typedef struct pattern {
    const char *glob; /* without its leading and trailing "/" */
    const char *dir;  /* the folder of its .resdexignore, from the corpus ("" at the top) */
    int anchored;     /* matched against the whole path below dir */
    int dir_only;
} pattern_t;

static pattern_t *patterns;
static size_t n_patterns;
static char **owned; /* copies of the patterns' strings */
static size_t n_owned;
/* What ignore_load was given, for ignore_reload. */
static const char *const *given;
static size_t n_given;

/* Folders deeper than this are not searched for a .resdexignore. */
#define MAX_IGNORE_DEPTH 32

/* Keep s, to be freed by ignore_free; NULL when out of memory. */
static char *
keep(char *s)
{
    char **v = s ? realloc(owned, (n_owned + 1) * sizeof *v) : NULL;
    if (!v) {
        free(s);
        return NULL;
    }
    owned = v;
    owned[n_owned++] = s;
    return s;
}

static int
add_pattern(char *p, const char *dir)
{
    size_t n = strlen(p);
    while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r'))
        p[--n] = '\0';
    if (n == 0 || p[0] == '#')
        return 0;
    pattern_t pat = {.dir = dir};
    if (p[n - 1] == '/') {
        pat.dir_only = 1;
        p[--n] = '\0';
    }
    pat.anchored = strchr(p, '/') != NULL;
    while (*p == '/')
        p++;
    if (!*p)
        return 0;
    pat.glob = p;
    pattern_t *v = realloc(patterns, (n_patterns + 1) * sizeof *v);
    if (!v)
        return -1;
    patterns = v;
    patterns[n_patterns++] = pat;
    return 0;
}

/* Read the .resdexignore of the folder dir (from the corpus, "" for the
 * top): 0, or -1 when it cannot be read (logged). */
static int
load_file_patterns(const char *corpus, const char *dir)
{
    char *folder = *dir ? path_join(corpus, dir) : strdup(corpus);
    char *path = folder ? path_join(folder, ".resdexignore") : NULL;
    free(folder);
    if (!path)
        return -1;
    FILE *f = fopen(path, "r");
    if (!f) {
        int missing = errno == ENOENT;
        if (!missing)
            log_error("%s: %s", path, strerror(errno));
        free(path);
        return missing ? 0 : -1;
    }
    char *line = NULL;
    size_t cap = 0;
    size_t before = n_patterns;
    int rc = 0;
    while (rc == 0 && getline(&line, &cap, f) >= 0) {
        line[strcspn(line, "\n")] = '\0';
        char *copy = keep(strdup(line));
        rc = copy ? add_pattern(copy, dir) : -1;
    }
    free(line);
    fclose(f);
    if (rc != 0)
        log_error("out of memory reading %s", path);
    else if (n_patterns > before)
        log_debug("%s: %zu patterns", path, n_patterns - before);
    free(path);
    return rc;
}

/* The .resdexignore files of the folders below dir, each read before the
 * folders below it (so that a folder it excludes is not searched). Folders
 * are not followed through links, nor into names never read. */
static int
load_below(const char *corpus, const char *dir, int depth)
{
    if (depth >= MAX_IGNORE_DEPTH)
        return 0;
    char *folder = *dir ? path_join(corpus, dir) : strdup(corpus);
    DIR *d = folder ? opendir(folder) : NULL;
    if (!d) {
        free(folder);
        return 0; /* the walk reports folders it cannot read */
    }
    int rc = 0;
    struct dirent *e;
    while (rc == 0 && (e = readdir(d))) {
        if (walk_name_skipped(e->d_name))
            continue;
        char *full = path_join(folder, e->d_name);
        struct stat st;
        int is_dir = full && lstat(full, &st) == 0 && S_ISDIR(st.st_mode);
        free(full);
        if (!is_dir)
            continue;
        char *rel = *dir ? path_join(dir, e->d_name) : strdup(e->d_name);
        if (!rel || !keep(rel)) {
            log_error("out of memory reading the .resdexignore files of %s", corpus);
            rc = -1;
            break;
        }
        if (ignore_path(rel, 1))
            continue;
        rc = load_file_patterns(corpus, rel);
        if (rc == 0)
            rc = load_below(corpus, rel, depth + 1);
    }
    closedir(d);
    free(folder);
    return rc;
}

int
ignore_load(const char *corpus, const char *const *excludes, size_t n)
{
    ignore_free();
    given = excludes;
    n_given = n;
    for (size_t i = 0; i < n; i++) {
        char *copy = keep(strdup(excludes[i]));
        if (!copy || add_pattern(copy, "") != 0) {
            log_error("out of memory");
            return -1;
        }
    }
    if (load_file_patterns(corpus, "") != 0)
        return -1;
    /* Each failure below is logged where it happens (a .resdexignore that
     * cannot be read is named with the reason). */
    return load_below(corpus, "", 0);
}

int
ignore_reload(const char *corpus)
{
    return ignore_load(corpus, given, n_given);
}

void
ignore_free(void)
{
    for (size_t i = 0; i < n_owned; i++)
        free(owned[i]);
    free(owned);
    free(patterns);
    owned = NULL;
    patterns = NULL;
    n_owned = n_patterns = 0;
}

int
ignore_path(const char *rel, int is_dir)
{
    const char *base = strrchr(rel, '/');
    base = base ? base + 1 : rel;
    if (is_dir && (strcmp(base, "CVS") == 0 || strcmp(base, "RCS") == 0))
        return 1;
    for (size_t i = 0; i < n_patterns; i++) {
        const pattern_t *p = &patterns[i];
        if (p->dir_only && !is_dir)
            continue;
        const char *below = rel; /* rel from the pattern's folder */
        if (*p->dir) {
            size_t k = strlen(p->dir);
            if (strncmp(rel, p->dir, k) != 0 || rel[k] != '/')
                continue;
            below = rel + k + 1;
        }
        if (fnmatch(p->glob, p->anchored ? below : base, FNM_PATHNAME) == 0)
            return 1;
    }
    return 0;
}

int
ignore_by_name(const char *rel)
{
    const char *base = strrchr(rel, '/');
    base = base ? base + 1 : rel;
    static const char *const stems[] = {"README", "LICENSE", "MANIFEST", "CHANGELOG", NULL};
    for (const char *const *s = stems; *s; s++)
        if (strncasecmp(base, *s, strlen(*s)) == 0)
            return 1;
    static const char *const exts[] = {".tsv", ".csv",    ".json", ".jsonl", ".yaml",
                                       ".yml", ".sha256", ".md5",  NULL};
    size_t n = strlen(base);
    for (const char *const *e = exts; *e; e++) {
        size_t m = strlen(*e);
        if (n > m && strcasecmp(base + n - m, *e) == 0)
            return 1;
    }
    return 0;
}
