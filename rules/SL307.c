/* SL307: a function triggered by a resource it can write to. */
#include "evloop.h"

static const char *source_kind(const char *type)
{
    if (!strcmp(type, "AWS::S3::Bucket")) return "S3 bucket";
    if (!strcmp(type, "AWS::SNS::Topic")) return "SNS topic";
    if (!strcmp(type, "AWS::SQS::Queue")) return "SQS queue";
    if (!strcmp(type, "AWS::Kinesis::Stream")) return "Kinesis stream";
    return "DynamoDB table stream";
}

RULE_CHECK(SL307)
{
    evloop_iter it;
    evloop loop;

    evloop_begin(ctx, &it);
    while (evloop_next(ctx, &it, &loop)) {
        const tmpl_resource *fn = &ctx->t->res[loop.event->function];
        const tmpl_resource *src = &ctx->t->res[loop.event->source];
        doc_id site = evloop_event_site(ctx, loop.event);
        int owner = graph_resource_of(ctx->g, site);
        unsigned grant_line = loop.perm->node != DOC_NONE ? doc_at(ctx->d, loop.perm->node)->line : 0;

        report_sev(ctx, loop.prefixed ? SEV_INFO : ctx->rule->sev,
                   owner >= 0 ? ctx->t->res[owner].id : fn->id, site,
                   "function '%s' is triggered by %s '%s' and may write to it (%s%s, line %u): "
                   "each write can invoke it again, in a loop%s",
                   fn->id, source_kind(src->type), src->id,
                   strcmp(loop.perm->action, "Write") ? "" : "connector permission ",
                   loop.perm->action, grant_line,
                   loop.prefixed ? " unless it writes outside the event's key prefix" : "");
    }
}
