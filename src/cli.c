/* cli: samlint's command line: options, the config file they override, --help. */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "cfg.h"
#include "cli.h"
#include "inputs.h"
#include "out.h"
#include "params.h"
#include "pool.h"
#include "ruledoc.h"
#include "types.h"
#include "version.h"

static const char usage_text[] =
    "usage: samlint [options] [--] [PATH...]\n"
    "Lint AWS SAM and CloudFormation templates. PATH is a file, a directory\n"
    "(searched for templates; default .) or - for standard input.\n"
    "\n"
    "  -f, --format FMT        text (default), json, sarif, github or junit\n"
    "  -o, --output-file FILE  write the report to FILE instead of standard output\n"
    "      --sarif-file FILE   also write the SARIF log to FILE (one run for CI)\n"
    "      --select IDS        only these rules (comma list; prefixes like SL2; names)\n"
    "      --ignore IDS        skip these rules\n"
    "      --severity ID=LVL   a rule's level: error, warning, info or off\n"
    "      --rule-option R.K=V set a rule option, e.g. SL304.factor=4\n"
    "      --fail-on LVL       exit 1 at or above: error, warning (default), info, none\n"
    "      --exit-zero         exit 0 even with findings (2 still means an error)\n"
    "      --exclude GLOB      skip matching paths in scans, as .gitignore does (--no-gitignore)\n"
    "      --config FILE       config file (default: the nearest .samlint.yaml; --no-config)\n"
    "      --baseline FILE     report only findings not in this baseline\n"
    "      --write-baseline FILE  record the current findings as the baseline\n"
    "      --stdin-filename F  the name (and folder) of the template read from -\n"
    "      --templates-only    skip named files that are no templates\n"
    "      --statistics        count findings per rule instead of listing them\n"
    "  -q, --quiet             findings only: no summary line\n"
    "      --show-suppressed   also list suppressed findings, with their reasons\n"
    "      --omit-suppressed   SARIF: leave suppressed findings out\n"
    "      --color WHEN        auto (default), always, never (NO_COLOR, FORCE_COLOR)\n"
    "      --no-excerpt        no source excerpt under text findings\n"
    "      --list-rules        list the rules (-f text, json, markdown or man)\n"
    "      --explain ID        print a rule's documentation\n"
    "      --fix               apply the safe fixes to the files, then report what is left\n"
    "      --unsafe-fixes      with --fix or --diff: also the fixes that change behaviour\n"
    "      --diff              print the fixes as a unified diff; write nothing\n"
    "      --lsp               serve the Language Server Protocol on stdin/stdout\n"
    "  -j, --jobs N            lint N files at once (default: the number of cores)\n"
    "      --max-file-size N   skip files larger than N bytes (K/M suffix; default 16M)\n"
    "      --today YYYY-MM-DD  date for runtime deprecation checks\n"
    "      --regions LIST      regions resource types must exist in (default us-east-1)\n"
    "      --parameters K=V,.. parameter values for the Defaults (--parameters-file F)\n"
    "  -h, --help              this help\n"
    "  -V, --version           print the version\n"
    "Exit status: 0 no findings at or above --fail-on, 1 findings, 2 usage error\n"
    "or an input that could not be read. Rule list: man samlint-rules.\n";

enum {
    OPT_SELECT = 256, OPT_IGNORE, OPT_SEVERITY, OPT_RULE_OPTION, OPT_FAIL_ON, OPT_MAX_FILE_SIZE,
    OPT_TODAY, OPT_COLOR, OPT_NO_EXCERPT, OPT_VERSION,
    OPT_CONFIG, OPT_NO_CONFIG, OPT_BASELINE, OPT_WRITE_BASELINE, OPT_TEMPLATES_ONLY, OPT_LIST_RULES,
    OPT_EXPLAIN, OPT_SHOW_SUPPRESSED, OPT_EXIT_ZERO, OPT_EXCLUDE, OPT_STDIN_FILENAME, OPT_STATISTICS,
    OPT_FIX, OPT_UNSAFE_FIXES, OPT_DIFF, OPT_LSP, OPT_REGIONS, OPT_OMIT_SUPPRESSED, OPT_PRE_COMMIT,
    OPT_PARAMETERS, OPT_PARAMETERS_FILE, OPT_NO_GITIGNORE, OPT_SARIF_FILE,
};

