/* evsrc: helpers shared by the event-driven rules SL301-SL311 (header only). */
#ifndef SAMLINT_EVSRC_H
#define SAMLINT_EVSRC_H

#include <stdio.h>
#include <string.h>
#include "../src/rule.h"

/* What kind of service feeds an event source mapping or a SAM event. */
enum evsrc_kind { EVSRC_UNKNOWN, EVSRC_SQS, EVSRC_KINESIS, EVSRC_DYNAMODB, EVSRC_KAFKA,
                  EVSRC_MQ, EVSRC_DOCDB };

static inline int evsrc_is_stream(enum evsrc_kind k) { return k == EVSRC_KINESIS || k == EVSRC_DYNAMODB; }

/* Service of an ARN text: "arn:aws:sqs:..." or "arn:${AWS::Partition}:sqs:..." */
static inline enum evsrc_kind evsrc_kind_of_arn(const char *s)
{
    if (!s || strncmp(s, "arn:", 4) != 0)
        return EVSRC_UNKNOWN;
    s += 4;
    if (s[0] == '$' && s[1] == '{') {   /* ${AWS::Partition} holds colons */
        s = strchr(s, '}');
        if (!s)
            return EVSRC_UNKNOWN;
        s++;
    } else {
        s = strchr(s, ':');
        if (!s)
            return EVSRC_UNKNOWN;
    }
    if (*s != ':')
        return EVSRC_UNKNOWN;
    s++;
    if (!strncmp(s, "sqs:", 4)) return EVSRC_SQS;
    if (!strncmp(s, "kinesis:", 8)) return EVSRC_KINESIS;
    if (!strncmp(s, "dynamodb:", 9)) return EVSRC_DYNAMODB;
    if (!strncmp(s, "kafka:", 6)) return EVSRC_KAFKA;
    if (!strncmp(s, "mq:", 3)) return EVSRC_MQ;
    if (!strncmp(s, "rds:", 4)) return EVSRC_DOCDB;
    return EVSRC_UNKNOWN;
}

/* Service of a resource type that can feed Lambda. */
static inline enum evsrc_kind evsrc_kind_of_type(const char *type)
{
    if (!strcmp(type, "AWS::SQS::Queue")) return EVSRC_SQS;
    if (!strcmp(type, "AWS::Kinesis::Stream") || !strcmp(type, "AWS::Kinesis::StreamConsumer"))
        return EVSRC_KINESIS;
    if (!strcmp(type, "AWS::DynamoDB::Table") || !strcmp(type, "AWS::DynamoDB::GlobalTable") ||
        !strcmp(type, "AWS::Serverless::SimpleTable"))
        return EVSRC_DYNAMODB;
    if (!strcmp(type, "AWS::MSK::Cluster") || !strcmp(type, "AWS::MSK::ServerlessCluster"))
        return EVSRC_KAFKA;
    if (!strcmp(type, "AWS::AmazonMQ::Broker")) return EVSRC_MQ;
    if (!strcmp(type, "AWS::DocDB::DBCluster")) return EVSRC_DOCDB;
    return EVSRC_UNKNOWN;
}

/* Service a SAM event Type polls. */
static inline enum evsrc_kind evsrc_kind_of_sam_event(const char *type)
{
    if (!type) return EVSRC_UNKNOWN;
    if (!strcmp(type, "SQS")) return EVSRC_SQS;
    if (!strcmp(type, "Kinesis")) return EVSRC_KINESIS;
    if (!strcmp(type, "DynamoDB")) return EVSRC_DYNAMODB;
    if (!strcmp(type, "MSK") || !strcmp(type, "SelfManagedKafka")) return EVSRC_KAFKA;
    if (!strcmp(type, "MQ")) return EVSRC_MQ;
    if (!strcmp(type, "DocumentDB")) return EVSRC_DOCDB;
    return EVSRC_UNKNOWN;
}

/* The service behind an EventSourceArn (or SAM Stream/Queue) value: the
 * referenced resource's type, else the ARN text (literal, parameter Default
 * or Fn::Sub text). */
