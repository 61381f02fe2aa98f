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
 * appends the stage: <Id><Ev>PermissionProd), <Id><Ev>Role (ScheduleV2 and
 * state machine events), <Id><Ev>Queue / <Id><Ev>QueuePolicy (a dead-letter
 * queue SAM creates, an SNS event's SqsSubscription) and
 * <Id><Ev>EventSourceMapping (SqsSubscription).
 *
 * GraphQLApi: ...-graphqlapi.html (the names of its data sources, functions,
 * resolvers, API keys, schema, cache and domain), and SAM's translator for
 * the roles and connectors it adds (<Id>CloudWatchRole, <DataSource>Role,
 * <DataSource>ToTableConnector / ToLambdaConnector, <Id>ToLambdaAuthConnector<n>,
 * whose own resources start with the connector's id).
 *
 * WebSocketApi, CapacityProvider and Connector names are not modelled one by
 * one yet: any <Id><suffix> is accepted for them.
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
    {FN, "Permission",        SAM_GEN_EVENT_ANY, "Events",             "AWS::Lambda::Permission"},
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
    {API, "BasePathMapping",  SAM_GEN_PREFIX,   "Domain",              "AWS::ApiGateway::BasePathMapping"},
    {API, "AuthorizerPermission", SAM_GEN_AUTH, "Auth.Authorizers",    "AWS::Lambda::Permission"},

    {HTTP, "ApiGatewayDefaultStage", SAM_GEN_IF_UNSET, "StageName",    "AWS::ApiGatewayV2::Stage"},
    {HTTP, "Stage",           SAM_GEN_STAGE,    "StageName",           "AWS::ApiGatewayV2::Stage"},
    {HTTP, ".Stage",          SAM_GEN_IF_SET,   "",                    "AWS::ApiGatewayV2::Stage"},
    {HTTP, ".DomainName",     SAM_GEN_IF_SET,   "Domain",              "AWS::ApiGatewayV2::DomainName"},
    {HTTP, "ApiMapping",      SAM_GEN_PREFIX,   "Domain",              "AWS::ApiGatewayV2::ApiMapping"},
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
    {GQL, "CloudWatchRole",   SAM_GEN_IF_SET,   "",                    "AWS::IAM::Role"},
    {GQL, "ApiCache",         SAM_GEN_IF_SET,   "Cache",               "AWS::AppSync::ApiCache"},
    {GQL, "DomainName",       SAM_GEN_IF_SET,   "DomainName",          "AWS::AppSync::DomainName"},
    {GQL, "DomainNameApiAssociation", SAM_GEN_IF_SET, "DomainName",    "AWS::AppSync::DomainNameApiAssociation"},
    {GQL, "NoneDataSource",   SAM_GEN_IF_SET,   "",                    "AWS::AppSync::DataSource"},
    {GQL, "",                 SAM_GEN_AUTH,     "ApiKeys",             "AWS::AppSync::ApiKey"},
    {GQL, "",                 SAM_GEN_AUTH,     "Functions",           "AWS::AppSync::FunctionConfiguration"},
    {GQL, "",                 SAM_GEN_KEYS2,    "Resolvers",           "AWS::AppSync::Resolver"},
    {GQL, "DynamoDBDataSource", SAM_GEN_AUTH,   "DataSources.DynamoDb", "AWS::AppSync::DataSource"},
    {GQL, "DynamoDBDataSourceRole", SAM_GEN_AUTH, "DataSources.DynamoDb", "AWS::IAM::Role"},
    {GQL, "DynamoDBDataSourceToTableConnector", SAM_GEN_AUTH_ANY, "DataSources.DynamoDb", NULL},
    {GQL, "LambdaDataSource", SAM_GEN_AUTH,     "DataSources.Lambda",  "AWS::AppSync::DataSource"},
    {GQL, "LambdaDataSourceRole", SAM_GEN_AUTH, "DataSources.Lambda",  "AWS::IAM::Role"},
    {GQL, "LambdaDataSourceToLambdaConnector", SAM_GEN_AUTH_ANY, "DataSources.Lambda", NULL},
    {GQL, "ToLambdaAuthConnector", SAM_GEN_PREFIX, "Auth",             NULL},
    {"AWS::Serverless::WebSocketApi", "", SAM_GEN_PREFIX, "", NULL},
    {"AWS::Serverless::CapacityProvider", "", SAM_GEN_PREFIX, "", NULL},
    {"AWS::Serverless::Connector",    "", SAM_GEN_PREFIX, "", NULL},
    {NULL, NULL, SAM_GEN_IF_SET, NULL, NULL},
};

const sam_generated_global sam_generated_globals[] = {
    {"ServerlessRestApi",            SAM_GEN_IF_SET, "Api",     "RestApiId", NULL, "AWS::ApiGateway::RestApi"},
    {"ServerlessRestApiDeployment",  SAM_GEN_HASH,   "Api",     "RestApiId", NULL, "AWS::ApiGateway::Deployment"},
    {"ServerlessRestApi",            SAM_GEN_STAGE,  "Api",     "RestApiId", NULL, "AWS::ApiGateway::Stage"},
    {"ServerlessRestApi.Stage",      SAM_GEN_IF_SET, "Api",     "RestApiId", NULL, "AWS::ApiGateway::Stage"},
    {"ServerlessRestApi.Deployment", SAM_GEN_IF_SET, "Api",     "RestApiId", NULL, "AWS::ApiGateway::Deployment"},
    {"ServerlessHttpApi",            SAM_GEN_IF_SET, "HttpApi", "ApiId",     NULL, "AWS::ApiGatewayV2::Api"},
    {"ServerlessHttpApiApiGatewayDefaultStage", SAM_GEN_IF_SET, "HttpApi", "ApiId", NULL, "AWS::ApiGatewayV2::Stage"},
    {"ServerlessHttpApi.Stage",      SAM_GEN_IF_SET, "HttpApi", "ApiId",     NULL, "AWS::ApiGatewayV2::Stage"},
    {"ServerlessDeploymentApplication", SAM_GEN_IF_SET, NULL,   NULL, "DeploymentPreference", "AWS::CodeDeploy::Application"},
    {"CodeDeployServiceRole",        SAM_GEN_IF_SET, NULL,      NULL, "DeploymentPreference", "AWS::IAM::Role"},
    {"ServerlessUsagePlan",          SAM_GEN_IF_SET, NULL,      NULL, "Auth.UsagePlan",       "AWS::ApiGateway::UsagePlan"},
    {"ServerlessUsagePlanKey",       SAM_GEN_IF_SET, NULL,      NULL, "Auth.UsagePlan",       "AWS::ApiGateway::UsagePlanKey"},
    {"ServerlessApiKey",             SAM_GEN_IF_SET, NULL,      NULL, "Auth.UsagePlan",       "AWS::ApiGateway::ApiKey"},
    {"ApiGatewayDomainName",         SAM_GEN_HASH,   NULL,      NULL, "Domain",               "AWS::ApiGateway::DomainName"},
    {"ApiGatewayDomainNameV2",       SAM_GEN_HASH,   NULL,      NULL, "Domain",               "AWS::ApiGatewayV2::DomainName"},
    {"RecordSetGroup",               SAM_GEN_HASH,   NULL,      NULL, "Domain",               "AWS::Route53::RecordSetGroup"},
    {NULL, SAM_GEN_IF_SET, NULL, NULL, NULL, NULL},
};
