/* args.h - small helpers for the commands' own argument parsing (search and
 * similar take options anywhere among query words, so getopt is not used). */
#ifndef RESDEX_QUERY_ARGS_H
#define RESDEX_QUERY_ARGS_H

/* Append `word` to *joined, a malloc()ed string of words separated by single
 * spaces (NULL when empty). Returns 0, or -1 when out of memory (*joined is
 * then unchanged). */
int args_join(char **joined, const char *word);

/* The value of an option that takes one: after '=' in "--name=value" (eq
 * points at the '='; NULL when there is none), else the next argument
 * (*i moves past it). NULL after a message "resdex CMD: NAME needs a value"
 * when there is none. */
const char *args_value(const char *cmd, const char *name, const char *eq, int argc, char **argv,
                       int *i);

#endif
