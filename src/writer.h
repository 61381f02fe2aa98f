/* writer: one checked stream for every output samlint writes (standard
 * output, a baseline file): a failed write, flush or close is kept, with
 * the output's name, for one message and exit status 2. */
#ifndef SAMLINT_WRITER_H
#define SAMLINT_WRITER_H

#include <stddef.h>
#include <stdio.h>

typedef struct writer {
    FILE *f;           /* write through this; NULL when opening failed */
    int fd;
    int err;           /* the first errno of a write, flush or close; 0 while all is well */
    char name[256];    /* "standard output" or the file's path, for messages */
} writer;

/* Keep descriptors 0, 1 and 2 taken: a closed one is given /dev/null
 * opened so that using it fails (read-only for standard output), so no
 * file opened later can become standard output and a write to a closed
 * standard output is reported, not lost. Call first thing. */
void writer_reserve_std_fds(void);

/* A writer on standard output (descriptor 1). 0 or -1 (out of memory). */
int writer_open_stdout(writer *w);
/* A writer on a new or truncated file. 0, or -1 with w->err set. */
int writer_open_path(writer *w, const char *path);
/* Has a write failed so far? */
int writer_failed(const writer *w);
/* Flush and close. 0, or -1 with "NAME: reason" in err. */
int writer_close(writer *w, char *err, size_t errlen);

#endif
