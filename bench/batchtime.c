/* batchtime.c - per-query latency of a batch searcher, measured from outside.
 *
 *   batchtime [--warmup N] [--out FILE] QUERIES -- COMMAND [ARG...]
 *
 * Starts COMMAND with pipes on its standard input and output, and feeds it
 * the queries of QUERIES one line at a time, in lock step: write a query,
 * wait for its one-line answer, write the next. The time from writing a
 * query to reading the end of its answer is that query's latency; it holds
 * the same pipe round trip for every competitor, so the ratios stay fair.
 * The first N queries (--warmup, default 0) are sent once before the
 * measured pass, to warm the caches of the process.
 *
 * Prints one line: n, mean, p50, p90, p99 and max in microseconds, the
 * answers with no hit ("hits":[]) and those with an "error", and the peak
 * RSS of COMMAND in KiB; --out writes every latency (one per line, in query
 * order). A COMMAND that does not answer within 60 s (or that buffers its
 * output) is killed and batchtime exits 3. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static pid_t child;
static int to_child = -1, from_child = -1;

/* The answer being read: kept to look for "hits":[] and "error". */
static char *answer;
static size_t answer_len, answer_cap;
static char rbuf[65536];
static size_t rbuf_pos, rbuf_len;

static double
now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static void
fail(const char *msg)
{
    fprintf(stderr, "batchtime: %s\n", msg);
    if (child > 0)
        kill(child, SIGKILL);
    exit(3);
}

/* Read one line of answer into `answer` (without its newline). */
static void
read_answer(void)
{
    answer_len = 0;
    for (;;) {
        if (rbuf_pos == rbuf_len) {
            struct pollfd pfd = {from_child, POLLIN, 0};
            int r = poll(&pfd, 1, 60000);
            if (r == 0)
                fail("no answer within 60 s: does the command flush after each answer?");
            if (r < 0 && errno == EINTR)
                continue;
            ssize_t n = read(from_child, rbuf, sizeof rbuf);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                fail("the command closed its output (crashed or exited) before answering");
            rbuf_pos = 0;
            rbuf_len = (size_t)n;
        }
        char *nl = memchr(rbuf + rbuf_pos, '\n', rbuf_len - rbuf_pos);
        size_t take = nl ? (size_t)(nl - (rbuf + rbuf_pos)) : rbuf_len - rbuf_pos;
        if (answer_len + take + 1 > answer_cap) {
            answer_cap = (answer_len + take + 1) * 2;
            answer = realloc(answer, answer_cap);
            if (!answer)
                fail("out of memory");
        }
        memcpy(answer + answer_len, rbuf + rbuf_pos, take);
        answer_len += take;
        answer[answer_len] = '\0';
        rbuf_pos += take + (nl ? 1 : 0);
        if (nl)
            return;
    }
}

static void
send_query(const char *q, size_t len)
{
    while (len > 0) {
        ssize_t n = write(to_child, q, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            fail("cannot write to the command (it exited?)");
        q += n;
        len -= (size_t)n;
    }
}

static int
cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double
percentile(const double *sorted, size_t n, double p)
{
    size_t i = (size_t)(p * (double)(n - 1) + 0.5);
    return sorted[i < n ? i : n - 1];
}

int
main(int argc, char **argv)
{
    size_t warmup = 0;
    const char *out_path = NULL, *queries_path = NULL;
    int i = 1;
    for (; i < argc && strcmp(argv[i], "--"); i++) {
        if (!strcmp(argv[i], "--warmup") && i + 1 < argc)
            warmup = strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--out") && i + 1 < argc)
            out_path = argv[++i];
        else
            queries_path = argv[i];
    }
    if (!queries_path || i + 1 >= argc) {
        fprintf(stderr, "usage: batchtime [--warmup N] [--out FILE] QUERIES -- COMMAND [ARG...]\n");
        return 2;
    }
    char **cmd = argv + i + 1;

    /* The queries, each with its newline. */
    FILE *qf = fopen(queries_path, "r");
    if (!qf) {
        perror(queries_path);
        return 2;
    }
    char **queries = NULL;
    size_t nq = 0, capq = 0;
    char *line = NULL;
    size_t linecap = 0;
    while (getline(&line, &linecap, qf) > 0) {
        if (line[0] == '\n')
            continue;
        if (nq == capq) {
            capq = capq ? capq * 2 : 1024;
            queries = realloc(queries, capq * sizeof *queries);
            if (!queries)
                return 2;
        }
        queries[nq++] = strdup(line);
    }
    free(line);
    fclose(qf);
    if (nq == 0) {
        fprintf(stderr, "batchtime: no queries in %s\n", queries_path);
        return 2;
    }

    int in_pipe[2], out_pipe[2];
    if (pipe(in_pipe) != 0 || pipe(out_pipe) != 0) {
        perror("pipe");
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    child = fork();
    if (child < 0) {
        perror("fork");
        return 2;
    }
    if (child == 0) {
        dup2(in_pipe[0], 0);
        dup2(out_pipe[1], 1);
        close(in_pipe[0]);
        close(in_pipe[1]);
        close(out_pipe[0]);
        close(out_pipe[1]);
        execvp(cmd[0], cmd);
        fprintf(stderr, "batchtime: cannot run %s: %s\n", cmd[0], strerror(errno));
        _exit(127);
    }
    close(in_pipe[0]);
    close(out_pipe[1]);
    to_child = in_pipe[1];
    from_child = out_pipe[0];

    for (size_t k = 0; k < warmup && k < nq; k++) {
        send_query(queries[k], strlen(queries[k]));
        read_answer();
    }
    double *lat = malloc(nq * sizeof *lat);
    if (!lat)
        return 2;
    size_t empty = 0, errors = 0;
    for (size_t k = 0; k < nq; k++) {
        double t0 = now_us();
        send_query(queries[k], strlen(queries[k]));
        read_answer();
        lat[k] = now_us() - t0;
        if (strstr(answer, "\"hits\":[]") || strstr(answer, "\"hits\": []"))
            empty++;
        if (strstr(answer, "\"error\""))
            errors++;
    }
    close(to_child);
    int status = 0;
    waitpid(child, &status, 0);
    struct rusage ru;
    getrusage(RUSAGE_CHILDREN, &ru);

    if (out_path) {
        FILE *f = fopen(out_path, "w");
        if (f) {
            for (size_t k = 0; k < nq; k++)
                fprintf(f, "%.1f\n", lat[k]);
            fclose(f);
        }
    }
    double sum = 0;
    for (size_t k = 0; k < nq; k++)
        sum += lat[k];
    qsort(lat, nq, sizeof *lat, cmp_double);
    printf("n=%zu mean_us=%.1f p50_us=%.1f p90_us=%.1f p99_us=%.1f max_us=%.1f empty=%zu "
           "errors=%zu rss_kb=%ld\n",
           nq, sum / (double)nq, percentile(lat, nq, 0.50), percentile(lat, nq, 0.90),
           percentile(lat, nq, 0.99), lat[nq - 1], empty, errors, ru.ru_maxrss);
    for (size_t k = 0; k < nq; k++)
        free(queries[k]);
    free(queries);
    free(lat);
    free(answer);
    return WIFEXITED(status) && WEXITSTATUS(status) <= 1 ? 0 : 1;
}
