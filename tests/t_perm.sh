# t_perm.sh: the permission graph (src/graph_perm.c) and the secret/policy
# helpers, through build/unit_perm (tests/unit_perm.c, built by make check).
PERM_BIN="$ROOT/build/unit_perm"
if [ ! -x "$PERM_BIN" ]; then
    not_ok "perm unit tests built" "build/unit_perm missing: run make check"
    return 0 2>/dev/null || exit 0
fi

"$PERM_BIN" > perm_unit.txt 2>&1
while IFS= read -r line; do
    case "$line" in
        "ok "*) ok "perm unit: ${line#ok }" ;;
        "not ok "*) not_ok "perm unit: ${line#not ok }" "" ;;
    esac
done < perm_unit.txt
grep -q '^ok ' perm_unit.txt || not_ok "perm unit tests ran" "$(head -5 perm_unit.txt)"

# perm_case NAME: the template on stdin, the expected dump in $PERM_EXPECT.
perm_case() {
    cat > "$TMP/perm_$1.yaml"
    check "perm graph: $1" "$PERM_EXPECT" "$("$PERM_BIN" "$TMP/perm_$1.yaml" | sort)"
}

PERM_EXPECT=$(sort <<'X'
Fn -> Bucket full S3CrudPolicy 13:25
Fn -> Table read DynamoDBReadPolicy 15:24
Fn -> Queue write SQSSendMessagePolicy 17:24
Fn -> Topic write SNSPublishMessagePolicy 19:24
Fn -> 'elsewhere' write SQSSendMessagePolicy 21:24
X
)
perm_case templates <<'EOF_T'
Transform: AWS::Serverless-2016-10-31
Parameters:
  TopicNameParam:
    Type: String
    Default: alerts
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Policies:
        - S3CrudPolicy:
            BucketName: !Ref Bucket
        - DynamoDBReadPolicy:
            TableName: orders
        - SQSSendMessagePolicy:
            QueueName: !GetAtt Queue.QueueName
        - SNSPublishMessagePolicy:
            TopicName: !Ref TopicNameParam
        - SQSSendMessagePolicy:
            QueueName: elsewhere
        - CloudWatchPutMetricPolicy: {}
  Bucket:
    Type: AWS::S3::Bucket
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: orders
  Queue:
    Type: AWS::SQS::Queue
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: alerts
EOF_T

PERM_EXPECT=$(sort <<'X'
Fn -> Bucket read s3:GetObject 15:25
Fn -> Bucket write s3:PutObject 15:25
Fn -> Table write dynamodb:PutItem 22:19
Fn -> Stream write kinesis:PutRecord 25:25
Fn -> Stream read kinesis:DescribeStream 25:25
Fn -> '*' read logs:GetLogEvents 28:25
Fn -> Table read dynamodb:GetItem 32:36
X
)
perm_case statements <<'EOF_T'
Transform: AWS::Serverless-2016-10-31
Conditions:
  IsProd: !Equals [!Ref AWS::StackName, prod]
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Policies:
        - Statement:
            - Effect: Allow
              Action:
                - s3:GetObject
                - s3:PutObject
              Resource: !Sub '${Bucket.Arn}/*'
            - Effect: Deny
              Action: sqs:*
              Resource: !GetAtt Queue.Arn
            - Effect: Allow
              Action: [dynamodb:PutItem, s3:DeleteObject]
              Resource:
                - arn:aws:dynamodb:us-east-1:123456789012:table/orders
            - Effect: Allow
              Action: !If [IsProd, kinesis:PutRecord, kinesis:DescribeStream]
              Resource: !GetAtt Stream.Arn
            - Effect: Allow
              Action: logs:GetLogEvents
              Resource: '*'
        - Statement:
            Effect: Allow
            Action: dynamodb:GetItem
            Resource: !If [IsProd, !GetAtt Table.Arn, !Ref AWS::NoValue]
  Bucket:
    Type: AWS::S3::Bucket
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: orders
  Queue:
    Type: AWS::SQS::Queue
  Stream:
    Type: AWS::Kinesis::Stream
EOF_T

PERM_EXPECT=$(sort <<'X'
Fn -> Queue write sqs:SendMessage 28:27
Fn -> Topic write sns:Publish 42:23
Fn -> Bucket write s3:PutObject 50:23
X
)
perm_case roles <<'EOF_T'
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Role: !GetAtt FnRole.Arn
  Other:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Role: !GetAtt OtherRole.Arn
  FnRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: lambda.amazonaws.com}
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - !Ref Managed
      Policies:
        - PolicyName: inline
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: sqs:SendMessage
                Resource: !GetAtt Queue.Arn
  OtherRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {}
  Attached:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: attached
      Roles: [!Ref FnRole]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: sns:Publish
            Resource: !Ref Topic
  Managed:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: s3:PutObject
            Resource: arn:aws:s3:::uploads-bucket/*
  QueuePolicy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Queue]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: '*'
            Action: sqs:SendMessage
            Resource: !GetAtt Queue.Arn
  Queue:
    Type: AWS::SQS::Queue
  Topic:
    Type: AWS::SNS::Topic
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: uploads-bucket
EOF_T

PERM_EXPECT=$(sort <<'X'
Fn -> Table full Write 9:17
Fn -> Bucket read Read 19:15
Fn -> Queue read Read 20:15
X
)
perm_case connectors <<'EOF_T'
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Connectors:
      ToTable:
        Properties:
          Destination:
            Id: Table
          Permissions: [Read, Write]
    Properties:
      Runtime: python3.12
  Conn:
    Type: AWS::Serverless::Connector
    Properties:
      Source:
        Id: Fn
      Destination:
        - Id: Bucket
        - Id: Queue
      Permissions:
        - Read
  BucketToFn:
    Type: AWS::Serverless::Connector
    Properties:
      Source:
        Id: Bucket
      Destination:
        Id: Fn
      Permissions: [Write]
  Table:
    Type: AWS::Serverless::SimpleTable
  Bucket:
    Type: AWS::S3::Bucket
  Queue:
    Type: AWS::SQS::Queue
EOF_T

PERM_EXPECT=$(sort <<'X'
Fn -> Bucket full S3CrudPolicy 12:25
Fn -> Bucket write s3:PutObject 18:25
Fn -> Table read DynamoDBReadPolicy 14:24
X
)
perm_case same-names <<'EOF_T'
Transform: AWS::Serverless-2016-10-31
Parameters:
  TableNameParam:
    Type: String
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Policies:
        - S3CrudPolicy:
            BucketName: !Sub '${AWS::StackName}-uploads'
        - DynamoDBReadPolicy:
            TableName: !Ref TableNameParam
        - Statement:
            - Effect: Allow
              Action: s3:PutObject
              Resource: !Sub 'arn:${AWS::Partition}:s3:::${AWS::StackName}-uploads/*'
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub '${AWS::StackName}-uploads'
  Other:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub '${AWS::StackName}-other'
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: !Ref TableNameParam
EOF_T
