/* relpath: a display path as seen from the working directory, for SARIF and CI annotations. */
#include <string.h>

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
