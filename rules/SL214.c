/* SL214 lambda-permission-multiple-principals: one function invocable by several principals. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "../src/rule.h"
#include "observe.h"

/* The principal of the AWS::Lambda::Permission that SAM generates for an
 * event type. Event sources that Lambda polls (SQS, Kinesis, DynamoDB, MSK,
 * MQ, SelfManagedKafka, DocumentDB) and ScheduleV2 (an IAM role) need none.
 * To add an event type, add a line; keep the sentinel last. */
static const struct { const char *event; const char *principal; } sam_event_principals[] = {
    { "Api", "apigateway.amazonaws.com" },
    { "HttpApi", "apigateway.amazonaws.com" },
    { "S3", "s3.amazonaws.com" },
    { "SNS", "sns.amazonaws.com" },
    { "CloudWatchEvent", "events.amazonaws.com" },
    { "EventBridgeRule", "events.amazonaws.com" },
    { "Schedule", "events.amazonaws.com" },
    { "CloudWatchLogs", "logs.amazonaws.com" },
    { "IoTRule", "iot.amazonaws.com" },
    { "AlexaSkill", "alexa-appkit.amazon.com" },
    { "Cognito", "cognito-idp.amazonaws.com" },
    { NULL, NULL }
};

/* One grant of invocation: who, to which function, written where. */
typedef struct grant {
    int function;          /* resource index */
    const char *principal; /* canonical text */
    doc_id node;           /* the event key or the Principal value */
} grant;

static int by_function_then_position(const void *a, const void *b)
{
    const grant *x = a, *y = b;
    if (x->function != y->function)
        return x->function < y->function ? -1 : 1;
    return x->node < y->node ? -1 : x->node > y->node;
}

/* The function an AWS::Lambda::Permission's FunctionName designates: a
 * reference to it, or its literal FunctionName; -1 when not in the template. */
static int permission_target(lint_ctx *ctx, doc_id fname)
{
    const tmpl *t = ctx->t;
    const doc *d = ctx->d;
    int target = graph_target(ctx->g, fname);
    const char *name;
    if (target >= 0)
        return t->res[target].is_function ? target : -1;
    name = obs_canon(ctx, fname);
    if (!name)
        return -1;
    for (size_t i = 0; i < t->n_res; i++) {
        const tmpl_resource *r = &t->res[i];
        doc_id own;
        if (!r->is_function || !doc_is_map(d, r->props))
            continue;
        own = doc_get(d, r->props, "FunctionName");
        if (own != DOC_NONE) {
            const char *c = obs_canon(ctx, own);
            if (c && !strcmp(c, name))
                return (int)i;
        }
    }
    return -1;
}

/* Does the permission's Action let the principal invoke the function? An
 * action that cannot be read counts (most permissions are for invocation). */
static int grants_invoke(const tmpl *t, doc_id action)
{
    eval_value vals[EVAL_MAX];
    int n = eval_values(t, action, vals);
    if (n <= 0)
        return 1;
    for (int i = 0; i < n; i++) {
        const char *s = doc_str(t->d, vals[i].value);
        if (!s || strcasestr(s, "invoke") || !strcmp(s, "*") || !strcasecmp(s, "lambda:*"))
            return 1;
    }
    return 0;
}

static size_t collect(lint_ctx *ctx, grant *out)
{
    const tmpl *t = ctx->t;
    const doc *d = ctx->d;
    size_t n = 0;
    for (size_t i = 0; i < t->n_res; i++) {
        const tmpl_resource *r = &t->res[i];
        if (!doc_is_map(d, r->props))
            continue;
        if (tmpl_is_type(r, "AWS::Serverless::Function")) {
            doc_id events = doc_get(d, r->props, "Events");
            for (uint32_t k = 0; k < doc_count(d, events) && doc_is_map(d, events); k++) {
                doc_id type = doc_get(d, doc_val(d, events, k), "Type");
                for (size_t e = 0; sam_event_principals[e].event; e++)
                    if (doc_str_eq(d, type, sam_event_principals[e].event)) {
                        out[n++] = (grant){ (int)i, sam_event_principals[e].principal, doc_key(d, events, k) };
                        break;
                    }
            }
        } else if (tmpl_is_type(r, "AWS::Lambda::Permission")) {
            doc_id principal = doc_get(d, r->props, "Principal");
            int fn = permission_target(ctx, doc_get(d, r->props, "FunctionName"));
            const char *who = obs_has_value(d, principal) ? obs_canon(ctx, principal) : NULL;
            if (fn >= 0 && who && grants_invoke(t, doc_get(d, r->props, "Action")))
                out[n++] = (grant){ fn, who, principal };
        }
    }
    return n;
}

static size_t count_events(const doc *d, const tmpl *t)
{
    size_t n = 0;
    for (size_t i = 0; i < t->n_res; i++) {
        doc_id events = doc_is_map(d, t->res[i].props) ? doc_get(d, t->res[i].props, "Events") : DOC_NONE;
        n += 1 + doc_count(d, events);
    }
    return n;
}

RULE_CHECK(SL214)
{
    const tmpl *t = ctx->t;
    const doc *d = ctx->d;
    grant *grants = lint_scratch(ctx, (count_events(d, t) + 1) * sizeof *grants);
    size_t n = collect(ctx, grants);
    qsort(grants, n, sizeof *grants, by_function_then_position);
    for (size_t i = 0; i < n;) {
        size_t end = i, distinct = 1;
        doc_id second = DOC_NONE;
        const char *other = NULL;
        while (end < n && grants[end].function == grants[i].function)
            end++;
        for (size_t k = i + 1; k < end; k++) {
            int seen = 0;
            for (size_t j = i; j < k && !seen; j++)
                seen = !strcmp(grants[j].principal, grants[k].principal);
            if (!seen) {
                if (++distinct == 2) {
                    second = grants[k].node;
                    other = grants[k].principal;
                }
            }
        }
        if (distinct > 1) {
            const tmpl_resource *fn = &t->res[grants[i].function];
            report_for(ctx, fn->id, second,
                       "function '%s' can be invoked by %zu different principals (%s, %s%s): "
                       "one function handles several event shapes",
                       fn->id, distinct, grants[i].principal, other, distinct > 2 ? ", ..." : "");
        }
        i = end;
    }
}