static inline enum evsrc_kind evsrc_kind_of_value(const lint_ctx *ctx, doc_id value)
{
    const doc *d = ctx->d;
    eval_value vals[EVAL_MAX];
    int target, n, i;
    enum evsrc_kind kind = EVSRC_UNKNOWN;
    doc_id arg;
    const char *fn;

    if (value == DOC_NONE)
        return EVSRC_UNKNOWN;
    target = graph_target(ctx->g, value);
    if (target >= 0)
        return evsrc_kind_of_type(ctx->t->res[target].type);
    fn = doc_intrinsic(d, value, &arg);
    if (fn && !strcmp(fn, "Fn::Sub")) {
        if (doc_is_seq(d, arg))
            arg = doc_item(d, arg, 0);
        return doc_is_scalar(d, arg) ? evsrc_kind_of_arn(doc_str(d, arg)) : EVSRC_UNKNOWN;
    }
    n = eval_values(ctx->t, value, vals);
    for (i = 0; i < n; i++) {
        enum evsrc_kind k = doc_is_scalar(d, vals[i].value)
                          ? evsrc_kind_of_arn(doc_str(d, vals[i].value)) : EVSRC_UNKNOWN;
        if (k != EVSRC_UNKNOWN)
            kind = k;
    }
    return kind;
}

/* Service an AWS::Lambda::EventSourceMapping reads from. */
static inline enum evsrc_kind evsrc_kind_of_mapping(const lint_ctx *ctx, const tmpl_resource *r)
{
    enum evsrc_kind kind;

    if (!doc_is_map(ctx->d, r->props))
        return EVSRC_UNKNOWN;
    kind = evsrc_kind_of_value(ctx, doc_get(ctx->d, r->props, "EventSourceArn"));
    if (kind == EVSRC_UNKNOWN && doc_get(ctx->d, r->props, "SelfManagedEventSource") != DOC_NONE)
        kind = EVSRC_KAFKA;
    return kind;
}

/* Smallest and largest integer a value can take (Ref to a parameter Default,
 * both branches of Fn::If), with the sites that give them. Returns 0 when
 * some branch cannot be evaluated to an integer, else 1. */
static inline int evsrc_int_range(const tmpl *t, doc_id node, long long *min, doc_id *min_site,
                                  long long *max, doc_id *max_site)
{
    eval_value vals[EVAL_MAX];
    int n = eval_values(t, node, vals), i;

    if (n <= 0)
        return 0;
    for (i = 0; i < n; i++) {
        long long v;
        doc_id site = vals[i].site != DOC_NONE ? vals[i].site : node;
        if (!doc_get_long(t->d, vals[i].value, &v))
            return 0;
        if (i == 0 || v < *min) { *min = v; *min_site = site; }
        if (i == 0 || v > *max) { *max = v; *max_site = site; }
    }
    return 1;
}

/* A function's effective Timeout: own, else Globals, else the AWS default
 * of 3 s. The largest value any branch gives; *site is where it is written
 * (DOC_NONE for the default). Returns 0 when it cannot be evaluated. */
static inline int evsrc_function_timeout(const tmpl *t, const tmpl_resource *fn,
                                         long long *timeout, doc_id *site)
{
    doc_id node = tmpl_prop(t, fn, NULL, "Timeout");
    long long min;
    doc_id min_site;

    if (node == DOC_NONE) {
        *timeout = 3;
        *site = DOC_NONE;
        return 1;
    }
    return evsrc_int_range(t, node, &min, &min_site, timeout, site);
}

/* The function a FunctionName value designates: Ref/GetAtt of the function,
 * of an AWS::Lambda::Alias or Version of it, a SAM-generated `<Fn>.Alias` /
 * `<Fn>Alias<name>`, or the function's literal FunctionName. -1 if none. */
