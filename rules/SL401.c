/* SL401 handler-without-error-handling: the handler has no try/catch (JS) or try/except (Python). */
#include "../src/code_target.h"

static int count_match(void *user, const size_t *ov)
{
    (void)user;
    (void)ov;
    return 1;
}

/* Does the handler body (masked: comments and strings do not count) handle errors? */
static int handles_errors(const code_target *tg)
{
    const code_text *ct = tg->text;
    size_t a = tg->span.start, b = tg->span.end;
    if (tg->lang == CODE_PY)
        return code_scan(ct, "\\btry\\s*:", 0, a, b, 1, count_match, NULL) &&
               code_scan(ct, "\\bexcept\\b", 0, a, b, 1, count_match, NULL);
    return (code_scan(ct, "\\btry\\s*\\{", 0, a, b, 1, count_match, NULL) &&
            code_scan(ct, "\\bcatch\\b", 0, a, b, 1, count_match, NULL)) ||
           code_scan(ct, "\\.catch\\s*\\(", 0, a, b, 1, count_match, NULL);
}

static void check_target(lint_ctx *ctx, const code_target *tg)
{
    if (!tg->func || handles_errors(tg))
        return;
    /* A handler we could not place (defined in another module, built by a
     * wrapper) is judged by its file only when the file names it. */
    if (!tg->span.found && (!tg->span.name_off || tg->span.elsewhere))
        return;
    code_report(ctx, tg, ctx->rule->sev, tg->span.name_off, 0,
                "handler '%s' has no %s: an unexpected error fails the invocation with no context logged "
                "and no controlled response",
                tg->func, tg->lang == CODE_PY ? "try/except" : "try/catch");
}

RULE_CHECK(SL401)
{
    code_each_target(ctx, check_target);
}
