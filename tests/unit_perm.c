/* unit_perm: secret.c and policy.c unit checks; with a FILE argument, dump the permission graph. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "graph.h"
#include "graph_perm.h"
#include "policy.h"
#include "secret.h"
#include "tmpl.h"

static int failures;

static void expect(int cond, const char *name)
{
    if (cond) {
        printf("ok %s\n", name);
    } else {
        printf("not ok %s\n", name);
        failures++;
    }
}

static int find_key(const char *s, size_t *off)
{
    return secret_find_access_key(s, strlen(s), off);
}

static void secret_checks(void)
{
    size_t off = 99;
    expect(find_key("AKIAIOSFODNN7EXAMPLE", &off) && off == 0, "access key alone");
    expect(find_key("id=ASIAY34FZKBOKMUTVV7A;", &off) && off == 3, "access key inside text");
    expect(!find_key("AKIAIOSFODNN7EXAMPLEX", NULL), "access key followed by a word char");
    expect(!find_key("xAKIAIOSFODNN7EXAMPLE", NULL), "access key preceded by a word char");
    expect(!find_key("AKIA0000111188889999", NULL), "access key with 0/1/8/9");
    expect(!find_key("AXYZIOSFODNN7EXAMPLE", NULL), "unknown prefix");
    expect(!find_key("AKIAIOSF", NULL), "too short");
    expect(find_key("a AKIAI AKIAIOSFODNN7EXAMPLE", &off) && off == 8, "second candidate");
    expect(secret_is_secret_key_value("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", 40), "secret key value");
    expect(!secret_is_secret_key_value("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKE", 39), "39 chars");
    expect(!secret_is_secret_key_value("wJalrXUtnFEMI-K7MDENG/bPxRfiCYEXAMPLEKEY", 40), "bad char");
    const char *code = "key = \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"\n";
    expect(secret_find_secret_key_value(code, strlen(code), &off) && off == 7, "secret key in text");
    const char *word = "abcdefghijabcdefghijabcdefghijabcdefghij";
    expect(!secret_find_secret_key_value(word, strlen(word), NULL), "40 letters is not a key in text");
    expect(secret_name_says_secret_key("AWS_SECRET_ACCESS_KEY"), "AWS_SECRET_ACCESS_KEY");
    expect(secret_name_says_secret_key("SecretAccessKey"), "SecretAccessKey");
    expect(secret_name_says_secret_key("aws_secret"), "aws_secret");
    expect(!secret_name_says_secret_key("SecretArn"), "SecretArn is no secret key");
    expect(secret_name_looks_secret("DB_PASSWORD"), "DB_PASSWORD looks secret");
    expect(secret_name_looks_secret("apiKey"), "apiKey looks secret");
    expect(secret_name_looks_secret("PRIVATE-KEY"), "PRIVATE-KEY looks secret");
    expect(secret_name_looks_secret("GitHubToken"), "GitHubToken looks secret");
    expect(!secret_name_looks_secret("SecretArn"), "SecretArn does not");
    expect(!secret_name_looks_secret("TokenValidityUnits"), "TokenValidityUnits does not");
    expect(!secret_name_looks_secret("PasswordLength"), "PasswordLength does not");
    expect(!secret_name_looks_secret("Timeout"), "Timeout does not");
    expect(!secret_name_looks_secret("UserSecretName2"), "UserSecretName2 does not");
    char text[] = "k: AKIAIOSFODNN7EXAMPLE s: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    secret_mask_text(text, strlen(text));
    expect(strcmp(text, "k: AKIA**************** s: wJal************************************") == 0, "mask text");
    expect(secret_is_dynamic_ref("{{resolve:secretsmanager:x:SecretString:pw}}"), "dynamic reference");
}

static void policy_checks(void)
{
    char buf[64];
    expect(policy_action_access("s3:GetObject") == 1, "s3:GetObject reads");
    expect(policy_action_access("s3:Get*") == 1, "s3:Get* reads");
    expect(policy_action_access("dynamodb:query") == 1, "actions are case-insensitive");
    expect(policy_action_access("s3:PutObject") == 2, "s3:PutObject writes");
    expect(policy_action_access("s3:Put*") == 2, "s3:Put* writes");
    expect(policy_action_access("s3:*") == 3, "s3:* is full");
    expect(policy_action_access("s3:*Object") == 3, "s3:*Object is full");
    expect(policy_action_access("*") == 3, "* is full");
    expect(policy_action_access("nonsense") == 0, "no service");
    expect(policy_action_is_wildcard("sqs:*") && policy_action_is_wildcard("*"), "wildcards");
    expect(!policy_action_is_wildcard("sqs:Send*"), "partial wildcard");
    expect(policy_action_needs_star("xray:PutTraceSegments"), "xray:Put* needs *");
    expect(!policy_action_needs_star("xray:*"), "xray:* is not exempt");
    expect(policy_action_service("SQS:SendMessage", buf, sizeof buf) && strcmp(buf, "sqs") == 0, "service");
}

static void access_checks(void)
{
    const char *text = "Transform: AWS::Serverless-2016-10-31\nResources:\n"
                       "  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Policies:\n"
                       "        - S3ReadPolicy: {BucketName: !Ref B}\n"
                       "        - SQSSendMessagePolicy: {QueueName: !GetAtt Q.QueueName}\n"
                       "  B:\n    Type: AWS::S3::Bucket\n  Q:\n    Type: AWS::SQS::Queue\n"
                       "  T:\n    Type: AWS::DynamoDB::Table\n";
    doc_result r = doc_load("t.yaml", text, strlen(text), NULL);
    tmpl t;
    const char *why = NULL;
    if (!r.d || tmpl_build(&t, r.d, &why) != 0) {
        expect(0, "access template loads");
        return;
    }
    graph g;
    graph_build(&g, &t);
    const graph_perm *via = NULL;
    int fn = graph_resource(&g, "Fn");
    expect(graph_perm_access(&g, fn, graph_resource(&g, "B"), &via) == ACCESS_READ && via &&
               strcmp(via->action, "S3ReadPolicy") == 0, "access: read bucket via S3ReadPolicy");
    expect(graph_perm_access(&g, fn, graph_resource(&g, "Q"), NULL) == ACCESS_WRITE, "access: write queue");
    expect(graph_perm_access(&g, fn, graph_resource(&g, "T"), &via) == 0 && !via, "access: none on table");
    graph_release(&g);
    tmpl_release(&t);
    doc_free(r.d);
}

static int dump(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return 2;
    }
    char *bytes = NULL;
    size_t len = 0, cap = 0, n;
    char chunk[4096];
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (len + n + 1 > cap) {
            cap = (len + n + 1) * 2;
            char *grown = realloc(bytes, cap);
            if (!grown) {
                free(bytes);
                fclose(f);
                return 2;
            }
            bytes = grown;
        }
        memcpy(bytes + len, chunk, n);
        len += n;
    }
    fclose(f);
    doc_result r = doc_load(path, bytes ? bytes : "", len, NULL);
    free(bytes);
    if (!r.d || r.fatal) {
        if (r.d)
            doc_free(r.d);
        return 2;
    }
    tmpl t;
    const char *why = NULL;
    int rc = 2;
    if (tmpl_build(&t, r.d, &why) == 0) {
        graph g;
        graph_build(&g, &t);
        graph_perm_dump(&g, stdout);
        graph_release(&g);
        rc = 0;
    }
    tmpl_release(&t);
    doc_free(r.d);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc > 1)
        return dump(argv[1]);
    secret_checks();
    policy_checks();
    access_checks();
    return failures ? 1 : 0;
}
