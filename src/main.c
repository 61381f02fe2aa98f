/* main: parse options, collect inputs, lint each, emit, exit. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "baseline.h"
#include "cli.h"
#include "code.h"
#include "engine.h"
#include "fix.h"
#include "inputs.h"
#include "out.h"
#include "pool.h"

/* --baseline drops known findings; --write-baseline records them. */
static int apply_baseline(const cli_options *wf, lint_result *results, size_t n)
{
    char cwd[4096], err[1024] = "";
    if (!getcwd(cwd, sizeof cwd)) strcpy(cwd, "/");
    if (wf->baseline) {
        baseline *b = baseline_load(wf->baseline, err, sizeof err);
        if (b) baseline_filter(b, results, n, cwd);
        baseline_free(b);
    }
    if (!*err && wf->write_baseline) baseline_write(wf->write_baseline, results, n, cwd, err, sizeof err);
    if (!*err) return 0;
    fputs("samlint: ", stderr);
    out_escaped(stderr, err);
    fputc('\n', stderr);
    return 2;
}

/* pool_run's callback: every result is kept for out_emit, at its input's index. */
static void keep_result(void *user, size_t index, lint_result *r)
{
    lint_result *results = user;
    results[index] = *r;
}

int main(int argc, char **argv)
{
    lint_config cfg;
    lint_config_init(&cfg);
    cli_options wf;
    int done;
    int status = cli_parse(argc, argv, &cfg, &wf, &done);
    if (status || done) {
        lint_config_release(&cfg);
        return status;
    }
    input_list inputs;
    inputs_collect(&inputs, &cfg, wf.paths, wf.n_paths);
    for (size_t i = 0; i < inputs.n && wf.templates_only; i++) inputs.items[i].explicit_path = 0;
    lint_result *results = xcalloc(inputs.n, sizeof *results);
    pool_run(&cfg, inputs.items, inputs.n, wf.jobs, keep_result, results);

    int fixed = 0;
    if (wf.fix || wf.diff) {
        fix_options fo = {wf.unsafe_fixes, wf.diff ? stdout : NULL, 0};
        fixed = fix_results(&cfg, results, inputs.n, &fo);
    }
    int exit_code = apply_baseline(&wf, results, inputs.n);
    if (wf.diff) {  /* the diff is the output: 1 when there is one */
        exit_code = exit_code ? exit_code : fixed < 0 ? 2 : fixed > 0;
        wf.write_baseline = "";  /* nothing else goes out */
    }
    if (fixed < 0 && !exit_code) exit_code = 2;
    FILE *report = stdout;
    if (!wf.write_baseline && !exit_code && wf.output_file && !(report = fopen(wf.output_file, "w"))) {
        fputs("samlint: ", stderr);
        out_escaped(stderr, wf.output_file);
        fprintf(stderr, ": %s\n", strerror(errno));
        exit_code = 2;
    }
    if (!wf.write_baseline && !exit_code) out_emit(report, &wf.out, results, inputs.n);
    if (report != stdout && report && fclose(report) != 0) {
        fputs("samlint: ", stderr);
        out_escaped(stderr, wf.output_file);
        fprintf(stderr, ": %s\n", strerror(errno));
        exit_code = 2;
    }
    fflush(stdout);
    for (size_t i = 0; i < inputs.n; i++) {
        const lint_result *r = &results[i];
        if (r->error) {
            fputs("samlint: ", stderr);
            out_escaped(stderr, r->path);
            fputs(": ", stderr);
            out_escaped(stderr, r->error);
            fputc('\n', stderr);
            exit_code = 2;
        }
        for (size_t j = 0; j < r->n_findings && exit_code == 0 && !wf.write_baseline; j++)
            if (!r->findings[j].suppressed && cfg.fail_on != SEV_NONE && r->findings[j].sev >= cfg.fail_on)
                exit_code = 1;
    }
    if (exit_code == 1 && wf.exit_zero) exit_code = 0;
    for (size_t i = 0; i < inputs.n; i++) lint_result_release(&results[i]);
    free(results);
    inputs_release(&inputs);
    lint_config_release(&cfg);
    code_cache_release();
    return exit_code;
}
