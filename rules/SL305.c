/* SL305: an SQS batch source without partial batch failure reporting. */
#include "evsrc.h"

/* Batches of more than one message without ReportBatchItemFailures. */
static void check_source(lint_ctx *ctx, doc_id props, doc_id key, const char *what)
{
    const doc *d = ctx->d;
    doc_id batch = doc_is_map(d, props) ? doc_get(d, props, "BatchSize") : DOC_NONE;
    long long min, max = 10;
    doc_id min_site, max_site = key;

    if (batch != DOC_NONE && !evsrc_int_range(ctx->t, batch, &min, &min_site, &max, &max_site))
        return;
    if (max <= 1)
        return;
    if (doc_is_map(d, props) &&
        evsrc_list_has(ctx->t, doc_get(d, props, "FunctionResponseTypes"), "ReportBatchItemFailures"))
        return;
    report(ctx, max_site,
           "%s takes batches of up to %lld messages without ReportBatchItemFailures in "
           "FunctionResponseTypes: one failing message makes the whole batch retry",
           what, max);
    /* Unsafe: the handler must then return batchItemFailures. */
    lint_edit edit;
    if (doc_is_map(d, props) && doc_get(d, props, "FunctionResponseTypes") == DOC_NONE &&
        lint_edit_add_key(ctx, props, "FunctionResponseTypes", d->is_json ? "[\"ReportBatchItemFailures\"]"
                                                                          : "[ReportBatchItemFailures]", &edit))
        report_fix(ctx, 0, "Add FunctionResponseTypes: [ReportBatchItemFailures]", &edit, 1);
}

static void check_sam_event(lint_ctx *ctx, const tmpl_resource *fn, doc_id key,
                            const char *type, doc_id props)
{
    char what[160];

    (void)fn;
    if (strcmp(type, "SQS") != 0 || props == DOC_NONE)   /* no Properties: not a usable event */
        return;
    snprintf(what, sizeof what, "SQS event '%s'", doc_str(ctx->d, key));
    check_source(ctx, props, key, what);
}

RULE_CHECK(SL305)
{
    size_t i;

    evsrc_each_sam_event(ctx, check_sam_event);
    for (i = 0; i < ctx->t->n_res; i++) {
        const tmpl_resource *r = &ctx->t->res[i];
        char what[160];
        if (!tmpl_is_type(r, "AWS::Lambda::EventSourceMapping") || !doc_is_map(ctx->d, r->props) ||
            evsrc_kind_of_mapping(ctx, r) != EVSRC_SQS)
            continue;
        snprintf(what, sizeof what, "event source mapping '%s'", r->id);
        check_source(ctx, r->props, r->key, what);
    }
}
