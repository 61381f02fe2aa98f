/* lsp_schema: where the cursor stands in a YAML template, for hover descriptions and completion. */
#ifndef SAMLINT_LSP_SCHEMA_H
#define SAMLINT_LSP_SCHEMA_H

#include <stddef.h>

#define LSP_PATH_MAX 24

/* The property path at a line of a block-YAML template, from the text
 * alone (it need not parse while being typed): the resource's Type and the
 * keys below its Properties ("*" for a list item), or below a Globals
 * section. */
typedef struct yaml_place {
    char type[128];                 /* "AWS::Serverless::Function" */
    char keys[LSP_PATH_MAX][96];    /* below Properties */
    size_t n_keys;
    char key[96];                   /* the key on the line itself, if any */
    int in_value;                   /* the cursor is after "key:" */
    char typed[96];                 /* the word being typed (key or value) */
} yaml_place;

/* Find the place of byte `off` in `text`; 0 when it is no schema place. */
int yaml_place_at(const char *text, size_t len, size_t off, yaml_place *out);

/* Markdown for hovering a property: its SAM description; NULL when none (malloc'd). */
char *lsp_schema_hover(const yaml_place *p);

/* Completion items (a cJSON array) for the place: property names of the
 * mapping, or enum values of the property. */
struct cJSON *lsp_schema_complete(const yaml_place *p);

#endif
