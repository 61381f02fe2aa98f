#!/bin/sh
# gen_template.sh: writes large or hostile templates to stdout, for tests and `make bench`.
#
#   gen_template.sh resources N   N resources (functions, tables, queues, roles) that refer to each other
#   gen_template.sh nesting N     a value nested N flow sequences deep
#   gen_template.sh ifs N         Fn::If nested N deep in both long and short form
#   gen_template.sh sub N         a !Sub with N variables, N parameters, and a Sub variable map of N
#   gen_template.sh aliasbomb N   "billion laughs": N levels of anchors, each aliasing the last 9 times
#   gen_template.sh big MB        a valid template padded with comments to MB mebibytes
#   gen_template.sh wide N        one mapping with N keys, one sequence with N items
#   gen_template.sh aliaschain N  statements nested N deep through a chain of aliases, used everywhere
#   gen_template.sh params N      N unused parameters and N/2 outputs naming nothing (one finding each)
#   gen_template.sh depends N     N queues and a DependsOn list of N names that resolve and N that do not
#   gen_template.sh aliasorder N  N resources whose bodies are aliases defined in reverse order
#   gen_template.sh mixed N       N units of a function with every event type, its bucket, queue,
#                                 topic, table, APIs, log group, permissions, mapping, rule, role...
#   gen_template.sh jsonline N    a one-line JSON template (as json.dumps writes it) of N queues: N findings
#   gen_template.sh ignorefile N  N queues and N `# samlint: ignore-file SL302` comments
#   gen_template.sh globals N     N functions that inherit one deprecated Runtime from Globals: one
#                                 finding there that names the N functions it applies to
# The last seven caught quadratic code: each must take time linear in N.
set -eu

mode=${1:-}
n=${2:-}
case $n in ''|*[!0-9]*) echo "usage: gen_template.sh resources|nesting|ifs|sub|aliasbomb|big|wide|params|depends|aliasorder|mixed|aliaschain|jsonline|ignorefile|globals N" >&2; exit 2 ;; esac

header() {
    printf 'AWSTemplateFormatVersion: "2010-09-09"\n'
    printf 'Transform: AWS::Serverless-2016-10-31\n'
}

case $mode in
resources)
    header
    awk -v n="$n" 'BEGIN {
        print "Parameters:"
        print "  Stage:"
        print "    Type: String"
        print "    Default: prod"
        print "Globals:"
        print "  Function:"
        print "    Timeout: 10"
        print "    MemorySize: 256"
        print "Resources:"
        for (i = 0; i < n; i++) {
            kind = i % 4
            if (kind == 0) {
                printf "  Fn%d:\n", i
                print  "    Type: AWS::Serverless::Function"
                print  "    Properties:"
                print  "      Runtime: python3.12"
                print  "      Handler: index.handler"
                print  "      InlineCode: |"
                print  "        import os"
                print  "        def handler(event, context):"
                print  "            try:"
                print  "                return os.environ[\"TABLE\"]"
                print  "            except KeyError:"
                print  "                return None"
                print  "      Tracing: Active"
                print  "      Environment:"
                print  "        Variables:"
                if (i + 1 < n) printf "          TABLE: !Ref Table%d\n", i + 1
                else           print  "          TABLE: !Ref Stage"
                printf "          STAGE: !Sub \"${Stage}-${AWS::Region}-%d\"\n", i
                print  "      Policies:"
                if (i + 1 < n) printf "        - DynamoDBReadPolicy:\n            TableName: !Ref Table%d\n", i + 1
                else           print  "        - AWSLambdaBasicExecutionRole"
                if (i + 2 < n) {
                    print  "      Events:"
                    print  "        Queue:"
                    print  "          Type: SQS"
                    print  "          Properties:"
                    printf "            Queue: !GetAtt Queue%d.Arn\n", i + 2
                    print  "            BatchSize: 1"
                }
            } else if (kind == 1) {
                printf "  Table%d:\n", i
                print  "    Type: AWS::DynamoDB::Table"
                print  "    Properties:"
                print  "      BillingMode: PAY_PER_REQUEST"
                print  "      AttributeDefinitions:"
                print  "        - AttributeName: id"
                print  "          AttributeType: S"
                print  "      KeySchema:"
                print  "        - AttributeName: id"
                print  "          KeyType: HASH"
            } else if (kind == 2) {
                printf "  Queue%d:\n", i
                print  "    Type: AWS::SQS::Queue"
                print  "    Properties:"
                print  "      VisibilityTimeout: 120"
                print  "      RedrivePolicy:"
                printf "        deadLetterTargetArn: !GetAtt Dlq%d.Arn\n", i + 1
                print  "        maxReceiveCount: 5"
            } else {
                printf "  Dlq%d:\n", i
                print  "    Type: AWS::SQS::Queue"
                print  "    Properties:"
                print  "      MessageRetentionPeriod: 1209600"
                printf "    DependsOn: Fn%d\n", i - 3
            }
        }
        print "Outputs:"
        print "  First:"
        print "    Value: !GetAtt Fn0.Arn"
    }'
    ;;
