/* graph: logical ids, reference edges, event edges and permission edges. */
#include "graph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "eval.h"
#include "sha1.h"
#include "strmap.h"
#include "../rules/data/sam_generated.h"
#include "../rules/data/sam_resources.h"



struct graph_symtab {
    strmap names;        /* logical id -> enum graph_sym_kind */
    strmap resources;    /* logical id -> resource index */
    int *by_node;        /* resource indexes sorted by their node index */
    size_t n_by_node;
    /* Lengths of the ids of resources SAM makes names from (SAM resources
     * and resources with embedded Connectors), max capped; found on the
     * first look-up of a name no resource has (gen_ready). */
    size_t sam_min_len, sam_max_len;
    int gen_ready;
    /* graph_sam_each_name()'s names, NUL after each, spelt out once */
    char *gen_names;
    size_t gen_len, gen_cap;
    int gen_listed;
    size_t cap_refs, cap_events, cap_perms;
    signed char global_made[32];  /* sam_generated_globals[i] made: 1, 0, or -1 not known yet */
};

/* ---- symbols ---- */

/* ---- names SAM generates (rules/data/sam_generated.c) ---- */

/* A SAM resource's effective property at a path of one or two keys
 * ("Auth.UsagePlan"), Globals included; "" is always set. */
static doc_id sam_prop(const tmpl *t, const tmpl_resource *r, const char *path)
{
    if (!*path) return r->node;
    const char *dot = strchr(path, '.');
    if (!dot) return tmpl_prop(t, r, NULL, path);
    char first[64];
    size_t n = (size_t)(dot - path) < sizeof first - 1 ? (size_t)(dot - path) : sizeof first - 1;
    memcpy(first, path, n);
    first[n] = '\0';
    return tmpl_prop(t, r, NULL, first, dot + 1);
}

static int is_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static int all_alnum(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_alnum(s[i])) return 0;
    return n > 0;
}

