/* policy: every IAM policy statement of a template with its owner, SAM Policies items, action classes. */
#ifndef SAMLINT_POLICY_H
#define SAMLINT_POLICY_H

#include "tmpl.h"

/* Where a policy document sits. */
enum policy_kind {
    POLICY_SAM,       /* Policies of an AWS::Serverless::Function / StateMachine */
    POLICY_IDENTITY,  /* AWS::IAM::Role/User/Group Policies, AWS::IAM::Policy,
                         ManagedPolicy, RolePolicy/UserPolicy/GroupPolicy */
    POLICY_TRUST,     /* AWS::IAM::Role AssumeRolePolicyDocument */
    POLICY_RESOURCE   /* AWS::S3::BucketPolicy, SQS::QueuePolicy, SNS::TopicPolicy */
};

typedef struct policy_stmt {
    int owner;                  /* index in t->res of the resource holding it */
    enum policy_kind kind;
    doc_id document;            /* the policy document mapping */
    doc_id stmt;                /* the statement mapping */
    int allow;                  /* Effect is Allow (on some !If branch) */
    doc_id action, not_action;  /* values, or DOC_NONE */
    doc_id resource, not_resource;
    doc_id principal, not_principal;
} policy_stmt;

/* Call fn for every statement of every policy document in the template, in
 * document order. !If branches (of documents, statement lists and
 * statements) are all visited; AWS::NoValue drops an item. */
void policy_each_statement(const tmpl *t, void (*fn)(void *user, const policy_stmt *s), void *user);

/* The statements of one policy document mapping. */
void policy_each_document_statement(const tmpl *t, int owner, enum policy_kind kind, doc_id document,
                                    void (*fn)(void *user, const policy_stmt *s), void *user);

/* Every value a node may take: both branches of Fn::If (recursively),
 * nothing for AWS::NoValue, a parameter's Default for Ref, else the node
 * itself (an intrinsic that cannot be evaluated is passed as is). `site` is
 * where it was written. */
void policy_expand(const tmpl *t, doc_id node, void (*fn)(void *user, doc_id value, doc_id site), void *user);

/* Every item of a value that is one item or a list of them (Action,
 * Resource, Roles, ManagedPolicyArns...), each expanded as above. */
void policy_each_item(const tmpl *t, doc_id node, void (*fn)(void *user, doc_id value, doc_id site), void *user);

/* Items of a SAM `Policies` property. */
enum sam_policy_item {
    SAM_ITEM_MANAGED,   /* a string: AWS managed policy name or ARN; or an
                           intrinsic (Ref/Sub/GetAtt/Join) giving an ARN */
    SAM_ITEM_DOCUMENT,  /* a mapping with Statement */
    SAM_ITEM_TEMPLATE   /* a one-key mapping {TemplateName: {params}} */
};

/* Call fn for each item of r's Policies (AWS::Serverless::Function and
 * AWS::Serverless::StateMachine; nothing for other types). */
void policy_each_sam_item(const tmpl *t, const tmpl_resource *r,
                          void (*fn)(void *user, enum sam_policy_item kind, doc_id item, doc_id site),
                          void *user);

/* A SAM_ITEM_TEMPLATE item whose template names a resource: that template,
 * with *value set to its resource parameter's value. NULL when the template
 * is unknown, names no resource, or the parameter is not given. */
const struct policy_template *policy_sam_template(const doc *d, doc_id item, doc_id *value);

/* Access class of an IAM action ("s3:GetObject", "s3:Get*", "*"), in
 * graph.h's ACCESS_* bits: 1 read-only, 2 write (any other verb, "s3:Put*"),
 * 3 both ("*", "s3:*", "s3:*Object"). 0 for a malformed action.
 * Read-only means the verb starts with one of rules/data/readonly_actions
 * prefixes; with a wildcard, the literal part before the first '*' must
 * itself start with such a prefix. */
int policy_action_access(const char *action);

/* Service prefix of an action ("s3" for "s3:GetObject") copied into buf;
 * "*" for "*". Returns buf, or NULL when the action has no ':'. */
const char *policy_action_service(const char *action, char *buf, size_t size);

/* Is the action one AWS grants on Resource "*" only (or that has no
 * resource), per rules/data/readonly_actions star_resource_actions? */
int policy_action_needs_star(const char *action);

/* Is the action "*" or "service:*" (every action of a service)? */
int policy_action_is_wildcard(const char *action);

/* The AWS managed policy a SAM Policies string or ManagedPolicyArns item
 * names: "AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess",
 * !Sub "arn:${AWS::Partition}:iam::aws:policy/...", or !Join of literal
 * parts with a partition Ref. Copies the bare name into buf; NULL when the
 * value names no AWS managed policy (a customer policy, a Ref, ...).
 * `bare_names`: a plain name without "arn:" counts (SAM Policies). */
const char *policy_managed_name(const tmpl *t, doc_id value, int bare_names, char *buf, size_t size);

#endif
