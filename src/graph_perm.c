/* graph_perm: what each function may read or write, from policies, roles and connectors. */
#include "graph_perm.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "eval.h"
#include "policy.h"
#include "../rules/data/policy_templates.h"

/* A resolved reference, for finding the resources inside a value. */
typedef struct node_ref {
    doc_id node;
    int to;
} node_ref;

/* What is looked up again and again, computed once per template. */
typedef struct perm_builder {
    graph *g;
    const resource_naming **naming;  /* per resource: its type's naming, or NULL */
    doc_id *name_node;               /* per resource: its name property, or DOC_NONE */
    int *role;                       /* per resource: a function's role, or -1 */
    node_ref *refs;                  /* Ref/GetAtt/Sub refs to resources, by node */
    size_t n_refs;
} perm_builder;

static void add_perm(perm_builder *b, int function, int target, const char *literal, int access,
                     const char *action, doc_id node)
{
    graph *g = b->g;
    if (access == 0)
        return;
    /* Perms granted at one node are added one after the other. */
    for (size_t i = g->n_perms; i-- > 0 && g->perms[i].node == node;) {
        graph_perm *p = &g->perms[i];
        if (p->function == function && p->target == target &&
            ((!p->target_literal && !literal) ||
             (p->target_literal && literal && strcmp(p->target_literal, literal) == 0)) &&
            ((!p->action && !action) || (p->action && action && strcmp(p->action, action) == 0))) {
            p->access |= access;
            return;
        }
    }
    graph_perm *p = graph_add_perm(g);
    p->function = function;
    p->target = target;
    p->target_literal = target < 0 ? literal : NULL;
    p->access = access;
    p->action = action;
    p->node = node;
}

/* The service owning a resource, or NULL when unknown. */
static const char *resource_service(const perm_builder *b, int r)
{
    return b->naming[r] ? b->naming[r]->service : NULL;
}

/* The service field of an ARN ("arn:aws:s3:::b", also with a
 * "${AWS::Partition}" partition) copied into buf, or NULL. */
static const char *arn_service(const char *arn, char *buf, size_t size)
{
    if (strncmp(arn, "arn:", 4) != 0)
        return NULL;
    const char *p = arn + 4;
    if (strncmp(p, "${", 2) == 0) {
        p = strchr(p, '}');
        if (!p)
            return NULL;
        p++;
    } else {
        p = strchr(p, ':');
        if (!p)
            return NULL;
    }
    if (*p != ':')
        return NULL;
    const char *end = strchr(p + 1, ':');
    size_t n = end ? (size_t)(end - p - 1) : 0;
    if (n == 0 || n >= size)
        return NULL;
    memcpy(buf, p + 1, n);
    buf[n] = 0;
    return buf;
}

/* Does a literal (a name or an ARN) name `name`? An ARN names it when the
 * name is a whole segment of it (after ':' or '/', before '/', ':', '*' or
 * the end) and the ARN's service is `service` (when known). */
static int literal_names(const char *literal, const char *name, const char *service)
{
    size_t n = strlen(name);
    if (n == 0)
        return 0;
    if (strcmp(literal, name) == 0)
        return 1;
    if (strncmp(literal, "arn:", 4) != 0)
        return 0;
    char svc[64];
    if (service && (!arn_service(literal, svc, sizeof svc) || strcmp(svc, service) != 0))
        return 0;
    for (const char *p = strstr(literal, name); p; p = strstr(p + 1, name)) {
        char before = p > literal ? p[-1] : 0, after = p[n];
        if ((before == ':' || before == '/') && (after == 0 || after == '/' || after == ':' || after == '*'))
            return 1;
    }
    return 0;
}

typedef struct name_probe {
    const char *literal;
    const char *service;
    int found;
} name_probe;

static void probe_name(void *user, const char *s, doc_id site)
{
    (void)site;
    name_probe *p = user;
    if (s && literal_names(p->literal, s, p->service))
        p->found = 1;
}

/* The template string of a Fn::Sub (either form), or NULL. */
static const char *sub_template(const doc *d, doc_id value)
{
    doc_id arg = DOC_NONE;
    const char *fn = doc_intrinsic(d, value, &arg);
    if (!fn || strcmp(fn, "Fn::Sub") != 0)
        return NULL;
    return doc_str(d, doc_is_seq(d, arg) ? doc_item(d, arg, 0) : arg);
}