/* Both passes over argv (load_config, then parse_options) must use the same
 * options: getopt permutes argv by them. */
static const char short_options[] = "f:hj:o:qV";
static const struct option long_options[] = {
    {"format", required_argument, NULL, 'f'},
    {"select", required_argument, NULL, OPT_SELECT},
    {"ignore", required_argument, NULL, OPT_IGNORE},
    {"severity", required_argument, NULL, OPT_SEVERITY},
    {"rule-option", required_argument, NULL, OPT_RULE_OPTION},
    {"fail-on", required_argument, NULL, OPT_FAIL_ON},
    {"max-file-size", required_argument, NULL, OPT_MAX_FILE_SIZE},
    {"today", required_argument, NULL, OPT_TODAY},
    {"regions", required_argument, NULL, OPT_REGIONS},
    {"color", required_argument, NULL, OPT_COLOR},
    {"colour", required_argument, NULL, OPT_COLOR},
    {"no-excerpt", no_argument, NULL, OPT_NO_EXCERPT},
    {"jobs", required_argument, NULL, 'j'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {"config", required_argument, NULL, OPT_CONFIG},
    {"no-config", no_argument, NULL, OPT_NO_CONFIG},
    {"baseline", required_argument, NULL, OPT_BASELINE},
    {"write-baseline", required_argument, NULL, OPT_WRITE_BASELINE},
    {"templates-only", no_argument, NULL, OPT_TEMPLATES_ONLY},
    {"list-rules", no_argument, NULL, OPT_LIST_RULES},
    {"explain", required_argument, NULL, OPT_EXPLAIN},
    {"show-suppressed", no_argument, NULL, OPT_SHOW_SUPPRESSED},
    {"output-file", required_argument, NULL, 'o'},
    {"sarif-file", required_argument, NULL, OPT_SARIF_FILE},
    {"quiet", no_argument, NULL, 'q'},
    {"exit-zero", no_argument, NULL, OPT_EXIT_ZERO},
    {"exclude", required_argument, NULL, OPT_EXCLUDE},
    {"stdin-filename", required_argument, NULL, OPT_STDIN_FILENAME},
    {"statistics", no_argument, NULL, OPT_STATISTICS},
    {"omit-suppressed", no_argument, NULL, OPT_OMIT_SUPPRESSED},
    {"pre-commit", no_argument, NULL, OPT_PRE_COMMIT},
    {"fix", no_argument, NULL, OPT_FIX},
    {"unsafe-fixes", no_argument, NULL, OPT_UNSAFE_FIXES},
    {"diff", no_argument, NULL, OPT_DIFF},
    {"lsp", no_argument, NULL, OPT_LSP},
    {"parameters", required_argument, NULL, OPT_PARAMETERS},
    {"parameter-overrides", required_argument, NULL, OPT_PARAMETERS},
    {"parameters-file", required_argument, NULL, OPT_PARAMETERS_FILE},
    {"no-gitignore", no_argument, NULL, OPT_NO_GITIGNORE},
    {NULL, 0, NULL, 0},
};

int cli_usage_error(const char *fmt, const char *arg)
{
    /* The argument is the user's, or a file name: escaped, so it cannot
     * drive the terminal. */
    char *shown = arg ? out_escaped_str(arg) : NULL;
    fputs("samlint: ", stderr);
    fprintf(stderr, fmt, shown ? shown : "");
    fputs("\nTry 'samlint --help'.\n", stderr);
    free(shown);
    return 2;
}

/* Load --config FILE (none with --no-config) before the other options, so
 * that those override it. Without either, each file's folder finds its own
 * (cli_config_for_dir), and the run's config is the options alone. */
static int load_config(int argc, char **argv, lint_config *cfg, int *forced)
{
    const char *given = NULL;
    int none = 0, c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, short_options, long_options, NULL)) != -1) {
        if (c == OPT_CONFIG) given = optarg;
        else if (c == OPT_NO_CONFIG || c == OPT_LSP) none = 1;  /* the server finds one per document */
    }
    opterr = 1;
    optind = 0;  /* glibc: start the real parse afresh */
    *forced = none || given;
    if (none || !given) return 0;
    char err[1024];
    int status = cfg_load(cfg, given, err, sizeof err) < 0 ? 2 : 0;
    if (status) {
        fputs("samlint: ", stderr);
        out_escaped(stderr, err);
        fputc('\n', stderr);
    }
    return status;
}

