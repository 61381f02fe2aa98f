/* SL103 plaintext-secret: a secret-looking name holding a literal, or a secret parameter without NoEcho. */
#include <string.h>
#include <strings.h>

#include "../src/rule.h"
#include "../src/secret.h"

#define WALK_MAX_DEPTH 64

/* A value that is written out in the template: a non-empty scalar that is
 * no boolean, number, placeholder ("none"), dynamic reference or
 * JSONPath ("$.x"). */
static int is_literal_secret(const doc *d, doc_id value)
{
    long long number;
    int flag;
    const char *s = doc_str(d, value);
    if (!s || !*s || doc_is_null(d, value))
        return 0;
    if (doc_get_bool(d, value, &flag) || doc_get_long(d, value, &number))
        return 0;
    if (strcasecmp(s, "none") == 0 || strcasecmp(s, "null") == 0)
        return 0; /* placeholders */
    return !secret_is_dynamic_ref(s) && s[0] != '$';
}

/* A JSONPath key ("TaskToken.$") names no secret. */
static int is_jsonpath_key(const char *k)
{
    size_t n = k ? strlen(k) : 0;
    return n >= 2 && strcmp(k + n - 2, ".$") == 0;
}

/* A key that looks secret: not a JSONPath key. */
static int key_looks_secret(const char *k)
{
    return secret_name_looks_secret(k) && !is_jsonpath_key(k);
}

static void report_literal(lint_ctx *ctx, doc_id value, const char *name)
{
    report(ctx, value,
           "'%s' looks like a secret and holds a literal value; use a dynamic reference "
           "({{resolve:secretsmanager:...}}) or a NoEcho parameter", name);
}

static void walk(lint_ctx *ctx, doc_id node, int depth)
{
    const doc *d = ctx->d;
    if (node < 0 || depth > WALK_MAX_DEPTH)
        return;
    if (doc_is_seq(d, node)) {
        for (uint32_t i = 0; i < doc_count(d, node); i++)
            walk(ctx, doc_item(d, node, i), depth + 1);
        return;
    }
    if (!doc_is_map(d, node) || doc_intrinsic(d, node, NULL))
        return;
    /* {Name: DB_PASSWORD, Value: ...} (ECS environment, SSM-style pairs) */
    const char *pair_name = doc_str(d, doc_get(d, node, "Name"));
    if (pair_name && key_looks_secret(pair_name)) {
        doc_id pair_value = doc_get(d, node, "Value");
        if (pair_value != DOC_NONE && is_literal_secret(d, pair_value))
            report_literal(ctx, pair_value, pair_name);
    }
    const doc_id *pairs = &d->items[d->nodes[node].first]; /* key, value, key, value, ... */
    for (uint32_t i = 0; i < doc_count(d, node); i++) {
        const char *k = doc_str(d, pairs[2 * i]);
        doc_id value = pairs[2 * i + 1];
        /* One look at the name: most keys mention no secret at all. */
        int cls = secret_name_class(k);
        int looks = (cls & SECRET_NAME_LOOKS) && !is_jsonpath_key(k);
        if (doc_is_scalar(d, value)) {
            if (looks && is_literal_secret(d, value))
                report_literal(ctx, value, k);
        } else if (!((cls & SECRET_NAME_MENTIONS) && !looks)) {
            /* "TokenValidityUnits", "PasswordPolicy": settings about a
             * secret, not secrets. */
            walk(ctx, value, depth + 1);
        }
    }
}

RULE_CHECK(SL103)
{
    const tmpl *t = ctx->t;
    const doc *d = ctx->d;
    for (size_t i = 0; i < t->n_params; i++) {
        const tmpl_param *p = &t->params[i];
        if (!secret_name_looks_secret(p->id) || strncmp(p->type, "AWS::SSM::Parameter::", 21) == 0)
            continue;
        if (p->default_node != DOC_NONE && doc_is_scalar(d, p->default_node) &&
            is_literal_secret(d, p->default_node))
            report(ctx, p->default_node, "parameter '%s' looks like a secret and has a literal Default", p->id);
        if (!p->no_echo)
            report(ctx, p->key, "parameter '%s' looks like a secret but has no NoEcho: true", p->id);
    }
    for (size_t i = 0; i < t->n_res; i++)
        walk(ctx, t->res[i].props, 0);
    walk(ctx, t->globals, 0);
}
