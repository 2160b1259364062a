/* cmd_serve.c - resdex serve: the page for delegates and the HTTP JSON API
 * over libmicrohttpd. This file is the HTTP glue only (the listening socket,
 * limits, headers, the access log, signals); what each request gets is
 * serve_api.c's. A pool of threads (libmicrohttpd's) answers the requests,
 * each request on a read handle of its own (serve_api.c). */
#include "commands.h"
#include "opts.h"
#include "serve_api.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_LISTEN  "127.0.0.1:8340"
#define MAX_ARGS        64
#define MAX_CONNECTIONS 256
#define MAX_THREADS     64

static const char *listen_opt = DEFAULT_LISTEN, *access_log_opt;
static unsigned threads_opt;      /* 0: one per CPU */
static unsigned per_ip_opt = 64;  /* connections from one address (0: no limit) */
static unsigned idle_opt = 15;    /* a client silent this long is cut off */
static unsigned request_opt = 30; /* and one slower to send a request and read the answer */

static const opt_desc_t serve_options[] = {
    {.name = "listen",
     .string = &listen_opt,
     .metavar = "HOST:PORT",
     .missing = "an address: HOST:PORT",
     .help = "the address to answer on (default " DEFAULT_LISTEN ", this machine\n"
             "only); [::1]:PORT for IPv6, port 0 for any free port"},
    {.name = "access-log",
     .string = &access_log_opt,
     .metavar = "FILE",
     .missing = "a file (or - for standard output)",
     .help = "append a line per request to FILE (- for standard output), in\n"
             "the common log format"},
    {.name = "threads",
     .whole = &threads_opt,
     .min = 1,
     .max = MAX_THREADS,
     .metavar = "N",
     .help = "answer N requests at once, each on its own read handle\n"
             "(default: one per CPU)"},
    {.name = "per-ip",
     .whole = &per_ip_opt,
     .max = MAX_CONNECTIONS,
     .metavar = "N",
     .help = "at most N connections open from one address (default 64; 0: no\n"
             "limit, behind a proxy that limits them)"},
    {.name = "idle-timeout",
     .whole = &idle_opt,
     .min = 1,
     .max = 3600,
     .metavar = "SECONDS",
     .help = "cut off a client silent this long (default 15)"},
    {.name = "request-timeout",
     .whole = &request_opt,
     .min = 1,
     .max = 3600,
     .metavar = "SECONDS",
     .help = "cut off a client that takes longer to send its request and\n"
             "read the answer, however steadily it trickles (default 30)"},
    {.name = NULL},
};

/* One request being received. */
typedef struct conn {
    char *uri;        /* as sent, for the log */
    char request[24]; /* "GET", "HTTP/1.1": the log's request line */
    char version[12];
    char *body;
    size_t len;
    int started, too_large;
    unsigned status;
    size_t length; /* of the answer's body (0 for HEAD) */
    size_t bytes;  /* of it sent, as far as known (see body_read) */
} conn_t;

/* An answer being sent, a block at a time: libmicrohttpd asks for the
 * next block once the last is written, at the position written so far,
 * which is thus known (to within a block) when a client is cut off. */
#define BODY_BLOCK (16u * 1024u)
typedef struct body {
    serve_response_t resp;
    size_t *sent; /* the request's conn_t bytes: read only while it is sent */
} body_t;

static ssize_t
body_read(void *cls, uint64_t pos, char *buf, size_t max)
{
    body_t *b = cls;
    *b->sent = (size_t)pos;
    if (pos >= b->resp.len)
        return MHD_CONTENT_READER_END_OF_STREAM;
    size_t n = b->resp.len - (size_t)pos < max ? b->resp.len - (size_t)pos : max;
    memcpy(buf, b->resp.body + pos, n);
    return (ssize_t)n;
}

static void
body_free(void *cls)
{
    body_t *b = cls;
    serve_response_free(&b->resp);
    free(b);
}

/* The request deadline. The idle timeout (libmicrohttpd's) cuts off a
 * client silent too long, but not one that trickles its request a byte at
 * a time, each byte within it, nor one that reads its answer a byte at a
 * time. Each connection has a deadline by which its request (the line, the
 * headers and the body) must have arrived and its answer must have been
 * taken: request_opt seconds of the client's time, from when the
 * connection was accepted, or for the next request on a kept-alive
 * connection from when the last answer was sent. The clock stops while the
 * server works out the answer (a slow search is not the client's fault)
 * and runs again once the answer is queued. A thread of its own shuts the
 * socket of a connection past its deadline down, and libmicrohttpd,
 * reading the end of the stream or failing to write, closes it. */