/* --list-rules / --explain: print and stop. */
static int print_rule_docs(const cli_options *wf)
{
    if (wf->explain) {
        const rule *r = ruledoc_find(wf->explain);
        if (!r) return cli_usage_error("unknown rule '%s' (see samlint --list-rules)", wf->explain);
        ruledoc_explain(stdout, r);
        return 0;
    }
    if (ruledoc_list(stdout, wf->format ? wf->format : "text") < 0)
        return cli_usage_error("--list-rules formats: text, json, markdown, man; not '%s'", wf->format);
    return 0;
}

/* Append the comma-separated ids of `arg` to a list; 0 or -1 on a bad id. */
static int add_ids(char ***list, size_t *n, const char *arg)
{
    char *copy = xstrdup(arg);
    int status = 0;
    for (char *save = NULL, *tok = strtok_r(copy, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save)) {
        char *id = cfg_rule_canon(tok);  /* a rule name stands for its id; any case */
        if (!id && strncasecmp(tok, "SL", 2) != 0) status = -1;
        if (!id) {
            id = xstrdup(tok);
            for (char *c = id; *c; c++)
                if (*c >= 'a' && *c <= 'z') *c = (char)(*c - 'a' + 'A');
        }
        *list = xrealloc(*list, (*n + 1) * sizeof **list);
        (*list)[(*n)++] = id;
    }
    free(copy);
    return status;
}

static int parse_date(const char *s, int *out)
{
    int y, m, d;
    char tail;
    if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 || sscanf(s, "%4d%2d%2d%c", &y, &m, &d, &tail) == 3) {
        if (y < 1970 || m < 1 || m > 12 || d < 1 || d > 31) return -1;
        *out = y * 10000 + m * 100 + d;
        return 0;
    }
    return -1;
}

static int parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s) return -1;
    if (*end == 'k' || *end == 'K') { v *= 1024; end++; }
    else if (*end == 'm' || *end == 'M') { v *= 1024 * 1024; end++; }
    else if (*end == 'g' || *end == 'G') { v *= 1024ULL * 1024 * 1024; end++; }
    if (*end || v == 0) return -1;
    *out = (size_t)v;
    return 0;
}

/* --regions us-east-1,eu-west-1: each must be a region samlint knows. */
static int add_regions(lint_config *cfg, const char *list)
{
    const char *p = list;
    int any = 0;
    while (*p) {
        size_t n = strcspn(p, ", ");
        if (n) {
            char why[160];
            if (types_add_region(p, n, &cfg->regions, why, sizeof why) < 0) return cli_usage_error("%s", why);
            any = 1;
        }
        p += n;
        if (*p) p++;
    }
    if (!any) return cli_usage_error("--regions wants a comma list of regions, not '%s'", list);
    return 0;
}

static int today_now(void)
{
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

/* -j N: 1 to 1024 threads. */
static int parse_jobs(const char *s, int *jobs)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < 1 || v > 1024) return -1;
    *jobs = (int)v;
    return 0;
}

