/* test_reader.c - one reader for plain and gzip-compressed files. */
#include "testutil.h"
#include "resdex.h"

#include <sys/stat.h>
#include <zlib.h>

static const char sample[] = "2017/19. Promoting alternatives to imprisonment\n\n"
                             "1. *Encourages* Member States to promote alternatives;\n";

static void
gzip_to(const char *path, const char *data, size_t len)
{
    gzFile g = gzopen(path, "wb");
    assert_non_null(g);
    assert_int_equal(gzwrite(g, data, (unsigned)len), (int)len);
    assert_int_equal(gzclose(g), Z_OK);
}

static int
setup(void **state)
{
    *state = tu_tmpdir();
    return *state ? 0 : -1;
}

static int
teardown(void **state)
{
    tu_rmtree(*state);
    free(*state);
    return 0;
}

static char *
path_in(void **state, const char *name)
{
    char *p = NULL;
    assert_true(asprintf(&p, "%s/%s", (char *)*state, name) > 0);
    return p;
}

static void
test_plain_file(void **state)
{
    char *p = path_in(state, "plain.txt");
    tu_write(p, sample, sizeof sample - 1);
    char *data = NULL, *msg = NULL;
    size_t len = 0;
    assert_int_equal(resdex_read_file(p, &data, &len, &msg), RESDEX_STATUS_SUCCESS);
    assert_int_equal(len, sizeof sample - 1);
    assert_memory_equal(data, sample, len);
    assert_int_equal(data[len], '\0');
    assert_null(msg);
    free(data);
    free(p);
}

static void
test_gzip_file_any_name(void **state)
{
    /* Recognised by content: the name has no .gz. */
    char *p = path_in(state, "compressed.txt");
    gzip_to(p, sample, sizeof sample - 1);
    char *data = NULL;
    size_t len = 0;
    assert_int_equal(resdex_read_file(p, &data, &len, NULL), RESDEX_STATUS_SUCCESS);
    assert_int_equal(len, sizeof sample - 1);
    assert_memory_equal(data, sample, len);
    free(data);
    free(p);
}

static void
test_gzip_multi_member(void **state)
{
    char *a = path_in(state, "a.gz"), *b = path_in(state, "b.gz"), *ab = path_in(state, "ab.gz");
    gzip_to(a, "first half, ", 12);
    gzip_to(b, "second half", 11);
    char *da = NULL;
    size_t la = 0;
    /* Read the compressed bytes raw by concatenating the two files. */
    FILE *fa = fopen(a, "rb"), *fb = fopen(b, "rb"), *fo = fopen(ab, "wb");
    assert_non_null(fa);
    assert_non_null(fb);
    assert_non_null(fo);
    int c;
    while ((c = fgetc(fa)) != EOF)
        fputc(c, fo);
    while ((c = fgetc(fb)) != EOF)
        fputc(c, fo);
    fclose(fa);
    fclose(fb);
    fclose(fo);
    assert_int_equal(resdex_read_file(ab, &da, &la, NULL), RESDEX_STATUS_SUCCESS);
    assert_string_equal(da, "first half, second half");
    free(da);
    free(a);
    free(b);
    free(ab);
}

static void
test_gzip_truncated(void **state)
{
    /* A long text compresses to a stream we then cut in half. */
    char big[20000];
    for (size_t i = 0; i < sizeof big; i++)
        big[i] = (char)('a' + (i * 7919) % 26);
    char *p = path_in(state, "truncated.gz");
    gzip_to(p, big, sizeof big);
    struct stat sb;
    assert_int_equal(stat(p, &sb), 0);
    assert_int_equal(truncate(p, sb.st_size / 2), 0);
    char *data = NULL, *msg = NULL;
    size_t len = 99;
    assert_int_equal(resdex_read_file(p, &data, &len, &msg), RESDEX_STATUS_BAD_GZIP);
    assert_null(data);
    assert_int_equal(len, 0);
    assert_non_null(msg);
    assert_non_null(strstr(msg, p));
    assert_non_null(strstr(msg, "truncated"));
    free(msg);
    free(p);
}

