/* walk.h - listing the corpus: which files there are, in a stable order.
 *
 * The walk follows symbolic links (to files and folders) but never a link
 * back into a folder it is already inside. It skips names that are not
 * documents: dotfiles and dot-folders, editor backups and temporary files
 * (walk_name_skipped). FIFOs, sockets, devices and broken links are listed
 * as bad entries with a reason; they are never opened. */
#ifndef RESDEXD_WALK_H
#define RESDEXD_WALK_H

#include <stddef.h>
#include <sys/stat.h>

typedef enum walk_kind {
    WALK_FILE = 0, /* a regular file (possibly through a symbolic link) */
    WALK_BAD       /* something that cannot be a document: reason says why */
} walk_kind_t;

typedef struct walk_entry {
    char *rel; /* corpus-relative path, "/"-separated, no leading "/" */
    walk_kind_t kind;
    char *reason;   /* WALK_BAD only */
    struct stat st; /* WALK_FILE: the file's status (links followed) */
} walk_entry_t;

typedef struct walk_list {
    walk_entry_t *v; /* sorted by rel, byte order (as the index keys are) */
    size_t n, cap;
    /* Folders that could not be read (corpus-relative; "" for the corpus
     * itself): what the index holds below them is left alone. */
    char **opaque;
    size_t n_opaque, cap_opaque;
    /* Names left out as not documents (walk_name_skipped, ignore_path). */
    size_t n_skipped;
} walk_list_t;

/* Called on every folder the walk enters, before it is read (so that a
 * watch set here sees every file created after the listing). Return 0. */
typedef int (*walk_dir_fn)(const char *abs, const char *rel, void *ctx);

/* Nonzero for names resdexd ignores: ".*" (dotfiles, ".#lock" files), "*~",
 * "#*#", "*.swp", "*.swx", "*.swo", "*.tmp", "*.part". */
int walk_name_skipped(const char *name);
/* Nonzero when some component of `rel` is skipped. */
int walk_path_skipped(const char *rel);

/* List `rel` under `corpus` ("" for all of it): a file gives itself, a
 * folder everything below it, a missing path nothing. `on_dir` may be NULL.
 * Returns 0, or -1 when memory ran out (the list is then freed). */
int walk_subtree(const char *corpus, const char *rel, walk_list_t *out, walk_dir_fn on_dir,
                 void *ctx);
/* Nonzero when `rel` is at or below one of the list's opaque folders. */
int walk_under_opaque(const walk_list_t *list, const char *rel);
void walk_list_free(walk_list_t *list);

/* "a/b" + "c" -> "a/b/c"; "" + "c" -> "c" (malloc()ed, NULL when out of memory). */
char *path_join(const char *dir, const char *name);
/* Nonzero when `path` is `dir` or below it ("" contains everything). */
int path_within(const char *path, const char *dir);

#endif
