/* policy_templates: SAM policy templates and the resources they grant access to. */
#ifndef SAMLINT_POLICY_TEMPLATES_H
#define SAMLINT_POLICY_TEMPLATES_H

/* Access bits, the same values as graph.h's ACCESS_READ / ACCESS_WRITE. */
enum { PT_NONE = 0, PT_READ = 1, PT_WRITE = 2, PT_FULL = 3 };

typedef struct policy_template {
    const char *name;      /* "DynamoDBCrudPolicy" */
    const char *param;     /* the parameter naming its resource ("TableName"), or NULL */
    const char *service;   /* IAM service prefix of the resource ("dynamodb"), or NULL */
    int access;            /* PT_* on that resource */
} policy_template;

/* Sorted by nothing; ends with {0}. */
extern const policy_template policy_templates[];

/* The template named `name` (exact), or NULL. */
const policy_template *policy_template_find(const char *name);

/* How a resource type is named and which IAM service owns it. */
typedef struct resource_naming {
    const char *type;        /* "AWS::S3::Bucket" */
    const char *service;     /* "s3" */
    const char *name_prop;   /* property holding its literal name ("BucketName"), or NULL */
} resource_naming;

extern const resource_naming resource_namings[];

/* The entry for a resource type, or NULL. */
const resource_naming *resource_naming_find(const char *type);

#endif
