/* diff-text.h - the layout of a tokenised text (private to the diff files:
 * diff-text.c makes it, diff-script.c aligns two, diff.c scores them and
 * builds the runs). Everyone else uses the functions of diff.h. */
#ifndef RESDEX_DIFF_TEXT_H
#define RESDEX_DIFF_TEXT_H

#include "diff.h"
#include "util.h"

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tok {
    uint32_t disp_off, disp_len;
    uint32_t key_off, key_len;
    uint64_t hash;
    unsigned char space_before; /* white space separated it from the token before */
    unsigned char is_word;      /* has a letter or digit */
    unsigned char closing;      /* punctuation that sticks to the token before: , ; ) */
} tok_t;

struct diff_text {
    tok_t *toks;
    size_t n, cap;
    size_t words;
    buf_t disp, key; /* the display forms and the keys, back to back */
    int failed;
};

/* Append token k of t to out as printed, with the space that separates it
 * from what is already there (`first_out`: nothing is). 0, or -1 when
 * memory runs out. */
int diff_text_append_token(buf_t *out, const diff_text_t *t, size_t k, int first_out);

/* A byte buffer for the diff files: no cap of its own (the inputs have
 * theirs). */
#define DIFF_BUF_MAX (SIZE_MAX / 4)

#ifdef __cplusplus
}
#endif

#endif
