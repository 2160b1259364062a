/* cmd_search.c - resdex search. PLACEHOLDER: not implemented yet. */
#include "commands.h"

#include <stdio.h>

int
cmd_search(const global_options_t *g, int argc, char **argv)
{
    (void)g;
    (void)argc;
    (void)argv;
    fprintf(stderr, "resdex: 'search' is not implemented yet\n");
    return EXIT_ERROR;
}