typedef struct watch {
    struct watch *prev, *next;
    int fd;
    int armed, cut; /* cut: by the watchdog, past its deadline */
    struct timespec deadline;
    struct timespec left; /* while the clock is stopped: the time left */
} watch_t;

typedef struct watchdog {
    pthread_mutex_t lock;
    pthread_cond_t wake; /* on CLOCK_MONOTONIC */
    watch_t list;        /* the connections open: a ring, list the sentinel */
    unsigned armed;      /* how many have a deadline */
    int stop;
} watchdog_t;

static void
watch_arm(watchdog_t *w, watch_t *c)
{
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    deadline.tv_sec += (time_t)request_opt;
    pthread_mutex_lock(&w->lock);
    c->deadline = deadline;
    if (!c->armed) {
        c->armed = 1;
        /* Any other deadline is earlier: the thread need only be woken
         * when it waits for none. */
        if (w->armed++ == 0)
            pthread_cond_signal(&w->wake);
    }
    pthread_mutex_unlock(&w->lock);
}

static int
before(const struct timespec *a, const struct timespec *b)
{
    return a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

/* Stop the clock: the time left is kept for watch_resume. */
static void
watch_pause(watchdog_t *w, watch_t *c)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    pthread_mutex_lock(&w->lock);
    if (c->armed) {
        c->armed = 0;
        w->armed--;
        c->left.tv_sec = c->deadline.tv_sec - now.tv_sec;
        c->left.tv_nsec = c->deadline.tv_nsec - now.tv_nsec;
        if (c->left.tv_nsec < 0) {
            c->left.tv_nsec += 1000000000L;
            c->left.tv_sec--;
        }
        if (c->left.tv_sec < 0)
            c->left.tv_sec = c->left.tv_nsec = 0;
    }
    pthread_mutex_unlock(&w->lock);
}

/* Run the clock again, with the time left when it was stopped. */
static void
watch_resume(watchdog_t *w, watch_t *c)
{
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    pthread_mutex_lock(&w->lock);
    if (!c->armed && !c->cut) {
        deadline.tv_sec += c->left.tv_sec;
        deadline.tv_nsec += c->left.tv_nsec;
        if (deadline.tv_nsec >= 1000000000L) {
            deadline.tv_nsec -= 1000000000L;
            deadline.tv_sec++;
        }
        c->deadline = deadline;
        c->armed = 1;
        /* The watchdog may be waiting for a later deadline, or none. */
        w->armed++;
        pthread_cond_signal(&w->wake);
    }
    pthread_mutex_unlock(&w->lock);
}

