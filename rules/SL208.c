/* SL208 vpc-single-subnet: a VPC function attached to one subnet runs in one AZ. */
#include <string.h>
#include "fnconf.h"

/* Subnets a list parameter's Default names ("a,b" -> 2), or -1 when the value
 * did not come from a Ref to a list parameter. */
static int list_param_count(const lint_ctx *ctx, doc_id site, const char *text)
{
    doc_id arg;
    const char *fn = doc_intrinsic(ctx->d, site, &arg);
    if (!fn || strcmp(fn, "Ref") != 0)
        return -1;
    const tmpl_param *p = tmpl_find_param(ctx->t, doc_str(ctx->d, arg) ? doc_str(ctx->d, arg) : "");
    if (!p || (strncmp(p->type, "List<", 5) != 0 && strcmp(p->type, "CommaDelimitedList") != 0))
        return -1;
    int count = 0, in_part = 0;
    for (const char *c = text; *c; c++) {
        if (*c == ',')
            in_part = 0;
        else if (*c != ' ' && !in_part) {
            in_part = 1;
            count++;
        }
    }
    return count;
}

/* 1 when the list written at `value` names exactly one subnet. */
static int single_subnet(const lint_ctx *ctx, const eval_value *v)
{
    const doc *d = ctx->d;
    if (doc_is_seq(d, v->value)) {
        if (doc_count(d, v->value) != 1)
            return 0;
        doc_id arg;
        const char *fn = doc_intrinsic(d, doc_item(d, v->value, 0), &arg);
        /* An item that may expand to several subnets or to none is not one. */
        return !fn || strcmp(fn, "Ref") == 0 || strcmp(fn, "Fn::GetAtt") == 0
               || strcmp(fn, "Fn::ImportValue") == 0 || strcmp(fn, "Fn::Sub") == 0;
    }
    if (doc_is_scalar(d, v->value))
        return list_param_count(ctx, v->site, doc_str(d, v->value)) == 1;
    return 0;
}

RULE_CHECK(SL208)
{
    const tmpl *t = ctx->t;
    for (size_t i = 0; i < t->n_res; i++) {
        const tmpl_resource *r = &t->res[i];
        if (!fnconf_is_function(ctx, r))
            continue;
        enum tmpl_origin origin;
        doc_id subnets = tmpl_prop(t, r, &origin, "VpcConfig", "SubnetIds");
        eval_value v[EVAL_MAX];
        int n = eval_values(t, subnets, v);
        for (int k = 0; k < n; k++)
            if (single_subnet(ctx, &v[k]))
                report_for(ctx, r->id, v[k].site,
                           "VpcConfig.SubnetIds %s lists one subnet: it runs in "
                           "one Availability Zone only",
                           fnconf_whose(ctx, origin, r));
    }
}
