/* managed_policies: AWS managed policies that grant broad access (SL113).
 *
 * Source: the AWS managed policy reference (job-function policies
 * AdministratorAccess and PowerUserAccess; every "...FullAccess" policy
 * grants all actions of its service on every resource). To add one: its
 * exact name, or a name ending. */
#include "managed_policies.h"

#include <stddef.h>
#include <string.h>

const char *const broad_managed_policies[] = {
    "AdministratorAccess", "PowerUserAccess", "IAMFullAccess", "AdministratorAccess-Amplify",
    "AdministratorAccess-AWSElasticBeanstalk", NULL
};

const char *const broad_managed_policy_suffixes[] = {
    "FullAccess", "FullAccessV2", NULL
};

int managed_policy_is_broad(const char *name)
{
    if (!name)
        return 0;
    for (size_t i = 0; broad_managed_policies[i]; i++)
        if (strcmp(name, broad_managed_policies[i]) == 0)
            return 1;
    size_t n = strlen(name);
    for (size_t i = 0; broad_managed_policy_suffixes[i]; i++) {
        size_t m = strlen(broad_managed_policy_suffixes[i]);
        if (n > m && strcmp(name + n - m, broad_managed_policy_suffixes[i]) == 0)
            return 1;
    }
    return 0;
}
