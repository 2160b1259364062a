/* text-lines.h - lines of a text file and what each one is (private).
 *
 * The text reader looks at a file line by line: this file splits lines
 * (LF or CRLF), says which lines are page furniture (running heads, job
 * numbers, barcodes: never part of a paragraph), and which lines open a new
 * unit of text (a numbered or lettered paragraph, a bullet, a topic tag, a
 * footnote) even without a blank line before them. */
#ifndef RESDEX_TEXT_LINES_H
#define RESDEX_TEXT_LINES_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tl_iter {
    const char *p, *end;
    unsigned line; /* 1-based number of the line last returned */
} tl_iter_t;

void tl_init(tl_iter_t *it, const char *data, size_t len);
/* The next line without its line end: 1 and *s, *n; 0 at the end; -1 when
 * the line is longer than max bytes (it->line names it). */
int tl_next(tl_iter_t *it, size_t max, const char **s, size_t *n);

/* Only white space or form feeds (a page break counts as a blank line). */
int tl_is_blank(const char *s, size_t n);

/* Page furniture: "Distr.: General", job numbers ("25-19346 (E)",
 * "17-13941 3/9"), barcodes ("*1713941*"), page numbers, lines of
 * separators, a lone document symbol used as a running head, "Please
 * recycle", a database's "View document" link. */
int tl_is_furniture(const char *s, size_t n);
/* "Distr.: General": the date line after it is furniture too. */
int tl_is_distribution(const char *s, size_t n);

/* A lone document symbol ("E/2017/30", "A/RES/70/174"): its length after
 * trimming, 0 if the line is not one. */
size_t tl_symbol_line(const char *s, size_t n);

typedef enum tl_start {
    TL_NONE = 0,
    TL_FOOTNOTE, /* "¹ General Assembly ..." */
    TL_TAG,      /* "  • Alternatives to punishment" */
    TL_NUMBERED, /* "12. Requests ..." */
    TL_LETTERED, /* "(a) Reaffirms ...", "- (b) ..." */
    TL_BULLET    /* "- Chapter 3: ..." */
} tl_start_t;

/* What kind of unit the line opens, if any. */
tl_start_t tl_start(const char *s, size_t n);
/* Paragraph numbers have at most TL_NUMBER_DIGITS digits ("999. "). A line
 * that opens with a longer one ("1000. ") is not TL_NUMBERED: the length of
 * its number, else 0 (for messages). */
#define TL_NUMBER_DIGITS 3
size_t tl_number_too_long(const char *s, size_t n);

/* The last character of the line that matters for sentence structure:
 * trailing spaces, emphasis markers, closing quotes and footnote markers
 * are skipped. 0 for an empty line. */
char tl_last_char(const char *s, size_t n);

#ifdef __cplusplus
}
#endif

#endif