static int parse_options(int argc, char **argv, lint_config *cfg, cli_options *wf, int *done)
{
    int color = -1;  /* auto */
    out_options *out = &wf->out;
    int *jobs = &wf->jobs;
    const char *env_today = getenv("SAMLINT_TODAY");
    cfg->today = today_now();
    if (env_today && *env_today && parse_date(env_today, &cfg->today) != 0)
        return cli_usage_error("SAMLINT_TODAY='%s' is not a date (YYYY-MM-DD)", env_today);
    out->excerpt = 1;
    int c;
    while ((c = getopt_long(argc, argv, short_options, long_options, NULL)) != -1) {
        switch (c) {
        case 'f':
            wf->format = optarg;
            break;
        case OPT_SELECT:
            if (!wf->select_given) {  /* the command line's --select replaces the config's */
                for (size_t i = 0; i < cfg->n_select; i++) free(cfg->select[i]);
                cfg->n_select = 0;
                wf->select_given = 1;
            }
            if (add_ids(&cfg->select, &cfg->n_select, optarg)) return cli_usage_error("bad rule id in '%s'", optarg);
            break;
        case OPT_IGNORE:
            if (add_ids(&cfg->ignore, &cfg->n_ignore, optarg)) return cli_usage_error("bad rule id in '%s'", optarg);
            break;
        case OPT_SEVERITY: {
            const char *eq = strchr(optarg, '=');
            int off = eq && strcmp(eq + 1, "off") == 0;
            int sev = eq && !off ? severity_parse(eq + 1) : -2;
            if (!eq || (!off && sev < SEV_INFO))
                return cli_usage_error("--severity wants ID=error|warning|info|off, not '%s'", optarg);
            char *id = xstrdup(optarg);
            id[eq - optarg] = '\0';
            const rule *r = ruledoc_find(id);
            if (!r) {
                cli_usage_error("unknown rule '%s'", id);
                free(id);
                return 2;
            }
            free(id);
            if (off) {  /* as in the config file: off is --ignore */
                cfg->ignore = xrealloc(cfg->ignore, (cfg->n_ignore + 1) * sizeof *cfg->ignore);
                cfg->ignore[cfg->n_ignore++] = xstrdup(r->id);
                break;
            }
            cfg->sev_overrides = xrealloc(cfg->sev_overrides, (cfg->n_sev_overrides + 1) * sizeof *cfg->sev_overrides);
            sev_override *o = &cfg->sev_overrides[cfg->n_sev_overrides++];
            o->rule = xstrdup(r->id);
            o->sev = (severity)sev;
            break;
        }
        case OPT_RULE_OPTION: {
            const char *dot = strchr(optarg, '.'), *eq = strchr(optarg, '=');
            char *end = NULL;
            double v = eq ? strtod(eq + 1, &end) : 0;
            if (!dot || !eq || dot > eq || end == eq + 1 || *end || !isfinite(v))
                return cli_usage_error("--rule-option wants RULE.NAME=NUMBER (a finite number), not '%s'", optarg);
            cfg->opts = xrealloc(cfg->opts, (cfg->n_opts + 1) * sizeof *cfg->opts);
            rule_opt *o = &cfg->opts[cfg->n_opts++];
            o->rule = xstrdup(optarg);
            o->rule[dot - optarg] = '\0';
            o->name = xstrdup(dot + 1);
            o->name[eq - dot - 1] = '\0';
            o->value = v;
            const rule *r = ruledoc_find(o->rule);
            if (!r) return cli_usage_error("unknown rule '%s'", o->rule);
            if (!ruledoc_has_option(r, o->name))  /* as strict as the config file */
                return cli_usage_error("no such rule option '%s' (see samlint --explain RULE)", optarg);
            free(o->rule);
            o->rule = xstrdup(r->id);
            break;
        }
        case OPT_FAIL_ON: {
            int sev = severity_parse(optarg);
            if (sev == -2) return cli_usage_error("--fail-on wants error, warning, info or none, not '%s'", optarg);
            cfg->fail_on = (severity)sev;
            break;
        }
        case OPT_MAX_FILE_SIZE:
            if (parse_size(optarg, &cfg->max_file_size)) return cli_usage_error("bad size '%s'", optarg);
            break;
        case OPT_TODAY:
            if (parse_date(optarg, &cfg->today)) return cli_usage_error("--today wants YYYY-MM-DD, not '%s'", optarg);
            break;
        case OPT_REGIONS:
            if (!wf->regions_given) cfg->regions = 0;  /* the command line's replace the config's */
            wf->regions_given = 1;
            if (add_regions(cfg, optarg)) return 2;
            break;
        case OPT_COLOR:
            if (strcmp(optarg, "always") == 0) color = 1;
            else if (strcmp(optarg, "never") == 0) color = 0;
            else if (strcmp(optarg, "auto") == 0) color = -1;
            else return cli_usage_error("--color wants auto, always or never, not '%s'", optarg);
            break;
        case OPT_NO_EXCERPT: out->excerpt = 0; break;
        case OPT_CONFIG: case OPT_NO_CONFIG: break;  /* see load_config */
        case OPT_BASELINE: wf->baseline = optarg; out->baseline_given = 1; break;
        case OPT_WRITE_BASELINE: wf->write_baseline = optarg; break;
        case OPT_TEMPLATES_ONLY: wf->templates_only = 1; break;
        case OPT_LIST_RULES: wf->list_rules = 1; break;
        case OPT_EXPLAIN: wf->explain = optarg; break;
        case OPT_SHOW_SUPPRESSED: out->show_suppressed = 1; break;
        case 'o': wf->output_file = optarg; break;
        case OPT_SARIF_FILE: wf->sarif_file = optarg; break;
        case 'q': out->quiet = 1; break;
        case OPT_EXIT_ZERO: wf->exit_zero = 1; break;
        case OPT_EXCLUDE:
            cfg->exclude = xrealloc(cfg->exclude, (cfg->n_exclude + 1) * sizeof *cfg->exclude);
            cfg->exclude[cfg->n_exclude++] = xstrdup(optarg);
            break;
        case OPT_STDIN_FILENAME: cfg->stdin_name = optarg; break;
        case OPT_STATISTICS: out->statistics = 1; break;
        case OPT_OMIT_SUPPRESSED: out->omit_suppressed = 1; break;
        case OPT_PRE_COMMIT: wf->pre_commit = 1; cfg->want_code_dirs = 1; break;  /* every folder's config */
        case OPT_NO_GITIGNORE: cfg->no_gitignore = 1; break;
        case OPT_PARAMETERS:
        case OPT_PARAMETERS_FILE: {
            if (wf->replay) break;  /* read once; every config shares them */
            char err[1024];
            int rc = c == OPT_PARAMETERS ? params_add_arg(&wf->params, optarg, err, sizeof err)
                                         : params_load_file(&wf->params, optarg, err, sizeof err);
            /* The message names no value: a value may be a secret. */
            if (rc < 0) return cli_usage_error(c == OPT_PARAMETERS ? "--parameters: %s" : "%s", err);
            cfg->params = &wf->params;
            break;
        }
        case OPT_FIX: wf->fix = 1; break;
        case OPT_UNSAFE_FIXES: wf->unsafe_fixes = 1; break;
        case OPT_DIFF: wf->diff = 1; break;
        case OPT_LSP: wf->lsp = 1; break;
        case 'j':
            if (parse_jobs(optarg, jobs)) return cli_usage_error("-j wants a number of threads from 1 to 1024, not '%s'", optarg);
            break;
        case 'h':
            fputs(usage_text, stdout);
            *done = 1;
            return 0;
        case 'V':
            printf("samlint %s\n", SAMLINT_VERSION);
            *done = 1;
            return 0;
        default: return cli_usage_error("%s", "bad option");
        }
    }
    if (wf->unsafe_fixes && !wf->fix && !wf->diff)
        return cli_usage_error("%s", "--unsafe-fixes goes with --fix or --diff");
    if (wf->list_rules || wf->explain) {
        *done = 1;
        return print_rule_docs(wf);
    }
    static const char *const formats[] = {"text", "json", "sarif", "github", "junit", NULL};
    for (int i = 0; wf->format && formats[i]; i++)
        if (strcmp(wf->format, formats[i]) == 0) out->format = (out_format)i;
    if (wf->format && strcmp(wf->format, formats[out->format]) != 0)
        return cli_usage_error("unknown format '%s' (text, json, sarif, github, junit)", wf->format);
    for (size_t i = 0; i < cfg->n_select; i++)
        if (!rule_find(cfg->select[i]) && strlen(cfg->select[i]) >= 5)
            return cli_usage_error("unknown rule '%s'", cfg->select[i]);
    if (out->statistics && out->format != OUT_TEXT)
        return cli_usage_error("%s", "--statistics is a text report; it takes no --format");
    if (color < 0) {
        /* FORCE_COLOR (force-color.org) and NO_COLOR (no-color.org): set and
         * not empty; FORCE_COLOR wins, as it is the narrower request. */
        const char *no_color = getenv("NO_COLOR"), *force = getenv("FORCE_COLOR");
        if (force && *force) color = 1;
        else color = !wf->output_file && isatty(STDOUT_FILENO) && !(no_color && *no_color);
        color = color && out->format == OUT_TEXT;
    }
    out->color = color;
    out->cfg = cfg;
    return 0;
}

