/* sam_generated: how AWS SAM names the CloudFormation resources it generates.
 *
 * Source: AWS SAM Developer Guide, "Generated CloudFormation resources for
 * AWS SAM" (sam-specification-generated-resources.html) and its pages per
 * type: ...-function.html, ...-api.html, ...-httpapi.html,
 * ...-simpletable.html, ...-statemachine.html, ...-layerversion.html,
 * ...-application.html, ...-connector.html; the "Referenceable property"
 * lines give the `.Alias`-style names. Checked against the logical ids
 * SAM's translator (v1.109) writes for the inputs in
 * ../shared/corpus/serverless-application-model/tests/translator/input.
 * Checked December 2026.
 *
 * Event sources: every event <Ev> of a function or state machine makes
 * resources named <Id><Ev> (the rule, subscription, mapping, schedule or
 * topic rule itself), <Id><Ev>Permission (Lambda permission; an Api event
 * appends the stage: <Id><Ev>PermissionProd for the implicit API, the
 * StageName of its RestApiId, Stage for an intrinsic StageName, AllStages for
 * a RestApiId that names no resource; SAM's PushEventSource._construct_permission
 * and Api.resources_to_link in samtranslator/model/eventsources/push.py),
 * <Id><Ev>Role (ScheduleV2 and
 * state machine events), <Id><Ev>Queue / <Id><Ev>QueuePolicy (a dead-letter
 * queue SAM creates, an SNS event's SqsSubscription) and
 * <Id><Ev>EventSourceMapping (SqsSubscription).
 *
 * GraphQLApi: ...-graphqlapi.html (the names of its data sources, functions,
 * resolvers, API keys, schema, cache and domain), and SAM's translator
 * (samtranslator/model/sam_resources.py, SamGraphQLApi) for the roles and
 * connectors it adds: <Id>CloudWatchRole (unless Logging is false or names
 * CloudWatchLogsRoleArn); <Id>NoneDataSource when a function or resolver
 * names the data source "none" (any case); per data source without
 * ServiceRoleArn <DataSource>Role and the connector <DataSource>ToTableConnector
 * (DynamoDb) or <DataSource>ToLambdaConnector (Lambda), which makes
 * <connector>Policy; per AWS_LAMBDA authorizer (Auth, then Auth.Additional)
 * the connector <Id>ToLambdaAuthConnector<n>, n from 1, which makes
 * <connector>WriteLambdaPermission.
 *
 * WebSocketApi: ...-websocketapi.html and SAM's translator
 * (samtranslator/model/api/websocket_api_generator.py, apiv2_generator.py),
 * which the expected outputs in its tests/translator/output agree with where
 * the page does not: a route key is capitalised ($connect gives
 * <Id>ConnectRoute, not connectRoute; send gives SendRoute) and the default
 * stage is <Id>DefaultStage. Per route <Id><route>Route, Integration and
 * Permission; the stage <Id><StageName>Stage; with Auth AuthType CUSTOM
 * <Id>ConnectAuthorizer and (no InvokeRole) <Id>AuthorizerPermission; with a
 * Domain, ApiGatewayDomainNameV2<hash>, RecordSetGroup<hash> and per base path
 * <Id><path>ApiMapping (<Id>ApiMapping without one; HttpApi names them the
 * same way, Api <Id><path>BasePathMapping).
 *
 * CapacityProvider: <Id>OperatorRole without OperatorRole
 * (samtranslator/model/capacity_provider/generators.py).
 *
 * Connector: ...-connector.html and SAM's translator (SamConnector,
 * connector_profiles/profiles.json): <Id>Policy (an IAM managed policy),
 * <Id>QueuePolicy, <Id>TopicPolicy or <Id><Read|Write>LambdaPermission, by
 * the Source and Destination types (sam_connector_profiles below); with a
 * list of Destinations each name ends in Destination<index>, from 0. A
 * resource's embedded Connectors are connectors named <Resource><Name>. Where
 * a Source or Destination type cannot be read from the template (an Id that
 * names no resource of the template, a Type given by an intrinsic), any of
 * the four names is taken for it, never a name SAM does not make.
 *
 * The hashes: SAM's LogicalIdGenerator appends the first 10 hex digits of
 * sha1 of the value it names a resource after, when that is a string
 * (ApiGatewayDomainName<sha1 of Domain.DomainName>, RecordSetGroup<sha1 of
 * HostedZoneId or HostedZoneName>, <Api>Stage<sha1 of a StageName that is
 * not alphanumeric>); samlint computes it for literal strings and takes any
 * 10 hex digits for an intrinsic (SAM resolves some with the deployed
 * parameter values first) or a hash of content (Deployment, LayerVersion).
 *
 * Checked against SAM's expected outputs (tests/translator/output) for
 * websocket_api_simple_app, websocket_api_with_custom_domains_regional,
 * connector_mix_destination and api_custom_domain_private_endpoint_full,
 * December 2026.
 *
 * To add a name: one row under its SAM type, then `make check` (fixtures/SL004
 * hold one case of each kind). */
