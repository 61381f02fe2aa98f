/* SL203 timeout-exceeds-api-limit: a function outlives its API Gateway integration. */
#include <string.h>
#include <strings.h>
#include "fnconf.h"

#define REST_LIMIT_MS 29000
#define HTTP_LIMIT_MS 30000

/* The tightest integration timeout among a function's API invocations. */
typedef struct api_limit {
    long long ms;          /* 0 when the function is behind no API */
    const char *kind;      /* "REST API event", "HTTP API event", "REST API method" */
    const char *name;      /* event name or method logical id */
} api_limit;

/* An explicit TimeoutInMillis replaces the default limit when it is a number. */
static long long integration_ms(const lint_ctx *ctx, doc_id props, const char *key,
                                long long dflt)
{
    doc_id node = doc_get(ctx->d, props, key);
    eval_value v[EVAL_MAX];
    long long ms;
    if (node != DOC_NONE && eval_values(ctx->t, node, v) == 1 && fnconf_long(ctx, v[0].value, &ms)
        && ms > 0)
        return ms;
    return dflt;
}

static void consider(api_limit *best, long long ms, const char *kind, const char *name)
{
    if (best->ms == 0 || ms < best->ms) {
        best->ms = ms;
        best->kind = kind;
        best->name = name;
    }
}

static int node_within(const doc *d, doc_id node, doc_id outer)
{
    return outer != DOC_NONE && node >= outer && node < doc_subtree_end(d, outer);
}

/* Does a REST integration invoke the function asynchronously? API Gateway
 * then answers at once and no 504 can happen: the request parameter
 * `integration.request.header.X-Amz-Invocation-Type: "'Event'"`, or a
 * mapping template that sets the header to Event
 * (`#set($context.requestOverride.header.X-Amz-Invocation-Type = "Event")`). */
static int is_async_integration(const doc *d, doc_id integration)
{
    doc_id params = doc_get(d, integration, "RequestParameters");
    if (!doc_is_map(d, params)) params = doc_get(d, integration, "requestParameters");
    for (uint32_t i = 0; i < doc_count(d, params); i++) {
        const char *k = doc_str(d, doc_key(d, params, i)), *v = doc_str(d, doc_val(d, params, i));
        if (k && v && strcasecmp(k, "integration.request.header.X-Amz-Invocation-Type") == 0 &&
            strcmp(v, "'Event'") == 0)
            return 1;
    }
    doc_id templates = doc_get(d, integration, "RequestTemplates");
    if (!doc_is_map(d, templates)) templates = doc_get(d, integration, "requestTemplates");
    for (uint32_t i = 0; i < doc_count(d, templates); i++) {
        const char *t = doc_str(d, doc_val(d, templates, i));
        const char *h = t ? strcasestr(t, "X-Amz-Invocation-Type") : NULL;
        const char *eol = h ? strchr(h, '\n') : NULL;
        const char *ev = h ? strstr(h, "Event") : NULL;
        if (ev && (!eol || ev < eol))
            return 1;
    }
    return 0;
}

/* The OpenAPI integration of a SAM Api event's path and method in its
 * Api's DefinitionBody, or DOC_NONE. */
static doc_id definition_integration(const lint_ctx *ctx, const graph_event *ev)
{
    const doc *d = ctx->d;
    int api = graph_target(ctx->g, doc_get(d, ev->props, "RestApiId"));
    if (api < 0) return DOC_NONE;
    const char *path = doc_str(d, doc_get(d, ev->props, "Path"));
    const char *method = doc_str(d, doc_get(d, ev->props, "Method"));
    doc_id paths = doc_path(d, ctx->t->res[api].props, "DefinitionBody", "paths");
    doc_id item = path ? doc_get(d, paths, path) : DOC_NONE;
    if (!doc_is_map(d, item) || !method) return DOC_NONE;
    for (uint32_t i = 0; i < doc_count(d, item); i++) {
        const char *m = doc_str(d, doc_key(d, item, i));
        if (m && (strcasecmp(m, method) == 0 || strcmp(m, "x-amazon-apigateway-any-method") == 0))
            return doc_get(d, doc_val(d, item, i), "x-amazon-apigateway-integration");
    }
    return DOC_NONE;
}

