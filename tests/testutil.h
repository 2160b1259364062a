/* testutil.h - helpers shared by the cmocka tests. */
#ifndef RESDEX_TESTUTIL_H
#define RESDEX_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A fresh temporary directory (malloc()ed path); removed by tu_rmtree. */
static inline char *
tu_tmpdir(void)
{
    const char *base = getenv("TMPDIR");
    char *path = NULL;
    if (asprintf(&path, "%s/resdex-test-XXXXXX", base && *base ? base : "/tmp") < 0)
        return NULL;
    if (!mkdtemp(path)) {
        free(path);
        return NULL;
    }
    return path;
}

static inline void
tu_rmtree(const char *path)
{
    char *cmd = NULL;
    if (path && asprintf(&cmd, "rm -rf '%s'", path) >= 0) {
        if (system(cmd) != 0)
            fprintf(stderr, "warning: could not remove %s\n", path);
    }
    free(cmd);
}

static inline void
tu_write(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

/* The shared corpus: $RESDEX_SHARED (make check sets it: configure's
 * RESDEX_SHARED), else ../shared beside the project. When it is absent the
 * test binary exits 77 (automake's "skipped"), unless RESDEX_REQUIRE_SHARED=1
 * (as in CI), when its absence is a failure. Call at the start of main(). */
static inline const char *
tu_shared_or_skip(void)
{
    static char path[4096];
    const char *named = getenv("RESDEX_SHARED");
    if (named && *named)
        snprintf(path, sizeof path, "%s", named);
    else
        snprintf(path, sizeof path, "%s/../shared", TOP_SRCDIR);
    char corpus[4200];
    snprintf(corpus, sizeof corpus, "%s/corpus", path);
    if (access(corpus, R_OK) == 0)
        return path;
    const char *req = getenv("RESDEX_REQUIRE_SHARED");
    if (req && strcmp(req, "1") == 0) {
        fprintf(stderr, "FAIL: %s is missing (RESDEX_REQUIRE_SHARED=1)\n", corpus);
        exit(1);
    }
    fprintf(stderr, "SKIP: %s is not present\n", corpus);
    exit(77);
}

#endif
