/* clock.h - the two clocks resdexd needs. */
#ifndef RESDEXD_CLOCK_H
#define RESDEXD_CLOCK_H

#include <stddef.h>
#include <stdint.h>

/* Milliseconds on the monotonic clock (for batching and debouncing). */
uint64_t clock_ms(void);

/* The current time as ISO 8601 UTC, "2024-05-01T12:34:56Z", into buf (at
 * least 21 bytes). */
void clock_iso_utc(char *buf, size_t size);

#endif
