/* observe: helpers shared by the observability and API rules SL213-SL216, SL501-SL504 (header only). */
#ifndef SAMLINT_OBSERVE_H
#define SAMLINT_OBSERVE_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../src/arena.h"
#include "../src/rule.h"

/* printf into scratch memory that lives as long as the template. */
static inline const char *obs_printf(lint_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static inline const char *obs_printf(lint_ctx *ctx, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    int n;
    char *p;
    va_start(ap, fmt);
    n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return "";
    p = lint_alloc(ctx, (size_t)n + 1);
    if ((size_t)n < sizeof small) {
        memcpy(p, small, (size_t)n + 1);
        return p;
    }
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

/* ---- booleans ------------------------------------------------------------ */

/* Is every possible value of `node` true? 1 yes; 0 no, with *bad set to where
 * the first non-true value was written (a branch that yields AWS::NoValue
 * counts as unset, so as not true); -1 when it cannot be evaluated. */
static inline int obs_all_true(const tmpl *t, doc_id node, doc_id *bad)
{
    eval_value vals[EVAL_MAX];
    int n = eval_values(t, node, vals);
    if (n < 0)
        return -1;
    *bad = node;
    if (n == 0)
        return 0;
    for (int i = 0; i < n; i++) {
        int b = 0;
        if (!doc_get_bool(t->d, vals[i].value, &b) || !b) {
            *bad = vals[i].site != DOC_NONE ? vals[i].site : node;
            return 0;
        }
    }
    return 1;
}

/* Is `node` present with a value (not absent, not null, not an empty string)? */
static inline int obs_has_value(const doc *d, doc_id node)
{
    if (node == DOC_NONE || doc_is_null(d, node))
        return 0;
    return !doc_is_scalar(d, node) || doc_at(d, node)->len > 0;
}

/* Where to report a value: the value itself, or its key when it is null
 * (`Key:` with nothing after it has no text to point at). */
static inline doc_id obs_site(const doc *d, doc_id value)
{
    if (!doc_is_null(d, value))
        return value;
    for (size_t n = 0; n < d->n_nodes; n++) {
        if (d->nodes[n].kind != DOC_MAP)
            continue;
        for (uint32_t i = 0; i < d->nodes[n].len; i++)
            if (doc_val(d, (doc_id)n, i) == value)
                return doc_key(d, (doc_id)n, i);
    }
    return value;
}

/* ---- canonical names ----------------------------------------------------- */

/* A name written with intrinsics, reduced to one text so that two ways of
 * writing the same name compare equal: literal text is kept, a parameter with
 * a scalar Default becomes that Default, every other reference becomes
 * ${Id} or ${Id.Attr}. !Sub, !Join, !Ref and !GetAtt are understood;
 * anything else (!If, !ImportValue, ...) makes the name unknown (NULL). */
typedef struct obs_buf {
    lint_ctx *ctx;
    char *p;
    size_t len, cap;
} obs_buf;

static inline void obs_put(obs_buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = lint_alloc(b->ctx, cap);
        if (b->len)
            memcpy(p, b->p, b->len);
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static inline int obs_canon_into(lint_ctx *ctx, obs_buf *b, doc_id node, int depth);

/* A reference by name (Ref X, ${X}, ${X.Attr}). */
static inline void obs_canon_name(lint_ctx *ctx, obs_buf *b, const char *name, size_t len)
{
    const tmpl *t = ctx->t;
    for (size_t i = 0; i < t->n_params; i++) {
        const tmpl_param *p = &t->params[i];
        if (strlen(p->id) == len && !memcmp(p->id, name, len) && doc_is_scalar(t->d, p->value_node)) {
            const char *s = doc_str(t->d, p->value_node);
            obs_put(b, s, strlen(s));
            return;
        }
    }
    obs_put(b, "${", 2);
    obs_put(b, name, len);
    obs_put(b, "}", 1);
}

typedef struct obs_sub_state {
    lint_ctx *ctx;
    obs_buf *b;
    doc_id vars;   /* the !Sub variable map, or DOC_NONE */
    int depth;
    int ok;
} obs_sub_state;

/* A !Sub part's text without its "${" and "}" (whichever way the parser gives it). */
static inline void obs_sub_strip(const char **s, size_t *len)
{
    if (*len >= 2 && (*s)[0] == '$' && (*s)[1] == '{') {
        *s += 2;
        *len -= 2;
        if (*len && (*s)[*len - 1] == '}')
            (*len)--;
    }
}

static inline int obs_sub_part(void *user, const eval_sub_part *part)
{
    obs_sub_state *st = user;
    const doc *d = st->ctx->d;
    switch (part->kind) {
    case SUB_TEXT:
        obs_put(st->b, part->start, part->len);
        break;
    case SUB_LITERAL: { /* ${!x} stands for the text ${x} */
        const char *name = part->start;
        size_t len = part->len;
        obs_sub_strip(&name, &len);
        if (len && *name == '!')
            name++, len--;
        obs_put(st->b, "${", 2);
        obs_put(st->b, name, len);
        obs_put(st->b, "}", 1);
        break;
    }
    case SUB_VAR: {
        const char *name = part->start;
        size_t len = part->len;
        obs_sub_strip(&name, &len);
        while (len && (*name == ' ' || *name == '\t'))
            name++, len--;
        while (len && (name[len - 1] == ' ' || name[len - 1] == '\t'))
            len--;
        if (doc_is_map(d, st->vars)) {
            for (uint32_t i = 0; i < doc_count(d, st->vars); i++) {
                const char *k = doc_str(d, doc_key(d, st->vars, i));
                if (k && strlen(k) == len && !memcmp(k, name, len)) {
                    if (!obs_canon_into(st->ctx, st->b, doc_val(d, st->vars, i), st->depth + 1))
                        st->ok = 0;
                    return 0;
                }
            }
        }
        obs_canon_name(st->ctx, st->b, name, len);
        break;
    }
    }
    return 0;
}

static inline int obs_canon_into(lint_ctx *ctx, obs_buf *b, doc_id node, int depth)
{
    const doc *d = ctx->d;
    doc_id arg = DOC_NONE;
    const char *fn;
    if (depth > 8 || node == DOC_NONE)
        return 0;
    if (doc_is_scalar(d, node)) {
        obs_put(b, doc_str(d, node), doc_at(d, node)->len);
        return 1;
    }
    fn = doc_intrinsic(d, node, &arg);
    if (!fn)
        return 0;
    if (!strcmp(fn, "Ref")) {
        const char *name = doc_str(d, arg);
        if (!name)
            return 0;
        obs_canon_name(ctx, b, name, strlen(name));
        return 1;
    }
    if (!strcmp(fn, "Fn::GetAtt")) {
        const char *res = NULL, *attr = NULL;
        if (doc_is_scalar(d, arg)) {
            res = doc_str(d, arg);
        } else if (doc_is_seq(d, arg) && doc_count(d, arg) == 2) {
            res = doc_str(d, doc_item(d, arg, 0));
            attr = doc_str(d, doc_item(d, arg, 1));
            if (!attr)
                return 0;
        }
        if (!res)
            return 0;
        obs_put(b, "${", 2);
        obs_put(b, res, strlen(res));
        if (attr) {
            obs_put(b, ".", 1);
            obs_put(b, attr, strlen(attr));
        }
        obs_put(b, "}", 1);
        return 1;
    }
    if (!strcmp(fn, "Fn::Sub")) {
        obs_sub_state st = { ctx, b, DOC_NONE, depth, 1 };
        doc_id text = arg;
        if (doc_is_seq(d, arg)) {
            if (doc_count(d, arg) != 2)
                return 0;
            text = doc_item(d, arg, 0);
            st.vars = doc_item(d, arg, 1);
        }
        if (!doc_is_scalar(d, text) || eval_sub_parse(doc_str(d, text), obs_sub_part, &st) != 0)
            return 0;
        return st.ok;
    }
    if (!strcmp(fn, "Fn::Join")) {
        doc_id delim, items;
        if (!doc_is_seq(d, arg) || doc_count(d, arg) != 2)
            return 0;
        delim = doc_item(d, arg, 0);
        items = doc_item(d, arg, 1);
        if (!doc_is_scalar(d, delim) || !doc_is_seq(d, items))
            return 0;
        for (uint32_t i = 0; i < doc_count(d, items); i++) {
            if (i)
                obs_put(b, doc_str(d, delim), doc_at(d, delim)->len);
            if (!obs_canon_into(ctx, b, doc_item(d, items, i), depth + 1))
                return 0;
        }
        return 1;
    }
    return 0;
}

/* The canonical text of a name, or NULL when it cannot be known. */
static inline const char *obs_canon(lint_ctx *ctx, doc_id node)
{
    obs_buf b = { ctx, NULL, 0, 0 };
    if (!obs_canon_into(ctx, &b, node, 0))
        return NULL;
    if (!b.p)
        obs_put(&b, "", 0);
    return b.p;
}

/* ---- API stages ---------------------------------------------------------- */

enum api_kind { API_REST, API_HTTP };

/* A stage the template creates: an AWS::Serverless::Api / HttpApi, an
 * AWS::ApiGateway::Stage / AWS::ApiGatewayV2::Stage, the stage an
 * AWS::ApiGateway::Deployment creates with StageName (its settings are in
 * StageDescription), the $default stage of a quick-create
 * AWS::ApiGatewayV2::Api (Target set; its settings can only come from an
 * AWS::ApiGatewayV2::ApiGatewayManagedOverrides Stage), or the implicit
 * ServerlessRestApi / ServerlessHttpApi that SAM makes for a function event
 * of type Api / HttpApi without RestApiId / ApiId (it takes its settings from
 * Globals.Api / Globals.HttpApi only). */
typedef struct api_stage {
    enum api_kind kind;
    const tmpl_resource *res;  /* the owner: the resource; for an implicit API, the
                                  function; for a quick-create API with overrides,
                                  the ApiGatewayManagedOverrides resource */
    int implicit;
    int sam;                   /* settings follow SAM Globals */
    int deployment;            /* settings are a Deployment's StageDescription */
    doc_id settings;           /* the mapping the stage's own settings are read from
                                  (Properties, StageDescription, overrides' Stage),
                                  or DOC_NONE when nothing is set */
    doc_id anchor;             /* where to report a setting missing everywhere */
    const char *label;         /* "API 'MyApi'", ... for messages */
} api_stage;

/* The AWS::ApiGatewayV2::ApiGatewayManagedOverrides resource whose ApiId
 * names resource `api` (an index), or NULL. */
static inline const tmpl_resource *api_overrides_for(lint_ctx *ctx, int api)
{
    const tmpl *t = ctx->t;
    for (size_t i = 0; i < t->n_res; i++) {
        const tmpl_resource *r = &t->res[i];
        if (tmpl_is_type(r, "AWS::ApiGatewayV2::ApiGatewayManagedOverrides") && doc_is_map(t->d, r->props)
            && graph_target(ctx->g, doc_get(t->d, r->props, "ApiId")) == api)
            return r;
    }
    return NULL;
}

/* The stage an AWS::ApiGateway::Deployment creates (StageName set): 1 and *s
 * filled, 0 when it creates none or its StageDescription cannot be read. */
static inline int api_deployment_stage(lint_ctx *ctx, const tmpl_resource *r, api_stage *s)
{
    const doc *d = ctx->d;
    doc_id name = doc_is_map(d, r->props) ? doc_get(d, r->props, "StageName") : DOC_NONE;
    doc_id desc;
    const char *lit;
    if (name == DOC_NONE || doc_is_null(d, name) || (doc_is_scalar(d, name) && doc_at(d, name)->len == 0))
        return 0;
    desc = doc_get(d, r->props, "StageDescription");
    if (desc != DOC_NONE && !doc_is_null(d, desc) && !doc_is_map(d, desc))
        return 0;   /* !If [...] and the like: not judged */
    s->deployment = 1;
    s->settings = doc_is_map(d, desc) ? desc : DOC_NONE;
    s->anchor = desc != DOC_NONE ? doc_get_key(d, r->props, "StageDescription") : doc_get_key(d, r->props, "StageName");
    lit = doc_is_scalar(d, name) ? doc_str(d, name) : NULL;
    s->label = lit ? obs_printf(ctx, "stage '%s' of deployment '%s'", lit, r->id)
                   : obs_printf(ctx, "the stage of deployment '%s'", r->id);
    return 1;
}

/* The $default stage of a quick-create HTTP API (Target set): 1 and *s
 * filled, else 0. */
static inline int api_quick_stage(lint_ctx *ctx, size_t index, api_stage *s)
{
    const tmpl *t = ctx->t;
    const doc *d = ctx->d;
    const tmpl_resource *r = &t->res[index], *o;
    doc_id target = doc_is_map(d, r->props) ? doc_get(d, r->props, "Target") : DOC_NONE;
    if (target == DOC_NONE || doc_is_null(d, target))
        return 0;
    s->kind = API_HTTP;
    s->label = obs_printf(ctx, "the $default stage of quick-create HTTP API '%s'", r->id);
    s->anchor = doc_get_key(d, r->props, "Target");
    s->settings = DOC_NONE;
    o = api_overrides_for(ctx, (int)index);
    if (o) {
        doc_id stage = doc_get(d, o->props, "Stage");
        if (stage != DOC_NONE && !doc_is_null(d, stage) && !doc_is_map(d, stage))
            return 0;
        s->res = o;
        s->settings = doc_is_map(d, stage) ? stage : DOC_NONE;
        s->anchor = stage != DOC_NONE ? doc_get_key(d, o->props, "Stage") : o->key;
        s->label = obs_printf(ctx, "the $default stage of quick-create HTTP API '%s' (overrides '%s')",
                              r->id, o->id);
    }
    return 1;
}

/* The first function event of `type` ("Api"/"HttpApi") that lacks `id_key`
 * ("RestApiId"/"ApiId"): the event's key node, else DOC_NONE. */
static inline doc_id api_implicit_event(const doc *d, const tmpl_resource *fn, const char *type,
                                        const char *id_key)
{
    doc_id events = doc_get(d, fn->props, "Events");
    if (!doc_is_map(d, events))
        return DOC_NONE;
    for (uint32_t i = 0; i < doc_count(d, events); i++) {
        doc_id ev = doc_val(d, events, i);
        if (!doc_is_map(d, ev) || !doc_str_eq(d, doc_get(d, ev, "Type"), type))
            continue;
        doc_id props = doc_get(d, ev, "Properties");
        if (doc_is_map(d, props) && doc_get(d, props, id_key) != DOC_NONE)
            continue;
        return doc_key(d, events, i);
    }
    return DOC_NONE;
}

static inline api_stage *api_stage_push(api_stage *st, size_t *n, size_t *cap, const api_stage *s)
{
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 8;
        st = xrealloc(st, *cap * sizeof *st);
    }
    st[(*n)++] = *s;
    return st;
}

/* Every stage of the template, in resource order, implicit APIs last.
 * Found once per template (ctx->api_stages; lint_alloc'ed, exactly as many
 * as there are) by the first rule that asks; the others read it. */
static inline size_t api_stages(lint_ctx *ctx, const api_stage **out)
{
    if (ctx->have_api_stages) {
        *out = ctx->api_stages;
        return ctx->n_api_stages;
    }
    const tmpl *t = ctx->t;
    const doc *d = ctx->d;
    api_stage *st = NULL;  /* grown as stages are found: most templates have none */
    size_t n = 0, cap = 0;
    int have_rest = 0, have_http = 0;
    for (size_t i = 0; i < t->n_res; i++) {
        const tmpl_resource *r = &t->res[i];
        api_stage s = { API_REST, r, 0, 0, 0, r->props, r->key, NULL };
        if (tmpl_is_type(r, "AWS::ApiGateway::Deployment")) {
            if (!api_deployment_stage(ctx, r, &s))
                continue;
        } else if (tmpl_is_type(r, "AWS::ApiGatewayV2::Api")) {
            if (!api_quick_stage(ctx, i, &s))
                continue;
        } else if (tmpl_is_type(r, "AWS::Serverless::Api")) {
            s.sam = 1;
            s.label = obs_printf(ctx, "API '%s'", r->id);
        } else if (tmpl_is_type(r, "AWS::Serverless::HttpApi")) {
            s.kind = API_HTTP;
            s.sam = 1;
            s.label = obs_printf(ctx, "HTTP API '%s'", r->id);
        } else if (tmpl_is_type(r, "AWS::ApiGateway::Stage")) {
            s.label = obs_printf(ctx, "stage '%s'", r->id);
        } else if (tmpl_is_type(r, "AWS::ApiGatewayV2::Stage")) {
            s.kind = API_HTTP;
            s.label = obs_printf(ctx, "stage '%s'", r->id);
        } else {
            continue;
        }
        st = api_stage_push(st, &n, &cap, &s);
    }
    /* A resource the user named ServerlessRestApi replaces the implicit one. */
    have_rest = graph_resource(ctx->g, "ServerlessRestApi") >= 0;
    have_http = graph_resource(ctx->g, "ServerlessHttpApi") >= 0;
    for (size_t i = 0; i < t->n_res && (!have_rest || !have_http); i++) {
        const tmpl_resource *r = &t->res[i];
        if (!tmpl_is_type(r, "AWS::Serverless::Function") || !doc_is_map(d, r->props))
            continue;
        for (int k = 0; k < 2; k++) {
            int http = k == 1;
            doc_id ev;
            if (http ? have_http : have_rest)
                continue;
            ev = api_implicit_event(d, r, http ? "HttpApi" : "Api", http ? "ApiId" : "RestApiId");
            if (ev == DOC_NONE)
                continue;
            api_stage s = { http ? API_HTTP : API_REST, r, 1, 1, 0, DOC_NONE, ev, NULL };
            s.label = obs_printf(ctx, "implicit API %s (event '%s' of '%s')",
                                   http ? "ServerlessHttpApi" : "ServerlessRestApi",
                                   doc_str(d, ev), r->id);
            st = api_stage_push(st, &n, &cap, &s);
            if (http)
                have_http = 1;
            else
                have_rest = 1;
        }
    }
    api_stage *kept = lint_alloc(ctx, (n ? n : 1) * sizeof *kept);
    if (n) memcpy(kept, st, n * sizeof *kept);
    free(st);
    ctx->api_stages = kept;
    ctx->n_api_stages = n;
    ctx->have_api_stages = 1;
    *out = kept;
    return n;
}

/* Who a message is about: the stage, or "Globals.Api" / "Globals.HttpApi"
 * when the value judged comes from SAM Globals (one finding there, which
 * the engine ends with "; applies to A, B"). */
static inline const char *api_who(const api_stage *s, enum tmpl_origin origin, doc_id value)
{
    if (origin == TMPL_GLOBALS && value != DOC_NONE)
        return s->kind == API_REST ? "Globals.Api" : "Globals.HttpApi";
    return s->label;
}

/* A stage setting: Properties path k1[.k2] (k2 may be NULL). SAM resources
 * fall back to their Globals section, merged key by key; an implicit API reads
 * Globals only. *origin says where it came from. DOC_NONE when unset. */
static inline doc_id api_prop(const tmpl *t, const api_stage *s, enum tmpl_origin *origin,
                              const char *k1, const char *k2)
{
    const doc *d = t->d;
    doc_id v;
    if (s->implicit) {
        doc_id g = s->kind == API_REST ? t->globals_api : t->globals_httpapi;
        *origin = TMPL_GLOBALS;
        if (!doc_is_map(d, g))
            return DOC_NONE;
        v = doc_get(d, g, k1);
        if (k2)
            v = doc_is_map(d, v) ? doc_get(d, v, k2) : DOC_NONE;
        return v;
    }
    if (s->sam)
        return tmpl_prop(t, s->res, origin, k1, k2);
    *origin = TMPL_OWN;
    if (!doc_is_map(d, s->settings))
        return DOC_NONE;
    v = doc_get(d, s->settings, k1);
    if (k2)
        v = doc_is_map(d, v) ? doc_get(d, v, k2) : DOC_NONE;
    return v;
}

#endif
