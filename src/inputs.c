/* inputs: the files to lint, from the command line's paths and directories. */
#include "inputs.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "code.h"
#include "gitignore.h"

#define MAX_DIR_DEPTH 64

static const char *const skipped_dirs[] = {".git", "node_modules", ".aws-sam", "cdk.out", NULL};
static const char *const template_exts[] = {".yaml", ".yml", ".json", ".template", NULL};

static input *add(input_list *l, const char *path, int explicit_path, const char *error)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->items = xrealloc(l->items, l->cap * sizeof *l->items);
    }
    input *in = &l->items[l->n++];
    /* One path style in the output: "./t.yaml" (typed, or from a scan of
     * ".") is shown as "t.yaml", like every other relative path. */
    while (path[0] == '.' && path[1] == '/' && path[2]) {
        path += 2;
        while (path[0] == '/' && path[1]) path++;
    }
    in->path = xstrdup(path);
    in->explicit_path = explicit_path;
    in->error = error ? xstrdup(error) : NULL;
    in->for_code = 0;
    in->cfg = NULL;
    return in;
}

static int has_template_ext(const char *name)
{
    size_t n = strlen(name);
    for (int i = 0; template_exts[i]; i++) {
        size_t e = strlen(template_exts[i]);
        if (n > e && strcmp(name + n - e, template_exts[i]) == 0) return 1;
    }
    return 0;
}

/* A glob matches the path, its file name, or any trailing part of the path
 * that starts at a folder (the glob vendor/<star> skips infra/vendor/x.yaml
 * too), so that it means the same from any working directory. */
static int excluded(const lint_config *cfg, const char *path, const char *name)
{
    for (size_t i = 0; i < cfg->n_exclude; i++) {
        const char *p = path;
        while (strncmp(p, "./", 2) == 0) p += 2;
        if (fnmatch(cfg->exclude[i], name, 0) == 0) return 1;
        for (;;) {
            if (fnmatch(cfg->exclude[i], p, 0) == 0) return 1;
            const char *slash = strchr(p, '/');
            if (!slash) break;
            p = slash + 1;
        }
    }
    return 0;
}

/* Entries sort by name, past their type byte. */
static int cmp_entry(const void *a, const void *b)
{
    return strcmp(*(char *const *)a + 1, *(char *const *)b + 1);
}

/* A scan of one folder: `rel` is its path from the git work tree's root
 * ("" or "a/b/") for the .gitignore rules in `gi`. */
