/* fuzz_serve.c - libFuzzer target: resdex serve's request handler
 * (query/serve_api.c), without sockets: routing, argument checks, every
 * API's answer and the page's file table, against a small index built once
 * at start. Every answer must be whole: a status from the list the API
 * gives, a type, and for JSON a body that parses as one object (a list
 * for /api/fields).
 *
 * Input: byte 0 chooses the method (bits 0-1: GET, POST, HEAD, PUT) and
 * whether the body was too large (bit 2); then lines: the path, then
 * "name=value" arguments up to an empty line, then the body. */
#include "commands.h"
#include "fuzz-common.h"
#include "serve_api.h"

#include <jansson.h>
#include <unistd.h>

static const char *const texts[] = {
    "Economic and Social Council\n\n"
    "Resolution adopted by the Economic and Social Council on 6 July 2017\n\n"
    "2017/19. Promoting the implementation of alternatives to imprisonment\n\n"
    "The Economic and Social Council,\n\n"
    "Recalling the Tokyo Rules and <script>markup</script> in a text,\xC2\xB9\n\n"
    "1. Encourages Member States to promote alternatives to imprisonment;\n\n"
    "2. Also encourages Member States to share good practices on restorative justice;\n\n"
    "\xC2\xB9 General Assembly resolution 45/110, annex.\n",
};

static char db_dir[256];
static serve_api_t *api;

/* resdex stats (query/cmd_stats.c, linked for describe_index_stats) names
 * these (query/main.c); the handler never calls them. */
struct resdex_db *
open_index(const global_options_t *g, const char *cmd)
{
    (void)g;
    (void)cmd;
    abort();
}
char *
resolve_db_path(const char *from_option)
{
    (void)from_option;
    abort();
}

static void
cleanup(void)
{
    serve_api_destroy(api);
    api = NULL;
    fuzz_rmtree(db_dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_tmpdir("serve", db_dir, sizeof db_dir);
    atexit(cleanup);
    fuzz_index_texts(db_dir, texts, sizeof texts / sizeof texts[0]);
    if (!(api = serve_api_new(db_dir, 1)))
        abort();
    return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const methods[] = {"GET", "POST", "HEAD", "PUT"};
    if (size < 1 || !api)
        return 0;
    char *in = malloc(size);
    if (!in)
        return 0;
    memcpy(in, data + 1, size - 1);
    in[size - 1] = '\0';
    serve_arg_t args[16];
    size_t n_args = 0;
    char *path = in, *p = strchr(in, '\n');
    const char *body = NULL;
    size_t body_len = 0;
    if (p) {
        *p++ = '\0';
        while (p && *p != '\n' && *p) {
            char *end = strchr(p, '\n');
            if (end)
                *end = '\0';
            char *eq = strchr(p, '=');
            if (eq)
                *eq = '\0';
            if (n_args < 16)
                args[n_args++] = (serve_arg_t){p, eq ? eq + 1 : ""};
            p = end ? end + 1 : NULL;
        }
        if (p && *p == '\n') {
            body = p + 1;
            body_len = (size - 1) - (size_t)(body - in);
        }
    }
    serve_request_t req = {.method = methods[data[0] & 3],
                           .path = path,
                           .args = args,
                           .n_args = n_args,
                           .body = body,
                           .body_len = body_len,
                           .body_too_large = (data[0] >> 2) & 1};
    serve_response_t resp;
    serve_handle(api, &req, &resp);
    static const unsigned statuses[] = {200, 400, 404, 405, 413, 414, 500, 501, 503};
    int known = 0;
    for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
        known |= resp.status == statuses[i];
    if (!known || !resp.type || !resp.body || (resp.status == 405) != (resp.allow != NULL))
        abort();
    if (strcmp(resp.type, "application/json") == 0) {
        json_error_t e;
        json_t *v = json_loadb(resp.body, resp.len, 0, &e);
        int whole = json_is_object(v) || (resp.status == 200 && json_is_array(v));
        if (!whole || (resp.status != 200 && !json_object_get(v, "error")))
            abort();
        json_decref(v);
    }
    serve_response_free(&resp);
    free(in);
    return 0;
}
