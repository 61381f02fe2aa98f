/* SL110 iam-wildcard-action: an Allow statement whose Action is "*" or "service:*". */
#include <string.h>

#include "../src/policy.h"
#include "../src/rule.h"

static void action_item(void *user, doc_id value, doc_id site)
{
    lint_ctx *ctx = user;
    const char *action = doc_str(ctx->d, value);
    if (!action || !policy_action_is_wildcard(action))
        return;
    if (strcmp(action, "*") == 0 || strcmp(action, "*:*") == 0)
        report(ctx, site, "Allow statement grants every action ('%s'); list the actions the code calls", action);
    else
        report(ctx, site, "Allow statement grants every action of a service ('%s'); list the actions the code calls",
               action);
}

static void statement(void *user, const policy_stmt *s)
{
    lint_ctx *ctx = user;
    if (s->allow && s->action != DOC_NONE)
        policy_each_item(ctx->t, s->action, action_item, ctx);
}

RULE_CHECK(SL110)
{
    policy_each_statement(ctx->t, statement, ctx);
}
