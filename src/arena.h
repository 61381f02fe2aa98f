/* arena: bump allocator that owns every allocation of one template. */
#ifndef SAMLINT_ARENA_H
#define SAMLINT_ARENA_H

#include <stddef.h>

typedef struct arena arena;

arena *arena_new(void);
/* An arena whose blocks are `block` bytes (for arenas that stay small). */
arena *arena_new_sized(size_t block);
void arena_free(arena *a);
/* Forget every allocation, keeping one block for the next ones. */
void arena_reset(arena *a);
void *arena_alloc(arena *a, size_t size);          /* zeroed, 16-aligned */
char *arena_strndup(arena *a, const char *s, size_t n); /* not aligned */
char *arena_strdup(arena *a, const char *s);
char *arena_printf(arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
size_t arena_used(const arena *a);

/* Growable array helper: doubles capacity inside malloc'd memory (not the
 * arena) so that large arrays do not waste arena space. Aborts on OOM. */
void *xrealloc(void *p, size_t size);
void *xcalloc(size_t n, size_t size);
char *xstrdup(const char *s);

#endif
