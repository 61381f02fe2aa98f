/* SL213 log-retention-unset: a function whose log group keeps its logs forever. */
#include <string.h>
#include "../src/rule.h"
#include "observe.h"

/* A log group of the template: AWS::Logs::LogGroup, or a custom resource
 * that sets a group's retention (CDK's Custom::LogRetention). */
typedef struct group {
    const tmpl_resource *r;
    const char *name;    /* canonical LogGroupName; NULL when unknown or unset */
    int named;           /* LogGroupName is set */
    int retention;       /* RetentionInDays is set */
} group;

typedef struct groups {
    group *g;
    size_t n;
    int any_unknown;     /* a LogGroupName that could not be read: could be anyone's */
    int any_lambda;      /* a name under /aws/lambda/ */
    char *reported;      /* per group: already reported */
} groups;

static const char lambda_prefix[] = "/aws/lambda/";

/* RetentionInDays set to something other than only AWS::NoValue. */
static int has_retention(const tmpl *t, doc_id days)
{
    eval_value vals[EVAL_MAX];
    return obs_has_value(t->d, days) && eval_values(t, days, vals) != 0;
}

static void collect_groups(lint_ctx *ctx, groups *gs)
{
    const tmpl *t = ctx->t;
    const doc *d = ctx->d;
    gs->g = lint_scratch(ctx, (t->n_res + 1) * sizeof *gs->g);
    gs->reported = lint_scratch(ctx, t->n_res + 1);
    for (size_t i = 0; i < t->n_res; i++) {
        const tmpl_resource *r = &t->res[i];
        doc_id name, days;
        if (!doc_is_map(d, r->props) && !tmpl_is_type(r, "AWS::Logs::LogGroup"))
            continue;
        name = doc_is_map(d, r->props) ? doc_get(d, r->props, "LogGroupName") : DOC_NONE;
        days = doc_is_map(d, r->props) ? doc_get(d, r->props, "RetentionInDays") : DOC_NONE;
        if (!tmpl_is_type(r, "AWS::Logs::LogGroup")) {
            int custom = !strncmp(r->type, "Custom::", 8) || tmpl_is_type(r, "AWS::CloudFormation::CustomResource");
            if (!custom || name == DOC_NONE || days == DOC_NONE)
                continue;
        }
        group *g = &gs->g[gs->n++];
        g->r = r;
        g->named = name != DOC_NONE;
        g->retention = has_retention(ctx->t, days);
        g->name = g->named ? obs_canon(ctx, name) : NULL;
        if (g->named && !g->name)
            gs->any_unknown = 1;
        if (g->name && !strncmp(g->name, lambda_prefix, sizeof lambda_prefix - 1))
            gs->any_lambda = 1;
    }
}

static group *find_group_named(groups *gs, const char *name)
{
    for (size_t i = 0; i < gs->n; i++)
        if (gs->g[i].name && !strcmp(gs->g[i].name, name))
            return &gs->g[i];
    return NULL;
}

static group *find_group_resource(groups *gs, const tmpl_resource *r)
{
    for (size_t i = 0; i < gs->n; i++)
        if (gs->g[i].r == r)
            return &gs->g[i];
    return NULL;
}

static void report_no_retention(lint_ctx *ctx, groups *gs, group *g, const tmpl_resource *fn)
{
    size_t k = (size_t)(g - gs->g);
    if (gs->reported[k])
        return;
    gs->reported[k] = 1;
    report_for(ctx, g->r->id, g->r->key,
               "log group '%s' of function '%s' has no RetentionInDays: its logs are kept forever", g->r->id, fn->id);
}

/* LoggingConfig.LogGroup names the group: judge that one, if it is ours. */
static void check_custom_group(lint_ctx *ctx, groups *gs, const tmpl_resource *fn, doc_id lg)
{
    int target = graph_target(ctx->g, lg);
    group *g = NULL;
    if (target >= 0)
        g = find_group_resource(gs, &ctx->t->res[target]);
    if (!g) {
        const char *name = obs_canon(ctx, lg);
        if (name)
            g = find_group_named(gs, name);
    }
    if (g && !g->retention)
        report_no_retention(ctx, gs, g, fn);
    /* A group made outside this template: its retention is not ours to judge. */
}

/* The function's default group /aws/lambda/<name>. */
static void check_default_group(lint_ctx *ctx, groups *gs, const tmpl_resource *fn)
{
    const doc *d = ctx->d;
    const char *names[2];
    size_t n_names = 0;
    int name_known = 1;
    group *without = NULL;
    doc_id fname = doc_is_map(d, fn->props) ? doc_get(d, fn->props, "FunctionName") : DOC_NONE;

    names[n_names++] = obs_printf(ctx, "%s${%s}", lambda_prefix, fn->id);   /* Ref gives the name */
    if (fname != DOC_NONE && !doc_is_null(d, fname)) {
        const char *c = obs_canon(ctx, fname);
        if (c)
            names[n_names++] = obs_printf(ctx, "%s%s", lambda_prefix, c);
        else
            name_known = 0;
    }
    for (size_t i = 0; i < gs->n; i++) {
        group *g = &gs->g[i];
        if (!g->name)
            continue;
        for (size_t k = 0; k < n_names; k++) {
            if (strcmp(g->name, names[k]) != 0)
                continue;
            if (g->retention)
                return;
            if (!without)
                without = g;
        }
    }
    if (without) {
        report_no_retention(ctx, gs, without, fn);
        return;
    }
    if (gs->any_unknown || (!name_known && gs->any_lambda))
        return;   /* some group of the template may be this function's */
    report_for(ctx, fn->id, fn->key,
               "function '%s' has no log group with RetentionInDays (/aws/lambda/<name>): its logs are kept forever",
               fn->id);
}

RULE_CHECK(SL213)
{
    const tmpl *t = ctx->t;
    groups gs = { NULL, 0, 0, 0, NULL };
    collect_groups(ctx, &gs);
    for (size_t i = 0; i < t->n_res; i++) {
        const tmpl_resource *fn = &t->res[i];
        enum tmpl_origin origin;
        doc_id lg;
        if (!fn->is_function)
            continue;
        lg = tmpl_prop(t, fn, &origin, "LoggingConfig", "LogGroup");
        if (lg != DOC_NONE && !doc_is_null(ctx->d, lg))
            check_custom_group(ctx, &gs, fn, lg);
        else
            check_default_group(ctx, &gs, fn);
    }
}
