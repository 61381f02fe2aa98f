/* SL006 unused-parameter: a parameter nothing refers to. */
#include "../src/rule.h"

#include <string.h>

RULE_CHECK(SL006)
{
    const graph *g = ctx->g;
    if (g->opaque) return;  /* a macro may read parameters we cannot see */
    for (size_t i = 0; i < ctx->t->n_params; i++) {
        const tmpl_param *p = &ctx->t->params[i];
        int used = 0;
        for (size_t k = 0; k < g->n_refs && !used; k++)
            used = (g->refs[k].kind == REF_REF || g->refs[k].kind == REF_SUB) && strcmp(g->refs[k].name, p->id) == 0;
        if (!used) report(ctx, p->key, "parameter '%s' is never referenced", p->id);
    }
}
