/* SL310: an SNS subscription without a redrive policy. */
#include "evsrc.h"

static void check_sam_event(lint_ctx *ctx, const tmpl_resource *fn, doc_id key,
                            const char *type, doc_id props)
{
    if (strcmp(type, "SNS") != 0 || !tmpl_is_type(fn, "AWS::Serverless::Function"))
        return;
    if (props != DOC_NONE && evsrc_present(ctx->t, doc_get(ctx->d, props, "RedrivePolicy")) != 0)
        return;
    report(ctx, key, "SNS event '%s' has no RedrivePolicy: messages SNS cannot deliver "
           "are dropped after its retries", doc_str(ctx->d, key));
}

RULE_CHECK(SL310)
{
    const doc *d = ctx->d;
    size_t i;

    evsrc_each_sam_event(ctx, check_sam_event);
    for (i = 0; i < ctx->t->n_res; i++) {
        const tmpl_resource *r = &ctx->t->res[i];
        if (!tmpl_is_type(r, "AWS::SNS::Subscription"))
            continue;
        if (doc_is_map(d, r->props) &&
            evsrc_present(ctx->t, doc_get(d, r->props, "RedrivePolicy")) != 0)
            continue;
        report(ctx, r->key, "subscription '%s' has no RedrivePolicy: messages SNS cannot "
               "deliver are dropped after its retries", r->id);
    }
}