static void *
watchdog_run(void *cls)
{
    watchdog_t *w = cls;
    pthread_mutex_lock(&w->lock);
    while (!w->stop) {
        struct timespec now, next = {0, 0};
        clock_gettime(CLOCK_MONOTONIC, &now);
        for (watch_t *c = w->list.next; c != &w->list; c = c->next) {
            if (!c->armed)
                continue;
            if (!before(&now, &c->deadline)) {
                /* Not closed here: the socket is libmicrohttpd's, and it
                 * is still open while the connection is on the list. When
                 * it is closed, it is reset: what is left of the answer
                 * in the kernel's buffer is dropped, not kept for a client
                 * that takes it a byte at a time. */
                struct linger reset = {.l_onoff = 1, .l_linger = 0};
                setsockopt(c->fd, SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
                shutdown(c->fd, SHUT_RDWR);
                c->cut = 1;
                c->armed = 0;
                w->armed--;
            } else if (!next.tv_sec || before(&c->deadline, &next)) {
                next = c->deadline;
            }
        }
        if (next.tv_sec)
            pthread_cond_timedwait(&w->wake, &w->lock, &next);
        else
            pthread_cond_wait(&w->wake, &w->lock);
    }
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

/* MHD_OPTION_NOTIFY_CONNECTION: a connection accepted (its deadline set)
 * or closed (off the list, before libmicrohttpd closes its socket). */
static void
notify_connection(void *cls, struct MHD_Connection *c, void **socket_context,
                  enum MHD_ConnectionNotificationCode code)
{
    watchdog_t *w = cls;
    watch_t *wc = *socket_context;
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *ci =
            MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
        if (!ci || !(wc = calloc(1, sizeof *wc)))
            return; /* no deadline: the idle timeout still holds */
        wc->fd = ci->connect_fd;
        pthread_mutex_lock(&w->lock);
        wc->next = w->list.next;
        wc->prev = &w->list;
        w->list.next->prev = wc;
        w->list.next = wc;
        pthread_mutex_unlock(&w->lock);
        *socket_context = wc;
        watch_arm(w, wc);
    } else if (code == MHD_CONNECTION_NOTIFY_CLOSED && wc) {
        pthread_mutex_lock(&w->lock);
        wc->prev->next = wc->next;
        wc->next->prev = wc->prev;
        if (wc->armed)
            w->armed--;
        pthread_mutex_unlock(&w->lock);
        free(wc);
        *socket_context = NULL;
    }
}

/* Was the connection cut off past its deadline? */
static int
watch_cut(watchdog_t *w, watch_t *c)
{
    pthread_mutex_lock(&w->lock);
    int cut = c->cut;
    pthread_mutex_unlock(&w->lock);
    return cut;
}

static int
watchdog_start(watchdog_t *w, pthread_t *thread)
{
    pthread_condattr_t attr;
    w->list.next = w->list.prev = &w->list;
    w->armed = 0;
    w->stop = 0;
    if (pthread_mutex_init(&w->lock, NULL) != 0)
        return -1;
    if (pthread_condattr_init(&attr) != 0 ||
        pthread_condattr_setclock(&attr, CLOCK_MONOTONIC) != 0 ||
        pthread_cond_init(&w->wake, &attr) != 0) {
        pthread_mutex_destroy(&w->lock);
        return -1;
    }
    pthread_condattr_destroy(&attr);
    if (pthread_create(thread, NULL, watchdog_run, w) != 0) {
        pthread_cond_destroy(&w->wake);
        pthread_mutex_destroy(&w->lock);
        return -1;
    }
    return 0;
}

/* After the server has stopped (every connection closed). */
static void
watchdog_stop(watchdog_t *w, pthread_t thread)
{
    pthread_mutex_lock(&w->lock);
    w->stop = 1;
    pthread_cond_signal(&w->wake);
    pthread_mutex_unlock(&w->lock);
    pthread_join(thread, NULL);
    pthread_cond_destroy(&w->wake);
    pthread_mutex_destroy(&w->lock);
}

/* The connection's entry on the watchdog's list, or NULL. */
static watch_t *
watch_of(struct MHD_Connection *c)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return ci ? ci->socket_context : NULL;
}

typedef struct server {
    serve_api_t *api;
    FILE *log; /* written by every thread, a line at a time */
    watchdog_t watchdog;
} server_t;

static void *
uri_logger(void *cls, const char *uri, struct MHD_Connection *c)
{
    (void)cls;
    (void)c;
    conn_t *conn = calloc(1, sizeof *conn);
    if (conn)
        conn->uri = strdup(uri);
    return conn;
}

typedef struct args {
    serve_arg_t v[MAX_ARGS];
    size_t n;
} args_t;

static enum MHD_Result
collect_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void)kind;
    args_t *a = cls;
    if (a->n == MAX_ARGS)
        return MHD_NO;
    a->v[a->n].name = key;
    a->v[a->n].value = value ? value : "";
    a->n++;
    return MHD_YES;
}

/* The headers of every answer: what it is, that it must not be sniffed,
 * framed or run with inline script. */
static void
add_headers(struct MHD_Response *r, const serve_response_t *resp)
{
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, resp->type);
    MHD_add_response_header(r, "Content-Security-Policy",
                            "default-src 'none'; script-src 'self'; style-src 'self'; "
                            "connect-src 'self'; img-src 'self' data:; font-src 'self'; "
                            "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL,
                            resp->cache ? "no-cache" : "no-store");
    if (resp->allow)
        MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, resp->allow);
}

