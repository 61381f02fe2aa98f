/* SL210 rest-api-without-rest-features: a SAM REST API that an HTTP API could replace. */
#include <ctype.h>
#include <string.h>
#include "fnconf.h"

/* Any possible value of node is boolean true. */
static int maybe_true(const lint_ctx *ctx, doc_id node)
{
    eval_value v[EVAL_MAX];
    int n = eval_values(ctx->t, node, v);
    for (int k = 0; k < n; k++) {
        int b;
        if (doc_get_bool(ctx->d, v[k].value, &b) && b)
            return 1;
    }
    return 0;
}

static int maybe_string(const lint_ctx *ctx, doc_id node, const char *s)
{
    eval_value v[EVAL_MAX];
    int n = eval_values(ctx->t, node, v);
    for (int k = 0; k < n; k++) {
        const char *text = doc_str(ctx->d, v[k].value);
        if (text && strcmp(text, s) == 0)
            return 1;
    }
    return 0;
}

static int is_set(const lint_ctx *ctx, doc_id node)
{
    return node != DOC_NONE && !doc_is_null(ctx->d, node);
}

static int str_ieq(const char *a, const char *b)
{
    if (!a)
        return 0;
    for (; *a && *b; a++, b++)
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return 0;
    return *a == *b;
}

/* REST-only extensions anywhere in an inline OpenAPI definition. */
static const char *definition_feature(const lint_ctx *ctx, doc_id body)
{
    const doc *d = ctx->d;
    static const char *const keys[][2] = {
        {"x-amazon-apigateway-request-validators", "request validators"},
        {"x-amazon-apigateway-request-validator", "request validators"},
        {"x-amazon-apigateway-policy", "a resource policy"},
        {"x-amazon-apigateway-api-key-source", "API keys"},
        {"x-amazon-apigateway-gateway-responses", "gateway responses"},
        {"requestTemplates", "mapping templates"},
        {"responseTemplates", "mapping templates"},
    };
    for (doc_id id = body; id < doc_subtree_end(d, body); id++) {
        if (!doc_is_map(d, id))
            continue;
        for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
            if (doc_get(d, id, keys[k][0]) != DOC_NONE)
                return keys[k][1];
        doc_id integration = doc_get(d, id, "x-amazon-apigateway-integration");
        const char *type = doc_str(d, doc_get(d, integration, "type"));
        if (str_ieq(type, "aws") || str_ieq(type, "http") || str_ieq(type, "mock"))
            return "a non-proxy integration";
        if (doc_str_eq(d, doc_get(d, id, "type"), "apiKey")
            && str_ieq(doc_str(d, doc_get(d, id, "name")), "x-api-key")
            && doc_get(d, id, "x-amazon-apigateway-authorizer") == DOC_NONE)
            return "API keys";
    }
    return NULL;
}

/* What the APIs' events and WAF associations use, per resource index:
 * found in one pass over the events and one over the references, not one
 * per API (quadratic with thousands of APIs). */
typedef struct api_uses {
    const char **event_feature;  /* the first Api event's REST-only feature */
    unsigned char *waf;          /* a web ACL association names it */
} api_uses;

/* A function's Api event that requires an API key or a model. */
static const char *event_feature(const lint_ctx *ctx, const graph_event *ev)
{
    if (maybe_true(ctx, doc_path(ctx->d, ev->props, "Auth", "ApiKeyRequired")))
        return "API keys";
    if (is_set(ctx, doc_path(ctx->d, ev->props, "Auth", "ResourcePolicy")))
        return "a resource policy";
    if (is_set(ctx, doc_get(ctx->d, ev->props, "RequestModel")))
        return "request models";
    doc_id params = doc_get(ctx->d, ev->props, "RequestParameters");
    for (uint32_t k = 0; doc_is_seq(ctx->d, params) && k < doc_count(ctx->d, params); k++) {
        doc_id item = doc_item(ctx->d, params, k);
        for (uint32_t p = 0; doc_is_map(ctx->d, item) && p < doc_count(ctx->d, item); p++) {
            doc_id options = doc_val(ctx->d, item, p);
            if (maybe_true(ctx, doc_get(ctx->d, options, "Required")))
                return "request validation";
            if (maybe_true(ctx, doc_get(ctx->d, options, "Caching")))
                return "caching";
        }
    }
    return NULL;
}

