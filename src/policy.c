/* policy: every IAM policy statement of a template with its owner, SAM Policies items, action classes. */
#include "policy.h"

#include <ctype.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "eval.h"
#include "../rules/data/policy_templates.h"
#include "../rules/data/readonly_actions.h"

#define EXPAND_MAX_DEPTH 16

typedef void (*value_fn)(void *user, doc_id value, doc_id site);

static void expand(const tmpl *t, doc_id node, doc_id site, value_fn fn, void *user, int depth)
{
    const doc *d = t->d;
    if (node < 0 || depth > EXPAND_MAX_DEPTH)
        return;
    doc_id arg = DOC_NONE;
    const char *name = doc_intrinsic(d, node, &arg);
    if (name && strcmp(name, "Fn::If") == 0) {
        if (doc_is_seq(d, arg) && doc_count(d, arg) == 3) {
            doc_id yes = doc_item(d, arg, 1), no = doc_item(d, arg, 2);
            expand(t, yes, yes, fn, user, depth + 1);
            expand(t, no, no, fn, user, depth + 1);
        }
        return;
    }
    if (name && strcmp(name, "Ref") == 0) {
        eval_value values[EVAL_MAX];
        int n = eval_values(t, node, values);
        if (n >= 0) {
            for (int i = 0; i < n; i++)
                fn(user, values[i].value, site);
            return;
        }
    }
    fn(user, node, site);
}

void policy_expand(const tmpl *t, doc_id node, value_fn fn, void *user)
{
    expand(t, node, node, fn, user, 0);
}

struct item_walk {
    const tmpl *t;
    value_fn fn;
    void *user;
};

static void list_or_item(void *user, doc_id value, doc_id site)
{
    const struct item_walk *w = user;
    const doc *d = w->t->d;
    if (!doc_is_seq(d, value)) {
        w->fn(w->user, value, site);
        return;
    }
    for (uint32_t i = 0; i < doc_count(d, value); i++) {
        doc_id item = doc_item(d, value, i);
        expand(w->t, item, item, w->fn, w->user, 1);
    }
}

void policy_each_item(const tmpl *t, doc_id node, value_fn fn, void *user)
{
    struct item_walk w = {t, fn, user};
    expand(t, node, node, list_or_item, &w, 0);
}

/* Statements of one document. */
struct stmt_walk {
    const tmpl *t;
    int owner;
    enum policy_kind kind;
    doc_id document;
    void (*fn)(void *user, const policy_stmt *s);
    void *user;
};

struct effect_probe {
    const doc *d;
    int allow;
};

static void effect_probe_value(void *user, doc_id value, doc_id site)
{
    (void)site;
    struct effect_probe *p = user;
    if (doc_str_eq(p->d, value, "Allow"))
        p->allow = 1;
}

static void one_statement(void *user, doc_id value, doc_id site)
{
    (void)site;
    const struct stmt_walk *w = user;
    const doc *d = w->t->d;
    if (!doc_is_map(d, value) || doc_intrinsic(d, value, NULL))
        return;
    policy_stmt s;
    memset(&s, 0, sizeof s);
    s.owner = w->owner;
    s.kind = w->kind;
    s.document = w->document;
    s.stmt = value;
    struct effect_probe probe = {d, 0};
    doc_id effect = doc_get(d, value, "Effect");
    if (effect != DOC_NONE)
        policy_expand(w->t, effect, effect_probe_value, &probe);
    s.allow = probe.allow;
    s.action = doc_get(d, value, "Action");
    s.not_action = doc_get(d, value, "NotAction");
    s.resource = doc_get(d, value, "Resource");
    s.not_resource = doc_get(d, value, "NotResource");
    s.principal = doc_get(d, value, "Principal");
    s.not_principal = doc_get(d, value, "NotPrincipal");
    w->fn(w->user, &s);
}

