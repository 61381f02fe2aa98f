/* gitignore: the .gitignore rules of a git work tree, for directory scans. */
#include "gitignore.h"

#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "rfile.h"

#define GI_MAX_SEGS 64     /* folders in one pattern */
#define GI_MAX_DEPTH 256   /* folders in one path */

typedef struct gi_pat {
    char **segs;        /* the pattern split at '/' ("**" stands alone) */
    size_t n_segs;
    int negate;         /* !pattern: include again */
    int dir_only;       /* pattern/: folders only */
    int name_only;      /* no '/' inside: matches the entry's name at any depth */
} gi_pat;

struct gi_file {
    char *base;         /* the folder's path from the root: "" or "a/b/" */
    size_t base_len;
    char *text;         /* the patterns, split in place */
    gi_pat *pats;
    size_t n;
};

/* One line into a pattern (in place); 0 when it holds none. */
static int parse_line(char *line, gi_pat *p, char **segs_out)
{
    size_t n = strlen(line);
    if (n && line[n - 1] == '\r') line[--n] = '\0';
    /* Trailing blanks go, unless escaped with a backslash. */
    while (n && (line[n - 1] == ' ' || line[n - 1] == '\t') && !(n >= 2 && line[n - 2] == '\\')) line[--n] = '\0';
    if (n >= 2 && line[n - 2] == '\\' && line[n - 1] == ' ') {
        line[n - 2] = ' ';
        line[--n] = '\0';
    }
    if (!n || line[0] == '#') return 0;
    memset(p, 0, sizeof *p);
    if (line[0] == '!') {
        p->negate = 1;
        line++;
        n--;
    } else if (line[0] == '\\' && (line[1] == '!' || line[1] == '#')) {
        line++;
        n--;
    }
    while (n && line[n - 1] == '/') {
        p->dir_only = 1;
        line[--n] = '\0';
    }
    if (!n) return 0;
    p->name_only = strchr(line, '/') == NULL;
    if (line[0] == '/') line++;
    size_t k = 0;
    for (char *save = NULL, *seg = strtok_r(line, "/", &save); seg; seg = strtok_r(NULL, "/", &save)) {
        if (k && strcmp(seg, "**") == 0 && strcmp(segs_out[k - 1], "**") == 0) continue;  /* two "**" in a row are one */
        if (k == GI_MAX_SEGS) return 0;
        segs_out[k++] = seg;
    }
    if (!k) return 0;
    p->n_segs = k;
    return 1;
}

static gi_file *load(const char *path, const char *base)
{
    char *buf = NULL, why[256];
    size_t len = 0;
    if (rfile_read(path, GI_MAX_FILE, &buf, &len, why, sizeof why) != RFILE_OK) return NULL;
    gi_file *f = xcalloc(1, sizeof *f);
    f->base = xstrdup(base);
    f->base_len = strlen(base);
    f->text = buf;
    size_t lines = 1;
    for (size_t i = 0; i < len; i++) lines += buf[i] == '\n';
    size_t cap = lines < GI_MAX_PATTERNS ? lines : GI_MAX_PATTERNS;
    f->pats = xcalloc(cap ? cap : 1, sizeof *f->pats);
    char *segs[GI_MAX_SEGS];
    for (char *save = NULL, *line = strtok_r(buf, "\n", &save); line && f->n < cap; line = strtok_r(NULL, "\n", &save)) {
        gi_pat p;
        if (!parse_line(line, &p, segs)) continue;
        p.segs = xcalloc(p.n_segs, sizeof *p.segs);
        memcpy(p.segs, segs, p.n_segs * sizeof *segs);
        f->pats[f->n++] = p;
    }
    return f;
}

static void free_file(gi_file *f)
{
    for (size_t i = 0; i < f->n; i++) free(f->pats[i].segs);
    free(f->pats);
    free(f->text);
    free(f->base);
    free(f);
}

int gi_push(gi_stack *s, const char *path, const char *base)
{
    gi_file *f = load(path, base);
    if (!f) return 0;
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 8;
        s->files = xrealloc(s->files, s->cap * sizeof *s->files);
    }
    s->files[s->n++] = f;
    return 1;
}

void gi_pop(gi_stack *s)
{
    if (s->n) free_file(s->files[--s->n]);
}

/* Segments pi.. of the pattern against path segments si..; memo holds
 * 0 unknown, 1 no, 2 yes per (pi, si), so "**" costs O(P x S). */
