/* types: CloudFormation resource types, the regions they exist in, their GetAtt attributes. */
#ifndef SAMLINT_TYPES_H
#define SAMLINT_TYPES_H

#include <stddef.h>
#include <stdint.h>

struct suggest;

/* What an attribute's value is, where the registry schema says. */
enum types_value { TYPES_ANY, TYPES_STRING, TYPES_INTEGER, TYPES_NUMBER, TYPES_BOOLEAN, TYPES_ARRAY };

/* types_entry.flags */
enum { TYPES_ANY_ATTRIBUTE = 1 };  /* no schema: every attribute is accepted */

/* One registry type. Names are offsets into types_pool (NUL-terminated). */
typedef struct types_entry {
    uint64_t regions;     /* bit i: exists in types_regions[i] */
    uint32_t name;
    uint32_t first_attr;  /* index into types_attrs */
    uint16_t name_len;
    uint16_t n_attrs;
    uint8_t flags;
} types_entry;

/* One attribute; a name ending in '.' ("Outputs.") stands for any name
 * below it ("Outputs.BucketName"). */
typedef struct types_attr {
    uint32_t name;
    uint16_t name_len;
    uint8_t value;        /* enum types_value */
} types_attr;

/* The generated tables (src/types_data.c, from tools/gen_types.py). */
extern const char types_pool[];
extern const char *const types_regions[];   /* sorted, NULL-terminated */
extern const unsigned types_n_regions;
extern const types_entry types_table[];     /* sorted by name */
extern const unsigned types_count;
extern const types_attr types_attrs[];
extern const unsigned short types_hash[];   /* slot -> table index + 1, 0 = empty */
extern const unsigned types_hash_mask;

/* The registry type of that name (exact), or NULL. */
const types_entry *types_find(const char *name, size_t len);
static inline const char *types_name(const types_entry *e) { return types_pool + e->name; }
static inline const char *types_attr_name(const types_attr *a) { return types_pool + a->name; }

/* Region bits: the index of a region name or -1; the default (us-east-1). */
int types_region_index(const char *name, size_t len);
uint64_t types_default_regions(void);
/* Add one region name to *mask. Returns 0, or -1 with "unknown region
 * 'x' (did you mean 'y'?)" in err. */
int types_add_region(const char *name, size_t len, uint64_t *mask, char *err, size_t errlen);
/* The first region of `mask` where `e` does not exist, or NULL. */
const char *types_missing_region(const types_entry *e, uint64_t mask);

/* The attribute `name` of `e`, or NULL when it has none of that name. A
 * type without a schema answers with an attribute of any value. */
const types_attr *types_attr_find(const types_entry *e, const char *name, size_t len);

/* Offer candidates to a suggestion: every type name, the attributes of one
 * type (wildcard entries offered without their '.'), every region. */
void types_offer_types(struct suggest *s);
void types_offer_attrs(const types_entry *e, struct suggest *s);
void types_offer_regions(struct suggest *s);

#endif