/* Does getopt give option `arg` (a "--name" or a "-xyz" cluster) the next
 * argv item as its value? */
static int takes_next(const char *arg)
{
    if (arg[1] == '-') {
        if (strchr(arg, '=')) return 0;
        for (const struct option *lo = long_options; lo->name; lo++)
            if (strcmp(lo->name, arg + 2) == 0) return lo->has_arg == required_argument;
        return 0;
    }
    for (const char *c = arg + 1; *c; c++) {
        const char *s = strchr(short_options, *c);
        if (s && s[1] == ':') return c[1] == '\0';  /* "-fjson" holds its value */
    }
    return 0;
}

/* "Name=..." that is no existing file: another pair of the deploy form. */
static int is_pair(const char *arg)
{
    size_t n = 0;
    while ((arg[n] >= 'A' && arg[n] <= 'Z') || (arg[n] >= 'a' && arg[n] <= 'z') || (arg[n] >= '0' && arg[n] <= '9')) n++;
    struct stat st;
    return n && arg[n] == '=' && stat(arg, &st) != 0;
}

/* aws cloudformation deploy's "--parameter-overrides K=V K2=V2" gives one
 * option several argv items: each pair after --parameters or
 * --parameter-overrides becomes an option of its own, so getopt sees
 * "--parameter-overrides K=V --parameter-overrides K2=V2". */
