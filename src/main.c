/* main: parse options, collect inputs, lint each, emit, exit. */
#include <signal.h>
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
#include "lsp.h"
#include "out.h"
#include "params.h"
#include "pool.h"
#include "writer.h"

/* "samlint: MESSAGE" on stderr, the message escaped. */
static void print_error(const char *msg)
{
    fputs("samlint: ", stderr);
    out_escaped(stderr, msg);
    fputc('\n', stderr);
}

/* --baseline drops known findings; --write-baseline records them. */
static int apply_baseline(const cli_options *wf, lint_result *results, size_t n)
{
    char cwd[4096], base[4096], err[1024] = "";
    if (!getcwd(cwd, sizeof cwd)) strcpy(cwd, "/");
    if (wf->baseline) {
        /* Paths in a baseline are relative to its folder: the working
         * directory changes nothing. SARIF keeps the known findings. */
        baseline_dir(cwd, wf->baseline, base, sizeof base);
        baseline *b = baseline_load(wf->baseline, err, sizeof err);
        if (b) baseline_filter(b, results, n, cwd, base, wf->out.format == OUT_SARIF || wf->sarif_file);
        baseline_free(b);
    }
    if (!*err && wf->write_baseline) {
        baseline_dir(cwd, wf->write_baseline, base, sizeof base);
        baseline_write(wf->write_baseline, results, n, cwd, base, err, sizeof err);
    }
    if (!*err) return 0;
    print_error(err);
    return 2;
}

/* --sarif-file: the SARIF log to its own checked writer, before the report
 * in the chosen format; then the findings that only SARIF keeps (known to
 * the baseline) are dropped for that report. Returns 0 or 2. */
static int emit_sarif_file(const cli_options *wf, lint_result *results, size_t n)
{
    writer w = {0};
    char err[512];
    out_options so = wf->out;
    so.format = OUT_SARIF;
    so.color = 0;
    int status = 0;
    if (writer_open_path(&w, wf->sarif_file) < 0) status = 2;  /* writer_close says why */
    else if (out_emit(w.f, &so, results, n) < 0) {
        print_error("out of memory rendering the SARIF log; it is incomplete");
        status = 2;
    }
    if (writer_close(&w, err, sizeof err) < 0) {
        print_error(err);
        status = 2;
    }
    if (wf->out.format == OUT_SARIF) return status;
    for (size_t i = 0; i < n; i++) {
        size_t kept = 0;
        for (size_t j = 0; j < results[i].n_findings; j++)
            if (!results[i].findings[j].baselined) results[i].findings[kept++] = results[i].findings[j];
        results[i].n_findings = kept;
    }
    return status;
}

/* A name no linted template declares is most likely misspelt: said, but
 * not an error, as one set of values serves every template of a scan. */
static void warn_unused_params(param_list *params, const lint_result *results, size_t n)
{
    int linted = 0;
    for (size_t i = 0; i < n && !linted; i++) linted = results[i].linted;
    for (size_t i = 0; linted && i < params->n; i++) {
        if (atomic_load_explicit(&params->items[i].used, memory_order_relaxed)) continue;
        fputs("samlint: warning: no linted template has a parameter named '", stderr);
        out_escaped(stderr, params->items[i].name);
        fputs("'; its value is not used\n", stderr);
    }
}

/* --fail-on of the config the result was linted with. */
static severity fail_on(const lint_result *r, const lint_config *run)
{
    return r->cfg ? r->cfg->fail_on : run->fail_on;
}

/* pool_run's callback: every result is kept for out_emit, at its input's index. */
static void keep_result(void *user, size_t index, lint_result *r)
{
    lint_result *results = user;
    results[index] = *r;
}

/* Standard output goes through one checked writer (glibc lets a program
 * set stdout): every write to it, whoever makes it, is checked, and a
 * failed write, flush or close ends the run with status 2 and a message.
 * SIGPIPE is ignored so that a closed pipe is such a failure too. */
static writer std_out;

static int finish_output(int status)
{
    char err[512];
    if (writer_close(&std_out, err, sizeof err) < 0) {
        print_error(err);
        return 2;
    }
    return status;
}

static int run(int argc, char **argv);

int main(int argc, char **argv)
{
    writer_reserve_std_fds();
    signal(SIGPIPE, SIG_IGN);
    if (writer_open_stdout(&std_out) < 0) {
        print_error("standard output: cannot set up the output stream");
        return 2;
    }
    stdout = std_out.f;
    return finish_output(run(argc, argv));
}

static int run(int argc, char **argv)
{
    lint_config cfg;
    lint_config_init(&cfg);
    cli_options wf;
    int done;
    int status = cli_parse(argc, argv, &cfg, &wf, &done);
    if (status || done) {
        lint_config_release(&cfg);
        cli_release(&wf);
        return status;
    }
    lint_config_resolve(&cfg);
    if (wf.lsp) {
        status = lsp_serve(&cfg, 0, 1);
        lint_config_release(&cfg);
        cli_release(&wf);
        return status;
    }
    input_list inputs;
    /* Each file is linted with the nearest .samlint.yaml above it. */
    input_configs per_folder = {cli_config_for_dir, &wf};
    inputs_collect_with(&inputs, &cfg, &per_folder, wf.paths, wf.n_paths);
    for (size_t i = 0; i < inputs.n && wf.templates_only; i++) inputs.items[i].explicit_path = 0;
    if (wf.pre_commit) inputs_for_hook(&inputs, &cfg);
    cli_assign_configs(&wf, &inputs);
    if (inputs.n && inputs.items[0].cfg) wf.out.cfg = inputs.items[0].cfg;  /* SARIF's rules that run */
    lint_result *results = xcalloc(inputs.n ? inputs.n : 1, sizeof *results);
    pool_run(&cfg, inputs.items, inputs.n, wf.jobs, keep_result, results);
    if (wf.pre_commit) inputs_hook_filter(&inputs, results);

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
    lint_results_mask_paths(results, inputs.n);  /* every output below, and the error lines */
    if (!wf.write_baseline && !exit_code && wf.sarif_file) exit_code = emit_sarif_file(&wf, results, inputs.n);
    /* --output-file: the report goes through a checked writer of its own. */
    writer file_out = {0};
    FILE *report = stdout;
    if (!wf.write_baseline && !exit_code && wf.output_file) {
        if (writer_open_path(&file_out, wf.output_file) == 0) report = file_out.f;
        else exit_code = 2;
    }
    if (!wf.write_baseline && !exit_code && out_emit(report, &wf.out, results, inputs.n) < 0) {
        print_error("out of memory rendering the output; it is incomplete");
        exit_code = 2;
    }
    if (wf.output_file && !wf.write_baseline) {
        char err[512];
        if (writer_close(&file_out, err, sizeof err) < 0) {
            print_error(err);
            exit_code = 2;
        }
    }
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
            if (!r->findings[j].suppressed && !r->findings[j].baselined && fail_on(r, &cfg) != SEV_NONE &&
                r->findings[j].sev >= fail_on(r, &cfg))
                exit_code = 1;
    }
    if (exit_code == 1 && wf.exit_zero) exit_code = 0;
    warn_unused_params(&wf.params, results, inputs.n);
    for (size_t i = 0; i < inputs.n; i++) lint_result_release(&results[i]);
    free(results);
    inputs_release(&inputs);
    lint_config_release(&cfg);
    cli_release(&wf);
    code_cache_release();
    return exit_code;
}
