/* layout.h - the human-readable layout of resdex's output: colour (on a
 * terminal, unless NO_COLOR is set) and text wrapped to the terminal's width.
 * Pipes get plain, unwrapped lines that grep and cut can work with. */
#ifndef RESDEX_QUERY_LAYOUT_H
#define RESDEX_QUERY_LAYOUT_H

#include <stdio.h>

typedef struct layout {
    /* Escape sequences, "" when colour is off. */
    const char *bold, *dim, *hl_on, *hl_off, *reset;
    /* Highlight markers for snippets: colour on a terminal, else "[" "]". */
    const char *mark_on, *mark_off;
    /* Columns to wrap at; 0: do not wrap. */
    int width;
} layout_t;

/* The layout for stdout: colour and wrapping when it is a terminal. $COLUMNS
 * overrides the width the terminal reports. */
void layout_init(layout_t *l);

/* Print text (which may hold the layout's escape sequences) starting at
 * column `indent`, wrapping at l->width with every following line indented
 * by `indent` spaces too, then a newline. The caller has already printed
 * `indent` columns on the first line. Words longer than a line (Chinese
 * text has no spaces) are cut between characters. */
void layout_wrap(const layout_t *l, FILE *out, const char *text, int indent);

#endif
