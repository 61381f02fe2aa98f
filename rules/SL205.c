/* SL205 deprecated-runtime: the Runtime is past AWS's deprecation or create-block date. */
#include "fnconf.h"
#include "data/runtimes.h"

/* Unsafe: the code must run on the newer runtime. Only a literal Runtime
 * (the function's own, or Globals') is rewritten; a parameter's Default
 * may serve other resources. */
static void fix_runtime(lint_ctx *ctx, doc_id runtime, const eval_value *v, const lambda_runtime *rt, int today)
{
    const lambda_runtime *newest = lambda_runtime_newest(rt, today);
    lint_edit edit;
    if (!newest || v->value != runtime || !lint_edit_scalar(ctx, runtime, newest->id, &edit))
        return;
    char title[96];
    snprintf(title, sizeof title, "Change the runtime to %s", newest->id);
    report_fix(ctx, 0, title, &edit, 1);
}

RULE_CHECK(SL205)
{
    const tmpl *t = ctx->t;
    int today = lint_today(ctx);
    for (size_t i = 0; i < t->n_res; i++) {
        const tmpl_resource *r = &t->res[i];
        if (!fnconf_is_function(ctx, r))
            continue;
        enum tmpl_origin origin;
        doc_id runtime = tmpl_prop(t, r, &origin, "Runtime");
        eval_value v[EVAL_MAX];
        int n = eval_values(t, runtime, v);
        for (int k = 0; k < n; k++) {
            const lambda_runtime *rt = lambda_runtime_find(doc_str(ctx->d, v[k].value));
            if (!rt)
                continue;
            char day[16], deprecated[16];
            if (rt->block_create && today >= rt->block_create)
                report_sev(ctx, SEV_ERROR, r->id, v[k].site,
                           "runtime %s %s is deprecated (%s) and AWS no longer "
                           "creates functions with it (since %s)",
                           rt->id, fnconf_whose(ctx, origin, r),
                           fnconf_date(deprecated, rt->deprecated),
                           fnconf_date(day, rt->block_create));
            else if (rt->deprecated && today >= rt->deprecated)
                report_sev(ctx, SEV_WARNING, r->id, v[k].site,
                           "runtime %s %s is deprecated since %s: no more "
                           "security patches",
                           rt->id, fnconf_whose(ctx, origin, r),
                           fnconf_date(deprecated, rt->deprecated));
            else
                continue;
            fix_runtime(ctx, runtime, &v[k], rt, today);
        }
    }
}
