/* strmap: open-addressing hash map from strings to ints (keys are borrowed). */
#ifndef SAMLINT_STRMAP_H
#define SAMLINT_STRMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct strmap_slot {
    const char *key;     /* NULL: empty */
    size_t len;
    uint32_t hash;
    int val;
} strmap_slot;

typedef struct strmap {
    strmap_slot *slots;
    size_t cap, n;
} strmap;

/* The map's hash of len bytes at s (8 bytes at a time), for other tables. */
uint32_t strmap_hash(const char *s, size_t len);

void strmap_init(strmap *m);
void strmap_release(strmap *m);
/* Make room for n keys in all, so that inserting them does not rehash. */
void strmap_reserve(strmap *m, size_t n);
/* Insert or replace; the key's bytes must outlive the map. */
void strmap_put(strmap *m, const char *key, size_t len, int val);
/* Returns 1 and sets *val when found. */
int strmap_get(const strmap *m, const char *key, size_t len, int *val);

#endif