static enum MHD_Result
answer(void *cls, struct MHD_Connection *c, const char *url, const char *method,
       const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
    server_t *s = cls;
    conn_t *conn = *con_cls;
    if (!conn)
        return MHD_NO; /* out of memory: drop the connection */
    if (*upload_size > 0) {
        if (!conn->too_large && conn->len + *upload_size <= SERVE_MAX_BODY) {
            char *p = realloc(conn->body, conn->len + *upload_size + 1);
            if (!p)
                return MHD_NO;
            memcpy(p + conn->len, upload, *upload_size);
            conn->body = p;
            conn->len += *upload_size;
            conn->body[conn->len] = '\0';
        } else {
            conn->too_large = 1; /* read on and drop, then 413 */
            free(conn->body);
            conn->body = NULL;
            conn->len = 0;
        }
        *upload_size = 0;
        return MHD_YES;
    }
    if (!conn->started) {
        snprintf(conn->request, sizeof conn->request, "%s", method);
        snprintf(conn->version, sizeof conn->version, "%s", version);
        /* The first call, on the headers: the body (if any) comes next,
         * unless it is announced too large, which is answered now and
         * never read. */
        conn->started = 1;
        const char *length = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
        if (!length || strtoull(length, NULL, 10) <= SERVE_MAX_BODY)
            return MHD_YES;
        conn->too_large = 1;
    }
    /* The request has arrived whole: the clock stops while it is
     * answered, and runs again while the answer is sent. */
    watch_t *wc = watch_of(c);
    if (wc)
        watch_pause(&s->watchdog, wc);
    args_t a = {.n = 0};
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect_arg, &a);
    serve_request_t req = {.method = method,
                           .path = url,
                           .args = a.v,
                           .n_args = a.n,
                           .body = conn->body,
                           .body_len = conn->len,
                           .body_too_large = conn->too_large};
    body_t *b = malloc(sizeof *b);
    if (!b)
        return MHD_NO;
    serve_handle(s->api, &req, &b->resp);
    b->sent = &conn->bytes;
    struct MHD_Response *r =
        MHD_create_response_from_callback(b->resp.len, BODY_BLOCK, body_read, b, body_free);
    if (!r) {
        body_free(b);
        return MHD_NO;
    }
    add_headers(r, &b->resp);
    conn->status = b->resp.status;
    conn->length = strcmp(method, "HEAD") == 0 ? 0 : b->resp.len;
    enum MHD_Result rc = MHD_queue_response(c, conn->status, r);
    MHD_destroy_response(r);
    if (wc)
        watch_resume(&s->watchdog, wc);
    return rc;
}

/* The common log format: host - - [date] "request" status bytes. */
static void
log_request(FILE *log, struct MHD_Connection *c, const conn_t *conn)
{
    char host[INET6_ADDRSTRLEN] = "-";
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (ci && ci->client_addr) {
        const struct sockaddr *sa = ci->client_addr;
        if (sa->sa_family == AF_INET)
            inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, host, sizeof host);
        else if (sa->sa_family == AF_INET6)
            inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, host, sizeof host);
    }
    char date[64];
    time_t now = time(NULL);
    struct tm tm;
    strftime(date, sizeof date, "%d/%b/%Y:%H:%M:%S %z", localtime_r(&now, &tm));
    /* The request line as sent, its quotes and controls escaped; the
     * line whole, whichever threads log at once. */
    flockfile(log);
    fprintf(log, "%s - - [%s] \"%s ", host, date, conn->request);
    for (const unsigned char *p = (const unsigned char *)(conn->uri ? conn->uri : "-"); *p; p++)
        if (*p < 0x20 || *p == '"' || *p == '\\' || *p >= 0x7f)
            fprintf(log, "\\x%02x", *p);
        else
            fputc(*p, log);
    fprintf(log, " %s\" %u %zu\n", conn->version, conn->status ? conn->status : 500, conn->bytes);
    fflush(log);
    funlockfile(log);
}

static void
completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode t)
{
    server_t *s = cls;
    conn_t *conn = *con_cls;
    /* The next request on this connection (kept alive) has its deadline
     * from now. */
    watch_t *wc = watch_of(c);
    if (!conn) {
        if (wc)
            watch_arm(&s->watchdog, wc);
        return;
    }
    if (wc && watch_cut(&s->watchdog, wc)) {
        /* Cut off: before its answer, status 408; while taking it, the
         * status sent and the bytes sent. */
        if (!conn->status)
            conn->status = MHD_HTTP_REQUEST_TIMEOUT;
    } else {
        if (t == MHD_REQUEST_TERMINATED_COMPLETED_OK)
            conn->bytes = conn->length;
        if (wc)
            watch_arm(&s->watchdog, wc);
    }
    if (s->log)
        log_request(s->log, c, conn);
    free(conn->uri);
    free(conn->body);
    free(conn);
    *con_cls = NULL;
}

