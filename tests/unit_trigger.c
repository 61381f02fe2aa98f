/* unit_trigger: rules/data/trigger_writes (which grants make an event source fire again). */
#include <stdio.h>

#include "../rules/data/trigger_writes.h"

static int failures;

static void expect(int cond, const char *name)
{
    printf("%s %s\n", cond ? "ok" : "not ok", name);
    if (!cond)
        failures++;
}

int main(void)
{
    expect(trigger_action_writes("AWS::S3::Bucket", "s3:PutObject"), "s3:PutObject writes a bucket");
    expect(trigger_action_writes("AWS::S3::Bucket", "s3:Put*"), "s3:Put* writes a bucket");
    expect(trigger_action_writes("AWS::S3::Bucket", "S3:PUTOBJECT"), "actions compare case-insensitively");
    expect(trigger_action_writes("AWS::S3::Bucket", "*"), "* writes anything");
    expect(trigger_action_writes("AWS::S3::Bucket", "s3:*Object"), "a leading wildcard matches");
    expect(trigger_action_writes("AWS::S3::Bucket", "s3:Put?bject"), "? matches one character");
    expect(!trigger_action_writes("AWS::S3::Bucket", "s3:GetObject"), "s3:GetObject does not");
    expect(!trigger_action_writes("AWS::S3::Bucket", "s3:PutObjectX"), "no match past the end");
    expect(!trigger_action_writes("AWS::S3::Bucket", "sns:Publish"), "another service does not");
    expect(!trigger_action_writes("AWS::SQS::Queue", "sqs:DeleteMessage"), "consuming a queue does not");
    expect(trigger_action_writes("AWS::SQS::Queue", "sqs:Send*"), "sqs:Send* sends");
    expect(trigger_action_writes("AWS::DynamoDB::Table", "dynamodb:*Item"), "dynamodb:*Item writes items");
    expect(!trigger_action_writes("AWS::DynamoDB::Table", "dynamodb:GetItem"), "GetItem does not");
    expect(!trigger_action_writes("AWS::Kinesis::Stream",
                                  "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*z"),
           "a pathological pattern ends (and does not match)");
    expect(trigger_template_writes("AWS::S3::Bucket", "S3CrudPolicy"), "S3CrudPolicy writes a bucket");
    expect(!trigger_template_writes("AWS::S3::Bucket", "S3ReadPolicy"), "S3ReadPolicy does not");
    expect(!trigger_template_writes("AWS::SQS::Queue", "SQSPollerPolicy"), "SQSPollerPolicy does not");
    expect(trigger_type_known("AWS::SNS::Topic"), "SNS topics are known sources");
    expect(!trigger_type_known("AWS::Events::Rule"), "rules are not");
    return failures ? 1 : 0;
}
