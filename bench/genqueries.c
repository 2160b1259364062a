/* genqueries.c - a fixed, deterministic query set drawn from a corpus.
 *
 *   genqueries [--count N] [--seed S] DIR > queries.txt
 *
 * Reads the text files under DIR (in sorted order; for a big corpus, an even
 * sample of files so that at most about 3 million words are read), splits
 * them into paragraphs on blank lines, and draws N queries (default 1,000),
 * one per line, in this mix:
 *
 *   20%  one common word   (drawn by occurrence: frequent words come often)
 *   15%  one rare word     (drawn uniformly among the distinct words)
 *   30%  two words         from one paragraph
 *   10%  three words       from one paragraph
 *   25%  a quoted phrase   of two or three consecutive words
 *
 * Words are lower-case ASCII letters (with inner hyphens), XML markup left
 * out; stopwords are not drawn as words, nor at the edges of a phrase. The
 * same corpus and seed give the same queries. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <ctype.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static uint64_t rng_state;

static uint64_t
rng_next(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static size_t
rng_below(size_t n)
{
    return (size_t)(rng_next() % n);
}

static void *
xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p) {
        fprintf(stderr, "genqueries: out of memory\n");
        exit(2);
    }
    return p;
}

/* ------------------------------------------------------------------------ */
/* Words: interned strings with counts                                      */
/* ------------------------------------------------------------------------ */

static char **words; /* id -> word */
static size_t n_words, cap_words;
static uint32_t *table;   /* open addressing: id + 1, 0 = empty */
static size_t table_size; /* a power of two */

static uint64_t
hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static void grow_table(void);

static uint32_t
intern(const char *s, size_t n)
{
    if (n_words * 2 >= table_size)
        grow_table();
    size_t i = hash(s, n) & (table_size - 1);
    while (table[i]) {
        const char *w = words[table[i] - 1];
        if (strlen(w) == n && !memcmp(w, s, n))
            return table[i] - 1;
        i = (i + 1) & (table_size - 1);
    }
    if (n_words == cap_words) {
        cap_words = cap_words ? cap_words * 2 : 4096;
        words = xrealloc(words, cap_words * sizeof *words);
    }
    char *w = xrealloc(NULL, n + 1);
    memcpy(w, s, n);
    w[n] = '\0';
    words[n_words] = w;
    table[i] = (uint32_t)++n_words;
    return (uint32_t)(n_words - 1);
}

static void
grow_table(void)
{
    size_t old = table_size;
    uint32_t *t = table;
    table_size = table_size ? table_size * 2 : 8192;
    table = xrealloc(NULL, table_size * sizeof *table);
    memset(table, 0, table_size * sizeof *table);
    for (size_t i = 0; i < old; i++) {
        if (!t[i])
            continue;
        const char *w = words[t[i] - 1];
        size_t j = hash(w, strlen(w)) & (table_size - 1);
        while (table[j])
            j = (j + 1) & (table_size - 1);
        table[j] = t[i];
    }
    free(t);
}

static const char *const stopwords[] = {
    "a",    "an",   "and",   "are",   "as",   "at",    "be",   "been", "by",   "for",   "from",
    "has",  "have", "in",    "into",  "is",   "it",    "its",  "not",  "of",   "on",    "or",
    "that", "the",  "their", "these", "this", "those", "to",   "was",  "were", "which", "with",
    "who",  "such", "also",  "all",   "any",  "other", "well", NULL,
};

static int
is_stopword(const char *w)
{
    for (const char *const *s = stopwords; *s; s++)
        if (!strcmp(*s, w))
            return 1;
    return strlen(w) < 3;
}

/* ------------------------------------------------------------------------ */
/* The corpus as paragraphs of word ids                                     */
/* ------------------------------------------------------------------------ */

static uint32_t *tokens; /* every word of every kept paragraph, in order */
static size_t n_tokens, cap_tokens;
static size_t *para_start; /* paragraph i: tokens[para_start[i] .. para_start[i+1]) */
static size_t n_paras, cap_paras;

static void
add_token(uint32_t id)
{
    if (n_tokens == cap_tokens) {
        cap_tokens = cap_tokens ? cap_tokens * 2 : 1 << 16;
        tokens = xrealloc(tokens, cap_tokens * sizeof *tokens);
    }
    tokens[n_tokens++] = id;
}

static void
end_paragraph(size_t start)
{
    if (n_tokens - start < 8) { /* headings, footnotes, furniture: not text */
        n_tokens = start;
        return;
    }
    if (n_paras + 1 >= cap_paras) {
        cap_paras = cap_paras ? cap_paras * 2 : 4096;
        para_start = xrealloc(para_start, cap_paras * sizeof *para_start);
    }
    para_start[n_paras++] = start;
    para_start[n_paras] = n_tokens;
}

