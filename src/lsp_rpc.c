/* lsp_rpc: JSON-RPC messages framed by Content-Length headers (the LSP base protocol). */
#include "lsp_rpc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "arena.h"

void rpc_reader_init(rpc_reader *r, ssize_t (*read_fn)(void *user, char *buf, size_t n), void *user)
{
    memset(r, 0, sizeof *r);
    r->read = read_fn;
    r->user = user;
}

void rpc_reader_release(rpc_reader *r)
{
    free(r->buf);
    memset(r, 0, sizeof *r);
}

/* Read more input after what is buffered; 0 at end of input. */
static int fill(rpc_reader *r, size_t want)
{
    if (r->eof) return 0;
    if (r->pos > 0 && r->pos == r->len) r->pos = r->len = 0;
    if (r->len + want > r->cap) {
        if (r->pos) {  /* move what is left to the front first */
            memmove(r->buf, r->buf + r->pos, r->len - r->pos);
            r->len -= r->pos;
            r->pos = 0;
        }
        if (r->len + want > r->cap) {
            r->cap = r->len + want;
            r->buf = xrealloc(r->buf, r->cap);
        }
    }
    for (;;) {
        ssize_t got = r->read(r->user, r->buf + r->len, r->cap - r->len);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) {
            r->eof = 1;
            return 0;
        }
        r->len += (size_t)got;
        return 1;
    }
}

/* The end of the header block ("\r\n\r\n"; lone "\n\n" accepted), or NULL. */
static const char *header_end(const char *p, size_t n, size_t *skip)
{
    for (size_t i = 0; i + 1 < n; i++) {
        if (p[i] == '\n' && p[i + 1] == '\n') { *skip = 2; return p + i; }
        if (i + 3 < n && p[i] == '\r' && p[i + 1] == '\n' && p[i + 2] == '\r' && p[i + 3] == '\n') {
            *skip = 4;
            return p + i;
        }
    }
    return NULL;
}

/* Content-Length from the header block; -1 when absent or not a number. */
static long long content_length(const char *h, size_t n)
{
    long long value = -1;
    for (size_t i = 0; i < n;) {
        const char *nl = memchr(h + i, '\n', n - i);
        size_t ll = nl ? (size_t)(nl - (h + i)) : n - i;
        const char *line = h + i;
        i += ll + 1;
        static const char name[] = "Content-Length:";
        if (ll < sizeof name - 1 || strncasecmp(line, name, sizeof name - 1) != 0) continue;
        const char *p = line + sizeof name - 1, *end = line + ll;
        while (p < end && (*p == ' ' || *p == '\t')) p++;
        long long v = 0;
        int digits = 0;
        for (; p < end && *p >= '0' && *p <= '9'; p++, digits++) {
            if (v > (long long)RPC_MAX_BODY * 16) { v = (long long)RPC_MAX_BODY * 16; continue; }
            v = v * 10 + (*p - '0');
        }
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\r')) p++;
        if (!digits || p != end) return -1;
        value = v;
    }
    return value;
}

enum rpc_status rpc_read(rpc_reader *r, char **body, size_t *len)
{
    *body = NULL;
    *len = 0;
    const char *end;
    size_t skip = 0;
    /* Headers: up to the blank line, within RPC_MAX_HEADER. */
    while (!r->buf || !(end = header_end(r->buf + r->pos, r->len - r->pos, &skip))) {
        if (r->len - r->pos > RPC_MAX_HEADER) return RPC_BAD_HEADER;
        if (!fill(r, 4096)) return RPC_EOF;
    }
    size_t hlen = (size_t)(end - (r->buf + r->pos));
    long long cl = content_length(r->buf + r->pos, hlen);
    if (cl < 0) return RPC_BAD_HEADER;
    r->pos += hlen + skip;
    size_t want = (size_t)cl;
    if (want > RPC_MAX_BODY) {
        /* Drop it as it comes, never holding it. */
        size_t left = want;
        while (left) {
            size_t have = r->len - r->pos;
            if (!have) {
                if (!fill(r, 65536)) return RPC_EOF;
                continue;
            }
            size_t take = have < left ? have : left;
            r->pos += take;
            left -= take;
        }
        return RPC_TOO_BIG;
    }
    while (r->len - r->pos < want)
        if (!fill(r, want - (r->len - r->pos))) return RPC_EOF;
    *body = xrealloc(NULL, want + 1);
    memcpy(*body, r->buf + r->pos, want);
    (*body)[want] = '\0';
    *len = want;
    r->pos += want;
    return RPC_MESSAGE;
}

static int write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

int rpc_write(int fd, const char *body, size_t len)
{
    char head[64];
    int hl = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", len);
    return write_all(fd, head, (size_t)hl) || write_all(fd, body, len) ? -1 : 0;
}
