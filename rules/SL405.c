/* SL405 hardcoded-credentials-in-code: an AWS access key id or secret access key in handler code. */
#include <string.h>

#include "../src/code_target.h"
#include "../src/secret.h"

/* A 40-character value this many lines from an access key id counts as its
 * secret key even when its variable name says nothing. */
#define NEAR_ACCESS_KEY_LINES 3

typedef struct sl405 {
    lint_ctx *ctx;
    const code_target *tg;
} sl405;

static uint32_t line_of(const code_text *ct, size_t off)
{
    uint32_t line, col;
    code_pos(ct, off, &line, &col);
    return line;
}

/* Is there an access key id within NEAR_ACCESS_KEY_LINES lines of `off`? */
static int near_access_key(const code_text *ct, size_t off)
{
    uint32_t line = line_of(ct, off);
    size_t at = 0, found;
    while (at < ct->len && secret_find_credential_id(ct->text + at, ct->len - at, &found)) {
        uint32_t l = line_of(ct, at + found);
        if (l + NEAR_ACCESS_KEY_LINES >= line && l <= line + NEAR_ACCESS_KEY_LINES)
            return 1;
        at += found + SECRET_ACCESS_KEY_LEN;
    }
    return 0;
}

/* `name = "value"` / `name: 'value'` / `"name": "value"`: group 1 is the
 * name, group 2 the 40-character value. */
static int on_assignment(void *user, const size_t *ov)
{
    sl405 *s = user;
    const code_text *ct = s->tg->text;
    char name[128];
    size_t n = ov[3] - ov[2];
    if (n >= sizeof name)
        return 0;
    memcpy(name, ct->text + ov[2], n);
    name[n] = '\0';
    const char *value = ct->text + ov[4];
    if (!secret_is_secret_key_value(value, SECRET_KEY_VALUE_LEN) || secret_is_placeholder(value, SECRET_KEY_VALUE_LEN))
        return 0;
    int named = secret_name_says_secret_key(name);
    if (!named && !near_access_key(ct, ov[4]))
        return 0;
    /* The name is shown only when it is one: beside an access key id it may
     * be the key id itself, which must not be printed whole. */
    code_report(s->ctx, s->tg, s->ctx->rule->sev, ov[4], SECRET_KEY_VALUE_LEN,
                "AWS secret access key %s hardcoded in handler code (%s%s): anyone who can read the code can "
                "use it; use the function's execution role",
                lint_mask(s->ctx, value, SECRET_KEY_VALUE_LEN), named ? "assigned to " : "next to an access key id",
                named ? name : "");
    return 1;
}

/* Could the assignment pattern below match: is there a quoted run of
 * exactly 40 key characters? Most code has none, and the pattern would
 * otherwise be tried at every identifier. */
static int has_quoted_key_run(const code_text *ct)
{
    size_t at = 0, off;
    while (at < ct->len && secret_find_key_run(ct->text + at, ct->len - at, &off)) {
        size_t i = at + off, e = i + SECRET_KEY_VALUE_LEN;
        if (i > 0 && (ct->text[i - 1] == '\'' || ct->text[i - 1] == '"') && e < ct->len &&
            (ct->text[e] == '\'' || ct->text[e] == '"'))
            return 1;
        at = e;
    }
    return 0;
}

static void check_target(lint_ctx *ctx, const code_target *tg)
{
    const code_text *ct = tg->text;
    sl405 s = {ctx, tg};
    /* Credentials leak from comments as much as from code: look everywhere. */
    size_t at = 0, found;
    while (at < ct->len && secret_find_credential_id(ct->text + at, ct->len - at, &found)) {
        code_report(ctx, tg, ctx->rule->sev, at + found, SECRET_ACCESS_KEY_LEN,
                    "AWS access key id %s hardcoded in handler code: anyone who can read the code can use it; "
                    "use the function's execution role",
                    lint_mask(ctx, ct->text + at + found, SECRET_ACCESS_KEY_LEN));
        at += found + SECRET_ACCESS_KEY_LEN;
    }
    static const char *const assignment =
        "([A-Za-z_$][\\w$.-]*)['\"]?\\s*(?:=|:|,)\\s*['\"]([A-Za-z0-9/+]{40})['\"]";
    if (!has_quoted_key_run(ct))
        return;
    code_text raw = *ct;
    raw.masked = NULL; /* match in comments too */
    code_scan(&raw, assignment, 0, 0, ct->len, 0, on_assignment, &s);
}

RULE_CHECK(SL405)
{
    code_each_target(ctx, check_target);
}