static int match_from(const gi_pat *p, char **segs, size_t n, size_t pi, size_t si, unsigned char *memo)
{
    unsigned char *m = &memo[pi * (n + 1) + si];
    if (*m) return *m == 2;
    int yes;
    if (pi == p->n_segs) yes = si == n;
    else if (strcmp(p->segs[pi], "**") == 0)
        yes = match_from(p, segs, n, pi + 1, si, memo) || (si < n && match_from(p, segs, n, pi, si + 1, memo));
    else
        yes = si < n && fnmatch(p->segs[pi], segs[si], 0) == 0 && match_from(p, segs, n, pi + 1, si + 1, memo);
    *m = yes ? 2 : 1;
    return yes;
}

static int pat_matches(const gi_pat *p, char **segs, size_t n, unsigned char *memo)
{
    if (p->name_only) return fnmatch(p->segs[0], segs[n - 1], 0) == 0;
    memset(memo, 0, (p->n_segs + 1) * (n + 1));
    return match_from(p, segs, n, 0, 0, memo);
}

int gi_ignored(const gi_stack *s, const char *rel, int is_dir)
{
    if (!s->active || !s->n) return 0;
    char *copy = xstrdup(rel);
    char *segs[GI_MAX_DEPTH];
    size_t n_all = 0;
    for (char *save = NULL, *seg = strtok_r(copy, "/", &save); seg && n_all < GI_MAX_DEPTH; seg = strtok_r(NULL, "/", &save))
        segs[n_all++] = seg;
    int ignored = 0, decided = 0;
    unsigned char memo[(GI_MAX_SEGS + 1) * (GI_MAX_DEPTH + 1)];
    for (size_t i = s->n; i-- > 0 && !decided && n_all;) {
        const gi_file *f = s->files[i];
        if (strncmp(rel, f->base, f->base_len) != 0) continue;
        size_t skip = 0;  /* the base's own folders */
        for (size_t k = 0; k < f->base_len; k++) skip += f->base[k] == '/';
        if (skip >= n_all) continue;
        for (size_t j = f->n; j-- > 0;) {
            const gi_pat *p = &f->pats[j];
            if (p->dir_only && !is_dir) continue;
            if (pat_matches(p, segs + skip, n_all - skip, memo)) {
                ignored = !p->negate;
                decided = 1;
                break;
            }
        }
    }
    free(copy);
    return ignored;
}

void gi_begin(gi_stack *s, const char *dir, char **rel)
{
    memset(s, 0, sizeof *s);
    *rel = xstrdup("");
    char *abs = realpath(dir, NULL);
    if (!abs) return;
    /* The work tree's root: the nearest folder upward with a .git. */
    size_t root_len = strlen(abs);
    for (;;) {
        char probe[4096 + 8];
        snprintf(probe, sizeof probe, "%.*s/.git", (int)root_len, abs);
        struct stat st;
        if (root_len < 4096 && lstat(probe, &st) == 0) {
            s->active = 1;
            if (S_ISDIR(st.st_mode)) {
                snprintf(probe, sizeof probe, "%.*s/.git/info/exclude", (int)root_len, abs);
                if (root_len < 4080) gi_push(s, probe, "");
            }
            break;
        }
        while (root_len > 0 && abs[root_len - 1] != '/') root_len--;
        if (root_len <= 1) break;  /* reached "/" without one */
        root_len--;
    }
    if (!s->active) {
        free(abs);
        return;
    }
    /* dir's path from the root, and the .gitignore of each folder above it. */
    size_t len = strlen(abs);
    free(*rel);
    *rel = xrealloc(NULL, len - root_len + 2);
    if (len > root_len) snprintf(*rel, len - root_len + 2, "%s/", abs + root_len + 1);
    else (*rel)[0] = '\0';
    for (size_t at = root_len; at < len; at++) {
        if (at != root_len && abs[at] != '/') continue;
        if (at >= 4000) break;
        char probe[4096 + 16], base[4096];
        snprintf(probe, sizeof probe, "%.*s/.gitignore", (int)at, abs);
        if (at == root_len) base[0] = '\0';
        else snprintf(base, sizeof base, "%.*s/", (int)(at - root_len - 1), abs + root_len + 1);
        gi_push(s, probe, base);
    }
    free(abs);
}

void gi_release(gi_stack *s)
{
    while (s->n) gi_pop(s);
    free(s->files);
    memset(s, 0, sizeof *s);
}
