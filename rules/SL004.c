/* SL004 unresolved-reference: Ref, GetAtt, Sub, DependsOn or Condition naming nothing. */
#include "../src/rule.h"

#include <stdio.h>
#include <string.h>

#include "../src/suggest.h"
#include "data/sam_generated.h"

static const char *const pseudo_params[] = {
    "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition",
    "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix", NULL,
};

/* suggest_offer() for a generated name, which lives only during the call:
 * the best one so far is kept in `best`. */
typedef struct gen_offer {
    suggest *s;
    char best[512];
} gen_offer;

static void offer_generated(void *user, const char *name, size_t len)
{
    gen_offer *o = user;
    const char *before = o->s->best;
    suggest_offer(o->s, name, len);
    if (o->s->best != before && len < sizeof o->best) {
        memcpy(o->best, name, len);
        o->best[len] = '\0';
        o->s->best = o->best;
    }
}

/* " (did you mean 'X'?)" for the closest name of the kinds a reference may
 * name (names SAM generates included), or "". */
static const char *closest(lint_ctx *ctx, const graph_ref *r, size_t *budget)
{
    const tmpl *t = ctx->t;
    /* Each suggestion looks at every name: a template with thousands of
     * unresolved names gets suggestions for its first few only. */
    if (*budget == 0) return "";
    (*budget)--;
    suggest s;
    suggest_init(&s, r->name, strlen(r->name));
    gen_offer gen = {&s, ""};
    if (r->kind == REF_CONDITION) {
        for (size_t i = 0; i < t->n_conds; i++) suggest_offer(&s, t->conds[i].id, strlen(t->conds[i].id));
    } else {
        for (size_t i = 0; i < t->n_res; i++) suggest_offer(&s, t->res[i].id, strlen(t->res[i].id));
        if (r->kind == REF_REF || r->kind == REF_SUB) {
            for (size_t i = 0; i < t->n_params; i++) suggest_offer(&s, t->params[i].id, strlen(t->params[i].id));
            for (int i = 0; pseudo_params[i]; i++) suggest_offer(&s, pseudo_params[i], strlen(pseudo_params[i]));
        }
        graph_sam_each_name(ctx->g, offer_generated, &gen);
    }
    size_t n;
    const char *best = suggest_best(&s, &n);
    if (!best) return "";
    char buf[320];
    snprintf(buf, sizeof buf, ": did you mean '%.*s'?", (int)(n > 256 ? 256 : n), best);
    char *out = lint_alloc(ctx, strlen(buf) + 1);
    memcpy(out, buf, strlen(buf) + 1);
    return out;
}

/* At the ${Name} inside a !Sub string (on its own line of a multi-line
 * one), else at the reference. */
static void report_ref(lint_ctx *ctx, const graph_ref *r, const char *what, const char *name, const char *why)
{
    uint32_t line, col;
    if (graph_sub_pos(ctx->d, r, &line, &col)) {
        report_file(ctx, ctx->rule->sev, r->from >= 0 ? ctx->t->res[r->from].id : NULL, ctx->d->path, line, col,
                    "%s '%s' is not defined in this template%s", what, name, why);
        return;
    }
    report(ctx, r->node, "%s '%s' is not defined in this template%s", what, name, why);
}

static void unresolved(lint_ctx *ctx, const graph_ref *r, const char *what, size_t *budget)
{
    report_ref(ctx, r, what, r->name, closest(ctx, r, budget));
}

/* `!Ref Fn.Alias`, `!Ref Api.Stage`: a referenceable property SAM makes
 * only in some cases (an alias only with AutoPublishAlias). */
static void check_sam_property(lint_ctx *ctx, const graph_ref *r)
{
    if (!r->attr || r->to < 0 || !ctx->t->res[r->to].is_sam) return;
    char full[512];
    int n = snprintf(full, sizeof full, "%s.%s", r->name, r->attr);
    if (n < 0 || (size_t)n >= sizeof full || graph_sam_generated(ctx->g, full)) return;
    char why[600];
    snprintf(why, sizeof why, " (SAM makes no '%s' for %s %s as it is written)", r->attr,
             ctx->t->res[r->to].type, r->name);
    report_ref(ctx, r, "Ref target", full, why);
}

/* A connector (an AWS::Serverless::Connector, a resource's embedded
 * Connectors, a GraphQLApi's): after the transform only the resources it
 * makes exist, and SAM rewrites a DependsOn on it, nothing else. */
static int names_connector(lint_ctx *ctx, const graph_ref *r, int kind)
{
    const char *type = NULL;
    if (kind == SYM_SAM_GENERATED) type = graph_sam_generated(ctx->g, r->name);
    else if (kind == SYM_RESOURCE && r->to >= 0) type = ctx->t->res[r->to].type;
    if (!type || strcmp(type, SAM_CONNECTOR_TYPE) != 0) return 0;
    report_ref(ctx, r, r->kind == REF_GETATT ? "Fn::GetAtt resource" : r->kind == REF_SUB ? "Fn::Sub variable" : "Ref target",
               r->name, " (SAM replaces the connector by the resources it makes: only DependsOn can name it)");
    return 1;
}

RULE_CHECK(SL004)
{
    const graph *g = ctx->g;
    if (g->opaque) return;  /* a macro or Fn::ForEach may define names */
    size_t budget = 32;
    for (size_t i = 0; i < g->n_refs; i++) {
        const graph_ref *r = &g->refs[i];
        int kind = graph_lookup(g, r->name);
        switch (r->kind) {
        case REF_CONDITION:
            if (kind != SYM_CONDITION) unresolved(ctx, r, "condition", &budget);
            break;
        case REF_DEPENDSON:
            if (kind != SYM_RESOURCE && kind != SYM_SAM_GENERATED) unresolved(ctx, r, "DependsOn resource", &budget);
            break;
        case REF_GETATT:
            if (kind != SYM_RESOURCE && kind != SYM_SAM_GENERATED) unresolved(ctx, r, "Fn::GetAtt resource", &budget);
            else names_connector(ctx, r, kind);
            break;
        case REF_REF:
            if (kind < 0 || kind == SYM_CONDITION) unresolved(ctx, r, "Ref target", &budget);
            else if (!names_connector(ctx, r, kind)) check_sam_property(ctx, r);
            break;
        case REF_SUB:
            if (kind < 0 || kind == SYM_CONDITION) unresolved(ctx, r, "Fn::Sub variable", &budget);
            else names_connector(ctx, r, kind);
            break;
        }
    }
}
