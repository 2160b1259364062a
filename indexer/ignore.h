/* ignore.h - what in the corpus is not a document, and not a failure.
 *
 * Three kinds of files are left out quietly, counted as "skipped" and never
 * "rejected":
 *  - names never read (walk_name_skipped: dotfiles and dot-folders such as
 *    .git, editor backups and swap files), and VCS folders without a dot
 *    (CVS, RCS);
 *  - paths matching a pattern of --exclude GLOB or of a .resdexignore at the
 *    top of the corpus or in a folder of it (gitignore-like: one glob a
 *    line, "#" starts a comment, for that folder and below; a pattern
 *    without "/" matches a name at any depth, one with "/" the path from
 *    the folder of its file, a leading "/" only anchors it; a trailing "/"
 *    matches folders only; "*" and "?" do not match "/"; what is below an
 *    excluded folder is excluded). Excluded files already indexed are
 *    removed from the index.
 *  - files whose name says they are data or notes beside the documents
 *    (README*, LICENSE*, MANIFEST*, CHANGELOG*, *.tsv, *.csv, *.json,
 *    *.jsonl, *.yaml, *.yml, *.sha256, *.md5) when their content holds no
 *    resolution: read, then skipped. Such a file that does hold one is
 *    indexed like any other. */
#ifndef RESDEXD_IGNORE_H
#define RESDEXD_IGNORE_H

#include <stddef.h>

/* Read the corpus's .resdexignore files (the top one, then each folder's,
 * parents first) and take the --exclude patterns. 0, or -1 when a file
 * cannot be read (logged). */
int ignore_load(const char *corpus, const char *const *excludes, size_t n);
/* Read the .resdexignore files again (a full reconcile: SIGHUP), with the same
 * --exclude patterns. */
int ignore_reload(const char *corpus);
void ignore_free(void);

/* Nonzero when the corpus-relative path (a folder when is_dir) is excluded. */
int ignore_path(const char *rel, int is_dir);

/* Nonzero when the name of `rel` marks a data or notes file. */
int ignore_by_name(const char *rel);

#endif