static inline int evsrc_function_of(const lint_ctx *ctx, doc_id value)
{
    const tmpl *t = ctx->t;
    const doc *d = ctx->d;
    int target = graph_target(ctx->g, value), hops;
    doc_id arg;
    const char *fn;
    size_t i;

    for (hops = 0; target >= 0 && hops < 2; hops++) {
        const tmpl_resource *r = &t->res[target];
        if (r->is_function)
            return target;
        if (!tmpl_is_type(r, "AWS::Lambda::Alias") && !tmpl_is_type(r, "AWS::Lambda::Version"))
            return -1;
        target = doc_is_map(d, r->props)
               ? graph_target(ctx->g, doc_get(d, r->props, "FunctionName")) : -1;
    }
    if (target >= 0)
        return -1;
    fn = doc_intrinsic(d, value, &arg);
    if (fn && (!strcmp(fn, "Ref") || !strcmp(fn, "Fn::GetAtt"))) {
        const char *name;
        if (doc_is_seq(d, arg))
            arg = doc_item(d, arg, 0);
        name = doc_str(d, arg);
        if (!name)
            return -1;
        for (i = 0; i < t->n_res; i++) {
            size_t len = strlen(t->res[i].id);
            if (!t->res[i].is_sam || !t->res[i].is_function || strncmp(name, t->res[i].id, len))
                continue;
            if (!strcmp(name + len, ".Alias") || !strncmp(name + len, "Alias", 5))
                return (int)i;
        }
        return -1;
    }
    if (fn || !doc_is_scalar(d, value))
        return -1;
    for (i = 0; i < t->n_res; i++) {
        doc_id own;
        if (!t->res[i].is_function || !doc_is_map(d, t->res[i].props))
            continue;
        own = doc_get(d, t->res[i].props, "FunctionName");
        if (doc_is_scalar(d, own) && doc_str_eq(d, value, doc_str(d, own)))
            return (int)i;
    }
    return -1;
}

/* Does a sequence (or a single scalar) hold the string s? */
static inline int evsrc_list_has(const tmpl *t, doc_id list, const char *s)
{
    const doc *d = t->d;
    uint32_t i, n;

    if (doc_is_scalar(d, list))
        return doc_str_eq(d, list, s);
    if (!doc_is_seq(d, list))
        return 0;
    n = doc_count(d, list);
    for (i = 0; i < n; i++) {
        eval_value vals[EVAL_MAX];
        int k = eval_values(t, doc_item(d, list, i), vals), j;
        for (j = 0; j < k; j++)
            if (doc_str_eq(d, vals[j].value, s))
                return 1;
    }
    return 0;
}

/* Is a setting there on every branch? 1 yes, 0 absent on some branch
 * (unset, null, AWS::NoValue), -1 cannot be evaluated (rules skip). */
static inline int evsrc_present(const tmpl *t, doc_id node)
{
    eval_value vals[EVAL_MAX];
    const char *fn;
    doc_id arg;
    int n, i;

    if (node == DOC_NONE || doc_is_null(t->d, node))
        return 0;
    fn = doc_intrinsic(t->d, node, &arg);
    if (fn && !strcmp(fn, "Ref"))
        return doc_str_eq(t->d, arg, "AWS::NoValue") ? 0 : 1;
    if (fn && !strcmp(fn, "Fn::If") && doc_is_seq(t->d, arg) && doc_count(t->d, arg) == 3) {
        int a = evsrc_present(t, doc_item(t->d, arg, 1));
        int b = evsrc_present(t, doc_item(t->d, arg, 2));
        return a == 0 || b == 0 ? 0 : (a < 0 || b < 0 ? -1 : 1);
    }
    n = eval_values(t, node, vals);
    if (n < 0)
        return -1;
    if (n == 0)
        return 0;
    for (i = 0; i < n; i++)
        if (doc_is_null(t->d, vals[i].value))
            return 0;
    return 1;
}

/* Does a DestinationConfig value name an OnFailure destination on every
 * branch? Same answers as evsrc_present. */
static inline int evsrc_has_on_failure(const tmpl *t, doc_id dest_config)
{
    const char *fn;
    doc_id arg;

    if (dest_config == DOC_NONE || doc_is_null(t->d, dest_config))
        return 0;
    fn = doc_intrinsic(t->d, dest_config, &arg);
    if (fn && !strcmp(fn, "Ref"))
        return doc_str_eq(t->d, arg, "AWS::NoValue") ? 0 : -1;
    if (fn && !strcmp(fn, "Fn::If") && doc_is_seq(t->d, arg) && doc_count(t->d, arg) == 3) {
        int a = evsrc_has_on_failure(t, doc_item(t->d, arg, 1));
        int b = evsrc_has_on_failure(t, doc_item(t->d, arg, 2));
        return a == 0 || b == 0 ? 0 : (a < 0 || b < 0 ? -1 : 1);
    }
    if (fn)
        return -1;
    if (!doc_is_map(t->d, dest_config))
        return 0;
    return evsrc_present(t, doc_get(t->d, dest_config, "OnFailure"));
}

