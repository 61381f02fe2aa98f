/* SL301: an asynchronously invoked function without a dead-letter queue or OnFailure destination. */
#include "evsrc.h"

/* A SAM SNS event with SqsSubscription goes through a queue: Lambda polls it. */
static int via_queue(const lint_ctx *ctx, const graph_event *e)
{
    doc_id sqs;
    int on;

    if (e->origin != EV_SAM_EVENT || !e->type || strcmp(e->type, "SNS") != 0 ||
        !doc_is_map(ctx->d, e->props))
        return 0;
    sqs = doc_get(ctx->d, e->props, "SqsSubscription");
    return doc_is_map(ctx->d, sqs) || (doc_get_bool(ctx->d, sqs, &on) && on);
}

/* Cognito user pool triggers are synchronous: Cognito waits for the answer
 * (5 s, 3 attempts) and no dead-letter queue or destination ever applies. */
static int is_cognito(const graph_event *e)
{
    return e->type && (!strcmp(e->type, "Cognito") || !strcmp(e->type, "cognito-idp.amazonaws.com"));
}

/* The single literal value of a node, or NULL. */
static const char *literal(const tmpl *t, doc_id node)
{
    eval_value vals[EVAL_MAX];

    if (node == DOC_NONE || eval_values(t, node, vals) != 1)
        return NULL;
    return doc_str(t->d, vals[0].value);
}

/* Mark each function that an AWS::Lambda::EventInvokeConfig with an
 * OnFailure destination applies to (matched through the graph). With
 * AutoPublishAlias, SAM points the event sources at the alias, so a config
 * for another qualifier does not apply to them. */
static void mark_invoke_configs(const lint_ctx *ctx, char *has_config)
{
    const doc *d = ctx->d;
    const tmpl *t = ctx->t;
    size_t i;

    for (i = 0; i < t->n_res; i++) {
        const tmpl_resource *r = &t->res[i];
        const char *qualifier, *alias;
        int fn;
        if (!tmpl_is_type(r, "AWS::Lambda::EventInvokeConfig") || !doc_is_map(d, r->props) ||
            evsrc_has_on_failure(t, doc_get(d, r->props, "DestinationConfig")) == 0)
            continue;
        fn = evsrc_function_of(ctx, doc_get(d, r->props, "FunctionName"));
        if (fn < 0)
            continue;
        alias = literal(t, tmpl_prop(t, &t->res[fn], NULL, "AutoPublishAlias"));
        qualifier = literal(t, doc_get(d, r->props, "Qualifier"));
        if (alias && qualifier && strcmp(alias, qualifier) != 0)
            continue;
        has_config[fn] = 1;
    }
}

static int has_failure_handling(const lint_ctx *ctx, int fn)
{
    const tmpl *t = ctx->t;
    const tmpl_resource *r = &t->res[fn];

    return evsrc_present(t, tmpl_prop(t, r, NULL, "DeadLetterQueue")) != 0 ||
           evsrc_present(t, doc_path(t->d, r->props, "DeadLetterConfig", "TargetArn")) != 0 ||
           evsrc_has_on_failure(t, tmpl_prop(t, r, NULL, "EventInvokeConfig", "DestinationConfig")) != 0;
}

RULE_CHECK(SL301)
{
    const tmpl *t = ctx->t;
    const graph_event **first_async;
    char *has_config;
    size_t i;

    if (t->n_res == 0)
        return;
    first_async = lint_scratch(ctx, t->n_res * sizeof *first_async);
    has_config = lint_scratch(ctx, t->n_res);
    for (i = 0; i < ctx->g->n_events; i++) {
        const graph_event *e = &ctx->g->events[i];
        if (e->function >= 0 && (size_t)e->function < t->n_res && !first_async[e->function] &&
            e->async && !via_queue(ctx, e) && !is_cognito(e))
            first_async[e->function] = e;
    }
    mark_invoke_configs(ctx, has_config);
    for (i = 0; i < t->n_res; i++) {
        const tmpl_resource *r = &t->res[i];
        const graph_event *e = first_async[i];
        if (!e || !r->is_function || !doc_is_map(ctx->d, r->props) || has_config[i] ||
            has_failure_handling(ctx, (int)i))
            continue;
        if (e->origin == EV_SAM_EVENT)
            report(ctx, r->key, "function '%s' is invoked asynchronously (%s event '%s') but has "
                   "neither a DeadLetterQueue nor an OnFailure destination: events that fail "
                   "all retries are lost", r->id, e->type ? e->type : "?", e->name ? e->name : "?");
        else
            report(ctx, r->key, "function '%s' is invoked asynchronously (by '%s') but has "
                   "neither a DeadLetterQueue nor an OnFailure destination: events that fail "
                   "all retries are lost", r->id, e->name ? e->name : "?");
    }
}
