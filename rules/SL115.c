/* SL115 policy-template-wildcard: a SAM policy template whose resource parameter is "*". */
#include "../src/policy.h"
#include "../src/rule.h"
#include "../rules/data/policy_templates.h"

typedef struct template_probe {
    lint_ctx *ctx;
    const policy_template *pt;
} template_probe;

static void param_value(void *user, doc_id value, doc_id site)
{
    const template_probe *p = user;
    if (doc_str_eq(p->ctx->d, value, "*"))
        report(p->ctx, site, "policy template %s with %s '*' grants it on every resource; name the resource",
               p->pt->name, p->pt->param);
}

static void sam_item(void *user, enum sam_policy_item kind, doc_id item, doc_id site)
{
    (void)site;
    lint_ctx *ctx = user;
    const doc *d = ctx->d;
    if (kind != SAM_ITEM_TEMPLATE)
        return;
    doc_id value;
    const policy_template *pt = policy_sam_template(d, item, &value);
    if (!pt)
        return;
    template_probe p = {ctx, pt};
    policy_expand(ctx->t, value, param_value, &p);
}

RULE_CHECK(SL115)
{
    const tmpl *t = ctx->t;
    for (size_t i = 0; i < t->n_res; i++)
        policy_each_sam_item(t, &t->res[i], sam_item, ctx);
}
