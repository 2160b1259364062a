/* sprinter.c - the output layer; see sprinter.h. Each top-level value is
 * built as a jansson tree, then printed as JSON or handed to the layout. */
#include "sprinter.h"

#include "resdex.h"

#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH   16
#define PRINT_FLAGS (JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6))

/* A library description kept as its text (sp_json): in the tree, `node`, an
 * empty object that stands for it, printed as `text`. */
typedef struct raw {
    json_t *node;
    char *text;
} raw_t;

struct sprinter {
    FILE *out;
    sprinter_layout_fn layout;
    void *ctx;
    json_t *into;             /* sprinter_new_collect: the list the values go to */
    json_t *stack[MAX_DEPTH]; /* stack[0] the value being built (owned) */
    int depth;
    const char *key;
    int failed;
    raw_t *raws; /* in the value being built */
    size_t n_raws, cap_raws;
};

sprinter_t *
sprinter_new(FILE *out, sprinter_layout_fn layout, void *ctx)
{
    sprinter_t *sp = calloc(1, sizeof *sp);
    if (!sp)
        return NULL;
    sp->out = out;
    sp->layout = layout;
    sp->ctx = ctx;
    return sp;
}

sprinter_t *
sprinter_new_collect(json_t *into)
{
    sprinter_t *sp = sprinter_new(NULL, NULL, NULL);
    if (sp)
        sp->into = into;
    return sp;
}

int
sprinter_failed(const sprinter_t *sp)
{
    return !sp || sp->failed;
}

static void
drop_raws(sprinter_t *sp)
{
    for (size_t i = 0; i < sp->n_raws; i++)
        free(sp->raws[i].text);
    sp->n_raws = 0;
}

void
sprinter_destroy(sprinter_t *sp)
{
    if (!sp)
        return;
    if (sp->depth > 0)
        json_decref(sp->stack[0]);
    drop_raws(sp);
    free(sp->raws);
    free(sp);
}

int
json_print_line(const json_t *value, FILE *out)
{
    if (!value)
        return -1;
    if (json_dumpf(value, out, PRINT_FLAGS) != 0)
        return -1;
    return fputc('\n', out) == EOF ? -1 : 0;
}

/* v as json_print_line prints it (no newline), its raw nodes as their text:
 * the same bytes as the tree with each description parsed in its place, as
 * the library prints its descriptions with these flags. */
static int
print_with_raws(const sprinter_t *sp, const json_t *v, FILE *out)
{
    for (size_t i = 0; i < sp->n_raws; i++)
        if (sp->raws[i].node == v)
            return fputs(sp->raws[i].text, out) == EOF ? -1 : 0;
    if (json_is_object(v)) {
        const char *key;
        json_t *value;
        int first = 1;
        if (fputc('{', out) == EOF)
            return -1;
        json_object_foreach((json_t *)v, key, value)
        {
            json_t *k = json_string(key);
            int rc = !k || (!first && fputc(',', out) == EOF) ||
                     json_dumpf(k, out, PRINT_FLAGS | JSON_ENCODE_ANY) != 0 ||
                     fputc(':', out) == EOF || print_with_raws(sp, value, out) != 0;
            json_decref(k);
            if (rc)
                return -1;
            first = 0;
        }
        return fputc('}', out) == EOF ? -1 : 0;
    }
    if (json_is_array(v)) {
        if (fputc('[', out) == EOF)
            return -1;
        for (size_t i = 0; i < json_array_size(v); i++)
            if ((i && fputc(',', out) == EOF) || print_with_raws(sp, json_array_get(v, i), out))
                return -1;
        return fputc(']', out) == EOF ? -1 : 0;
    }
    return json_dumpf(v, out, PRINT_FLAGS | JSON_ENCODE_ANY);
}

static void
emit(sprinter_t *sp, json_t *v)
{
    if (sp->into) {
        if (json_array_append(sp->into, v) != 0)
            sp->failed = 1;
        return;
    }
    int rc;
    if (sp->layout)
        rc = sp->layout(v, sp->ctx, sp->out);
    else if (sp->n_raws)
        rc = print_with_raws(sp, v, sp->out) != 0 || fputc('\n', sp->out) == EOF ? -1 : 0;
    else
        rc = json_print_line(v, sp->out);
    drop_raws(sp);
    if (rc != 0 || ferror(sp->out))
        sp->failed = 1;
}

/* Add v (a new reference, NULL after an allocation failure) where the
 * description is; a container is also pushed. */
