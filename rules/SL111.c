/* SL111 iam-wildcard-resource: an Allow statement granting a non-read-only action on Resource "*". */
#include <string.h>

#include "../src/policy.h"
#include "../src/rule.h"

typedef struct star_probe {
    const doc *d;
    doc_id site;            /* the "*" Resource item */
    const char *action;     /* first action that is neither read-only nor star-only */
} star_probe;

static void resource_item(void *user, doc_id value, doc_id site)
{
    star_probe *p = user;
    if (p->site == DOC_NONE && doc_str_eq(p->d, value, "*"))
        p->site = site;
}

static void action_item(void *user, doc_id value, doc_id site)
{
    (void)site;
    star_probe *p = user;
    const char *action = doc_str(p->d, value);
    if (p->action || !action)
        return;
    if ((policy_action_access(action) & 2) && !policy_action_needs_star(action))
        p->action = action;
}

static void statement(void *user, const policy_stmt *s)
{
    lint_ctx *ctx = user;
    if (!s->allow || s->resource == DOC_NONE || s->action == DOC_NONE)
        return;
    star_probe p = {ctx->d, DOC_NONE, NULL};
    policy_each_item(ctx->t, s->resource, resource_item, &p);
    if (p.site == DOC_NONE)
        return;
    policy_each_item(ctx->t, s->action, action_item, &p);
    if (p.action)
        report(ctx, p.site, "Allow statement grants '%s' on every resource ('*'); name the resources", p.action);
}

RULE_CHECK(SL111)
{
    policy_each_statement(ctx->t, statement, ctx);
}
