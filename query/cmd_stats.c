/* cmd_stats.c - resdex stats. PLACEHOLDER: not implemented yet. */
#include "commands.h"

#include <stdio.h>

int
cmd_stats(const global_options_t *g, int argc, char **argv)
{
    (void)g;
    (void)argc;
    (void)argv;
    fprintf(stderr, "resdex: 'stats' is not implemented yet\n");
    return EXIT_ERROR;
}
