/* json_equal.c - compare two JSON Lines files value by value (key order
 * ignored), for the golden tests. Prints the first difference.
 * usage: json_equal EXPECTED ACTUAL; exit 0 equal, 1 different, 2 error. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int subset;

static void
describe(const char *path, json_t *a, json_t *b)
{
    char *sa = json_dumps(a, JSON_ENCODE_ANY | JSON_COMPACT | JSON_SORT_KEYS);
    char *sb = json_dumps(b, JSON_ENCODE_ANY | JSON_COMPACT | JSON_SORT_KEYS);
    fprintf(stderr, "at %s:\n  expected: %.400s\n  actual:   %.400s\n", path, sa ? sa : "(none)",
            sb ? sb : "(none)");
    free(sa);
    free(sb);
}

/* Walk both values and report the first place they differ. */
static int
diff(const char *path, json_t *a, json_t *b)
{
    if (json_equal(a, b))
        return 0;
    char sub[1024];
    if (json_is_object(a) && json_is_object(b)) {
        const char *key;
        json_t *va;
        json_object_foreach(a, key, va)
        {
            snprintf(sub, sizeof sub, "%s.%s", path, key);
            if (diff(sub, va, json_object_get(b, key)))
                return 1;
        }
        if (subset)
            return 0;
        json_object_foreach(b, key, va)
        {
            if (!json_object_get(a, key)) {
                snprintf(sub, sizeof sub, "%s.%s", path, key);
                describe(sub, NULL, va);
                return 1;
            }
        }
    } else if (json_is_array(a) && json_is_array(b)) {
        size_t n =
            json_array_size(a) > json_array_size(b) ? json_array_size(a) : json_array_size(b);
        for (size_t i = 0; i < n; i++) {
            snprintf(sub, sizeof sub, "%s[%zu]", path, i);
            if (diff(sub, json_array_get(a, i), json_array_get(b, i)))
                return 1;
        }
        if (subset)
            return 0;
    }
    describe(path, a, b);
    return 1;
}

static json_t *
load_lines(const char *file)
{
    FILE *f = fopen(file, "r");
    if (!f) {
        perror(file);
        return NULL;
    }
    json_t *all = json_array();
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    unsigned lineno = 0;
    while ((n = getline(&line, &cap, f)) > 0) {
        lineno++;
        if (strspn(line, " \t\r\n") == (size_t)n)
            continue;
        json_error_t err;
        json_t *v = json_loads(line, 0, &err);
        if (!v) {
            fprintf(stderr, "%s:%u: invalid JSON: %s\n", file, lineno, err.text);
            json_decref(all);
            all = NULL;
            break;
        }
        json_array_append_new(all, v);
    }
    free(line);
    fclose(f);
    return all;
}

int
main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "--subset") == 0) {
        subset = 1;
        argv++;
        argc--;
    }
    if (argc != 3) {
        fprintf(stderr, "usage: json_equal [--subset] EXPECTED ACTUAL\n");
        return 2;
    }
    json_t *a = load_lines(argv[1]), *b = load_lines(argv[2]);
    if (!a || !b)
        return 2;
    int d = diff("$", a, b);
    json_decref(a);
    json_decref(b);
    return d;
}
