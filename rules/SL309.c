/* SL309: an EventBridge rule target without a dead-letter queue. */
#include "evsrc.h"

static void check_sam_event(lint_ctx *ctx, const tmpl_resource *fn, doc_id key,
                            const char *type, doc_id props)
{
    (void)fn;
    if (strcmp(type, "EventBridgeRule") != 0 && strcmp(type, "Schedule") != 0 &&
        strcmp(type, "ScheduleV2") != 0)
        return;
    if (props != DOC_NONE && evsrc_present(ctx->t, doc_get(ctx->d, props, "DeadLetterConfig")) != 0)
        return;
    report(ctx, key, "%s event '%s' has no DeadLetterConfig: events that cannot be delivered "
           "to the target are dropped", type, doc_str(ctx->d, key));
}

RULE_CHECK(SL309)
{
    const doc *d = ctx->d;
    size_t i;
    uint32_t j, n;

    evsrc_each_sam_event(ctx, check_sam_event);
    for (i = 0; i < ctx->t->n_res; i++) {
        const tmpl_resource *r = &ctx->t->res[i];
        doc_id targets;
        if (!tmpl_is_type(r, "AWS::Events::Rule") || !doc_is_map(d, r->props))
            continue;
        targets = doc_get(d, r->props, "Targets");
        n = doc_is_seq(d, targets) ? doc_count(d, targets) : 0;
        for (j = 0; j < n; j++) {
            doc_id target = doc_item(d, targets, j);
            const char *id;
            if (!doc_is_map(d, target) ||
                evsrc_present(ctx->t, doc_get(d, target, "DeadLetterConfig")) != 0)
                continue;
            id = doc_str(d, doc_get(d, target, "Id"));
            report(ctx, target, "target '%s' of rule '%s' has no DeadLetterConfig: events "
                   "that cannot be delivered to it are dropped", id ? id : "?", r->id);
        }
    }
}