/* Are two nodes written the same (same scalars, same structure)? */
static int same_node(const doc *d, doc_id a, doc_id b, int depth)
{
    if (a < 0 || b < 0 || depth > 16)
        return 0;
    const doc_node *x = &d->nodes[a], *y = &d->nodes[b];
    if (x->kind != y->kind)
        return 0;
    if (x->kind == DOC_SCALAR)
        return x->str && y->str && strcmp(x->str, y->str) == 0;
    if (x->len != y->len)
        return 0;
    for (uint32_t i = 0; i < x->len; i++) {
        if (x->kind == DOC_MAP) {
            if (!same_node(d, doc_key(d, a, i), doc_key(d, b, i), depth + 1) ||
                !same_node(d, doc_val(d, a, i), doc_val(d, b, i), depth + 1))
                return 0;
        } else if (!same_node(d, doc_item(d, a, i), doc_item(d, b, i), depth + 1)) {
            return 0;
        }
    }
    return 1;
}

/* Does resource r's name match `value` (written the same way), or does
 * `literal` (the value's text, or its !Sub template) name it? The name is
 * its evaluated values (parameter defaults, !If branches), else its own
 * !Sub template ("${AWS::StackName}-uploads" in both places matches). */
static int resource_has_name(const perm_builder *b, int r, doc_id value, const char *literal)
{
    const graph *g = b->g;
    const doc *d = g->t->d;
    doc_id name = b->name_node[r];
    if (name == DOC_NONE)
        return 0;
    if (value >= 0 && !doc_is_scalar(d, value) && same_node(d, name, value, 0))
        return 1;
    if (!literal)
        return 0;
    name_probe p = {literal, b->naming[r]->service, 0};
    if (eval_each_scalar(g->t, name, probe_name, &p) < 0) {
        const char *tpl = sub_template(d, name);
        if (tpl)
            probe_name(&p, tpl, name);
    }
    return p.found;
}

typedef void (*target_fn)(void *user, int target, const char *literal);

static int service_fits(const char *want, const char *have)
{
    return !want || !have || strcmp(want, have) == 0;
}

/* Resources a (expanded) Resource value names: the resources referenced
 * inside it (Ref, GetAtt, Sub), else those whose literal name it names,
 * else the literal itself (target -1). `service` filters (NULL: any). */
static int ref_cmp(const void *x, const void *y)
{
    const node_ref *a = x, *b = y;
    return (a->node > b->node) - (a->node < b->node);
}

