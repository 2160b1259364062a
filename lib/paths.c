/* paths.c - where the index and the corpus are when nobody says: one
 * answer for resdexd and resdex alike. */
#include "resdex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef RESDEX_CORPUS_DIR
#define RESDEX_CORPUS_DIR "/usr/local/share/resdex/corpus"
#endif

char *
resdex_db_default_path(void)
{
    char *path = NULL;
    const char *env = getenv("RESDEX_DB");
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    if (env && *env)
        return strdup(env);
    if (xdg && *xdg)
        return asprintf(&path, "%s/resdex", xdg) < 0 ? NULL : path;
    if (!home || !*home)
        return NULL;
    return asprintf(&path, "%s/.local/share/resdex", home) < 0 ? NULL : path;
}

static int
is_folder(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *
resdex_default_corpus(void)
{
    const char *env = getenv("RESDEX_CORPUS");
    if (env && *env)
        return env;
    if (is_folder(RESDEX_CORPUS_DIR))
        return RESDEX_CORPUS_DIR;
#ifdef RESDEX_SOURCE_CORPUS_DIR
    /* Not installed: the programs of a build tree take the samples of the
     * source tree they were built from. */
    if (is_folder(RESDEX_SOURCE_CORPUS_DIR))
        return RESDEX_SOURCE_CORPUS_DIR;
#endif
    return NULL;
}
