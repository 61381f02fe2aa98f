/* SL502 api-access-log-not-structured: an access log Format that is not JSON. */
#include <ctype.h>
#include <string.h>
#include "../src/rule.h"
#include "observe.h"

/* A small JSON reader: does `s` hold one JSON object and nothing else?
 * The format has had its $context variables replaced by 0 first. */
typedef struct json_in { const char *p; int depth; } json_in;

static void json_ws(json_in *in)
{
    while (*in->p == ' ' || *in->p == '\t' || *in->p == '\n' || *in->p == '\r')
        in->p++;
}

static int json_string(json_in *in)
{
    if (*in->p != '"')
        return 0;
    for (in->p++; *in->p && *in->p != '"'; in->p++) {
        if ((unsigned char)*in->p < 0x20 && *in->p != '\t')
            return 0;
        if (*in->p == '\\' && !*++in->p)
            return 0;
    }
    if (*in->p != '"')
        return 0;
    in->p++;
    return 1;
}

static int json_value(json_in *in);

static int json_members(json_in *in, char close)
{
    in->p++;
    json_ws(in);
    if (*in->p == close) {
        in->p++;
        return 1;
    }
    for (;;) {
        json_ws(in);
        if (close == '}') {
            if (!json_string(in))
                return 0;
            json_ws(in);
            if (*in->p++ != ':')
                return 0;
        }
        if (!json_value(in))
            return 0;
        json_ws(in);
        if (*in->p == ',') {
            in->p++;
            continue;
        }
        if (*in->p != close)
            return 0;
        in->p++;
        return 1;
    }
}

static int json_value(json_in *in)
{
    int ok;
    json_ws(in);
    switch (*in->p) {
    case '{':
    case '[':
        if (++in->depth > 64)
            return 0;
        ok = json_members(in, *in->p == '{' ? '}' : ']');
        in->depth--;
        return ok;
    case '"':
        return json_string(in);
    default:
        if (!strncmp(in->p, "true", 4) || !strncmp(in->p, "null", 4)) {
            in->p += 4;
            return 1;
        }
        if (!strncmp(in->p, "false", 5)) {
            in->p += 5;
            return 1;
        }
        if (*in->p == '-' || isdigit((unsigned char)*in->p)) {
            in->p++;
            while (isdigit((unsigned char)*in->p) || (*in->p && strchr(".eE+-", *in->p)))
                in->p++;
            return 1;
        }
        return 0;
    }
}

static int is_json_object(const char *s)
{
    json_in in = { s, 0 };
    json_ws(&in);
    if (*in.p != '{' || !json_value(&in))
        return 0;
    json_ws(&in);
    return *in.p == '\0';
}

/* Copy `s` with every $context.x (API Gateway's access log variables) as 0. */
static char *replace_context(lint_ctx *ctx, const char *s, size_t len)
{
    char *out = lint_alloc(ctx, len + 1), *o = out;
    for (size_t i = 0; i < len;) {
        if (!strncmp(s + i, "$context.", 9)) {
            i += 9;
            while (i < len && (isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == '.' || s[i] == '-'))
                i++;
            *o++ = '0';
        } else {
            *o++ = s[i++];
        }
    }
    *o = '\0';
    return out;
}

typedef struct check { lint_ctx *ctx; const api_stage *stage; const char *key; const char *who; } check;

static void judge(check *c, const char *text, size_t len, doc_id at)
{
    if (strspn(text, " \t\r\n") >= len)   /* an empty Format is no Format */
        return;
    if (!is_json_object(replace_context(c->ctx, text, len)))
        report_for(c->ctx, c->stage->res->id, at,
                   "%s logs access in a Format that is not JSON: it cannot be queried by field", c->who);
}

static void judge_scalar(void *user, const char *s, doc_id site)
{
    judge(user, s, strlen(s), site);
}

/* !Sub: its ${} variables become 0 too; judged only when it starts with
 * literal text, since a format that starts with a variable could be anything. */
typedef struct sub_copy { lint_ctx *ctx; obs_buf b; int starts_with_var; } sub_copy;

static int sub_part(void *user, const eval_sub_part *p)
{
    sub_copy *sc = user;
    if (p->kind == SUB_VAR) {
        if (sc->b.len == 0 || strspn(sc->b.p, " \t\r\n") == sc->b.len)
            sc->starts_with_var = 1;
        obs_put(&sc->b, "0", 1);
    } else {
        obs_put(&sc->b, p->start, p->len);
    }
    return 0;
}

static void judge_format(check *c, doc_id fmt)
{
    const doc *d = c->ctx->d;
    doc_id arg;
    const char *fn;
    if (eval_each_scalar(c->ctx->t, fmt, judge_scalar, c) >= 0)
        return;
    fn = doc_intrinsic(d, fmt, &arg);
    if (fn && !strcmp(fn, "Fn::Sub")) {
        sub_copy sc = { c->ctx, { c->ctx, NULL, 0, 0 }, 0 };
        doc_id text = doc_is_seq(d, arg) ? doc_item(d, arg, 0) : arg;
        if (!doc_is_scalar(d, text) || eval_sub_parse(doc_str(d, text), sub_part, &sc) != 0)
            return;
        if (!sc.starts_with_var && sc.b.p)
            judge(c, sc.b.p, sc.b.len, fmt);
    }
}

RULE_CHECK(SL502)
{
    const api_stage *stages;
    size_t n = api_stages(ctx, &stages);
    for (size_t i = 0; i < n; i++) {
        check c = { ctx, &stages[i], stages[i].kind == API_REST ? "AccessLogSetting" : "AccessLogSettings", NULL };
        enum tmpl_origin origin;
        doc_id fmt = api_prop(ctx->t, c.stage, &origin, c.key, "Format");
        c.who = api_who(c.stage, origin, fmt);
        if (fmt != DOC_NONE) {
            judge_format(&c, fmt);
            continue;
        }
        /* AccessLogSetting: !If [cond, {...}, ...]: judge each branch's Format. */
        doc_id setting = api_prop(ctx->t, c.stage, &origin, c.key, NULL);
        doc_id arg;
        c.who = api_who(c.stage, origin, setting);
        if (setting != DOC_NONE && doc_intrinsic(ctx->d, setting, &arg)) {
            eval_value vals[EVAL_MAX];
            int nv = eval_values(ctx->t, setting, vals);
            for (int k = 0; k < nv; k++)
                if (doc_is_map(ctx->d, vals[k].value)) {
                    doc_id f = doc_get(ctx->d, vals[k].value, "Format");
                    if (f != DOC_NONE)
                        judge_format(&c, f);
                }
        }
    }
}
