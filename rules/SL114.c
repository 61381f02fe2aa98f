/* SL114 public-invoke: a Lambda permission for any principal without a source, or a function URL without auth. */
#include "../src/policy.h"
#include "../src/rule.h"

typedef struct probe {
    lint_ctx *ctx;
    const char *want;
    doc_id site;
} probe;

static void find_value(void *user, doc_id value, doc_id site)
{
    probe *p = user;
    if (p->site == DOC_NONE && doc_str_eq(p->ctx->d, value, p->want))
        p->site = site;
}

/* Where node may take the value `want`, or DOC_NONE. */
static doc_id may_be(lint_ctx *ctx, doc_id node, const char *want)
{
    probe p = {ctx, want, DOC_NONE};
    if (node != DOC_NONE)
        policy_expand(ctx->t, node, find_value, &p);
    return p.site;
}

static void check_permission(lint_ctx *ctx, const tmpl_resource *r)
{
    const doc *d = ctx->d;
    if (doc_get(d, r->props, "SourceArn") != DOC_NONE || doc_get(d, r->props, "SourceAccount") != DOC_NONE)
        return;
    doc_id site = may_be(ctx, doc_get(d, r->props, "Principal"), "*");
    if (site != DOC_NONE)
        report(ctx, site, "Lambda permission lets any principal ('*') invoke the function, with no SourceArn "
               "or SourceAccount to limit it");
}

static void check_url(lint_ctx *ctx, const tmpl_resource *r, doc_id auth_type)
{
    doc_id site = may_be(ctx, auth_type, "NONE");
    if (site != DOC_NONE)
        report_sev(ctx, SEV_WARNING, r->id, site,
                   "function URL with AuthType NONE can be invoked by anyone on the internet");
}

RULE_CHECK(SL114)
{
    const tmpl *t = ctx->t;
    for (size_t i = 0; i < t->n_res; i++) {
        const tmpl_resource *r = &t->res[i];
        int has_props = doc_is_map(ctx->d, r->props);
        if (tmpl_is_type(r, "AWS::Lambda::Permission") && has_props) {
            check_permission(ctx, r);
        } else if (tmpl_is_type(r, "AWS::Lambda::Url") && has_props) {
            check_url(ctx, r, doc_get(ctx->d, r->props, "AuthType"));
        } else if (tmpl_is_type(r, "AWS::Serverless::Function")) {
            doc_id auth = tmpl_prop(t, r, NULL, "FunctionUrlConfig", "AuthType");
            if (auth != DOC_NONE)
                check_url(ctx, r, auth);
        }
    }
}
