/* SL201 default-memory: the effective MemorySize is Lambda's default 128 MB. */
#include "fnconf.h"

RULE_CHECK(SL201)
{
    const tmpl *t = ctx->t;
    for (size_t i = 0; i < t->n_res; i++) {
        const tmpl_resource *r = &t->res[i];
        if (!fnconf_is_function(ctx, r))
            continue;
        enum tmpl_origin origin;
        doc_id memory = tmpl_prop(t, r, &origin, "MemorySize");
        if (memory == DOC_NONE) {
            report_for(ctx, r->id, r->key,
                       "function '%s' sets no MemorySize: it runs with the default 128 MB", r->id);
            continue;
        }
        eval_value v[EVAL_MAX];
        int n = eval_values(t, memory, v);
        for (int k = 0; k < n; k++) {
            long long mb;
            if (fnconf_long(ctx, v[k].value, &mb) && mb == 128)
                report_for(ctx, r->id, v[k].site,
                           "MemorySize 128 MB %s is the smallest and the default: it gets a small "
                           "share of CPU",
                           fnconf_whose(ctx, origin, r));
        }
    }
}
