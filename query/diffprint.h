/* diffprint.h - a word-level diff in the text layout, shared by resdex
 * similar and check: the runs in reading order, what the newer text adds in
 * [+ +] and what it drops in [- -] (colours on a terminal unless NO_COLOR). */
#ifndef RESDEX_QUERY_DIFFPRINT_H
#define RESDEX_QUERY_DIFFPRINT_H

#include <jansson.h>
#include <stdio.h>

typedef struct diff_style {
    const char *ins_on, *ins_off, *del_on, *del_off, *dim_on, *dim_off;
} diff_style_t;

/* Colour when stdout is a terminal and NO_COLOR is unset, and not for JSON;
 * else the [+ +] / [- -] marks. Static storage. */
const diff_style_t *diff_style_for_stdout(int json);

/* The runs ([{"op","text"}]) after three spaces, marked, and a newline. */
void print_diff(const json_t *diff, const diff_style_t *st, FILE *out);

/* Nonzero when some run is not "equal". */
int diff_changed(const json_t *diff);

#endif
