/* graph: logical ids, reference edges, event edges and permission edges. */
#ifndef SAMLINT_GRAPH_H
#define SAMLINT_GRAPH_H

#include "tmpl.h"

enum graph_sym_kind { SYM_PARAM, SYM_RESOURCE, SYM_CONDITION, SYM_PSEUDO, SYM_SAM_GENERATED };

enum graph_ref_kind { REF_REF, REF_GETATT, REF_SUB, REF_DEPENDSON, REF_CONDITION };

/* A reference from somewhere in the template to a logical id. */
typedef struct graph_ref {
    enum graph_ref_kind kind;
    int from;           /* index of the resource it occurs in, -1 elsewhere */
    const char *name;   /* the referenced logical id (before any '.') */
    const char *attr;   /* GetAtt / ${X.Attr} attribute, or NULL */
    doc_id node;        /* where the reference is written */
    uint32_t offset;    /* REF_SUB: byte offset of the name in the string */
    int to;             /* resource index it resolves to, or -1 */
} graph_ref;

/* How a function gets invoked. */
enum graph_event_origin {
    EV_SAM_EVENT,        /* Events: entry of an AWS::Serverless::Function */
    EV_MAPPING,          /* AWS::Lambda::EventSourceMapping */
    EV_PERMISSION,       /* AWS::Lambda::Permission */
    EV_S3_NOTIFICATION,  /* AWS::S3::Bucket NotificationConfiguration */
    EV_SNS_SUBSCRIPTION, /* AWS::SNS::Subscription (or Topic Subscription) */
    EV_EVENTS_RULE       /* AWS::Events::Rule target */
};

typedef struct graph_event {
    enum graph_event_origin origin;
    int function;        /* resource index of the invoked function */
    const char *type;    /* SAM event type ("SQS", "S3", ...); for other
                            origins the source service: "SQS", "Kinesis",
                            "DynamoDB", "Kafka", "S3", "SNS", "EventBridge",
                            or the Permission's principal */
    const char *name;    /* SAM event name, or the logical id of the origin resource */
    doc_id node;         /* the event mapping / the origin resource's node */
    doc_id props;        /* event Properties (SAM) / the origin resource's Properties */
    int source;          /* resource index of the source (queue, bucket, ...), or -1 */
    doc_id source_node;  /* the node naming the source, or DOC_NONE */
    int async;           /* Lambda invokes asynchronously */
} graph_event;

/* What a function may do to a resource (filled by graph_perm.c). */
enum graph_access { ACCESS_READ = 1, ACCESS_WRITE = 2, ACCESS_FULL = 3 };

typedef struct graph_perm {
    int function;        /* resource index of the function */
    int target;          /* resource index, or -1 for a literal name/ARN not in the template */
    const char *target_literal; /* literal resource name/ARN when target is -1, else NULL */
    int access;          /* ACCESS_* bits */
    const char *action;  /* the action or policy template name that grants it */
    doc_id node;         /* where it is granted */
} graph_perm;

typedef struct graph {
    const tmpl *t;
    graph_ref *refs;     size_t n_refs;
    graph_event *events; size_t n_events;
    graph_perm *perms;   size_t n_perms;
    int opaque;          /* a macro or Fn::ForEach may generate logical ids */
    struct graph_symtab *syms;
} graph;

void graph_build(graph *g, const tmpl *t);
void graph_release(graph *g);

/* Is `name` a defined logical id (parameter, resource, condition, pseudo
 * parameter, or a name SAM generates)? Returns its kind or -1. */
int graph_lookup(const graph *g, const char *name);
/* Is `name` a logical id SAM generates from a SAM resource of this template
 * (<Fn>Role, ServerlessRestApi, <Api>.Stage, ...; rules/data/sam_generated.c)?
 * Returns the CloudFormation type of that resource ("" when samlint does not
 * know it), or NULL. */
const char *graph_sam_generated(const graph *g, const char *name);
/* Each of those names samlint can spell out (not those ending in SAM's
 * hash, nor the <Id>.Property ones; the first 5,000 candidates looked at),
 * calling fn with it (len < 512; the name lives only during the call):
 * suggestions for an unknown name. Spelt out on the first call, kept for the
 * next ones. */
void graph_sam_each_name(const graph *g, void (*fn)(void *user, const char *name, size_t len), void *user);
/* Resource index for a logical id, or -1. */
int graph_resource(const graph *g, const char *name);
/* Resource index a value refers to: Ref X, Fn::GetAtt [X, ...], or a
 * Fn::Sub whose only variable is X (or X.Attr); -1 otherwise. */
int graph_target(const graph *g, doc_id value);
/* Where the variable a REF_SUB names stands in the user's file: the line
 * and column of the name inside the string's source, on whichever line of a
 * block scalar or multi-line string it is. Where the source does not show
 * it as the value does (an escape), the value's offset on a one-line string;
 * 0 on a multi-line one: report at the string then. */
int graph_sub_pos(const doc *d, const graph_ref *r, uint32_t *line, uint32_t *col);
/* Resource index whose subtree contains node, or -1. */
int graph_resource_of(const graph *g, doc_id node);
/* Append a permission edge (for graph_perm.c); fields preset to none. */
graph_perm *graph_add_perm(graph *g);
/* Fills g->perms; called last by graph_build. */
void graph_perm_build(graph *g);

#endif
