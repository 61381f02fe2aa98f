/* strmap: open-addressing hash map from strings to ints (keys are borrowed). */
#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

static uint64_t hash(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ULL;  /* FNV-1a */
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

void strmap_init(strmap *m)
{
    memset(m, 0, sizeof *m);
}

void strmap_release(strmap *m)
{
    free(m->keys);
    free(m->lens);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

static size_t slot(const strmap *m, const char *key, size_t len)
{
    size_t i = hash(key, len) & (m->cap - 1);
    while (m->keys[i] && !(m->lens[i] == len && memcmp(m->keys[i], key, len) == 0))
        i = (i + 1) & (m->cap - 1);
    return i;
}

static void grow(strmap *m)
{
    strmap old = *m;
    m->cap = old.cap ? old.cap * 2 : 16;
    m->keys = xcalloc(m->cap, sizeof *m->keys);
    m->lens = xcalloc(m->cap, sizeof *m->lens);
    m->vals = xcalloc(m->cap, sizeof *m->vals);
    m->n = 0;
    for (size_t i = 0; i < old.cap; i++)
        if (old.keys[i]) strmap_put(m, old.keys[i], old.lens[i], old.vals[i]);
    strmap_release(&old);
}

void strmap_put(strmap *m, const char *key, size_t len, int val)
{
    if ((m->n + 1) * 2 > m->cap) grow(m);
    size_t i = slot(m, key, len);
    if (!m->keys[i]) {
        m->keys[i] = key;
        m->lens[i] = len;
        m->n++;
    }
    m->vals[i] = val;
}

int strmap_get(const strmap *m, const char *key, size_t len, int *val)
{
    if (!m->cap) return 0;
    size_t i = slot(m, key, len);
    if (!m->keys[i]) return 0;
    if (val) *val = m->vals[i];
    return 1;
}
