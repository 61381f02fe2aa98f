/* tmpl: template sections, SAM Globals and effective function properties. */
#include "tmpl.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "params.h"
#include "strmap.h"

/* Hash maps from logical id to index: look-ups run once per reference, and
 * a linear search was quadratic with many parameters or conditions. The first of duplicate ids wins, as in a search from the top. */
struct tmpl_index {
    strmap params, conds;
};

static void index_add(strmap *m, const char *id, int i)
{
    int seen;
    if (!strmap_get(m, id, strlen(id), &seen)) strmap_put(m, id, strlen(id), i);
}

static void build_index(tmpl *t)
{
    struct tmpl_index *x = xcalloc(1, sizeof *x);
    strmap_init(&x->params);
    strmap_init(&x->conds);
    strmap_reserve(&x->params, t->n_params);
    strmap_reserve(&x->conds, t->n_conds);
    for (size_t i = 0; i < t->n_params; i++) index_add(&x->params, t->params[i].id, (int)i);
    for (size_t i = 0; i < t->n_conds; i++) index_add(&x->conds, t->conds[i].id, (int)i);
    t->index = x;
}

/* Index of `id` in a map, or -1. */
static int index_find(const strmap *m, const char *id)
{
    int i;
    return strmap_get(m, id, strlen(id), &i) ? i : -1;
}

static doc_id globals_of(const tmpl *t, const tmpl_resource *r);

/* doc_get() of several keys with one pass over the mapping: out[i] is the
 * value of keys[i] (the last pair with that key, as in doc_get), or DOC_NONE. */
static void get_keys(const doc *d, doc_id map, const char *const *keys, size_t n, doc_id *out)
{
    size_t len[16];
    for (size_t j = 0; j < n; j++) {
        out[j] = DOC_NONE;
        len[j] = strlen(keys[j]);
    }
    uint32_t count = doc_is_map(d, map) ? doc_count(d, map) : 0;
    for (uint32_t i = 0; i < count; i++) {
        doc_id k = doc_key(d, map, i);
        if (!doc_is_scalar(d, k)) continue;
        const doc_node *kn = doc_at(d, k);
        for (size_t j = 0; j < n; j++) {
            if (kn->len == len[j] && memcmp(kn->str, keys[j], len[j]) == 0) {
                out[j] = doc_val(d, map, i);
                break;
            }
        }
    }
}

static void collect_named(const doc *d, doc_id map, tmpl_named **out, size_t *n)
{
    *n = 0;
    *out = NULL;
    if (!doc_is_map(d, map)) return;
    uint32_t count = doc_count(d, map);
    *out = xcalloc(count, sizeof **out);
    for (uint32_t i = 0; i < count; i++) {
        doc_id k = doc_key(d, map, i);
        if (!doc_is_scalar(d, k)) continue;
        tmpl_named *e = &(*out)[(*n)++];
        e->id = doc_str(d, k);
        e->key = k;
        e->node = doc_val(d, map, i);
    }
}

int tmpl_build(tmpl *t, const doc *d, const char **why)
{
    memset(t, 0, sizeof *t);
    t->d = d;
    t->root = d->root;
    if (!doc_is_map(d, d->root)) {
        *why = d->root == DOC_NONE ? "the file is empty" : "the top level is not a mapping";
        return -1;
    }
    static const char *const sections[] = {"Resources", "Parameters", "Conditions", "Outputs",
                                           "Metadata", "Mappings", "Globals", "Transform"};
    doc_id found[8];
    get_keys(d, d->root, sections, 8, found);
    t->resources = found[0];
    t->parameters = found[1];
    t->conditions = found[2];
    t->outputs = found[3];
    t->metadata = found[4];
    t->mappings = found[5];
    t->globals = found[6];
    t->transform = found[7];
    if (!doc_is_map(d, t->resources)) {
        *why = t->resources == DOC_NONE ? "it has no Resources section" : "its Resources section is not a mapping";
        return -1;
    }
    uint32_t n_tr = doc_is_seq(d, t->transform) ? doc_count(d, t->transform) : (t->transform != DOC_NONE);
    for (uint32_t i = 0; i < n_tr; i++) {
        doc_id item = doc_is_seq(d, t->transform) ? doc_item(d, t->transform, i) : t->transform;
        const char *s = doc_str(d, item);
        if (s && strcmp(s, "AWS::Serverless-2016-10-31") == 0) t->sam_transform = 1;
        else if (s && strncmp(s, "AWS::Serverless", 15) == 0) t->sam_typo = 1;
        else if (!s || strcmp(s, "AWS::LanguageExtensions") != 0) t->macro = 1;
    }
    t->is_sam = t->sam_transform || t->sam_typo;
    static const char *const kinds[] = {"Function",     "Api",          "HttpApi",     "SimpleTable",
                                        "StateMachine", "LayerVersion", "WebSocketApi", "CapacityProvider"};
    get_keys(d, t->globals, kinds, 8, found);
    t->globals_function = found[0];
    t->globals_api = found[1];
    t->globals_httpapi = found[2];
    t->globals_simpletable = found[3];
    t->globals_statemachine = found[4];
    t->globals_layer = found[5];
    t->globals_websocketapi = found[6];
    t->globals_capacityprovider = found[7];

    uint32_t n = doc_count(d, t->resources);
    t->res = xcalloc(n, sizeof *t->res);
    for (uint32_t i = 0; i < n; i++) {
        doc_id k = doc_key(d, t->resources, i);
        if (!doc_is_scalar(d, k)) continue;
        tmpl_resource *r = &t->res[t->n_res++];
        r->id = doc_str(d, k);
        r->key = k;
        r->node = doc_val(d, t->resources, i);
        static const char *const attrs[] = {"Type", "Properties", "Metadata"};
        get_keys(d, r->node, attrs, 3, found);
        r->type_node = found[0];
        r->type = doc_str(d, r->type_node) ? doc_str(d, r->type_node) : "";
        r->type_len = strlen(r->type);
        r->props = found[1];
        if (!doc_is_map(d, r->props)) r->props = DOC_NONE;
        r->metadata = found[2];
        if (!doc_is_map(d, r->metadata)) r->metadata = DOC_NONE;
        r->is_sam = strncmp(r->type, "AWS::Serverless::", 17) == 0;
        r->is_function = strcmp(r->type, "AWS::Serverless::Function") == 0 ||
                         strcmp(r->type, "AWS::Lambda::Function") == 0;
        r->globals = globals_of(t, r);
    }

    if (doc_is_map(d, t->parameters)) {
        uint32_t np = doc_count(d, t->parameters);
        t->params = xcalloc(np, sizeof *t->params);
        for (uint32_t i = 0; i < np; i++) {
            doc_id k = doc_key(d, t->parameters, i);
            if (!doc_is_scalar(d, k)) continue;
            tmpl_param *p = &t->params[t->n_params++];
            p->id = doc_str(d, k);
            p->key = k;
            p->node = doc_val(d, t->parameters, i);
            static const char *const attrs[] = {"Type", "Default", "NoEcho"};
            get_keys(d, p->node, attrs, 3, found);
            const char *type = doc_str(d, found[0]);
            p->type = type ? type : "";
            p->default_node = found[1];
            p->value_node = found[1];
            int b = 0;
            p->no_echo = doc_get_bool(d, found[2], &b) && b;
        }
    }
    collect_named(d, t->conditions, &t->conds, &t->n_conds);
    collect_named(d, t->outputs, &t->outs, &t->n_outs);
    build_index(t);
    t->memo = xcalloc(1, sizeof *t->memo);
    return 0;
}