nesting)
    header
    printf 'Resources:\n  Deep:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags: '
    awk -v n="$n" 'BEGIN { s = ""; for (i = 0; i < n; i++) s = s "["; printf "%s", s; printf "x"; s = ""; for (i = 0; i < n; i++) s = s "]"; print s }'
    ;;
ifs)
    header
    awk -v n="$n" 'BEGIN {
        print "Parameters:"
        print "  Env:"
        print "    Type: String"
        print "    Default: dev"
        print "Conditions:"
        print "  IsProd: !Equals [!Ref Env, prod]"
        s = "!Not [!Condition IsProd]"
        for (i = 0; i < n; i++) s = "!And [" s ", !Condition IsProd]"
        print "  Deep: " s
        print "Resources:"
        print "  Fn:"
        print "    Type: AWS::Serverless::Function"
        print "    Properties:"
        print "      Runtime: python3.12"
        print "      Handler: index.handler"
        print "      CodeUri: s3://bucket/key.zip"
        # short form, nested in the first branch
        s = "30"
        for (i = 0; i < n; i++) s = "!If [IsProd, " s ", " (i % 60) + 1 "]"
        print "      Timeout: " s
        # long form, nested in the second branch
        printf "      MemorySize:\n"
        ind = "        "
        for (i = 0; i < n; i++) {
            printf "%sFn::If:\n%s  - IsProd\n%s  - %d\n%s  -\n", ind, ind, ind, 128 + i, ind
            ind = ind "    "
        }
        printf "%s1024\n", ind
        # a runtime chosen through nested ifs in both branches via Ref to parameters
        s = "python3.12"
        for (i = 0; i < n; i++) s = "!If [Deep, " s ", !Ref Env]"
        print "      Description: " s
    }'
    ;;
sub)
    header
    awk -v n="$n" 'BEGIN {
        print "Parameters:"
        for (i = 0; i < n; i++) printf "  P%d:\n    Type: String\n    Default: v%d\n", i, i
        print "Resources:"
        print "  Topic:"
        print "    Type: AWS::SNS::Topic"
        print "    Properties:"
        printf "      TopicName: !Sub \""
        for (i = 0; i < n; i++) printf "${P%d}-${!Lit%d}-", i, i
        print "${AWS::Region}\""
        print "      DisplayName:"
        print "        Fn::Sub:"
        printf "          - \""
        for (i = 0; i < n; i++) printf "${V%d}.", i
        print "\""
        print "          -"
        for (i = 0; i < n; i++) printf "            V%d: !Ref P%d\n", i, i
    }'
    ;;
