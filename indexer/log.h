/* log.h - resdexd's messages on stderr, systemd style: "resdexd: LEVEL: message",
 * and the progress line shown on a terminal during a long reconcile. */
#ifndef RESDEXD_LOG_H
#define RESDEXD_LOG_H

#include <stddef.h>
#include <stdint.h>

typedef enum log_level {
    LOG_LEVEL_ERROR = 0,
    LOG_LEVEL_WARNING = 1,
    LOG_LEVEL_INFO = 2,
    LOG_LEVEL_DEBUG = 3
} log_level_t;

/* Messages above `max` are dropped (default: info). */
void log_set_level(log_level_t max);
int log_enabled(log_level_t level);

void log_msg(log_level_t level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#define log_error(...)   log_msg(LOG_LEVEL_ERROR, __VA_ARGS__)
#define log_warning(...) log_msg(LOG_LEVEL_WARNING, __VA_ARGS__)
#define log_info(...)    log_msg(LOG_LEVEL_INFO, __VA_ARGS__)
#define log_debug(...)   log_msg(LOG_LEVEL_DEBUG, __VA_ARGS__)

/* The progress line: "\r<done>/<total> files, <paragraphs> paragraphs, <rate>
 * files/s, ETA <time>" (eta_seconds < 0: not known yet), redrawn at most ten times a second, and
 * only when stderr is a terminal and the level is at least info. progress_end() finishes the line
 * so that the next message starts on its own. */
void progress_update(size_t done, size_t total, uint64_t paragraphs, double rate,
                     int64_t eta_seconds);
void progress_end(void);

#endif
