/* SL001 yaml-syntax: the loader's parse and limit problems, as findings. */
#include "../src/rule.h"

#include <string.h>

/* What to do for the usual causes: a tab in the indentation of the
 * problem's line (or the line before), a quoted string never closed. */
static const char *hint(const lint_ctx *ctx, const doc_problem *p)
{
    const doc *d = ctx->d;
    if (strstr(p->message, "quoted scalar"))
        return "; a quoted string is never closed: add its closing quote (the line in parentheses is where it opens)";
    for (uint32_t l = p->line > 1 ? p->line - 1 : 1; d && d->line_starts && l <= p->line && l <= d->n_lines; l++) {
        const char *s = d->text + doc_line_offset(d, l), *end = d->text + d->text_len;
        while (s < end && *s == ' ') s++;
        if (s < end && *s == '\t')
            return "; a tab in the indentation: YAML indents with spaces only, replace the tab with spaces";
    }
    return "";
}

RULE_CHECK(SL001)
{
    for (size_t i = 0; i < ctx->n_problems; i++) {
        const doc_problem *p = &ctx->problems[i];
        if (strcmp(p->rule, "SL001") != 0) continue;
        report_file(ctx, ctx->rule->sev, NULL, ctx->d->path, p->line, p->col, "%s%s", p->message, hint(ctx, p));
    }
}