/* Visit every SAM event of every AWS::Serverless::Function and
 * AWS::Serverless::StateMachine: the event's name key, its Type text and its
 * Properties (DOC_NONE when absent). */
typedef void (*evsrc_sam_fn)(lint_ctx *ctx, const tmpl_resource *fn, doc_id key,
                             const char *type, doc_id props);

static inline void evsrc_each_sam_event(lint_ctx *ctx, evsrc_sam_fn visit)
{
    const doc *d = ctx->d;
    size_t i;
    uint32_t j, n;

    for (i = 0; i < ctx->t->n_res; i++) {
        const tmpl_resource *r = &ctx->t->res[i];
        doc_id events;
        if ((!tmpl_is_type(r, "AWS::Serverless::Function") &&
             !tmpl_is_type(r, "AWS::Serverless::StateMachine")) || !doc_is_map(d, r->props))
            continue;
        events = doc_get(d, r->props, "Events");
        n = doc_is_map(d, events) ? doc_count(d, events) : 0;
        for (j = 0; j < n; j++) {
            doc_id ev = doc_val(d, events, j);
            doc_id props;
            const char *type;
            if (!doc_is_map(d, ev))
                continue;
            type = doc_str(d, doc_get(d, ev, "Type"));
            if (!type)
                continue;
            props = doc_get(d, ev, "Properties");
            visit(ctx, r, doc_key(d, events, j), type, doc_is_map(d, props) ? props : DOC_NONE);
        }
    }
}

/* Visit every (queue, function) pair where the function consumes an
 * AWS::SQS::Queue of this template: SAM `SQS` events (`link` is the Queue
 * value) and AWS::Lambda::EventSourceMapping (`link` is EventSourceArn). */
typedef void (*evsrc_consumer_fn)(lint_ctx *ctx, const tmpl_resource *queue,
                                  const tmpl_resource *fn, doc_id link);

static inline void evsrc_each_queue_consumer(lint_ctx *ctx, evsrc_consumer_fn visit)
{
    const doc *d = ctx->d;
    const tmpl *t = ctx->t;
    size_t i;
    uint32_t j, n;

    for (i = 0; i < t->n_res; i++) {
        const tmpl_resource *r = &t->res[i];
        if (!doc_is_map(d, r->props))
            continue;
        if (tmpl_is_type(r, "AWS::Serverless::Function")) {
            doc_id events = doc_get(d, r->props, "Events");
            n = doc_is_map(d, events) ? doc_count(d, events) : 0;
            for (j = 0; j < n; j++) {
                doc_id ev = doc_val(d, events, j), queue;
                int q;
                if (!doc_is_map(d, ev) || !doc_str_eq(d, doc_get(d, ev, "Type"), "SQS"))
                    continue;
                queue = doc_path(d, ev, "Properties", "Queue");
                q = queue != DOC_NONE ? graph_target(ctx->g, queue) : -1;
                if (q >= 0 && tmpl_is_type(&t->res[q], "AWS::SQS::Queue"))
                    visit(ctx, &t->res[q], r, queue);
            }
        } else if (tmpl_is_type(r, "AWS::Lambda::EventSourceMapping")) {
            doc_id arn = doc_get(d, r->props, "EventSourceArn");
            doc_id name = doc_get(d, r->props, "FunctionName");
            int q = arn != DOC_NONE ? graph_target(ctx->g, arn) : -1;
            int f = name != DOC_NONE ? evsrc_function_of(ctx, name) : -1;
            if (q >= 0 && f >= 0 && tmpl_is_type(&t->res[q], "AWS::SQS::Queue"))
                visit(ctx, &t->res[q], &t->res[f], arn);
        }
    }
}

#endif
