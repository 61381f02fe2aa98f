/* rfile: read a named input file the one careful way (templates, config, baseline). */
#include "rfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"

/* strerror() may share one buffer between threads; templates are read in many. */
static void reason(char *err, size_t errlen, const char *what, int e)
{
    char buf[128];
    snprintf(err, errlen, "%s: %s", what, strerror_r(e, buf, sizeof buf));
}

int rfile_read_fd(int fd, size_t size, size_t limit, char **bytes, size_t *len, char *err, size_t errlen)
{
    /* A regular file fits in one read of its size; a pipe grows the buffer. */
    size_t cap = size ? size + 1 : 64 * 1024, n = 0;
    if (cap > limit + 1) cap = limit + 1;
    char *buf = xrealloc(NULL, cap + 1);
    for (;;) {
        if (n == cap) {
            if (n > limit) break;
            cap = cap * 2 > limit + 1 ? limit + 1 : cap * 2;
            buf = xrealloc(buf, cap + 1);
        }
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0) {
            if (errno == EINTR) continue;
            reason(err, errlen, "cannot read", errno);
            free(buf);
            return RFILE_ERROR;
        }
        if (got == 0) break;
        n += (size_t)got;
        if (size && n < cap) break;
    }
    if (n > limit) {
        free(buf);
        return RFILE_TOO_BIG;
    }
    buf[n] = 0;
    *bytes = buf;
    *len = n;
    return RFILE_OK;
}

int rfile_read(const char *path, size_t limit, char **bytes, size_t *len, char *err, size_t errlen)
{
    /* O_NONBLOCK: opening a FIFO does not wait for a writer. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        reason(err, errlen, "cannot open", errno);
        return RFILE_ERROR;
    }
    struct stat st;
    int rc = RFILE_ERROR;
    if (fstat(fd, &st) != 0)
        reason(err, errlen, "cannot stat", errno);
    else if (S_ISDIR(st.st_mode))
        snprintf(err, errlen, "is a directory, expected a file");
    else if (!S_ISREG(st.st_mode))
        snprintf(err, errlen, "is not a regular file (FIFO, device or socket); not read");
    else if ((size_t)st.st_size > limit)
        rc = RFILE_TOO_BIG;
    else
        rc = rfile_read_fd(fd, (size_t)st.st_size, limit, bytes, len, err, errlen);
    close(fd);
    return rc;
}