static int is_hash10(const char *s)
{
    for (int i = 0; i < 10; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f'))) return 0;
    return s[10] == '\0';
}

/* The 10 hex digits SAM's LogicalIdGenerator appends for the value at `v`
 * into out: sha1 of a literal string (SAM's outputs agree: hoge-fuga gives
 * 0c8ecc62cb). 0 for what samlint cannot reproduce: an intrinsic (SAM
 * resolves some with the deployed parameter values first), null. */
static int sam_hash(const doc *d, doc_id v, char out[11])
{
    if (!doc_is_scalar(d, v) || doc_is_null(d, v)) return 0;
    const char *s = doc_str(d, v);
    sha1_hex10(s, strlen(s), out);
    return 1;
}

/* rest is <10 hex digits>: SAM's hash of the value at v when samlint can
 * compute it, else any. */
static int hash_matches(const doc *d, doc_id v, const char *rest)
{
    char h[11];
    if (strlen(rest) != 10 || !is_hash10(rest)) return 0;
    return !sam_hash(d, v, h) || strcmp(rest, h) == 0;
}

/* Does `rest` start with the alphanumerics of the value at `v` (a literal
 * scalar), or, for a value samlint cannot see, with some alphanumerics?
 * Returns how many bytes of rest that is, or -1. With `tail`, rest must
 * continue with exactly tail. */
static long match_value(const doc *d, doc_id v, const char *rest, const char *tail)
{
    size_t tail_len = strlen(tail), rest_len = strlen(rest);
    if (!doc_is_scalar(d, v)) {
        if (rest_len <= tail_len || strcmp(rest + rest_len - tail_len, tail) != 0) return -1;
        return all_alnum(rest, rest_len - tail_len) ? (long)(rest_len - tail_len) : -1;
    }
    const char *s = doc_str(d, v);
    size_t i = 0;
    for (; *s; s++) {
        if (!is_alnum(*s)) continue;
        if (rest[i] != *s) return -1;
        i++;
    }
    return strcmp(rest + i, tail) == 0 ? (long)i : -1;
}

/* SAM's logical id part for a WebSocketApi route key
 * (websocket_api_generator.py, _sanitize_route_key) in out[n], or 0 for a
 * key SAM rejects. */
static size_t route_name(const char *key, char *out, size_t n)
{
    static const char *const special[][2] = {
        {"$connect", "Connect"}, {"$disconnect", "Disconnect"}, {"$default", "Default"}};
    for (size_t i = 0; i < sizeof special / sizeof special[0]; i++)
        if (strcmp(key, special[i][0]) == 0) {
            snprintf(out, n, "%s", special[i][1]);
            return strlen(out);
        }
    size_t len = strlen(key);
    if (len >= n || !all_alnum(key, len)) return 0;
    for (size_t i = 0; i < len; i++) {  /* str.capitalize(): the first upper, the rest lower */
        char c = key[i];
        if (i == 0 && c >= 'a' && c <= 'z') c = (char)(c - 'a' + 'A');
        else if (i > 0 && c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        out[i] = c;
    }
    out[len] = '\0';
    return len;
}

/* A decimal index without leading zeros that is all of s, or -1. */
static long index_of(const char *s, long first)
{
    long v = 0;
    size_t n = strlen(s);
    if (n == 0 || n > 9 || (s[0] == '0' && n > 1)) return -1;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v >= first ? v : -1;
}

/* The CloudFormation type a template type becomes: SAM's types as SAM
 * gives their logical id; NULL when unknown. */
static const char *cfn_type_of(const char *type)
{
    if (!type || !*type) return NULL;
    if (strncmp(type, "AWS::Serverless::", 17) != 0) return type;
    const sam_resource *s = sam_resource_find(type);
    return s ? s->cfn_type : NULL;
}

/* The CloudFormation type of a connector's Source or Destination `end` (a
 * mapping with Id, or Type and Arn), or NULL when the template does not say. */
static const char *connector_end_type(const graph *g, doc_id end)
{
    const doc *d = g->t->d;
    if (!doc_is_map(d, end)) return NULL;
    doc_id id = doc_get(d, end, "Id");
    if (id != DOC_NONE) {
        int i = doc_is_scalar(d, id) ? graph_resource(g, doc_str(d, id)) : -1;
        return i >= 0 ? cfn_type_of(g->t->res[i].type) : NULL;
    }
    doc_id type = doc_get(d, end, "Type");
    return doc_is_scalar(d, type) ? cfn_type_of(doc_str(d, type)) : NULL;
}

/* Does a connector from `source` (a CloudFormation type, or NULL) with
 * Properties `props` make `rest` (what follows its logical id) as row gen
 * (SAM_GEN_CONNECTOR) names it? */
static int connector_makes(const graph *g, const char *source, doc_id props, const sam_generated *gen,
                           const char *rest)
{
    const doc *d = g->t->d;
    const char *p = rest, *cat = NULL;
    int lambda = strcmp(gen->suffix, "LambdaPermission") == 0;
    if (lambda) {  /* <Id><Read|Write>LambdaPermission */
        cat = strncmp(p, "Read", 4) == 0 ? "Read" : strncmp(p, "Write", 5) == 0 ? "Write" : NULL;
        if (!cat) return 0;
        p += strlen(cat);
    }
    size_t slen = strlen(gen->suffix);
    if (strncmp(p, gen->suffix, slen) != 0) return 0;
    p += slen;
    doc_id dest = doc_get(d, props, "Destination"), one = DOC_NONE;
    if (doc_is_map(d, dest) && !*p) one = dest;
    else if (doc_is_seq(d, dest) && strncmp(p, "Destination", 11) == 0) {
        long i = index_of(p + 11, 0);
        if (i >= 0 && (uint32_t)i < doc_count(d, dest)) one = doc_item(d, dest, (uint32_t)i);
    }
    if (one == DOC_NONE) return 0;
    const char *dst = connector_end_type(g, one);
    if (source && dst) {  /* the profile decides which one name it is */
        const char *want = "Policy";
        for (int i = 0; sam_connector_profiles[i].source; i++)
            if (strcmp(sam_connector_profiles[i].source, source) == 0 &&
                strcmp(sam_connector_profiles[i].destination, dst) == 0)
                want = sam_connector_profiles[i].suffix;
        if (strcmp(want, gen->suffix) != 0 || (lambda && strcmp(cat, "Write") != 0)) return 0;
    }
    if (!lambda) return 1;
    /* One Lambda permission per permission the connector lists. */
    doc_id perms = doc_get(d, props, "Permissions");
    if (!doc_is_seq(d, perms)) return 1;
    int unknown = 0;
    for (uint32_t i = 0; i < doc_count(d, perms); i++) {
        doc_id item = doc_item(d, perms, i);
        if (!doc_is_scalar(d, item)) unknown = 1;
        else if (doc_str_eq(d, item, cat)) return 1;
    }
    return unknown;
}

/* How many AWS_LAMBDA authorizers a GraphQLApi's Auth (at `auth`) names:
 * its own Type and each of Additional's. */
static uint32_t lambda_authorizers(const doc *d, doc_id auth)
{
    uint32_t n = doc_str_eq(d, doc_get(d, auth, "Type"), "AWS_LAMBDA");
    doc_id more = doc_get(d, auth, "Additional");
    for (uint32_t i = 0; doc_is_seq(d, more) && i < doc_count(d, more); i++)
        n += doc_str_eq(d, doc_get(d, doc_item(d, more, i), "Type"), "AWS_LAMBDA");
    return n;
}

/* The StageName of the API an Api event names with RestApiId (a scalar),
 * or DOC_NONE. */
static doc_id event_api(const graph *g, doc_id event)
{
    const doc *d = g->t->d;
    doc_id id = doc_get(d, doc_get(d, event, "Properties"), "RestApiId"), arg;
    const char *fn = doc_intrinsic(d, id, &arg);
    if (fn && strcmp(fn, "Ref") == 0) id = arg;
    int r = doc_is_scalar(d, id) ? graph_resource(g, doc_str(d, id)) : -1;
    if (r < 0) return DOC_NONE;
    doc_id stage = sam_prop(g->t, &g->t->res[r], "StageName");
    return doc_is_scalar(d, stage) && !doc_is_null(d, stage) ? stage : DOC_NONE;
}

/* Is `tail` what SAM appends to <Id><Event>Permission for `event`? Nothing,
 * but for an Api event the stage: Prod without RestApiId; with a RestApiId
 * naming a resource of the template, its StageName (alphanumeric: as it is;
 * else SAM's hash, 10 hex digits) or Stage (no literal StageName); with one
 * SAM cannot resolve (Fn::ImportValue, ...), AllStages. */
static int permission_stage_ok(const graph *g, doc_id event, const char *tail)
{
    const doc *d = g->t->d;
    /* The push sources (samtranslator/model/eventsources/push.py) that call
     * _construct_permission with the event's own id; Cognito's is
     * <Id>CognitoPermission, pull sources and ScheduleV2 make none. */
    static const char *const push[] = {"S3", "SNS", "HttpApi", "Schedule", "CloudWatchEvent", "EventBridgeRule",
                                       "CloudWatchLogs", "IoTRule", "AlexaSkill"};
    doc_id type = doc_get(d, event, "Type");
    if (!doc_is_scalar(d, type)) return 1;
    if (!doc_str_eq(d, type, "Api")) {
        for (size_t i = 0; i < sizeof push / sizeof push[0]; i++)
            if (doc_str_eq(d, type, push[i])) return !*tail;
        return 0;
    }
    doc_id id = doc_get(d, doc_get(d, event, "Properties"), "RestApiId"), arg;
    if (id == DOC_NONE) return strcmp(tail, "Prod") == 0;
    const char *fn = doc_intrinsic(d, id, &arg);
    if (fn && strcmp(fn, "Ref") == 0) id = arg;
    if (!doc_is_scalar(d, id)) return strcmp(tail, "AllStages") == 0;
    if (graph_resource(g, doc_str(d, id)) < 0) return 0;  /* SAM rejects it */
    doc_id stage = event_api(g, event);
    if (stage == DOC_NONE) return strcmp(tail, "Stage") == 0;
    const char *s = doc_str(d, stage);
    return all_alnum(s, strlen(s)) ? strcmp(tail, s) == 0 : hash_matches(d, stage, tail);
}

/* Does an entry of `map` (depth 1: of each mapping in it) have DataSource
 * "none", in any case (a GraphQLApi's Functions, Resolvers)? */
static int names_none(const doc *d, doc_id map, int depth)
{
    for (uint32_t i = 0; doc_is_map(d, map) && i < doc_count(d, map); i++) {
        doc_id v = doc_val(d, map, i);
        if (depth ? names_none(d, v, 0) : doc_is_scalar(d, doc_get(d, v, "DataSource")) &&
                                              strcasecmp(doc_str(d, doc_get(d, v, "DataSource")), "none") == 0)
            return 1;
    }
    return 0;
}

/* Is rest (after the logical id) a name row `gen` makes for SAM resource r? */
static int sam_row_matches(const graph *g, const tmpl_resource *r, const sam_generated *gen, const char *rest)
{
    const tmpl *t = g->t;
    const doc *d = t->d;
    size_t slen = strlen(gen->suffix);
    switch (gen->kind) {
    case SAM_GEN_IF_SET:
        return strcmp(rest, gen->suffix) == 0 && sam_prop(t, r, gen->prop) != DOC_NONE;
    case SAM_GEN_IF_UNSET:
        return strcmp(rest, gen->suffix) == 0 && sam_prop(t, r, gen->prop) == DOC_NONE;
    case SAM_GEN_HASH:
        return strncmp(rest, gen->suffix, slen) == 0 && strlen(rest + slen) == 10 && is_hash10(rest + slen) &&
               sam_prop(t, r, gen->prop) != DOC_NONE;
    case SAM_GEN_VALUE: {
        doc_id v = sam_prop(t, r, gen->prop);
        return v != DOC_NONE && strncmp(rest, gen->suffix, slen) == 0 && rest[slen] &&
               match_value(d, v, rest + slen, "") >= 0;
    }
    case SAM_GEN_STAGE: {
        doc_id v = sam_prop(t, r, gen->prop);
        if (v == DOC_NONE) return 0;
        if (!doc_is_scalar(d, v) || doc_is_null(d, v)) return strcmp(rest, gen->suffix) == 0;
        const char *s = doc_str(d, v);
        size_t n = strlen(s);
        if (all_alnum(s, n)) return strncmp(rest, s, n) == 0 && strcmp(rest + n, gen->suffix) == 0;
        if (strcmp(s, "$default") == 0 && tmpl_is_type(r, "AWS::Serverless::HttpApi"))
            return strcmp(rest, "ApiGatewayDefaultStage") == 0;
        return strncmp(rest, gen->suffix, slen) == 0 && hash_matches(d, v, rest + slen);
    }
    case SAM_GEN_EVENT:
    case SAM_GEN_EVENT_PERM: {
        doc_id events = doc_get(d, r->props, "Events");
        for (uint32_t i = 0; doc_is_map(d, events) && i < doc_count(d, events); i++) {
            const char *ev = doc_str(d, doc_key(d, events, i));
            size_t n = ev ? strlen(ev) : 0;
            if (!n || strncmp(rest, ev, n) != 0) continue;
            const char *after = rest + n;
            if (gen->kind == SAM_GEN_EVENT ? strcmp(after, gen->suffix) == 0
                                           : strncmp(after, gen->suffix, slen) == 0 &&
                                                 permission_stage_ok(g, doc_val(d, events, i), after + slen))
                return 1;
        }
        return 0;
    }
    case SAM_GEN_AUTH:
    case SAM_GEN_DS: {  /* <Key><suffix> */
        doc_id keys = sam_prop(t, r, gen->prop);
        for (uint32_t i = 0; doc_is_map(d, keys) && i < doc_count(d, keys); i++) {
            const char *a = doc_str(d, doc_key(d, keys, i));
            size_t n = a ? strlen(a) : 0;
            if (!n || strncmp(rest, a, n) != 0) continue;
            if (gen->kind == SAM_GEN_DS && doc_get(d, doc_val(d, keys, i), "ServiceRoleArn") != DOC_NONE) continue;
            if (strcmp(rest + n, gen->suffix) == 0) return 1;
        }
        return 0;
    }
    case SAM_GEN_KEYS2: {
        doc_id outer = sam_prop(t, r, gen->prop);
        for (uint32_t i = 0; doc_is_map(d, outer) && i < doc_count(d, outer); i++) {
            const char *a = doc_str(d, doc_key(d, outer, i));
            size_t n = a ? strlen(a) : 0;
            if (!n || strncmp(rest, a, n) != 0) continue;
            doc_id inner = doc_val(d, outer, i);
            for (uint32_t k = 0; doc_is_map(d, inner) && k < doc_count(d, inner); k++) {
                const char *b = doc_str(d, doc_key(d, inner, k));
                size_t m = b ? strlen(b) : 0;
                if (m && strncmp(rest + n, b, m) == 0 && strcmp(rest + n + m, gen->suffix) == 0) return 1;
            }
        }
        return 0;
    }
    case SAM_GEN_LAMBDA_AUTH: {
        static const char head[] = "ToLambdaAuthConnector";
        if (strncmp(rest, head, sizeof head - 1) != 0) return 0;
        const char *num = rest + sizeof head - 1;
        size_t digits = strspn(num, "0123456789");
        if (strcmp(num + digits, gen->suffix) != 0 || digits == 0 || digits > 9) return 0;
        char buf[10];
        memcpy(buf, num, digits);
        buf[digits] = '\0';
        long n = index_of(buf, 1);
        return n > 0 && (uint32_t)n <= lambda_authorizers(d, sam_prop(t, r, gen->prop));
    }
    case SAM_GEN_BASEPATH: {
        if (sam_prop(t, r, "Domain") == DOC_NONE) return 0;
        /* SAM reads a non-empty string or list of them; anything else
         * (unset, "", [], an intrinsic) maps the API without a base path. */
        doc_id bp = sam_prop(t, r, gen->prop);
        if (doc_is_seq(d, bp) && doc_count(d, bp) > 0) {
            for (uint32_t i = 0; i < doc_count(d, bp); i++) {
                doc_id item = doc_item(d, bp, i);
                if (doc_is_scalar(d, item) && match_value(d, item, rest, gen->suffix) >= 0) return 1;
            }
            return 0;
        }
        if (doc_is_scalar(d, bp) && !doc_is_null(d, bp) && *doc_str(d, bp))
            return match_value(d, bp, rest, gen->suffix) >= 0;
        return strcmp(rest, gen->suffix) == 0;
    }
    case SAM_GEN_ROUTE: {
        doc_id routes = sam_prop(t, r, gen->prop);
        for (uint32_t i = 0; doc_is_map(d, routes) && i < doc_count(d, routes); i++) {
            const char *key = doc_str(d, doc_key(d, routes, i));
            char name[256];
            size_t n = key ? route_name(key, name, sizeof name) : 0;
            if (n && strncmp(rest, name, n) == 0 && strcmp(rest + n, gen->suffix) == 0) return 1;
        }
        return 0;
    }
    case SAM_GEN_WS_STAGE: {
        doc_id v = sam_prop(t, r, gen->prop);
        const char *stage = v == DOC_NONE || doc_is_null(d, v) ? "default" : doc_is_scalar(d, v) ? doc_str(d, v) : "";
        if (strcmp(stage, "default") == 0) stage = "Default";
        size_t n = strlen(stage);
        return strncmp(rest, stage, n) == 0 && strcmp(rest + n, gen->suffix) == 0;
    }
    case SAM_GEN_CUSTOM_AUTH: {
        doc_id auth = sam_prop(t, r, "Auth");
        return strcmp(rest, gen->suffix) == 0 && doc_str_eq(d, doc_get(d, auth, "AuthType"), "CUSTOM") &&
               doc_get(d, auth, "AuthArn") != DOC_NONE && (!*gen->prop || doc_get(d, auth, gen->prop) == DOC_NONE);
    }
    case SAM_GEN_GQL_LOGS: {
        doc_id logging = sam_prop(t, r, gen->prop);
        int on;
        if (strcmp(rest, gen->suffix) != 0) return 0;
        if (doc_get_bool(d, logging, &on)) return on;
        return !doc_is_map(d, logging) || doc_get(d, logging, "CloudWatchLogsRoleArn") == DOC_NONE;
    }
    case SAM_GEN_GQL_NONE:
        return strcmp(rest, gen->suffix) == 0 && (names_none(d, sam_prop(t, r, "Functions"), 0) ||
                                                  names_none(d, sam_prop(t, r, "Resolvers"), 1));
    case SAM_GEN_CONNECTOR:
        return doc_is_map(d, r->props) &&
               connector_makes(g, connector_end_type(g, doc_get(d, r->props, "Source")), r->props, gen, rest);
    }
    return 0;
}

/* A resource's embedded Connectors (the resource attribute), or DOC_NONE. */
static doc_id embedded_connectors(const doc *d, const tmpl_resource *r)
{
    return doc_is_map(d, r->node) ? doc_get(d, r->node, "Connectors") : DOC_NONE;
}

/* The type of what SAM makes as `rest` for resource r: its own rows, and
 * its embedded Connectors (<Id><Name> and what each makes); NULL for none. */
static const char *sam_resource_generates(const graph *g, const tmpl_resource *r, const char *rest)
{
    const doc *d = g->t->d;
    for (int i = 0; r->is_sam && sam_generated_names[i].sam_type; i++) {
        const sam_generated *gen = &sam_generated_names[i];
        if (!tmpl_is_type(r, gen->sam_type)) continue;
        if ((rest[0] == '.') != (gen->suffix[0] == '.')) continue;
        if (sam_row_matches(g, r, gen, rest)) return gen->cfn_type ? gen->cfn_type : "";
    }
    doc_id conns = embedded_connectors(d, r);
    for (uint32_t c = 0; doc_is_map(d, conns) && c < doc_count(d, conns); c++) {
        const char *name = doc_str(d, doc_key(d, conns, c));
        size_t n = name ? strlen(name) : 0;
        if (!n || strncmp(rest, name, n) != 0) continue;
        if (!rest[n]) return SAM_CONNECTOR_TYPE;
        doc_id props = doc_get(d, doc_val(d, conns, c), "Properties");
        for (int i = 0; doc_is_map(d, props) && sam_generated_names[i].sam_type; i++) {
            const sam_generated *gen = &sam_generated_names[i];
            if (gen->kind == SAM_GEN_CONNECTOR && connector_makes(g, cfn_type_of(r->type), props, gen, rest + n))
                return gen->cfn_type;
        }
    }
    return NULL;
}

/* Does a resource make names SAM builds from its id? */
static int makes_names(const doc *d, const tmpl_resource *r)
{
    return r->is_sam || embedded_connectors(d, r) != DOC_NONE;
}

/* Does some SAM resource make the template-wide name row `gl` needs? */
static int sam_global_made(const tmpl *t, const sam_generated_global *gl)
{
    const doc *d = t->d;
    for (size_t i = 0; i < t->n_res; i++) {
        const tmpl_resource *r = &t->res[i];
        if (!r->is_sam) continue;
        if (!gl->event_type) {
            if (sam_prop(t, r, gl->prop) != DOC_NONE) return 1;
            continue;
        }
        if (!tmpl_is_type(r, "AWS::Serverless::Function") && !tmpl_is_type(r, "AWS::Serverless::StateMachine")) continue;
        doc_id events = doc_get(d, r->props, "Events");
        for (uint32_t k = 0; doc_is_map(d, events) && k < doc_count(d, events); k++) {
            doc_id ev = doc_val(d, events, k);
            if (doc_str_eq(d, doc_get(d, ev, "Type"), gl->event_type) &&
                doc_get(d, doc_get(d, ev, "Properties"), gl->event_prop) == DOC_NONE)
                return 1;
        }
    }
    return 0;
}

/* Does some SAM resource that sets gl->prop make the hash `rest` from
 * gl->hash_of (or a value samlint cannot hash)? */
static int sam_global_hash_made(const tmpl *t, const sam_generated_global *gl, const char *rest)
{
    const doc *d = t->d;
    for (size_t i = 0; i < t->n_res; i++) {
        const tmpl_resource *r = &t->res[i];
        if (!r->is_sam || sam_prop(t, r, gl->prop) == DOC_NONE) continue;
        const char *alt = gl->hash_of;
        doc_id v = DOC_NONE, beside = DOC_NONE;
        while (alt && *alt && v == DOC_NONE) {  /* "A.B.C|A.B.D": the first set */
            char part[3][64] = {"", "", ""};
            size_t k = 0, j = 0;
            for (; *alt && *alt != '|'; alt++) {
                if (*alt == '.') {
                    if (++k == 3) break;
                    j = 0;
                } else if (j + 1 < sizeof part[k]) {
                    part[k][j++] = *alt;
                    part[k][j] = '\0';
                }
            }
            if (*alt == '|') alt++;
            v = tmpl_prop(t, r, NULL, part[0], part[1][0] ? part[1] : NULL, part[2][0] ? part[2] : NULL);
            if (part[2][0]) beside = tmpl_prop(t, r, NULL, part[0], part[1]);
        }
        if (v == DOC_NONE) continue;
        if (doc_get(d, beside, "SeparateRecordSetGroup") != DOC_NONE || hash_matches(d, v, rest)) return 1;
    }
    return 0;
}

static const char *sam_global_name(const graph *g, const char *name)
{
    const tmpl *t = g->t;
    for (int i = 0; sam_generated_globals[i].name; i++) {
        const sam_generated_global *gl = &sam_generated_globals[i];
        size_t n = strlen(gl->name);
        if (strncmp(name, gl->name, n) != 0) continue;
        const char *rest = name + n;
        int shape = 0;
        switch (gl->kind) {
        case SAM_GEN_HASH: shape = strlen(rest) == 10 && is_hash10(rest); break;
        case SAM_GEN_STAGE: {
            size_t m = strlen(rest);
            shape = m > 5 && strcmp(rest + m - 5, "Stage") == 0 && all_alnum(rest, m - 5);
            break;
        }
        default: shape = *rest == '\0'; break;
        }
        if (!shape) continue;
        if (gl->kind == SAM_GEN_HASH && gl->hash_of) {
            if (sam_global_hash_made(t, gl, rest)) return gl->cfn_type;
            continue;
        }
        signed char *made = i < 32 ? &g->syms->global_made[i] : NULL;
        if (made && *made < 0) *made = (signed char)sam_global_made(t, gl);
        if (made ? *made : sam_global_made(t, gl)) return gl->cfn_type;
    }
    return NULL;
}

const char *graph_sam_generated(const graph *g, const char *name)
{
    const tmpl *t = g->t;
    const char *type = sam_global_name(g, name);
    if (type) return type;
    /* <Id><suffix> or <Id>.<property>: each prefix that could be a SAM
     * resource's id is looked up, rather than every resource tried
     * (quadratic with many unresolved names). */
    struct graph_symtab *s = g->syms;
    if (!s->gen_ready) {
        /* CloudFormation caps logical ids at 255 characters: longer ids
         * name nothing generated (and would make look-ups slow). */
        s->sam_min_len = 256;
        for (size_t i = 0; i < t->n_res; i++) {
            size_t len = strlen(t->res[i].id);
            if (len > 0 && len <= 255 && makes_names(t->d, &t->res[i])) {
                if (len < s->sam_min_len) s->sam_min_len = len;
                if (len > s->sam_max_len) s->sam_max_len = len;
            }
        }
        s->gen_ready = 1;
    }
    size_t len = strlen(name);
    const char *dot = strchr(name, '.');
    size_t longest = dot ? (size_t)(dot - name) : (len ? len - 1 : 0);
    if (longest > s->sam_max_len) longest = s->sam_max_len;
    int r;
    for (size_t n = s->sam_min_len; n <= longest; n++) {
        if (!strmap_get(&s->resources, name, n, &r) || !makes_names(t->d, &t->res[r])) continue;
        type = sam_resource_generates(g, &t->res[r], name + n);
        if (type) return type;
    }
    return NULL;
}

/* ---- the same names spelt out, for suggestions ---- */

/* Suggestions look at this many candidates at most (a template with
 * thousands of SAM resources or events gets suggestions among the first). */
#define MAX_CANDIDATES 5000

typedef struct name_sink {
    const graph *g;
    size_t left;   /* candidates still to look at */
} name_sink;

/* What a candidate is checked with: a row of resource r, a connector's
 * (source type, Properties), or a template-wide name. */
typedef struct candidate_of {
    const tmpl_resource *r;
    const sam_generated *gen;
    const char *source;
    doc_id props;
} candidate_of;

/* Keep "<id><b><x><y>" when it is under 512 bytes and SAM makes it. */
static void offer(name_sink *k, const candidate_of *c, const char *id, const char *b, const char *x, const char *y)
{
    const char *part[4] = {id, b, x, y};
    char buf[512];
    size_t n = 0;
    if (!k->left) return;
    k->left--;
    for (int i = 0; i < 4; i++) {
        size_t m = strlen(part[i]);
        if (n + m >= sizeof buf) return;
        memcpy(buf + n, part[i], m);
        n += m;
    }
    buf[n] = '\0';
    const char *rest = buf + strlen(id);
    int made = !c ? sam_global_name(k->g, buf) != NULL
             : c->gen->kind == SAM_GEN_CONNECTOR ? connector_makes(k->g, c->source, c->props, c->gen, rest)
                                                 : sam_row_matches(k->g, c->r, c->gen, rest);
    if (!made) return;
    struct graph_symtab *s = k->g->syms;
    if (s->gen_len + n + 1 > s->gen_cap) {
        s->gen_cap = (s->gen_len + n + 1) * 2;
        s->gen_names = xrealloc(s->gen_names, s->gen_cap);
    }
    memcpy(s->gen_names + s->gen_len, buf, n + 1);
    s->gen_len += n + 1;
}

/* "<alphanumerics of scalar v>" in out[n], or "" */
static const char *alnum_of(const doc *d, doc_id v, char *out, size_t n)
{
    size_t j = 0;
    const char *s = doc_is_scalar(d, v) ? doc_str(d, v) : NULL;
    for (; s && *s && j + 1 < n; s++)
        if (is_alnum(*s)) out[j++] = *s;
    out[j] = '\0';
    return out;
}

/* The candidates of one row of SAM resource r: what it can make, each
 * confirmed by the row's matcher. */
static void row_names(name_sink *k, const tmpl_resource *r, const sam_generated *gen)
{
    const doc *d = k->g->t->d;
    const tmpl *t = k->g->t;
    const char *id = r->id, *sfx = gen->suffix;
    candidate_of c = {r, gen, NULL, DOC_NONE};
    char a[256];
    switch (gen->kind) {
    case SAM_GEN_IF_SET:
    case SAM_GEN_IF_UNSET:
    case SAM_GEN_CUSTOM_AUTH:
    case SAM_GEN_GQL_LOGS:
    case SAM_GEN_GQL_NONE:
        offer(k, &c, id, sfx, "", "");
        break;
    case SAM_GEN_HASH:  /* the hash is SAM's to compute */
    case SAM_GEN_CONNECTOR:  /* connector_names() */
        break;
    case SAM_GEN_VALUE:
        offer(k, &c, id, sfx, alnum_of(d, sam_prop(t, r, gen->prop), a, sizeof a), "");
        break;
    case SAM_GEN_STAGE: {
        doc_id v = sam_prop(t, r, gen->prop);
        offer(k, &c, id, doc_is_scalar(d, v) ? doc_str(d, v) : "", sfx, "");
        offer(k, &c, id, "ApiGatewayDefault", sfx, "");
        if (sam_hash(d, v, a)) offer(k, &c, id, sfx, a, "");
        break;
    }
    case SAM_GEN_WS_STAGE: {
        doc_id v = sam_prop(t, r, gen->prop);
        offer(k, &c, id, "Default", sfx, "");
        offer(k, &c, id, doc_is_scalar(d, v) ? doc_str(d, v) : "", sfx, "");
        break;
    }
    case SAM_GEN_BASEPATH: {
        doc_id bp = sam_prop(t, r, gen->prop);
        offer(k, &c, id, sfx, "", "");
        if (doc_is_scalar(d, bp)) offer(k, &c, id, alnum_of(d, bp, a, sizeof a), sfx, "");
        for (uint32_t i = 0; doc_is_seq(d, bp) && i < doc_count(d, bp); i++)
            offer(k, &c, id, alnum_of(d, doc_item(d, bp, i), a, sizeof a), sfx, "");
        break;
    }
    case SAM_GEN_LAMBDA_AUTH: {
        uint32_t n = lambda_authorizers(d, sam_prop(t, r, gen->prop));
        for (uint32_t i = 1; i <= n; i++) {
            snprintf(a, sizeof a, "ToLambdaAuthConnector%u", (unsigned)i);
            offer(k, &c, id, a, sfx, "");
        }
        break;
    }
    case SAM_GEN_EVENT:
    case SAM_GEN_EVENT_PERM:
    case SAM_GEN_AUTH:
    case SAM_GEN_DS:
    case SAM_GEN_ROUTE:
    case SAM_GEN_KEYS2: {
        int events = gen->kind == SAM_GEN_EVENT || gen->kind == SAM_GEN_EVENT_PERM;
        doc_id keys = events ? doc_get(d, r->props, "Events") : sam_prop(t, r, gen->prop);
        for (uint32_t i = 0; doc_is_map(d, keys) && i < doc_count(d, keys) && k->left; i++) {
            const char *key = doc_str(d, doc_key(d, keys, i));
            if (!key) continue;
            if (gen->kind == SAM_GEN_ROUTE) {
                if (route_name(key, a, sizeof a)) offer(k, &c, id, a, sfx, "");
                continue;
            }
            if (gen->kind == SAM_GEN_EVENT_PERM) {
                static const char *const stages[] = {"", "Prod", "Stage", "AllStages"};
                for (size_t j = 0; j < sizeof stages / sizeof stages[0]; j++) offer(k, &c, id, key, sfx, stages[j]);
                doc_id api = event_api(k->g, doc_val(d, keys, i));
                if (api != DOC_NONE) offer(k, &c, id, key, sfx, doc_str(d, api));
                continue;
            }
            if (gen->kind != SAM_GEN_KEYS2) {
                offer(k, &c, id, key, sfx, "");
                continue;
            }
            doc_id inner = doc_val(d, keys, i);
            for (uint32_t j = 0; doc_is_map(d, inner) && j < doc_count(d, inner) && k->left; j++) {
                const char *key2 = doc_str(d, doc_key(d, inner, j));
                if (key2) offer(k, &c, id, key, key2, sfx);
            }
        }
        break;
    }
    }
}

/* What connector `id` from `source` (Properties `props`) can make. */
static void connector_names(name_sink *k, const char *id, const char *source, doc_id props)
{
    const doc *d = k->g->t->d;
    doc_id dest = doc_get(d, props, "Destination");
    uint32_t n = doc_is_seq(d, dest) ? doc_count(d, dest) : 0;
    for (int i = 0; sam_generated_names[i].sam_type; i++) {
        const sam_generated *gen = &sam_generated_names[i];
        if (gen->kind != SAM_GEN_CONNECTOR) continue;
        candidate_of c = {NULL, gen, source, props};
        int lambda = strcmp(gen->suffix, "LambdaPermission") == 0;
        for (int cat = 0; cat < (lambda ? 2 : 1); cat++) {
            const char *pre = lambda ? (cat ? "Write" : "Read") : "";
            if (doc_is_map(d, dest)) offer(k, &c, id, pre, gen->suffix, "");
            for (uint32_t j = 0; j < n && k->left; j++) {
                char idx[32];
                snprintf(idx, sizeof idx, "Destination%u", (unsigned)j);
                offer(k, &c, id, pre, gen->suffix, idx);
            }
        }
    }
}

/* Spell out every name once into g->syms->gen_names. */
static void list_names(const graph *g)
{
    const tmpl *t = g->t;
    const doc *d = t->d;
    name_sink k = {g, MAX_CANDIDATES};
    for (int i = 0; sam_generated_globals[i].name; i++) {
        const sam_generated_global *gl = &sam_generated_globals[i];
        if (strchr(gl->name, '.') || gl->kind == SAM_GEN_HASH) continue;
        offer(&k, NULL, gl->name, gl->kind == SAM_GEN_STAGE ? "ProdStage" : "", "", "");
    }
    for (size_t r = 0; r < t->n_res && k.left; r++) {
        const tmpl_resource *res = &t->res[r];
        if (strlen(res->id) > 255) continue;
        for (int i = 0; res->is_sam && sam_generated_names[i].sam_type; i++) {
            const sam_generated *gen = &sam_generated_names[i];
            if (gen->suffix[0] != '.' && tmpl_is_type(res, gen->sam_type)) row_names(&k, res, gen);
        }
        if (tmpl_is_type(res, "AWS::Serverless::Connector") && doc_is_map(d, res->props))
            connector_names(&k, res->id, connector_end_type(g, doc_get(d, res->props, "Source")), res->props);
        doc_id conns = embedded_connectors(d, res);
        for (uint32_t c = 0; doc_is_map(d, conns) && c < doc_count(d, conns) && k.left; c++) {
            const char *name = doc_str(d, doc_key(d, conns, c));
            char full[512];
            if (!name || snprintf(full, sizeof full, "%s%s", res->id, name) >= (int)sizeof full) continue;
            doc_id props = doc_get(d, doc_val(d, conns, c), "Properties");
            if (doc_is_map(d, props)) connector_names(&k, full, cfn_type_of(res->type), props);
        }
    }
}

void graph_sam_each_name(const graph *g, void (*fn)(void *user, const char *name, size_t len), void *user)
{
    struct graph_symtab *s = g->syms;
    if (!s->gen_listed) {
        list_names(g);
        s->gen_listed = 1;
    }
    for (size_t i = 0; i < s->gen_len;) {
        size_t n = strlen(s->gen_names + i);
        fn(user, s->gen_names + i, n);
        i += n + 1;
    }
}

int graph_lookup(const graph *g, const char *name)
{
    int kind;
    if (strmap_get(&g->syms->names, name, strlen(name), &kind)) return kind;
    if (eval_is_pseudo(name)) return SYM_PSEUDO;
    if (graph_sam_generated(g, name)) return SYM_SAM_GENERATED;
    return -1;
}

int graph_resource(const graph *g, const char *name)
{
    int r;
    if (name && strmap_get(&g->syms->resources, name, strlen(name), &r)) return r;
    return -1;
}

int graph_resource_of(const graph *g, doc_id node)
{
    const doc *d = g->t->d;
    const int *v = g->syms->by_node;
    size_t lo = 0, hi = g->syms->n_by_node;
    while (lo < hi) {  /* last resource whose node starts at or before `node` */
        size_t mid = (lo + hi) / 2;
        if (g->t->res[v[mid]].node <= node) lo = mid + 1;
        else hi = mid;
    }
    if (lo == 0) return -1;
    int r = v[lo - 1];
    doc_id start = g->t->res[r].node;
    if (start < 0) return -1;
    doc_id end = doc_subtree_end(d, start);
    return node < end ? r : -1;
}

typedef struct node_rank { doc_id node; int res; } node_rank;

static int cmp_node_rank(const void *a, const void *b)
{
    const node_rank *x = a, *y = b;
    if (x->node != y->node) return x->node < y->node ? -1 : 1;
    return x->res < y->res ? -1 : x->res > y->res;
}

static void sort_by_node(const tmpl *t, int *v, size_t n)
{
    /* Resources are almost always in document order already; aliases can
     * put them in any order, and an insertion sort was quadratic then. */
    size_t i = 1;
    while (i < n && t->res[v[i - 1]].node <= t->res[v[i]].node) i++;
    if (i >= n) return;
    node_rank *rank = xcalloc(n, sizeof *rank);
    for (i = 0; i < n; i++) rank[i] = (node_rank){t->res[v[i]].node, v[i]};
    qsort(rank, n, sizeof *rank, cmp_node_rank);
    for (i = 0; i < n; i++) v[i] = rank[i].res;
    free(rank);
}

/* ---- references ---- */

static void add_ref(graph *g, enum graph_ref_kind kind, int from, const char *name, size_t name_len,
                    const char *attr, doc_id node, uint32_t offset, arena *a)
{
    if (g->n_refs == g->syms->cap_refs) {
        g->syms->cap_refs = g->syms->cap_refs ? g->syms->cap_refs * 2 : 64;
        g->refs = xrealloc(g->refs, g->syms->cap_refs * sizeof *g->refs);
    }
    graph_ref *r = &g->refs[g->n_refs++];
    r->kind = kind;
    r->from = from;
    r->name = arena_strndup(a, name, name_len);
    r->attr = attr;
    r->node = node;
    r->offset = offset;
    r->to = graph_resource(g, r->name);
}

typedef struct sub_walk {
    graph *g;
    int from;
    doc_id node;
    doc_id vars;         /* the variable map of the list form, or DOC_NONE */
    const char *base;    /* the string, for offsets */
    arena *a;
} sub_walk;

static int on_sub_part(void *user, const eval_sub_part *p)
{
    sub_walk *w = user;
    if (p->kind != SUB_VAR || p->name_len == 0) return 0;
    const doc *d = w->g->t->d;
    if (doc_is_map(d, w->vars)) {
        char name[256];
        size_t n = p->len < sizeof name - 1 ? p->len : sizeof name - 1;
        memcpy(name, p->start, n);
        name[n] = '\0';
        if (doc_get(d, w->vars, name) != DOC_NONE) return 0;
    }
    const char *attr = NULL;
    if (p->name_len < p->len) attr = arena_strndup(w->a, p->start + p->name_len + 1, p->len - p->name_len - 1);
    add_ref(w->g, REF_SUB, w->from, p->start, p->name_len, attr, w->node, (uint32_t)(p->start - w->base), w->a);
    return 0;
}

static void refs_of_sub(graph *g, int from, doc_id arg, arena *a)
{
    const doc *d = g->t->d;
    doc_id str = arg, vars = DOC_NONE;
    if (doc_is_seq(d, arg)) {
        str = doc_item(d, arg, 0);
        vars = doc_item(d, arg, 1);
    }
    if (!doc_is_scalar(d, str)) return;
    sub_walk w = {g, from, str, vars, doc_str(d, str), a};
    eval_sub_parse(doc_str(d, str), on_sub_part, &w);
}

static void refs_of_node(graph *g, doc_id id, int from, arena *a)
{
    const doc *d = g->t->d;
    doc_id arg;
    const char *fn = doc_intrinsic(d, id, &arg);
    if (!fn) return;
    if (strcmp(fn, "Ref") == 0) {
        const char *s = doc_str(d, arg);
        if (!s) return;
        const char *dot = strchr(s, '.');
        size_t n = dot ? (size_t)(dot - s) : strlen(s);
        /* Ref to a pseudo parameter is not an edge but is still recorded so
         * that unresolved-name checks see one place. */
        add_ref(g, REF_REF, from, s, dot && !eval_is_pseudo(s) ? n : strlen(s),
                dot && !eval_is_pseudo(s) ? dot + 1 : NULL, arg, 0, a);
    } else if (strcmp(fn, "Fn::GetAtt") == 0) {
        if (doc_is_seq(d, arg) && doc_is_scalar(d, doc_item(d, arg, 0))) {
            doc_id target = doc_item(d, arg, 0);
            const char *s = doc_str(d, target);
            add_ref(g, REF_GETATT, from, s, strlen(s), doc_str(d, doc_item(d, arg, 1)), target, 0, a);
        } else if (doc_is_scalar(d, arg)) {
            const char *s = doc_str(d, arg);
            const char *dot = strchr(s, '.');
            add_ref(g, REF_GETATT, from, s, dot ? (size_t)(dot - s) : strlen(s), dot ? dot + 1 : NULL, arg, 0, a);
        }
    } else if (strcmp(fn, "Fn::Sub") == 0) {
        refs_of_sub(g, from, arg, a);
    } else if (strcmp(fn, "Condition") == 0) {
        const char *s = doc_str(d, arg);
        if (s) add_ref(g, REF_CONDITION, from, s, strlen(s), NULL, arg, 0, a);
    } else if (strcmp(fn, "Fn::If") == 0) {
        doc_id c = doc_item(d, arg, 0);
        const char *s = doc_str(d, c);
        if (s) add_ref(g, REF_CONDITION, from, s, strlen(s), NULL, c, 0, a);
    }
}

/* DependsOn and Condition resource attributes. */
static void refs_of_attributes(graph *g, int r, arena *a)
{
    const doc *d = g->t->d;
    doc_id node = g->t->res[r].node;
    doc_id dep = doc_get(d, node, "DependsOn");
    if (doc_is_scalar(d, dep)) {
        add_ref(g, REF_DEPENDSON, r, doc_str(d, dep), doc_at(d, dep)->len, NULL, dep, 0, a);
    } else if (doc_is_seq(d, dep)) {
        for (uint32_t i = 0; i < doc_count(d, dep); i++) {
            doc_id item = doc_item(d, dep, i);
            if (doc_is_scalar(d, item))
                add_ref(g, REF_DEPENDSON, r, doc_str(d, item), doc_at(d, item)->len, NULL, item, 0, a);
        }
    }
    doc_id cond = doc_get(d, node, "Condition");
    if (doc_is_scalar(d, cond)) add_ref(g, REF_CONDITION, r, doc_str(d, cond), doc_at(d, cond)->len, NULL, cond, 0, a);
}

/* ---- events ---- */

static graph_event *new_event(graph *g, enum graph_event_origin origin, int function)
{
    if (g->n_events == g->syms->cap_events) {
        g->syms->cap_events = g->syms->cap_events ? g->syms->cap_events * 2 : 16;
        g->events = xrealloc(g->events, g->syms->cap_events * sizeof *g->events);
    }
    graph_event *e = &g->events[g->n_events++];
    memset(e, 0, sizeof *e);
    e->origin = origin;
    e->function = function;
    e->source = -1;
    e->source_node = DOC_NONE;
    e->props = DOC_NONE;
    return e;
}

/* SAM event types Lambda invokes asynchronously. RULES.md's SL301 lists
 * Cognito too, but Cognito user-pool triggers invoke synchronously. */
static const char *const async_sam_events[] = {
    "S3", "SNS", "EventBridgeRule", "CloudWatchEvent", "Schedule", "ScheduleV2",
    "CloudWatchLogs", "IoTRule", NULL,
};

/* Which property of a SAM event names its source. */
static const struct { const char *type, *prop; } sam_event_source[] = {
    {"S3", "Bucket"}, {"SQS", "Queue"}, {"SNS", "Topic"}, {"Kinesis", "Stream"},
    {"DynamoDB", "Stream"}, {"Api", "RestApiId"}, {"HttpApi", "ApiId"},
    {"EventBridgeRule", "EventBusName"}, {"CloudWatchLogs", "LogGroupName"},
    {"Cognito", "UserPool"}, {"MQ", "Broker"}, {"MSK", "Stream"}, {"DocumentDB", "Cluster"},
    {NULL, NULL},
};

static int in_list(const char *const *list, const char *s)
{
    for (int i = 0; list[i]; i++)
        if (strcmp(list[i], s) == 0) return 1;
    return 0;
}

static void events_of_sam_function(graph *g, int fn)
{
    const doc *d = g->t->d;
    doc_id events = doc_get(d, g->t->res[fn].props, "Events");
    for (uint32_t i = 0; i < doc_count(d, events) && doc_is_map(d, events); i++) {
        doc_id ev = doc_val(d, events, i);
        const char *type = doc_str(d, doc_get(d, ev, "Type"));
        if (!type) continue;
        graph_event *e = new_event(g, EV_SAM_EVENT, fn);
        e->type = type;
        e->name = doc_str(d, doc_key(d, events, i));
        e->node = ev;
        e->props = doc_get(d, ev, "Properties");
        e->async = in_list(async_sam_events, type);
        for (int k = 0; sam_event_source[k].type; k++) {
            if (strcmp(sam_event_source[k].type, type) != 0) continue;
            e->source_node = doc_get(d, e->props, sam_event_source[k].prop);
            if (e->source_node != DOC_NONE) e->source = graph_target(g, e->source_node);
        }
    }
}

/* The service behind an ARN value: from the resource it references, or
 * from a literal ARN. */
static const char *service_of(const graph *g, doc_id value)
{
    int r = graph_target(g, value);
    if (r >= 0) {
        const char *type = g->t->res[r].type;
        if (strcmp(type, "AWS::SQS::Queue") == 0) return "SQS";
        if (strcmp(type, "AWS::Kinesis::Stream") == 0) return "Kinesis";
        if (strcmp(type, "AWS::DynamoDB::Table") == 0 || strcmp(type, "AWS::DynamoDB::GlobalTable") == 0 ||
            strcmp(type, "AWS::Serverless::SimpleTable") == 0)
            return "DynamoDB";
        if (strcmp(type, "AWS::MSK::Cluster") == 0 || strcmp(type, "AWS::MSK::ServerlessCluster") == 0) return "Kafka";
        if (strcmp(type, "AWS::AmazonMQ::Broker") == 0) return "MQ";
        if (strcmp(type, "AWS::DocDB::DBCluster") == 0) return "DocumentDB";
        return "";
    }
    const char *s = doc_str(g->t->d, value);
    if (!s) {
        doc_id arg;
        const char *fn = doc_intrinsic(g->t->d, value, &arg);
        if (fn && strcmp(fn, "Fn::Sub") == 0) s = doc_str(g->t->d, doc_is_seq(g->t->d, arg) ? doc_item(g->t->d, arg, 0) : arg);
        if (!s) return "";
    }
    if (strstr(s, ":sqs:")) return "SQS";
    if (strstr(s, ":kinesis:")) return "Kinesis";
    if (strstr(s, ":dynamodb:")) return "DynamoDB";
    if (strstr(s, ":kafka:")) return "Kafka";
    if (strstr(s, ":mq:")) return "MQ";
    return "";
}

static void events_of_mapping(graph *g, int r)
{
    const doc *d = g->t->d;
    doc_id props = g->t->res[r].props;
    int fn = graph_target(g, doc_get(d, props, "FunctionName"));
    if (fn < 0 || !g->t->res[fn].is_function) return;
    graph_event *e = new_event(g, EV_MAPPING, fn);
    e->name = g->t->res[r].id;
    e->node = g->t->res[r].node;
    e->props = props;
    e->source_node = doc_get(d, props, "EventSourceArn");
    e->source = graph_target(g, e->source_node);
    e->type = service_of(g, e->source_node);
    if (doc_get(d, props, "SelfManagedEventSource") != DOC_NONE ||
        doc_get(d, props, "AmazonManagedKafkaEventSourceConfig") != DOC_NONE)
        e->type = "Kafka";
}

/* Service principals that invoke Lambda asynchronously. */
static const char *const async_principals[] = {
    "s3.amazonaws.com", "sns.amazonaws.com", "events.amazonaws.com", "logs.amazonaws.com",
    "iot.amazonaws.com", "ses.amazonaws.com",
    "scheduler.amazonaws.com", "config.amazonaws.com", "codecommit.amazonaws.com", NULL,
};

static void events_of_permission(graph *g, int r)
{
    const doc *d = g->t->d;
    doc_id props = g->t->res[r].props;
    int fn = graph_target(g, doc_get(d, props, "FunctionName"));
    if (fn < 0 || !g->t->res[fn].is_function) return;
    graph_event *e = new_event(g, EV_PERMISSION, fn);
    e->name = g->t->res[r].id;
    e->node = g->t->res[r].node;
    e->props = props;
    const char *principal = doc_str(d, doc_get(d, props, "Principal"));
    e->type = principal ? principal : "";
    e->async = principal && in_list(async_principals, principal);
    e->source_node = doc_get(d, props, "SourceArn");
    if (e->source_node != DOC_NONE) e->source = graph_target(g, e->source_node);
}

static void events_of_bucket(graph *g, int r)
{
    const doc *d = g->t->d;
    doc_id list = doc_path(d, g->t->res[r].props, "NotificationConfiguration", "LambdaConfigurations");
    for (uint32_t i = 0; i < doc_count(d, list) && doc_is_seq(d, list); i++) {
        doc_id conf = doc_item(d, list, i);
        int fn = graph_target(g, doc_get(d, conf, "Function"));
        if (fn < 0 || !g->t->res[fn].is_function) continue;
        graph_event *e = new_event(g, EV_S3_NOTIFICATION, fn);
        e->type = "S3";
        e->name = g->t->res[r].id;
        e->node = conf;
        e->props = conf;
        e->source = r;
        e->source_node = g->t->res[r].key;
        e->async = 1;
    }
}

static void sns_subscription(graph *g, int owner, doc_id sub, doc_id topic_node, int topic)
{
    const doc *d = g->t->d;
    if (!doc_str_eq(d, doc_get(d, sub, "Protocol"), "lambda")) return;
    int fn = graph_target(g, doc_get(d, sub, "Endpoint"));
    if (fn < 0 || !g->t->res[fn].is_function) return;
    graph_event *e = new_event(g, EV_SNS_SUBSCRIPTION, fn);
    e->type = "SNS";
    e->name = g->t->res[owner].id;
    e->node = sub == g->t->res[owner].props ? g->t->res[owner].node : sub;
    e->props = sub;
    e->source_node = topic_node;
    e->source = topic;
    e->async = 1;
}

static void events_of_sns(graph *g, int r)
{
    const doc *d = g->t->d;
    doc_id props = g->t->res[r].props;
    if (tmpl_is_type(&g->t->res[r], "AWS::SNS::Subscription")) {
        doc_id topic = doc_get(d, props, "TopicArn");
        sns_subscription(g, r, props, topic, graph_target(g, topic));
        return;
    }
    doc_id subs = doc_get(d, props, "Subscription");
    for (uint32_t i = 0; i < doc_count(d, subs) && doc_is_seq(d, subs); i++)
        sns_subscription(g, r, doc_item(d, subs, i), g->t->res[r].key, r);
}

static void events_of_rule(graph *g, int r)
{
    const doc *d = g->t->d;
    doc_id targets = doc_get(d, g->t->res[r].props, "Targets");
    for (uint32_t i = 0; i < doc_count(d, targets) && doc_is_seq(d, targets); i++) {
        doc_id target = doc_item(d, targets, i);
        int fn = graph_target(g, doc_get(d, target, "Arn"));
        if (fn < 0 || !g->t->res[fn].is_function) continue;
        graph_event *e = new_event(g, EV_EVENTS_RULE, fn);
        e->type = "EventBridge";
        e->name = g->t->res[r].id;
        e->node = target;
        e->props = target;
        e->source = r;
        e->source_node = g->t->res[r].key;
        e->async = 1;
    }
}

/* ---- targets ---- */

typedef struct target_walk {
    const graph *g;
    int found;      /* resource index, -1 none yet, -2 more than one */
} target_walk;

static void note_target(target_walk *w, int r)
{
    if (r < 0) return;
    if (w->found == -1) w->found = r;
    else if (w->found != r) w->found = -2;
}

static int on_target_sub(void *user, const eval_sub_part *p)
{
    target_walk *w = user;
    if (p->kind != SUB_VAR) return 0;
    char name[256];
    size_t n = p->name_len < sizeof name - 1 ? p->name_len : sizeof name - 1;
    memcpy(name, p->start, n);
    name[n] = '\0';
    note_target(w, graph_resource(w->g, name));
    return 0;
}

static void find_target(target_walk *w, doc_id value, int depth)
{
    const doc *d = w->g->t->d;
    doc_id arg;
    const char *fn = doc_intrinsic(d, value, &arg);
    if (!fn || depth > 8) return;
    if (strcmp(fn, "Ref") == 0) {
        const char *s = doc_str(d, arg);
        if (!s) return;
        const char *dot = strchr(s, '.');
        if (dot) {
            char name[256];
            size_t n = (size_t)(dot - s) < sizeof name - 1 ? (size_t)(dot - s) : sizeof name - 1;
            memcpy(name, s, n);
            name[n] = '\0';
            note_target(w, graph_resource(w->g, name));
        } else {
            note_target(w, graph_resource(w->g, s));
        }
    } else if (strcmp(fn, "Fn::GetAtt") == 0) {
        if (doc_is_seq(d, arg)) {
            note_target(w, graph_resource(w->g, doc_str(d, doc_item(d, arg, 0))));
        } else if (doc_is_scalar(d, arg)) {
            const char *s = doc_str(d, arg);
            const char *dot = strchr(s, '.');
            char name[256];
            size_t n = dot ? (size_t)(dot - s) : strlen(s);
            if (n > sizeof name - 1) n = sizeof name - 1;
            memcpy(name, s, n);
            name[n] = '\0';
            note_target(w, graph_resource(w->g, name));
        }
    } else if (strcmp(fn, "Fn::Sub") == 0) {
        doc_id str = doc_is_seq(d, arg) ? doc_item(d, arg, 0) : arg;
        if (doc_is_scalar(d, str)) eval_sub_parse(doc_str(d, str), on_target_sub, w);
    } else if (strcmp(fn, "Fn::Join") == 0) {
        doc_id parts = doc_item(d, arg, 1);
        for (uint32_t i = 0; i < doc_count(d, parts) && doc_is_seq(d, parts); i++)
            find_target(w, doc_item(d, parts, i), depth + 1);
    }
}

int graph_target(const graph *g, doc_id value)
{
    if (value == DOC_NONE) return -1;
    target_walk w = {g, -1};
    find_target(&w, value, 0);
    return w.found >= 0 ? w.found : -1;
}

graph_perm *graph_add_perm(graph *g)
{
    if (g->n_perms == g->syms->cap_perms) {
        g->syms->cap_perms = g->syms->cap_perms ? g->syms->cap_perms * 2 : 16;
        g->perms = xrealloc(g->perms, g->syms->cap_perms * sizeof *g->perms);
    }
    graph_perm *p = &g->perms[g->n_perms++];
    memset(p, 0, sizeof *p);
    p->target = -1;
    p->node = DOC_NONE;
    return p;
}

/* Templates whose logical ids a macro may generate: names cannot be checked. */
static int is_opaque(const tmpl *t, int rain_tag)
{
    const doc *d = t->d;
    if (t->macro) return 1;
    for (uint32_t i = 0; i < doc_count(d, t->resources); i++) {
        const char *k = doc_str(d, doc_key(d, t->resources, i));
        if (k && strncmp(k, "Fn::ForEach", 11) == 0) return 1;
    }
    for (size_t i = 0; i < t->n_res; i++) {  /* CloudFormation and rain modules */
        if (doc_is_map(d, t->res[i].type_node)) return 1;
        size_t n = strlen(t->res[i].type);
        if (n > 8 && strcmp(t->res[i].type + n - 8, "::MODULE") == 0) return 1;
    }
    return rain_tag;  /* Rain's pre-processor */
}

/* ---- build ---- */

void graph_build(graph *g, const tmpl *t)
{
    memset(g, 0, sizeof *g);
    g->t = t;
    g->syms = xcalloc(1, sizeof *g->syms);
    struct graph_symtab *s = g->syms;
    memset(s->global_made, -1, sizeof s->global_made);
    strmap_init(&s->names);
    strmap_init(&s->resources);
    const doc *d = t->d;
    arena *a = d->arena;

    strmap_reserve(&s->names, t->n_params + t->n_conds + t->n_res);
    strmap_reserve(&s->resources, t->n_res);
    for (size_t i = 0; i < t->n_params; i++) strmap_put(&s->names, t->params[i].id, strlen(t->params[i].id), SYM_PARAM);
    for (size_t i = 0; i < t->n_conds; i++) strmap_put(&s->names, t->conds[i].id, strlen(t->conds[i].id), SYM_CONDITION);
    s->by_node = xcalloc(t->n_res, sizeof *s->by_node);
    for (size_t i = 0; i < t->n_res; i++) {
        size_t len = strlen(t->res[i].id);
        strmap_put(&s->names, t->res[i].id, len, SYM_RESOURCE);
        strmap_put(&s->resources, t->res[i].id, len, (int)i);
        if (t->res[i].node >= 0) s->by_node[s->n_by_node++] = (int)i;
    }
    sort_by_node(t, s->by_node, s->n_by_node);

    /* Every intrinsic anywhere in the document, once; and any !Rain:: tag. */
    int rain_tag = 0;
    for (size_t i = 0; i < d->n_tags && !rain_tag; i++)
        if (strncmp(doc_tag_name(d, d->tags[i].name), "!Rain::", 7) == 0) rain_tag = 1;
    for (size_t i = 0; i < d->n_nodes; i++) {
        const doc_node *n = &d->nodes[i];
        if (n->kind != DOC_MAP || n->len != 1) continue;
        refs_of_node(g, (doc_id)i, graph_resource_of(g, (doc_id)i), a);
    }
    g->opaque = is_opaque(t, rain_tag);
    for (size_t i = 0; i < t->n_res; i++) refs_of_attributes(g, (int)i, a);
    for (size_t i = 0; i < t->n_outs; i++) {
        doc_id cond = doc_get(d, t->outs[i].node, "Condition");
        if (doc_is_scalar(d, cond)) add_ref(g, REF_CONDITION, -1, doc_str(d, cond), doc_at(d, cond)->len, NULL, cond, 0, a);
    }

    for (size_t i = 0; i < t->n_res; i++) {
        const tmpl_resource *r = &t->res[i];
        if (tmpl_is_type(r, "AWS::Serverless::Function")) events_of_sam_function(g, (int)i);
        else if (tmpl_is_type(r, "AWS::Lambda::EventSourceMapping")) events_of_mapping(g, (int)i);
        else if (tmpl_is_type(r, "AWS::Lambda::Permission")) events_of_permission(g, (int)i);
        else if (tmpl_is_type(r, "AWS::S3::Bucket")) events_of_bucket(g, (int)i);
        else if (tmpl_is_type(r, "AWS::SNS::Subscription") || tmpl_is_type(r, "AWS::SNS::Topic")) events_of_sns(g, (int)i);
        else if (tmpl_is_type(r, "AWS::Events::Rule")) events_of_rule(g, (int)i);
    }
    graph_perm_build(g);
}

void graph_release(graph *g)
{
    if (g->syms) {
        strmap_release(&g->syms->names);
        strmap_release(&g->syms->resources);
        free(g->syms->by_node);
        free(g->syms->gen_names);
        free(g->syms);
    }
    free(g->refs);
    free(g->events);
    free(g->perms);
    memset(g, 0, sizeof *g);
}

/* Byte offset in d->text of 1-based character column col of a line. */
static size_t col_offset(const doc *d, uint32_t line, uint32_t col)
{
    size_t off = doc_line_offset(d, line), end = doc_line_end(d, line);
    for (uint32_t c = 1; c < col && off < end; c++) {
        off++;
        while (off < end && ((unsigned char)d->text[off] & 0xC0) == 0x80) off++;
    }
    return off;
}

int graph_sub_pos(const doc *d, const graph_ref *r, uint32_t *line, uint32_t *col)
{
    if (r->kind != REF_SUB || !doc_is_scalar(d, r->node) || !d->text) return 0;
    const doc_node *n = doc_at(d, r->node);
    size_t nl = strlen(r->name);
    if ((n->style & DOC_SYNTH) || nl == 0 || r->offset < 2 || r->offset + nl > n->len ||
        memcmp(n->str + r->offset - 2, "${", 2) != 0)
        return 0;
    /* This is the k-th "${name" of the value; find the k-th of the source. */
    size_t k = 0;
    for (const char *p = n->str; (p = strstr(p, "${")) != NULL && (size_t)(p - n->str) < r->offset - 2; p += 2)
        if (strncmp(p + 2, r->name, nl) == 0) k++;
    uint32_t end_line = doc_end_line(d, r->node), end_col = doc_end_col(d, r->node);
    size_t from = col_offset(d, n->line, n->col);
    size_t to = end_line > n->line || (end_line == n->line && end_col > n->col)
                    ? col_offset(d, end_line, end_col) : doc_line_end(d, n->line);
    if (end_line > n->line && to == doc_line_offset(d, end_line)) to = doc_line_end(d, end_line);
    for (size_t i = from; i + 2 + nl <= to; i++) {
        if (d->text[i] != '$' || d->text[i + 1] != '{' || memcmp(d->text + i + 2, r->name, nl) != 0) continue;
        if (k-- == 0) {
            doc_offset_pos(d, i + 2, line, col);
            return 1;
        }
    }
    if (n->line != end_line || memchr(n->str, '\n', r->offset)) return 0;
    /* Escapes: one line, the value's offset past the opening quote. */
    *line = n->line;
    *col = n->col + r->offset + (n->style == DOC_QUOTED ? 1 : 0);
    return 1;
}
