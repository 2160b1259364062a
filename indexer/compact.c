/* compact.c - compacting the index past a threshold (see compact.h). */
#include "compact.h"
#include "bulk.h"
#include "clock.h"
#include "log.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The index's size and paragraphs now. */
static int
measure(indexer_t *ix, uint64_t *bytes, uint64_t *paragraphs)
{
    resdex_db_counts_t c;
    if (resdex_db_disk_bytes(ix->db, bytes) != RESDEX_STATUS_SUCCESS ||
        resdex_db_get_counts(ix->db, &c) != RESDEX_STATUS_SUCCESS) {
        log_error("index %s: %s", ix->db_path, resdex_db_last_error(ix->db));
        return -1;
    }
    *paragraphs = c.paragraphs;
    return 0;
}

static int
record_baseline(indexer_t *ix, uint64_t bytes, uint64_t paragraphs)
{
    char v[64];
    snprintf(v, sizeof v, "%" PRIu64 " %" PRIu64, bytes, paragraphs);
    if (resdex_db_set_metadata(ix->db, META_COMPACT_SIZE, v) != RESDEX_STATUS_SUCCESS ||
        resdex_db_commit(ix->db) != RESDEX_STATUS_SUCCESS) {
        log_error("index %s: commit failed: %s", ix->db_path, resdex_db_last_error(ix->db));
        return -1;
    }
    return 0;
}

static int
past_threshold(uint64_t bytes, uint64_t paragraphs, uint64_t base_bytes, uint64_t base_paragraphs)
{
    double expected = base_paragraphs ? (double)base_bytes * paragraphs / base_paragraphs : 0.0;
    return (double)bytes > COMPACT_RATIO * expected && (double)bytes - expected > COMPACT_MIN_BYTES;
}

int
compact_maybe(indexer_t *ix, int force)
{
    uint64_t bytes, paragraphs, base_bytes = 0, base_paragraphs = 0;
    if (measure(ix, &bytes, &paragraphs) != 0)
        return -1;
    char *base = NULL;
    int have = resdex_db_read_metadata(ix->db, META_COMPACT_SIZE, &base) == RESDEX_STATUS_SUCCESS &&
               sscanf(base, "%" SCNu64 " %" SCNu64, &base_bytes, &base_paragraphs) == 2;
    free(base);
    /* No baseline, or one of an empty index (nothing to scale): this one. */
    if (!force && (!have || (base_paragraphs == 0 && paragraphs > 0)))
        return record_baseline(ix, bytes, paragraphs);
    if (!force && !past_threshold(bytes, paragraphs, base_bytes, base_paragraphs))
        return 0;
    if (!ix->scratch || scratch_clear(ix->scratch) != 0)
        return force ? -1 : 0;
    if (mkdir(ix->scratch, 0777) != 0) {
        log_error("cannot create %s: %s", ix->scratch, strerror(errno));
        return force ? -1 : 0;
    }
    char *into = path_join(ix->scratch, "compacted");
    if (!into) {
        log_error("out of memory");
        scratch_clear(ix->scratch);
        return -1;
    }
    uint64_t t0 = clock_ms();
    resdex_status_t st = resdex_db_compact(ix->db, into);
    free(into);
    scratch_clear(ix->scratch);
    if (st != RESDEX_STATUS_SUCCESS) {
        log_error("index %s: cannot compact it: %s", ix->db_path, resdex_db_last_error(ix->db));
        /* A failure before the swap (a full disk) leaves the index as it
         * was, and the daemon goes on with it. */
        return st == RESDEX_STATUS_DB_OPENING ? -1 : 0;
    }
    uint64_t after, n;
    if (measure(ix, &after, &n) != 0)
        return -1;
    log_info("compacted %s: %.1f MiB -> %.1f MiB (%" PRIu64 " paragraphs) in %.2f s", ix->db_path,
             (double)bytes / (1 << 20), (double)after / (1 << 20), n,
             (double)(clock_ms() - t0) / 1000.0);
    return record_baseline(ix, after, n);
}
