/* SL503 api-tracing-disabled: a REST API stage without X-Ray tracing. */
#include "../src/rule.h"
#include "observe.h"

RULE_CHECK(SL503)
{
    const api_stage *stages;
    size_t n = api_stages(ctx, &stages);
    for (size_t i = 0; i < n; i++) {
        const api_stage *s = &stages[i];
        enum tmpl_origin origin;
        doc_id bad;
        doc_id v;
        if (s->kind != API_REST)   /* HTTP APIs cannot trace with X-Ray */
            continue;
        v = api_prop(ctx->t, s, &origin, "TracingEnabled", NULL);
        if (v == DOC_NONE || doc_is_null(ctx->d, v)) {
            report_for(ctx, s->res->id, v != DOC_NONE ? obs_site(ctx->d, v) : s->anchor,
                       "%s has no X-Ray tracing (TracingEnabled: true)", api_who(s, origin, v));
            continue;
        }
        if (obs_all_true(ctx->t, v, &bad) == 0)
            report_for(ctx, s->res->id, bad, "%s has X-Ray tracing turned off (TracingEnabled is not true)",
                       api_who(s, origin, v));
    }
}
