/* shard.c - the partition of the corpus by path; see shard.h. */
#include "shard.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static unsigned shard_k, shard_n;

int
shard_parse(const char *s, unsigned *k, unsigned *n)
{
    char *end = NULL;
    errno = 0;
    unsigned long a = strtoul(s, &end, 10);
    if (errno || end == s || *end != '/' || !(end[1] >= '0' && end[1] <= '9'))
        return -1;
    const char *rest = end + 1;
    unsigned long b = strtoul(rest, &end, 10);
    if (errno || end == rest || *end || a < 1 || b < 1 || a > b || b > 1024)
        return -1;
    *k = (unsigned)a;
    *n = (unsigned)b;
    return 0;
}

void
shard_set(unsigned k, unsigned n)
{
    shard_k = k;
    shard_n = n;
}

int
shard_owns(const char *rel)
{
    if (shard_n <= 1)
        return 1;
    /* FNV-1a, 64 bits: fixed by the index's identity, never to change. */
    uint64_t h = UINT64_C(14695981039346656037);
    for (const unsigned char *p = (const unsigned char *)rel; *p; p++) {
        h ^= *p;
        h *= UINT64_C(1099511628211);
    }
    return h % shard_n == shard_k - 1;
}
