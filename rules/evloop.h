/* evloop: recursive triggers (a function that writes to its own event source), for SL307/SL308. */
#ifndef SAMLINT_EVLOOP_H
#define SAMLINT_EVLOOP_H

#include <stdlib.h>

#include "evsrc.h"
#include "data/trigger_writes.h"

/* The IAM statement (the innermost mapping with an Action key) holding node. */
static inline doc_id evloop_statement_of(const doc *d, doc_id node)
{
    doc_id m;

    for (m = node - 1; m >= 0; m--)
        if (doc_is_map(d, m) && doc_subtree_end(d, m) > node &&
            doc_get(d, m, "Action") != DOC_NONE)
            return m;
    return DOC_NONE;
}

/* Does one Action value (a scalar, or a list) allow a write that fires a
 * trigger of `type`? */
static inline int evloop_actions_write(const tmpl *t, doc_id actions, const char *type)
{
    const doc *d = t->d;
    uint32_t i, n = doc_is_seq(d, actions) ? doc_count(d, actions) : 1;

    for (i = 0; i < n; i++) {
        eval_value vals[EVAL_MAX];
        doc_id item = doc_is_seq(d, actions) ? doc_item(d, actions, i) : actions;
        int k = eval_values(t, item, vals), j;
        for (j = 0; j < k; j++) {
            const char *action = doc_str(d, vals[j].value);
            if (action && trigger_action_writes(type, action))
                return 1;
        }
    }
    return 0;
}

/* Does permission p let its function write to resource `source` in a way
 * that fires the source's trigger (not merely consume from it)? */
static inline int evloop_perm_retriggers(const lint_ctx *ctx, const graph_perm *p, int source)
{
    const char *type = ctx->t->res[source].type;
    doc_id stmt;

    if (p->target != source || !(p->access & ACCESS_WRITE) || !p->action)
        return 0;
    if (!strchr(p->action, ':') && strcmp(p->action, "*") != 0)   /* template or connector */
        return trigger_template_writes(type, p->action) || !strcmp(p->action, "Write");
    stmt = p->node != DOC_NONE ? evloop_statement_of(ctx->d, p->node) : DOC_NONE;
    if (stmt == DOC_NONE)
        return trigger_action_writes(type, p->action);
    return evloop_actions_write(ctx->t, doc_get(ctx->d, stmt, "Action"), type);
}

/* Does a Filter.S3Key.Rules list hold a non-empty prefix rule? */
static inline int evloop_rules_have_prefix(const doc *d, doc_id filter)
{
    doc_id rules = doc_path(d, filter, "S3Key", "Rules");
    uint32_t i, n = doc_is_seq(d, rules) ? doc_count(d, rules) : 0;

    for (i = 0; i < n; i++) {
        doc_id entry = doc_item(d, rules, i);
        doc_id value;
        const char *name;
        if (!doc_is_map(d, entry))
            continue;
        name = doc_str(d, doc_get(d, entry, "Name"));
        value = doc_get(d, entry, "Value");
        if (name && (!strcmp(name, "prefix") || !strcmp(name, "Prefix")) && value != DOC_NONE &&
            !(doc_is_scalar(d, value) && doc_at(d, value)->len == 0))
            return 1;
    }
    return 0;
}

/* Is every S3 trigger of function fn in event e limited to a key prefix?
 * SAM events carry Filter in their Properties; bucket notifications in each
 * LambdaConfigurations entry that designates the function. */
static inline int evloop_s3_prefixed(const lint_ctx *ctx, const graph_event *e)
{
    const doc *d = ctx->d;
    const tmpl_resource *bucket;
    doc_id configs;
    uint32_t i, n;
    int seen = 0;

    if (e->origin == EV_SAM_EVENT)
        return doc_is_map(d, e->props) && evloop_rules_have_prefix(d, doc_get(d, e->props, "Filter"));
    if (e->origin != EV_S3_NOTIFICATION || e->source < 0)
        return 0;
    bucket = &ctx->t->res[e->source];
    configs = doc_path(d, bucket->props, "NotificationConfiguration", "LambdaConfigurations");
    n = doc_is_seq(d, configs) ? doc_count(d, configs) : 0;
    for (i = 0; i < n; i++) {
        doc_id config = doc_item(d, configs, i);
        if (!doc_is_map(d, config) ||
            evsrc_function_of(ctx, doc_get(d, config, "Function")) != e->function)
            continue;
        if (!evloop_rules_have_prefix(d, doc_get(d, config, "Filter")))
            return 0;
        seen = 1;
    }
    return seen;
}

/* One recursive trigger: the event that invokes the function, the
 * permission that lets it write to the event's source, and whether an S3
 * key-prefix filter makes a loop less likely. */
