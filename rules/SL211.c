/* SL211 tracing-disabled: a function without active X-Ray tracing. */
#include "fnconf.h"

RULE_CHECK(SL211)
{
    const tmpl *t = ctx->t;
    for (size_t i = 0; i < t->n_res; i++) {
        const tmpl_resource *r = &t->res[i];
        if (!fnconf_is_function(ctx, r))
            continue;
        int sam = fnconf_is_sam_function(r);
        const char *prop = sam ? "Tracing" : "TracingConfig.Mode";
        enum tmpl_origin origin;
        doc_id mode = sam ? tmpl_prop(t, r, &origin, "Tracing")
                          : tmpl_prop(t, r, &origin, "TracingConfig", "Mode");
        if (mode == DOC_NONE) {
            report_for(ctx, r->id, r->key,
                       "function '%s' has no active X-Ray tracing (%s: Active is not set)", r->id,
                       prop);
            continue;
        }
        eval_value v[EVAL_MAX];
        int n = eval_values(t, mode, v);
        for (int k = 0; k < n; k++)
            if (doc_is_scalar(ctx->d, v[k].value) && !doc_str_eq(ctx->d, v[k].value, "Active"))
                report_for(ctx, r->id, v[k].site,
                           "%s %s %s does not trace requests with X-Ray; use Active",
                           prop, doc_str(ctx->d, v[k].value), fnconf_whose(ctx, origin, r));
    }
}