static void one_document(void *user, doc_id value, doc_id site)
{
    (void)site;
    struct stmt_walk *w = user;
    const doc *d = w->t->d;
    if (!doc_is_map(d, value) || doc_intrinsic(d, value, NULL))
        return;
    doc_id statements = doc_get(d, value, "Statement");
    if (statements == DOC_NONE)
        return;
    w->document = value;
    policy_each_item(w->t, statements, one_statement, w);
}

void policy_each_document_statement(const tmpl *t, int owner, enum policy_kind kind, doc_id document,
                                    void (*fn)(void *user, const policy_stmt *s), void *user)
{
    struct stmt_walk w = {t, owner, kind, DOC_NONE, fn, user};
    if (document != DOC_NONE)
        policy_expand(t, document, one_document, &w);
}

/* SAM Policies items. */
struct sam_walk {
    const tmpl *t;
    void (*fn)(void *user, enum sam_policy_item kind, doc_id item, doc_id site);
    void *user;
};

static void sam_item(void *user, doc_id value, doc_id site)
{
    const struct sam_walk *w = user;
    const doc *d = w->t->d;
    if (doc_is_scalar(d, value)) {
        if (!doc_is_null(d, value))
            w->fn(w->user, SAM_ITEM_MANAGED, value, site);
        return;
    }
    if (!doc_is_map(d, value))
        return;
    if (doc_intrinsic(d, value, NULL)) {
        w->fn(w->user, SAM_ITEM_MANAGED, value, site);
        return;
    }
    if (doc_get(d, value, "Statement") != DOC_NONE)
        w->fn(w->user, SAM_ITEM_DOCUMENT, value, site);
    else if (doc_count(d, value) == 1)
        w->fn(w->user, SAM_ITEM_TEMPLATE, value, site);
}

void policy_each_sam_item(const tmpl *t, const tmpl_resource *r,
                          void (*fn)(void *user, enum sam_policy_item kind, doc_id item, doc_id site),
                          void *user)
{
    if (!tmpl_is_type(r, "AWS::Serverless::Function") && !tmpl_is_type(r, "AWS::Serverless::StateMachine"))
        return;
    if (!doc_is_map(t->d, r->props))
        return;
    doc_id policies = doc_get(t->d, r->props, "Policies");
    if (policies == DOC_NONE)
        return;
    struct sam_walk w = {t, fn, user};
    policy_each_item(t, policies, sam_item, &w);
}

struct sam_doc_walk {
    const tmpl *t;
    int owner;
    void (*fn)(void *user, const policy_stmt *s);
    void *user;
};

static void sam_document(void *user, enum sam_policy_item kind, doc_id item, doc_id site)
{
    (void)site;
    const struct sam_doc_walk *w = user;
    if (kind == SAM_ITEM_DOCUMENT)
        policy_each_document_statement(w->t, w->owner, POLICY_SAM, item, w->fn, w->user);
}

struct inline_walk {
    const tmpl *t;
    int owner;
    void (*fn)(void *user, const policy_stmt *s);
    void *user;
};

/* An item of AWS::IAM::Role/User/Group Policies: {PolicyName, PolicyDocument}. */
static void inline_policy(void *user, doc_id value, doc_id site)
{
    (void)site;
    const struct inline_walk *w = user;
    if (!doc_is_map(w->t->d, value))
        return;
    policy_each_document_statement(w->t, w->owner, POLICY_IDENTITY, doc_get(w->t->d, value, "PolicyDocument"),
                                   w->fn, w->user);
}

static const char *const document_types[] = {
    "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::RolePolicy", "AWS::IAM::UserPolicy",
    "AWS::IAM::GroupPolicy", NULL
};
static const char *const resource_policy_types[] = {
    "AWS::S3::BucketPolicy", "AWS::SQS::QueuePolicy", "AWS::SNS::TopicPolicy", NULL
};

static int type_in(const tmpl_resource *r, const char *const *types)
{
    for (size_t i = 0; types[i]; i++)
        if (tmpl_is_type(r, types[i]))
            return 1;
    return 0;
}

