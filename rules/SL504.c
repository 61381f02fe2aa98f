/* SL504 api-default-throttling-unset: an API stage without default throttling limits. */
#include <string.h>
#include "../src/rule.h"
#include "observe.h"

/* Does every possible value of `node` equal `want`? 1 yes, 0 no, -1 unknown. */
static int all_equal(const tmpl *t, doc_id node, const char *want)
{
    eval_value vals[EVAL_MAX];
    int n = eval_values(t, node, vals);
    if (n < 0)
        return -1;
    if (n == 0)
        return 0;
    for (int i = 0; i < n; i++)
        if (!doc_str_eq(t->d, vals[i].value, want))
            return 0;
    return 1;
}

/* Is there a MethodSettings entry for every method of every path (HttpMethod
 * star, ResourcePath slash-star) that sets both limits? 1 yes, 0 no, -1 cannot tell. */
static int has_default_method_setting(const tmpl *t, doc_id settings)
{
    const doc *d = t->d;
    eval_value lists[EVAL_MAX];
    int n = eval_values(t, settings, lists), unknown = 0;
    if (n < 0)
        return -1;
    for (int i = 0; i < n; i++) {
        doc_id list = lists[i].value;
        int found = 0;
        if (!doc_is_seq(d, list))
            return -1;
        for (uint32_t k = 0; k < doc_count(d, list) && !found; k++) {
            eval_value items[EVAL_MAX];
            int m = eval_values(t, doc_item(d, list, k), items);
            if (m != 1 || !doc_is_map(d, items[0].value)) {
                unknown |= m != 0;
                continue;
            }
            doc_id e = items[0].value;
            int method = all_equal(t, doc_get(d, e, "HttpMethod"), "*");
            int path = all_equal(t, doc_get(d, e, "ResourcePath"), "/*");
            if (method < 0 || path < 0) {
                unknown = 1;
                continue;
            }
            found = method && path && obs_has_value(d, doc_get(d, e, "ThrottlingBurstLimit"))
                    && obs_has_value(d, doc_get(d, e, "ThrottlingRateLimit"));
        }
        if (!found)
            return unknown ? -1 : 0;
    }
    return n > 0;
}

/* A SAM Api whose Auth.UsagePlan sets Throttle limits and that requires an
 * API key on every call (Auth.ApiKeyRequired: true) is throttled by the plan. */
static int usage_plan_throttles(lint_ctx *ctx, const api_stage *s)
{
    const doc *d = ctx->d;
    enum tmpl_origin origin;
    int required = 0;
    doc_id plan = api_prop(ctx->t, s, &origin, "Auth", "UsagePlan");
    doc_id throttle = doc_is_map(d, plan) ? doc_get(d, plan, "Throttle") : DOC_NONE;
    if (!doc_is_map(d, throttle) || doc_str_eq(d, doc_get(d, plan, "CreateUsagePlan"), "NONE"))
        return 0;
    if (!obs_has_value(d, doc_get(d, throttle, "BurstLimit")) && !obs_has_value(d, doc_get(d, throttle, "RateLimit")))
        return 0;
    return doc_get_bool(d, api_prop(ctx->t, s, &origin, "Auth", "ApiKeyRequired"), &required) && required;
}

static void check_rest(lint_ctx *ctx, const api_stage *s)
{
    const tmpl *t = ctx->t;
    const doc *d = ctx->d;
    doc_id own = DOC_NONE, global = DOC_NONE, null_at = DOC_NONE;
    if (s->sam && usage_plan_throttles(ctx, s))
        return;
    /* SAM appends a Globals list to the resource's own list: either may hold it. */
    if (!s->implicit && doc_is_map(d, s->settings))
        own = doc_get(d, s->settings, "MethodSettings");
    /* A Deployment's StageDescription sets the stage-wide limits directly. */
    if (s->deployment && doc_is_map(d, s->settings)
        && obs_has_value(d, doc_get(d, s->settings, "ThrottlingBurstLimit"))
        && obs_has_value(d, doc_get(d, s->settings, "ThrottlingRateLimit")))
        return;
    if (s->sam) {
        doc_id g = s->implicit ? t->globals_api : tmpl_globals_for(t, s->res);
        if (doc_is_map(d, g))
            global = doc_get(d, g, "MethodSettings");
    }
    if (own != DOC_NONE && doc_is_null(d, own)) {
        null_at = obs_site(d, own);
        own = DOC_NONE;
    }
    if (global != DOC_NONE && doc_is_null(d, global)) {
        null_at = null_at != DOC_NONE ? null_at : obs_site(d, global);
        global = DOC_NONE;
    }
    /* Found (1) or cannot tell (-1): nothing to report. */
    if (own != DOC_NONE && has_default_method_setting(t, own) != 0)
        return;
    if (global != DOC_NONE && has_default_method_setting(t, global) != 0)
        return;
    if (own != DOC_NONE || global != DOC_NONE)
        report_for(ctx, s->res->id, own != DOC_NONE ? own : global,
                   "%s has no default throttling: no MethodSettings entry for HttpMethod '*' and "
                   "ResourcePath '/*' with ThrottlingBurstLimit and ThrottlingRateLimit",
                   own != DOC_NONE ? s->label : "Globals.Api");
    else
        report_for(ctx, s->res->id, null_at != DOC_NONE ? null_at : s->anchor,
                   "%s has no default throttling (MethodSettings for '*' '/*' with burst and rate limits)",
                   s->label);
}

static void check_http(lint_ctx *ctx, const api_stage *s)
{
    enum tmpl_origin origin;
    doc_id burst = api_prop(ctx->t, s, &origin, "DefaultRouteSettings", "ThrottlingBurstLimit");
    doc_id rate = api_prop(ctx->t, s, &origin, "DefaultRouteSettings", "ThrottlingRateLimit");
    doc_id routes, arg;
    if (obs_has_value(ctx->d, burst) && obs_has_value(ctx->d, rate))
        return;
    routes = api_prop(ctx->t, s, &origin, "DefaultRouteSettings", NULL);
    if (routes != DOC_NONE && doc_intrinsic(ctx->d, routes, &arg))
        return;   /* !If [...] and the like: not judged */
    if (routes != DOC_NONE && !doc_is_null(ctx->d, routes))
        report_for(ctx, s->res->id, routes, "%s has no default throttling: DefaultRouteSettings lacks %s",
                   api_who(s, origin, routes), !obs_has_value(ctx->d, burst) && !obs_has_value(ctx->d, rate)
                                 ? "ThrottlingBurstLimit and ThrottlingRateLimit"
                                 : !obs_has_value(ctx->d, burst) ? "ThrottlingBurstLimit" : "ThrottlingRateLimit");
    else
        report_for(ctx, s->res->id, routes != DOC_NONE ? obs_site(ctx->d, routes) : s->anchor,
                   "%s has no default throttling (DefaultRouteSettings with burst and rate limits)", s->label);
}

RULE_CHECK(SL504)
{
    const api_stage *stages;
    size_t n = api_stages(ctx, &stages);
    for (size_t i = 0; i < n; i++) {
        if (stages[i].kind == API_REST)
            check_rest(ctx, &stages[i]);
        else
            check_http(ctx, &stages[i]);
    }
}
