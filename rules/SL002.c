/* SL002 not-a-template: a file named on the command line that is no template. */
#include "../src/rule.h"

RULE_CHECK(SL002)
{
    if (!ctx->not_template) return;
    report(ctx, ctx->d->root, "not a CloudFormation template: %s", ctx->not_template);
}
