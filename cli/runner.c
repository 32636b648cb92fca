/*
 * runner.c — read and check many disclosures on worker threads (one
 * disclosure per task, in its own arena) and hand them to a callback in
 * input order.  At most a bounded window of documents is in memory, so a
 * province-wide run stays within a few documents' worth of memory.
 */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "runner.h"

typedef struct slot {
    int done;
    br_disclosure *doc;
    br_report *report;
    br_error err;
} slot;

typedef struct run {
    const br_registry *reg;
    const br_check_options *opts;
    const cli_inputs *inputs;
    cli_document_fn fn;
    void *ctx;
    slot *slots;
    size_t next, printed, window;
    pthread_mutex_t mu;
    pthread_cond_t cv;
} run;

static void process(run *r, size_t i)
{
    slot *s = &r->slots[i];
    const cli_input *in = &r->inputs->docs[i];
    if (br_registry_read_parts(r->reg, in->paths, in->n, &s->doc, &s->err) == BR_OK) {
        s->report = br_registry_check(r->reg, s->doc, r->opts);
        if (!s->report)
            br_error_set(&s->err, BR_ERR_NOMEM, in->paths[0], 0, "out of memory");
    }
}

static void *worker(void *arg)
{
    run *r = arg;
    for (;;) {
        pthread_mutex_lock(&r->mu);
        while (r->next < r->inputs->ndocs && r->next >= r->printed + r->window)
            pthread_cond_wait(&r->cv, &r->mu);
        if (r->next >= r->inputs->ndocs) {
            pthread_mutex_unlock(&r->mu);
            return NULL;
        }
        size_t i = r->next++;
        pthread_mutex_unlock(&r->mu);
        process(r, i);
        pthread_mutex_lock(&r->mu);
        r->slots[i].done = 1;
        pthread_cond_broadcast(&r->cv);
        pthread_mutex_unlock(&r->mu);
    }
}

long cli_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? n : 1;
}

void cli_run_documents(const br_registry *reg, const br_check_options *opts,
                       const cli_inputs *inputs, long jobs, cli_document_fn fn, void *ctx)
{
    size_t n = inputs->ndocs;
    run r = {.reg = reg, .opts = opts, .inputs = inputs, .fn = fn, .ctx = ctx,
             .slots = calloc(n ? n : 1, sizeof(slot)), .window = (size_t)(jobs > 0 ? jobs : 1) * 4};
    if (!r.slots)
        return;
    pthread_mutex_init(&r.mu, NULL);
    pthread_cond_init(&r.cv, NULL);
    if (jobs < 1)
        jobs = 1;
    pthread_t *threads = calloc((size_t)jobs, sizeof *threads);
    long started = 0;
    for (long j = 0; threads && j < jobs && (size_t)j < n; j++)
        started += pthread_create(&threads[started], NULL, worker, &r) == 0;
    for (size_t i = 0; i < n; i++) {
        slot *s = &r.slots[i];
        if (started == 0) {
            process(&r, i); /* no thread could start: do it here */
        } else {
            pthread_mutex_lock(&r.mu);
            while (!s->done)
                pthread_cond_wait(&r.cv, &r.mu);
            pthread_mutex_unlock(&r.mu);
        }
        fn(inputs->docs[i].paths[0], s->doc, s->report, &s->err, ctx);
        br_report_free(s->report);
        br_disclosure_free(s->doc);
        s->report = NULL;
        s->doc = NULL;
        pthread_mutex_lock(&r.mu);
        r.printed = i + 1;
        pthread_cond_broadcast(&r.cv);
        pthread_mutex_unlock(&r.mu);
    }
    for (long j = 0; j < started; j++)
        pthread_join(threads[j], NULL);
    free(threads);
    pthread_mutex_destroy(&r.mu);
    pthread_cond_destroy(&r.cv);
    free(r.slots);
}
