/* SL204 out-of-range: numeric function settings outside what Lambda accepts. */
#include <limits.h>
#include "fnconf.h"

static const struct {
    const char *key, *sub;   /* property path (sub may be NULL) */
    long long min, max;
    const char *label, *unit;
} limits[] = {
    {"MemorySize", NULL, 128, 10240, "MemorySize", " MB"},
    {"Timeout", NULL, 1, 900, "Timeout", " s"},
    {"EphemeralStorage", "Size", 512, 10240, "EphemeralStorage.Size", " MB"},
    {"ReservedConcurrentExecutions", NULL, 0, LLONG_MAX, "ReservedConcurrentExecutions", ""},
};

RULE_CHECK(SL204)
{
    const tmpl *t = ctx->t;
    for (size_t i = 0; i < t->n_res; i++) {
        const tmpl_resource *r = &t->res[i];
        if (!fnconf_is_function(ctx, r))
            continue;
        for (size_t l = 0; l < sizeof limits / sizeof limits[0]; l++) {
            enum tmpl_origin origin;
            doc_id node = tmpl_prop(t, r, &origin, limits[l].key, limits[l].sub);
            eval_value v[EVAL_MAX];
            int n = eval_values(t, node, v);
            for (int k = 0; k < n; k++) {
                long long value;
                if (!fnconf_long(ctx, v[k].value, &value))
                    continue;
                if (value < limits[l].min)
                    report_for(ctx, r->id, v[k].site,
                               "%s %lld%s %s is below the minimum of %lld",
                               limits[l].label, value, limits[l].unit, fnconf_whose(ctx, origin, r),
                               limits[l].min);
                else if (value > limits[l].max)
                    report_for(ctx, r->id, v[k].site,
                               "%s %lld%s %s is above the maximum of %lld",
                               limits[l].label, value, limits[l].unit, fnconf_whose(ctx, origin, r),
                               limits[l].max);
            }
        }
    }
}
