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

/* One fingerprint per finding of r, in r's order (sort it first). The file
 * is hashed as a path relative to the absolute folder `base` (the baseline
 * file's), or with base NULL to the root of the git work tree holding the
 * template (else `cwd`, the working directory): so the working directory
 * changes nothing. */
void baseline_fingerprints(const lint_result *r, const char *cwd, const char *base, fingerprint *out);

typedef struct baseline baseline;

/* Load a baseline file. Returns NULL with a message in err on failure. */
baseline *baseline_load(const char *path, char *err, size_t errlen);
void baseline_free(baseline *b);
/* The findings the baseline holds: dropped from each result, or with
 * `keep` marked `baselined` (SARIF reports them as unchanged). Returns how
 * many. `base`: the baseline file's folder, absolute. */
size_t baseline_filter(const baseline *b, lint_result *r, size_t n, const char *cwd, const char *base, int keep);
/* Write the findings of r (not the suppressed ones) as a baseline, paths
 * relative to its folder `base`. 0 or -1 + err. */
int baseline_write(const char *path, const lint_result *r, size_t n, const char *cwd, const char *base,
                   char *err, size_t errlen);
/* The absolute folder holding `path` (a baseline file), into out. */
void baseline_dir(const char *cwd, const char *path, char *out, size_t size);

#endif
