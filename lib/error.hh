/* error.hh - the one error currency inside the library (private).
 *
 * Inside the wall (guarded(), db-private.hh) a failure either returns its
 * status with a message kept on the handle (db_fail) or, from code that
 * returns something else, throws a resdex::Error. Xapian's exceptions and
 * std::bad_alloc are left to fly; at the wall, status_of_exception() turns
 * whatever was thrown into a status and a message by its type. Our code
 * throws nothing else: no strings, no Xapian exceptions of its own making,
 * no std::bad_alloc for a C function's failure. */
#ifndef RESDEX_ERROR_HH
#define RESDEX_ERROR_HH

#include "resdex.h"

#include <string>

namespace resdex
{

struct Error {
    resdex_status_t status;
    std::string message;
};

/* A C function that allocates failed while `doing` something ("building the
 * results"): OUT_OF_MEMORY, "out of memory building the results". */
[[noreturn]] void out_of_memory(const char *doing);

} // namespace resdex

/* Keep a message on the handle (db may be NULL) and return st. Throws
 * std::bad_alloc: call it inside the wall. */
resdex_status_t db_fail(resdex_db_t *db, resdex_status_t st, const std::string &message);

/* The status of the exception being handled (call it only from a catch
 * block), its message kept on db when db is not NULL: the rethrow idiom,
 * one catch clause per type. When even the message cannot be built, the
 * message is the status's own description. */
resdex_status_t status_of_exception(resdex_db_t *db) noexcept;

#endif