#include <stddef.h>
#include "sam_generated.h"

#define FN "AWS::Serverless::Function"
#define API "AWS::Serverless::Api"
#define HTTP "AWS::Serverless::HttpApi"
#define SM "AWS::Serverless::StateMachine"
#define GQL "AWS::Serverless::GraphQLApi"
#define WS "AWS::Serverless::WebSocketApi"
#define CONN "AWS::Serverless::Connector"

const sam_generated sam_generated_names[] = {
    {FN, "Role",              SAM_GEN_IF_UNSET, "Role",                "AWS::IAM::Role"},
    {FN, "Alias",             SAM_GEN_VALUE,    "AutoPublishAlias",    "AWS::Lambda::Alias"},
    {FN, "Version",           SAM_GEN_HASH,     "AutoPublishAlias",    "AWS::Lambda::Version"},
    {FN, ".Alias",            SAM_GEN_IF_SET,   "AutoPublishAlias",    "AWS::Lambda::Alias"},
    {FN, ".Version",          SAM_GEN_IF_SET,   "AutoPublishAlias",    "AWS::Lambda::Version"},
    {FN, "DeploymentGroup",   SAM_GEN_IF_SET,   "DeploymentPreference", "AWS::CodeDeploy::DeploymentGroup"},
    {FN, "EventInvokeConfig", SAM_GEN_IF_SET,   "EventInvokeConfig",   "AWS::Lambda::EventInvokeConfig"},
    {FN, "EventInvokeConfigOnSuccessTopic", SAM_GEN_IF_SET, "EventInvokeConfig", "AWS::SNS::Topic"},
    {FN, "EventInvokeConfigOnSuccessQueue", SAM_GEN_IF_SET, "EventInvokeConfig", "AWS::SQS::Queue"},
    {FN, "EventInvokeConfigOnFailureTopic", SAM_GEN_IF_SET, "EventInvokeConfig", "AWS::SNS::Topic"},
    {FN, "EventInvokeConfigOnFailureQueue", SAM_GEN_IF_SET, "EventInvokeConfig", "AWS::SQS::Queue"},
    {FN, ".DestinationTopic", SAM_GEN_IF_SET,   "EventInvokeConfig",   "AWS::SNS::Topic"},
    {FN, ".DestinationQueue", SAM_GEN_IF_SET,   "EventInvokeConfig",   "AWS::SQS::Queue"},
    {FN, "Url",               SAM_GEN_IF_SET,   "FunctionUrlConfig",   "AWS::Lambda::Url"},
    {FN, "UrlPublicPermissions", SAM_GEN_IF_SET, "FunctionUrlConfig",  "AWS::Lambda::Permission"},
    {FN, "UrlPublicInvokePermissions", SAM_GEN_IF_SET, "FunctionUrlConfig", "AWS::Lambda::Permission"},
    {FN, "CognitoPermission", SAM_GEN_IF_SET,   "Events",              "AWS::Lambda::Permission"},
    {FN, "",                  SAM_GEN_EVENT,    "Events",              NULL},
    {FN, "Permission",        SAM_GEN_EVENT_PERM, "Events",            "AWS::Lambda::Permission"},
    {FN, "Role",              SAM_GEN_EVENT,    "Events",              "AWS::IAM::Role"},
    {FN, "Queue",             SAM_GEN_EVENT,    "Events",              "AWS::SQS::Queue"},
    {FN, "QueuePolicy",       SAM_GEN_EVENT,    "Events",              "AWS::SQS::QueuePolicy"},
    {FN, "EventSourceMapping", SAM_GEN_EVENT,   "Events",              "AWS::Lambda::EventSourceMapping"},

    {API, "Deployment",       SAM_GEN_HASH,     "",                    "AWS::ApiGateway::Deployment"},
    {API, "Stage",            SAM_GEN_STAGE,    "StageName",           "AWS::ApiGateway::Stage"},
    {API, ".Stage",           SAM_GEN_IF_SET,   "",                    "AWS::ApiGateway::Stage"},
    {API, ".Deployment",      SAM_GEN_IF_SET,   "",                    "AWS::ApiGateway::Deployment"},
    {API, ".DomainName",      SAM_GEN_IF_SET,   "Domain",              "AWS::ApiGateway::DomainName"},
    {API, ".DomainNameV2",    SAM_GEN_IF_SET,   "Domain",              "AWS::ApiGateway::DomainNameV2"},
    {API, ".UsagePlan",       SAM_GEN_IF_SET,   "Auth.UsagePlan",      "AWS::ApiGateway::UsagePlan"},
    {API, ".UsagePlanKey",    SAM_GEN_IF_SET,   "Auth.UsagePlan",      "AWS::ApiGateway::UsagePlanKey"},
    {API, ".ApiKey",          SAM_GEN_IF_SET,   "Auth.UsagePlan",      "AWS::ApiGateway::ApiKey"},
    {API, "UsagePlan",        SAM_GEN_IF_SET,   "Auth.UsagePlan",      "AWS::ApiGateway::UsagePlan"},
    {API, "UsagePlanKey",     SAM_GEN_IF_SET,   "Auth.UsagePlan",      "AWS::ApiGateway::UsagePlanKey"},
    {API, "ApiKey",           SAM_GEN_IF_SET,   "Auth.UsagePlan",      "AWS::ApiGateway::ApiKey"},
    {API, "BasePathMapping",  SAM_GEN_BASEPATH, "Domain.BasePath",     NULL},  /* BasePathMappingV2 for a PRIVATE Domain */
    {API, "AuthorizerPermission", SAM_GEN_AUTH, "Auth.Authorizers",    "AWS::Lambda::Permission"},

    {HTTP, "ApiGatewayDefaultStage", SAM_GEN_IF_UNSET, "StageName",    "AWS::ApiGatewayV2::Stage"},
    {HTTP, "Stage",           SAM_GEN_STAGE,    "StageName",           "AWS::ApiGatewayV2::Stage"},
    {HTTP, ".Stage",          SAM_GEN_IF_SET,   "",                    "AWS::ApiGatewayV2::Stage"},
    {HTTP, ".DomainName",     SAM_GEN_IF_SET,   "Domain",              "AWS::ApiGatewayV2::DomainName"},
    {HTTP, "ApiMapping",      SAM_GEN_BASEPATH, "Domain.BasePath",     "AWS::ApiGatewayV2::ApiMapping"},
    {HTTP, "AuthorizerPermission", SAM_GEN_AUTH, "Auth.Authorizers",   "AWS::Lambda::Permission"},

    {SM, "Role",              SAM_GEN_IF_UNSET, "Role",                "AWS::IAM::Role"},
    {SM, "",                  SAM_GEN_EVENT,    "Events",              NULL},
    {SM, "Role",              SAM_GEN_EVENT,    "Events",              "AWS::IAM::Role"},
    {SM, "Queue",             SAM_GEN_EVENT,    "Events",              "AWS::SQS::Queue"},
    {SM, "QueuePolicy",       SAM_GEN_EVENT,    "Events",              "AWS::SQS::QueuePolicy"},
    {SM, "Alias",             SAM_GEN_VALUE,    "AutoPublishAlias",    "AWS::StepFunctions::StateMachineAlias"},
    {SM, "Version",           SAM_GEN_IF_SET,   "AutoPublishAlias",    "AWS::StepFunctions::StateMachineVersion"},

    {"AWS::Serverless::LayerVersion", "", SAM_GEN_HASH, "",            "AWS::Lambda::LayerVersion"},

    {GQL, "Schema",           SAM_GEN_IF_SET,   "",                    "AWS::AppSync::GraphQLSchema"},
    {GQL, "CloudWatchRole",   SAM_GEN_GQL_LOGS, "Logging",             "AWS::IAM::Role"},
    {GQL, "ApiCache",         SAM_GEN_IF_SET,   "Cache",               "AWS::AppSync::ApiCache"},
    {GQL, "DomainName",       SAM_GEN_IF_SET,   "DomainName",          "AWS::AppSync::DomainName"},
    {GQL, "DomainNameApiAssociation", SAM_GEN_IF_SET, "DomainName",    "AWS::AppSync::DomainNameApiAssociation"},
    {GQL, "NoneDataSource",   SAM_GEN_GQL_NONE, "",                    "AWS::AppSync::DataSource"},
    {GQL, "",                 SAM_GEN_AUTH,     "ApiKeys",             "AWS::AppSync::ApiKey"},
    {GQL, "",                 SAM_GEN_AUTH,     "Functions",           "AWS::AppSync::FunctionConfiguration"},
    {GQL, "",                 SAM_GEN_KEYS2,    "Resolvers",           "AWS::AppSync::Resolver"},
    {GQL, "DynamoDBDataSource", SAM_GEN_AUTH,   "DataSources.DynamoDb", "AWS::AppSync::DataSource"},
    {GQL, "DynamoDBDataSourceRole", SAM_GEN_DS, "DataSources.DynamoDb", "AWS::IAM::Role"},
    {GQL, "DynamoDBDataSourceToTableConnector", SAM_GEN_DS, "DataSources.DynamoDb", SAM_CONNECTOR_TYPE},
    {GQL, "DynamoDBDataSourceToTableConnectorPolicy", SAM_GEN_DS, "DataSources.DynamoDb", "AWS::IAM::ManagedPolicy"},
    {GQL, "LambdaDataSource", SAM_GEN_AUTH,     "DataSources.Lambda",  "AWS::AppSync::DataSource"},
    {GQL, "LambdaDataSourceRole", SAM_GEN_DS,   "DataSources.Lambda",  "AWS::IAM::Role"},
    {GQL, "LambdaDataSourceToLambdaConnector", SAM_GEN_DS, "DataSources.Lambda", SAM_CONNECTOR_TYPE},
    {GQL, "LambdaDataSourceToLambdaConnectorPolicy", SAM_GEN_DS, "DataSources.Lambda", "AWS::IAM::ManagedPolicy"},
    {GQL, "",                 SAM_GEN_LAMBDA_AUTH, "Auth",             SAM_CONNECTOR_TYPE},
    {GQL, "WriteLambdaPermission", SAM_GEN_LAMBDA_AUTH, "Auth",        "AWS::Lambda::Permission"},

    {WS, "Route",             SAM_GEN_ROUTE,    "Routes",              "AWS::ApiGatewayV2::Route"},
    {WS, "Integration",       SAM_GEN_ROUTE,    "Routes",              "AWS::ApiGatewayV2::Integration"},
    {WS, "Permission",        SAM_GEN_ROUTE,    "Routes",              "AWS::Lambda::Permission"},
    {WS, "Stage",             SAM_GEN_WS_STAGE, "StageName",           "AWS::ApiGatewayV2::Stage"},
    {WS, ".Stage",            SAM_GEN_IF_SET,   "",                    "AWS::ApiGatewayV2::Stage"},
    {WS, ".DomainName",       SAM_GEN_IF_SET,   "Domain",              "AWS::ApiGatewayV2::DomainName"},
    {WS, "ApiMapping",        SAM_GEN_BASEPATH, "Domain.BasePath",     "AWS::ApiGatewayV2::ApiMapping"},
    {WS, "ConnectAuthorizer", SAM_GEN_CUSTOM_AUTH, "",                 "AWS::ApiGatewayV2::Authorizer"},
    {WS, "AuthorizerPermission", SAM_GEN_CUSTOM_AUTH, "InvokeRole",    "AWS::Lambda::Permission"},

    {"AWS::Serverless::CapacityProvider", "OperatorRole", SAM_GEN_IF_UNSET, "OperatorRole", "AWS::IAM::Role"},

    {CONN, "Policy",          SAM_GEN_CONNECTOR, "",                   "AWS::IAM::ManagedPolicy"},
    {CONN, "QueuePolicy",     SAM_GEN_CONNECTOR, "",                   "AWS::SQS::QueuePolicy"},
    {CONN, "TopicPolicy",     SAM_GEN_CONNECTOR, "",                   "AWS::SNS::TopicPolicy"},
    {CONN, "LambdaPermission", SAM_GEN_CONNECTOR, "",                  "AWS::Lambda::Permission"},
    {NULL, NULL, SAM_GEN_IF_SET, NULL, NULL},
};

