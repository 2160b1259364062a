/* arena.h - a bump allocator for the many small strings of a parsed document.
 *
 * Everything allocated from an arena is freed at once by arena_free(). An
 * allocation failure makes the arena "failed" (sticky): later allocations
 * return NULL too, so a builder can check once, at the end. */
#ifndef RESDEX_ARENA_H
#define RESDEX_ARENA_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct arena_block arena_block_t;

typedef struct arena {
    arena_block_t *head;
    int failed;
} arena_t;

/* Tests only (tests/test_errors.cc): a program that defines this function
 * is asked before each allocation of an arena's block and of a byte buffer
 * (util.h), which fails when it returns nonzero: the C allocations inside
 * the C++ entry points can be made to fail. resdex's programs do not
 * define it (a weak symbol: NULL there). */
int resdex_test_alloc_fails(size_t size) __attribute__((weak));

void arena_init(arena_t *a);
void arena_free(arena_t *a);
/* Move every block of src into dst (src is left empty): what was allocated
 * from src now lives as long as dst. */
void arena_adopt(arena_t *dst, arena_t *src);
/* size bytes, aligned for any type; NULL on failure. */
void *arena_alloc(arena_t *a, size_t size);
/* A NUL-terminated copy of s (or of its first n bytes); NULL for NULL. */
char *arena_strdup(arena_t *a, const char *s);
char *arena_strndup(arena_t *a, const char *s, size_t n);

#ifdef __cplusplus
}
#endif

#endif
