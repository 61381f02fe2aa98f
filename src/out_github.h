/* out_github: GitHub Actions workflow commands, one annotation a finding. */
#ifndef SAMLINT_OUT_GITHUB_H
#define SAMLINT_OUT_GITHUB_H

#include <stdio.h>
#include "engine.h"

/* `::error file=..,line=..,col=..,title=SLnnn name::message` (warning,
 * notice for info); paths relative to the repository root. Suppressed
 * findings are left out; past GitHub's cap of 10 of a kind they are log
 * lines behind "samlint: ". Unless `quiet`, a last log line
 * "samlint: <summary>". Returns 0, or -1 on a write error. */
int out_github(FILE *out, const lint_result *r, size_t n, int quiet);

#endif
