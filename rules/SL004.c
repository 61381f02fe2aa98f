/* SL004 unresolved-reference: Ref, GetAtt, Sub, DependsOn or Condition naming nothing. */
#include "../src/rule.h"

#include <string.h>

/* The column of a ${Name} inside a one-line !Sub string, else the string's. */
static void report_ref(lint_ctx *ctx, const graph_ref *r, const char *what)
{
    const doc_node *n = doc_at(ctx->d, r->node);
    if (r->kind == REF_SUB && n->line == n->end_line && !memchr(n->str, '\n', r->offset)) {
        uint32_t col = n->col + r->offset + (n->style == DOC_QUOTED ? 1 : 0);
        report_file(ctx, ctx->rule->sev, r->from >= 0 ? ctx->t->res[r->from].id : NULL, ctx->d->path, n->line, col,
                    "%s '%s' is not defined in this template", what, r->name);
        return;
    }
    report(ctx, r->node, "%s '%s' is not defined in this template", what, r->name);
}

RULE_CHECK(SL004)
{
    const graph *g = ctx->g;
    if (g->opaque) return;  /* a macro or Fn::ForEach may define names */
    for (size_t i = 0; i < g->n_refs; i++) {
        const graph_ref *r = &g->refs[i];
        int kind = graph_lookup(g, r->name);
        switch (r->kind) {
        case REF_CONDITION:
            if (kind != SYM_CONDITION) report_ref(ctx, r, "condition");
            break;
        case REF_DEPENDSON:
            if (kind != SYM_RESOURCE && kind != SYM_SAM_GENERATED) report_ref(ctx, r, "DependsOn resource");
            break;
        case REF_GETATT:
            if (kind != SYM_RESOURCE && kind != SYM_SAM_GENERATED) report_ref(ctx, r, "Fn::GetAtt resource");
            break;
        case REF_REF:
        case REF_SUB:
            if (kind < 0 || kind == SYM_CONDITION) report_ref(ctx, r, r->kind == REF_REF ? "Ref target" : "Fn::Sub variable");
            break;
        }
    }
}
