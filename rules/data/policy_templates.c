/* policy_templates: SAM policy templates and the resources they grant access to.
 *
 * Source: the AWS SAM developer guide, "AWS SAM policy template list", and
 * SAM's policy_templates.json (template names, their parameters, and the
 * actions of each). `access` sums up the actions on the named resource:
 * read-only actions (Get/List/Describe/Query/Scan/Receive...) give PT_READ,
 * anything that creates, changes, deletes, sends or invokes gives PT_WRITE.
 * To add a template: one line {name, resource parameter, service, access};
 * templates without a resource parameter (Resource "*") use NULL, NULL. */
#include "policy_templates.h"

#include <string.h>

const policy_template policy_templates[] = {
    {"AcmGetCertificatePolicy", "CertificateArn", "acm", PT_READ},
    {"AMIDescribePolicy", NULL, NULL, PT_READ},
    {"AthenaQueryPolicy", "WorkGroupName", "athena", PT_FULL},
    {"AWSSecretsManagerGetSecretValuePolicy", "SecretArn", "secretsmanager", PT_READ},
    {"AWSSecretsManagerRotationPolicy", NULL, NULL, PT_FULL}, /* every secret; FunctionName is the rotator */
    {"CloudFormationDescribeStacksPolicy", NULL, NULL, PT_READ},
    {"CloudWatchDashboardPolicy", NULL, NULL, PT_FULL},
    {"CloudWatchDescribeAlarmHistoryPolicy", NULL, NULL, PT_READ},
    {"CloudWatchPutMetricPolicy", NULL, NULL, PT_WRITE},
    {"CodeCommitCrudPolicy", "RepositoryName", "codecommit", PT_FULL},
    {"CodeCommitReadPolicy", "RepositoryName", "codecommit", PT_READ},
    {"CodePipelineLambdaExecutionPolicy", NULL, NULL, PT_WRITE},
    {"CodePipelineReadOnlyPolicy", "PipelineName", "codepipeline", PT_READ},
    {"ComprehendBasicAccessPolicy", NULL, NULL, PT_READ},
    {"CostExplorerReadOnlyPolicy", NULL, NULL, PT_READ},
    {"DynamoDBBackupFullAccessPolicy", "TableName", "dynamodb", PT_FULL},
    {"DynamoDBCrudPolicy", "TableName", "dynamodb", PT_FULL},
    {"DynamoDBReadPolicy", "TableName", "dynamodb", PT_READ},
    {"DynamoDBReconfigurePolicy", "TableName", "dynamodb", PT_WRITE},
    {"DynamoDBRestoreFromBackupPolicy", "TableName", "dynamodb", PT_FULL},
    {"DynamoDBStreamReadPolicy", "TableName", "dynamodb", PT_READ},
    {"DynamoDBWritePolicy", "TableName", "dynamodb", PT_WRITE},
    {"EC2CopyImagePolicy", "ImageId", "ec2", PT_WRITE},
    {"EC2DescribePolicy", NULL, NULL, PT_READ},
    {"EcsRunTaskPolicy", "TaskDefinition", "ecs", PT_WRITE},
    {"EFSWriteAccessPolicy", "FileSystem", "elasticfilesystem", PT_FULL},
    {"EKSDescribePolicy", NULL, NULL, PT_READ},
    {"ElasticMapReduceAddJobFlowStepsPolicy", "ClusterId", "elasticmapreduce", PT_WRITE},
    {"ElasticMapReduceCancelStepsPolicy", "ClusterId", "elasticmapreduce", PT_WRITE},
    {"ElasticMapReduceModifyInstanceFleetPolicy", "ClusterId", "elasticmapreduce", PT_FULL},
    {"ElasticMapReduceModifyInstanceGroupsPolicy", "ClusterId", "elasticmapreduce", PT_FULL},
    {"ElasticMapReduceSetTerminationProtectionPolicy", "ClusterId", "elasticmapreduce", PT_WRITE},
    {"ElasticMapReduceTerminateJobFlowsPolicy", "ClusterId", "elasticmapreduce", PT_WRITE},
    {"ElasticsearchHttpPostPolicy", "DomainName", "es", PT_WRITE},
    {"EventBridgePutEventsPolicy", "EventBusName", "events", PT_WRITE},
    {"FilterLogEventsPolicy", "LogGroupName", "logs", PT_READ},
    {"FirehoseCrudPolicy", "DeliveryStreamName", "firehose", PT_FULL},
    {"FirehoseWritePolicy", "DeliveryStreamName", "firehose", PT_WRITE},
    {"KinesisCrudPolicy", "StreamName", "kinesis", PT_FULL},
    {"KinesisStreamReadPolicy", "StreamName", "kinesis", PT_READ},
    {"KMSDecryptPolicy", "KeyId", "kms", PT_READ},
    {"KMSEncryptPolicy", "KeyId", "kms", PT_WRITE},
    {"KMSEncryptPolicy_v2", "KeyId", "kms", PT_WRITE},
    {"LambdaInvokePolicy", "FunctionName", "lambda", PT_WRITE},
    {"MobileAnalyticsWriteOnlyAccessPolicy", NULL, NULL, PT_WRITE},
    {"OrganizationsListAccountsPolicy", NULL, NULL, PT_READ},
    {"PinpointEndpointAccessPolicy", "PinpointApplicationId", "mobiletargeting", PT_FULL},
    {"PollyFullAccessPolicy", "LexiconName", "polly", PT_FULL},
    {"RekognitionDetectOnlyPolicy", NULL, NULL, PT_READ},
    {"RekognitionFacesManagementPolicy", "CollectionId", "rekognition", PT_FULL},
    {"RekognitionFacesPolicy", NULL, NULL, PT_READ},
    {"RekognitionLabelsPolicy", NULL, NULL, PT_READ},
    {"RekognitionNoDataAccessPolicy", "CollectionId", "rekognition", PT_READ},
    {"RekognitionReadPolicy", "CollectionId", "rekognition", PT_READ},
    {"RekognitionWriteOnlyAccessPolicy", "CollectionId", "rekognition", PT_WRITE},
    {"Route53ChangeResourceRecordSetsPolicy", "HostedZoneId", "route53", PT_WRITE},
    {"S3CrudPolicy", "BucketName", "s3", PT_FULL},
    {"S3FullAccessPolicy", "BucketName", "s3", PT_FULL},
    {"S3ReadPolicy", "BucketName", "s3", PT_READ},
    {"S3WritePolicy", "BucketName", "s3", PT_WRITE},
    {"SageMakerCreateEndpointConfigPolicy", "EndpointConfigName", "sagemaker", PT_WRITE},
    {"SageMakerCreateEndpointPolicy", "EndpointName", "sagemaker", PT_WRITE},
    {"ServerlessRepoReadWriteAccessPolicy", NULL, NULL, PT_FULL},
    {"SESBulkTemplatedCrudPolicy", "IdentityName", "ses", PT_FULL},
    {"SESBulkTemplatedCrudPolicy_v2", "IdentityName", "ses", PT_FULL},
    {"SESCrudPolicy", "IdentityName", "ses", PT_FULL},
    {"SESEmailTemplateCrudPolicy", NULL, NULL, PT_FULL},
    {"SESSendBouncePolicy", "IdentityName", "ses", PT_WRITE},
    {"SNSCrudPolicy", "TopicName", "sns", PT_FULL},
    {"SNSPublishMessagePolicy", "TopicName", "sns", PT_WRITE},
    {"SQSPollerPolicy", "QueueName", "sqs", PT_FULL},
    {"SQSSendMessagePolicy", "QueueName", "sqs", PT_WRITE},
    {"SSMParameterReadPolicy", "ParameterName", "ssm", PT_READ},
    {"SSMParameterWithSlashPrefixReadPolicy", "ParameterName", "ssm", PT_READ},
    {"StepFunctionsCallbackPolicy", "StateMachineName", "states", PT_WRITE},
    {"StepFunctionsExecutionPolicy", "StateMachineName", "states", PT_WRITE},
    {"StepFunctionsExecutionPolicy_v2", "StateMachineName", "states", PT_WRITE},
    {"TextractDetectAnalyzePolicy", NULL, NULL, PT_READ},
    {"TextractGetResultPolicy", NULL, NULL, PT_READ},
    {"TextractPolicy", NULL, NULL, PT_FULL},
    {"VPCAccessPolicy", NULL, NULL, PT_WRITE},
    {NULL, NULL, NULL, PT_NONE},
};