static char **expand_pairs(int argc, char **argv, int *new_argc)
{
    static char opt[] = "--parameter-overrides";
    char **out = xcalloc((size_t)argc * 2 + 1, sizeof *out);
    int n = 0;
    for (int i = 0; i < argc; i++) {
        out[n++] = argv[i];
        if (i == 0 || argv[i][0] != '-' || !argv[i][1]) continue;
        if (strcmp(argv[i], "--") == 0) {
            while (++i < argc) out[n++] = argv[i];
            break;
        }
        int pairs = strcmp(argv[i], "--parameters") == 0 || strcmp(argv[i], opt) == 0;
        if (!takes_next(argv[i]) || i + 1 >= argc) continue;
        out[n++] = argv[++i];
        while (pairs && i + 1 < argc && is_pair(argv[i + 1])) {
            out[n++] = opt;
            out[n++] = argv[++i];
        }
    }
    out[n] = NULL;
    *new_argc = n;
    return out;
}

typedef struct cli_config {
    char *path;         /* the .samlint.yaml, from its resolved folder */
    lint_config cfg;    /* it, with the command line's options over it */
    int broken;         /* it could not be read: reported once */
} cli_config;

/* The config of the file at `path` (taken), read the first time it is asked for. */
static const lint_config *config_file(cli_options *o, char *path)
{
    for (size_t i = 0; i < o->n_configs; i++)
        if (strcmp(o->configs[i]->path, path) == 0) {
            free(path);
            return o->configs[i]->broken ? NULL : &o->configs[i]->cfg;
        }
    cli_config *e = xcalloc(1, sizeof *e);
    e->path = path;
    lint_config_init(&e->cfg);
    o->configs = xrealloc(o->configs, (o->n_configs + 1) * sizeof *o->configs);
    o->configs[o->n_configs++] = e;
    char err[1024];
    if (cfg_load(&e->cfg, path, err, sizeof err) < 0) {
        fputs("samlint: ", stderr);
        out_escaped(stderr, err);
        fputc('\n', stderr);
        e->broken = 1;
        return NULL;
    }
    /* The command line over the file, exactly as over the run's: the
     * same parse again (it passed once, so it passes again). */
    cli_options again;
    memset(&again, 0, sizeof again);
    again.replay = 1;
    int done = 0;
    optind = 0;
    opterr = 0;
    parse_options(o->argc, o->argv, &e->cfg, &again, &done);
    opterr = 1;
    e->cfg.params = o->base->params;
    lint_config_resolve(&e->cfg);
    return &e->cfg;
}

