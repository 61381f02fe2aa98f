/* relpath: a display path as seen from the working directory, for SARIF and CI annotations. */
#ifndef SAMLINT_RELPATH_H
#define SAMLINT_RELPATH_H

/* `path` without leading "./", and without the `cwd` prefix when it lies
 * below `cwd` (an absolute path outside it stays absolute). Points into `path`. */
const char *relpath(const char *cwd, const char *path);

#endif
