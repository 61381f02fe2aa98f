/* trigger_writes: what a function must be allowed to do to re-trigger its own event source. */
#ifndef SAMLINT_TRIGGER_WRITES_H
#define SAMLINT_TRIGGER_WRITES_H

typedef struct trigger_write {
    const char *type;      /* the source's resource type ("AWS::S3::Bucket") */
    const char *grant;     /* an IAM action ("s3:PutObject"), or a SAM policy template name */
} trigger_write;

/* Ends with {0}. */
extern const trigger_write trigger_writes[];

/* Does `type` have an entry at all (is it a source SL307 knows)? */
int trigger_type_known(const char *type);
/* Is `grant` (a policy template name) listed for `type`? Exact match. */
int trigger_template_writes(const char *type, const char *grant);
/* Does the IAM action pattern `action` ("s3:Put*", "*", "sqs:SendMessage")
 * allow one of the listed actions for `type`? Case-insensitive, '*' and '?'
 * wildcards. */
int trigger_action_writes(const char *type, const char *action);

#endif
