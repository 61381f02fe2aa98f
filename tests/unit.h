/* unit.h: how a C unit test reports, one line per check ("ok NAME" or
 * "not ok NAME: DETAIL", read by tests/t_loader.sh), with the failures
 * counted for the exit status. */
#ifndef SAMLINT_UNIT_H
#define SAMLINT_UNIT_H
#include <stdio.h>

static int failures;

static inline void expect(int cond, const char *name, const char *detail)
{
    if (cond) printf("ok %s\n", name);
    else {
        printf("not ok %s: %s\n", name, detail);
        failures++;
    }
}
#endif
