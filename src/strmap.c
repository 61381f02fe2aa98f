/* strmap: open-addressing hash map from strings to ints (keys are borrowed). */
#include "strmap.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"

/* 8 bytes at a time, multiply-and-fold: logical ids are short. */
uint32_t strmap_hash(const char *s, size_t len)
{
    const uint64_t k = 0x9E3779B97F4A7C15u;
    uint64_t h = len * k;
    while (len >= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * k;
        h ^= h >> 29;
        s += 8;
        len -= 8;
    }
    if (len) {
        uint64_t w = 0;
        for (size_t i = 0; i < len; i++) w |= (uint64_t)(unsigned char)s[i] << (8 * i);
        h = (h ^ w) * k;
        h ^= h >> 29;
    }
    h *= k;
    return (uint32_t)(h >> 32);
}

void strmap_init(strmap *m)
{
    memset(m, 0, sizeof *m);
}

void strmap_release(strmap *m)
{
    free(m->slots);
    memset(m, 0, sizeof *m);
}

static size_t slot(const strmap *m, const char *key, size_t len, uint32_t h)
{
    size_t mask = m->cap - 1, i = h & mask;
    for (;; i = (i + 1) & mask) {
        const strmap_slot *s = &m->slots[i];
        if (!s->key || (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0)) return i;
    }
}

static void rehash(strmap *m, size_t cap)
{
    strmap_slot *old = m->slots;
    size_t old_cap = m->cap;
    m->slots = xcalloc(cap, sizeof *m->slots);
    m->cap = cap;
    size_t mask = cap - 1;
    for (size_t i = 0; i < old_cap; i++) {
        if (!old[i].key) continue;
        size_t j = old[i].hash & mask;
        while (m->slots[j].key) j = (j + 1) & mask;
        m->slots[j] = old[i];
    }
    free(old);
}

void strmap_reserve(strmap *m, size_t n)
{
    if (n == 0) return;
    size_t cap = m->cap ? m->cap : 16;
    while (n * 4 > cap * 3) cap *= 2;
    if (cap != m->cap) rehash(m, cap);
}

void strmap_put(strmap *m, const char *key, size_t len, int val)
{
    if ((m->n + 1) * 4 > m->cap * 3) rehash(m, m->cap ? m->cap * 2 : 16);  /* at most 3/4 full */
    uint32_t h = strmap_hash(key, len);
    strmap_slot *s = &m->slots[slot(m, key, len, h)];
    if (!s->key) {
        s->key = key;
        s->len = len;
        s->hash = h;
        m->n++;
    }
    s->val = val;
}

int strmap_get(const strmap *m, const char *key, size_t len, int *val)
{
    if (!m->cap) return 0;
    const strmap_slot *s = &m->slots[slot(m, key, len, strmap_hash(key, len))];
    if (!s->key) return 0;
    if (val) *val = s->val;
    return 1;
}
