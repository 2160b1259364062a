/* cmd_similar.c - resdex similar. PLACEHOLDER: not implemented yet. */
#include "commands.h"

#include <stdio.h>

int
cmd_similar(const global_options_t *g, int argc, char **argv)
{
    (void)g;
    (void)argc;
    (void)argv;
    fprintf(stderr, "resdex: 'similar' is not implemented yet\n");
    return EXIT_ERROR;
}
