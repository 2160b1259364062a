/* html.h - HTML output for resdex check --html: text escaped so that no
 * document text can become markup. */
#ifndef RESDEX_QUERY_HTML_H
#define RESDEX_QUERY_HTML_H

#include <jansson.h>
#include <stdio.h>

/* s with & < > " ' escaped as entities (NULL prints nothing). Control
 * characters other than tab and newline are dropped. */
void html_escape(FILE *out, const char *s);

/* A diff ([{"op","text"}]), its runs escaped: <ins> for what the newer text
 * adds, <del> for what it drops. */
void html_diff(FILE *out, const json_t *diff);

#endif
