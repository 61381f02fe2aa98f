/* SL306: a DynamoDB or Kinesis stream source without failure handling. */
#include "evsrc.h"

/* Is MaximumRetryAttempts bounded? Reports -1 (retry forever) at its value.
 * Returns 1 bounded or unknown, 0 unset (the caller reports). */
static int retries_bounded(lint_ctx *ctx, doc_id props, const char *what)
{
    doc_id node = doc_get(ctx->d, props, "MaximumRetryAttempts");
    long long min, max;
    doc_id min_site, max_site;

    if (node == DOC_NONE)
        return 0;
    if (evsrc_int_range(ctx->t, node, &min, &min_site, &max, &max_site) && min < 0)
        report(ctx, min_site,
               "%s sets MaximumRetryAttempts to %lld: a poison record is retried until it "
               "expires, blocking its shard", what, min);
    return 1;
}

static void check_sam_event(lint_ctx *ctx, const tmpl_resource *fn, doc_id key,
                            const char *type, doc_id props)
{
    char what[160];
    int has_retry, has_dest;

    (void)fn;
    if (!evsrc_is_stream(evsrc_kind_of_sam_event(type)))
        return;
    snprintf(what, sizeof what, "%s event '%s'", type, doc_str(ctx->d, key));
    if (props == DOC_NONE) {
        has_retry = 0;
        has_dest = 0;
    } else {
        has_retry = retries_bounded(ctx, props, what);
        has_dest = evsrc_has_on_failure(ctx->t, doc_get(ctx->d, props, "DestinationConfig")) != 0;
    }
    if (!has_retry && !has_dest)
        report(ctx, key, "%s has neither MaximumRetryAttempts nor an OnFailure destination: a "
               "poison record is retried until it expires, blocking its shard, and then lost",
               what);
    else if (!has_retry)
        report(ctx, key, "%s has no MaximumRetryAttempts: a poison record is retried until it "
               "expires, blocking its shard", what);
    else if (!has_dest)
        report(ctx, key, "%s has no OnFailure destination: records that exhaust their retries "
               "are dropped without a trace", what);
}

RULE_CHECK(SL306)
{
    const doc *d = ctx->d;
    size_t i;

    evsrc_each_sam_event(ctx, check_sam_event);
    /* Event source mappings: the OnFailure half is SL311's. */
    for (i = 0; i < ctx->t->n_res; i++) {
        const tmpl_resource *r = &ctx->t->res[i];
        char what[160];
        if (!tmpl_is_type(r, "AWS::Lambda::EventSourceMapping") || !doc_is_map(d, r->props) ||
            !evsrc_is_stream(evsrc_kind_of_mapping(ctx, r)))
            continue;
        snprintf(what, sizeof what, "event source mapping '%s'", r->id);
        if (!retries_bounded(ctx, r->props, what))
            report(ctx, r->key, "%s has no MaximumRetryAttempts: a poison record is retried "
                   "until it expires, blocking its shard", what);
    }
}
