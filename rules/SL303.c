/* SL303: a queue's VisibilityTimeout below its consuming function's Timeout. */
#include "evsrc.h"

static void check_pair(lint_ctx *ctx, const tmpl_resource *queue, const tmpl_resource *fn,
                       doc_id link)
{
    const doc *d = ctx->d;
    doc_id vt_node = doc_is_map(d, queue->props) ? doc_get(d, queue->props, "VisibilityTimeout")
                                                  : DOC_NONE;
    long long timeout, vt, vt_max;
    doc_id timeout_site, vt_site, vt_max_site;

    (void)link;
    if (!evsrc_function_timeout(ctx->t, fn, &timeout, &timeout_site))
        return;
    if (vt_node == DOC_NONE) {
        if (30 < timeout)
            report_for(ctx, queue->id, queue->key,
                       "queue '%s' keeps the default VisibilityTimeout of 30 s, below the "
                       "Timeout of %lld s of its consumer '%s': CloudFormation rejects the "
                       "event source mapping", queue->id, timeout, fn->id);
        return;
    }
    if (!evsrc_int_range(ctx->t, vt_node, &vt, &vt_site, &vt_max, &vt_max_site))
        return;
    if (vt < timeout)
        report_for(ctx, queue->id, vt_site,
                   "VisibilityTimeout of %lld s on queue '%s' is below the Timeout of %lld s "
                   "of its consumer '%s': CloudFormation rejects the event source mapping",
                   vt, queue->id, timeout, fn->id);
}

RULE_CHECK(SL303)
{
    evsrc_each_queue_consumer(ctx, check_pair);
}
