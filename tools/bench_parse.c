/* bench_parse: the parse-only baseline for `make bench`: libyaml events over every template, nothing else. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

/* Same selection as a samlint directory scan (src/inputs.c): .yaml, .yml,
 * .json, .template files; these folders skipped; symlinked folders not followed. */
static int is_skipped_dir(const char *name)
{
    static const char *const dirs[] = {".git", "node_modules", ".aws-sam", "cdk.out", NULL};
    for (int i = 0; dirs[i]; i++)
        if (strcmp(name, dirs[i]) == 0)
            return 1;
    return 0;
}

/* .yaml, .yml, .json or .template. */
static int is_template_name(const char *name)
{
    static const char *const exts[] = {".yaml", ".yml", ".json", ".template", NULL};
    size_t n = strlen(name);
    for (int i = 0; exts[i]; i++) {
        size_t e = strlen(exts[i]);
        if (n > e && strcmp(name + n - e, exts[i]) == 0)
            return 1;
    }
    return 0;
}

struct totals { size_t files, bytes, events, errors; };

static void parse_file(const char *path, struct totals *t)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    size_t cap = 1 << 16, len = 0;
    unsigned char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap) {
            unsigned char *grown = realloc(buf, cap * 2);
            if (!grown)
                free(buf);
            buf = grown;
            cap *= 2;
        }
    }
    fclose(f);
    if (!buf)
        return;
    yaml_parser_t parser;
    yaml_event_t event;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, buf, len);
    for (;;) {
        if (!yaml_parser_parse(&parser, &event)) {
            t->errors++;
            break;
        }
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        t->events++;
        if (done)
            break;
    }
    yaml_parser_delete(&parser);
    free(buf);
    t->files++;
    t->bytes += len;
}

static void walk(const char *path, int named, struct totals *t)
{
    struct stat st;
    if ((named ? stat(path, &st) : lstat(path, &st)) != 0)
        return;
    if (S_ISLNK(st.st_mode)) {
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && is_template_name(path))
            parse_file(path, t);
        return;
    }
    if (!S_ISDIR(st.st_mode)) {
        if (named || (S_ISREG(st.st_mode) && is_template_name(path)))
            parse_file(path, t);
        return;
    }
    DIR *dir = opendir(path);
    if (!dir)
        return;
    struct dirent *ent;
    while ((ent = readdir(dir)) != NULL) {
        if (strcmp(ent->d_name, ".") == 0 || strcmp(ent->d_name, "..") == 0 || is_skipped_dir(ent->d_name))
            continue;
        size_t n = strlen(path) + strlen(ent->d_name) + 2;
        char *child = malloc(n);
        if (!child)
            break;
        snprintf(child, n, "%s/%s", path, ent->d_name);
        walk(child, 0, t);
        free(child);
    }
    closedir(dir);
}

int main(int argc, char **argv)
{
    struct totals t = {0, 0, 0, 0};
    if (argc < 2) {
        fprintf(stderr, "usage: bench_parse PATH...\n");
        return 2;
    }
    for (int i = 1; i < argc; i++)
        walk(argv[i], 1, &t);
    printf("files %zu bytes %zu events %zu errors %zu\n", t.files, t.bytes, t.events, t.errors);
    return 0;
}
