/* cite.c - citations of UN documents.
 * PLACEHOLDER until the text parser lands (issue 3): finds nothing. */
#include "cite.h"

void
cite_extract(const char *text, void (*add)(void *ctx, const char *cite), void *ctx)
{
    (void)text;
    (void)add;
    (void)ctx;
}

int
cite_normalise(const char *ref, char *buf, size_t size)
{
    (void)ref;
    (void)buf;
    (void)size;
    return 0;
}