const sam_generated_global sam_generated_globals[] = {
    {"ServerlessRestApi",            SAM_GEN_IF_SET, "Api",     "RestApiId", NULL, "AWS::ApiGateway::RestApi", NULL},
    {"ServerlessRestApiDeployment",  SAM_GEN_HASH,   "Api",     "RestApiId", NULL, "AWS::ApiGateway::Deployment", NULL},
    {"ServerlessRestApi",            SAM_GEN_STAGE,  "Api",     "RestApiId", NULL, "AWS::ApiGateway::Stage", NULL},
    {"ServerlessRestApi.Stage",      SAM_GEN_IF_SET, "Api",     "RestApiId", NULL, "AWS::ApiGateway::Stage", NULL},
    {"ServerlessRestApi.Deployment", SAM_GEN_IF_SET, "Api",     "RestApiId", NULL, "AWS::ApiGateway::Deployment", NULL},
    {"ServerlessHttpApi",            SAM_GEN_IF_SET, "HttpApi", "ApiId",     NULL, "AWS::ApiGatewayV2::Api", NULL},
    {"ServerlessHttpApiApiGatewayDefaultStage", SAM_GEN_IF_SET, "HttpApi", "ApiId", NULL, "AWS::ApiGatewayV2::Stage", NULL},
    {"ServerlessHttpApi.Stage",      SAM_GEN_IF_SET, "HttpApi", "ApiId",     NULL, "AWS::ApiGatewayV2::Stage", NULL},
    {"ServerlessDeploymentApplication", SAM_GEN_IF_SET, NULL,   NULL, "DeploymentPreference", "AWS::CodeDeploy::Application", NULL},
    {"CodeDeployServiceRole",        SAM_GEN_IF_SET, NULL,      NULL, "DeploymentPreference", "AWS::IAM::Role", NULL},
    {"ServerlessUsagePlan",          SAM_GEN_IF_SET, NULL,      NULL, "Auth.UsagePlan",       "AWS::ApiGateway::UsagePlan", NULL},
    {"ServerlessUsagePlanKey",       SAM_GEN_IF_SET, NULL,      NULL, "Auth.UsagePlan",       "AWS::ApiGateway::UsagePlanKey", NULL},
    {"ServerlessApiKey",             SAM_GEN_IF_SET, NULL,      NULL, "Auth.UsagePlan",       "AWS::ApiGateway::ApiKey", NULL},
    {"ApiGatewayDomainName",         SAM_GEN_HASH,   NULL,      NULL, "Domain",               "AWS::ApiGateway::DomainName", "Domain.DomainName"},
    {"ApiGatewayDomainNameV2",       SAM_GEN_HASH,   NULL,      NULL, "Domain",               "AWS::ApiGatewayV2::DomainName", "Domain.DomainName"},
    {"RecordSetGroup",               SAM_GEN_HASH,   NULL,      NULL, "Domain",               "AWS::Route53::RecordSetGroup", "Domain.Route53.HostedZoneId|Domain.Route53.HostedZoneName"},
    {"DomainNameAccessAssociation",  SAM_GEN_HASH,   NULL,      NULL, "Domain",               "AWS::ApiGateway::DomainNameAccessAssociation", NULL},
    {NULL, SAM_GEN_IF_SET, NULL, NULL, NULL, NULL, NULL},
};

/* SAM's connector profiles (samtranslator/model/connector_profiles/
 * profiles.json) that are not an IAM managed policy: every other supported
 * Source -> Destination pair makes <Id>Policy. Each of these takes the one
 * permission Write. */
const sam_connector_profile sam_connector_profiles[] = {
    {"AWS::Events::Rule",           "AWS::Lambda::Function", "LambdaPermission"},
    {"AWS::ApiGatewayV2::Api",      "AWS::Lambda::Function", "LambdaPermission"},
    {"AWS::ApiGateway::RestApi",    "AWS::Lambda::Function", "LambdaPermission"},
    {"AWS::SNS::Topic",             "AWS::Lambda::Function", "LambdaPermission"},
    {"AWS::S3::Bucket",             "AWS::Lambda::Function", "LambdaPermission"},
    {"AWS::AppSync::GraphQLApi",    "AWS::Lambda::Function", "LambdaPermission"},
    {"AWS::Events::Rule",           "AWS::SQS::Queue",       "QueuePolicy"},
    {"AWS::SNS::Topic",             "AWS::SQS::Queue",       "QueuePolicy"},
    {"AWS::Events::Rule",           "AWS::SNS::Topic",       "TopicPolicy"},
    {NULL, NULL, NULL},
};
