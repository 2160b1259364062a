/* clock.c - monotonic milliseconds and ISO 8601 UTC time stamps. */
#include "clock.h"

#include <time.h>

uint64_t
clock_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

void
clock_iso_utc(char *buf, size_t size)
{
    time_t now = time(NULL);
    struct tm tm;
    if (size == 0)
        return;
    buf[0] = '\0';
    if (gmtime_r(&now, &tm))
        strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
