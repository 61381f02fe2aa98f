/* relpath: display paths as seen from the working directory or the repository root, for SARIF, CI annotations and baselines. */
#ifndef SAMLINT_RELPATH_H
#define SAMLINT_RELPATH_H

#include <stddef.h>

/* `path` without leading "./", and without the `cwd` prefix when it lies
 * below `cwd` (an absolute path outside it stays absolute). Points into `path`. */
const char *relpath(const char *cwd, const char *path);

/* `path` (relative to `cwd`, or absolute) as a clean absolute path: "." and
 * ".." parts and doubled slashes resolved by text, not through symlinks.
 * Writes at most `size` bytes; returns out, or NULL when it does not fit. */
char *relpath_abs(const char *cwd, const char *path, char *out, size_t size);

/* Absolute `path` relative to the absolute folder `base`, with "../" parts
 * where it lies outside ("." for base itself). malloc'd. */
char *relpath_from(const char *base, const char *path);

/* The root of the git work tree holding absolute `path` (the nearest folder
 * upward with a .git entry), or `fallback` when there is none. malloc'd. */
char *relpath_repo_root(const char *path, const char *fallback);

/* `path` relative to the root of its git work tree, else to `cwd`: the form
 * GitHub wants for annotations and code scanning, whatever the working
 * directory is. malloc'd. */
char *relpath_repo(const char *cwd, const char *path);

#endif
