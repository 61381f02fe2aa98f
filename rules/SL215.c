/* SL215 state-machine-tracing-disabled: a Step Functions state machine without X-Ray tracing. */
#include "../src/rule.h"
#include "observe.h"

RULE_CHECK(SL215)
{
    const tmpl *t = ctx->t;
    const doc *d = ctx->d;
    for (size_t i = 0; i < t->n_res; i++) {
        const tmpl_resource *r = &t->res[i];
        enum tmpl_origin origin = TMPL_OWN;
        const char *key;
        doc_id enabled, config, bad;
        if (tmpl_is_type(r, "AWS::Serverless::StateMachine")) {
            key = "Tracing";
            enabled = tmpl_prop(t, r, &origin, key, "Enabled");
            config = tmpl_prop(t, r, &origin, key);
        } else if (tmpl_is_type(r, "AWS::StepFunctions::StateMachine")) {
            key = "TracingConfiguration";
            config = doc_is_map(d, r->props) ? doc_get(d, r->props, key) : DOC_NONE;
            enabled = doc_is_map(d, config) ? doc_get(d, config, "Enabled") : DOC_NONE;
        } else {
            continue;
        }
        if (enabled != DOC_NONE && !doc_is_null(d, enabled)) {
            if (obs_all_true(t, enabled, &bad) == 0)
                report_for(ctx, r->id, bad,
                           "state machine '%s' has X-Ray tracing turned off (%s.Enabled is not true)", r->id, key);
            continue;
        }
        if (config != DOC_NONE && !doc_is_null(d, config)) {
            doc_id arg;
            if (doc_intrinsic(d, config, &arg))
                continue;   /* !If [...] and the like: not judged */
            report_for(ctx, r->id, config, "state machine '%s' has no X-Ray tracing: %s has no Enabled: true",
                       r->id, key);
            continue;
        }
        report_for(ctx, r->id, config != DOC_NONE ? obs_site(d, config) : r->key,
                   "state machine '%s' has no X-Ray tracing (%s: {Enabled: true})", r->id, key);
    }
}
