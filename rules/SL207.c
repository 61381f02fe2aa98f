/* SL207 provisioned-concurrency-without-alias: SAM needs AutoPublishAlias for it. */
#include "fnconf.h"

RULE_CHECK(SL207)
{
    const tmpl *t = ctx->t;
    for (size_t i = 0; i < t->n_res; i++) {
        const tmpl_resource *r = &t->res[i];
        if (!fnconf_is_function(ctx, r) || !fnconf_is_sam_function(r))
            continue;
        enum tmpl_origin origin;
        doc_id provisioned = tmpl_prop(t, r, &origin, "ProvisionedConcurrencyConfig");
        eval_value v[EVAL_MAX];
        if (provisioned == DOC_NONE || doc_is_null(ctx->d, provisioned)
            || eval_values(t, provisioned, v) == 0)
            continue;
        if (tmpl_prop(t, r, NULL, "AutoPublishAlias") != DOC_NONE)
            continue;
        report_for(ctx, r->id, fnconf_prop_key(ctx, r, origin, "ProvisionedConcurrencyConfig"),
                   "ProvisionedConcurrencyConfig %s needs AutoPublishAlias: "
                   "SAM rejects it without an alias",
                   fnconf_whose(ctx, origin, r));
    }
}
