/* out_sarif: SARIF 2.1.0 for code scanning: one run, every rule, fingerprints, suppressions. */
#ifndef SAMLINT_OUT_SARIF_H
#define SAMLINT_OUT_SARIF_H

#include <stdio.h>
#include "engine.h"

/* Write one SARIF log for all results. Paths become URIs relative to the
 * working directory under %SRCROOT%. Returns 0, or -1 on a write error. */
/* `cfg` (may be NULL) says which rules run: an optional rule that does not
 * gets "enabled": false in its defaultConfiguration. */
int out_sarif(FILE *out, const lint_result *r, size_t n, const char *version, const lint_config *cfg);

#endif
