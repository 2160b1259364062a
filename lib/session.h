/* session.h - the year of a Commission's session (private). */
#ifndef RESDEX_SESSION_H
#define RESDEX_SESSION_H

#ifdef __cplusplus
extern "C" {
#endif

/* The year in which a regular session of a functional commission was held,
 * from its number as printed ("twenty-sixth session", "26th session",
 * "fifty-fifth", or a resolution number "55/12" whose first part it is): the CCPCJ's session N met
 * in 1991 + N (first session 1992), the CND's in 1957 + N (fifty-fifth session 2012; reconvened
 * sessions meet in December of the same year). 0 when the body is not one
 * of those two or the number cannot be read. */
int session_year(const char *body, const char *session);

/* The number of a session as printed in words or digits; 0 when none. */
int session_number(const char *session);

#ifdef __cplusplus
}
#endif

#endif