/* First entry of b->refs at or after node. */
static size_t first_ref(const perm_builder *b, doc_id node)
{
    size_t lo = 0, hi = b->n_refs;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (b->refs[mid].node < node)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

#define TARGETS_MAX 16

static void each_target(const perm_builder *b, doc_id value, const char *service, target_fn fn, void *user)
{
    const graph *g = b->g;
    const doc *d = g->t->d;
    if (value < 0)
        return;
    const char *literal = NULL;
    if (doc_is_scalar(d, value)) {
        if (doc_is_null(d, value))
            return;
        literal = doc_str(d, value);
    } else {
        doc_id end = doc_subtree_end(d, value);
        int seen[TARGETS_MAX];
        size_t n_seen = 0;
        int found = 0;
        for (size_t i = first_ref(b, value); i < b->n_refs && b->refs[i].node < end; i++) {
            int to = b->refs[i].to;
            if (!service_fits(service, resource_service(b, to)))
                continue;
            found = 1;
            size_t k = 0;
            while (k < n_seen && seen[k] != to)
                k++;
            if (k < n_seen || n_seen == TARGETS_MAX)
                continue;
            seen[n_seen++] = to;
            fn(user, to, NULL);
        }
        if (found)
            return;
        literal = sub_template(d, value);
        for (size_t r = 0; r < g->t->n_res; r++)
            if (service_fits(service, resource_service(b, (int)r)) && resource_has_name(b, (int)r, value, literal))
                fn(user, (int)r, NULL);
        return;
    }
    if (!literal || !*literal)
        return;
    int matched = 0;
    if (strcmp(literal, "*") != 0)
        for (size_t r = 0; r < g->t->n_res; r++)
            if (service_fits(service, resource_service(b, (int)r)) &&
                resource_has_name(b, (int)r, value, literal)) {
                fn(user, (int)r, NULL);
                matched = 1;
            }
    if (!matched)
        fn(user, -1, literal);
}

/* The role a function runs with (its Role property), or -1. */
static int function_role(const graph *g, int f)
{
    const tmpl_resource *r = &g->t->res[f];
    if (!doc_is_map(g->t->d, r->props))
        return -1;
    doc_id role = doc_get(g->t->d, r->props, "Role");
    return role == DOC_NONE ? -1 : graph_target(g, role);
}

typedef struct ref_probe {
    const graph *g;
    int want;
    int found;
} ref_probe;

static void probe_ref(void *user, doc_id value, doc_id site)
{
    (void)site;
    ref_probe *p = user;
    if (graph_target(p->g, value) == p->want)
        p->found = 1;
}

/* Does a list property of resource `holder` refer to resource `want`? */
static int list_refers(const graph *g, int holder, const char *prop, int want)
{
    const tmpl_resource *r = &g->t->res[holder];
    if (holder < 0 || want < 0 || !doc_is_map(g->t->d, r->props))
        return 0;
    doc_id list = doc_get(g->t->d, r->props, prop);
    if (list == DOC_NONE)
        return 0;
    ref_probe p = {g, want, 0};
    policy_each_item(g->t, list, probe_ref, &p);
    return p.found;
}

typedef struct sam_ref_probe {
    const graph *g;
    int want;
    int found;
} sam_ref_probe;

static void probe_sam_managed(void *user, enum sam_policy_item kind, doc_id item, doc_id site)
{
    (void)site;
    sam_ref_probe *p = user;
    if (kind == SAM_ITEM_MANAGED && graph_target(p->g, item) == p->want)
        p->found = 1;
}

/* How a statement's owner reaches functions. */
enum owner_kind { OWNER_SELF, OWNER_ROLE, OWNER_POLICY, OWNER_MANAGED, OWNER_ROLE_POLICY };

static enum owner_kind owner_kind_of(const tmpl_resource *o)
{
    if (tmpl_is_type(o, "AWS::IAM::Role"))
        return OWNER_ROLE;
    if (tmpl_is_type(o, "AWS::IAM::Policy"))
        return OWNER_POLICY;
    if (tmpl_is_type(o, "AWS::IAM::ManagedPolicy"))
        return OWNER_MANAGED;
    if (tmpl_is_type(o, "AWS::IAM::RolePolicy"))
        return OWNER_ROLE_POLICY;
    return OWNER_SELF;
}

/* Do the statements of `owner` apply to function f? */
static int owner_applies(const perm_builder *b, int f, int owner, enum owner_kind kind)
{
    const graph *g = b->g;
    int role = b->role[f];
    switch (kind) {
    case OWNER_SELF:
        return f == owner;
    case OWNER_ROLE:
        return role == owner;
    case OWNER_POLICY:
        return role >= 0 && list_refers(g, owner, "Roles", role);
    case OWNER_ROLE_POLICY: {
        const tmpl_resource *o = &g->t->res[owner];
        doc_id name = doc_is_map(g->t->d, o->props) ? doc_get(g->t->d, o->props, "RoleName") : DOC_NONE;
        return role >= 0 && name != DOC_NONE && graph_target(g, name) == role;
    }
    case OWNER_MANAGED: {
        if (role >= 0 && (list_refers(g, owner, "Roles", role) || list_refers(g, role, "ManagedPolicyArns", owner)))
            return 1;
        sam_ref_probe p = {g, owner, 0};
        policy_each_sam_item(g->t, &g->t->res[f], probe_sam_managed, &p);
        return p.found;
    }
    }
    return 0;
}

/* One Allow statement granted to one function. */
typedef struct grant {
    perm_builder *b;
    const policy_stmt *s;
    int function;
    doc_id site;             /* the Resource item */
} grant;

/* One action of a statement granted on one target. */
typedef struct action_grant {
    const grant *gr;
    int target;
    const char *literal;
    const char *service;     /* the target's service, or NULL when unknown */
} action_grant;

static void grant_action(void *user, doc_id value, doc_id site)
{
    (void)site;
    const action_grant *ag = user;
    const char *action = doc_str(ag->gr->b->g->t->d, value);
    char svc[64];
    const char *service = action ? policy_action_service(action, svc, sizeof svc) : NULL;
    if (!service)
        return;
    if (strcmp(service, "*") != 0 && ag->service && strcmp(service, ag->service) != 0)
        return;
    add_perm(ag->gr->b, ag->gr->function, ag->target, ag->literal, policy_action_access(action), action,
             ag->gr->site);
}

/* One perm per action that applies to the target's service. */
static void grant_target(void *user, int target, const char *literal)
{
    const grant *gr = user;
    const graph *g = gr->b->g;
    char literal_service[64];
    action_grant ag = {gr, target, literal, target >= 0 ? resource_service(gr->b, target) : NULL};
    if (target < 0 && literal)
        ag.service = arn_service(literal, literal_service, sizeof literal_service);
    policy_each_item(g->t, gr->s->action, grant_action, &ag);
}

static void grant_resource(void *user, doc_id value, doc_id site)
{
    grant *gr = user;
    gr->site = site;
    each_target(gr->b, value, NULL, grant_target, gr);
}

static void statement_perms(void *user, const policy_stmt *s)
{
    perm_builder *b = user;
    const graph *g = b->g;
    if (!s->allow || s->action == DOC_NONE || s->resource == DOC_NONE)
        return;
    if (s->kind == POLICY_TRUST || s->kind == POLICY_RESOURCE)
        return;
    enum owner_kind kind = owner_kind_of(&g->t->res[s->owner]);
    if (kind == OWNER_SELF) {  /* a function's own policy: no search over every function */
        if (g->t->res[s->owner].is_function) {
            grant gr = {b, s, s->owner, DOC_NONE};
            policy_each_item(g->t, s->resource, grant_resource, &gr);
        }
        return;
    }
    for (size_t f = 0; f < g->t->n_res; f++) {
        if (!g->t->res[f].is_function || !owner_applies(b, (int)f, s->owner, kind))
            continue;
        grant gr = {b, s, (int)f, DOC_NONE};
        policy_each_item(g->t, s->resource, grant_resource, &gr);
    }
}

/* SAM policy templates of one function. */
typedef struct template_walk {
    perm_builder *b;
    int function;
    const policy_template *pt;
    doc_id site;
} template_walk;

static void template_target(void *user, int target, const char *literal)
{
    const template_walk *w = user;
    add_perm(w->b, w->function, target, literal, w->pt->access, w->pt->name, w->site);
}

static void template_value(void *user, doc_id value, doc_id site)
{
    template_walk *w = user;
    w->site = site;
    each_target(w->b, value, w->pt->service, template_target, w);
}

static void template_item(void *user, enum sam_policy_item kind, doc_id item, doc_id site)
{
    (void)site;
    template_walk *w = user;
    const doc *d = w->b->g->t->d;
    if (kind != SAM_ITEM_TEMPLATE)
        return;
    doc_id value;
    const policy_template *pt = policy_sam_template(d, item, &value);
    if (!pt)
        return;
    w->pt = pt;
    policy_expand(w->b->g->t, value, template_value, w);
}

/* Connectors. */
typedef struct connector_walk {
    perm_builder *b;
    int function;
    int access;
    doc_id site;
} connector_walk;

static void connector_target(void *user, int target, const char *literal)
{
    const connector_walk *w = user;
    add_perm(w->b, w->function, target, literal, w->access, w->access & ACCESS_WRITE ? "Write" : "Read",
             w->site);
}

static void connector_permission(void *user, doc_id value, doc_id site)
{
    (void)site;
    connector_walk *w = user;
    const doc *d = w->b->g->t->d;
    if (doc_str_eq(d, value, "Read"))
        w->access |= ACCESS_READ;
    else if (doc_str_eq(d, value, "Write"))
        w->access |= ACCESS_WRITE;
}

static void connector_destination(void *user, doc_id value, doc_id site)
{
    (void)site;
    connector_walk *w = user;
    const graph *g = w->b->g;
    const doc *d = g->t->d;
    if (!doc_is_map(d, value))
        return;
    doc_id id = doc_get(d, value, "Id");
    if (doc_is_scalar(d, id)) {
        int target = graph_resource(g, doc_str(d, id));
        if (target >= 0) {
            w->site = id;
            connector_target(w, target, NULL);
        }
        return;
    }
    doc_id arn = doc_get(d, value, "Arn");
    if (arn != DOC_NONE) {
        w->site = arn;
        each_target(w->b, arn, NULL, connector_target, w);
    }
}

/* A connector from `source` (a resource index) with Properties `props`. */
static void connector(perm_builder *b, int source, doc_id props)
{
    const graph *g = b->g;
    const doc *d = g->t->d;
    if (source < 0 || !g->t->res[source].is_function || !doc_is_map(d, props))
        return;
    connector_walk w = {b, source, 0, DOC_NONE};
    doc_id permissions = doc_get(d, props, "Permissions");
    if (permissions != DOC_NONE)
        policy_each_item(g->t, permissions, connector_permission, &w);
    doc_id destination = doc_get(d, props, "Destination");
    if (w.access && destination != DOC_NONE)
        policy_each_item(g->t, destination, connector_destination, &w);
}

static int connector_source(const graph *g, doc_id source)
{
    const doc *d = g->t->d;
    if (!doc_is_map(d, source))
        return -1;
    doc_id id = doc_get(d, source, "Id");
    if (doc_is_scalar(d, id))
        return graph_resource(g, doc_str(d, id));
    doc_id arn = doc_get(d, source, "Arn");
    return arn == DOC_NONE ? -1 : graph_target(g, arn);
}

static void connectors(perm_builder *b)
{
    const graph *g = b->g;
    const doc *d = g->t->d;
    for (size_t i = 0; i < g->t->n_res; i++) {
        const tmpl_resource *r = &g->t->res[i];
        if (tmpl_is_type(r, "AWS::Serverless::Connector") && doc_is_map(d, r->props))
            connector(b, connector_source(g, doc_get(d, r->props, "Source")), r->props);
        doc_id embedded = doc_is_map(d, r->node) ? doc_get(d, r->node, "Connectors") : DOC_NONE;
        if (!doc_is_map(d, embedded))
            continue;
        for (uint32_t c = 0; c < doc_count(d, embedded); c++) {
            doc_id conn = doc_val(d, embedded, c);
            if (doc_is_map(d, conn))
                connector(b, (int)i, doc_get(d, conn, "Properties"));
        }
    }
}

/* resource_naming_find() for resource r, reusing the answer for one of the
 * few resources before it with the same type (templates repeat types). */
static const resource_naming *naming_of(const tmpl *t, const resource_naming *const *naming, size_t r)
{
    const tmpl_resource *res = &t->res[r];
    for (size_t i = r; i-- > 0 && r - i <= 8;)
        if (t->res[i].type_len == res->type_len && memcmp(t->res[i].type, res->type, res->type_len) == 0)
            return naming[i];
    return resource_naming_find(res->type);
}

void graph_perm_build(graph *g)
{
    const tmpl *t = g->t;
    const doc *d = t->d;
    perm_builder b = {g, NULL, NULL, NULL, NULL, 0};
    size_t n = t->n_res ? t->n_res : 1;
    /* Scratch arrays that live as long as the document: its arena. */
    b.naming = arena_alloc(d->arena, n * sizeof *b.naming);
    b.name_node = arena_alloc(d->arena, n * sizeof *b.name_node);
    b.role = arena_alloc(d->arena, n * sizeof *b.role);
    for (size_t r = 0; r < t->n_res; r++) {
        const tmpl_resource *res = &t->res[r];
        b.naming[r] = naming_of(t, b.naming, r);
        b.name_node[r] = DOC_NONE;
        if (b.naming[r] && b.naming[r]->name_prop && doc_is_map(d, res->props))
            b.name_node[r] = doc_get(d, res->props, b.naming[r]->name_prop);
        b.role[r] = res->is_function ? function_role(g, (int)r) : -1;
    }
    b.refs = arena_alloc(d->arena, (g->n_refs ? g->n_refs : 1) * sizeof *b.refs);
    for (size_t i = 0; i < g->n_refs; i++) {
        const graph_ref *ref = &g->refs[i];
        if (ref->to >= 0 && (ref->kind == REF_REF || ref->kind == REF_GETATT || ref->kind == REF_SUB))
            b.refs[b.n_refs++] = (node_ref){ref->node, ref->to};
    }
    qsort(b.refs, b.n_refs, sizeof *b.refs, ref_cmp);

    for (size_t f = 0; f < t->n_res; f++) {
        if (!t->res[f].is_function)
            continue;
        template_walk w = {&b, (int)f, NULL, DOC_NONE};
        policy_each_sam_item(t, &t->res[f], template_item, &w);
    }
    policy_each_statement(t, statement_perms, &b);
    connectors(&b);
}

int graph_perm_access(const graph *g, int function, int target, const graph_perm **via)
{
    int access = 0;
    const graph_perm *best = NULL;
    for (size_t i = 0; i < g->n_perms; i++) {
        const graph_perm *p = &g->perms[i];
        if (p->function != function || p->target != target || target < 0)
            continue;
        if (!best || ((p->access & ACCESS_WRITE) && !(best->access & ACCESS_WRITE)))
            best = p;
        access |= p->access;
    }
    if (via)
        *via = best;
    return access;
}

void graph_perm_dump(const graph *g, FILE *out)
{
    static const char *const access_names[] = {"none", "read", "write", "full"};
    for (size_t i = 0; i < g->n_perms; i++) {
        const graph_perm *p = &g->perms[i];
        const doc_node *n = p->node >= 0 ? &g->t->d->nodes[p->node] : NULL;
        fprintf(out, "%s -> ", g->t->res[p->function].id);
        if (p->target >= 0)
            fprintf(out, "%s", g->t->res[p->target].id);
        else
            fprintf(out, "'%s'", p->target_literal ? p->target_literal : "");
        fprintf(out, " %s %s %u:%u\n", access_names[p->access & 3], p->action ? p->action : "-",
                n ? n->line : 0, n ? n->col : 0);
    }
}
