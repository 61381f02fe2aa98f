/* SL005 invalid-intrinsic: unknown tags and intrinsic functions of the wrong shape. */
#include "../src/rule.h"

#include <string.h>

/* Each intrinsic's argument shape. To add one, add a row: min/max are the
 * list length when the argument must be a list (0 = any shape). */
static const struct {
    const char *name;
    int list_min, list_max;
    int scalar_ok;   /* a plain string argument is also fine */
} intrinsics[] = {
    {"Ref", 0, 0, 1},
    {"Condition", 0, 0, 1},
    {"Fn::GetAtt", 2, 2, 1},
    {"Fn::Sub", 1, 2, 1},
    {"Fn::Join", 2, 2, 0},
    {"Fn::Select", 2, 2, 0},
    {"Fn::Split", 2, 2, 0},
    {"Fn::If", 3, 3, 0},
    {"Fn::Equals", 2, 2, 0},
    {"Fn::And", 2, 10, 0},
    {"Fn::Or", 2, 10, 0},
    {"Fn::Not", 1, 1, 0},
    {"Fn::FindInMap", 3, 4, 0},
    {"Fn::Base64", 0, 0, 1},
    {"Fn::Cidr", 3, 3, 0},
    {"Fn::GetAZs", 0, 0, 1},
    {"Fn::ImportValue", 0, 0, 1},
    {"Fn::Transform", 0, 0, 0},
    {"Fn::ToJsonString", 0, 0, 0},
    {"Fn::Length", 0, 0, 0},
    {"Fn::ForEach", 0, 0, 0},
    {NULL, 0, 0, 0},
};

static void check_intrinsic(lint_ctx *ctx, doc_id node, const char *fn, doc_id arg)
{
    const doc *d = ctx->d;
    if (strncmp(fn, "Fn::ForEach::", 13) == 0) return;
    int i = 0;
    while (intrinsics[i].name && strcmp(intrinsics[i].name, fn) != 0) i++;
    if (!intrinsics[i].name) {
        report(ctx, doc_key(d, node, 0), "unknown intrinsic function '%s'", fn);
        return;
    }
    if (strcmp(fn, "Fn::GetAtt") == 0) {
        if (doc_is_scalar(d, arg) && !strchr(doc_str(d, arg), '.'))
            report(ctx, arg, "Fn::GetAtt '%s' names no attribute (write Resource.Attribute)", doc_str(d, arg));
        else if (doc_is_seq(d, arg) && doc_count(d, arg) == 1)
            report(ctx, arg, "Fn::GetAtt names no attribute (write [Resource, Attribute])");
        else if (doc_is_seq(d, arg) && doc_count(d, arg) != 2)
            report(ctx, arg, "Fn::GetAtt takes [Resource, Attribute], not %u items", doc_count(d, arg));
        else if (doc_is_map(d, arg))
            report(ctx, arg, "Fn::GetAtt takes [Resource, Attribute] or Resource.Attribute");
        return;
    }
    if (strcmp(fn, "Fn::Sub") == 0 && doc_is_seq(d, arg)) {
        if (doc_count(d, arg) != 2 && doc_count(d, arg) != 1)
            report(ctx, arg, "Fn::Sub takes a string or [string, {variables}], not %u items", doc_count(d, arg));
        else if (doc_count(d, arg) == 2 && !doc_is_map(d, doc_item(d, arg, 1)) && !doc_intrinsic(d, doc_item(d, arg, 1), NULL))
            report(ctx, doc_item(d, arg, 1), "Fn::Sub's variables must be a mapping");
        return;
    }
    if (intrinsics[i].list_min == 0) return;
    if (doc_is_scalar(d, arg) && intrinsics[i].scalar_ok) return;
    if (doc_intrinsic(d, arg, NULL)) return;  /* built by another function */
    if (!doc_is_seq(d, arg)) {
        report(ctx, arg, "%s takes a list of %d%s values", fn, intrinsics[i].list_min,
               intrinsics[i].list_max > intrinsics[i].list_min ? " or more" : "");
        return;
    }
    uint32_t n = doc_count(d, arg);
    if ((int)n < intrinsics[i].list_min || (int)n > intrinsics[i].list_max) {
        if (intrinsics[i].list_min == intrinsics[i].list_max)
            report(ctx, arg, "%s takes %d values, not %u", fn, intrinsics[i].list_min, n);
        else
            report(ctx, arg, "%s takes %d to %d values, not %u", fn, intrinsics[i].list_min, intrinsics[i].list_max, n);
    }
}

RULE_CHECK(SL005)
{
    const doc *d = ctx->d;
    size_t ti = 0;  /* d->tags, in node order */
    for (size_t i = 0; i < d->n_nodes; i++) {
        const doc_node *n = &d->nodes[i];
        const char *tag = NULL;
        if (n->tagged) {
            while (d->tags[ti].node < (doc_id)i) ti++;
            tag = doc_tag_name(d, d->tags[ti].name);
        }
        /* !Rain:: directives are for the rain pre-processor, not CloudFormation. */
        if (tag && tag[0] == '!' && tag[1] != '!' && n->style != DOC_SYNTH && strncmp(tag, "!Rain::", 7) != 0) {
            report(ctx, (doc_id)i, "unknown tag '%.60s' (CloudFormation knows !Ref, !GetAtt, !Sub, ...)", tag);
            continue;
        }
        if (n->kind != DOC_MAP || n->len != 1) continue;
        doc_id arg;
        const char *fn = doc_intrinsic(d, (doc_id)i, &arg);
        /* "Condition" is an intrinsic only inside Conditions/Fn::If; as a
         * one-key mapping elsewhere it is checked by SL004 */
        if (fn && strcmp(fn, "Condition") != 0) check_intrinsic(ctx, (doc_id)i, fn, arg);
    }
}
