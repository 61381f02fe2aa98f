/* runtimes: every Lambda runtime identifier AWS has offered, with its dates.
 *
 * Source: AWS Lambda Developer Guide, "Lambda runtimes" (the supported and
 * deprecated runtime tables: columns "Deprecation date" and "Block function
 * create"), and the per-language pages that repeat them (lambda-nodejs,
 * lambda-python, lambda-java, lambda-ruby, lambda-csharp, runtimes-provided).
 * Runtimes retired before those columns existed take the dates of the older
 * "Runtime support policy" page (end of life / "Deprecation (Create)").
 * Dates of supported runtimes are AWS's projected ones: they are what the
 * page lists, and AWS has moved some of them later before; 0 = none listed
 * ("Not scheduled"). Container-only runtimes (dotnet5.0, dotnet7, dotnet9)
 * have no create block. Checked November 2026.
 *
 * To add or change a runtime: edit its row (YYYYMMDD), keep the rows grouped
 * by language, newest first, and run `make check` (fixtures/SL205 and
 * tests/t_runtimes.sh pin SAMLINT_TODAY, so they show what moved). */
#include <string.h>
#include "runtimes.h"

const lambda_runtime lambda_runtimes[] = {
    /* Node.js */
    {"nodejs24.x",     20280430, 20280601},
    {"nodejs22.x",     20270430, 20270601},
    {"nodejs20.x",     20260430, 20260831},
    {"nodejs18.x",     20250901, 20260203},
    {"nodejs16.x",     20240612, 20260203},
    {"nodejs14.x",     20231204, 20260203},
    {"nodejs12.x",     20230331, 20230331},
    {"nodejs10.x",     20210730, 20210730},
    {"nodejs8.10",     20191231, 20200106},
    {"nodejs6.10",     20190430, 20190430},
    {"nodejs4.3-edge", 20180430, 20181215},
    {"nodejs4.3",      20180430, 20181215},
    {"nodejs",         20161031, 20161031},
    /* Python */
    {"python3.14",     20290630, 20290731},
    {"python3.13",     20290630, 20290731},
    {"python3.12",     20281031, 20281130},
    {"python3.11",     20270630, 20270731},
    {"python3.10",     20261031, 20261130},
    {"python3.9",      20251215, 20260831},
    {"python3.8",      20241014, 20260203},
    {"python3.7",      20231204, 20260203},
    {"python3.6",      20220718, 20220718},
    {"python2.7",      20210715, 20210715},
    /* Java */
    {"java25",         20290630, 20290731},
    {"java21",         20290630, 20290731},
    {"java17",         20270630, 20270731},
    {"java11",         20270630, 20270731},
    {"java8.al2",      20270630, 20270731},
    {"java8",          20240108, 20240208},
    /* .NET */
    {"dotnet10",       20281114, 20281214},
    {"dotnet9",        20261110, 0},        /* container images only */
    {"dotnet8",        20261110, 20270201},
    {"dotnet7",        20240514, 0},        /* container images only */
    {"dotnet6",        20241220, 20270201},
    {"dotnet5.0",      20220510, 0},        /* container images only */
    {"dotnetcore3.1",  20230403, 20230403},
    {"dotnetcore2.1",  20220105, 20220105},
    {"dotnetcore2.0",  20190430, 20190430},
    {"dotnetcore1.0",  20190627, 20190627},
    /* Ruby */
    {"ruby3.4",        20280331, 20280430},
    {"ruby3.3",        20270331, 20270430},
    {"ruby3.2",        20260331, 20260831},
    {"ruby2.7",        20231207, 20240109},
    {"ruby2.5",        20210730, 20210730},
    /* Go and OS-only */
    {"go1.x",          20240108, 20240208},
    {"provided.al2023", 0,       0},
    {"provided.al2",   20270630, 20270731}, /* as the other Amazon Linux 2 runtimes */
    {"provided",       20240108, 20240208},
    {NULL, 0, 0}
};

const lambda_runtime *lambda_runtime_find(const char *id)
{
    if (!id)
        return NULL;
    for (const lambda_runtime *r = lambda_runtimes; r->id; r++)
        if (strcmp(r->id, id) == 0)
            return r;
    return NULL;
}

/* A family is the identifier's leading letters ("nodejs", "python",
 * "java"); the .NET Core runtimes belong to "dotnet". */
static size_t family_len(const char *id)
{
    if (strncmp(id, "dotnet", 6) == 0)
        return 6;
    size_t n = 0;
    while (id[n] >= 'a' && id[n] <= 'z')
        n++;
    return n;
}

const lambda_runtime *lambda_runtime_newest(const lambda_runtime *rt, int today)
{
    size_t fl = family_len(rt->id);
    for (const lambda_runtime *r = lambda_runtimes; r->id; r++) {
        /* Newest first within a family; only a runtime AWS still creates functions with. */
        if (family_len(r->id) != fl || strncmp(r->id, rt->id, fl) != 0 || !r->block_create)
            continue;
        if (r->deprecated && today >= r->deprecated)
            return NULL;
        return r == rt ? NULL : r;
    }
    return NULL;
}
