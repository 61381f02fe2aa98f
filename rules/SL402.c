/* SL402 missing-callback-waits: a Node.js handler never sets callbackWaitsForEmptyEventLoop = false. */
#include "../src/code_target.h"

static int count_match(void *user, const size_t *ov)
{
    (void)user;
    (void)ov;
    return 1;
}

static void check_target(lint_ctx *ctx, const code_target *tg)
{
    if (tg->lang != CODE_JS || !tg->func || (!tg->span.found && (!tg->span.name_off || tg->span.elsewhere)))
        return;
    /* Set anywhere in the file counts: a helper may do it for the handler,
     * or middy's do-not-wait-for-empty-event-loop middleware. */
    if (code_scan(tg->text, "\\bcallbackWaitsForEmptyEventLoop\\s*=\\s*false\\b|\\bdoNotWait(?:ForEmptyEventLoop)?\\s*\\(",
                  0, 0, tg->text->len, 1, count_match, NULL))
        return;
    code_report(ctx, tg, ctx->rule->sev, tg->span.name_off,
                "handler '%s' never sets context.callbackWaitsForEmptyEventLoop = false: an open "
                "connection or timer keeps a callback-style invocation from returning until it ends",
                tg->func);
}

RULE_CHECK(SL402)
{
    code_each_target(ctx, check_target);
}