static void walk_statements(const tmpl *t, void (*fn)(void *user, const policy_stmt *s), void *user)
{
    const doc *d = t->d;
    for (size_t i = 0; i < t->n_res; i++) {
        const tmpl_resource *r = &t->res[i];
        if (!doc_is_map(d, r->props))
            continue;
        if (tmpl_is_type(r, "AWS::Serverless::Function") || tmpl_is_type(r, "AWS::Serverless::StateMachine")) {
            struct sam_doc_walk w = {t, (int)i, fn, user};
            policy_each_sam_item(t, r, sam_document, &w);
        } else if (tmpl_is_type(r, "AWS::IAM::Role") || tmpl_is_type(r, "AWS::IAM::User") ||
                   tmpl_is_type(r, "AWS::IAM::Group")) {
            if (tmpl_is_type(r, "AWS::IAM::Role"))
                policy_each_document_statement(t, (int)i, POLICY_TRUST,
                                               doc_get(d, r->props, "AssumeRolePolicyDocument"), fn, user);
            doc_id policies = doc_get(d, r->props, "Policies");
            struct inline_walk w = {t, (int)i, fn, user};
            if (policies != DOC_NONE)
                policy_each_item(t, policies, inline_policy, &w);
        } else if (type_in(r, document_types)) {
            policy_each_document_statement(t, (int)i, POLICY_IDENTITY, doc_get(d, r->props, "PolicyDocument"),
                                           fn, user);
        } else if (type_in(r, resource_policy_types)) {
            policy_each_document_statement(t, (int)i, POLICY_RESOURCE, doc_get(d, r->props, "PolicyDocument"),
                                           fn, user);
        }
    }
}

/* The statements, found once per template: the permission graph and
 * several rules ask for them all. */
typedef struct stmt_list {
    policy_stmt *v;
    size_t n, cap;
} stmt_list;

static void keep_stmt(void *user, const policy_stmt *s)
{
    stmt_list *l = user;
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 16;
        l->v = xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n++] = *s;
}

static void release_stmts(void *p)
{
    stmt_list *l = p;
    free(l->v);
    free(l);
}

void policy_each_statement(const tmpl *t, void (*fn)(void *user, const policy_stmt *s), void *user)
{
    if (!t->memo) {
        walk_statements(t, fn, user);
        return;
    }
    stmt_list *l = t->memo->policy;
    if (!l) {
        l = xcalloc(1, sizeof *l);
        walk_statements(t, keep_stmt, l);
        t->memo->policy = l;
        t->memo->release_policy = release_stmts;
    }
    for (size_t i = 0; i < l->n; i++) {
        policy_stmt s = l->v[i];  /* a copy, as each walk made its own */
        fn(user, &s);
    }
}

/* Actions. */

const char *policy_action_service(const char *action, char *buf, size_t size)
{
    if (!action || size == 0)
        return NULL;
    if (strcmp(action, "*") == 0) {
        snprintf(buf, size, "*");
        return buf;
    }
    const char *colon = strchr(action, ':');
    if (!colon)
        return NULL;
    size_t n = (size_t)(colon - action);
    if (n >= size)
        n = size - 1;
    for (size_t i = 0; i < n; i++)
        buf[i] = (char)tolower((unsigned char)action[i]);
    buf[n] = 0;
    return buf;
}

static int starts_with_ci(const char *s, size_t len, const char *prefix)
{
    size_t m = strlen(prefix);
    return len >= m && strncasecmp(s, prefix, m) == 0;
}

int policy_action_access(const char *action)
{
    if (!action || !*action)
        return 0;
    if (strcmp(action, "*") == 0)
        return 3;
    const char *colon = strchr(action, ':');
    if (!colon || colon == action)
        return 0;
    const char *verb = colon + 1;
    const char *star = strchr(verb, '*');
    size_t literal = star ? (size_t)(star - verb) : strlen(verb);
    if (literal == 0)
        return 3; /* "s3:*", "s3:*Object": reads and writes */
    for (size_t i = 0; readonly_action_prefixes[i]; i++)
        if (starts_with_ci(verb, literal, readonly_action_prefixes[i]))
            return 1;
    return 2;
}

