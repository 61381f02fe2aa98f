/* SL003 duplicate-key: repeated mapping keys the loader found. */
#include "../src/rule.h"

#include <string.h>

RULE_CHECK(SL003)
{
    for (size_t i = 0; i < ctx->n_problems; i++) {
        const doc_problem *p = &ctx->problems[i];
        if (strcmp(p->rule, "SL003") != 0) continue;
        report_file(ctx, ctx->rule->sev, NULL, ctx->d->path, p->line, p->col, "%s", p->message);
    }
}