void tmpl_release(tmpl *t)
{
    free(t->res);
    free(t->params);
    free(t->conds);
    free(t->outs);
    if (t->index) {
        strmap_release(&t->index->params);
        strmap_release(&t->index->conds);
        free(t->index);
    }
    if (t->memo) {
        if (t->memo->policy) t->memo->release_policy(t->memo->policy);
        free(t->memo);
    }
    memset(t, 0, sizeof *t);
}

void tmpl_set_values(tmpl *t, doc *d, param_list *values)
{
    for (size_t i = 0; i < t->n_params; i++) {
        tmpl_param *p = &t->params[i];
        const char *v = params_lookup(values, p->id);
        /* A NoEcho value is a secret, and messages quote values: the
         * Default stays. */
        if (!v || p->no_echo) continue;
        /* An SSM parameter's value is the name of the parameter that holds it. */
        if (strncmp(p->type, "AWS::SSM::Parameter::", 21) == 0) continue;
        p->value_node = doc_add_scalar(d, v, strlen(v), p->default_node != DOC_NONE ? p->default_node : p->key);
        p->given = 1;
    }
}

const tmpl_param *tmpl_find_param(const tmpl *t, const char *id)
{
    if (t->index) {
        int i = index_find(&t->index->params, id);
        return i < 0 ? NULL : &t->params[i];
    }
    for (size_t i = 0; i < t->n_params; i++)
        if (strcmp(t->params[i].id, id) == 0) return &t->params[i];
    return NULL;
}

int tmpl_has_condition(const tmpl *t, const char *id)
{
    if (t->index) return index_find(&t->index->conds, id) >= 0;
    for (size_t i = 0; i < t->n_conds; i++)
        if (strcmp(t->conds[i].id, id) == 0) return 1;
    return 0;
}

static doc_id globals_of(const tmpl *t, const tmpl_resource *r)
{
    if (!r->is_sam) return DOC_NONE;
    const char *kind = r->type + 17;
    if (strcmp(kind, "Function") == 0) return t->globals_function;
    if (strcmp(kind, "Api") == 0) return t->globals_api;
    if (strcmp(kind, "HttpApi") == 0) return t->globals_httpapi;
    if (strcmp(kind, "SimpleTable") == 0) return t->globals_simpletable;
    if (strcmp(kind, "StateMachine") == 0) return t->globals_statemachine;
    if (strcmp(kind, "LayerVersion") == 0) return t->globals_layer;
    if (strcmp(kind, "WebSocketApi") == 0) return t->globals_websocketapi;
    if (strcmp(kind, "CapacityProvider") == 0) return t->globals_capacityprovider;
    return DOC_NONE;
}

doc_id tmpl_globals_for(const tmpl *t, const tmpl_resource *r)
{
    (void)t;
    return r->globals;  /* globals_of(), found once in tmpl_build */
}

doc_id tmpl_prop_(const tmpl *t, const tmpl_resource *r, enum tmpl_origin *origin, ...)
{
    const char *path[16];
    size_t n = 0;
    va_list ap;
    va_start(ap, origin);
    const char *k;
    while ((k = va_arg(ap, const char *)) != NULL && n < 16) path[n++] = k;
    va_end(ap);

    const doc *d = t->d;
    doc_id places[2] = {r->props, tmpl_globals_for(t, r)};
    for (int p = 0; p < 2; p++) {
        doc_id node = places[p];
        for (size_t i = 0; i < n && node != DOC_NONE; i++) node = doc_get(d, node, path[i]);
        if (node != DOC_NONE) {
            if (origin) *origin = p == 0 ? TMPL_OWN : TMPL_GLOBALS;
            return node;
        }
    }
    if (origin) *origin = TMPL_UNSET;
    return DOC_NONE;
}
