/* managed_policies: AWS managed policies that grant broad access (SL113). */
#ifndef SAMLINT_MANAGED_POLICIES_H
#define SAMLINT_MANAGED_POLICIES_H

/* Names judged broad by themselves; ends with NULL. */
extern const char *const broad_managed_policies[];
/* Name endings judged broad ("FullAccess"); ends with NULL. */
extern const char *const broad_managed_policy_suffixes[];

/* Is the AWS managed policy `name` (no ARN prefix) broad? */
int managed_policy_is_broad(const char *name);

#endif
