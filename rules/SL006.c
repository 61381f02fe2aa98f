/* SL006 unused-parameter: a parameter nothing refers to. */
#include "../src/rule.h"

#include <string.h>

#include "../src/strmap.h"

RULE_CHECK(SL006)
{
    const graph *g = ctx->g;
    if (g->opaque) return;  /* a macro may read parameters we cannot see */
    /* Every name a Ref or ${} uses, once: a parameter-by-reference search
     * was quadratic (200,000 parameters took a minute). */
    strmap used;
    strmap_init(&used);
    for (size_t k = 0; k < g->n_refs; k++)
        if (g->refs[k].kind == REF_REF || g->refs[k].kind == REF_SUB)
            strmap_put(&used, g->refs[k].name, strlen(g->refs[k].name), 1);
    for (size_t i = 0; i < ctx->t->n_params; i++) {
        const tmpl_param *p = &ctx->t->params[i];
        int seen;
        if (!strmap_get(&used, p->id, strlen(p->id), &seen)) report(ctx, p->key, "parameter '%s' is never referenced", p->id);
    }
    strmap_release(&used);
}
