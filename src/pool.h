/* pool: lint many inputs on N threads; results come back one by one in input order. */
#ifndef SAMLINT_POOL_H
#define SAMLINT_POOL_H

#include <stddef.h>
#include "engine.h"
#include "inputs.h"

/* Called on the calling thread once per input, in input order, with the
 * input's index. It owns the result: keep it or lint_result_release() it. */
typedef void (*pool_emit_fn)(void *user, size_t index, lint_result *r);

/* Number of online processors, at least 1. */
int pool_default_jobs(void);

/* Lint one input: lint_path(), or an error result when it could not be listed. */
void pool_lint_input(const lint_config *cfg, const input *in, lint_result *out);

/* Lint inputs[0..n) with `jobs` threads (1: on this thread, no threads at
 * all). Workers run at most a few inputs per thread ahead of the one being
 * emitted. Returns 0, or -1 when no thread could be started (everything is
 * then linted on this thread). */
int pool_run(const lint_config *cfg, const input *inputs, size_t n, int jobs,
             pool_emit_fn emit, void *user);

#endif
