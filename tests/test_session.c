/* test_session.c - the year of a Commission's session, for year: filters on
 * resolutions printed in a report without their date. The expected years
 * are the sessions' own: CCPCJ 26th session, May 2017 (E/2017/30); CND 55th
 * session, March 2012 (resolution 55/12); CND 67th session, March 2024. */
#include "testutil.h"
#include "session.h"

static void
test_ordinals_in_words(void **state)
{
    (void)state;
    assert_int_equal(session_number("twenty-sixth session"), 26);
    assert_int_equal(session_number("Fifty-fifth session"), 55);
    assert_int_equal(session_number("sixty-seventh session"), 67);
    assert_int_equal(session_number("twentieth session"), 20);
    assert_int_equal(session_number("fortieth session"), 40);
    assert_int_equal(session_number("eighth session"), 8);
    assert_int_equal(session_number("eighteenth session"), 18);
    assert_int_equal(session_number("fifth session"), 5);
    assert_int_equal(session_number("seventy-ninth session"), 79);
}

static void
test_ordinals_in_digits(void **state)
{
    (void)state;
    assert_int_equal(session_number("26th session"), 26);
    assert_int_equal(session_number("72nd session"), 72);
}

static void
test_not_a_session(void **state)
{
    (void)state;
    assert_int_equal(session_number(NULL), 0);
    assert_int_equal(session_number(""), 0);
    assert_int_equal(session_number("special session"), 0);
    assert_int_equal(session_number("twenty-session"), 0);
}

static void
test_years(void **state)
{
    (void)state;
    assert_int_equal(session_year("CCPCJ", "twenty-sixth session"), 2017);
    assert_int_equal(session_year("CND", "fifty-fifth session"), 2012);
    assert_int_equal(session_year("CND", "sixty-seventh session"), 2024);
    /* Other bodies number their sessions otherwise (ECOSOC by year, the GA
     * from 1946): no year from the session. */
    assert_int_equal(session_year("GA", "seventy-second session"), 0);
    assert_int_equal(session_year("ECOSOC", "2017 session"), 0);
    assert_int_equal(session_year(NULL, "twenty-sixth session"), 0);
    /* A Commission's resolution number starts with its session. */
    assert_int_equal(session_year("CND", "55/12"), 2012);
    assert_int_equal(session_year("CCPCJ", "26/4"), 2017);
    assert_int_equal(session_year("CCPCJ", "I"), 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ordinals_in_words),
        cmocka_unit_test(test_ordinals_in_digits),
        cmocka_unit_test(test_not_a_session),
        cmocka_unit_test(test_years),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
