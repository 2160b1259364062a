/* progress.c - the progress of a long reconcile (see progress.h). */
#include "progress.h"
#include "clock.h"
#include "log.h"

#include <time.h>
#include <unistd.h>

static struct {
    int on;
    int building;
    size_t total;
    uint64_t start_ms, last_log_ms, last_file_ms;
    int64_t started;
    int published;
    /* The most files and paragraphs reported: a parallel build's files are
     * walked again once merged, counted from 1, and must not show as
     * undone. */
    size_t done_max;
    uint64_t paragraphs_max;
} cur;

void
progress_start(indexer_t *ix, size_t total, int building)
{
    (void)ix;
    cur.on = 1;
    cur.building = building;
    cur.total = total;
    /* Nothing published for a reconcile shorter than that. */
    cur.start_ms = cur.last_log_ms = cur.last_file_ms = clock_ms();
    cur.started = (int64_t)time(NULL);
    cur.published = 0;
    cur.done_max = 0;
    cur.paragraphs_max = 0;
}

void
progress_report(indexer_t *ix, size_t done, uint64_t paragraphs)
{
    if (!cur.on)
        return;
    if (done < cur.done_max)
        done = cur.done_max;
    cur.done_max = done;
    if (paragraphs < cur.paragraphs_max)
        paragraphs = cur.paragraphs_max;
    cur.paragraphs_max = paragraphs;
    uint64_t now = clock_ms();
    double secs = (double)(now - cur.start_ms) / 1000.0;
    double rate = secs > 0 ? (double)done / secs : 0.0;
    /* Not before a second: the first files say little of the rate. */
    int64_t eta = rate > 0 && secs >= 1.0 ? (int64_t)((double)(cur.total - done) / rate + 0.5) : -1;
    if (ix->progress)
        progress_update(done, cur.total, paragraphs, rate, eta);
    else if (now - cur.last_log_ms >= PROGRESS_LOG_MS) {
        cur.last_log_ms = now;
        if (eta >= 0)
            log_info("%s: %zu of %zu files, %llu paragraphs, %.0f files/s, about %lld s left",
                     cur.building ? "building" : "reconciling", done, cur.total,
                     (unsigned long long)paragraphs, rate, (long long)eta);
        else
            log_info("%s: %zu of %zu files, %llu paragraphs",
                     cur.building ? "building" : "reconciling", done, cur.total,
                     (unsigned long long)paragraphs);
    }
    if (now - cur.last_file_ms >= PROGRESS_FILE_MS) {
        cur.last_file_ms = now;
        resdex_progress_t p = {
            .building = cur.building,
            .files_done = done,
            .files_total = cur.total,
            .paragraphs = paragraphs,
            .eta_seconds = eta,
            .started = cur.started,
            .updated = (int64_t)time(NULL),
        };
        if (resdex_db_set_progress(ix->db, &p) == RESDEX_STATUS_SUCCESS)
            cur.published = 1;
        else
            log_debug("progress: %s", resdex_db_last_error(ix->db));
    }
}

void
progress_stop(indexer_t *ix)
{
    if (!cur.on)
        return;
    cur.on = 0;
    if (ix->progress)
        progress_end();
    if (cur.published)
        (void)resdex_db_set_progress(ix->db, NULL);
    cur.published = 0;
}