typedef struct evloop {
    const graph_event *event;
    const graph_perm *perm;
    int prefixed;
} evloop;

/* The iteration over the events, with what keeps it linear: each
 * function's permissions (indexes in order, perm_of[perm_start[f]..
 * perm_start[f + 1]]) and which events repeat an earlier (function, source)
 * pair. Searching all events and all permissions per event was quadratic. */
typedef struct evloop_iter {
    size_t cursor;
    size_t *perm_start;
    size_t *perm_of;
    unsigned char *repeat;
} evloop_iter;

typedef struct evloop_pair { int function, source; size_t index; } evloop_pair;

static inline int evloop_pair_cmp(const void *a, const void *b)
{
    const evloop_pair *x = a, *y = b;
    if (x->function != y->function) return x->function < y->function ? -1 : 1;
    if (x->source != y->source) return x->source < y->source ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

static inline void evloop_begin(lint_ctx *ctx, evloop_iter *it)
{
    const graph *g = ctx->g;
    size_t n_res = ctx->t->n_res, i, n_pairs = 0;
    evloop_pair *pairs = lint_scratch(ctx, (g->n_events + 1) * sizeof *pairs);

    it->cursor = 0;
    it->perm_start = lint_scratch(ctx, (n_res + 2) * sizeof *it->perm_start);
    it->perm_of = lint_scratch(ctx, (g->n_perms + 1) * sizeof *it->perm_of);
    it->repeat = lint_scratch(ctx, g->n_events + 1);
    for (i = 0; i < g->n_perms; i++)
        if (g->perms[i].function >= 0 && (size_t)g->perms[i].function < n_res)
            it->perm_start[g->perms[i].function + 2]++;
    for (i = 2; i < n_res + 2; i++)
        it->perm_start[i] += it->perm_start[i - 1];
    for (i = 0; i < g->n_perms; i++)
        if (g->perms[i].function >= 0 && (size_t)g->perms[i].function < n_res)
            it->perm_of[it->perm_start[g->perms[i].function + 1]++] = i;
    for (i = 0; i < g->n_events; i++) {
        const graph_event *e = &g->events[i];
        if (e->origin != EV_PERMISSION && e->function >= 0 && e->source >= 0)
            pairs[n_pairs++] = (evloop_pair){e->function, e->source, i};
    }
    qsort(pairs, n_pairs, sizeof *pairs, evloop_pair_cmp);
    for (i = 1; i < n_pairs; i++)
        if (pairs[i].function == pairs[i - 1].function && pairs[i].source == pairs[i - 1].source)
            it->repeat[pairs[i].index] = 1;
}

/* Find the next recursive trigger at or after events[it->cursor]; advances
 * past it. One per (function, source) pair; Lambda permissions are not
 * triggers by themselves and are skipped. Returns 0 when none is left. */
static inline int evloop_next(const lint_ctx *ctx, evloop_iter *it, evloop *out)
{
    const graph *g = ctx->g;

    for (; it->cursor < g->n_events; it->cursor++) {
        const graph_event *e = &g->events[it->cursor];
        size_t j;
        if (e->origin == EV_PERMISSION || e->function < 0 || e->source < 0 ||
            !trigger_type_known(ctx->t->res[e->source].type) || it->repeat[it->cursor])
            continue;
        for (j = it->perm_start[e->function]; j < it->perm_start[e->function + 1]; j++) {
            const graph_perm *p = &g->perms[it->perm_of[j]];
            if (!evloop_perm_retriggers(ctx, p, e->source))
                continue;
            out->event = e;
            out->perm = p;
            out->prefixed = tmpl_is_type(&ctx->t->res[e->source], "AWS::S3::Bucket") &&
                            evloop_s3_prefixed(ctx, e);
            it->cursor++;
            return 1;
        }
    }
    return 0;
}

/* Where to report an event: a SAM event's name key, else the key of the
 * resource that sets it up. */
static inline doc_id evloop_event_site(const lint_ctx *ctx, const graph_event *e)
{
    const doc *d = ctx->d;
    int owner;

    if (e->origin == EV_SAM_EVENT) {
        doc_id events = doc_get(d, ctx->t->res[e->function].props, "Events");
        uint32_t i, n = doc_is_map(d, events) ? doc_count(d, events) : 0;
        for (i = 0; i < n; i++)
            if (doc_val(d, events, i) == e->node)
                return doc_key(d, events, i);
    }
    owner = e->node != DOC_NONE ? graph_resource_of(ctx->g, e->node) : -1;
    return owner >= 0 ? ctx->t->res[owner].key : ctx->t->res[e->function].key;
}

#endif
