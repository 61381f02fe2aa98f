/* pool: a worker pool over the list of inputs; each result is stored at its index and emitted in order. */
#define _POSIX_C_SOURCE 200809L
#include "pool.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "arena.h"

/* How many finished-or-running results may wait ahead of the emitter, per
 * thread. Wide, so that one big template does not stall the other workers
 * (main keeps every result for out_emit anyway): 4 cost 6-12% at -j 2. */
#define POOL_WINDOW_PER_JOB 64

typedef struct pool {
    const lint_config *cfg;
    const input *inputs;
    size_t n;
    size_t window;          /* inputs[next_emit + window] is the furthest a worker may start */
    lint_result *slots;     /* one per window position: slots[i % window] */
    unsigned char *done;    /* same indexing */
    size_t next_claim;      /* next input a worker takes */
    size_t next_emit;       /* next input the emitter waits for */
    pthread_mutex_t lock;
    pthread_cond_t slot_done;   /* a worker finished an input */
    pthread_cond_t slot_free;   /* the emitter released a slot */
} pool;

int pool_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        return 1;
    return n > 256 ? 256 : (int)n;
}

static void *pool_worker(void *arg)
{
    pool *p = arg;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (p->next_claim < p->n && p->next_claim >= p->next_emit + p->window)
            pthread_cond_wait(&p->slot_free, &p->lock);
        if (p->next_claim >= p->n)
            break;
        size_t index = p->next_claim++;
        pthread_mutex_unlock(&p->lock);

        lint_result r;
        pool_lint_input(p->cfg, &p->inputs[index], &r);

        pthread_mutex_lock(&p->lock);
        p->slots[index % p->window] = r;
        p->done[index % p->window] = 1;
        pthread_cond_broadcast(&p->slot_done);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

void pool_lint_input(const lint_config *cfg, const input *in, lint_result *out)
{
    if (in->cfg) cfg = in->cfg;
    if (!in->error) {
        lint_path(cfg, in->path, in->explicit_path, out);
        out->cfg = cfg;
        return;
    }
    memset(out, 0, sizeof *out);
    out->arena = arena_new();
    out->path = arena_strdup(out->arena, in->path);
    out->error = arena_strdup(out->arena, in->error);
    out->cfg = cfg;
}

static void pool_run_serial(const lint_config *cfg, const input *inputs, size_t n,
                            pool_emit_fn emit, void *user)
{
    for (size_t i = 0; i < n; i++) {
        lint_result r;
        pool_lint_input(cfg, &inputs[i], &r);
        emit(user, i, &r);
    }
}

/* The emitter: wait for each input in order, hand it over, free its slot. */
static void pool_emit_in_order(pool *p, pool_emit_fn emit, void *user)
{
    pthread_mutex_lock(&p->lock);
    while (p->next_emit < p->n) {
        size_t slot = p->next_emit % p->window;
        while (!p->done[slot])
            pthread_cond_wait(&p->slot_done, &p->lock);
        lint_result r = p->slots[slot];
        pthread_mutex_unlock(&p->lock);

        emit(user, p->next_emit, &r);

        pthread_mutex_lock(&p->lock);
        p->done[slot] = 0;
        p->next_emit++;
        pthread_cond_broadcast(&p->slot_free);
    }
    pthread_mutex_unlock(&p->lock);
}

int pool_run(const lint_config *cfg, const input *inputs, size_t n, int jobs,
             pool_emit_fn emit, void *user)
{
    if (jobs > 1 && (size_t)jobs > n)
        jobs = (int)n;
    if (jobs <= 1) {
        pool_run_serial(cfg, inputs, n, emit, user);
        return 0;
    }
    pool p;
    memset(&p, 0, sizeof p);
    p.cfg = cfg;
    p.inputs = inputs;
    p.n = n;
    p.window = (size_t)jobs * POOL_WINDOW_PER_JOB;
    p.slots = xcalloc(p.window, sizeof *p.slots);
    p.done = xcalloc(p.window, 1);
    pthread_mutex_init(&p.lock, NULL);
    pthread_cond_init(&p.slot_done, NULL);
    pthread_cond_init(&p.slot_free, NULL);

    pthread_t *threads = xcalloc((size_t)jobs, sizeof *threads);
    int started = 0;
    while (started < jobs && pthread_create(&threads[started], NULL, pool_worker, &p) == 0)
        started++;
    int status = 0;
    if (started == 0) {
        status = -1;
        pool_run_serial(cfg, inputs, n, emit, user);
    } else {
        pool_emit_in_order(&p, emit, user);
    }
    for (int i = 0; i < started; i++)
        pthread_join(threads[i], NULL);

    free(threads);
    pthread_cond_destroy(&p.slot_free);
    pthread_cond_destroy(&p.slot_done);
    pthread_mutex_destroy(&p.lock);
    free(p.done);
    free(p.slots);
    return status;
}
