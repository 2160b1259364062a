/* ignore.c - excluded paths and non-document names (see ignore.h). */
#include "ignore.h"
#include "log.h"
#include "walk.h"

#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct pattern {
    const char *glob; /* without its leading and trailing "/" */
    int anchored;     /* matched against the whole path */
    int dir_only;
} pattern_t;

static pattern_t *patterns;
static size_t n_patterns;
static char **owned; /* copies of the patterns' strings */
static size_t n_owned;
/* What ignore_load was given, for ignore_reload. */
static const char *const *given;
static size_t n_given;

static int
add_pattern(char *p)
{
    size_t n = strlen(p);
    while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r'))
        p[--n] = '\0';
    if (n == 0 || p[0] == '#')
        return 0;
    pattern_t pat = {0};
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

static int
load_file_patterns(const char *corpus)
{
    char *path = path_join(corpus, ".resdexignore");
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
    int rc = 0;
    while (rc == 0 && getline(&line, &cap, f) >= 0) {
        line[strcspn(line, "\n")] = '\0';
        char **v = realloc(owned, (n_owned + 1) * sizeof *v);
        char *copy = strdup(line);
        if (!v || !copy) {
            free(copy);
            if (v)
                owned = v;
            rc = -1;
            break;
        }
        owned = v;
        owned[n_owned++] = copy;
        rc = add_pattern(copy);
    }
    free(line);
    fclose(f);
    if (rc != 0)
        log_error("out of memory reading %s", path);
    else if (n_patterns > 0)
        log_debug("%s: %zu patterns", path, n_patterns);
    free(path);
    return rc;
}

int
ignore_load(const char *corpus, const char *const *excludes, size_t n)
{
    ignore_free();
    given = excludes;
    n_given = n;
    for (size_t i = 0; i < n; i++) {
        char *copy = strdup(excludes[i]);
        char **v = copy ? realloc(owned, (n_owned + 1) * sizeof *v) : NULL;
        if (!v) {
            free(copy);
            log_error("out of memory");
            return -1;
        }
        owned = v;
        owned[n_owned++] = copy;
        if (add_pattern(copy) != 0) {
            log_error("out of memory");
            return -1;
        }
    }
    return load_file_patterns(corpus);
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
        if (fnmatch(p->glob, p->anchored ? rel : base, FNM_PATHNAME) == 0)
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
