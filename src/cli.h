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
    size_t n_paths;
} cli_options;

/* Load the config file, then the options over it. Returns 0, or 2 after
 * printing a usage error; *done is set when the run is over (--help,
 * --version, --list-rules, --explain). */
int cli_parse(int argc, char **argv, lint_config *cfg, cli_options *o, int *done);

/* What cli_parse allocated. */
void cli_release(cli_options *o);

/* "samlint: <message>" and the --help hint on stderr; returns 2. */
int cli_usage_error(const char *fmt, const char *arg);

#endif