static api_uses find_api_uses(lint_ctx *ctx)
{
    const graph *g = ctx->g;
    const doc *d = ctx->d;
    api_uses u;
    u.event_feature = lint_scratch(ctx, (ctx->t->n_res + 1) * sizeof *u.event_feature);
    u.waf = lint_scratch(ctx, ctx->t->n_res + 1);
    for (size_t i = 0; i < g->n_events; i++) {
        const graph_event *ev = &g->events[i];
        if (ev->origin != EV_SAM_EVENT || !ev->type || strcmp(ev->type, "Api") != 0
            || !doc_is_map(d, ev->props))
            continue;
        /* RestApiId: !Ref Api, or the bare logical id that SAM accepts too. */
        doc_id rest_api = doc_get(d, ev->props, "RestApiId");
        int api = graph_target(g, rest_api);
        if (api < 0 && doc_str(d, rest_api))
            api = graph_resource(g, doc_str(d, rest_api));
        if (api >= 0 && !u.event_feature[api])
            u.event_feature[api] = event_feature(ctx, ev);
    }
    for (size_t i = 0; i < g->n_refs; i++) {
        const graph_ref *ref = &g->refs[i];
        if (ref->to < 0 || ref->from < 0)
            continue;
        const tmpl_resource *assoc = &ctx->t->res[ref->from];
        if (!tmpl_is_type(assoc, "AWS::WAFv2::WebACLAssociation")
            && !tmpl_is_type(assoc, "AWS::WAFRegional::WebACLAssociation"))
            continue;
        doc_id arn = doc_get(d, assoc->props, "ResourceArn");
        if (arn != DOC_NONE && ref->node >= arn && ref->node < doc_subtree_end(d, arn))
            u.waf[ref->to] = 1;
    }
    return u;
}

/* Which REST-only feature the API uses, or NULL for none. */
static const char *rest_feature(const lint_ctx *ctx, const tmpl_resource *r, int api, const api_uses *uses)
{
    const tmpl *t = ctx->t;
    const doc *d = ctx->d;
    if (maybe_true(ctx, tmpl_prop(t, r, NULL, "Auth", "ApiKeyRequired")))
        return "API keys";
    doc_id plan = tmpl_prop(t, r, NULL, "Auth", "UsagePlan");
    if (is_set(ctx, plan) && !maybe_string(ctx, doc_get(d, plan, "CreateUsagePlan"), "NONE"))
        return "a usage plan";
    if (is_set(ctx, tmpl_prop(t, r, NULL, "ApiKeySourceType")))
        return "API keys";
    if (maybe_true(ctx, tmpl_prop(t, r, NULL, "CacheClusterEnabled")))
        return "caching";
    doc_id settings = tmpl_prop(t, r, NULL, "MethodSettings");
    for (uint32_t k = 0; doc_is_seq(d, settings) && k < doc_count(d, settings); k++)
        if (maybe_true(ctx, doc_get(d, doc_item(d, settings, k), "CachingEnabled")))
            return "caching";
    if (is_set(ctx, tmpl_prop(t, r, NULL, "Models")))
        return "request models";
    if (is_set(ctx, tmpl_prop(t, r, NULL, "Auth", "ResourcePolicy")))
        return "a resource policy";
    if (is_set(ctx, tmpl_prop(t, r, NULL, "CanarySetting")))
        return "canary deployments";
    doc_id endpoint = tmpl_prop(t, r, NULL, "EndpointConfiguration");
    if (maybe_string(ctx, endpoint, "PRIVATE")
        || maybe_string(ctx, doc_get(d, endpoint, "Type"), "PRIVATE"))
        return "a private endpoint";
    /* Edge-optimized endpoints and custom domains exist for REST APIs only;
     * EDGE is the REST default, so only an explicit choice counts. */
    doc_id domain_endpoint = tmpl_prop(t, r, NULL, "Domain", "EndpointConfiguration");
    if (maybe_string(ctx, endpoint, "EDGE") || maybe_string(ctx, doc_get(d, endpoint, "Type"), "EDGE")
        || maybe_string(ctx, domain_endpoint, "EDGE"))
        return "an edge-optimized endpoint";
    if (maybe_true(ctx, tmpl_prop(t, r, NULL, "TracingEnabled")))
        return "X-Ray tracing";
    if (is_set(ctx, tmpl_prop(t, r, NULL, "GatewayResponses")))
        return "gateway responses";
    if (is_set(ctx, tmpl_prop(t, r, NULL, "MinimumCompressionSize")))
        return "payload compression";
    doc_id body = tmpl_prop(t, r, NULL, "DefinitionBody");
    const char *feature = doc_is_map(d, body) ? definition_feature(ctx, body) : NULL;
    if (feature)
        return feature;
    if ((feature = uses->event_feature[api]))
        return feature;
    return uses->waf[api] ? "AWS WAF" : NULL;
}

RULE_CHECK(SL210)
{
    const tmpl *t = ctx->t;
    api_uses uses = find_api_uses(ctx);
    for (size_t i = 0; i < t->n_res; i++) {
        const tmpl_resource *r = &t->res[i];
        if (!tmpl_is_type(r, "AWS::Serverless::Api"))
            continue;
        doc_id props = doc_get(ctx->d, r->node, "Properties");
        if (props != DOC_NONE && !doc_is_map(ctx->d, props))
            continue;
        /* A definition samlint cannot read may use anything. */
        doc_id body = tmpl_prop(t, r, NULL, "DefinitionBody");
        doc_id arg;
        if (tmpl_prop(t, r, NULL, "DefinitionUri") != DOC_NONE
            || (body != DOC_NONE && (!doc_is_map(ctx->d, body) || doc_intrinsic(ctx->d, body, &arg))))
            continue;
        if (!rest_feature(ctx, r, (int)i, &uses))
            report_for(ctx, r->id, r->key,
                       "REST API '%s' uses no REST-only feature: an HTTP API "
                       "(AWS::Serverless::HttpApi) would cost about 70%% less with less latency",
                       r->id);
    }
}