/* The tightest API limit of every function (by resource index), in one
 * pass over the events and one over the references: a pass per function
 * was quadratic with thousands of functions. */
static api_limit *find_limits(lint_ctx *ctx)
{
    const graph *g = ctx->g;
    const doc *d = ctx->d;
    api_limit *all = lint_scratch(ctx, (ctx->t->n_res + 1) * sizeof *all);
    for (size_t i = 0; i < g->n_events; i++) {
        const graph_event *ev = &g->events[i];
        if (ev->function < 0 || ev->origin != EV_SAM_EVENT || !ev->type)
            continue;
        api_limit *best = &all[ev->function];
        if (strcmp(ev->type, "Api") == 0 && !is_async_integration(d, definition_integration(ctx, ev)))
            consider(best, integration_ms(ctx, ev->props, "TimeoutInMillis", REST_LIMIT_MS),
                     "REST API event", ev->name);
        else if (strcmp(ev->type, "HttpApi") == 0)
            consider(best, integration_ms(ctx, ev->props, "TimeoutInMillis", HTTP_LIMIT_MS),
                     "HTTP API event", ev->name);
    }
    for (size_t i = 0; i < g->n_refs; i++) {
        const graph_ref *ref = &g->refs[i];
        if (ref->to < 0 || ref->from < 0)
            continue;
        api_limit *best = &all[ref->to];
        const tmpl_resource *m = &ctx->t->res[ref->from];
        if (tmpl_is_type(m, "AWS::ApiGateway::Method")) {
            doc_id integration = doc_get(d, m->props, "Integration");
            if (!doc_is_map(d, integration)
                || !node_within(d, ref->node, doc_get(d, integration, "Uri"))
                || is_async_integration(d, integration))
                continue;
            consider(best, integration_ms(ctx, integration, "TimeoutInMillis", REST_LIMIT_MS),
                     "REST API method", m->id);
        } else if (tmpl_is_type(m, "AWS::ApiGatewayV2::Integration")) {
            if (!node_within(d, ref->node, doc_get(d, m->props, "IntegrationUri")))
                continue;
            /* Only HTTP APIs: a WebSocket route may outlive its integration
             * on purpose, answering later through the connection. */
            int api = graph_target(g, doc_get(d, m->props, "ApiId"));
            if (api < 0)
                continue;
            const tmpl_resource *a = &ctx->t->res[api];
            if (!tmpl_is_type(a, "AWS::Serverless::HttpApi")
                && !(tmpl_is_type(a, "AWS::ApiGatewayV2::Api")
                     && doc_str_eq(d, doc_get(d, a->props, "ProtocolType"), "HTTP")))
                continue;
            consider(best, integration_ms(ctx, m->props, "TimeoutInMillis", HTTP_LIMIT_MS),
                     "HTTP API integration", m->id);
        }
    }
    return all;
}

static void report_over(lint_ctx *ctx, const tmpl_resource *r, doc_id node, long long seconds,
                        enum tmpl_origin origin, const api_limit *lim)
{
    report_for(ctx, r->id, node,
               "Timeout %lld s %s exceeds the %g s integration timeout of its %s "
               "'%s': callers get a 504 while it keeps running",
               seconds, fnconf_whose(ctx, origin, r), (double)lim->ms / 1000.0, lim->kind,
               lim->name ? lim->name : "?");
}

RULE_CHECK(SL203)
{
    const tmpl *t = ctx->t;
    const api_limit *limits = find_limits(ctx);
    for (size_t i = 0; i < t->n_res; i++) {
        const tmpl_resource *r = &t->res[i];
        if (!fnconf_is_function(ctx, r))
            continue;
        api_limit lim = limits[i];
        if (lim.ms == 0)
            continue;
        enum tmpl_origin origin;
        doc_id timeout = tmpl_prop(t, r, &origin, "Timeout");
        if (timeout == DOC_NONE) {
            if (3000 > lim.ms)
                report_over(ctx, r, r->key, 3, origin, &lim);
            continue;
        }
        eval_value v[EVAL_MAX];
        int n = eval_values(t, timeout, v);
        for (int k = 0; k < n; k++) {
            long long seconds;
            if (fnconf_long(ctx, v[k].value, &seconds) && seconds * 1000 > lim.ms)
                report_over(ctx, r, v[k].site, seconds, origin, &lim);
        }
    }
}
