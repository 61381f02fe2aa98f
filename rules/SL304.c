/* SL304: a queue's VisibilityTimeout below factor x its consuming function's Timeout. */
#include "evsrc.h"

/* SQS takes a VisibilityTimeout of at most 12 hours. */
#define SQS_MAX_VISIBILITY_TIMEOUT 43200

/* Unsafe (messages come back later after a failure): a literal on the
 * queue, or the key added to its Properties, set to factor x Timeout. */
static void fix_visibility(lint_ctx *ctx, const tmpl_resource *queue, doc_id vt_node, doc_id vt_site,
                           double factor, long long timeout)
{
    double want = factor * (double)timeout;
    long long value = (long long)want;
    if ((double)value < want)
        value++;
    if (value > SQS_MAX_VISIBILITY_TIMEOUT)
        return;
    char *text = lint_alloc(ctx, 24);
    snprintf(text, 24, "%lld", value);
    lint_edit edit;
    if (vt_node != DOC_NONE ? vt_site != vt_node || !lint_edit_scalar(ctx, vt_node, text, &edit)
                            : !lint_edit_add_key(ctx, queue->props, "VisibilityTimeout", text, &edit))
        return;
    char title[96];
    snprintf(title, sizeof title, "Set VisibilityTimeout to %lld", value);
    report_fix(ctx, 0, title, &edit, 1);
}

static void check_pair(lint_ctx *ctx, const tmpl_resource *queue, const tmpl_resource *fn,
                       doc_id link)
{
    const doc *d = ctx->d;
    double factor = rule_option(ctx, "factor", 6);
    doc_id vt_node = doc_is_map(d, queue->props) ? doc_get(d, queue->props, "VisibilityTimeout")
                                                  : DOC_NONE;
    long long timeout, vt = 30, vt_max;
    doc_id timeout_site, vt_site = queue->key, vt_max_site;

    (void)link;
    if (!evsrc_function_timeout(ctx->t, fn, &timeout, &timeout_site))
        return;
    if (vt_node != DOC_NONE &&
        !evsrc_int_range(ctx->t, vt_node, &vt, &vt_site, &vt_max, &vt_max_site))
        return;
    /* Below the Timeout itself is SL303's error. */
    if (vt < timeout || (double)vt >= factor * (double)timeout)
        return;
    report_for(ctx, queue->id, vt_site,
               "%sVisibilityTimeout of %lld s on queue '%s' is below %g x the Timeout of "
               "%lld s of its consumer '%s' (%g s): a message may become visible again "
               "while a retried batch is still being processed",
               vt_node == DOC_NONE ? "default " : "", vt, queue->id, factor, timeout, fn->id,
               factor * (double)timeout);
    fix_visibility(ctx, queue, vt_node, vt_site, factor, timeout);
}

RULE_CHECK(SL304)
{
    evsrc_each_queue_consumer(ctx, check_pair);
}
