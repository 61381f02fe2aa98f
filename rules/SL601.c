/* SL601 unknown-resource-type: a Type that no registry region, SAM, custom resource or module knows. */
#include "../src/rule.h"

#include <stdio.h>
#include <string.h>

#include "../src/suggest.h"
#include "../src/types.h"
#include "data/sam_resources.h"

#define SAM_TRANSFORM "AWS::Serverless-2016-10-31"

/* Rain's modules: `Type: ../modules/vpc.yml`, which `rain pkg` replaces. */
static int is_module_path(const char *type, size_t len)
{
    if (memchr(type, '/', len)) return 1;
    static const char *const exts[] = {".yaml", ".yml", ".json", NULL};
    for (int i = 0; exts[i]; i++) {
        size_t n = strlen(exts[i]);
        if (len > n && strcmp(type + len - n, exts[i]) == 0) return 1;
    }
    return 0;
}

static const char *region_list(lint_ctx *ctx, uint64_t mask)
{
    char buf[512];
    size_t n = 0;
    buf[0] = '\0';
    for (unsigned i = 0; i < types_n_regions && n < sizeof buf - 32; i++) {
        if (!(mask & ((uint64_t)1 << i))) continue;
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", n ? ", " : "", types_regions[i]);
    }
    char *out = lint_alloc(ctx, n + 1);
    memcpy(out, buf, n + 1);
    return out;
}

static const char *closest_type(const char *type, size_t len, int sam_only, size_t *out_len)
{
    suggest s;
    suggest_init(&s, type, len);
    for (int i = 0; sam_resources[i].type; i++) suggest_offer(&s, sam_resources[i].type, strlen(sam_resources[i].type));
    if (!sam_only) types_offer_types(&s);
    return suggest_best(&s, out_len);
}

RULE_CHECK(SL601)
{
    const tmpl *t = ctx->t;
    uint64_t regions = lint_regions(ctx);
    /* "AWS::Serverless-2016-10-30" is a typo of SAM's (reported below), not a macro */
    int macro = t->macro, sam = t->sam_transform;
    for (size_t i = 0; i < t->n_res; i++) {
        const tmpl_resource *r = &t->res[i];
        if (!doc_is_scalar(ctx->d, r->type_node) || r->type_len == 0) continue;
        const char *type = r->type;
        size_t len = r->type_len;
        if (strncmp(type, "Custom::", 8) == 0 && len > 8) continue;
        if (len > 8 && strcmp(type + len - 8, "::MODULE") == 0) continue;
        if (is_module_path(type, len)) continue;
        if (r->is_sam) {
            if (sam_resource_find(type)) {
                if (!sam && !macro)
                    report(ctx, r->type_node, "%s needs 'Transform: " SAM_TRANSFORM "' at the top of the template "
                           "(without it CloudFormation does not know the type)", type);
                continue;
            }
            if (macro) continue;
            size_t n;
            const char *best = closest_type(type, len, 1, &n);
            if (best) report(ctx, r->type_node, "unknown SAM resource type '%s': did you mean '%.*s'?", type, (int)n, best);
            else report(ctx, r->type_node, "unknown SAM resource type '%s'", type);
            continue;
        }
        const types_entry *e = types_find(type, len);
        if (e) {
            uint64_t missing = regions & ~e->regions;
            if (missing)
                report(ctx, r->type_node, "%s does not exist in %s", type, region_list(ctx, missing));
            continue;
        }
        if (macro) continue;  /* a macro may turn the type into others */
        size_t n;
        const char *best = closest_type(type, len, 0, &n);
        if (best)
            report(ctx, r->type_node, "unknown resource type '%s': did you mean '%.*s'?", type, (int)n, best);
        else if (strncmp(type, "AWS::", 5) == 0)
            report(ctx, r->type_node, "unknown resource type '%s' (not in the CloudFormation registry of %s)", type,
                   region_list(ctx, regions));
        else
            report(ctx, r->type_node, "unknown resource type '%s': CloudFormation does not provide it (a third-party or "
                   "private extension must be activated or registered in the account first)", type);
    }
}
