/* fuzz_lint: libFuzzer target for a whole lint of one template: loader, model, graph, every rule and the output. */
#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../src/engine.h"
#include "../src/out.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Render the result; the text must hold no control byte but newline, the
 * JSON must parse. Whatever the template holds. */
static void check_output(const lint_result *r)
{
    char *buf = NULL;
    size_t len = 0;
    out_options text = {OUT_TEXT, 0, 1};
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        abort();
    out_emit(f, &text, r, 1);
    fclose(f);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)buf[i];
        if ((c < 0x20 && c != '\n') || c == 0x7f)
            abort();
    }
    free(buf);

    out_options json = {OUT_JSON, 0, 0};
    f = open_memstream(&buf, &len);
    if (!f)
        abort();
    out_emit(f, &json, r, 1);
    fclose(f);
    cJSON *doc = cJSON_ParseWithLength(buf, len);
    if (!doc)
        abort();
    cJSON_Delete(doc);
    free(buf);
}

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
    check_output(&r);
    lint_result_release(&r);
    lint_config_release(&cfg);
    return 0;
}
