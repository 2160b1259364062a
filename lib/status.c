/* status.c - status descriptions and the library version. */
#include "resdex.h"

#define STR2(x) #x
#define STR(x)  STR2(x)

const char *
resdex_version(void)
{
    return STR(RESDEX_VERSION_MAJOR) "." STR(RESDEX_VERSION_MINOR) "." STR(RESDEX_VERSION_PATCH);
}

const char *
resdex_status_to_string(resdex_status_t status)
{
    switch (status) {
    case RESDEX_STATUS_SUCCESS:
        return "success";
    case RESDEX_STATUS_OUT_OF_MEMORY:
        return "out of memory";
    case RESDEX_STATUS_FILE_ERROR:
        return "file cannot be read";
    case RESDEX_STATUS_BINARY_INPUT:
        return "binary input, not text";
    case RESDEX_STATUS_BAD_UTF8:
        return "invalid UTF-8";
    case RESDEX_STATUS_TOO_LARGE:
        return "input too large";
    case RESDEX_STATUS_BAD_GZIP:
        return "truncated or corrupt gzip data";
    case RESDEX_STATUS_BAD_XML:
        return "malformed XML";
    case RESDEX_STATUS_NO_RESOLUTION:
        return "no resolution found";
    case RESDEX_STATUS_DB_OPENING:
        return "index cannot be opened";
    case RESDEX_STATUS_DB_LOCKED:
        return "index is locked by another writer";
    case RESDEX_STATUS_DB_MODIFIED:
        return "index was modified during the read";
    case RESDEX_STATUS_DB_CORRUPT:
        return "index is corrupt";
    case RESDEX_STATUS_XAPIAN_ERROR:
        return "Xapian error";
    case RESDEX_STATUS_CORRUPT_RECORD:
        return "corrupt stored record";
    case RESDEX_STATUS_BAD_QUERY:
        return "bad query";
    case RESDEX_STATUS_BAD_ARGUMENT:
        return "bad argument";
    case RESDEX_STATUS_NOT_FOUND:
        return "not found";
    case RESDEX_STATUS_INTERNAL_ERROR:
        return "internal error";
    case RESDEX_STATUS_DB_READ_ONLY:
        return "index cannot be written (read-only or no permission)";
    case RESDEX_STATUS_BAD_DOCUMENT:
        return "unreadable PDF, Word file or zip archive";
    case RESDEX_STATUS_LAST_STATUS:
        break;
    }
    return "unknown status";
}
