/* load.h - what the index needs of one corpus file, made without the index:
 * read, hashed, parsed and prepared (its Xapian documents). Any thread may
 * load a file; loading touches neither the index nor the log, so the
 * loader thread of a reconcile and the builders of a cold build
 * (bulk.c) can do it while another thread writes. */
#ifndef RESDEXD_LOAD_H
#define RESDEXD_LOAD_H

#include "filestate.h"
#include "resdex.h"

#include <stdint.h>

typedef enum read_result {
    READ_OK = 0, /* the file was read */
    READ_GONE,   /* it no longer exists: treat as deleted */
    READ_BAD     /* it cannot be read: `reason` says why */
} read_result_t;

typedef struct loaded {
    read_result_t read;
    char *reason;          /* READ_BAD: resdex_read_file_raw's message, "REL: why" */
    resdex_file_info_t st; /* size and time before the read */
    uint64_t hash;
    int same;                    /* same content as the stored state: not parsed */
    resdex_status_t parsed;      /* when not `same` */
    char *message;               /* parse failure */
    resdex_status_t prepared_st; /* when parsed */
    resdex_prepared_t *prepared;
    /* A zip archive seen by a reconcile (load_file with `old`): not parsed
     * here; the bytes are kept for archive_reconcile(), member by member. */
    int archive;
    char *data;
    size_t len;
} loaded_t;

/* The stored state a file is compared with (a copy: a loading thread must
 * not read what the writing thread changes). */
typedef struct old_state {
    int valid;
    uint64_t hash, size;
} old_state_t;

/* One file to load, and what loading it gave. */
typedef struct file_job {
    const char *rel;
    uint64_t size; /* from the walk: the cold build shares files out by size */
    old_state_t old;
    loaded_t out;
    int done;            /* out is filled */
    int indexed;         /* already in the index (a cold build put it there) */
    uint64_t paragraphs; /* ... with this many paragraphs */
} file_job_t;

/* Load corpus/rel; `old` (may be NULL) spares parsing an unchanged file.
 * With `old` (a reconcile), an archive is kept unparsed (archive, data);
 * without (a cold build), it is parsed whole, a bad member left out. */
void load_file(const char *corpus, const char *rel, const old_state_t *old, loaded_t *out);

/* Nonzero when the file loaded whole and is ready to go into the index. */
int loaded_ready(const loaded_t *l);

/* The state to store for a loaded file with `paragraphs` indexed. */
file_state_t loaded_state(const loaded_t *l, uint64_t paragraphs);

void loaded_free(loaded_t *l);

#endif
