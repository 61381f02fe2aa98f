/* obuf: an output buffer with small hand-written appenders, written to a
 * FILE in large blocks: cheaper than one fprintf/fputc per piece. */
#ifndef SAMLINT_OBUF_H
#define SAMLINT_OBUF_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define OBUF_SIZE 16384
#define OBUF_ROOM 1024   /* the most ob_room() guarantees */

typedef struct obuf {
    FILE *f;
    size_t len;
    size_t flushes;      /* how many times buf was written out */
    char buf[OBUF_SIZE];
} obuf;

static inline void ob_init(obuf *b, FILE *f)
{
    b->f = f;
    b->len = 0;
    b->flushes = 0;
}

static inline void ob_flush(obuf *b)
{
    if (b->len) fwrite(b->buf, 1, b->len, b->f);
    b->len = 0;
    b->flushes++;
}

/* A pointer to at least n (<= OBUF_ROOM) free bytes; after writing there,
 * ob_done() with the pointer past the last byte written. */
static inline char *ob_room(obuf *b, size_t n)
{
    if (OBUF_SIZE - b->len < n) ob_flush(b);
    return b->buf + b->len;
}

static inline void ob_done(obuf *b, const char *end)
{
    b->len = (size_t)(end - b->buf);
}

static inline void ob_write(obuf *b, const void *p, size_t n)
{
    if (OBUF_SIZE - b->len < n) {
        ob_flush(b);
        if (n > OBUF_SIZE) {
            fwrite(p, 1, n, b->f);
            return;
        }
    }
    memcpy(b->buf + b->len, p, n);
    b->len += n;
}

static inline void ob_putc(obuf *b, char c)
{
    if (b->len == OBUF_SIZE) ob_flush(b);
    b->buf[b->len++] = c;
}

static inline void ob_puts(obuf *b, const char *s)
{
    ob_write(b, s, strlen(s));
}

/* Decimal digits of v at p (no NUL); returns the end. */
static inline char *ob_fmt_u64(char *p, uint64_t v)
{
    char tmp[20];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n) *p++ = tmp[--n];
    return p;
}

/* printf("%*u", width, v) for width < 20. */
static inline char *ob_fmt_u64_w(char *p, uint64_t v, unsigned width)
{
    char tmp[20];
    unsigned n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    for (unsigned i = n; i < width; i++) *p++ = ' ';
    while (n) *p++ = tmp[--n];
    return p;
}

static inline void ob_u64(obuf *b, uint64_t v)
{
    ob_done(b, ob_fmt_u64(ob_room(b, 20), v));
}

#endif
