/* cli: samlint's command line: options, the config file they override, --help. */
#ifndef SAMLINT_CLI_H
#define SAMLINT_CLI_H

#include <stddef.h>
#include "engine.h"
#include "out.h"
#include "params.h"

/* What the command line asks for besides the lint configuration. */
typedef struct cli_options {
    out_options out;
    const char *format;          /* -f as given (--list-rules has more formats) */
    const char *baseline, *write_baseline;
    const char *explain;
    const char *output_file;     /* -o, or NULL for standard output */
    const char *sarif_file;      /* --sarif-file: SARIF too, whatever the format */
    int list_rules, templates_only, select_given, exit_zero, regions_given, pre_commit;
    int fix, unsafe_fixes, diff;  /* --fix, --unsafe-fixes, --diff (src/fix.h) */
    int lsp;                      /* --lsp: serve the editor (src/lsp.h) */
    int jobs;
    char **paths;                /* the PATH arguments, in argv ("." when none) */
    char **argv;                 /* argv as parsed (the deploy form's pairs split) */
    param_list params;           /* --parameters, --parameters-file (cfg->params points here) */
    int argc;                    /* of argv */
    lint_config *base;           /* the run's config: the options over no file, or over --config's */
    int config_forced;           /* --config or --no-config: base serves every file */
    int replay;                  /* parse_options again over a folder's config file */
    struct cli_config **configs; /* the .samlint.yaml files found, each with the options over it */
    size_t n_configs;
    size_t n_paths;
} cli_options;

/* Load the config file, then the options over it. Returns 0, or 2 after
 * printing a usage error; *done is set when the run is over (--help,
 * --version, --list-rules, --explain). */
int cli_parse(int argc, char **argv, lint_config *cfg, cli_options *o, int *done);

/* input_configs.for_dir (src/inputs.h): the config for the files of `dir`,
 * the nearest .samlint.yaml upward with the command line's options over
 * it (each file read once; a broken one is reported once and gives NULL),
 * or the run's when there is none or one was forced. `user` is the
 * cli_options. */
const lint_config *cli_config_for_dir(void *user, const char *dir, const lint_config *parent);
/* Give every input that has none the config of its folder (standard input:
 * --stdin-filename's folder, else the working directory); an input whose
 * config is broken becomes an error. */
struct input_list;
void cli_assign_configs(cli_options *o, struct input_list *inputs);

/* What cli_parse allocated. */
void cli_release(cli_options *o);

/* "samlint: <message>" and the --help hint on stderr; returns 2. */
int cli_usage_error(const char *fmt, const char *arg);

#endif
