/* strmap: open-addressing hash map from strings to ints (keys are borrowed). */
#ifndef SAMLINT_STRMAP_H
#define SAMLINT_STRMAP_H

#include <stddef.h>

typedef struct strmap {
    const char **keys;
    size_t *lens;
    int *vals;
    size_t cap, n;
} strmap;

void strmap_init(strmap *m);
void strmap_release(strmap *m);
/* Insert or replace; the key's bytes must outlive the map. */
void strmap_put(strmap *m, const char *key, size_t len, int val);
/* Returns 1 and sets *val when found. */
int strmap_get(const strmap *m, const char *key, size_t len, int *val);

#endif
