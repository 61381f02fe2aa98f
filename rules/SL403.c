/* SL403 aws-sdk-v2-import: require('aws-sdk') / import from 'aws-sdk' (AWS SDK v2). */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "../src/code_target.h"

/* Node.js runtimes from this major version on do not ship SDK v2. */
#define FIRST_RUNTIME_WITHOUT_SDK_V2 18

typedef struct sl403 {
    lint_ctx *ctx;
    const code_target *tg;
    severity sev;
    const char *why; /* the error's reason, or NULL for a warning */
} sl403;

static int nodejs_major(const char *runtime)
{
    if (!runtime || strncmp(runtime, "nodejs", 6) != 0)
        return 0;
    return atoi(runtime + 6);
}

/* Does package.json at `path` list aws-sdk as a dependency that ships? */
static int package_lists_sdk(const char *path)
{
    if (!code_is_file(path))
        return 0;
    const code_file *f = code_load(path);
    if (f->status != CODE_OK)
        return 0;
    cJSON *root = cJSON_ParseWithLength(f->src.text, f->src.len);
    int found = 0;
    static const char *const sections[] = {"dependencies", "optionalDependencies", NULL};
    for (int i = 0; root && sections[i] && !found; i++) {
        const cJSON *deps = cJSON_GetObjectItemCaseSensitive(root, sections[i]);
        found = cJSON_IsObject(deps) && cJSON_GetObjectItemCaseSensitive(deps, "aws-sdk") != NULL;
    }
    cJSON_Delete(root);
    return found;
}

static char *package_json_beside(lint_ctx *ctx, const char *dir)
{
    size_t n = strlen(dir) + sizeof "/package.json";
    char *p = lint_alloc(ctx, n);
    strcpy(p, dir);
    strcat(p, "/package.json");
    return p;
}

static int sdk_packaged(lint_ctx *ctx, const code_target *tg)
{
    if (tg->where != TARGET_FILE)
        return 0; /* inline code has no node_modules */
    size_t dl = strrchr(tg->path, '/') ? (size_t)(strrchr(tg->path, '/') - tg->path) : 0;
    char *dir = lint_alloc(ctx, dl + 2);
    if (dl)
        memcpy(dir, tg->path, dl);
    else
        dir[0] = '.';
    return package_lists_sdk(package_json_beside(ctx, dir)) || package_lists_sdk(package_json_beside(ctx, tg->root));
}

static int on_import(void *user, const size_t *ov)
{
    sl403 *s = user;
    const char *t = s->tg->text->text;
    int module_len = (int)(ov[5] - ov[4]);
    const char *module = t + ov[4];
    if (s->why)
        code_report(s->ctx, s->tg, s->sev, ov[0], ov[1] - ov[0],
                    "'%.*s' is AWS SDK v2, which the %s runtime does not include and no package.json here "
                    "lists: the function fails with \"Cannot find module\"; use the v3 clients (@aws-sdk/client-*)",
                    module_len, module, s->why);
    else
        code_report(s->ctx, s->tg, s->sev, ov[0], ov[1] - ov[0],
                    "'%.*s' loads AWS SDK v2 (in maintenance, large and slow to load): use the modular v3 "
                    "clients (@aws-sdk/client-*)",
                    module_len, module);
    return 1;
}

static void check_target(lint_ctx *ctx, const code_target *tg)
{
    if (tg->lang != CODE_JS)
        return;
    sl403 s = {ctx, tg, ctx->rule->sev, NULL};
    if (nodejs_major(tg->runtime) >= FIRST_RUNTIME_WITHOUT_SDK_V2 && !sdk_packaged(ctx, tg)) {
        s.sev = SEV_ERROR;
        s.why = tg->runtime;
    }
    /* On the original text (the module name is a string); the match must
     * start in code, so commented-out imports do not count. */
    static const char *const patterns[] = {
        "\\brequire\\s*\\(\\s*(['\"`])(aws-sdk(?:/[^'\"`\\n]*)?)\\1\\s*\\)",
        "\\bimport\\s+(?:type\\s+)?(?:[\\w$*{}\\s,]+?\\s+from\\s*)?(['\"])(aws-sdk(?:/[^'\"\\n]*)?)\\1",
        "\\bimport\\s*\\(\\s*(['\"`])(aws-sdk(?:/[^'\"`\\n]*)?)\\1\\s*\\)",
        NULL,
    };
    for (int i = 0; patterns[i]; i++)
        code_scan(tg->text, patterns[i], 0, 0, tg->text->len, 0, on_import, &s);
}

RULE_CHECK(SL403)
{
    code_each_target(ctx, check_target);
}
