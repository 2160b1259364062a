/* shard.c - the partition of the corpus by path; see shard.h. */
#include "shard.h"

#include "util.h"

#include <errno.h>
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
    return util_fnv1a(rel, strlen(rel)) % shard_n == shard_k - 1;
}
