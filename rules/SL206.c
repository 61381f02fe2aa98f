/* SL206 java-without-snapstart: Java 11+ functions should resume from a SnapStart snapshot. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "fnconf.h"

/* "java11", "java17", "java21", "java25", ...: not "java8" nor "java8.al2". */
static int is_snapstart_java(const char *runtime)
{
    if (!runtime || strncmp(runtime, "java", 4) != 0 || !isdigit((unsigned char)runtime[4]))
        return 0;
    char *end;
    long version = strtol(runtime + 4, &end, 10);
    return *end == '\0' && version >= 11;
}

static int any_java(const lint_ctx *ctx, doc_id runtime)
{
    eval_value v[EVAL_MAX];
    int n = eval_values(ctx->t, runtime, v);
    for (int k = 0; k < n; k++)
        if (is_snapstart_java(doc_str(ctx->d, v[k].value)))
            return 1;
    return 0;
}

/* SnapStart cannot be turned on with these (AWS: SnapStart limitations). */
static int snapstart_unsupported(const lint_ctx *ctx, const tmpl_resource *r)
{
    const tmpl *t = ctx->t;
    if (doc_str_eq(ctx->d, tmpl_prop(t, r, NULL, "PackageType"), "Image"))
        return 1;
    if (tmpl_prop(t, r, NULL, "ProvisionedConcurrencyConfig") != DOC_NONE)
        return 1;
    if (tmpl_prop(t, r, NULL, "FileSystemConfigs") != DOC_NONE)
        return 1;
    long long size;
    doc_id storage = tmpl_prop(t, r, NULL, "EphemeralStorage", "Size");
    return fnconf_long(ctx, storage, &size) && size > 512;
}

RULE_CHECK(SL206)
{
    const tmpl *t = ctx->t;
    for (size_t i = 0; i < t->n_res; i++) {
        const tmpl_resource *r = &t->res[i];
        if (!fnconf_is_function(ctx, r) || !any_java(ctx, tmpl_prop(t, r, NULL, "Runtime"))
            || snapstart_unsupported(ctx, r))
            continue;
        enum tmpl_origin origin;
        doc_id apply_on = tmpl_prop(t, r, &origin, "SnapStart", "ApplyOn");
        if (apply_on == DOC_NONE) {
            report_for(ctx, r->id, r->key,
                       "Java function '%s' has no SnapStart: every cold start boots the JVM; "
                       "set SnapStart: {ApplyOn: PublishedVersions}",
                       r->id);
            continue;
        }
        eval_value v[EVAL_MAX];
        int n = eval_values(t, apply_on, v);
        for (int k = 0; k < n; k++)
            if (doc_is_scalar(ctx->d, v[k].value)
                && !doc_str_eq(ctx->d, v[k].value, "PublishedVersions"))
                report_for(ctx, r->id, v[k].site,
                           "SnapStart.ApplyOn %s %s leaves SnapStart off for this Java function",
                           doc_str(ctx->d, v[k].value), fnconf_whose(ctx, origin, r));
    }
}
