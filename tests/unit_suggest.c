/* unit_suggest: the "did you mean" suggester. */
#include <stdio.h>
#include <string.h>

#include "suggest.h"

static int failures;

static void expect(const char *word, const char *const *cands, size_t n, const char *want)
{
    suggest s;
    suggest_init(&s, word, strlen(word));
    for (size_t i = 0; i < n; i++) suggest_offer(&s, cands[i], strlen(cands[i]));
    size_t len;
    const char *got = suggest_best(&s, &len);
    int ok = want ? (got && len == strlen(want) && memcmp(got, want, len) == 0) : got == NULL;
    printf("%s suggest %.24s -> %s\n", ok ? "ok" : "not ok", word, want ? want : "(none)");
    if (!ok) failures++;
}

int main(void)
{
    static const char *const props[] = {"MemorySize", "Timeout", "Runtime", "Handler", "CodeUri",
                                        "Environment", "Events", "Policies"};
    static const char *const runtimes[] = {"nodejs18.x", "nodejs20.x", "nodejs22.x", "python3.12",
                                           "python3.13", "java21"};
    static const char *const types[] = {"AWS::SQS::Queue", "AWS::SQS::QueuePolicy", "AWS::SNS::Topic"};
    expect("MemorySise", props, 8, "MemorySize");
    expect("timeout", props, 8, "Timeout");
    expect("Handeler", props, 8, "Handler");
    expect("CodeURI", props, 8, "CodeUri");
    expect("Evnets", props, 8, "Events");
    expect("Zzzzzzzz", props, 8, NULL);
    expect("Tags", props, 8, NULL);
    expect("nodejs22", runtimes, 6, "nodejs22.x");
    expect("python3.21", runtimes, 6, "python3.12");
    expect("AWS::SQS::Queu", types, 3, "AWS::SQS::Queue");
    expect("MemorySize", props, 8, NULL); /* the word itself is no suggestion */
    /* Letter case alone, however many letters: the name meant. */
    static const char *const enums[] = {"TRIM_HORIZON", "LATEST", "AT_TIMESTAMP", "PAY_PER_REQUEST",
                                        "PROVISIONED", "NEW_AND_OLD_IMAGES", "NEW_IMAGE", "SQS", "SNS"};
    expect("latest", enums, 9, "LATEST");
    expect("pay_per_request", enums, 9, "PAY_PER_REQUEST");
    expect("new_image", enums, 9, "NEW_IMAGE");
    expect("sqs", enums, 9, "SQS");
    expect("trim_horizon", enums, 9, "TRIM_HORIZON");
    expect("LATESTT", enums, 9, "LATEST");
    /* Equally close: the name the word begins, wherever it is offered. */
    static const char *const dn[] = {"AWS::ApiGateway::DomainName", "AWS::ApiGateway::DomainNameV2"};
    expect("AWS::ApiGateway::DomainNameV", dn, 2, "AWS::ApiGateway::DomainNameV2");
    expect("AWS::ApiGateway::DomainNam", dn, 2, "AWS::ApiGateway::DomainName");
    char longword[300];
    memset(longword, 'a', sizeof longword - 1);
    longword[sizeof longword - 1] = 0;
    expect(longword, props, 8, NULL);
    return failures ? 1 : 0;
}
