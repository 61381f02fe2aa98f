/* out_junit: JUnit XML, one test suite a file and one failing test case a finding. */
#ifndef SAMLINT_OUT_JUNIT_H
#define SAMLINT_OUT_JUNIT_H

#include <stdio.h>
#include "engine.h"

/* A file without findings is one passing test case; suppressed findings are
 * left out. Returns 0, or -1 on a write error. */
int out_junit(FILE *out, const lint_result *r, size_t n);

#endif
