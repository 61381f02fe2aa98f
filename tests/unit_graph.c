/* unit_graph: references, SAM-generated names, targets and event edges. */
#include <stdio.h>
#include <string.h>

#include "eval.h"
#include "graph.h"
#include "unit.h"


static const char template_text[] =
    "Transform: AWS::Serverless-2016-10-31\n"
    "Parameters:\n"
    "  Stage: {Type: String, Default: dev}\n"
    "Conditions:\n"
    "  IsProd: !Equals [!Ref Stage, prod]\n"
    "Resources:\n"
    "  Fn:\n"
    "    Type: AWS::Serverless::Function\n"
    "    Properties:\n"
    "      Timeout: !If [IsProd, 10, 20]\n"
    "      Events:\n"
    "        Upload: {Type: S3, Properties: {Bucket: !Ref Bucket, Events: 's3:ObjectCreated:*'}}\n"
    "        Jobs: {Type: SQS, Properties: {Queue: !GetAtt Queue.Arn}}\n"
    "        Note: {Type: SNS, Properties: {Topic: !Ref Topic}}\n"
    "        Get: {Type: Api, Properties: {Path: /, Method: get}}\n"
    "  Plain:\n"
    "    Type: AWS::Lambda::Function\n"
    "    Properties:\n"
    "      Role: !GetAtt FnRole.Arn\n"
    "  Mapping:\n"
    "    Type: AWS::Lambda::EventSourceMapping\n"
    "    Properties:\n"
    "      FunctionName: !Ref Plain\n"
    "      EventSourceArn: !GetAtt Stream.Arn\n"
    "  Perm:\n"
    "    Type: AWS::Lambda::Permission\n"
    "    Properties:\n"
    "      FunctionName: !GetAtt Plain.Arn\n"
    "      Principal: sns.amazonaws.com\n"
    "      SourceArn: !Ref Topic\n"
    "  Bucket:\n"
    "    Type: AWS::S3::Bucket\n"
    "    Properties:\n"
    "      NotificationConfiguration:\n"
    "        LambdaConfigurations:\n"
    "          - Event: 's3:ObjectCreated:*'\n"
    "            Function: !Sub '${Plain.Arn}'\n"
    "  Queue: {Type: AWS::SQS::Queue}\n"
    "  Stream: {Type: AWS::Kinesis::Stream}\n"
    "  Topic: {Type: AWS::SNS::Topic}\n"
    "  Sub:\n"
    "    Type: AWS::SNS::Subscription\n"
    "    Properties: {Protocol: lambda, Endpoint: !GetAtt Plain.Arn, TopicArn: !Ref Topic}\n"
    "  Rule:\n"
    "    Type: AWS::Events::Rule\n"
    "    Properties:\n"
    "      Targets: [{Id: t, Arn: !GetAtt Plain.Arn}]\n";

static const graph_event *find_event(const graph *g, enum graph_event_origin origin, const char *type)
{
    for (size_t i = 0; i < g->n_events; i++)
        if (g->events[i].origin == origin && strcmp(g->events[i].type, type) == 0) return &g->events[i];
    return NULL;
}

int main(void)
{
    doc_result r = doc_load("t.yaml", template_text, strlen(template_text), NULL);
    tmpl t;
    const char *why = NULL;
    expect(!r.fatal && tmpl_build(&t, r.d, &why) == 0, "template builds", why ? why : "parse");
    graph g;
    graph_build(&g, &t);
    int fn = graph_resource(&g, "Fn"), plain = graph_resource(&g, "Plain");
    expect(fn >= 0 && plain >= 0, "resources found by id", "missing");
    expect(graph_lookup(&g, "FnRole") == SYM_SAM_GENERATED, "FnRole is SAM-generated", "not");
    expect(graph_lookup(&g, "ServerlessRestApi") == SYM_SAM_GENERATED, "ServerlessRestApi is SAM-generated", "not");
    expect(graph_lookup(&g, "AWS::Region") == SYM_PSEUDO, "pseudo parameter", "not");
    expect(graph_lookup(&g, "Nope") == -1, "undefined name", "found");
    expect(graph_lookup(&g, "IsProd") == SYM_CONDITION, "condition symbol", "not");

    const graph_event *e = find_event(&g, EV_SAM_EVENT, "S3");
    expect(e && e->function == fn && e->async && e->source == graph_resource(&g, "Bucket"), "SAM S3 event", "wrong");
    e = find_event(&g, EV_SAM_EVENT, "SQS");
    expect(e && !e->async && e->source == graph_resource(&g, "Queue"), "SAM SQS event (sync, queue source)", "wrong");
    e = find_event(&g, EV_SAM_EVENT, "SNS");
    expect(e && e->async && e->source == graph_resource(&g, "Topic"), "SAM SNS event", "wrong");
    e = find_event(&g, EV_MAPPING, "Kinesis");
    expect(e && e->function == plain && e->source == graph_resource(&g, "Stream"), "event source mapping", "wrong");
    e = find_event(&g, EV_PERMISSION, "sns.amazonaws.com");
    expect(e && e->function == plain && e->async && e->source == graph_resource(&g, "Topic"), "permission", "wrong");
    e = find_event(&g, EV_S3_NOTIFICATION, "S3");
    expect(e && e->function == plain && e->source == graph_resource(&g, "Bucket"), "bucket notification via Sub", "wrong");
    e = find_event(&g, EV_SNS_SUBSCRIPTION, "SNS");
    expect(e && e->function == plain && e->source == graph_resource(&g, "Topic"), "SNS subscription", "wrong");
    e = find_event(&g, EV_EVENTS_RULE, "EventBridge");
    expect(e && e->function == plain && e->source == graph_resource(&g, "Rule"), "events rule target", "wrong");

    int refs_to_topic = 0;
    for (size_t i = 0; i < g.n_refs; i++)
        if (g.refs[i].to == graph_resource(&g, "Topic")) refs_to_topic++;
    expect(refs_to_topic == 3, "three references to Topic", "count");
    expect(graph_resource_of(&g, t.res[fn].props) == fn, "resource_of a node inside a resource", "wrong");
    expect(graph_resource_of(&g, t.parameters) == -1, "resource_of outside resources", "wrong");

    eval_value v[EVAL_MAX];
    int n = eval_values(&t, doc_get(r.d, t.res[fn].props, "Timeout"), v);
    expect(n == 2 && doc_str_eq(r.d, v[0].value, "10") && doc_str_eq(r.d, v[1].value, "20"), "If yields both branches", "wrong");
    doc_id stage_ref = doc_get(r.d, doc_get(r.d, t.conditions, "IsProd"), "Fn::Equals");
    n = eval_values(&t, doc_item(r.d, stage_ref, 0), v);
    expect(n == 1 && doc_str_eq(r.d, v[0].value, "dev"), "Ref gives the parameter Default", "wrong");
    graph_release(&g);
    tmpl_release(&t);
    doc_free(r.d);
    return failures ? 1 : 0;
}
