/* sam_resources: the AWS::Serverless::* types and the CloudFormation resource each becomes. */
#ifndef SAMLINT_SAM_RESOURCES_H
#define SAMLINT_SAM_RESOURCES_H

typedef struct sam_resource {
    const char *type;      /* "AWS::Serverless::Function" */
    const char *cfn_type;  /* the registry type SAM gives the same logical id, or NULL */
} sam_resource;

/* The table, ending with {NULL, NULL}. */
extern const sam_resource sam_resources[];

/* The entry for a SAM type (exact), or NULL. */
const sam_resource *sam_resource_find(const char *type);

#endif