const lint_config *cli_config_for_dir(void *user, const char *dir, const lint_config *parent)
{
    cli_options *o = user;
    if (o->config_forced) return o->base;
    if (parent) {  /* a scan going down: only this folder can have a new one */
        size_t n = strlen(dir) + sizeof CFG_FILE_NAME + 2;
        char *cand = xrealloc(NULL, n);
        snprintf(cand, n, "%s/%s", dir, CFG_FILE_NAME);
        struct stat st;
        int here = stat(cand, &st) == 0 && S_ISREG(st.st_mode);
        free(cand);
        if (!here) return parent;
    }
    char *found = cfg_find_in(dir);
    return found ? config_file(o, found) : o->base;
}

void cli_assign_configs(cli_options *o, input_list *inputs)
{
    for (size_t i = 0; i < inputs->n; i++) {
        input *in = &inputs->items[i];
        if (in->cfg || in->error) continue;
        const char *file = strcmp(in->path, "-") == 0 ? o->base->stdin_name : in->path;
        char *dir = NULL;
        if (file && strrchr(file, '/')) {
            dir = xstrdup(file);
            char *slash = strrchr(dir, '/');
            slash[slash == dir] = '\0';  /* "/t.yaml" -> "/" */
        }
        in->cfg = cli_config_for_dir(o, dir ? dir : ".", NULL);
        free(dir);
        if (!in->cfg) in->error = xstrdup("not linted: its .samlint.yaml has a mistake");
    }
}

void cli_release(cli_options *o)
{
    for (size_t i = 0; i < o->n_configs; i++) {
        lint_config_release(&o->configs[i]->cfg);
        free(o->configs[i]->path);
        free(o->configs[i]);
    }
    free(o->configs);
    o->configs = NULL;
    o->n_configs = 0;
    params_release(&o->params);
    free(o->argv);
    o->argv = NULL;
}

int cli_parse(int argc, char **argv, lint_config *cfg, cli_options *o, int *done)
{
    memset(o, 0, sizeof *o);
    o->argv = expand_pairs(argc, argv, &argc);
    argv = o->argv;
    o->argc = argc;
    o->base = cfg;
    o->out.format = OUT_TEXT;
    o->out.excerpt = 1;
    o->jobs = pool_default_jobs();
    *done = 0;
    int status = load_config(argc, argv, cfg, &o->config_forced);
    if (!status) status = parse_options(argc, argv, cfg, o, done);
    if (status || *done) return status;
    o->paths = argv + optind;
    o->n_paths = (size_t)(argc - optind);
    if (o->n_paths == 0) {  /* no PATH: the project, as ruff and cfn-lint's users expect */
        static char dot[] = ".", *here[] = {dot, NULL};
        o->paths = here;
        o->n_paths = 1;
    }
    return 0;
}