static void
add(sprinter_t *sp, json_t *v, int container)
{
    if (sp->failed || !v) {
        sp->failed = 1;
        json_decref(v);
        return;
    }
    if (sp->depth == 0) {
        if (container) {
            sp->stack[sp->depth++] = v;
        } else {
            emit(sp, v);
            json_decref(v);
        }
        return;
    }
    if (container && sp->depth >= MAX_DEPTH) {
        sp->failed = 1;
        json_decref(v);
        return;
    }
    json_t *parent = sp->stack[sp->depth - 1];
    int rc;
    if (json_is_object(parent)) {
        rc = sp->key ? json_object_set_new(parent, sp->key, v) : (json_decref(v), -1);
        sp->key = NULL;
    } else {
        rc = json_array_append_new(parent, v);
    }
    if (rc != 0)
        sp->failed = 1;
    else if (container)
        sp->stack[sp->depth++] = v; /* borrowed: the parent owns it */
}

void
sp_begin_map(sprinter_t *sp)
{
    add(sp, json_object(), 1);
}

void
sp_begin_list(sprinter_t *sp)
{
    add(sp, json_array(), 1);
}

void
sp_end(sprinter_t *sp)
{
    if (sp->failed || sp->depth == 0)
        return;
    if (--sp->depth == 0) {
        emit(sp, sp->stack[0]);
        json_decref(sp->stack[0]);
    }
}

void
sp_key(sprinter_t *sp, const char *key)
{
    sp->key = key;
}

void
sp_string(sprinter_t *sp, const char *s)
{
    if (!s) {
        add(sp, json_null(), 0);
        return;
    }
    json_t *v = json_string(s);
    if (!v) {
        /* Not UTF-8 (the library's texts are; this is for input lines). */
        char *fixed = resdex_utf8_lossy(s, strlen(s));
        v = fixed ? json_string(fixed) : NULL;
        free(fixed);
    }
    add(sp, v, 0);
}

void
sp_name(sprinter_t *sp, const char *name)
{
    if (!name) {
        add(sp, json_null(), 0);
        return;
    }
    char *escaped = resdex_name_escape(name);
    add(sp, escaped ? json_string(escaped) : NULL, 0);
    free(escaped);
}

void
sp_int(sprinter_t *sp, long long v)
{
    add(sp, json_integer((json_int_t)v), 0);
}

void
sp_real(sprinter_t *sp, double v)
{
    add(sp, json_real(v), 0);
}

void
sp_bool(sprinter_t *sp, int v)
{
    add(sp, json_boolean(v), 0);
}

void
sp_null(sprinter_t *sp)
{
    add(sp, json_null(), 0);
}

void
sp_key_string(sprinter_t *sp, const char *key, const char *s)
{
    sp_key(sp, key);
    sp_string(sp, s);
}

void
sp_key_int(sprinter_t *sp, const char *key, long long v)
{
    sp_key(sp, key);
    sp_int(sp, v);
}

void
sp_strings(sprinter_t *sp, const char *const *items, size_t n)
{
    sp_begin_list(sp);
    for (size_t i = 0; i < n; i++)
        sp_string(sp, items[i]);
    sp_end(sp);
}

/* json parsed: a new reference, NULL (and the printer failed) when it
 * does not parse. */
static json_t *
parsed(sprinter_t *sp, const char *json)
{
    json_t *v = json && !sp->failed ? json_loads(json, 0, NULL) : NULL;
    if (!v)
        sp->failed = 1;
    return v;
}

void
sp_json(sprinter_t *sp, const char *json)
{
    /* Printed as JSON Lines: the text as it is, not parsed and printed
     * again (a search's hits are most of what it prints). */
    if (!sp->layout && !sp->into && json && !sp->failed) {
        char *text = strdup(json);
        raw_t *grown = sp->n_raws < sp->cap_raws
                           ? sp->raws
                           : realloc(sp->raws, (sp->cap_raws * 2 + 8) * sizeof *sp->raws);
        json_t *node = text && grown ? json_object() : NULL; /* its own: found by address */
        if (grown && grown != sp->raws) {
            sp->raws = grown;
            sp->cap_raws = sp->cap_raws * 2 + 8;
        }
        if (!node) {
            free(text);
            sp->failed = 1;
            return;
        }
        sp->raws[sp->n_raws].node = node;
        sp->raws[sp->n_raws].text = text;
        sp->n_raws++;
        add(sp, node, 0);
        return;
    }
    add(sp, parsed(sp, json), 0);
}

void
sp_json_fields(sprinter_t *sp, const char *json)
{
    json_t *v = parsed(sp, json);
    json_t *map = sp->depth > 0 ? sp->stack[sp->depth - 1] : NULL;
    if (v && (!json_is_object(map) || json_object_update(map, v) != 0))
        sp->failed = 1;
    json_decref(v);
}

const char *
sp_get_string(const json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

long long
sp_get_int(const json_t *o, const char *key)
{
    return (long long)json_integer_value(json_object_get(o, key));
}
