/* SL216 appsync-tracing-disabled: an AppSync GraphQL API without X-Ray tracing. */
#include "../src/rule.h"
#include "observe.h"

RULE_CHECK(SL216)
{
    const tmpl *t = ctx->t;
    const doc *d = ctx->d;
    for (size_t i = 0; i < t->n_res; i++) {
        const tmpl_resource *r = &t->res[i];
        enum tmpl_origin origin = TMPL_OWN;
        doc_id xray, bad;
        if (!tmpl_is_type(r, "AWS::AppSync::GraphQLApi") && !tmpl_is_type(r, "AWS::Serverless::GraphQLApi"))
            continue;
        xray = tmpl_prop(t, r, &origin, "XrayEnabled");
        if (xray == DOC_NONE || doc_is_null(d, xray))
            report_for(ctx, r->id, xray != DOC_NONE ? obs_site(d, xray) : r->key,
                       "GraphQL API '%s' has no X-Ray tracing (XrayEnabled: true)", r->id);
        else if (obs_all_true(t, xray, &bad) == 0)
            report_for(ctx, r->id, bad, "GraphQL API '%s' has X-Ray tracing turned off (XrayEnabled is not true)",
                       r->id);
    }
}
