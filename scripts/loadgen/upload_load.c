/*
 * upload_load.c -- the measuring client of scripts/serve-bench.py: CLIENTS keep-alive
 * connections to HOST:PORT, each sending ROUNDS requests one after the other (a closed loop),
 * all driven by one thread with epoll, so that the client costs little CPU and takes each end
 * time as soon as the answer's last byte is read (no interpreter lock, no scheduler queue of
 * its own between the answer and the clock).
 *
 * The requests are whole HTTP/1.1 requests (head and body), one per file, read into memory
 * before the start; connection i sends, in round r, request (i * ROUNDS + r) mod NREQUESTS.
 * Each file is given as STATUS:PATH, the status its answer must have.
 *
 * Time of one request: CLOCK_MONOTONIC from just before its first byte is written to just
 * after the last byte of its answer is read. Answers are read by Content-Length or chunked
 * transfer encoding.
 *
 * Output (stdout), one line per request, in the order the answers came:
 *     upload CLIENT ROUND REQUEST STATUS NANOSECONDS OFFSET LENGTH
 * where OFFSET and LENGTH place the answer's body (de-chunked) in the file ANSWERS; then
 *     load REQUESTS WALL_NANOSECONDS CPU_USER_MICROSECONDS CPU_SYSTEM_MICROSECONDS
 * (the wall and CPU time of this process from the first write to the last answer).
 * Exit status: 0 when every answer has its expected status; 1 when some do not (all lines
 * are printed first); 2 on a failure of the connection, a malformed answer or a timeout.
 *
 * build:  cc -O2 -Wall -o upload_load upload_load.c
 * usage:  upload_load [-c CLIENTS] [-r ROUNDS] [-t TIMEOUT_S] HOST PORT ANSWERS STATUS:REQUEST_FILE...
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef struct { char *bytes; size_t length; int status; } Request;

typedef struct {
    int fd;
    int round;             /* the round under way */
    const Request *request;
    size_t sent;           /* bytes of the request written */
    uint64_t start;        /* ns: just before its first byte was written */
    char *in;              /* the answer read so far */
    size_t in_length, in_capacity;
    int done;
} Connection;

typedef struct { int client, round, request, status; uint64_t ns; size_t offset, length; } Result;

static void die(const char *format, ...) {
    va_list args;
    va_start(args, format);
    fputs("upload_load: ", stderr);
    vfprintf(stderr, format, args);
    fputc('\n', stderr);
    va_end(args);
    exit(2);
}

static uint64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

static uint64_t cpu_us(struct rusage *u, int system) {
    struct timeval t = system ? u->ru_stime : u->ru_utime;
    return (uint64_t)t.tv_sec * 1000000u + (uint64_t)t.tv_usec;
}

static void *grow(void *p, size_t size) {
    void *q = realloc(p, size);
    if (!q) die("out of memory");
    return q;
}

static Request read_request(const char *argument) {
    Request r;
    char *colon = strchr(argument, ':');
    if (!colon) die("%s: expected STATUS:FILE", argument);
    r.status = atoi(argument);
    const char *path = colon + 1;
    FILE *f = fopen(path, "rb");
    if (!f) die("%s: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fileno(f), &st) != 0) die("%s: %s", path, strerror(errno));
    r.length = (size_t)st.st_size;
    r.bytes = grow(NULL, r.length ? r.length : 1);
    if (fread(r.bytes, 1, r.length, f) != r.length) die("%s: short read", path);
    fclose(f);
    return r;
}

/* Writes what the connection's request still has to send; 0 when all is written. */
static int send_more(Connection *c) {
    while (c->sent < c->request->length) {
        ssize_t n = send(c->fd, c->request->bytes + c->sent, c->request->length - c->sent, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) return 1;
            die("send: %s", strerror(errno));
        }
        c->sent += (size_t)n;
    }
    return 0;
}

static long parse_hex(const char *p, const char *end, const char **after) {
    long value = 0;
    int digits = 0;
    for (; p < end; p++) {
        int d = (*p >= '0' && *p <= '9') ? *p - '0' : (*p >= 'a' && *p <= 'f') ? *p - 'a' + 10
              : (*p >= 'A' && *p <= 'F') ? *p - 'A' + 10 : -1;
        if (d < 0) break;
        value = value * 16 + d;
        digits++;
    }
    *after = p;
    return digits ? value : -1;
}

