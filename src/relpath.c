/* relpath: display paths as seen from the working directory or the repository root, for SARIF, CI annotations and baselines. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "relpath.h"

const char *relpath(const char *cwd, const char *path)
{
    if (cwd && path[0] == '/') {
        size_t n = strlen(cwd);
        while (n > 1 && cwd[n - 1] == '/')
            n--;
        if (strncmp(path, cwd, n) == 0 && path[n] == '/')
            path += n + 1;
    }
    while (path[0] == '.' && path[1] == '/') {
        path += 2;
        while (*path == '/')
            path++;
    }
    return path;
}

/* Append the parts of `p` to out[0..*n), resolving "." and "..". */
static int push_parts(char *out, size_t *n, size_t size, const char *p)
{
    while (*p) {
        while (*p == '/')
            p++;
        const char *e = p;
        while (*e && *e != '/')
            e++;
        size_t len = (size_t)(e - p);
        if (len == 0 || (len == 1 && p[0] == '.')) {
            /* nothing */
        } else if (len == 2 && p[0] == '.' && p[1] == '.') {
            while (*n > 1 && out[*n - 1] != '/')
                (*n)--;
            if (*n > 1)
                (*n)--;
        } else {
            if (*n + len + 2 > size)
                return -1;
            if (out[*n - 1] != '/')
                out[(*n)++] = '/';
            memcpy(out + *n, p, len);
            *n += len;
        }
        p = e;
    }
    return 0;
}

char *relpath_abs(const char *cwd, const char *path, char *out, size_t size)
{
    if (size < 2)
        return NULL;
    size_t n = 1;
    out[0] = '/';
    if (path[0] != '/' && push_parts(out, &n, size, cwd ? cwd : "/") < 0)
        return NULL;
    if (push_parts(out, &n, size, path) < 0)
        return NULL;
    out[n] = '\0';
    return out;
}

char *relpath_from(const char *base, const char *path)
{
    size_t common = 0, i = 0;
    /* The longest common prefix that ends at a folder boundary. */
    for (;; i++) {
        int bend = base[i] == '\0' || base[i] == '/', pend = path[i] == '\0' || path[i] == '/';
        if (bend && pend)
            common = i;
        if (base[i] != path[i] || !base[i])
            break;
    }
    if (strcmp(base, "/") == 0)
        common = 0;
    size_t ups = 0;
    for (const char *b = base + common; *b; b++)
        if (*b == '/' && b[1])
            ups++;
    const char *rest = path + common;
    while (*rest == '/')
        rest++;
    size_t len = ups * 3 + strlen(rest) + 2;
    char *out = xrealloc(NULL, len), *o = out;
    for (size_t k = 0; k < ups; k++) {
        memcpy(o, "../", 3);
        o += 3;
    }
    strcpy(o, rest);
    size_t ol = strlen(out);
    if (ol == 0)
        strcpy(out, ".");
    else if (out[ol - 1] == '/')
        out[ol - 1] = '\0';
    return out;
}

/* The last folder asked about and its answer: a run asks for the same few
 * folders again and again. */
static pthread_mutex_t root_lock = PTHREAD_MUTEX_INITIALIZER;
static char root_dir[4096], root_answer[4096];
static int root_found;

char *relpath_repo_root(const char *path, const char *fallback)
{
    char dir[4096];
    size_t n = strlen(path);
    if (n >= sizeof dir)
        return xstrdup(fallback);
    memcpy(dir, path, n + 1);
    char *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    pthread_mutex_lock(&root_lock);
    if (strcmp(dir, root_dir) == 0) {
        char *hit = xstrdup(root_found ? root_answer : fallback);
        pthread_mutex_unlock(&root_lock);
        return hit;
    }
    pthread_mutex_unlock(&root_lock);
    char probe[4096 + 8];
    char cur[4096];
    strcpy(cur, dir);
    int found = 0;
    for (;;) {
        snprintf(probe, sizeof probe, "%s%s.git", cur, strcmp(cur, "/") ? "/" : "");
        struct stat st;
        if (lstat(probe, &st) == 0) {  /* a folder, or a file for worktrees and submodules */
            found = 1;
            break;
        }
        char *s = strrchr(cur, '/');
        if (!s || strcmp(cur, "/") == 0)
            break;
        if (s == cur)
            s[1] = '\0';
        else
            *s = '\0';
    }
    pthread_mutex_lock(&root_lock);
    strcpy(root_dir, dir);
    root_found = found;
    if (found)
        strcpy(root_answer, cur);
    pthread_mutex_unlock(&root_lock);
    return xstrdup(found ? cur : fallback);
}

char *relpath_repo(const char *cwd, const char *path)
{
    char abs[4096];
    if (path[0] == '<')  /* <stdin> */
        return xstrdup(path);
    if (!relpath_abs(cwd, path, abs, sizeof abs))
        return xstrdup(relpath(cwd, path));
    char *root = relpath_repo_root(abs, cwd ? cwd : "/");
    char *rel = relpath_from(root, abs);
    free(root);
    return rel;
}
