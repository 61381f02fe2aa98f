/* readonly_actions: IAM action verbs that only read, and actions that need Resource "*".
 *
 * Source: the IAM service authorization reference ("Actions, resources and
 * condition keys"), whose access levels List and Read are what these verbs
 * name. To add a verb: one string, the verb prefix as AWS spells it. */
#include "readonly_actions.h"

#include <stddef.h>

const char *const readonly_action_prefixes[] = {
    "Get", "List", "Describe", "BatchGet", "Query", "Scan", "Head", "Search", "Select",
    "Lookup", "Filter", "Receive", "Detect", "View", "Read", "ConditionCheck", "Check",
    "Preview", "Estimate", "Validate", "Test", "Simulate", "Download", NULL
};

/* Source: the service authorization reference (actions with no resource
 * type) and the AWS managed policies of Lambda, X-Ray and CloudWatch, which
 * grant these on "*"; the vended-log delivery actions are documented for
 * Step Functions logging with Resource "*". */
const char *const star_resource_actions[] = {
    "xray:Put*",
    "xray:Get*",
    "logs:CreateLogGroup",
    "logs:CreateLogDelivery",
    "logs:UpdateLogDelivery",
    "logs:DeleteLogDelivery",
    "logs:PutResourcePolicy",
    "ec2messages:*",
    "ssmmessages:*",
    "cloudwatch:PutMetricData",
    "ec2:CreateNetworkInterface",
    "ec2:DeleteNetworkInterface",
    "ec2:DescribeNetworkInterfaces",
    "ec2:AssignPrivateIpAddresses",
    "ec2:UnassignPrivateIpAddresses",
    "ecr:GetAuthorizationToken",
    "sts:GetCallerIdentity",
    "rekognition:Detect*",
    "rekognition:CompareFaces",
    "textract:*",
    "comprehend:Detect*",
    "comprehend:BatchDetect*",
    "translate:TranslateText",
    "polly:SynthesizeSpeech",
    "events:PutEvents",
    "ssm:DescribeParameters",
    NULL
};
