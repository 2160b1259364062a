/* cmd_show.c - resdex show. PLACEHOLDER: not implemented yet. */
#include "commands.h"

#include <stdio.h>

int
cmd_show(const global_options_t *g, int argc, char **argv)
{
    (void)g;
    (void)argc;
    (void)argv;
    fprintf(stderr, "resdex: 'show' is not implemented yet\n");
    return EXIT_ERROR;
}