aliasbomb)
    header
    printf 'Resources:\n  Bomb:\n    Type: AWS::SQS::Queue\n    Metadata:\n'
    printf '      L0: &L0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n'
    i=1
    while [ "$i" -le "$n" ]; do
        p=$((i - 1))
        printf '      L%d: &L%d [*L%d, *L%d, *L%d, *L%d, *L%d, *L%d, *L%d, *L%d, *L%d]\n' \
            "$i" "$i" "$p" "$p" "$p" "$p" "$p" "$p" "$p" "$p" "$p"
        i=$((i + 1))
    done
    printf '    Properties:\n      Tags: *L%d\n' "$n"
    ;;
big)
    header
    printf 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n'
    # 64-byte comment lines up to MB mebibytes
    yes '# padding padding padding padding padding padding padding paddin' | head -n $((n * 16384))
    ;;
wide)
    header
    printf 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Metadata:\n      Wide:\n'
    awk -v n="$n" 'BEGIN {
        for (i = 0; i < n; i++) printf "        k%d: v%d\n", i, i
        print "      Long:"
        for (i = 0; i < n; i++) printf "        - item%d\n", i
    }'
    ;;
params)
    header
    awk -v n="$n" 'BEGIN {
        print "Parameters:"
        for (i = 0; i < n; i++) printf "  P%d:\n    Type: String\n", i
        print "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\nOutputs:"
        for (i = 0; i < n / 2; i++) printf "  O%d:\n    Value: !Ref Missing%d\n", i, i
    }'
    ;;
depends)
    header
    awk -v n="$n" 'BEGIN {
        print "Resources:"
        for (i = 0; i < n; i++) printf "  Q%d:\n    Type: AWS::Serverless::SimpleTable\n", i
        print "  Topic:\n    Type: AWS::SNS::Topic\n    DependsOn:"
        for (i = 0; i < n; i++) printf "      - Q%d\n      - Nope%d\n", i, i
    }'
    ;;
aliasorder)
    header
    awk -v n="$n" 'BEGIN {
        print "Metadata:\n  Bodies:"
        for (i = n - 1; i >= 0; i--) printf "    - &b%d {Type: AWS::SNS::Topic}\n", i
        print "Resources:"
        for (i = 0; i < n; i++) printf "  R%d: *b%d\n", i, i
    }'
    ;;
aliaschain)
    header
    awk -v n="$n" 'BEGIN {
        print "Metadata:\n  Chain:"
        print "    - &a0 {Action: \"s3:*\", Effect: Allow, Resource: \"*\", Password: hunter2}"
        for (i = 1; i < n; i++) printf "    - &a%d {Statement: [*a%d], Password: hunter2}\n", i, i - 1
        last = "*a" (n - 1)
        print "Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:"
        print "      Runtime: python3.12\n      Handler: a.b\n      InlineCode: x"
        print "      Environment:\n        Variables: " last
        print "      Policies:\n        - " last "\n        - Statement: [" last "]"
        print "      Tags: " last "\n      Events:\n        E: " last
        print "  R:\n    Type: AWS::IAM::Role\n    Properties:"
        print "      Policies: [{PolicyDocument: " last "}]\n      AssumeRolePolicyDocument: " last
    }'
    ;;
jsonline)
    awk -v n="$n" 'BEGIN {
        printf "{\"Resources\": {"
        for (i = 0; i < n; i++) printf "%s\"Queue%d\": {\"Type\": \"AWS::SQS::Queue\"}", i ? ", " : "", i
        print "}}"
    }'
    ;;
ignorefile)
    header
    awk -v n="$n" 'BEGIN {
        print "Resources:"
        for (i = 0; i < n; i++) printf "  # samlint: ignore-file SL302 -- queue %d is fed by a retrying client\n  Q%d:\n    Type: AWS::SQS::Queue\n", i, i
    }'
    ;;
globals)
    header
    printf 'Globals:\n  Function:\n    Runtime: python2.7\n    Handler: app.handler\n    CodeUri: s3://b/k\n    Timeout: 30\n    MemorySize: 512\n'
    printf 'Resources:\n'
    awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf "  Fn%d:\n    Type: AWS::Serverless::Function\n", i }'
    ;;
