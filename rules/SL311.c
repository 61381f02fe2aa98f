/* SL311: a stream or Kafka event source mapping without an OnFailure destination. */
#include "evsrc.h"

static const char *kind_name(enum evsrc_kind k)
{
    switch (k) {
    case EVSRC_KINESIS: return "Kinesis stream";
    case EVSRC_DYNAMODB: return "DynamoDB stream";
    default: return "Kafka topic";
    }
}

RULE_CHECK(SL311)
{
    const doc *d = ctx->d;
    size_t i;

    for (i = 0; i < ctx->t->n_res; i++) {
        const tmpl_resource *r = &ctx->t->res[i];
        enum evsrc_kind kind;
        if (!tmpl_is_type(r, "AWS::Lambda::EventSourceMapping") || !doc_is_map(d, r->props))
            continue;
        kind = evsrc_kind_of_mapping(ctx, r);
        if (!evsrc_is_stream(kind) && kind != EVSRC_KAFKA)
            continue;
        if (evsrc_has_on_failure(ctx->t, doc_get(d, r->props, "DestinationConfig")) != 0)
            continue;
        report(ctx, r->key,
               "event source mapping '%s' reads a %s without DestinationConfig.OnFailure: "
               "records that exhaust their retries are dropped without a trace",
               r->id, kind_name(kind));
    }
}
