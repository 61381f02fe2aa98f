/* SL406 client-inside-handler: an AWS SDK client created inside the handler body. */
#include <string.h>

#include "../src/code_target.h"
#include "../src/rx.h"

typedef struct sl406 {
    lint_ctx *ctx;
    const code_target *tg;
} sl406;

/* `cached = new S3Client()` / `cached ||= new ...` assigns to a variable of
 * an outer scope: the lazy-initialisation idiom, built once per container. */
static int js_lazy_init(const code_text *ct, size_t at)
{
    size_t ls = at;
    while (ls > 0 && ct->masked[ls - 1] != '\n')
        ls--;
    size_t ov[4];
    const rx *decl = rx_get("\\b(?:const|let|var)\\s", 0);
    const rx *assign = rx_get("[\\w$\\]]\\s*(?:\\?\\?|\\|\\|)?=\\s*$", 0);
    return rx_find(assign, ct->masked, at, ls, ov, 1) && !rx_find(decl, ct->masked, at, ls, ov, 1);
}

/* `global client` in the handler body makes `client = boto3.client(...)` a
 * module-level cache. */
static int py_lazy_init(const code_target *tg, size_t at)
{
    const code_text *ct = tg->text;
    size_t ls = at;
    while (ls > 0 && ct->masked[ls - 1] != '\n')
        ls--;
    size_t ov[4];
    const rx *assign = rx_get("^[ \\t]*([A-Za-z_]\\w*)[ \\t]*=[ \\t]*$", RX_MULTILINE);
    if (!rx_find(assign, ct->masked, at, ls, ov, 2))
        return 0;
    const rx *global = rx_get("^[ \\t]*global[ \\t]+([\\w \\t,]+)$", RX_MULTILINE);
    size_t gv[4];
    for (size_t p = tg->span.start; p < tg->span.end && rx_find(global, ct->masked, tg->span.end, p, gv, 2);
         p = gv[1] + 1) {
        /* Is the assigned name one of the global's names? */
        size_t n = ov[3] - ov[2];
        for (size_t i = gv[2]; i < gv[3];) {
            while (i < gv[3] && (ct->masked[i] == ',' || ct->masked[i] == ' ' || ct->masked[i] == '\t'))
                i++;
            size_t e = i;
            while (e < gv[3] && ct->masked[e] != ',' && ct->masked[e] != ' ' && ct->masked[e] != '\t' &&
                   ct->masked[e] != '\r')
                e++;
            if (e - i == n && memcmp(ct->masked + i, ct->masked + ov[2], n) == 0)
                return 1;
            i = e + 1;
        }
    }
    return 0;
}

/* Group 1 names the client. */
static int on_client(void *user, const size_t *ov)
{
    sl406 *s = user;
    const code_text *ct = s->tg->text;
    if (s->tg->lang == CODE_JS ? js_lazy_init(ct, ov[0]) : py_lazy_init(s->tg, ov[0]))
        return 0;
    code_report(s->ctx, s->tg, s->ctx->rule->sev, ov[0], ov[3] - ov[0],
                "%.*s is created inside handler '%s', so every invocation builds a new client and connection: "
                "create it once outside the handler",
                (int)(ov[3] - ov[2]), ct->text + ov[2], s->tg->func);
    return 1;
}

static void check_target(lint_ctx *ctx, const code_target *tg)
{
    if (!tg->span.found) /* inside or outside cannot be told */
        return;
    sl406 s = {ctx, tg};
    static const char *const js[] = {
        "\\bnew\\s+(?!AWS\\.)((?:[A-Za-z_$][\\w$]*\\.)*[A-Z][\\w$]*Client)\\s*\\(",
        "\\bnew\\s+(AWS\\.[\\w$.]+)\\s*\\(",
        NULL,
    };
    static const char *const py[] = {"\\b(boto3\\.(?:client|resource))\\s*\\(", NULL};
    const char *const *patterns = tg->lang == CODE_PY ? py : js;
    for (int i = 0; patterns[i]; i++)
        code_scan(tg->text, patterns[i], 0, tg->span.start, tg->span.end, 1, on_client, &s);
}

RULE_CHECK(SL406)
{
    code_each_target(ctx, check_target);
}
