/* sam_generated: the logical ids SAM makes from a SAM resource's own, and its referenceable properties. */
#ifndef SAMLINT_SAM_GENERATED_H
#define SAMLINT_SAM_GENERATED_H

/* How a generated name is made from the SAM resource's logical id <Id>. */
enum sam_gen_kind {
    SAM_GEN_IF_SET,     /* <Id><suffix> when property `prop` is set (Globals count) */
    SAM_GEN_IF_UNSET,   /* <Id><suffix> when `prop` is not set */
    SAM_GEN_HASH,       /* <Id><suffix><10 hex digits> when `prop` is set ("" = always) */
    SAM_GEN_VALUE,      /* <Id><suffix><value of prop, alphanumerics only> */
    SAM_GEN_STAGE,      /* <Id><StageName><suffix> for an alphanumeric StageName (`prop`);
                           <Id><suffix><10 hex digits of SAM's hash> for another; <Id><suffix>
                           for an intrinsic; an HttpApi's $default: <Id>ApiGatewayDefaultStage */
    SAM_GEN_EVENT,      /* <Id><event name><suffix>, for each key of Events */
    SAM_GEN_EVENT_PERM, /* <Id><event name><suffix><stage>, for each key of Events: the Lambda
                           permission; <stage> only for an Api event: Prod (the implicit API),
                           its RestApiId's StageName (Stage for an intrinsic; a name that is not
                           alphanumeric gives 10 hex digits of SAM's hash), AllStages for a
                           RestApiId SAM cannot resolve */
    SAM_GEN_AUTH,       /* <Id><key><suffix>, for each key of the mapping at `prop` (Auth.Authorizers) */
    SAM_GEN_KEYS2,      /* <Id><key><key2><suffix>, for each key of the mapping at `prop` and each key
                           of that key's mapping (GraphQLApi Resolvers.<OperationType>.<Resolver>) */
    SAM_GEN_DS,         /* <Id><key><suffix>, for each key of the mapping at `prop` whose value sets
                           no ServiceRoleArn (a GraphQLApi data source's role and connector) */
    SAM_GEN_LAMBDA_AUTH,/* <Id>ToLambdaAuthConnector<n><suffix>, n = 1.. the number of AWS_LAMBDA
                           authorizers in `prop` (GraphQLApi Auth and Auth.Additional) */
    SAM_GEN_BASEPATH,   /* <Id><path><suffix> for each base path at `prop` (Domain.BasePath, a string
                           or a list), its alphanumerics; <Id><suffix> without one; Domain set */
    SAM_GEN_ROUTE,      /* <Id><route><suffix>, for each key of the mapping at `prop` (WebSocketApi
                           Routes): $connect Connect, $disconnect Disconnect, $default Default, an
                           alphanumeric key capitalised (Python's str.capitalize: sendMessage Sendmessage) */
    SAM_GEN_WS_STAGE,   /* <Id><StageName><suffix> for a StageName (`prop`) other than "default";
                           <Id>Default<suffix> without one or for "default"; <Id><suffix> for an
                           intrinsic */
    SAM_GEN_CUSTOM_AUTH,/* <Id><suffix> when Auth sets AuthType CUSTOM and AuthArn, and (`prop` not
                           "") does not set Auth.<prop> (WebSocketApi's $connect authorizer) */
    SAM_GEN_GQL_LOGS,   /* <Id><suffix> unless `prop` (GraphQLApi Logging) is false or sets
                           CloudWatchLogsRoleArn: the role SAM makes for AppSync's logs */
    SAM_GEN_GQL_NONE,   /* <Id><suffix> when a Functions entry, or a resolver under Resolvers, has
                           DataSource "none" (any case): the NONE data source SAM adds once */
    SAM_GEN_CONNECTOR,  /* the resources a connector makes (an AWS::Serverless::Connector, or
                           <Resource><Name> for a resource's embedded Connectors): <suffix>
                           (Policy, QueuePolicy, TopicPolicy, or Read/Write + LambdaPermission,
                           as sam_connector_profiles says for its Source and Destination types),
                           + Destination<i> when Destination is a list */
};

/* The cfn_type of a row that names a connector itself: SAM replaces it by
 * the resources it makes, so only DependsOn may name it (SL004). */
#define SAM_CONNECTOR_TYPE "AWS::Serverless::Connector"

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
    const char *hash_of;     /* SAM_GEN_HASH: the property paths whose value SAM hashes, the
                                first one set ("Domain.DomainName"; "a|b"), or NULL (unknown).
                                A mapping beside it with SeparateRecordSetGroup is hashed
                                otherwise: not reproduced. */
} sam_generated_global;

extern const sam_generated_global sam_generated_globals[];

/* What a connector from `source` to `destination` (CloudFormation types)
 * makes when it is not an IAM managed policy on the source's role
 * ("Policy"): the suffix, and the one permission it takes. */
typedef struct sam_connector_profile {
    const char *source, *destination;
    const char *suffix;        /* "QueuePolicy", "TopicPolicy", "LambdaPermission" */
} sam_connector_profile;

extern const sam_connector_profile sam_connector_profiles[];

#endif
