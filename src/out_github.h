/* out_github: GitHub Actions workflow commands, one annotation a finding. */
#ifndef SAMLINT_OUT_GITHUB_H
#define SAMLINT_OUT_GITHUB_H

#include <stdio.h>
#include "engine.h"

/* `::error file=..,line=..,col=..,title=SLnnn name::message` (warning,
 * notice for info); paths relative to the working directory. Suppressed
 * findings are left out. Returns 0, or -1 on a write error. */
int out_github(FILE *out, const lint_result *r, size_t n);

#endif
