/* SL212 unstructured-logging: a function whose logs are not JSON. */
#include "fnconf.h"

RULE_CHECK(SL212)
{
    const tmpl *t = ctx->t;
    for (size_t i = 0; i < t->n_res; i++) {
        const tmpl_resource *r = &t->res[i];
        if (!fnconf_is_function(ctx, r))
            continue;
        enum tmpl_origin origin;
        doc_id format = tmpl_prop(t, r, &origin, "LoggingConfig", "LogFormat");
        if (format == DOC_NONE) {
            report_for(ctx, r->id, r->key,
                       "function '%s' writes plain-text logs (LoggingConfig.LogFormat: JSON is "
                       "not set)",
                       r->id);
            continue;
        }
        eval_value v[EVAL_MAX];
        int n = eval_values(t, format, v);
        for (int k = 0; k < n; k++)
            if (doc_is_scalar(ctx->d, v[k].value) && !doc_str_eq(ctx->d, v[k].value, "JSON"))
                report_for(ctx, r->id, v[k].site,
                           "LoggingConfig.LogFormat %s %s is not structured; "
                           "use JSON",
                           doc_str(ctx->d, v[k].value), fnconf_whose(ctx, origin, r));
    }
}