mixed)
    header
    printf 'Globals:\n  Function:\n    Timeout: 60\nResources:\n'
    i=0
    while [ "$i" -lt "$n" ]; do
        cat <<T
  F$i:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      InlineCode: |
        import boto3
        def handler(e, c):
            return boto3.client("s3").list_buckets()
      Policies:
        - S3CrudPolicy: {BucketName: !Ref B$i}
        - SQSSendMessagePolicy: {QueueName: !GetAtt Q$i.QueueName}
        - Statement: [{Effect: Allow, Action: "s3:*", Resource: "*"}]
      Environment: {Variables: {TABLE_NAME: t$i, PASSWORD: hunter2}}
      Events:
        A: {Type: Api, Properties: {RestApiId: !Ref Api$i, Path: /x, Method: get}}
        H: {Type: HttpApi, Properties: {ApiId: !Ref Http$i}}
        S: {Type: S3, Properties: {Bucket: !Ref B$i, Events: "s3:ObjectCreated:*"}}
        Q: {Type: SQS, Properties: {Queue: !GetAtt Q$i.Arn, BatchSize: 5}}
        T: {Type: SNS, Properties: {Topic: !Ref T$i}}
        D: {Type: DynamoDB, Properties: {Stream: !GetAtt Tab$i.StreamArn, StartingPosition: LATEST}}
        E: {Type: EventBridgeRule, Properties: {Pattern: {source: [x]}}}
        C: {Type: Schedule, Properties: {Schedule: rate(1 minute)}}
  B$i: {Type: AWS::S3::Bucket}
  Q$i: {Type: AWS::SQS::Queue, Properties: {VisibilityTimeout: 30}}
  T$i: {Type: AWS::SNS::Topic}
  Tab$i: {Type: AWS::DynamoDB::Table, Properties: {TableName: tab$i, KeySchema: [{AttributeName: id, KeyType: HASH}], AttributeDefinitions: [{AttributeName: id, AttributeType: S}], StreamSpecification: {StreamViewType: NEW_IMAGE}}}
  Api$i: {Type: AWS::Serverless::Api, Properties: {StageName: prod}}
  Http$i: {Type: AWS::Serverless::HttpApi}
  L$i: {Type: AWS::Logs::LogGroup, Properties: {LogGroupName: !Sub "/aws/lambda/\${F$i}", RetentionInDays: 7}}
  P$i: {Type: AWS::Lambda::Permission, Properties: {FunctionName: !Ref F$i, Action: "lambda:InvokeFunction", Principal: "*"}}
  P2$i: {Type: AWS::Lambda::Permission, Properties: {FunctionName: !Ref F$i, Action: "lambda:InvokeFunction", Principal: sns.amazonaws.com}}
  M$i: {Type: AWS::Lambda::EventSourceMapping, Properties: {FunctionName: !Ref F$i, EventSourceArn: !GetAtt K$i.Arn}}
  K$i: {Type: AWS::Kinesis::Stream, Properties: {ShardCount: 1}}
  R$i: {Type: AWS::Events::Rule, Properties: {ScheduleExpression: rate(1 hour), Targets: [{Id: t, Arn: !GetAtt F$i.Arn}]}}
  Sub$i: {Type: AWS::SNS::Subscription, Properties: {TopicArn: !Ref T$i, Protocol: lambda, Endpoint: !GetAtt F$i.Arn}}
  Role$i: {Type: AWS::IAM::Role, Properties: {AssumeRolePolicyDocument: {}, ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]}}
  SM$i: {Type: AWS::Serverless::StateMachine, Properties: {Definition: {}}}
  St$i: {Type: AWS::ApiGateway::Stage, Properties: {RestApiId: !Ref Api$i}}
  Eic$i: {Type: AWS::Lambda::EventInvokeConfig, Properties: {FunctionName: !Ref F$i, Qualifier: \$LATEST}}
T
        i=$((i + 1))
    done
    ;;
*)
    echo "gen_template.sh: unknown mode '$mode'" >&2
    exit 2
    ;;
esac
