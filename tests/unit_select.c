/* unit_select: --select/--ignore worked out once per config
 * (lint_config_resolve) gives the rules the lists name, and a list changed
 * after that is still obeyed. */
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "unit.h"

static const char tpl[] =
    "Resources:\n"
    "  Q:\n"
    "    Type: AWS::SQS::Queue\n"
    "    Properties: {QueueName: !Ref Missing}\n";

/* How many findings of rule `id` linting tpl gives. */
static size_t count(const lint_config *cfg, const char *id)
{
    lint_result r;
    lint_buffer(cfg, "t.yaml", tpl, sizeof tpl - 1, 1, &r);
    size_t n = 0;
    for (size_t i = 0; i < r.n_findings; i++) n += strcmp(r.findings[i].rule->id, id) == 0;
    lint_result_release(&r);
    return n;
}

static void push(char ***list, size_t *n, const char *id)
{
    *list = realloc(*list, (*n + 1) * sizeof **list);
    if (!*list) abort();
    (*list)[*n] = strdup(id);
    if (!(*list)[*n]) abort();
    (*n)++;
}

int main(void)
{
    lint_config cfg;
    lint_config_init(&cfg);
    expect(count(&cfg, "SL004") == 1, "the template has one SL004 finding", "not one");

    push(&cfg.ignore, &cfg.n_ignore, "SL00");
    lint_config_resolve(&cfg);
    expect(cfg.resolved.done, "a registry of this size is resolved", "not resolved");
    expect(count(&cfg, "SL004") == 0, "a resolved --ignore SL00 turns SL004 off", "SL004 ran");

    /* The lists change after lint_config_resolve(): the new ones count. */
    push(&cfg.select, &cfg.n_select, "SL1");
    for (size_t i = 0; i < cfg.n_ignore; i++) free(cfg.ignore[i]);
    free(cfg.ignore);
    cfg.ignore = NULL;
    cfg.n_ignore = 0;
    push(&cfg.select, &cfg.n_select, "SL004");
    expect(count(&cfg, "SL004") == 1, "a --select SL004 added after resolving turns it on", "SL004 off");

    /* Resolved again, every registry rule is as lint_rule_enabled says. */
    lint_config_resolve(&cfg);
    int same = 1;
    for (size_t i = 0; i < rule_count; i++) {
        int off = (int)(cfg.resolved.off[i / 64] >> (i % 64) & 1);
        if (off == lint_rule_enabled(&cfg, rule_registry[i].id)) same = 0;
    }
    expect(same, "the resolved bits agree with lint_rule_enabled for every rule", "a rule differs");
    expect(count(&cfg, "SL004") == 1, "a resolved --select SL1,SL004 runs SL004", "SL004 off");
    lint_config_release(&cfg);
    return failures != 0;
}
