/* fnconf: helpers shared by the function-configuration rules (SL201-SL212). */
#ifndef SAMLINT_FNCONF_H
#define SAMLINT_FNCONF_H

#include <stdio.h>
#include <string.h>
#include "../src/rule.h"

/* A function whose configuration can be judged: AWS::Serverless::Function or
 * AWS::Lambda::Function whose Properties, if written, is a mapping. */
static inline int fnconf_is_function(const lint_ctx *ctx, const tmpl_resource *r)
{
    if (!r->is_function)
        return 0;
    doc_id props = doc_get(ctx->d, r->node, "Properties");
    return props == DOC_NONE || doc_is_map(ctx->d, props);
}

static inline int fnconf_is_sam_function(const tmpl_resource *r)
{
    return tmpl_is_type(r, "AWS::Serverless::Function");
}

/* The integer an evaluated value holds; 0 when it holds none. */
static inline int fnconf_long(const lint_ctx *ctx, doc_id value, long long *out)
{
    return doc_is_scalar(ctx->d, value) && doc_get_long(ctx->d, value, out);
}

/* Whose value it is, for a message: "from Globals" when SAM Globals
 * decides it (one finding there, which the engine ends with "; applies to
 * One, Two, ..."), else "of function 'Id'". */
static inline const char *fnconf_whose(lint_ctx *ctx, enum tmpl_origin origin, const tmpl_resource *r)
{
    if (origin == TMPL_GLOBALS)
        return "from Globals";
    size_t n = strlen(r->id) + sizeof "of function ''";
    char *s = lint_alloc(ctx, n);
    snprintf(s, n, "of function '%s'", r->id);
    return s;
}

/* The key node naming `name` where tmpl_prop found it (own Properties or the
 * Globals section), for findings about a whole mapping-valued property. */
static inline doc_id fnconf_prop_key(const lint_ctx *ctx, const tmpl_resource *r,
                                     enum tmpl_origin origin, const char *name)
{
    doc_id holder = origin == TMPL_GLOBALS ? tmpl_globals_for(ctx->t, r) : r->props;
    doc_id key = doc_get_key(ctx->d, holder, name);
    return key != DOC_NONE ? key : r->key;
}

/* YYYYMMDD as YYYY-MM-DD into buf. */
static inline const char *fnconf_date(char buf[16], int yyyymmdd)
{
    snprintf(buf, 16, "%04d-%02d-%02d", (yyyymmdd / 10000) % 10000, yyyymmdd / 100 % 100,
             yyyymmdd % 100);
    return buf;
}

#endif