int policy_action_needs_star(const char *action)
{
    if (!action)
        return 0;
    for (size_t i = 0; star_resource_actions[i]; i++) {
        const char *pat = star_resource_actions[i];
        size_t m = strlen(pat);
        if (m > 0 && pat[m - 1] == '*') {
            if (strncasecmp(action, pat, m - 1) == 0)
                return 1;
        } else if (strcasecmp(action, pat) == 0) {
            return 1;
        }
    }
    return 0;
}

int policy_action_is_wildcard(const char *action)
{
    if (!action)
        return 0;
    if (strcmp(action, "*") == 0 || strcmp(action, "*:*") == 0)
        return 1;
    const char *colon = strchr(action, ':');
    return colon && colon != action && strcmp(colon + 1, "*") == 0;
}

/* Managed policy names. */

static const char *name_from_arn(const char *s, char *buf, size_t size)
{
    const char *p = strstr(s, ":iam::aws:policy/");
    if (!p)
        return NULL;
    const char *slash = strrchr(p, '/');
    const char *name = slash + 1;
    if (!*name || strchr(name, '$') || strlen(name) >= size)
        return NULL;
    snprintf(buf, size, "%s", name);
    return buf;
}

const char *policy_managed_name(const tmpl *t, doc_id value, int bare_names, char *buf, size_t size)
{
    const doc *d = t->d;
    if (value < 0 || size == 0)
        return NULL;
    if (doc_is_scalar(d, value)) {
        const char *s = doc_str(d, value);
        if (!s || !*s)
            return NULL;
        if (strncmp(s, "arn:", 4) == 0)
            return name_from_arn(s, buf, size);
        if (bare_names && !strchr(s, ':') && !strchr(s, '/') && !strchr(s, '$') && strlen(s) < size) {
            snprintf(buf, size, "%s", s);
            return buf;
        }
        return NULL;
    }
    doc_id arg = DOC_NONE;
    const char *fn = doc_intrinsic(d, value, &arg);
    if (!fn)
        return NULL;
    if (strcmp(fn, "Fn::Sub") == 0) {
        doc_id text = doc_is_seq(d, arg) ? doc_item(d, arg, 0) : arg;
        const char *s = doc_str(d, text);
        return s ? name_from_arn(s, buf, size) : NULL;
    }
    if (strcmp(fn, "Fn::Join") == 0 && doc_is_seq(d, arg) && doc_count(d, arg) == 2) {
        const char *delim = doc_str(d, doc_item(d, arg, 0));
        doc_id parts = doc_item(d, arg, 1);
        if (!delim || !doc_is_seq(d, parts))
            return NULL;
        char joined[512];
        size_t n = 0;
        joined[0] = 0;
        for (uint32_t i = 0; i < doc_count(d, parts); i++) {
            doc_id part = doc_item(d, parts, i);
            const char *s = doc_is_scalar(d, part) ? doc_str(d, part) : "x";
            int w = snprintf(joined + n, sizeof joined - n, "%s%s", i ? delim : "", s ? s : "");
            if (w < 0 || (size_t)w >= sizeof joined - n)
                return NULL;
            n += (size_t)w;
        }
        return name_from_arn(joined, buf, size);
    }
    return NULL;
}

const policy_template *policy_sam_template(const doc *d, doc_id item, doc_id *value)
{
    const policy_template *pt = policy_template_find(doc_str(d, doc_key(d, item, 0)));
    doc_id params = doc_val(d, item, 0);
    if (!pt || !pt->param || !doc_is_map(d, params))
        return NULL;
    *value = doc_get(d, params, pt->param);
    return *value == DOC_NONE ? NULL : pt;
}
