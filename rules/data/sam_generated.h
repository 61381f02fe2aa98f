/* sam_generated: the logical ids SAM makes from a SAM resource's own, and its referenceable properties. */
#ifndef SAMLINT_SAM_GENERATED_H
#define SAMLINT_SAM_GENERATED_H

/* How a generated name is made from the SAM resource's logical id <Id>. */
enum sam_gen_kind {
    SAM_GEN_IF_SET,     /* <Id><suffix> when property `prop` is set (Globals count) */
    SAM_GEN_IF_UNSET,   /* <Id><suffix> when `prop` is not set */
    SAM_GEN_HASH,       /* <Id><suffix><10 hex digits> when `prop` is set ("" = always) */
    SAM_GEN_VALUE,      /* <Id><suffix><value of prop, alphanumerics only> */
    SAM_GEN_STAGE,      /* <Id><stage name, alphanumerics only><suffix>; `prop` is StageName */
    SAM_GEN_EVENT,      /* <Id><event name><suffix>, for each key of Events */
    SAM_GEN_EVENT_ANY,  /* <Id><event name><suffix><alphanumerics> (a stage after Permission) */
    SAM_GEN_AUTH,       /* <Id><key><suffix>, for each key of the mapping at `prop` (Auth.Authorizers) */
    SAM_GEN_AUTH_ANY,   /* <Id><key><suffix><anything>: resources a generated connector makes */
    SAM_GEN_KEYS2,      /* <Id><key><key2><suffix>, for each key of the mapping at `prop` and each key
                           of that key's mapping (GraphQLApi Resolvers.<OperationType>.<Resolver>) */
    SAM_GEN_PREFIX,     /* <Id><suffix><anything>: kinds samlint does not model yet */
};

typedef struct sam_generated {
    const char *sam_type;    /* "AWS::Serverless::Function" */
    const char *suffix;      /* "Role"; a suffix starting with '.' is a referenceable
                                property for Ref / Fn::GetAtt ("<Fn>.Alias") */
    enum sam_gen_kind kind;
    const char *prop;        /* the property path that decides it ("Auth.UsagePlan"), or "" */
    const char *cfn_type;    /* the CloudFormation type of the generated resource, or NULL */
} sam_generated;

/* The table, ending with {NULL, ...}; rows of one SAM type are together. */
extern const sam_generated sam_generated_names[];

/* Template-wide names (ServerlessRestApi, ...), made when some SAM resource
 * of `sam_type` has an event of `event_type` without `event_prop` (or, for
 * event_type NULL, sets property `prop`). */
typedef struct sam_generated_global {
    const char *name;        /* "ServerlessRestApi" */
    enum sam_gen_kind kind;  /* SAM_GEN_IF_SET, SAM_GEN_HASH (name + 10 hex), SAM_GEN_STAGE
                                (name + stage + "Stage"; stage "Prod") */
    const char *event_type;  /* "Api", or NULL */
    const char *event_prop;  /* "RestApiId": the event names no API of its own */
    const char *prop;        /* with event_type NULL: a resource property that makes it */
    const char *cfn_type;
} sam_generated_global;

extern const sam_generated_global sam_generated_globals[];

#endif
