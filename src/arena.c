/* arena: bump allocator that owns every allocation of one template. */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK (64 * 1024)

typedef struct block {
    struct block *next;
    size_t used, size;
    _Alignas(16) unsigned char data[];
} block;

struct arena {
    block *head;
    size_t total;
    size_t block_size;
};

static void oom(void)
{
    fputs("samlint: out of memory\n", stderr);
    abort();
}

void *xrealloc(void *p, size_t size)
{
    void *q = realloc(p, size ? size : 1);
    if (!q) oom();
    return q;
}

void *xcalloc(size_t n, size_t size)
{
    void *q = calloc(n ? n : 1, size ? size : 1);
    if (!q) oom();
    return q;
}

char *xstrdup(const char *s)
{
    size_t n = strlen(s);
    char *d = xrealloc(NULL, n + 1);
    memcpy(d, s, n + 1);
    return d;
}

arena *arena_new_sized(size_t block_size)
{
    arena *a = xcalloc(1, sizeof(arena));
    a->block_size = block_size;
    return a;
}

arena *arena_new(void)
{
    return arena_new_sized(ARENA_BLOCK);
}

void arena_free(arena *a)
{
    if (!a) return;
    block *b = a->head;
    while (b) {
        block *next = b->next;
        free(b);
        b = next;
    }
    free(a);
}

void arena_reset(arena *a)
{
    if (!a) return;
    block *keep = NULL, *b = a->head;
    while (b) {
        block *next = b->next;
        if (!keep && b->size == a->block_size) keep = b;
        else free(b);
        b = next;
    }
    a->head = keep;
    a->total = 0;
    if (keep) {
        keep->next = NULL;
        keep->used = 0;
        a->total = keep->size;
    }
}

/* `size` bytes at an offset that is a multiple of `align` (16 or 1). */
static void *arena_take(arena *a, size_t size, size_t align)
{
    block *b = a->head;
    size_t at = b ? (b->used + align - 1) & ~(align - 1) : 0;
    if (!b || at > b->size || b->size - at < size) {
        size_t want = size > a->block_size / 4 ? size : a->block_size;
        b = malloc(sizeof(block) + want);
        if (!b) oom();
        b->size = want;
        b->used = 0;
        if (want == size && a->head) {
            /* A big allocation gets its own block behind the current one,
             * so the current block's free space is not wasted. */
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
        }
        a->total += want;
        at = 0;
    }
    void *p = b->data + at;
    b->used = at + size;
    return p;
}

void *arena_alloc(arena *a, size_t size)
{
    size = (size + 15) & ~(size_t)15;
    void *p = arena_take(a, size, 16);
    memset(p, 0, size);
    return p;
}

/* Strings need no alignment and no zeroing: a template's millions of short
 * scalars ("Type", "Ref") took 16 bytes each. */
char *arena_strndup(arena *a, const char *s, size_t n)
{
    char *d = arena_take(a, n + 1, 1);
    if (n) memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *arena_strdup(arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

char *arena_printf(arena *a, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) n = 0;
    char *d = arena_alloc(a, (size_t)n + 1);
    vsnprintf(d, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return d;
}

size_t arena_used(const arena *a)
{
    return a->total;
}
