/* pool: a worker pool over a stream of inputs; each result is stored at its index and emitted in order. */
#define _POSIX_C_SOURCE 200809L
#include "pool.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "arena.h"

/* How many finished-or-running results may wait ahead of the emitter, per thread. */
#define POOL_WINDOW_PER_JOB 4

struct pool {
    const lint_config *cfg;
    input *inputs;          /* copies of the inputs fed so far (paths owned by the source) */
    size_t n, cap;
    int closed;             /* the source has fed its last input */
    size_t window;          /* inputs[next_emit + window] is the furthest a worker may start */
    lint_result *slots;     /* one per window position: slots[i % window] */
    unsigned char *done;    /* same indexing */
    size_t next_claim;      /* next input a worker takes */
    size_t next_emit;       /* next input the emitter waits for */
    int threaded;
    pthread_mutex_t lock;
    pthread_cond_t changed; /* an input arrived, a result finished or a slot came free */
};

int pool_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        return 1;
    return n > 256 ? 256 : (int)n;
}

void pool_feed(pool *p, const input *in)
{
    if (p->threaded)
        pthread_mutex_lock(&p->lock);
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 64;
        p->inputs = xrealloc(p->inputs, p->cap * sizeof *p->inputs);
    }
    p->inputs[p->n++] = *in;
    if (p->threaded) {
        pthread_cond_broadcast(&p->changed);
        pthread_mutex_unlock(&p->lock);
    }
}

typedef struct source_run {
    pool *p;
    pool_source_fn source;
    void *arg;
} source_run;

static void *pool_source(void *arg)
{
    source_run *s = arg;
    s->source(s->arg, s->p);
    pthread_mutex_lock(&s->p->lock);
    s->p->closed = 1;
    pthread_cond_broadcast(&s->p->changed);
    pthread_mutex_unlock(&s->p->lock);
    return NULL;
}

static void *pool_worker(void *arg)
{
    pool *p = arg;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        /* Wait for an input to take, or for the end. */
        while ((p->next_claim >= p->n && !p->closed) ||
               (p->next_claim < p->n && p->next_claim >= p->next_emit + p->window))
            pthread_cond_wait(&p->changed, &p->lock);
        if (p->next_claim >= p->n)
            break;
        size_t index = p->next_claim++;
        input in = p->inputs[index];
        pthread_mutex_unlock(&p->lock);

        lint_result r;
        pool_lint_input(p->cfg, &in, &r);

        pthread_mutex_lock(&p->lock);
        p->slots[index % p->window] = r;
        p->done[index % p->window] = 1;
        pthread_cond_broadcast(&p->changed);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

void pool_lint_input(const lint_config *cfg, const input *in, lint_result *out)
{
    if (!in->error) {
        lint_path(cfg, in->path, in->explicit_path, out);
        return;
    }
    memset(out, 0, sizeof *out);
    out->arena = arena_new();
    out->path = arena_strdup(out->arena, in->path);
    out->error = arena_strdup(out->arena, in->error);
}

/* The emitter: wait for each input in order, hand it over, free its slot. */
static void pool_emit_in_order(pool *p, pool_emit_fn emit, void *user)
{
    pthread_mutex_lock(&p->lock);
    for (;;) {
        size_t slot = p->next_emit % p->window;
        while (!(p->next_emit < p->n && p->done[slot]) && !(p->closed && p->next_emit >= p->n))
            pthread_cond_wait(&p->changed, &p->lock);
        if (p->next_emit >= p->n)
            break;
        lint_result r = p->slots[slot];
        pthread_mutex_unlock(&p->lock);

        emit(user, p->next_emit, &r);

        pthread_mutex_lock(&p->lock);
        p->done[slot] = 0;
        p->next_emit++;
        pthread_cond_broadcast(&p->changed);
    }
    pthread_mutex_unlock(&p->lock);
}

int pool_run_fed(const lint_config *cfg, int jobs, pool_source_fn source, void *arg,
                 pool_emit_fn emit, void *user)
{
    pool p;
    memset(&p, 0, sizeof p);
    p.cfg = cfg;
    pthread_t *threads = NULL;
    int started = 0;
    if (jobs > 1) {
        p.threaded = 1;
        p.window = (size_t)jobs * POOL_WINDOW_PER_JOB;
        p.slots = xcalloc(p.window, sizeof *p.slots);
        p.done = xcalloc(p.window, 1);
        pthread_mutex_init(&p.lock, NULL);
        pthread_cond_init(&p.changed, NULL);
        threads = xcalloc((size_t)jobs, sizeof *threads);
        while (started < jobs && pthread_create(&threads[started], NULL, pool_worker, &p) == 0)
            started++;
        if (started > 0) {
            /* The source runs beside the workers and the emitter; without a
             * thread of its own it runs here first (the workers start as
             * inputs arrive and stop at the window until emitting starts). */
            source_run s = {&p, source, arg};
            pthread_t feeder;
            int own = pthread_create(&feeder, NULL, pool_source, &s) == 0;
            if (!own)
                pool_source(&s);
            pool_emit_in_order(&p, emit, user);
            if (own)
                pthread_join(feeder, NULL);
            for (int i = 0; i < started; i++)
                pthread_join(threads[i], NULL);
        }
        pthread_cond_destroy(&p.changed);
        pthread_mutex_destroy(&p.lock);
        p.threaded = 0;
    }
    if (started == 0) {
        /* One job, or no thread could start: everything on this thread. */
        source(arg, &p);
        for (size_t i = 0; i < p.n; i++) {
            lint_result r;
            pool_lint_input(cfg, &p.inputs[i], &r);
            emit(user, i, &r);
        }
    }
    free(threads);
    free(p.done);
    free(p.slots);
    free(p.inputs);
    return jobs > 1 && started == 0 ? -1 : 0;
}

typedef struct array_source {
    const input *inputs;
    size_t n;
} array_source;

static void feed_array(void *arg, pool *p)
{
    const array_source *a = arg;
    for (size_t i = 0; i < a->n; i++)
        pool_feed(p, &a->inputs[i]);
}

int pool_run(const lint_config *cfg, const input *inputs, size_t n, int jobs,
             pool_emit_fn emit, void *user)
{
    if (jobs > 1 && (size_t)jobs > n)
        jobs = n ? (int)n : 1;
    array_source a = {inputs, n};
    return pool_run_fed(cfg, jobs, feed_array, &a, emit, user);
}
