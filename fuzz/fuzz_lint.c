/* fuzz_lint: libFuzzer target for a whole lint of one template: loader, model, graph and every rule. */
#include <stdint.h>
#include <stdlib.h>
#include "../src/engine.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lint_config cfg;
    lint_config_init(&cfg);
    cfg.today = 20260101;
    lint_result r;
    /* A folder that does not exist: handler-code rules look for files and find none. */
    lint_buffer(&cfg, "/nonexistent-samlint-fuzz/template.yaml", (const char *)data, size, 1, &r);
    for (size_t i = 0; i < r.n_findings; i++) {
        const finding *f = &r.findings[i];
        if (!f->rule || !f->message || !f->file || f->line < 1)
            abort();
    }
    lint_result_release(&r);
    lint_config_release(&cfg);
    return 0;
}
