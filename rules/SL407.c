/* SL407 handler-not-found: a local CodeUri + Handler that resolves to no file or no function. */
#include <string.h>

#include "../src/code_target.h"
#include "../src/rx.h"

/* Does the text re-export another module wholesale, so the name may come
 * from there? */
static int reexports(const code_target *tg)
{
    const code_text *ct = tg->text;
    size_t ov[2];
    const rx *r = tg->lang == CODE_PY ? rx_get("\\bimport\\s+\\*", 0)
                                      : rx_get("\\bexport\\s*\\*|\\bmodule\\.exports\\s*=\\s*require\\s*\\(|"
                                               "\\bObject\\.assign\\s*\\(\\s*(?:module\\.)?exports\\b",
                                               0);
    return rx_find(r, ct->masked, ct->len, 0, ov, 1);
}

RULE_CHECK(SL407)
{
    const code_target_list *all = code_all_targets(ctx);
    for (size_t i = 0; i < all->n; i++) {
        const code_target *t = &all->items[i];
        const tmpl_resource *res = t->fn;
        doc_id at = t->handler_node != DOC_NONE ? t->handler_node : t->code_node != DOC_NONE ? t->code_node : res->key;
        if (t->where == TARGET_MISSING) {
            report_for(ctx, res->id, at, "handler '%s' resolves to no file: looked for %s under %s", t->handler,
                       t->tried, t->root);
            continue;
        }
        if (!t->func || t->span.found || t->span.name_off || !t->text->masked)
            continue;
        if (t->where == TARGET_FILE && t->build_method && strncmp(t->build_method, "nodejs", 6) != 0 &&
            strncmp(t->build_method, "python", 6) != 0)
            continue; /* a build step (esbuild, makefile) may define it */
        /* Any mention of the name, even in a string (exports['handler']),
         * may define it: only a file that never names it is reported. */
        code_text raw = *t->text;
        raw.masked = NULL;
        if (code_has_ident(&raw, t->func) || reexports(t))
            continue;
        if (t->where == TARGET_FILE)
            report_for(ctx, res->id, at, "handler '%s': %s defines no '%s'", t->handler, t->path, t->func);
        else
            report_for(ctx, res->id, at, "handler '%s': the inline code defines no '%s'", t->handler, t->func);
    }
}
