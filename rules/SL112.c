/* SL112 iam-not-action: an Allow statement using NotAction or NotResource. */
#include "../src/policy.h"
#include "../src/rule.h"

static void statement(void *user, const policy_stmt *s)
{
    lint_ctx *ctx = user;
    if (!s->allow)
        return;
    if (s->not_action != DOC_NONE)
        report(ctx, s->not_action, "Allow statement with NotAction grants every action not listed, "
               "including ones AWS adds later; list the allowed actions");
    if (s->not_resource != DOC_NONE)
        report(ctx, s->not_resource, "Allow statement with NotResource grants every resource not listed; "
               "list the allowed resources");
}

RULE_CHECK(SL112)
{
    policy_each_statement(ctx->t, statement, ctx);
}