/* A listening socket on HOST:PORT ("[::1]:PORT" for IPv6). Returns the
 * descriptor, or -1 after a message. */
static int
listen_on(const char *spec, char *shown, size_t shown_size)
{
    char host[256];
    const char *colon = strrchr(spec, ':');
    const char *h = spec;
    size_t hl = colon ? (size_t)(colon - spec) : 0;
    if (hl >= 2 && spec[0] == '[' && spec[hl - 1] == ']') {
        h = spec + 1;
        hl -= 2;
    }
    if (!colon || !hl || hl >= sizeof host || !colon[1] ||
        strspn(colon + 1, "0123456789") != strlen(colon + 1) || atol(colon + 1) > 65535) {
        fprintf(stderr, "resdex serve: --listen '%s' is not HOST:PORT (e.g. 127.0.0.1:8340)\n",
                spec);
        return -1;
    }
    memcpy(host, h, hl);
    host[hl] = '\0';
    struct addrinfo hints = {.ai_family = AF_UNSPEC,
                             .ai_socktype = SOCK_STREAM,
                             .ai_flags = AI_PASSIVE | AI_NUMERICSERV};
    struct addrinfo *ai = NULL;
    int rc = getaddrinfo(host, colon + 1, &hints, &ai);
    if (rc != 0) {
        fprintf(stderr, "resdex serve: --listen %s: %s\n", spec, gai_strerror(rc));
        return -1;
    }
    int fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
    int one = 1;
    if (fd >= 0)
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    /* A test's hook (tests/web/limits.sh): RESDEX_TEST_SNDBUF=BYTES makes
     * the send buffer of every connection small (accepted sockets inherit
     * it), so that a client reading slowly on loopback is not hidden by
     * the kernel taking the whole answer at once. */
    const char *sndbuf = getenv("RESDEX_TEST_SNDBUF");
    int bytes = sndbuf ? atoi(sndbuf) : 0;
    if (fd >= 0 && bytes > 0)
        setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &bytes, sizeof bytes);
    if (fd < 0 || bind(fd, ai->ai_addr, ai->ai_addrlen) != 0 || listen(fd, 64) != 0) {
        fprintf(stderr, "resdex serve: cannot listen on %s: %s\n", spec, strerror(errno));
        if (fd >= 0)
            close(fd);
        freeaddrinfo(ai);
        return -1;
    }
    freeaddrinfo(ai);
    /* The port chosen when 0 was asked for. */
    struct sockaddr_storage ss;
    socklen_t sl = sizeof ss;
    char addr[INET6_ADDRSTRLEN] = "?";
    unsigned port = 0;
    if (getsockname(fd, (struct sockaddr *)&ss, &sl) == 0) {
        if (ss.ss_family == AF_INET6) {
            const struct sockaddr_in6 *s6 = (const struct sockaddr_in6 *)&ss;
            inet_ntop(AF_INET6, &s6->sin6_addr, addr, sizeof addr);
            port = ntohs(s6->sin6_port);
        } else {
            const struct sockaddr_in *s4 = (const struct sockaddr_in *)&ss;
            inet_ntop(AF_INET, &s4->sin_addr, addr, sizeof addr);
            port = ntohs(s4->sin_port);
        }
    }
    snprintf(shown, shown_size, ss.ss_family == AF_INET6 ? "http://[%s]:%u/" : "http://%s:%u/",
             addr, port);
    int loopback =
        strcmp(host, "localhost") == 0 || strncmp(addr, "127.", 4) == 0 || strcmp(addr, "::1") == 0;
    if (!loopback)
        fprintf(stderr,
                "resdex serve: warning: answering every machine that reaches %s "
                "(read-only, without authentication)\n",
                spec);
    return fd;
}

