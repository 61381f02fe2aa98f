/* cjson_fail: an LD_PRELOAD library for t_oom.sh that makes cJSON's
 * allocations fail after SAMLINT_CJSON_FAIL_AFTER of them (samlint's own
 * allocator, which notes the failure, is still the one that says no). At
 * exit it prints how many cJSON allocations there were when
 * SAMLINT_CJSON_COUNT is set. */
#define _GNU_SOURCE
#include <cjson/cJSON.h>
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static long budget = -1, count;
static void *(*inner_malloc)(size_t) = malloc;

static void *counting_malloc(size_t n)
{
    count++;
    if (budget == 0) return inner_malloc(SIZE_MAX); /* no: the caller's allocator sees a real failure */
    if (budget > 0) budget--;
    return inner_malloc(n);
}

void cJSON_InitHooks(cJSON_Hooks *hooks)
{
    void (*real)(cJSON_Hooks *) = (void (*)(cJSON_Hooks *))dlsym(RTLD_NEXT, "cJSON_InitHooks");
    inner_malloc = hooks && hooks->malloc_fn ? hooks->malloc_fn : malloc;
    cJSON_Hooks h = {counting_malloc, hooks && hooks->free_fn ? hooks->free_fn : free};
    real(&h);
}

static void report(void)
{
    if (getenv("SAMLINT_CJSON_COUNT")) fprintf(stderr, "cjson allocations: %ld\n", count);
}

__attribute__((constructor)) static void start(void)
{
    const char *e = getenv("SAMLINT_CJSON_FAIL_AFTER");
    if (e) budget = atol(e);
    cJSON_InitHooks(NULL); /* cJSON's defaults count too, until samlint sets its own */
    atexit(report);
}
