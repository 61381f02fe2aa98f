/* gitignore: the .gitignore rules of a git work tree, for directory scans. */
#ifndef SAMLINT_GITIGNORE_H
#define SAMLINT_GITIGNORE_H

#include <stddef.h>

/* The patterns of one file (a .gitignore, or .git/info/exclude), which
 * apply below its folder. */
typedef struct gi_file gi_file;

/* A stack of files, outermost first: a deeper file's match wins over an
 * outer one's, and within one file the last matching pattern wins. */
typedef struct gi_stack {
    gi_file **files;
    size_t n, cap;
    int active;        /* inside a git work tree: the rules apply */
} gi_stack;

/* Limits for strangers' repositories. */
#define GI_MAX_FILE (1024 * 1024)   /* bytes of one .gitignore */
#define GI_MAX_PATTERNS 4000        /* patterns kept from one file */

/* Start a scan of `dir`: find its git work tree (the nearest folder upward
 * with a .git), and push .git/info/exclude and the .gitignore of each
 * folder from the root down to dir's parent. *rel becomes dir's path from
 * the root ("" or "a/b/"; malloc'd). Outside a work tree nothing applies
 * (as for git itself) and *rel is "". */
void gi_begin(gi_stack *s, const char *dir, char **rel);

/* Push `path` (a .gitignore) for the folder whose path from the root is
 * `base` ("" or "a/b/"). Returns 1 when pushed (pop it after the folder),
 * 0 when it could not be read (nothing pushed). */
int gi_push(gi_stack *s, const char *path, const char *base);
void gi_pop(gi_stack *s);

/* Is the entry at `rel` (its path from the root, no trailing slash)
 * ignored? `is_dir`: it is a folder (patterns ending in / match folders
 * only). */
int gi_ignored(const gi_stack *s, const char *rel, int is_dir);

void gi_release(gi_stack *s);

#endif
