/* SL102 hardcoded-secret-key: a 40-character secret access key named as one or beside an access key id. */
#include <string.h>

#include "../src/rule.h"
#include "../src/secret.h"

/* How far back on its line a name may stand before a key in free text
 * ("export AWS_SECRET_ACCESS_KEY=..."). */
#define NAME_WINDOW 64

static int scalar_has_access_key(const doc *d, doc_id id)
{
    const doc_node *n = &d->nodes[id];
    return n->kind == DOC_SCALAR && n->str && secret_find_credential_id(n->str, n->len, NULL);
}

static void report_key(lint_ctx *ctx, doc_id node, const char *key)
{
    report(ctx, node, "hardcoded AWS secret access key %s", lint_mask(ctx, key, SECRET_KEY_VALUE_LEN));
}

/* The name a mapping value goes by: its key, or for {Name: X, Value: v}
 * / {Key: X, Value: v} pairs (ECS environment, tags) the X. */
static const char *value_name(const doc *d, doc_id map, doc_id key)
{
    const char *k = doc_str(d, key);
    if (k && (strcmp(k, "Value") == 0 || strcmp(k, "value") == 0)) {
        static const char *const name_keys[] = {"Name", "name", "Key", "key", NULL};
        for (size_t i = 0; name_keys[i]; i++) {
            const char *name = doc_str(d, doc_get(d, map, name_keys[i]));
            if (name)
                return name;
        }
    }
    return k;
}

/* Mapping values that are exactly a secret access key (not in an
 * intrinsic function's arguments). */
static void check_pairs(lint_ctx *ctx, doc_id map)
{
    const doc *d = ctx->d;
    const doc_id *pairs = &d->items[d->nodes[map].first]; /* key, value, key, value, ... */
    int access_key_beside = -1;
    for (uint32_t i = 0; i < doc_count(d, map); i++) {
        doc_id value = pairs[2 * i + 1];
        const doc_node *n = &d->nodes[value];
        if (n->kind != DOC_SCALAR || n->len != SECRET_KEY_VALUE_LEN || !secret_is_secret_key_value(n->str, n->len) ||
            secret_is_placeholder(n->str, n->len))
            continue;
        if (access_key_beside < 0) {
            if (doc_intrinsic(d, map, NULL)) /* asked only now: few maps hold a key */
                return;
            access_key_beside = 0;
            for (uint32_t j = 0; j < doc_count(d, map); j++)
                if (scalar_has_access_key(d, doc_val(d, map, j)))
                    access_key_beside = 1;
        }
        if (access_key_beside || secret_name_says_secret_key(value_name(d, map, doc_key(d, map, i))))
            report_key(ctx, value, n->str);
    }
}

/* Free text (inline code, user data, descriptions): a 40-character run
 * preceded on its line by a secret-key name, or in a text that also holds
 * an access key id. */
static void check_text(lint_ctx *ctx, doc_id id)
{
    const doc_node *n = &ctx->d->nodes[id];
    if (secret_is_secret_key_value(n->str, n->len))
        return; /* a whole value: judged by its name in check_pairs */
    int has_access_key = -1; /* looked for once a 40-character run is found */
    size_t pos = 0, off = 0;
    while (pos < n->len && secret_find_secret_key_value(n->str + pos, n->len - pos, &off)) {
        size_t at = pos + off;
        size_t from = at > NAME_WINDOW ? at - NAME_WINDOW : 0;
        for (size_t k = at; k > from; k--)
            if (n->str[k - 1] == '\n') {
                from = k;
                break;
            }
        char before[NAME_WINDOW + 1];
        memcpy(before, n->str + from, at - from);
        before[at - from] = 0;
        if (has_access_key < 0)
            has_access_key = secret_find_credential_id(n->str, n->len, NULL);
        if (secret_is_placeholder(n->str + at, SECRET_KEY_VALUE_LEN) || secret_in_arn(n->str, at)) {
            pos = at + SECRET_KEY_VALUE_LEN;
            continue;
        }
        if (has_access_key || secret_name_says_secret_key(before)) {
            report_key(ctx, id, n->str + at);
            return;
        }
        pos = at + SECRET_KEY_VALUE_LEN;
    }
}

RULE_CHECK(SL102)
{
    const doc *d = ctx->d;
    const tmpl *t = ctx->t;
    for (size_t i = 0; i < d->n_nodes; i++) {
        const doc_node *n = &d->nodes[i];
        if (n->kind == DOC_MAP)
            check_pairs(ctx, (doc_id)i);
        else if (n->kind == DOC_SCALAR && n->str && n->len > SECRET_KEY_VALUE_LEN && !(n->style & DOC_SYNTH))
            check_text(ctx, (doc_id)i);
    }
    /* A parameter's Default goes by the parameter's name. */
    for (size_t i = 0; i < t->n_params; i++) {
        const tmpl_param *p = &t->params[i];
        const doc_node *n = p->default_node >= 0 ? &d->nodes[p->default_node] : NULL;
        if (n && n->kind == DOC_SCALAR && secret_is_secret_key_value(n->str, n->len) &&
            !secret_is_placeholder(n->str, n->len) && secret_name_says_secret_key(p->id))
            report_key(ctx, p->default_node, n->str);
    }
}
