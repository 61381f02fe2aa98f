/* SL209 hardcoded-resource-name: literal DynamoDB table names in tables and env vars. */
#include <ctype.h>
#include <string.h>
#include "fnconf.h"

/* Case-insensitive: do the first n bytes of s equal the lowercase word? */
static int word_eq(const char *s, const char *word, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)s[i]) != word[i])
            return 0;
    return 1;
}

/* Does a variable name have "table" as a word (USERS_TABLE, TableName,
 * ordersTable, TABLENAME)? Words split at '_', '-', '.', and lower-to-upper
 * case changes; a word counts when it is "table" or starts "tablename". */
static int names_table(const char *name)
{
    size_t len = strlen(name);
    size_t start = 0;
    for (size_t i = 1; i <= len; i++) {
        int boundary = i == len || name[i] == '_' || name[i] == '-' || name[i] == '.'
                       || (islower((unsigned char)name[i - 1]) && isupper((unsigned char)name[i]));
        if (!boundary)
            continue;
        size_t wlen = i - start;
        if ((wlen == 5 && word_eq(name + start, "table", 5))
            || (wlen >= 9 && word_eq(name + start, "tablename", 9)))
            return 1;
        start = (i < len && !isalnum((unsigned char)name[i])) ? i + 1 : i;
    }
    return 0;
}

/* A value that reads like a name: not empty, not a boolean, not a number. */
static int looks_like_name(const lint_ctx *ctx, doc_id value)
{
    const char *s = doc_str(ctx->d, value);
    long long number;
    int flag;
    return s && *s && !doc_get_long(ctx->d, value, &number) && !doc_get_bool(ctx->d, value, &flag);
}

static int sub_has_variable(void *user, const eval_sub_part *p)
{
    if (p->kind == SUB_VAR)
        *(int *)user = 1;
    return 0;
}

typedef void (*literal_fn)(lint_ctx *ctx, const tmpl_resource *r, doc_id node, const char *what,
                           enum tmpl_origin origin);

/* Call fn for every literal the value may be: itself, each Fn::If branch,
 * a Fn::Sub without variables. References of any kind are not literals. */
static void each_literal(lint_ctx *ctx, const tmpl_resource *r, doc_id value, const char *what,
                         enum tmpl_origin origin, literal_fn fn, int depth)
{
    const doc *d = ctx->d;
    doc_id arg;
    const char *intrinsic = doc_intrinsic(d, value, &arg);
    if (!intrinsic) {
        if (doc_is_scalar(d, value) && looks_like_name(ctx, value))
            fn(ctx, r, value, what, origin);
        return;
    }
    if (strcmp(intrinsic, "Fn::If") == 0 && doc_is_seq(d, arg) && doc_count(d, arg) == 3
        && depth < 8) {
        each_literal(ctx, r, doc_item(d, arg, 1), what, origin, fn, depth + 1);
        each_literal(ctx, r, doc_item(d, arg, 2), what, origin, fn, depth + 1);
    } else if (strcmp(intrinsic, "Fn::Sub") == 0 && doc_is_scalar(d, arg)) {
        int has_variable = 0;
        if (eval_sub_parse(doc_str(d, arg), sub_has_variable, &has_variable) == 0 && !has_variable)
            fn(ctx, r, value, what, origin);
    }
}

static void table_name_literal(lint_ctx *ctx, const tmpl_resource *r, doc_id node,
                               const char *what, enum tmpl_origin origin)
{
    (void)what;
    (void)origin;
    report_for(ctx, r->id, node,
               "TableName of table '%s' is a fixed name: a second copy of the stack cannot "
               "deploy and the table cannot be replaced; let CloudFormation name it",
               r->id);
}

static void variable_literal(lint_ctx *ctx, const tmpl_resource *r, doc_id node,
                             const char *what, enum tmpl_origin origin)
{
    report_for(ctx, r->id, node,
               "environment variable %s %s holds a literal table name; "
               "use !Ref of the table",
               what, fnconf_whose(ctx, origin, r));
}

static void check_variables(lint_ctx *ctx, const tmpl_resource *r, doc_id vars,
                            doc_id overriding, enum tmpl_origin origin)
{
    const doc *d = ctx->d;
    for (uint32_t k = 0; k < doc_count(d, vars); k++) {
        const char *name = doc_str(d, doc_key(d, vars, k));
        if (!name || !names_table(name))
            continue;
        if (overriding != DOC_NONE && doc_get(d, overriding, name) != DOC_NONE)
            continue;
        each_literal(ctx, r, doc_val(d, vars, k), name, origin, variable_literal, 0);
    }
}

RULE_CHECK(SL209)
{
    const tmpl *t = ctx->t;
    const doc *d = ctx->d;
    for (size_t i = 0; i < t->n_res; i++) {
        const tmpl_resource *r = &t->res[i];
        if (tmpl_is_type(r, "AWS::DynamoDB::Table")) {
            doc_id name = doc_get(d, r->props, "TableName");
            if (name != DOC_NONE)
                each_literal(ctx, r, name, NULL, TMPL_OWN, table_name_literal, 0);
            continue;
        }
        if (!fnconf_is_function(ctx, r))
            continue;
        doc_id own = doc_path(d, r->props, "Environment", "Variables");
        doc_id globals = doc_path(d, tmpl_globals_for(t, r), "Environment", "Variables");
        if (doc_is_map(d, own))
            check_variables(ctx, r, own, DOC_NONE, TMPL_OWN);
        /* SAM merges Globals variables under the function's own; an own
         * Variables that is not a mapping replaces them, or cannot be known. */
        if (doc_is_map(d, globals) && (own == DOC_NONE || doc_is_map(d, own)))
            check_variables(ctx, r, globals, own, TMPL_GLOBALS);
    }
}
