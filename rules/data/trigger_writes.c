/* trigger_writes: actions and SAM policy templates that make an event source fire again.
 *
 * Source: the AWS Service Authorization Reference (the IAM action that
 * authorises each write API) and the SAM policy template list
 * (docs.aws.amazon.com/serverless-application-model/.../serverless-policy-template-list).
 * To add an entry: one line {resource type, IAM action or template name};
 * an action that only reads or consumes (sqs:DeleteMessage,
 * SQSPollerPolicy) must not be listed. */
#include <ctype.h>
#include <string.h>

#include "trigger_writes.h"

const trigger_write trigger_writes[] = {
    /* S3 object created events. */
    {"AWS::S3::Bucket", "s3:PutObject"},
    {"AWS::S3::Bucket", "S3CrudPolicy"},
    {"AWS::S3::Bucket", "S3WritePolicy"},
    {"AWS::S3::Bucket", "S3FullAccessPolicy"},
    /* DynamoDB streams record every item change. */
    {"AWS::DynamoDB::Table", "dynamodb:PutItem"},
    {"AWS::DynamoDB::Table", "dynamodb:UpdateItem"},
    {"AWS::DynamoDB::Table", "dynamodb:DeleteItem"},
    {"AWS::DynamoDB::Table", "dynamodb:BatchWriteItem"},
    {"AWS::DynamoDB::Table", "dynamodb:PartiQLInsert"},
    {"AWS::DynamoDB::Table", "dynamodb:PartiQLUpdate"},
    {"AWS::DynamoDB::Table", "dynamodb:PartiQLDelete"},
    {"AWS::DynamoDB::Table", "DynamoDBCrudPolicy"},
    {"AWS::DynamoDB::Table", "DynamoDBWritePolicy"},
    {"AWS::DynamoDB::GlobalTable", "dynamodb:PutItem"},
    {"AWS::DynamoDB::GlobalTable", "dynamodb:UpdateItem"},
    {"AWS::DynamoDB::GlobalTable", "dynamodb:DeleteItem"},
    {"AWS::DynamoDB::GlobalTable", "dynamodb:BatchWriteItem"},
    {"AWS::DynamoDB::GlobalTable", "DynamoDBCrudPolicy"},
    {"AWS::DynamoDB::GlobalTable", "DynamoDBWritePolicy"},
    /* SNS topics. */
    {"AWS::SNS::Topic", "sns:Publish"},
    {"AWS::SNS::Topic", "SNSPublishMessagePolicy"},
    {"AWS::SNS::Topic", "SNSCrudPolicy"},
    /* SQS queues (SendMessageBatch is authorised by sqs:SendMessage). */
    {"AWS::SQS::Queue", "sqs:SendMessage"},
    {"AWS::SQS::Queue", "SQSSendMessagePolicy"},
    /* Kinesis data streams. */
    {"AWS::Kinesis::Stream", "kinesis:PutRecord"},
    {"AWS::Kinesis::Stream", "kinesis:PutRecords"},
    {"AWS::Kinesis::Stream", "KinesisCrudPolicy"},
    {0, 0}
};

int trigger_type_known(const char *type)
{
    for (size_t i = 0; trigger_writes[i].type; i++)
        if (strcmp(trigger_writes[i].type, type) == 0)
            return 1;
    return 0;
}

int trigger_template_writes(const char *type, const char *grant)
{
    for (size_t i = 0; trigger_writes[i].type; i++)
        if (strcmp(trigger_writes[i].type, type) == 0 && strcmp(trigger_writes[i].grant, grant) == 0)
            return 1;
    return 0;
}

/* Case-insensitive glob: '*' any run, '?' one character. Backtracks only
 * to the last '*', so it stays linear-ish on hostile patterns. */
static int glob_ci(const char *pat, const char *s)
{
    const char *star = NULL, *resume = NULL;

    while (*s) {
        if (*pat == '*') {
            star = ++pat;
            resume = s;
        } else if (*pat && (*pat == '?' || tolower((unsigned char)*pat) == tolower((unsigned char)*s))) {
            pat++;
            s++;
        } else if (star) {
            pat = star;
            s = ++resume;
        } else {
            return 0;
        }
    }
    while (*pat == '*')
        pat++;
    return *pat == '\0';
}

int trigger_action_writes(const char *type, const char *action)
{
    for (size_t i = 0; trigger_writes[i].type; i++)
        if (strcmp(trigger_writes[i].type, type) == 0 && strchr(trigger_writes[i].grant, ':') &&
            glob_ci(action, trigger_writes[i].grant))
            return 1;
    return 0;
}