/* The header `name`'s value in the head [head, end) (case-insensitive name), or NULL. */
static const char *header(const char *head, const char *end, const char *name, size_t *length) {
    size_t n = strlen(name);
    for (const char *line = memchr(head, '\n', (size_t)(end - head)); line && line + 1 < end;
         line = memchr(line + 1, '\n', (size_t)(end - line - 1))) {
        const char *p = line + 1;
        if ((size_t)(end - p) > n && strncasecmp(p, name, n) == 0 && p[n] == ':') {
            p += n + 1;
            while (p < end && (*p == ' ' || *p == '\t')) p++;
            const char *stop = p;
            while (stop < end && *stop != '\r' && *stop != '\n') stop++;
            *length = (size_t)(stop - p);
            return p;
        }
    }
    return NULL;
}

/* Whether the connection holds a whole answer; if so its status and body (de-chunked into
 * `body`, which the caller frees). -1: malformed. */
static int complete(Connection *c, int *status, char **body, size_t *body_length) {
    char *in = c->in, *end = c->in + c->in_length;
    char *head_end = memmem(in, c->in_length, "\r\n\r\n", 4);
    if (!head_end) return 0;
    if (c->in_length < 12 || memcmp(in, "HTTP/1.1 ", 9) != 0) return -1;
    *status = atoi(in + 9);
    char *content = head_end + 4;
    size_t n;
    const char *v = header(in, head_end + 2, "Transfer-Encoding", &n);
    if (v && n >= 7 && strncasecmp(v + n - 7, "chunked", 7) == 0) {
        /* First pass: is the last chunk here? Second: copy the chunks out. */
        size_t total = 0;
        for (int copy = 0; copy < 2; copy++) {
            const char *p = content;
            if (copy) *body = grow(NULL, total ? total : 1);
            size_t at = 0;
            for (;;) {
                const char *line_end = memmem(p, (size_t)(end - p), "\r\n", 2);
                if (!line_end) return 0;
                const char *after;
                long size = parse_hex(p, line_end, &after);
                if (size < 0) return -1;
                p = line_end + 2;
                if (size == 0) {  /* trailers end with an empty line */
                    const char *stop = memmem(p - 2, (size_t)(end - p + 2), "\r\n\r\n", 4);
                    if (!stop) return 0;
                    if (stop + 4 != end) return -1;  /* nothing may follow: no pipelining here */
                    break;
                }
                if ((size_t)(end - p) < (size_t)size + 2) return 0;
                if (copy) memcpy(*body + at, p, (size_t)size);
                at += (size_t)size;
                p += size + 2;
            }
            total = at;
        }
        *body_length = total;
        return 1;
    }
    v = header(in, head_end + 2, "Content-Length", &n);
    if (!v) return -1;  /* a keep-alive answer must say where it ends */
    size_t length = (size_t)strtoull(v, NULL, 10);
    size_t have = (size_t)(end - content);
    if (have < length) return 0;
    if (have > length) return -1;
    *body = grow(NULL, length ? length : 1);
    memcpy(*body, content, length);
    *body_length = length;
    return 1;
}

static void start(Connection *c, const Request *requests, int nrequests, int client, int rounds) {
    c->request = &requests[(client * rounds + c->round) % nrequests];
    c->sent = 0;
    c->in_length = 0;
    c->start = now_ns();
    send_more(c);
}

