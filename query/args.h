/* args.h - the words of a command line joined into one string (a query, or
 * similar's filters). */
#ifndef RESDEX_QUERY_ARGS_H
#define RESDEX_QUERY_ARGS_H

/* Append `word` to *joined, a malloc()ed string of words separated by single
 * spaces (NULL when empty). Returns 0, or -1 when out of memory (*joined is
 * then unchanged). */
int args_join(char **joined, const char *word);

#endif
