/* SL402 missing-callback-waits: a Node.js handler never sets callbackWaitsForEmptyEventLoop = false. */
#include <string.h>

#include "../src/code_target.h"

static int count_match(void *user, const size_t *ov)
{
    (void)user;
    (void)ov;
    return 1;
}

/* Is the handler callback-style: declared without `async` (from its line's
 * start to its body) and taking a third parameter, or calling `callback(`?
 * An async handler returns when its promise settles: the flag changes
 * nothing for it. A handler whose body was not found is not judged. */
static int is_callback_style(const code_target *tg)
{
    const code_span *sp = &tg->span;
    const char *text = tg->text->text;
    if (!sp->found || sp->start <= sp->name_off || sp->start > tg->text->len)
        return 0;
    size_t from = sp->name_off;
    while (from > 0 && text[from - 1] != '\n')
        from--;
    if (code_scan(tg->text, "\\basync\\b", 0, from, sp->start, 1, count_match, NULL))
        return 0;
    const char *open = memchr(text + sp->name_off, '(', sp->start - sp->name_off);
    int depth = 0, commas = 0;
    for (const char *c = open; c && c < text + sp->start; c++) {
        if (*c == '(' || *c == '[' || *c == '{') depth++;
        else if (*c == ')' || *c == ']' || *c == '}') { if (--depth == 0) break; }
        else if (*c == ',' && depth == 1) commas++;
    }
    return commas >= 2 ||
           code_scan(tg->text, "\\bcallback\\s*\\(", 0, sp->start, sp->end, 1, count_match, NULL);
}

static void check_target(lint_ctx *ctx, const code_target *tg)
{
    if (tg->lang != CODE_JS || !tg->func || !is_callback_style(tg))
        return;
    /* Set anywhere in the file counts: a helper may do it for the handler,
     * or middy's do-not-wait-for-empty-event-loop middleware. */
    if (code_scan(tg->text, "\\bcallbackWaitsForEmptyEventLoop\\s*=\\s*false\\b|\\bdoNotWait(?:ForEmptyEventLoop)?\\s*\\(",
                  0, 0, tg->text->len, 1, count_match, NULL))
        return;
    code_report(ctx, tg, ctx->rule->sev, tg->span.name_off, 0,
                "handler '%s' never sets context.callbackWaitsForEmptyEventLoop = false: an open "
                "connection or timer keeps a callback-style invocation from returning until it ends",
                tg->func);
}

RULE_CHECK(SL402)
{
    code_each_target(ctx, check_target);
}
