/* fuzz_lsp: libFuzzer target for the language server: the framed message reader, then a whole session. */
#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "../src/engine.h"
#include "../src/lsp.h"
#include "../src/lsp_rpc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Bytes from memory in pieces of `chunk` (the reader must not care how reads split). */
typedef struct mem_src { const uint8_t *p; size_t n, at, chunk; } mem_src;

static ssize_t mem_read(void *user, char *buf, size_t n)
{
    mem_src *m = user;
    size_t left = m->n - m->at, take = n < left ? n : left;
    if (take > m->chunk) take = m->chunk;
    memcpy(buf, m->p + m->at, take);
    m->at += take;
    return (ssize_t)take;
}

/* Every message must come out whole, and every reply must be JSON. */
static void read_all(const uint8_t *p, size_t n, size_t chunk, int replies)
{
    mem_src m = {p, n, 0, chunk ? chunk : 1};
    rpc_reader r;
    rpc_reader_init(&r, mem_read, &m);
    for (;;) {
        char *body;
        size_t len;
        enum rpc_status st = rpc_read(&r, &body, &len);
        if (st == RPC_EOF || st == RPC_BAD_HEADER) {
            if (replies && st == RPC_BAD_HEADER) abort();
            break;
        }
        if (st == RPC_MESSAGE) {
            if (!body || body[len] != '\0') abort();
            if (replies) {
                cJSON *j = cJSON_ParseWithLength(body, len);
                if (!j) abort();
                cJSON_Delete(j);
            }
        }
        free(body);
    }
    rpc_reader_release(&r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    read_all(data, size, size ? (size_t)data[0] % 17 + 1 : 1, 0);

    int in = memfd_create("lsp-in", 0), out = memfd_create("lsp-out", 0);
    if (in < 0 || out < 0) abort();
    if (size && write(in, data, size) != (ssize_t)size) abort();
    lseek(in, 0, SEEK_SET);
    lint_config base;
    lint_config_init(&base);
    (void)lsp_serve(&base, in, out);
    lint_config_release(&base);
    off_t n = lseek(out, 0, SEEK_END);
    if (n > 0) {
        uint8_t *reply = mmap(NULL, (size_t)n, PROT_READ, MAP_PRIVATE, out, 0);
        if (reply == MAP_FAILED) abort();
        read_all(reply, (size_t)n, 4096, 1);
        munmap(reply, (size_t)n);
    }
    close(in);
    close(out);
    return 0;
}
