/* pool: lint many inputs on N threads; results come back one by one in input order. */
#ifndef SAMLINT_POOL_H
#define SAMLINT_POOL_H

#include <stddef.h>
#include "engine.h"

typedef struct pool_input {
    const char *path;
    int explicit_path;   /* named by the user (see lint_path) */
} pool_input;

/* Called on the calling thread, once per input, in input order. The result
 * is released by the pool after the call returns. */
typedef void (*pool_emit_fn)(void *user, size_t index, lint_result *r);

/* Number of online processors, at least 1. */
int pool_default_jobs(void);

/* Lint inputs[0..n) with `jobs` threads (1: no threads at all). At most a
 * few results per thread wait for their turn, so memory stays bounded by
 * the work in flight, not by the number of inputs. Returns 0, or -1 when
 * threads could not be started (everything is then linted on this thread). */
int pool_run(const lint_config *cfg, const pool_input *inputs, size_t n, int jobs,
             pool_emit_fn emit, void *user);

#endif
