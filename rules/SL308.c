/* SL308: a recursively triggered function without a concurrency limit. */
#include "evloop.h"

RULE_CHECK(SL308)
{
    const tmpl *t = ctx->t;
    char *done;
    evloop_iter it;
    evloop loop;

    if (t->n_res == 0)
        return;
    done = lint_scratch(ctx, t->n_res);
    evloop_begin(ctx, &it);
    while (evloop_next(ctx, &it, &loop)) {
        int f = loop.event->function;
        const tmpl_resource *fn = &t->res[f];
        if (done[f])
            continue;
        done[f] = 1;
        if (evsrc_present(t, tmpl_prop(t, fn, NULL, "ReservedConcurrentExecutions")) != 0)
            continue;
        report(ctx, fn->key, "function '%s' may trigger itself through '%s' (SL307) and has no "
               "ReservedConcurrentExecutions to stop a runaway loop",
               fn->id, t->res[loop.event->source].id);
    }
}
