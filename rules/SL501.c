/* SL501 api-access-logging-disabled: a REST or HTTP API stage without access logging. */
#include "../src/rule.h"
#include "observe.h"

/* Judge a present AccessLogSetting(s) that has no usable DestinationArn. */
static void judge_setting(lint_ctx *ctx, const api_stage *s, const char *who, const char *key, doc_id setting)
{
    eval_value vals[EVAL_MAX];
    int n = eval_values(ctx->t, setting, vals);
    if (n < 0)
        return;
    if (n == 0) {
        report_for(ctx, s->res->id, setting, "%s has no access logging: %s is empty", who, key);
        return;
    }
    for (int i = 0; i < n; i++) {
        doc_id v = vals[i].value;
        doc_id at = vals[i].site != DOC_NONE ? vals[i].site : setting;
        if (!doc_is_map(ctx->d, v)) {
            report_for(ctx, s->res->id, at, "%s has no access logging: %s is not a mapping", who, key);
            return;
        }
        if (!obs_has_value(ctx->d, doc_get(ctx->d, v, "DestinationArn"))) {
            report_for(ctx, s->res->id, at, "%s has no access logging: %s has no DestinationArn",
                       who, key);
            return;
        }
    }
}

RULE_CHECK(SL501)
{
    const api_stage *stages;
    size_t n = api_stages(ctx, &stages);
    for (size_t i = 0; i < n; i++) {
        const api_stage *s = &stages[i];
        const char *key = s->kind == API_REST ? "AccessLogSetting" : "AccessLogSettings";
        enum tmpl_origin origin;
        doc_id dest = api_prop(ctx->t, s, &origin, key, "DestinationArn");
        doc_id setting;
        if (dest != DOC_NONE) {
            if (!obs_has_value(ctx->d, dest))
                report_for(ctx, s->res->id, obs_site(ctx->d, dest),
                           "%s has no access logging: %s.DestinationArn is empty",
                           api_who(s, origin, dest), key);
            continue;
        }
        setting = api_prop(ctx->t, s, &origin, key, NULL);
        if (setting != DOC_NONE && !doc_is_null(ctx->d, setting)) {
            judge_setting(ctx, s, api_who(s, origin, setting), key, setting);
            continue;
        }
        report_for(ctx, s->res->id, setting != DOC_NONE ? obs_site(ctx->d, setting) : s->anchor,
                   "%s has no access logging (%s.DestinationArn): requests leave no trace",
                   api_who(s, origin, setting), key);
    }
}
