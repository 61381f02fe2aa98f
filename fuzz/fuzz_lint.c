/* fuzz_lint: libFuzzer target for a whole lint of one template: loader, model, graph, every rule and the output. */
#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../src/engine.h"
#include "../src/out.h"
#include "../tests/outcheck.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Render the result in every format and parse each: text holds no control
 * byte but newline and tab (excerpts keep tabs to line up the caret); JSON
 * and SARIF parse with cJSON; JUnit is well-formed XML 1.0; GitHub output is
 * annotations and "samlint: " log lines only, each escaped, none forged
 * (tests/outcheck.h, itself tested by tests/unit_outcheck.c). Whatever the
 * template holds. SARIF carries every rule's help text and costs more than
 * the lint: only one input in eight writes it. */
static void check_output(const lint_result *r, int with_sarif)
{
    static const struct { out_format format; const char *allowed; int json; } formats[] = {
        {OUT_TEXT, "\n\t", 0}, {OUT_GITHUB, "\n", 0}, {OUT_JUNIT, "\n\t\r", 0},
        {OUT_JSON, "\n\t", 1}, {OUT_SARIF, "\n\t", 1},
    };
    static const char *const names[] = {"text", "json", "sarif", "github", "junit"};
    for (size_t k = 0; k < sizeof formats / sizeof formats[0]; k++) {
        if (formats[k].format == OUT_SARIF && !with_sarif)
            continue;
        char *buf = NULL;
        size_t len = 0;
        out_options o = {.format = formats[k].format, .excerpt = 1, .show_suppressed = 1};
        FILE *f = open_memstream(&buf, &len);
        if (!f)
            abort();
        out_emit(f, &o, r, 1);
        fclose(f);
        for (size_t i = 0; i < len; i++) {
            unsigned char c = (unsigned char)buf[i];
            if (((c < 0x20 && !strchr(formats[k].allowed, c)) || c == 0x7f) && c != 0)
                abort();
            if (c == 0)
                abort();
        }
        char why[256] = "";
        int ok = 1;
        if (formats[k].json) {
            cJSON *doc = cJSON_ParseWithLength(buf, len);
            ok = doc != NULL;
            snprintf(why, sizeof why, "cJSON cannot parse it");
            cJSON_Delete(doc);
        } else if (formats[k].format == OUT_JUNIT) {
            ok = xml_well_formed(buf, len, why, sizeof why);
        } else if (formats[k].format == OUT_GITHUB) {
            ok = gh_commands_valid(buf, len, why, sizeof why);
        }
        if (!ok) {
            fprintf(stderr, "fuzz_lint: the %s output does not parse: %s\n", names[formats[k].format], why);
            abort();
        }
        free(buf);
    }
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
    check_output(&r, size % 8 == 0);
    lint_result_release(&r);
    lint_config_release(&cfg);
    return 0;
}
