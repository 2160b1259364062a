/* shard.c - the partition of the corpus by resolution symbol; see shard.h. */
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

/* FNV-1a, 64 bits, of the n bytes at s, ASCII letters lowered: fixed by the
 * index's identity, never to change. */
static uint64_t
shard_hash(const char *s, size_t n)
{
    uint64_t h = UINT64_C(14695981039346656037);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        h ^= c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
        h *= UINT64_C(1099511628211);
    }
    return h;
}

int
shard_owns_symbol(const char *symbol)
{
    if (shard_n <= 1)
        return 1;
    const char *s = symbol ? symbol : "";
    size_t n = strlen(s);
    /* A draft carried for another body (E/RES/2024/11/DR) goes with the
     * resolution that carries it. */
    if (n > 3 && s[n - 3] == '/' && (s[n - 2] | 0x20) == 'd' && (s[n - 1] | 0x20) == 'r')
        n -= 3;
    return shard_hash(s, n) % shard_n == shard_k - 1;
}

static int
keep_res(const resdex_resolution_t *res, void *ctx)
{
    (void)ctx;
    return shard_owns_symbol(res->symbol);
}

size_t
shard_keep(resdex_doc_t *doc)
{
    return shard_n <= 1 ? resdex_doc_count(doc) : resdex_doc_keep(doc, keep_res, NULL);
}
