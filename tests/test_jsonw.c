/* test_jsonw.c - the streaming JSON writer (lib/jsonw.h) gives the bytes
 * jansson's json_dumps gave for the same values (JSON_COMPACT |
 * JSON_REAL_PRECISION(6), what describe.c printed before): strings with
 * every escape, reals in every notation, integers at the limits, nesting,
 * empty containers; and its failures. */
#include "testutil.h"
#include "jsonw.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const strings_[] = {
    "",
    "plain",
    "quote \" backslash \\ slash /",
    "\b\f\n\r\t",
    "\x01\x02\x1f control",
    "\x7f delete",
    "caf\xc3\xa9 \xe2\x80\x94 \xe6\x8a\x80\xe6\x9c\xaf \xf0\x9f\x98\x80",
    "\xe2\x80\xa8 line separator",
};

static const double reals[] = {0.0,   -0.0,       1.0,      43.4231,   0.972, 0.999,
                               1e-05, 1.5e-7,     123456.0, 1234567.0, 1e21,  -2.5e+300,
                               0.1,   3.14159265, 100000.0, 99.1599,   1e100, 5e-324};

static const int64_t integers[] = {0, 1, -1, 42, INT64_MAX, INT64_MIN};

static char *
with_jansson(void)
{
    json_t *o = json_object();
    json_t *s = json_array();
    for (size_t i = 0; i < sizeof strings_ / sizeof *strings_; i++)
        json_array_append_new(s, json_string(strings_[i]));
    json_object_set_new(o, "strings", s);
    json_t *r = json_array();
    for (size_t i = 0; i < sizeof reals / sizeof *reals; i++)
        json_array_append_new(r, json_real(reals[i]));
    json_object_set_new(o, "reals", r);
    json_t *n = json_array();
    for (size_t i = 0; i < sizeof integers / sizeof *integers; i++)
        json_array_append_new(n, json_integer(integers[i]));
    json_object_set_new(o, "integers", n);
    json_object_set_new(o, "empty object", json_object());
    json_object_set_new(o, "empty array", json_array());
    json_t *nest = json_array();
    json_t *inner = json_object();
    json_object_set_new(inner, "k\"ey", json_null());
    json_object_set_new(inner, "t", json_true());
    json_object_set_new(inner, "f", json_false());
    json_array_append_new(nest, inner);
    json_array_append_new(nest, json_array());
    json_array_append_new(nest, json_null());
    json_object_set_new(o, "nest", nest);
    char *out = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
    json_decref(o);
    return out;
}

static char *
with_jsonw(void)
{
    jsonw_t w;
    jsonw_init(&w);
    jsonw_object(&w);
    jsonw_key(&w, "strings");
    jsonw_array(&w);
    for (size_t i = 0; i < sizeof strings_ / sizeof *strings_; i++)
        jsonw_string(&w, strings_[i]);
    jsonw_end(&w);
    jsonw_key(&w, "reals");
    jsonw_array(&w);
    for (size_t i = 0; i < sizeof reals / sizeof *reals; i++)
        jsonw_real(&w, reals[i]);
    jsonw_end(&w);
    jsonw_key(&w, "integers");
    jsonw_array(&w);
    for (size_t i = 0; i < sizeof integers / sizeof *integers; i++)
        jsonw_integer(&w, integers[i]);
    jsonw_end(&w);
    jsonw_key(&w, "empty object");
    jsonw_object(&w);
    jsonw_end(&w);
    jsonw_key(&w, "empty array");
    jsonw_array(&w);
    jsonw_end(&w);
    jsonw_key(&w, "nest");
    jsonw_array(&w);
    jsonw_object(&w);
    jsonw_key(&w, "k\"ey");
    jsonw_string(&w, NULL);
    jsonw_key(&w, "t");
    jsonw_bool(&w, 1);
    jsonw_key(&w, "f");
    jsonw_bool(&w, 0);
    jsonw_end(&w);
    jsonw_array(&w);
    jsonw_end(&w);
    jsonw_null(&w);
    jsonw_end(&w);
    jsonw_end(&w);
    char *out = NULL;
    assert_int_equal(jsonw_finish(&w, &out), RESDEX_STATUS_SUCCESS);
    return out;
}

static void
test_same_bytes_as_jansson(void **state)
{
    (void)state;
    char *a = with_jansson(), *b = with_jsonw();
    assert_non_null(a);
    assert_non_null(b);
    assert_string_equal(b, a);
    /* The cases that matter are in there, spelled as resdex prints them. */
    assert_non_null(strstr(b, "\"\\b\\f\\n\\r\\t\""));
    assert_non_null(strstr(b, "\\u0001\\u0002\\u001F control"));
    assert_non_null(strstr(b, "1e-5,"));
    assert_non_null(strstr(b, ",1.0,43.4231,"));
    free(a);
    free(b);
}

static void
test_failures(void **state)
{
    (void)state;
    jsonw_t w;
    char *out = (char *)1;
    /* Not UTF-8: BAD_UTF8, nothing printed. */
    jsonw_init(&w);
    jsonw_array(&w);
    jsonw_string(&w, "ok");
    jsonw_string(&w, "caf\xe9");
    jsonw_end(&w);
    assert_int_equal(jsonw_finish(&w, &out), RESDEX_STATUS_BAD_UTF8);
    assert_null(out);
    /* What JSON cannot say. */
    jsonw_init(&w);
    jsonw_array(&w);
    jsonw_real(&w, NAN);
    jsonw_end(&w);
    assert_int_not_equal(jsonw_finish(&w, &out), RESDEX_STATUS_SUCCESS);
    assert_null(out);
    /* Unbalanced, or a key outside an object. */
    jsonw_init(&w);
    jsonw_object(&w);
    assert_int_equal(jsonw_finish(&w, &out), RESDEX_STATUS_BAD_ARGUMENT);
    jsonw_init(&w);
    jsonw_array(&w);
    jsonw_key(&w, "k");
    jsonw_end(&w);
    assert_int_equal(jsonw_finish(&w, &out), RESDEX_STATUS_BAD_ARGUMENT);
    jsonw_init(&w);
    assert_int_equal(jsonw_finish(&w, &out), RESDEX_STATUS_BAD_ARGUMENT);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_bytes_as_jansson),
        cmocka_unit_test(test_failures),
    };
    return cmocka_run_group_tests_name("jsonw", tests, NULL, NULL);
}