int main(int argc, char **argv) {
    int clients = 100, rounds = 3, timeout_s = 120, opt;
    while ((opt = getopt(argc, argv, "c:r:t:")) != -1) {
        if (opt == 'c') clients = atoi(optarg);
        else if (opt == 'r') rounds = atoi(optarg);
        else if (opt == 't') timeout_s = atoi(optarg);
        else die("usage: upload_load [-c CLIENTS] [-r ROUNDS] [-t TIMEOUT_S] HOST PORT ANSWERS STATUS:REQUEST_FILE...");
    }
    if (argc - optind < 4 || clients < 1 || rounds < 1)
        die("usage: upload_load [-c CLIENTS] [-r ROUNDS] [-t TIMEOUT_S] HOST PORT ANSWERS STATUS:REQUEST_FILE...");
    const char *host = argv[optind], *answers_path = argv[optind + 2];
    int port = atoi(argv[optind + 1]);
    int nrequests = argc - optind - 3;
    Request *requests = grow(NULL, sizeof(Request) * (size_t)nrequests);
    for (int i = 0; i < nrequests; i++) requests[i] = read_request(argv[optind + 3 + i]);

    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    if (inet_pton(AF_INET, host, &address.sin_addr) != 1) die("%s: not an IPv4 address", host);
    int epoll = epoll_create1(EPOLL_CLOEXEC);
    if (epoll < 0) die("epoll_create1: %s", strerror(errno));
    Connection *connections = calloc((size_t)clients, sizeof(Connection));
    if (!connections) die("out of memory");
    for (int i = 0; i < clients; i++) {
        Connection *c = &connections[i];
        c->fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (c->fd < 0) die("socket: %s", strerror(errno));
        int one = 1;
        setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (connect(c->fd, (struct sockaddr *)&address, sizeof address) != 0) die("connect: %s", strerror(errno));
        fcntl(c->fd, F_SETFL, fcntl(c->fd, F_GETFL) | O_NONBLOCK);
        c->in_capacity = 64 * 1024;
        c->in = grow(NULL, c->in_capacity);
        struct epoll_event e = {.events = EPOLLIN | EPOLLOUT | EPOLLET, .data.u32 = (uint32_t)i};
        if (epoll_ctl(epoll, EPOLL_CTL_ADD, c->fd, &e) != 0) die("epoll_ctl: %s", strerror(errno));
    }

    size_t total = (size_t)clients * (size_t)rounds, finished = 0;
    /* The answers' bodies, kept in memory and written to ANSWERS after the load. */
    size_t kept_length = 0, kept_capacity = 1024 * 1024;
    char *kept = grow(NULL, kept_capacity);
    Result *results = grow(NULL, sizeof(Result) * total);
    int unexpected = 0;
    struct rusage usage_before, usage_after;
    getrusage(RUSAGE_SELF, &usage_before);
    uint64_t wall = now_ns();
    for (int i = 0; i < clients; i++) start(&connections[i], requests, nrequests, i, rounds);
    struct epoll_event events[256];
    while (finished < total) {
        int n = epoll_wait(epoll, events, 256, timeout_s * 1000);
        if (n < 0) {
            if (errno == EINTR) continue;
            die("epoll_wait: %s", strerror(errno));
        }
        if (n == 0) die("no answer for %d s (%zu of %zu answered)", timeout_s, finished, total);
        for (int k = 0; k < n; k++) {
            int i = (int)events[k].data.u32;
            Connection *c = &connections[i];
            if (c->done) continue;
            if (events[k].events & EPOLLOUT) send_more(c);
            if (!(events[k].events & (EPOLLIN | EPOLLHUP | EPOLLERR))) continue;
            /* Edge-triggered: read until the socket is empty or the answer is whole. */
            for (;;) {
                if (c->in_capacity - c->in_length < 16 * 1024) {
                    c->in_capacity *= 2;
                    c->in = grow(c->in, c->in_capacity);
                }
                ssize_t got = recv(c->fd, c->in + c->in_length, c->in_capacity - c->in_length, 0);
                if (got < 0) {
                    if (errno == EINTR) continue;
                    if (errno == EAGAIN || errno == EWOULDBLOCK) break;
                    die("client %d: recv: %s", i, strerror(errno));
                }
                if (got == 0) die("client %d: the server closed the connection in round %d", i, c->round);
                c->in_length += (size_t)got;
                int status;
                char *body = NULL;
                size_t body_length;
                int whole = complete(c, &status, &body, &body_length);
                if (whole < 0) die("client %d: malformed answer in round %d", i, c->round);
                if (!whole) continue;
                uint64_t end = now_ns();
                if (c->sent != c->request->length) die("client %d: answered before its request was sent", i);
                Result *r = &results[finished++];
                *r = (Result){i, c->round, (int)(c->request - requests), status, end - c->start, kept_length, body_length};
                if (status != c->request->status) unexpected++;
                while (kept_capacity - kept_length < body_length) kept = grow(kept, kept_capacity *= 2);
                memcpy(kept + kept_length, body, body_length);
                kept_length += body_length;
                free(body);
                if (++c->round < rounds) {
                    start(c, requests, nrequests, i, rounds);
                } else {
                    c->done = 1;
                    break;
                }
            }
        }
    }
    wall = now_ns() - wall;
    getrusage(RUSAGE_SELF, &usage_after);
    FILE *answers = fopen(answers_path, "wb");
    if (!answers || fwrite(kept, 1, kept_length, answers) != kept_length || fclose(answers) != 0)
        die("%s: %s", answers_path, strerror(errno));
    for (size_t k = 0; k < total; k++) {
        Result *r = &results[k];
        printf("upload %d %d %d %d %llu %zu %zu\n", r->client, r->round, r->request, r->status, (unsigned long long)r->ns,
               r->offset, r->length);
    }
    printf("load %zu %llu %llu %llu\n", total, (unsigned long long)wall,
           (unsigned long long)(cpu_us(&usage_after, 0) - cpu_us(&usage_before, 0)),
           (unsigned long long)(cpu_us(&usage_after, 1) - cpu_us(&usage_before, 1)));
    for (int i = 0; i < clients; i++) close(connections[i].fd);
    if (unexpected) {
        fprintf(stderr, "upload_load: %d of %zu answers without their expected status\n", unexpected, total);
        return 1;
    }
    return 0;
}