static void
test_gzip_corrupt(void **state)
{
    char *p = path_in(state, "corrupt.gz");
    gzip_to(p, sample, sizeof sample - 1);
    /* Flip bytes inside the deflate data. */
    FILE *f = fopen(p, "r+b");
    assert_non_null(f);
    fseek(f, 12, SEEK_SET);
    fputc(0xFF, f);
    fputc(0xFF, f);
    fputc(0xFF, f);
    fclose(f);
    char *data = NULL, *msg = NULL;
    size_t len = 0;
    assert_int_equal(resdex_read_file(p, &data, &len, &msg), RESDEX_STATUS_BAD_GZIP);
    assert_non_null(strstr(msg, "corrupt.gz"));
    free(msg);
    free(p);
}

static void
test_not_gzip_with_gz_name(void **state)
{
    char *p = path_in(state, "plain.gz");
    tu_write(p, sample, sizeof sample - 1);
    char *data = NULL;
    size_t len = 0;
    assert_int_equal(resdex_read_file(p, &data, &len, NULL), RESDEX_STATUS_SUCCESS);
    assert_memory_equal(data, sample, len);
    free(data);
    free(p);
}

static void
test_missing_file(void **state)
{
    char *p = path_in(state, "no-such-file.txt");
    char *data = NULL, *msg = NULL;
    size_t len = 0;
    assert_int_equal(resdex_read_file(p, &data, &len, &msg), RESDEX_STATUS_FILE_ERROR);
    assert_non_null(strstr(msg, "no-such-file.txt"));
    assert_non_null(strstr(msg, "No such file"));
    free(msg);
    free(p);
}

static void
test_directory_and_fifo(void **state)
{
    char *data = NULL, *msg = NULL;
    size_t len = 0;
    assert_int_equal(resdex_read_file(*state, &data, &len, &msg), RESDEX_STATUS_FILE_ERROR);
    assert_non_null(strstr(msg, "directory"));
    free(msg);
    msg = NULL;
    char *fifo = path_in(state, "fifo");
    assert_int_equal(mkfifo(fifo, 0600), 0);
    /* Must not block waiting for a writer. */
    assert_int_equal(resdex_read_file(fifo, &data, &len, &msg), RESDEX_STATUS_FILE_ERROR);
    assert_non_null(strstr(msg, "FIFO"));
    free(msg);
    free(fifo);
}

static void
test_gzip_bomb_is_refused(void **state)
{
    /* 80 MiB of zeros compress to ~80 kB; the reader stops at its cap. */
    char *p = path_in(state, "bomb.gz");
    gzFile g = gzopen(p, "wb9");
    assert_non_null(g);
    static char zeros[1 << 20];
    memset(zeros, ' ', sizeof zeros);
    for (int i = 0; i < 80; i++)
        assert_int_equal(gzwrite(g, zeros, sizeof zeros), (int)sizeof zeros);
    gzclose(g);
    char *data = NULL, *msg = NULL;
    size_t len = 0;
    assert_int_equal(resdex_read_file(p, &data, &len, &msg), RESDEX_STATUS_TOO_LARGE);
    assert_null(data);
    assert_non_null(strstr(msg, "limit"));
    free(msg);
    free(p);
}

static void
test_read_buffer(void **state)
{
    (void)state;
    char *data = NULL;
    size_t len = 0;
    assert_int_equal(resdex_read_buffer("mem", "abc", 3, &data, &len, NULL), RESDEX_STATUS_SUCCESS);
    assert_string_equal(data, "abc");
    free(data);
    assert_int_equal(resdex_read_buffer("mem", NULL, 0, &data, &len, NULL), RESDEX_STATUS_SUCCESS);
    assert_int_equal(len, 0);
    free(data);
    /* A lone gzip magic is a truncated stream. */
    char *msg = NULL;
    assert_int_equal(resdex_read_buffer("mem", "\x1f\x8b", 2, &data, &len, &msg),
                     RESDEX_STATUS_BAD_GZIP);
    assert_non_null(strstr(msg, "mem"));
    free(msg);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_plain_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gzip_file_any_name, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gzip_multi_member, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gzip_truncated, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gzip_corrupt, setup, teardown),
        cmocka_unit_test_setup_teardown(test_not_gzip_with_gz_name, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_directory_and_fifo, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gzip_bomb_is_refused, setup, teardown),
        cmocka_unit_test(test_read_buffer),
    };
    return cmocka_run_group_tests_name("reader", tests, NULL, NULL);
}
