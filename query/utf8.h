/* utf8.h - bytes that may not be UTF-8 (file names, lines of input) made
 * into text that JSON and a terminal can carry.
 *
 * File names on Linux are bytes. resdex prints a file name as it is where
 * it is valid UTF-8, with three exceptions, in text and JSON alike:
 *   - a byte that is not part of a valid UTF-8 sequence is written \xNN
 *     (two lower-case hex digits),
 *   - a control character (bytes 0x01 to 0x1f, and 0x7f) is written \xNN,
 *   - a backslash is written \\ (doubled).
 * So every name prints as valid UTF-8 without terminal controls, and the
 * exact bytes come back by reading \\ as one backslash and \xNN as the byte
 * NN (nothing else follows a backslash). */
#ifndef RESDEX_QUERY_UTF8_H
#define RESDEX_QUERY_UTF8_H

#include <stddef.h>

/* The length of the valid UTF-8 sequence (no overlong form, no surrogate,
 * nothing above U+10FFFF; a NUL byte is not valid here) starting at s, at
 * most len bytes long; 0 when the bytes at s do not start one. */
size_t utf8_sequence(const unsigned char *s, size_t len);

/* The 1-based position of the first byte of s[0..len) that is not part of
 * valid UTF-8, 0 when all of it is valid. */
size_t utf8_first_invalid(const char *s, size_t len);

/* A malloc()ed copy of s[0..len) where each byte not part of valid UTF-8
 * is replaced by U+FFFD; NULL when out of memory. */
char *utf8_lossy(const char *s, size_t len);

/* A file name escaped by the rule above: malloc()ed, NULL when out of
 * memory. */
char *utf8_escape_name(const char *name);

#endif
