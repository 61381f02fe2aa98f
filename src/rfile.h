/* rfile: read a named input file the one careful way (templates, config,
 * baseline): regular files only, never blocking on a FIFO, within a size. */
#ifndef SAMLINT_RFILE_H
#define SAMLINT_RFILE_H

#include <stddef.h>

enum { RFILE_OK = 0, RFILE_ERROR = -1, RFILE_TOO_BIG = -2 };

/* Read `path` whole into a new NUL-terminated buffer (*bytes, free() it;
 * *len bytes before the NUL). A directory, FIFO, device or socket is
 * refused without being read or waited on, and a file over `limit` bytes
 * is RFILE_TOO_BIG. On RFILE_ERROR, err holds the reason (no path). */
int rfile_read(const char *path, size_t limit, char **bytes, size_t *len, char *err, size_t errlen);

/* Read descriptor fd to its end, at most `limit` bytes (more is
 * RFILE_TOO_BIG). `size` is a regular file's size, 0 for a pipe. */
int rfile_read_fd(int fd, size_t size, size_t limit, char **bytes, size_t *len, char *err, size_t errlen);

#endif
