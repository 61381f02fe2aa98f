/* tmpl: template sections, SAM Globals and effective function properties. */
#ifndef SAMLINT_TMPL_H
#define SAMLINT_TMPL_H

#include <string.h>

#include "doc.h"

typedef struct tmpl_resource {
    const char *id;      /* logical id */
    doc_id key;          /* the logical id's key node */
    doc_id node;         /* the resource mapping */
    const char *type;    /* "AWS::Serverless::Function", or "" when missing */
    size_t type_len;     /* strlen(type) */
    doc_id type_node;
    doc_id props;        /* Properties mapping or DOC_NONE */
    doc_id metadata;     /* Metadata mapping or DOC_NONE */
    int is_sam;          /* type starts with AWS::Serverless:: */
    int is_function;     /* AWS::Serverless::Function or AWS::Lambda::Function */
    doc_id globals;      /* what tmpl_globals_for() returns */
} tmpl_resource;

typedef struct tmpl_param {
    const char *id;
    doc_id key, node;
    const char *type;    /* "String", ... or "" */
    doc_id default_node; /* Default value or DOC_NONE */
    doc_id value_node;   /* what a Ref gives: the --parameters value, else default_node */
    int given;           /* value_node came from --parameters */
    int no_echo;         /* NoEcho: true */
} tmpl_param;

typedef struct tmpl_named {   /* conditions, outputs, mappings */
    const char *id;
    doc_id key, node;
} tmpl_named;

typedef struct tmpl {
    const doc *d;
    doc_id root;
    doc_id resources, parameters, conditions, outputs, metadata, mappings, globals, transform;
    int is_sam;                /* Transform names AWS::Serverless-2016-10-31 */
    /* What Transform names, read once for every rule: SAM's exactly; a
     * name that starts like SAM's but is not it (a typo); a macro other than
     * SAM's and AWS::LanguageExtensions (or an item that is no string),
     * which may rewrite anything samlint reads. */
    int sam_transform, sam_typo, macro;
    doc_id globals_function, globals_api, globals_httpapi, globals_simpletable,
           globals_statemachine, globals_layer, globals_websocketapi, globals_capacityprovider;
    tmpl_resource *res;  size_t n_res;
    tmpl_param *params;  size_t n_params;
    tmpl_named *conds;   size_t n_conds;
    tmpl_named *outs;    size_t n_outs;
    struct tmpl_index *index;  /* logical id look-ups, private to tmpl.c */
    struct tmpl_memo *memo;    /* what is found on first use, freed with the template */
} tmpl;

/* Data derived from a template on first use, kept for the next users (the
 * tmpl is const to them; this is not). Set up by tmpl_build. */
struct tmpl_memo {
    void *policy;                      /* policy.c: every policy statement */
    void (*release_policy)(void *);
};

/* Build the model. Returns 0, or -1 when the document is not a template
 * (top level not a mapping, or no Resources mapping); *why then says which. */
int tmpl_build(tmpl *t, const doc *d, const char **why);
void tmpl_release(tmpl *t);
/* The values given for the lint (--parameters) stand in for the Defaults of
 * the parameters they name: scalars added to `d` (t's document) at the
 * parameter's Default, or its name when it has none. */
struct param_list;
void tmpl_set_values(tmpl *t, doc *d, struct param_list *values);

const tmpl_param *tmpl_find_param(const tmpl *t, const char *id);
int tmpl_has_condition(const tmpl *t, const char *id);
/* strcmp(r->type, type) == 0; inline, so that the length of a literal
 * `type` is known and most types are told apart by their length alone. */
static inline int tmpl_is_type(const tmpl_resource *r, const char *type)
{
    size_t n = strlen(type);
    return r->type_len == n && memcmp(r->type, type, n) == 0;
}

/* Where an effective value came from. */
enum tmpl_origin { TMPL_UNSET, TMPL_OWN, TMPL_GLOBALS };

/* The Globals section that applies to a resource type, or DOC_NONE
 * (Function, Api, HttpApi, SimpleTable, StateMachine, LayerVersion,
 * WebSocketApi, CapacityProvider). */
doc_id tmpl_globals_for(const tmpl *t, const tmpl_resource *r);

/* Effective property: the resource's own Properties path, else the same
 * path under the Globals section for its type (SAM merges mappings key by key,
 * so a nested path is looked up in each place): tmpl_prop(t, r, &origin,
 * "Environment", "Variables"); a trailing NULL is harmless.
 * Sets *origin when non-NULL. Returns DOC_NONE when unset everywhere. */
doc_id tmpl_prop_(const tmpl *t, const tmpl_resource *r, enum tmpl_origin *origin, ...);
#define tmpl_prop(t, r, origin, ...) tmpl_prop_((t), (r), (origin), __VA_ARGS__, (const char *)NULL)

#endif
