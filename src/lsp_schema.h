/* lsp_schema: where the cursor stands in a template, for hover descriptions and completion. */
#ifndef SAMLINT_LSP_SCHEMA_H
#define SAMLINT_LSP_SCHEMA_H

#include <stddef.h>

#define LSP_PATH_MAX 24

/* The property path at a place in a template, from the text alone (it need
 * not parse while being typed): the resource's Type and the keys below its
 * Properties ("*" for a list item), or below a Globals section. Block YAML,
 * a flow collection on the cursor's line, and JSON. */
typedef struct yaml_place {
    char type[128];                 /* "AWS::Serverless::Function" */
    char keys[LSP_PATH_MAX][96];    /* below Properties */
    char disc[LSP_PATH_MAX][64];    /* the Type key's value in the mapping keys[0..i] lead to, or "" */
    size_t n_keys;
    char key[96];                   /* the key at the cursor ("*": a list item), if any */
    int in_value;                   /* the cursor is in key's value */
    char typed[96];                 /* the word being typed (key or value), up to the cursor */
} yaml_place;

/* Find the place of byte `off` in `text` (JSON when is_json); 0 when it is
 * no schema place. */
int schema_place_at_offset(const char *text, size_t len, size_t off, int is_json, yaml_place *out);

/* Markdown for hovering a property: its description; NULL when none (malloc'd). */
char *lsp_schema_hover(const yaml_place *p);

/* Completion items (a cJSON array) for the place: property names of the
 * mapping, or enum values of the property. */
struct cJSON *lsp_schema_complete(const yaml_place *p);

#endif