static void walk(input_list *l, const lint_config *cfg, const input_configs *cc, gi_stack *gi, const char *dir,
                 const char *rel, int depth)
{
    if (depth > MAX_DIR_DEPTH) {  /* said, not skipped silently: exit 2 names it */
        add(l, dir, 0, "directories nested deeper than 64 levels: not searched");
        return;
    }
    if (cc) {
        cfg = cc->for_dir(cc->user, dir, depth ? cfg : NULL);
        if (!cfg) {
            add(l, dir, 0, "not searched: its .samlint.yaml has a mistake");
            return;
        }
    }
    DIR *dp = opendir(dir);
    if (!dp) {
        add(l, dir, 0, strerror(errno));
        return;
    }
    /* Each name is stored after a byte with its d_type, so that regular
     * files and directories need no lstat (file systems that do not say
     * give DT_UNKNOWN, and then lstat decides). */
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(dp)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0) continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            names = xrealloc(names, cap * sizeof *names);
        }
        size_t len = strlen(de->d_name);
        char *e = xrealloc(NULL, len + 2);
        e[0] = (char)de->d_type;
        memcpy(e + 1, de->d_name, len + 1);
        names[n++] = e;
    }
    closedir(dp);
    if (n) qsort(names, n, sizeof *names, cmp_entry);
    size_t dlen = strlen(dir), rlen = strlen(rel);
    /* This folder's .gitignore, when it has one, while it is scanned. */
    int pushed = 0;
    for (size_t i = 0; i < n && gi->active && !cfg->no_gitignore; i++)
        if (strcmp(names[i] + 1, ".gitignore") == 0) {
            char *gpath = xrealloc(NULL, dlen + 12);
            snprintf(gpath, dlen + 12, "%s/.gitignore", dir);
            pushed = gi_push(gi, gpath, rel);
            free(gpath);
        }
    for (size_t i = 0; i < n; i++) {
        unsigned char type = (unsigned char)names[i][0];
        const char *name = names[i] + 1;
        if (type == DT_REG && !has_template_ext(name)) {
            free(names[i]);
            continue;
        }
        size_t plen = dlen + strlen(name) + 2;
        char *path = xrealloc(NULL, plen);
        if (dlen && dir[dlen - 1] == '/') snprintf(path, plen, "%s%s", dir, name);
        else snprintf(path, plen, "%s/%s", dir, name);
        struct stat lst;
        mode_t mode = type == DT_REG ? S_IFREG : type == DT_DIR ? S_IFDIR : 0;
        if (!mode && lstat(path, &lst) == 0) mode = lst.st_mode;
        char *entry_rel = xrealloc(NULL, rlen + strlen(name) + 2);
        snprintf(entry_rel, rlen + strlen(name) + 2, "%s%s", rel, name);
        if (mode && !excluded(cfg, path, name) && (cfg->no_gitignore || !gi_ignored(gi, entry_rel, S_ISDIR(mode)))) {
            int skip = 0;
            for (int k = 0; skipped_dirs[k]; k++)
                if (strcmp(name, skipped_dirs[k]) == 0) skip = 1;
            if (S_ISDIR(mode)) {
                strcat(entry_rel, "/");
                if (!skip) walk(l, cfg, cc, gi, path, entry_rel, depth + 1);
            } else if (has_template_ext(name)) {
                /* A symlink to a regular file is linted; links to
                 * directories are not followed (no loops). */
                struct stat st;
                if (S_ISREG(mode) || (S_ISLNK(mode) && stat(path, &st) == 0 && S_ISREG(st.st_mode)))
                    add(l, path, 0, NULL)->cfg = cc ? cfg : NULL;
            }
        }
        free(entry_rel);
        free(path);
        free(names[i]);
    }
    free(names);
    if (pushed) gi_pop(gi);
}

void inputs_collect(input_list *l, const lint_config *cfg, char **paths, size_t n)
{
    inputs_collect_with(l, cfg, NULL, paths, n);
}

void inputs_collect_with(input_list *l, const lint_config *cfg, const input_configs *cc, char **paths, size_t n)
{
    memset(l, 0, sizeof *l);
    int stdin_taken = 0;
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (strcmp(paths[i], "-") == 0) {
            if (!stdin_taken++) add(l, paths[i], 1, NULL);  /* standard input is read once */
        } else if (stat(paths[i], &st) != 0) {
            char msg[256];
            snprintf(msg, sizeof msg, "cannot open: %s", strerror(errno));
            add(l, paths[i], 1, msg);
        } else if (S_ISDIR(st.st_mode)) {
            gi_stack gi;
            char *rel;
            gi_begin(&gi, paths[i], &rel);  /* the .gitignore files above it */
            walk(l, cfg, cc, &gi, paths[i], rel, 0);
            gi_release(&gi);
            free(rel);
        } else {
            add(l, paths[i], 1, NULL);
        }
    }
}

static int has_code_ext(const char *name)
{
    return code_lang_of_path(name) != CODE_OTHER;
}

static int listed(const input_list *l, const char *path)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->items[i].path, path) == 0) return 1;
    return 0;
}

/* The template files (by extension) in each folder from `code`'s upward, to
 * the root of its git work tree (or 16 levels), not yet listed. */