const policy_template *policy_template_find(const char *name)
{
    if (!name)
        return NULL;
    for (const policy_template *p = policy_templates; p->name; p++)
        if (strcmp(p->name, name) == 0)
            return p;
    return NULL;
}

/* Source: the CloudFormation resource reference (each type's name
 * property) and the IAM service prefixes. To add a type: one line. */
const resource_naming resource_namings[] = {
    {"AWS::S3::Bucket", "s3", "BucketName"},
    {"AWS::DynamoDB::Table", "dynamodb", "TableName"},
    {"AWS::DynamoDB::GlobalTable", "dynamodb", "TableName"},
    {"AWS::Serverless::SimpleTable", "dynamodb", "TableName"},
    {"AWS::SQS::Queue", "sqs", "QueueName"},
    {"AWS::SNS::Topic", "sns", "TopicName"},
    {"AWS::Kinesis::Stream", "kinesis", "Name"},
    {"AWS::KinesisFirehose::DeliveryStream", "firehose", "DeliveryStreamName"},
    {"AWS::Lambda::Function", "lambda", "FunctionName"},
    {"AWS::Serverless::Function", "lambda", "FunctionName"},
    {"AWS::StepFunctions::StateMachine", "states", "StateMachineName"},
    {"AWS::Serverless::StateMachine", "states", "Name"},
    {"AWS::Events::EventBus", "events", "Name"},
    {"AWS::SecretsManager::Secret", "secretsmanager", "Name"},
    {"AWS::SSM::Parameter", "ssm", "Name"},
    {"AWS::Logs::LogGroup", "logs", "LogGroupName"},
    {"AWS::KMS::Key", "kms", NULL},
    {"AWS::CodeCommit::Repository", "codecommit", "RepositoryName"},
    {"AWS::EFS::FileSystem", "elasticfilesystem", NULL},
    {"AWS::Elasticsearch::Domain", "es", "DomainName"},
    {"AWS::OpenSearchService::Domain", "es", "DomainName"},
    {"AWS::Athena::WorkGroup", "athena", "Name"},
    {NULL, NULL, NULL},
};

const resource_naming *resource_naming_find(const char *type)
{
    if (!type)
        return NULL;
    for (const resource_naming *r = resource_namings; r->type; r++)
        if (strcmp(r->type, type) == 0)
            return r;
    return NULL;
}
