/* inputs: the files to lint, from the command line's paths and directories. */
#ifndef SAMLINT_INPUTS_H
#define SAMLINT_INPUTS_H

#include <stddef.h>
#include "engine.h"

typedef struct input {
    char *path;
    int explicit_path;   /* named by the user (SL002 applies) */
    char *error;         /* could not be listed (e.g. missing path), or NULL */
    int for_code;        /* --pre-commit: a template found above a staged code file */
    const lint_config *cfg;  /* its folder's config (input_configs), or NULL: the run's */
} input;

typedef struct input_list {
    input *items;
    size_t n, cap;
    char **code;         /* --pre-commit: the staged handler files (real paths) */
    size_t n_code;
} input_list;

/* Expand paths: files as given, "-" for stdin, directories searched
 * recursively (sorted; .git, node_modules, .aws-sam, cdk.out skipped;
 * symlinked directories not followed) for .yaml/.yml/.json/.template files
 * not matching cfg->exclude. */
void inputs_collect(input_list *l, const lint_config *cfg, char **paths, size_t n);

/* Where each folder's config comes from. for_dir gives the config for the
 * files of `dir`: `parent` is the folder above's when a scan goes down into
 * `dir`, NULL when a search starts at `dir`; NULL back when that config
 * cannot be read (the folder is then an error input, not searched). */
typedef struct input_configs {
    const lint_config *(*for_dir)(void *user, const char *dir, const lint_config *parent);
    void *user;
} input_configs;
/* inputs_collect with a config per folder: a scan's excludes are those of
 * each folder's config, and every input gets the config of its folder. */
void inputs_collect_with(input_list *l, const lint_config *cfg, const input_configs *cc, char **paths, size_t n);
/* --pre-commit: named files that are no templates are skipped (as in a
 * scan). A handler code file (the extensions of code_lang_of_path) is not
 * linted itself: it brings in the template files of its folder and of each
 * one above it, up to the root of its git work tree, as candidates (lint
 * them with cfg->want_code_dirs set). */
void inputs_for_hook(input_list *l, const lint_config *cfg);
/* --pre-commit, after linting: the candidates none of whose functions' code
 * folders holds a staged code file are dropped, with their results (which
 * are released); the other inputs and results move up in the same order. */
void inputs_hook_filter(input_list *l, lint_result *results);
void inputs_release(input_list *l);

#endif
