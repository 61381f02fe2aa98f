/* writer: one checked stream for every output samlint writes. */
#include "writer.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

void writer_reserve_std_fds(void)
{
    for (int fd = 0; fd <= 2; fd++) {
        if (fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
        int got = open("/dev/null", fd == 2 ? O_WRONLY : O_RDONLY);
        if (got >= 0 && got != fd) {  /* a lower one was closed too and took it */
            dup2(got, fd);
            close(got);
        }
    }
}

/* The stream's write: all of it, or the first error, kept. After an error
 * the rest is dropped (the output is broken; it is reported at close).
 * The bytes are always said to be taken: stdio's buffer code does not
 * cope with a cookie write that fails on a large write. */
static ssize_t wr_write(void *cookie, const char *buf, size_t n)
{
    writer *w = cookie;
    size_t done = 0;
    while (!w->err && done < n) {
        ssize_t got = write(w->fd, buf + done, n - done);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) w->err = got < 0 ? errno : EIO;
        else done += (size_t)got;
    }
    return (ssize_t)n;
}

static int wr_close(void *cookie)
{
    writer *w = cookie;
    if (close(w->fd) != 0 && !w->err && errno != EINTR) w->err = errno;
    return w->err ? -1 : 0;
}

static int wr_open(writer *w, int fd, const char *name)
{
    w->fd = fd;
    w->err = 0;
    snprintf(w->name, sizeof w->name, "%s", name);
    cookie_io_functions_t io = {NULL, wr_write, NULL, wr_close};
    w->f = fopencookie(w, "w", io);
    if (!w->f) {
        w->err = errno ? errno : ENOMEM;
        return -1;
    }
    setvbuf(w->f, NULL, _IOFBF, 65536);
    return 0;
}

int writer_open_stdout(writer *w)
{
    return wr_open(w, STDOUT_FILENO, "standard output");
}

int writer_open_path(writer *w, const char *path)
{
    /* O_NONBLOCK: a FIFO nobody reads is an error (ENXIO), not a hang;
     * then writes block as usual. */
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0666);
    if (fd >= 0) {
        int fl = fcntl(fd, F_GETFL);
        if (fl != -1) fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    }
    if (fd < 0) {
        w->f = NULL;
        w->err = errno;
        snprintf(w->name, sizeof w->name, "%s", path);
        return -1;
    }
    if (wr_open(w, fd, path) < 0) {
        close(fd);
        return -1;
    }
    return 0;
}

int writer_failed(const writer *w)
{
    return w->err != 0 || !w->f || ferror(w->f);
}

int writer_close(writer *w, char *err, size_t errlen)
{
    if (w->f) {
        if (fflush(w->f) != 0 && !w->err) w->err = errno ? errno : EIO;
        if (ferror(w->f) && !w->err) w->err = EIO;
        if (fclose(w->f) != 0 && !w->err) w->err = errno ? errno : EIO;
        w->f = NULL;
    }
    if (!w->err) return 0;
    snprintf(err, errlen, "%s: %s", w->name, strerror(w->err));
    return -1;
}
