/* lsp: samlint as a language server: diagnostics on every change, hover, code actions. */
#ifndef SAMLINT_LSP_H
#define SAMLINT_LSP_H

#include "engine.h"

/* Serve the Language Server Protocol on in_fd / out_fd until `exit` or the
 * end of input. `base` gives what the command line set that no config file
 * does (today's date, the file size limit); each document is linted with
 * the nearest .samlint.yaml above it, reloaded when it changes. Returns
 * the exit status: 0 after shutdown and exit, 1 otherwise. */
int lsp_serve(const lint_config *base, int in_fd, int out_fd);

#endif
