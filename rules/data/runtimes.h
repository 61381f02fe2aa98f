/* runtimes: Lambda runtime identifiers with their AWS deprecation dates. */
#ifndef SAMLINT_RUNTIMES_H
#define SAMLINT_RUNTIMES_H

/* One managed runtime. Dates are YYYYMMDD; 0 means AWS has published none. */
typedef struct lambda_runtime {
    const char *id;        /* "nodejs20.x", as written in Runtime */
    int deprecated;        /* AWS deprecation date (SL205 warning from here) */
    int block_create;      /* AWS blocks creating functions from here (SL205 error) */
} lambda_runtime;

/* The table, ending with {NULL, 0, 0}. */
extern const lambda_runtime lambda_runtimes[];

/* The entry for a runtime identifier (exact, case-sensitive), or NULL. */
const lambda_runtime *lambda_runtime_find(const char *id);

/* The newest runtime of rt's family (nodejs, python, java, dotnet, ruby,
 * provided) that is not deprecated on `today` and takes new functions;
 * NULL when there is none or it is rt itself. */
const lambda_runtime *lambda_runtime_newest(const lambda_runtime *rt, int today);

#endif
