/* log.c - messages on stderr with a level; a progress line on terminals.
 *
 * resdexd runs in the foreground under a supervisor (systemd), which stamps
 * and stores stderr itself: no time stamps, no syslog, one line a message. */
#include "log.h"
#include "clock.h"
#include "resdex.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static log_level_t max_level = LOG_LEVEL_INFO;
/* The builders of a new index (bulk.c) log from their threads. */
static pthread_mutex_t log_mu = PTHREAD_MUTEX_INITIALIZER;
/* Nonzero while a progress line is on the screen without its newline. */
static int progress_shown;
static uint64_t progress_last_ms;

static const char *const level_names[] = {"error", "warning", "info", "debug"};

void
log_set_level(log_level_t max)
{
    max_level = max;
}

int
log_enabled(log_level_t level)
{
    return level <= max_level;
}

void
log_msg(log_level_t level, const char *fmt, ...)
{
    if (!log_enabled(level))
        return;
    pthread_mutex_lock(&log_mu);
    if (progress_shown) {
        /* Wipe the progress line; the next update redraws it. */
        fputs("\r\033[K", stderr);
        progress_shown = 0;
    }
    /* File names are bytes: the message is written by resdex's rule for
     * them (resdex_name_escape), so that the log is UTF-8 without terminal controls and
     * a name in it gives its bytes back. Out of memory: as it is. */
    va_list ap;
    va_start(ap, fmt);
    char *raw = NULL, *text = NULL;
    if (vasprintf(&raw, fmt, ap) >= 0)
        text = resdex_name_escape(raw);
    va_end(ap);
    fprintf(stderr, "resdexd: %s: ", level_names[level]);
    if (text) {
        fputs(text, stderr);
    } else {
        va_start(ap, fmt);
        vfprintf(stderr, fmt, ap);
        va_end(ap);
    }
    fputc('\n', stderr);
    free(text);
    free(raw);
    fflush(stderr);
    pthread_mutex_unlock(&log_mu);
}

void
progress_update(size_t done, size_t total, uint64_t paragraphs, double rate, int64_t eta_seconds)
{
    if (!log_enabled(LOG_LEVEL_INFO) || !isatty(STDERR_FILENO))
        return;
    uint64_t now = clock_ms();
    pthread_mutex_lock(&log_mu);
    if (progress_shown && done < total && now - progress_last_ms < 100) {
        pthread_mutex_unlock(&log_mu);
        return;
    }
    progress_last_ms = now;
    char eta[32] = "";
    if (eta_seconds >= 0)
        snprintf(eta, sizeof eta, ", ETA %lld:%02lld", (long long)eta_seconds / 60,
                 (long long)eta_seconds % 60);
    fprintf(stderr, "\r%zu/%zu files, %llu paragraphs, %.0f files/s%s\033[K", done, total,
            (unsigned long long)paragraphs, rate, eta);
    fflush(stderr);
    progress_shown = 1;
    pthread_mutex_unlock(&log_mu);
}

void
progress_end(void)
{
    pthread_mutex_lock(&log_mu);
    if (progress_shown) {
        fputc('\n', stderr);
        fflush(stderr);
        progress_shown = 0;
    }
    pthread_mutex_unlock(&log_mu);
}
