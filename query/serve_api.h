/* serve_api.h - resdex serve's requests and answers, without sockets: one
 * request (method, path, decoded arguments, body) in, one response (status,
 * type, body) out. The HTTP glue (cmd_serve.c) and the fuzz target
 * (fuzz/fuzz_serve.c) both call serve_handle(), so that everything a client
 * can send reaches the same code.
 *
 * The API answers JSON (DESIGN.md 5b): its hits are described by
 * describe.h, the code that prints resdex search --json, so a field added
 * to a hit there appears here too; /api/fields lists the query language's
 * fields from the library's schema. Errors are {"error": message} (and
 * "position" for a bad query) with 400, 404, 405, 413, 501 or 503. Any other
 * path is a file of the page (serve_assets.h) or 404. Nothing writes. */
#ifndef RESDEX_QUERY_SERVE_API_H
#define RESDEX_QUERY_SERVE_API_H

#include <stddef.h>

/* Largest request body accepted (POST /api/similar, /api/check): 413 above. */
#define SERVE_MAX_BODY (1024u * 1024u)

typedef struct serve_arg {
    const char *name, *value; /* decoded, NUL-terminated; value "" when absent */
} serve_arg_t;

typedef struct serve_request {
    const char *method; /* "GET", "POST", ... */
    const char *path;   /* "/api/search": without the query string, decoded */
    const serve_arg_t *args;
    size_t n_args;
    const char *body; /* NUL-terminated (NULL: none); body_len bytes before the NUL */
    size_t body_len;
    int body_too_large; /* the body went over SERVE_MAX_BODY and was dropped */
} serve_request_t;

typedef struct serve_response {
    unsigned status;
    const char *type; /* static: "application/json", "text/html; charset=utf-8", ... */
    char *body;       /* malloc()ed when owned, else static (see owned) */
    size_t len;
    int owned;
    int cache;         /* a file of the page (may be cached), not an API answer */
    const char *allow; /* 405: the methods the path takes (static) */
} serve_response_t;

typedef struct serve_api serve_api_t;

/* The API over the index at db_path (copied), with n_readers read handles
 * (0 is 1): as many requests are answered at once, each on its own handle,
 * and a request beyond waits for a handle to be free. A handle is opened
 * read-only at the first request that takes it and again after it could
 * not be (503 meanwhile). NULL when out of memory. */
serve_api_t *serve_api_new(const char *db_path, size_t n_readers);

/* Close the index's handles and free the API (NULL is fine), once no
 * request is being answered. */
void serve_api_destroy(serve_api_t *api);

/* Answer one request into *resp (OUT; free it with serve_response_free).
 * Any thread may call it, several at once. Before each API request its
 * handle moves to the index's latest commit, so that resdexd's changes are
 * seen without a restart. Never fails: out of memory is a 503 with a
 * static body. */
void serve_handle(serve_api_t *api, const serve_request_t *req, serve_response_t *resp);

void serve_response_free(serve_response_t *resp);

#endif
