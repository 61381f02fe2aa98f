/* baseline: finding fingerprints, and the baseline file of accepted findings. */
#ifndef SAMLINT_BASELINE_H
#define SAMLINT_BASELINE_H

#include <stddef.h>
#include "engine.h"

/* "0123456789abcdef:12": a 64-bit hash of rule id, file, resource and the
 * offending line's text with blanks and comments squeezed out (not its
 * number), then the occurrence count among the file's findings with the
 * same hash. Moving unrelated lines leaves it alone. */
#define FP_LEN 32
typedef char fingerprint[FP_LEN];

/* One fingerprint per finding of r, in r's order (sort it first). `cwd`
 * makes paths relative (see relpath.h). */
void baseline_fingerprints(const lint_result *r, const char *cwd, fingerprint *out);

typedef struct baseline baseline;

/* Load a baseline file. Returns NULL with a message in err on failure. */
baseline *baseline_load(const char *path, char *err, size_t errlen);
void baseline_free(baseline *b);
/* Drop from each result the findings the baseline holds; returns how many. */
size_t baseline_filter(const baseline *b, lint_result *r, size_t n, const char *cwd);
/* Write the findings of r (not the suppressed ones) as a baseline. 0 or -1 + err. */
int baseline_write(const char *path, const lint_result *r, size_t n, const char *cwd,
                   char *err, size_t errlen);

#endif
