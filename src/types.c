/* types: look-ups in the generated type tables (src/types_data.c). */
#include "types.h"

#include <stdio.h>
#include <string.h>

#include "suggest.h"

static uint32_t fnv1a(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

const types_entry *types_find(const char *name, size_t len)
{
    if (!name) return NULL;
    for (uint32_t h = fnv1a(name, len) & types_hash_mask;; h = (h + 1) & types_hash_mask) {
        unsigned slot = types_hash[h];
        if (!slot) return NULL;
        const types_entry *e = &types_table[slot - 1];
        if (e->name_len == len && memcmp(types_pool + e->name, name, len) == 0) return e;
    }
}

int types_region_index(const char *name, size_t len)
{
    for (unsigned i = 0; i < types_n_regions; i++)
        if (strlen(types_regions[i]) == len && memcmp(types_regions[i], name, len) == 0) return (int)i;
    return -1;
}

int types_add_region(const char *name, size_t len, uint64_t *mask, char *err, size_t errlen)
{
    int i = types_region_index(name, len);
    if (i >= 0) {
        *mask |= (uint64_t)1 << i;
        return 0;
    }
    suggest s;
    suggest_init(&s, name, len);
    types_offer_regions(&s);
    size_t n;
    const char *best = suggest_best(&s, &n);
    int shown = len > 64 ? 64 : (int)len;
    if (best) snprintf(err, errlen, "unknown region '%.*s': did you mean '%.*s'?", shown, name, (int)n, best);
    else snprintf(err, errlen, "unknown region '%.*s' (regions look like us-east-1, eu-west-2)", shown, name);
    return -1;
}

uint64_t types_default_regions(void)
{
    int i = types_region_index("us-east-1", 9);
    return i >= 0 ? (uint64_t)1 << i : 0;
}

const char *types_missing_region(const types_entry *e, uint64_t mask)
{
    uint64_t missing = mask & ~e->regions;
    for (unsigned i = 0; i < types_n_regions; i++)
        if (missing & ((uint64_t)1 << i)) return types_regions[i];
    return NULL;
}

const types_attr *types_attr_find(const types_entry *e, const char *name, size_t len)
{
    static const types_attr any = {0, 0, TYPES_ANY};
    if (e->flags & TYPES_ANY_ATTRIBUTE) return &any;
    const types_attr *a = &types_attrs[e->first_attr];
    for (unsigned i = 0; i < e->n_attrs; i++) {
        const char *an = types_pool + a[i].name;
        size_t n = a[i].name_len;
        if (n == len && memcmp(an, name, len) == 0) return &a[i];
        if (n > 0 && an[n - 1] == '.' && len > n && memcmp(an, name, n) == 0) return &a[i];
    }
    return NULL;
}

void types_offer_types(suggest *s)
{
    for (unsigned i = 0; i < types_count; i++)
        suggest_offer(s, types_pool + types_table[i].name, types_table[i].name_len);
}

void types_offer_attrs(const types_entry *e, suggest *s)
{
    const types_attr *a = &types_attrs[e->first_attr];
    for (unsigned i = 0; i < e->n_attrs; i++) {
        size_t n = a[i].name_len;
        if (n > 0 && types_pool[a[i].name + n - 1] == '.') continue;
        suggest_offer(s, types_pool + a[i].name, n);
    }
}

void types_offer_regions(suggest *s)
{
    for (unsigned i = 0; i < types_n_regions; i++) suggest_offer(s, types_regions[i], strlen(types_regions[i]));
}