static void add_templates_above(input_list *l, const lint_config *cfg, const char *code)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", code);
    char *slash = strrchr(dir, '/');
    if (slash) *slash = '\0';
    else strcpy(dir, ".");
    for (int depth = 0; depth < 16; depth++) {
        DIR *dp = opendir(dir);
        if (dp) {
            char **names = NULL;
            size_t n = 0;
            struct dirent *de;
            while ((de = readdir(dp)) != NULL)
                if (de->d_name[0] != '.' || strcmp(de->d_name, ".samlint.yaml") != 0)
                    if (has_template_ext(de->d_name) && strcmp(de->d_name, ".samlint.yaml") != 0) {
                        names = xrealloc(names, (n + 1) * sizeof *names);
                        names[n++] = xstrdup(de->d_name);
                    }
            closedir(dp);
            for (size_t i = 0; i < n; i++) {
                char path[4096 + 256];
                if (strcmp(dir, ".") == 0) snprintf(path, sizeof path, "%s", names[i]);
                else snprintf(path, sizeof path, "%s/%s", dir, names[i]);
                struct stat st;
                if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && !excluded(cfg, path, names[i]) &&
                    !listed(l, path))
                    add(l, path, 0, NULL);
                free(names[i]);
            }
            free(names);
        }
        char git[4096 + 8];
        snprintf(git, sizeof git, "%s/.git", dir);
        struct stat gst;
        if (lstat(git, &gst) == 0) return;  /* the work tree's root */
        size_t len = strlen(dir);
        if (strcmp(dir, ".") == 0 || (len >= 2 && strcmp(dir + len - 2, "..") == 0)) {
            if (len + 4 >= sizeof dir) return;
            strcpy(dir + len, strcmp(dir, ".") == 0 ? "" : "/..");
            if (strcmp(dir, "") == 0) strcpy(dir, "..");
        } else if ((slash = strrchr(dir, '/')) != NULL) {
            if (slash == dir) return;  /* "/": the top */
            *slash = '\0';
        } else {
            strcpy(dir, ".");
        }
    }
}

void inputs_for_hook(input_list *l, const lint_config *cfg)
{
    size_t n = l->n, kept = 0, n_staged = 0;
    input *named = l->items;
    char **staged = xcalloc(n ? n : 1, sizeof *staged);
    l->items = NULL;
    l->n = l->cap = 0;
    for (size_t i = 0; i < n; i++) {
        const char *path = named[i].path;
        const char *name = strrchr(path, '/');
        name = name ? name + 1 : path;
        if (named[i].error || strcmp(path, "-") == 0 || !has_code_ext(name)) {
            named[i].explicit_path = 0;  /* no SL002 for the YAML files that are no templates */
            named[kept++] = named[i];
            continue;
        }
        char *real = realpath(path, NULL);
        if (real) {
            l->code = xrealloc(l->code, (l->n_code + 1) * sizeof *l->code);
            l->code[l->n_code++] = real;
        }
        staged[n_staged++] = named[i].path;
    }
    /* The named files first, in their order, then the candidates. */
    for (size_t i = 0; i < kept; i++) {
        add(l, named[i].path, 0, named[i].error)->cfg = named[i].cfg;
        free(named[i].path);
        free(named[i].error);
    }
    free(named);
    size_t first = l->n;
    for (size_t i = 0; i < n_staged; i++) {
        add_templates_above(l, cfg, staged[i]);
        free(staged[i]);
    }
    free(staged);
    for (size_t i = first; i < l->n; i++) l->items[i].for_code = 1;
}

/* Is real path `file` inside folder `dir` (any path)? */
static int holds(const char *dir, const char *file)
{
    char *real = realpath(dir, NULL);
    if (!real) return 0;
    size_t n = strlen(real);
    while (n > 1 && real[n - 1] == '/') n--;
    int in = strncmp(file, real, n) == 0 && (file[n] == '/' || (n == 1 && real[0] == '/'));
    free(real);
    return in;
}

void inputs_hook_filter(input_list *l, lint_result *results)
{
    size_t w = 0;
    for (size_t i = 0; i < l->n; i++) {
        int keep = !l->items[i].for_code;
        for (size_t d = 0; !keep && d < results[i].n_code_dirs; d++)
            for (size_t c = 0; !keep && c < l->n_code; c++)
                keep = holds(results[i].code_dirs[d], l->code[c]);
        if (!keep) {
            lint_result_release(&results[i]);
            free(l->items[i].path);
            free(l->items[i].error);
            continue;
        }
        l->items[w] = l->items[i];
        results[w++] = results[i];
    }
    l->n = w;
}

void inputs_release(input_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->items[i].path);
        free(l->items[i].error);
    }
    free(l->items);
    for (size_t i = 0; i < l->n_code; i++) free(l->code[i]);
    free(l->code);
    memset(l, 0, sizeof *l);
}
