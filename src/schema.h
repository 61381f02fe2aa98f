/* schema: what CloudFormation and SAM accept, from the compiled registry and
 * SAM schemas (src/schema_data.c), and the validator behind SL602-SL607. */
#ifndef SAMLINT_SCHEMA_H
#define SAMLINT_SCHEMA_H

#include <stddef.h>
#include <stdint.h>

#include "rule.h"

/* A compiled schema node. SCHEMA_ANY (0) accepts anything. */
typedef uint32_t schema_ref;
#define SCHEMA_ANY 0u

/* ---- look-ups (for rules, completion and hover) ---- */

/* Does samlint have a schema for this resource type (registry or SAM)? */
int schema_has_type(const char *type, size_t len);
/* The schema of a type's Properties mapping; SCHEMA_ANY when unknown. */
schema_ref schema_type_props(const char *type, size_t len);
/* The subschema of property `key` of a mapping schema (its own properties,
 * then patternProperties by name, then additionalProperties), looking
 * through allOf / anyOf / oneOf branches. *desc (may be NULL) receives the
 * property's short description (SAM properties only, else ""). Returns
 * SCHEMA_ANY when the key has no schema of its own, and sets *known (may be
 * NULL) to whether the key is allowed at all. */
schema_ref schema_child(schema_ref node, const char *key, size_t len, int *known, const char **desc);
/* The items schema of a list schema (SCHEMA_ANY if none). */
schema_ref schema_items(schema_ref node);
/* Follow a path of property names from a type's Properties ("*" steps into
 * a list's items): schema_path("AWS::DynamoDB::Table", keys, 2). */
schema_ref schema_path(const char *type, const char *const *keys, size_t n);
/* The property names a mapping schema declares (its own and its branches'):
 * calls fn for each; for completion. */
void schema_each_property(schema_ref node, void (*fn)(void *user, const char *name, const char *desc), void *user);
/* The enum values of a node (strings as written in the schema); returns how
 * many, fills at most `max` of them. */
size_t schema_enum_values(schema_ref node, const char **out, size_t max);
/* A SAM property's short description ("" when none): type and a path of
 * property names below Properties. */
const char *schema_description(const char *type, const char *const *keys, size_t n);
/* A node whose anyOf / oneOf branches are told apart by one key's value (a
 * SAM event's Type): that key, else NULL. schema_discriminate gives the
 * branch a value names (SCHEMA_ANY when none does); schema_discriminator_values
 * the values (how many; fills at most `max`). For completion and hover. */
const char *schema_discriminator(schema_ref node);
schema_ref schema_discriminate(schema_ref node, const char *value, size_t len);
size_t schema_discriminator_values(schema_ref node, const char **out, size_t max);
/* The schema of the SAM Globals section. */
schema_ref schema_globals_node(void);

/* ---- validation ---- */

/* Which rule a schema finding belongs to. */
enum schema_kind {
    SCHEMA_SL602, /* unknown-property */
    SCHEMA_SL603, /* missing-required-property */
    SCHEMA_SL604, /* wrong-value-type */
    SCHEMA_SL605, /* invalid-value */
    SCHEMA_SL606, /* read-only-property */
    SCHEMA_SL607, /* property-combination */
    SCHEMA_KINDS
};

/* Report the findings of one kind for the running rule. The template is
 * validated once, by the first rule that asks; the result is kept on the
 * lint ctx until the template is done. */
void schema_report(lint_ctx *ctx, enum schema_kind kind);

/* Free the compiled patterns' cache (at exit). */
void schema_release(void);

#endif
