/* SL202 low-timeout: the effective Timeout is 1 to 3 seconds (unset = 3). */
#include "fnconf.h"

RULE_CHECK(SL202)
{
    const tmpl *t = ctx->t;
    for (size_t i = 0; i < t->n_res; i++) {
        const tmpl_resource *r = &t->res[i];
        if (!fnconf_is_function(ctx, r))
            continue;
        enum tmpl_origin origin;
        doc_id timeout = tmpl_prop(t, r, &origin, "Timeout");
        if (timeout == DOC_NONE) {
            report_for(ctx, r->id, r->key,
                       "function '%s' sets no Timeout: it is stopped after the default 3 s", r->id);
            continue;
        }
        eval_value v[EVAL_MAX];
        int n = eval_values(t, timeout, v);
        for (int k = 0; k < n; k++) {
            long long seconds;
            if (fnconf_long(ctx, v[k].value, &seconds) && seconds >= 1 && seconds <= 3)
                report_for(ctx, r->id, v[k].site,
                           "Timeout %lld s %s leaves no room for a cold start or a slow call",
                           seconds, fnconf_whose(ctx, origin, r));
        }
    }
}