static void
read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    size_t start = n_tokens;
    char word[64];
    while ((len = getline(&line, &cap, f)) >= 0) {
        int blank = 1;
        for (ssize_t i = 0; i < len; i++)
            if (!isspace((unsigned char)line[i]))
                blank = 0;
        if (blank) {
            end_paragraph(start);
            start = n_tokens;
            continue;
        }
        /* Words: runs of ASCII letters, inner hyphens kept; XML markup
         * (from < to >, on one line) is not text. */
        size_t wl = 0;
        int in_tag = 0;
        for (ssize_t i = 0; i <= len; i++) {
            unsigned char c = i < len ? (unsigned char)line[i] : ' ';
            if (c == '<')
                in_tag = 1;
            if (in_tag) {
                if (c == '>')
                    in_tag = 0;
                c = ' ';
            }
            if (c < 0x80 && isalpha(c)) {
                if (wl < sizeof word - 1)
                    word[wl++] = (char)tolower(c);
            } else if (c == '-' && wl > 0 && wl < sizeof word - 1 && i + 1 < len &&
                       isalpha((unsigned char)line[i + 1])) {
                word[wl++] = '-';
            } else {
                if (wl > 0)
                    add_token(intern(word, wl));
                wl = 0;
            }
        }
    }
    end_paragraph(start);
    free(line);
    fclose(f);
}

struct files {
    char **v;
    size_t n, cap;
};

static void
list_files(const char *dir, struct files *out)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        char *path = xrealloc(NULL, len);
        snprintf(path, len, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            list_files(path, out);
            free(path);
        } else if (S_ISREG(st.st_mode)) {
            if (out->n == out->cap) {
                out->cap = out->cap ? out->cap * 2 : 1024;
                out->v = xrealloc(out->v, out->cap * sizeof *out->v);
            }
            out->v[out->n++] = path;
        } else {
            free(path);
        }
    }
    closedir(d);
}

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* ------------------------------------------------------------------------ */
/* Drawing queries                                                          */
/* ------------------------------------------------------------------------ */

/* A content word drawn by occurrence from paragraph p (or anywhere); -1
 * when none after a few tries. */
static long
content_word_in(size_t from, size_t to)
{
    for (int tries = 0; tries < 50; tries++) {
        uint32_t id = tokens[from + rng_below(to - from)];
        if (!is_stopword(words[id]))
            return id;
    }
    return -1;
}

static int
emit_words(size_t k)
{
    size_t p = rng_below(n_paras);
    size_t from = para_start[p], to = para_start[p + 1];
    long ids[3];
    for (size_t i = 0; i < k; i++) {
        ids[i] = content_word_in(from, to);
        if (ids[i] < 0)
            return 0;
        for (size_t j = 0; j < i; j++)
            if (ids[j] == ids[i])
                return 0;
    }
    for (size_t i = 0; i < k; i++)
        printf("%s%s", i ? " " : "", words[ids[i]]);
    putchar('\n');
    return 1;
}

static int
emit_phrase(void)
{
    size_t len = 2 + rng_below(2);
    size_t p = rng_below(n_paras);
    size_t from = para_start[p], to = para_start[p + 1];
    if (to - from < len)
        return 0;
    size_t s = from + rng_below(to - from - len + 1);
    if (is_stopword(words[tokens[s]]) || is_stopword(words[tokens[s + len - 1]]))
        return 0;
    putchar('"');
    for (size_t i = 0; i < len; i++)
        printf("%s%s", i ? " " : "", words[tokens[s + i]]);
    puts("\"");
    return 1;
}

int
main(int argc, char **argv)
{
    size_t count = 1000;
    uint64_t seed = 7;
    const char *dir = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--count") && i + 1 < argc)
            count = strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--seed") && i + 1 < argc)
            seed = strtoull(argv[++i], NULL, 10);
        else if (argv[i][0] == '-' || dir) {
            fprintf(stderr, "usage: genqueries [--count N] [--seed S] DIR\n");
            return 2;
        } else
            dir = argv[i];
    }
    if (!dir) {
        fprintf(stderr, "usage: genqueries [--count N] [--seed S] DIR\n");
        return 2;
    }
    rng_state = seed;
    struct files files = {0};
    list_files(dir, &files);
    qsort(files.v, files.n, sizeof *files.v, cmp_str);
    /* An even sample of the files: the corpus's size is known only by
     * bytes, so sample by bytes (about 20 MB of text is 3 million words). */
    unsigned long long bytes = 0;
    for (size_t i = 0; i < files.n; i++) {
        struct stat st;
        if (stat(files.v[i], &st) == 0)
            bytes += (unsigned long long)st.st_size;
    }
    size_t step = (size_t)(bytes / (20ull << 20)) + 1;
    for (size_t i = 0; i < files.n; i += step)
        read_file(files.v[i]);
    if (n_paras == 0) {
        fprintf(stderr, "genqueries: no text paragraphs under %s\n", dir);
        return 2;
    }
    size_t made = 0;
    while (made < count) {
        size_t r = rng_below(100);
        int ok;
        if (r < 20) {
            ok = emit_words(1);
        } else if (r < 35) {
            const char *w = words[rng_below(n_words)];
            ok = !is_stopword(w);
            if (ok)
                puts(w);
        } else if (r < 65) {
            ok = emit_words(2);
        } else if (r < 75) {
            ok = emit_words(3);
        } else {
            ok = emit_phrase();
        }
        made += ok ? 1 : 0;
    }
    fprintf(stderr, "genqueries: %zu queries from %zu paragraphs, %zu distinct words\n", count,
            n_paras, n_words);
    return 0;
}
