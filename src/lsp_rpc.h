/* lsp_rpc: JSON-RPC messages framed by Content-Length headers (the LSP base protocol). */
#ifndef SAMLINT_LSP_RPC_H
#define SAMLINT_LSP_RPC_H

#include <stddef.h>
#include <sys/types.h>

/* A message body larger than this is read and dropped (an error reply). */
#define RPC_MAX_BODY ((size_t)64 << 20)
/* The header block of one message. */
#define RPC_MAX_HEADER 8192

typedef struct rpc_reader {
    /* Where the bytes come from: read(2)-like; 0 at end of input. */
    ssize_t (*read)(void *user, char *buf, size_t n);
    void *user;
    char *buf;           /* bytes read and not yet used: [pos, len) */
    size_t pos, len, cap;
    int eof;
} rpc_reader;

enum rpc_status {
    RPC_MESSAGE = 1,     /* *body holds one message (malloc'd, NUL-terminated) */
    RPC_EOF = 0,         /* input ended (between messages or inside one) */
    RPC_TOO_BIG = -1,    /* Content-Length over RPC_MAX_BODY: the body was skipped */
    RPC_BAD_HEADER = -2  /* no valid Content-Length: the stream cannot be followed */
};

void rpc_reader_init(rpc_reader *r, ssize_t (*read_fn)(void *user, char *buf, size_t n), void *user);
void rpc_reader_release(rpc_reader *r);
/* Read the next message. */
enum rpc_status rpc_read(rpc_reader *r, char **body, size_t *len);
/* Write one message to fd with its header; 0, or -1 when the fd fails. */
int rpc_write(int fd, const char *body, size_t len);

#endif
