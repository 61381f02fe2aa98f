/* SL608 unknown-attribute: Fn::GetAtt or ${X.Attr} reads an attribute the resource does not have. */
#include "../src/rule.h"

#include <stdio.h>
#include <string.h>

#include "../src/suggest.h"
#include "../src/types.h"
#include "data/sam_generated.h"
#include "data/sam_resources.h"

/* Is ".prop" a referenceable property of SAM type `type` (made or not)? */
static int sam_has_property(const char *type, const char *prop, size_t len)
{
    for (int i = 0; sam_generated_names[i].sam_type; i++) {
        const sam_generated *gen = &sam_generated_names[i];
        if (gen->suffix[0] == '.' && strlen(gen->suffix + 1) == len && memcmp(gen->suffix + 1, prop, len) == 0 &&
            strcmp(gen->sam_type, type) == 0)
            return 1;
    }
    return 0;
}

/* "Arn, QueueName, QueueUrl, ..." for the message, at most a few. */
static const char *some_attrs(lint_ctx *ctx, const types_entry *e)
{
    char buf[256];
    size_t n = 0;
    buf[0] = '\0';
    unsigned shown = 0;
    for (unsigned i = 0; i < e->n_attrs && shown < 6; i++) {
        const types_attr *a = &types_attrs[e->first_attr + i];
        const char *name = types_attr_name(a);
        int wild = a->name_len && name[a->name_len - 1] == '.';
        int w = snprintf(buf + n, sizeof buf - n, "%s%.*s%s", n ? ", " : "", (int)a->name_len, name, wild ? "*" : "");
        if (w < 0 || (size_t)w >= sizeof buf - n) break;
        n += (size_t)w;
        shown++;
    }
    if (shown < e->n_attrs && n + 6 < sizeof buf) strcat(buf, ", ...");
    char *out = lint_alloc(ctx, strlen(buf) + 1);
    memcpy(out, buf, strlen(buf) + 1);
    return out;
}

static void report_at(lint_ctx *ctx, const graph_ref *r, const char *fmt_attr, const char *type, const char *hint)
{
    const doc_node *n = doc_at(ctx->d, r->node);
    const char *owner = r->from >= 0 ? ctx->t->res[r->from].id : NULL;
    uint32_t line, col;
    if (owner && graph_sub_pos(ctx->d, r, &line, &col)) {
        report_file(ctx, ctx->rule->sev, owner, ctx->d->path, line, col,
                    "'%s' is not an attribute of %s '%s'%s", fmt_attr, type, r->name, hint);
        return;
    }
    doc_id at = r->node;
    /* The list form [Name, Attr]: the attribute is the next item (nodes are
     * numbered in document order), the name node alone says "Name". */
    if (r->kind == REF_GETATT && n->kind == DOC_SCALAR && strcmp(n->str, r->name) == 0 &&
        (size_t)r->node + 1 < ctx->d->n_nodes) {
        const doc_node *next = doc_at(ctx->d, r->node + 1);
        if (next->kind == DOC_SCALAR && strcmp(next->str, r->attr) == 0) at = r->node + 1;
    }
    report(ctx, at, "'%s' is not an attribute of %s '%s'%s", fmt_attr, type, r->name, hint);
}

/* Judge `attr` against the registry type `cfn_type`; `shown_type` names it. */
static void judge(lint_ctx *ctx, const graph_ref *r, const char *attr, const char *cfn_type, const char *shown_type)
{
    const types_entry *e = types_find(cfn_type, strlen(cfn_type));
    if (!e || types_attr_find(e, attr, strlen(attr))) return;
    suggest s;
    suggest_init(&s, attr, strlen(attr));
    types_offer_attrs(e, &s);
    size_t n;
    const char *best = suggest_best(&s, &n);
    char hint[320];
    if (best) snprintf(hint, sizeof hint, ": did you mean '%.*s'?", (int)n, best);
    else if (e->n_attrs) snprintf(hint, sizeof hint, " (it has %s)", some_attrs(ctx, e));
    else snprintf(hint, sizeof hint, " (it has no attributes for Fn::GetAtt)");
    report_at(ctx, r, attr, shown_type, hint);
}

static void check_ref(lint_ctx *ctx, const graph_ref *r)
{
    const tmpl *t = ctx->t;
    const char *attr = r->attr;
    if (!attr || !*attr) return;
    if (r->to < 0) {
        /* a resource SAM generates: <Fn>Role.Arn, [Fn.Alias, AliasArn] */
        const char *type = graph_sam_generated(ctx->g, r->name);
        if (type && *type) judge(ctx, r, attr, type, type);
        return;
    }
    const tmpl_resource *res = &t->res[r->to];
    if (!res->is_sam) {
        if (strncmp(res->type, "Custom::", 8) == 0) return;
        judge(ctx, r, attr, res->type, res->type);
        return;
    }
    const sam_resource *sam = sam_resource_find(res->type);
    if (!sam || !sam->cfn_type) return;
    /* Fn.Alias.Name: the attribute Name of what Fn.Alias names; ${Fn.Alias}
     * in Fn::Sub is the alias itself. */
    const char *dot = strchr(attr, '.');
    char prop[512];
    size_t plen = dot ? (size_t)(dot - attr) : strlen(attr);
    if (strlen(r->name) + plen + 2 < sizeof prop) {
        snprintf(prop, sizeof prop, "%s.%.*s", r->name, (int)plen, attr);
        const char *type = graph_sam_generated(ctx->g, prop);
        if (type) {
            if (dot && *type) judge(ctx, r, dot + 1, type, type);
            return;
        }
        if (dot && sam_has_property(res->type, attr, plen)) {
            char hint[160];
            snprintf(hint, sizeof hint, " (it names %s.%.*s, which SAM does not make for this resource as it is written)",
                     r->name, (int)plen, attr);
            report_at(ctx, r, attr, res->type, hint);
            return;
        }
    }
    if (types_find(sam->cfn_type, strlen(sam->cfn_type)) &&
        !types_attr_find(types_find(sam->cfn_type, strlen(sam->cfn_type)), attr, strlen(attr))) {
        judge(ctx, r, attr, sam->cfn_type, res->type);
    }
}

RULE_CHECK(SL608)
{
    const graph *g = ctx->g;
    for (size_t i = 0; i < g->n_refs; i++) {
        const graph_ref *r = &g->refs[i];
        if (r->kind == REF_GETATT || (r->kind == REF_SUB && r->attr)) check_ref(ctx, r);
    }
}
