/* inputs: the files to lint, from the command line's paths and directories. */
#ifndef SAMLINT_INPUTS_H
#define SAMLINT_INPUTS_H

#include <stddef.h>
#include "engine.h"

typedef struct input {
    char *path;
    int explicit_path;   /* named by the user (SL002 applies) */
    char *error;         /* could not be listed (e.g. missing path), or NULL */
} input;

typedef struct input_list {
    input *items;
    size_t n, cap;
} input_list;

/* Expand paths: files as given, "-" for stdin, directories searched
 * recursively (sorted; .git, node_modules, .aws-sam, cdk.out skipped;
 * symlinked directories not followed) for .yaml/.yml/.json/.template files
 * not matching cfg->exclude. */
void inputs_collect(input_list *l, const lint_config *cfg, char **paths, size_t n);
void inputs_release(input_list *l);

#endif
