/* params: parameter values given for a lint (--parameters, --parameters-file):
 * the deploy's values stand in for the template's Defaults. */
#ifndef SAMLINT_PARAMS_H
#define SAMLINT_PARAMS_H

#include <stdatomic.h>
#include <stddef.h>

typedef struct param_value {
    char *name;
    char *value;
    atomic_int used;   /* some linted template declares the name (set by workers) */
} param_value;

typedef struct param_list {
    param_value *items;
    size_t n;
} param_list;

/* Limits on what strangers' files and command lines can ask for: more
 * names than any stack has (CloudFormation allows 200 parameters), and a
 * value as long as CloudFormation takes (4,096 bytes). */
#define PARAMS_MAX 1000
#define PARAMS_MAX_VALUE 4096
#define PARAMS_MAX_FILE (1024 * 1024)

/* Add the pairs of one argument: "Key=Value" items separated by commas or
 * blanks, a value running on to the next separator that is followed by
 * another "Name=" (so "Subnets=a,b" keeps "a,b"); a value may be quoted
 * ("..." with \" and \\ escapes, or '...'); the create-stack form
 * "ParameterKey=K,ParameterValue=V" (UsePreviousValue=true: the Default
 * stays) too. A name given again takes the new value. Returns 0, or -1 with
 * the reason in err. */
int params_add_arg(param_list *l, const char *arg, char *err, size_t errlen);

/* Read a parameters file: JSON or YAML in `aws cloudformation`'s form
 * [{"ParameterKey": K, "ParameterValue": V}, ...] or CodePipeline's
 * {"Parameters": {K: V}}; or SAM's samconfig.toml (a .toml file): the
 * parameter_overrides of [default.deploy.parameters], else of another
 * [default.*.parameters] section. Regular files only, at most
 * PARAMS_MAX_FILE bytes. Returns 0, or -1 with "path:line: what" in err. */
int params_load_file(param_list *l, const char *path, char *err, size_t errlen);

/* The value given for `name` (which the template declares: marked used),
 * or NULL. */
const char *params_lookup(param_list *l, const char *name);

void params_release(param_list *l);

#endif
