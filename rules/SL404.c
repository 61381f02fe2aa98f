/* SL404 hardcoded-table-name: a literal DynamoDB table name in handler code. */
#include <string.h>

#include "../src/code_target.h"

typedef struct sl404 {
    lint_ctx *ctx;
    const code_target *tg;
} sl404;

/* Group 1 is the opening quote, group 2 the literal name. */
static int on_literal(void *user, const size_t *ov)
{
    sl404 *s = user;
    const char *name = s->tg->text->text + ov[4];
    int len = (int)(ov[5] - ov[4]);
    if (len == 0 || memchr(name, '$', (size_t)len) || memchr(name, '{', (size_t)len))
        return 0; /* empty, or a template / format string built from variables */
    code_report(s->ctx, s->tg, s->ctx->rule->sev, ov[2], ov[5] + 1 - ov[2],
                "table name '%.*s' is hardcoded in handler code: pass it in an environment variable "
                "(e.g. TABLE_NAME: !Ref Table) so each stage uses its own table",
                len, name);
    return 1;
}

static void check_target(lint_ctx *ctx, const code_target *tg)
{
    sl404 s = {ctx, tg};
    /* Run on the original text, as the names are strings; every match must
     * start in code (a quoted key's opening quote is kept by the masking). */
    static const char *const js[] = {
        "\\bTableName\\s*:\\s*(['\"`])([^'\"`\\n\\\\]*)\\1",
        "(?<![\\w$])['\"]TableName['\"]\\s*:\\s*(['\"`])([^'\"`\\n\\\\]*)\\1",
        NULL,
    };
    static const char *const py[] = {
        "\\bTableName\\s*=\\s*(['\"])([^'\"\\n\\\\]*)\\1",
        "(?<!\\w)['\"]TableName['\"]\\s*:\\s*(['\"])([^'\"\\n\\\\]*)\\1",
        "\\.Table\\s*\\(\\s*(?:TableName\\s*=\\s*|name\\s*=\\s*)?(['\"])([^'\"\\n\\\\]*)\\1\\s*\\)",
        NULL,
    };
    const char *const *patterns = tg->lang == CODE_PY ? py : js;
    for (int i = 0; patterns[i]; i++)
        code_scan(tg->text, patterns[i], 0, 0, tg->text->len, 0, on_literal, &s);
}

RULE_CHECK(SL404)
{
    code_each_target(ctx, check_target);
}
