/* args.c - argument helpers; see args.h. */
#include "args.h"

#include <stdlib.h>
#include <string.h>

int
args_join(char **joined, const char *word)
{
    size_t old = *joined ? strlen(*joined) : 0;
    char *p = realloc(*joined, old + strlen(word) + 2);
    if (!p)
        return -1;
    if (old)
        p[old++] = ' ';
    strcpy(p + old, word);
    *joined = p;
    return 0;
}
