/* graph_perm: what each function may read or write, from policies, roles and connectors. */
#include "graph_perm.h"

#include <string.h>

#include "eval.h"
#include "policy.h"
#include "../rules/data/policy_templates.h"

typedef struct perm_builder {
    graph *g;
} perm_builder;

static void add_perm(perm_builder *b, int function, int target, const char *literal, int access,
                     const char *action, doc_id node)
{
    graph *g = b->g;
    if (access == 0)
        return;
    for (size_t i = 0; i < g->n_perms; i++) {
        graph_perm *p = &g->perms[i];
        if (p->function == function && p->target == target && p->node == node &&
            ((!p->target_literal && !literal) ||
             (p->target_literal && literal && strcmp(p->target_literal, literal) == 0))) {
            if ((access & ~p->access) & ACCESS_WRITE)
                p->action = action;
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
static const char *resource_service(const graph *g, int r)
{
    const resource_naming *n = resource_naming_find(g->t->res[r].type);
    return n ? n->service : NULL;
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
    if (service) {
        const char *svc = strchr(literal + 4, ':');
        size_t m = strlen(service);
        if (!svc || strncmp(svc + 1, service, m) != 0 || svc[1 + m] != ':')
            return 0;
    }
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

/* Does resource r carry a literal name that `literal` names? */
static int resource_has_name(const graph *g, int r, const char *literal)
{
    const tmpl_resource *res = &g->t->res[r];
    const resource_naming *n = resource_naming_find(res->type);
    if (!n || !n->name_prop || !doc_is_map(g->t->d, res->props))
        return 0;
    doc_id name = doc_get(g->t->d, res->props, n->name_prop);
    if (name == DOC_NONE)
        return 0;
    name_probe p = {literal, n->service, 0};
    eval_each_scalar(g->t, name, probe_name, &p);
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
static void each_target(const graph *g, doc_id value, const char *service, target_fn fn, void *user)
{
    const doc *d = g->t->d;
    if (value < 0)
        return;
    const char *literal = NULL;
    if (doc_is_scalar(d, value)) {
        literal = doc_str(d, value);
    } else {
        doc_id end = d->nodes[value].subtree_end;
        int found = 0;
        for (size_t i = 0; i < g->n_refs; i++) {
            const graph_ref *ref = &g->refs[i];
            if (ref->node < value || ref->node >= end || ref->to < 0)
                continue;
            if (ref->kind != REF_REF && ref->kind != REF_GETATT && ref->kind != REF_SUB)
                continue;
            if (!service_fits(service, resource_service(g, ref->to)))
                continue;
            int seen = 0;
            for (size_t j = 0; j < i; j++)
                if (g->refs[j].node >= value && g->refs[j].node < end && g->refs[j].to == ref->to)
                    seen = 1;
            if (!seen)
                fn(user, ref->to, NULL);
            found = 1;
        }
        if (found)
            return;
        doc_id arg = DOC_NONE;
        const char *name = doc_intrinsic(d, value, &arg);
        if (name && strcmp(name, "Fn::Sub") == 0)
            literal = doc_str(d, doc_is_seq(d, arg) ? doc_item(d, arg, 0) : arg);
        if (!literal)
            return;
        for (size_t r = 0; r < g->t->n_res; r++)
            if (service_fits(service, resource_service(g, (int)r)) && resource_has_name(g, (int)r, literal))
                fn(user, (int)r, NULL);
        return;
    }
    if (!literal || !*literal)
        return;
    int matched = 0;
    if (strcmp(literal, "*") != 0)
        for (size_t r = 0; r < g->t->n_res; r++)
            if (service_fits(service, resource_service(g, (int)r)) && resource_has_name(g, (int)r, literal)) {
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

/* Do the statements of `owner` apply to function f? */
static int owner_applies(const graph *g, int f, int owner)
{
    if (f == owner)
        return 1;
    const tmpl_resource *o = &g->t->res[owner];
    int role = function_role(g, f);
    if (role >= 0 && role == owner)
        return 1;
    if (tmpl_is_type(o, "AWS::IAM::Policy") || tmpl_is_type(o, "AWS::IAM::ManagedPolicy")) {
        if (role >= 0 && list_refers(g, owner, "Roles", role))
            return 1;
    }
    if (tmpl_is_type(o, "AWS::IAM::RolePolicy") && role >= 0 && doc_is_map(g->t->d, o->props)) {
        doc_id name = doc_get(g->t->d, o->props, "RoleName");
        if (name != DOC_NONE && graph_target(g, name) == role)
            return 1;
    }
    if (tmpl_is_type(o, "AWS::IAM::ManagedPolicy")) {
        if (role >= 0 && list_refers(g, role, "ManagedPolicyArns", owner))
            return 1;
        sam_ref_probe p = {g, owner, 0};
        policy_each_sam_item(g->t, &g->t->res[f], probe_sam_managed, &p);
        if (p.found)
            return 1;
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

typedef struct action_probe {
    const doc *d;
    const char *service;     /* the target's service, or NULL */
    int access;
    const char *action;      /* the first action giving the widest access */
} action_probe;

static void probe_action(void *user, doc_id value, doc_id site)
{
    (void)site;
    action_probe *p = user;
    const char *action = doc_str(p->d, value);
    if (!action)
        return;
    char svc[64];
    const char *service = policy_action_service(action, svc, sizeof svc);
    if (!service)
        return;
    if (strcmp(service, "*") != 0 && p->service && strcmp(service, p->service) != 0)
        return;
    int access = policy_action_access(action);
    if ((access & ~p->access) && (!p->action || (access & ACCESS_WRITE)))
        p->action = action;
    p->access |= access;
}

static void grant_target(void *user, int target, const char *literal)
{
    const grant *gr = user;
    const graph *g = gr->b->g;
    char arn_service[64];
    action_probe p = {g->t->d, target >= 0 ? resource_service(g, target) : NULL, 0, NULL};
    if (target < 0 && literal && strncmp(literal, "arn:", 4) == 0) {
        /* arn:partition:service:... */
        const char *svc = strchr(literal + 4, ':');
        const char *end = svc ? strchr(svc + 1, ':') : NULL;
        if (end && (size_t)(end - svc - 1) < sizeof arn_service && end > svc + 1) {
            memcpy(arn_service, svc + 1, (size_t)(end - svc - 1));
            arn_service[end - svc - 1] = 0;
            p.service = arn_service;
        }
    }
    policy_each_item(g->t, gr->s->action, probe_action, &p);
    add_perm(gr->b, gr->function, target, literal, p.access, p.action, gr->site);
}

static void grant_resource(void *user, doc_id value, doc_id site)
{
    grant *gr = user;
    gr->site = site;
    each_target(gr->b->g, value, NULL, grant_target, gr);
}

static void statement_perms(void *user, const policy_stmt *s)
{
    perm_builder *b = user;
    const graph *g = b->g;
    if (!s->allow || s->action == DOC_NONE || s->resource == DOC_NONE)
        return;
    if (s->kind == POLICY_TRUST || s->kind == POLICY_RESOURCE)
        return;
    for (size_t f = 0; f < g->t->n_res; f++) {
        if (!g->t->res[f].is_function || !owner_applies(g, (int)f, s->owner))
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
    each_target(w->b->g, value, w->pt->service, template_target, w);
}

static void template_item(void *user, enum sam_policy_item kind, doc_id item, doc_id site)
{
    (void)site;
    template_walk *w = user;
    const doc *d = w->b->g->t->d;
    if (kind != SAM_ITEM_TEMPLATE)
        return;
    const policy_template *pt = policy_template_find(doc_str(d, doc_key(d, item, 0)));
    doc_id params = doc_val(d, item, 0);
    if (!pt || !pt->param || !doc_is_map(d, params))
        return;
    doc_id value = doc_get(d, params, pt->param);
    if (value == DOC_NONE)
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
        each_target(g, arn, NULL, connector_target, w);
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

void graph_perm_build(graph *g)
{
    perm_builder b = {g};
    for (size_t f = 0; f < g->t->n_res; f++) {
        if (!g->t->res[f].is_function)
            continue;
        template_walk w = {&b, (int)f, NULL, DOC_NONE};
        policy_each_sam_item(g->t, &g->t->res[f], template_item, &w);
    }
    policy_each_statement(g->t, statement_perms, &b);
    connectors(&b);
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
