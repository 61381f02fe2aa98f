/* SL113 broad-managed-policy: AdministratorAccess, PowerUserAccess, IAMFullAccess or a *FullAccess policy. */
#include "../src/policy.h"
#include "../src/rule.h"
#include "../rules/data/managed_policies.h"

#define POLICY_NAME_MAX 128

static void check_name(lint_ctx *ctx, doc_id value, doc_id site, int bare_names)
{
    char name[POLICY_NAME_MAX];
    if (policy_managed_name(ctx->t, value, bare_names, name, sizeof name) && managed_policy_is_broad(name))
        report(ctx, site, "AWS managed policy %s grants broad access; use a policy template or "
               "statements scoped to the resources used", name);
}

static void sam_item(void *user, enum sam_policy_item kind, doc_id item, doc_id site)
{
    if (kind == SAM_ITEM_MANAGED)
        check_name(user, item, site, 1);
}

static void arn_item(void *user, doc_id value, doc_id site)
{
    check_name(user, value, site, 0);
}

static const char *const arn_holders[] = {"AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group", NULL};

RULE_CHECK(SL113)
{
    const tmpl *t = ctx->t;
    for (size_t i = 0; i < t->n_res; i++) {
        const tmpl_resource *r = &t->res[i];
        policy_each_sam_item(t, r, sam_item, ctx);
        for (size_t k = 0; arn_holders[k]; k++) {
            if (!tmpl_is_type(r, arn_holders[k]) || !doc_is_map(ctx->d, r->props))
                continue;
            doc_id arns = doc_get(ctx->d, r->props, "ManagedPolicyArns");
            if (arns != DOC_NONE)
                policy_each_item(t, arns, arn_item, ctx);
        }
    }
}
