/* sam_resources: every AWS::Serverless::* resource type, and what SAM makes of it.
 *
 * Source: AWS SAM Developer Guide, "AWS SAM resources and properties" (the
 * list of resource types) and "Generated CloudFormation resources for AWS
 * SAM" (sam-specification-generated-resources.html and its per-type pages:
 * the resource that keeps the SAM resource's logical id, so that Fn::GetAtt
 * on that id reads its attributes), checked against SAM's JSON schema
 * v1.109.0 (../shared/schemas/sam). Checked December 2026.
 *
 * A Connector keeps no resource under its own logical id (it becomes
 * policies and permissions named after it): cfn_type NULL, no attributes.
 *
 * To add a type: one row, in alphabetical order, then `make check`. */
#include <string.h>
#include "sam_resources.h"

const sam_resource sam_resources[] = {
    {"AWS::Serverless::Api",              "AWS::ApiGateway::RestApi"},
    {"AWS::Serverless::Application",      "AWS::CloudFormation::Stack"},
    {"AWS::Serverless::CapacityProvider", "AWS::Lambda::CapacityProvider"},
    {"AWS::Serverless::Connector",        NULL},
    {"AWS::Serverless::Function",         "AWS::Lambda::Function"},
    {"AWS::Serverless::GraphQLApi",       "AWS::AppSync::GraphQLApi"},
    {"AWS::Serverless::HttpApi",          "AWS::ApiGatewayV2::Api"},
    {"AWS::Serverless::LayerVersion",     "AWS::Lambda::LayerVersion"},
    {"AWS::Serverless::SimpleTable",      "AWS::DynamoDB::Table"},
    {"AWS::Serverless::StateMachine",     "AWS::StepFunctions::StateMachine"},
    {"AWS::Serverless::WebSocketApi",     "AWS::ApiGatewayV2::Api"},
    {NULL, NULL},
};

const sam_resource *sam_resource_find(const char *type)
{
    for (int i = 0; sam_resources[i].type; i++)
        if (strcmp(sam_resources[i].type, type) == 0) return &sam_resources[i];
    return NULL;
}
