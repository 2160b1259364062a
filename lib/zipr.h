/* zipr.h - reading a zip archive held in memory, with limits (private).
 *
 * Members are read into memory only: a member's name is never used as a
 * path, and one that would escape a folder ("../x", "/etc/x", "C:\x") is
 * refused by name. Every read is bounded, whatever the archive declares:
 * ZIPR_MAX_MEMBERS members, RESDEX_MAX_INPUT_BYTES per member, and
 * ZIPR_MAX_TOTAL_BYTES for all members read from one archive; a member that
 * inflates more than ZIPR_MAX_RATIO times its compressed size (past the first
 * MiB) is refused as a likely zip bomb. Errors are BAD_DOCUMENT (damaged,
 * truncated, encrypted, unsafe name, ratio), TOO_LARGE (a bound), or
 * OUT_OF_MEMORY, with a message naming the archive and the member. */
#ifndef RESDEX_ZIPR_H
#define RESDEX_ZIPR_H

#include "resdex.h"

#include <stddef.h>

#define ZIPR_MAX_MEMBERS     20000
#define ZIPR_MAX_TOTAL_BYTES (1024u * 1024u * 1024u) /* 1 GiB inflated, all members */
#define ZIPR_MAX_RATIO       100

typedef struct zipr zipr_t;

/* Does the buffer start like a zip archive ("PK\3\4", or an empty one)? */
int zipr_looks_like_zip(const void *data, size_t len);

/* Open the archive in data[0..len) (not copied: it must outlive *z). */
resdex_status_t zipr_open(const char *name, const void *data, size_t len, zipr_t **z,
                          char **message);
void zipr_close(zipr_t *z);

/* Number of entries, and the name of entry i as stored (folders end in '/'). */
size_t zipr_count(const zipr_t *z);
const char *zipr_name(const zipr_t *z, size_t i);
/* The index of the member with this exact name, or -1. */
long zipr_find(const zipr_t *z, const char *member);
/* Is the name safe: relative, no ".." part, no backslash or drive letter? */
int zipr_name_safe(const char *member);

/* Read member i whole: *data (malloc()ed, NUL-terminated, *len bytes). */
resdex_status_t zipr_read(zipr_t *z, size_t i, char **data, size_t *len, char **message);

#endif
