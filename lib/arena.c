/* arena.c - bump allocation in blocks; see arena.h. */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK_MIN 8192u
#define ARENA_ALIGN     16u

struct arena_block {
    arena_block_t *next;
    size_t used, size;
    /* data follows, aligned */
    _Alignas(16) unsigned char data[];
};

void
arena_init(arena_t *a)
{
    a->head = NULL;
    a->failed = 0;
}

void
arena_free(arena_t *a)
{
    arena_block_t *b = a->head;
    while (b) {
        arena_block_t *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}

void
arena_adopt(arena_t *dst, arena_t *src)
{
    if (!src->head)
        return;
    /* Behind dst's blocks: dst keeps allocating from its head. */
    arena_block_t **tail = &dst->head;
    while (*tail)
        tail = &(*tail)->next;
    *tail = src->head;
    src->head = NULL;
    dst->failed |= src->failed;
}

void *
arena_alloc(arena_t *a, size_t size)
{
    if (a->failed)
        return NULL;
    size_t need = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (need < size) { /* overflow */
        a->failed = 1;
        return NULL;
    }
    arena_block_t *b = a->head;
    if (!b || b->size - b->used < need) {
        size_t bsize = need > ARENA_BLOCK_MIN ? need : ARENA_BLOCK_MIN;
        if (b && bsize < b->size * 2 && b->size < (1u << 20))
            bsize = b->size * 2 > need ? b->size * 2 : need;
        b = resdex_test_alloc_fails && resdex_test_alloc_fails(bsize) ? NULL
                                                                      : malloc(sizeof *b + bsize);
        if (!b) {
            a->failed = 1;
            return NULL;
        }
        b->used = 0;
        b->size = bsize;
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += need;
    return p;
}

char *
arena_strndup(arena_t *a, const char *s, size_t n)
{
    if (!s)
        return NULL;
    char *p = arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *
arena_strdup(arena_t *a, const char *s)
{
    return s ? arena_strndup(a, s, strlen(s)) : NULL;
}