static int
run_serve(const global_options_t *g, char **words, int n_words)
{
    if (n_words > 0) {
        fprintf(stderr,
                "resdex serve: unexpected '%s' (usage: resdex serve [--listen HOST:PORT])\n",
                words[0]);
        return EXIT_ERROR;
    }
    int status = EXIT_ERROR, fd = -1;
    server_t s = {.api = NULL, .log = NULL};
    struct MHD_Daemon *d = NULL;
    pthread_t watchdog;
    int watching = 0;
    char *path = resolve_db_path(g->db_path);
    char url[128];
    if (!path) {
        fprintf(stderr, "resdex serve: no index location: use --db DIR or set RESDEX_DB\n");
        goto DONE;
    }
    if (access_log_opt) {
        s.log = strcmp(access_log_opt, "-") == 0 ? stdout : fopen(access_log_opt, "a");
        if (!s.log) {
            fprintf(stderr, "resdex serve: cannot open the access log %s: %s\n", access_log_opt,
                    strerror(errno));
            goto DONE;
        }
    }
    unsigned threads = threads_opt;
    if (!threads) {
        long cpus = sysconf(_SC_NPROCESSORS_ONLN);
        threads = cpus < 1 ? 1 : cpus > MAX_THREADS ? MAX_THREADS : (unsigned)cpus;
    }
    if (!(s.api = serve_api_new(path, threads))) {
        fprintf(stderr, "resdex serve: out of memory\n");
        goto DONE;
    }
    if ((fd = listen_on(listen_opt, url, sizeof url)) < 0)
        goto DONE;
    /* The signals are taken by sigwait below, in this thread only: block
     * them before the server's thread starts (it inherits the mask). */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);
    if (watchdog_start(&s.watchdog, &watchdog) != 0) {
        fprintf(stderr, "resdex serve: cannot start the thread that times requests\n");
        goto DONE;
    }
    watching = 1;
    /* One read handle per thread (serve_api_new above): a thread never
     * waits for another's. A pool of one is no pool for libmicrohttpd. */
    struct MHD_OptionItem pool[] = {
        {threads > 1 ? MHD_OPTION_THREAD_POOL_SIZE : MHD_OPTION_END, threads, NULL},
        {MHD_OPTION_END, 0, NULL}};
    d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO, 0, NULL, NULL, answer, &s,
                         MHD_OPTION_LISTEN_SOCKET, fd, MHD_OPTION_CONNECTION_LIMIT,
                         (unsigned)MAX_CONNECTIONS, MHD_OPTION_PER_IP_CONNECTION_LIMIT, per_ip_opt,
                         MHD_OPTION_CONNECTION_TIMEOUT, idle_opt, MHD_OPTION_URI_LOG_CALLBACK,
                         uri_logger, &s, MHD_OPTION_NOTIFY_COMPLETED, completed, &s,
                         MHD_OPTION_NOTIFY_CONNECTION, notify_connection, &s.watchdog,
                         MHD_OPTION_ARRAY, pool, MHD_OPTION_END);
    if (!d) {
        fprintf(stderr, "resdex serve: cannot start the HTTP server on %s\n", listen_opt);
        goto DONE;
    }
    fd = -1; /* the server's now: MHD_stop_daemon closes it */
    fprintf(stderr, "resdex serve: the index %s at %s\n", path, url);
    int sig = 0;
    while (sigwait(&stop, &sig) == 0 && sig == SIGHUP)
        ; /* nothing to reload: every request sees the latest commit */
    fprintf(stderr, "resdex serve: stopped by signal %d\n", sig);
    status = EXIT_FOUND;
DONE:
    if (d)
        MHD_stop_daemon(d);
    if (watching)
        watchdog_stop(&s.watchdog, watchdog);
    if (fd >= 0)
        close(fd);
    serve_api_destroy(s.api);
    if (s.log && s.log != stdout)
        fclose(s.log);
    free(path);
    return status;
}

const opts_command_t command_serve = {
    .name = "serve",
    .synopsis = "resdex [--db DIR] serve [--listen HOST:PORT] [--threads N] [OPTION...]",
    .summary = "The page for delegates and the HTTP JSON API (read-only), until SIGTERM.",
    .json_help = "the API answers JSON always; --json changes nothing",
    .notes = "API: GET /api/search?q=..., GET /api/show?id=SYMBOL%23ANCHOR, POST /api/similar,\n"
             "POST /api/check, GET /api/stats, GET /api/fields (see resdex(1)). The page is\n"
             "at /.\n"
             "exit status: 0 stopped by a signal, 2 error\n",
    .options = serve_options,
    .run = run_serve,
};
