/* readonly_actions: IAM action verbs that only read, and actions that need Resource "*". */
#ifndef SAMLINT_READONLY_ACTIONS_H
#define SAMLINT_READONLY_ACTIONS_H

/* Verb prefixes (the part after "service:") of read-only actions,
 * compared case-insensitively; ends with NULL. */
extern const char *const readonly_action_prefixes[];

/* Actions that AWS only grants on Resource "*" (or that are routinely
 * granted that way because they have no resource), compared
 * case-insensitively; a trailing '*' matches any rest. Ends with NULL. */
extern const char *const star_resource_actions[];

#endif
