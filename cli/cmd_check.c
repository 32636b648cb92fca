/*
 * cmd_check.c — `budgetrec check`: read and check many disclosures on
 * worker threads (one disclosure per task, its own arena), printing results
 * in input order.  At most a bounded window of documents is in memory, so a
 * province-wide run stays within a few documents' worth of memory.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "inputs.h"
#include "output.h"

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
    slot *slots;
    size_t next, printed, window;
    pthread_mutex_t mu;
    pthread_cond_t cv;
} run;

static void process(run *r, size_t i)
{
    slot *s = &r->slots[i];
    if (br_registry_read(r->reg, r->inputs->paths[i], &s->doc, &s->err) == BR_OK) {
        s->report = br_registry_check(r->reg, s->doc, r->opts);
        if (!s->report)
            br_error_set(&s->err, BR_ERR_NOMEM, r->inputs->paths[i], 0, "out of memory");
    }
}

static void *worker(void *arg)
{
    run *r = arg;
    for (;;) {
        pthread_mutex_lock(&r->mu);
        while (r->next < r->inputs->n && r->next >= r->printed + r->window)
            pthread_cond_wait(&r->cv, &r->mu);
        if (r->next >= r->inputs->n) {
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

/* Split "a,b,c" into a NULL-terminated list (the string is modified). */
static const char **split_ids(char *s)
{
    size_t n = 1;
    for (char *p = s; *p; p++)
        n += *p == ',';
    const char **v = calloc(n + 1, sizeof *v);
    size_t k = 0;
    for (char *tok = strtok(s, ","); v && tok; tok = strtok(NULL, ","))
        v[k++] = tok;
    return v;
}

static int parse_severity(const char *s)
{
    if (strcmp(s, "info") == 0)
        return BR_SEV_INFO;
    if (strcmp(s, "warning") == 0)
        return BR_SEV_WARNING;
    if (strcmp(s, "error") == 0)
        return BR_SEV_ERROR;
    return -1;
}

static void usage(FILE *out)
{
    fputs("usage: budgetrec check [OPTIONS] PATH...\n"
          "  --format text|json|csv|html  output format (default text, coloured on a terminal)\n"
          "  -o FILE                  write findings to FILE\n"
          "  --jobs N                 worker threads (default: all cores)\n"
          "  --plugin PATH            load a plugin (repeatable)\n"
          "  --plugin-dir DIR         load every plugin in DIR (repeatable)\n"
          "  --no-default-plugins     do not load the bundled plugins\n"
          "  --only ID,...            run only these checks\n"
          "  --skip ID,...            do not run these checks\n"
          "  --min-severity LEVEL     report info|warning|error and above (default info)\n"
          "Directories are searched recursively for *.txt files.\n"
          "Exit status: 0 no error finding, 1 error findings, 2 bad usage or unreadable input.\n",
          out);
}

typedef struct check_args {
    cli_plugins plugins;
    cli_inputs inputs;
    out_writer w;
    const char *output;
    long jobs;
    char *only, *skip;
} check_args;

/* Parse check's options; returns -1 for usage errors, 1 for --help, 0 ok. */
static int parse_args(check_args *a, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *o = argv[i];
        int r = cli_plugin_option(&a->plugins, argc, argv, &i);
        if (r < 0)
            return -1;
        if (r > 0)
            continue;
        if (strcmp(o, "-h") == 0 || strcmp(o, "--help") == 0)
            return 1;
        int has_val = i + 1 < argc;
        if (strcmp(o, "--format") == 0 && has_val) {
            const char *f = argv[++i];
            if (strcmp(f, "text") == 0)
                a->w.format = OUT_TEXT;
            else if (strcmp(f, "json") == 0)
                a->w.format = OUT_JSON;
            else if (strcmp(f, "csv") == 0)
                a->w.format = OUT_CSV;
            else if (strcmp(f, "html") == 0)
                a->w.format = OUT_HTML;
            else {
                fprintf(stderr, "budgetrec check: unknown format '%s' (text, json, csv, html)\n", f);
                return -1;
            }
        } else if (strcmp(o, "-o") == 0 && has_val) {
            a->output = argv[++i];
        } else if (strcmp(o, "--jobs") == 0 && has_val) {
            char *end;
            a->jobs = strtol(argv[++i], &end, 10);
            if (*end || a->jobs < 1 || a->jobs > 1024) {
                fprintf(stderr, "budgetrec check: --jobs wants a number from 1 to 1024\n");
                return -1;
            }
        } else if (strcmp(o, "--only") == 0 && has_val) {
            a->only = argv[++i];
        } else if (strcmp(o, "--skip") == 0 && has_val) {
            a->skip = argv[++i];
        } else if (strcmp(o, "--min-severity") == 0 && has_val) {
            if ((a->w.min_severity = parse_severity(argv[++i])) < 0) {
                fprintf(stderr, "budgetrec check: --min-severity wants info, warning or error\n");
                return -1;
            }
        } else if (o[0] == '-' && o[1]) {
            fprintf(stderr, "budgetrec check: unknown option '%s'\n", o);
            return -1;
        } else if (cli_inputs_add(&a->inputs, o) != 0) {
            return -1;
        }
    }
    if (a->inputs.n == 0 && a->w.format == OUT_TEXT) {
        fprintf(stderr, "budgetrec check: no input files\n");
        return -1;
    }
    return 0;
}

/* Every id named in --only/--skip must exist: a typo should not pass silently. */
static int known_ids(const br_registry *reg, const char *const *ids)
{
    for (; ids && *ids; ids++) {
        size_t len = strlen(*ids);
        int parse = len > 6 && strcmp(*ids + len - 6, ".parse") == 0;
        if (!parse && !br_registry_find_check(reg, *ids)) {
            fprintf(stderr, "budgetrec check: no check named '%s' (see budgetrec plugins)\n", *ids);
            return 0;
        }
    }
    return 1;
}

static void run_all(run *r, out_writer *w, out_totals *totals, long jobs)
{
    size_t n = r->inputs->n;
    pthread_t *threads = calloc((size_t)jobs, sizeof *threads);
    long started = 0;
    for (long j = 0; threads && j < jobs && (size_t)j < n; j++)
        started += pthread_create(&threads[started], NULL, worker, r) == 0;
    int progress = isatty(STDERR_FILENO) && (w->out != stdout || !isatty(STDOUT_FILENO)) && n > 1;
    for (size_t i = 0; i < n; i++) {
        slot *s = &r->slots[i];
        if (started == 0) {
            process(r, i); /* no thread could start: do it here */
        } else {
            pthread_mutex_lock(&r->mu);
            while (!s->done)
                pthread_cond_wait(&r->cv, &r->mu);
            pthread_mutex_unlock(&r->mu);
        }
        out_document(w, r->inputs->paths[i], s->doc, s->report, &s->err, totals);
        br_report_free(s->report);
        br_disclosure_free(s->doc);
        s->report = NULL;
        s->doc = NULL;
        if (progress)
            fprintf(stderr, "\r%zu/%zu documents", i + 1, n);
        pthread_mutex_lock(&r->mu);
        r->printed = i + 1;
        pthread_cond_broadcast(&r->cv);
        pthread_mutex_unlock(&r->mu);
    }
    if (progress)
        fputc('\n', stderr);
    for (long j = 0; j < started; j++)
        pthread_join(threads[j], NULL);
    free(threads);
}

int cmd_check(int argc, char **argv)
{
    check_args a = {.w = {.out = stdout, .format = OUT_TEXT}};
    int status = EXIT_USAGE;
    br_registry *reg = NULL;
    const char **only = NULL, **skip = NULL;
    int pr = parse_args(&a, argc, argv);
    if (pr != 0 || a.inputs.n == 0) {
        usage(pr > 0 ? stdout : stderr);
        status = pr > 0 ? EXIT_CLEAN : EXIT_USAGE;
        goto done;
    }
    reg = cli_load_plugins(&a.plugins);
    only = a.only ? split_ids(a.only) : NULL;
    skip = a.skip ? split_ids(a.skip) : NULL;
    if (!reg || !known_ids(reg, only) || !known_ids(reg, skip))
        goto done;
    if (a.output && !(a.w.out = fopen(a.output, "w"))) {
        fprintf(stderr, "budgetrec check: cannot write %s\n", a.output);
        goto done;
    }
    a.w.colour = a.w.format == OUT_TEXT && !a.output && isatty(STDOUT_FILENO) &&
                 !getenv("NO_COLOR");
    long jobs = a.jobs ? a.jobs : sysconf(_SC_NPROCESSORS_ONLN);
    if (jobs < 1)
        jobs = 1;
    br_check_options opts = {.only = only, .skip = skip};
    run r = {.reg = reg, .opts = &opts, .inputs = &a.inputs,
             .slots = calloc(a.inputs.n, sizeof(slot)), .window = (size_t)jobs * 4};
    if (!r.slots)
        goto done;
    pthread_mutex_init(&r.mu, NULL);
    pthread_cond_init(&r.cv, NULL);
    out_totals totals = {0};
    out_begin(&a.w);
    run_all(&r, &a.w, &totals, jobs);
    out_end(&a.w, &totals);
    pthread_mutex_destroy(&r.mu);
    pthread_cond_destroy(&r.cv);
    free(r.slots);
    status = totals.unreadable ? EXIT_USAGE : totals.errors ? EXIT_FINDINGS : EXIT_CLEAN;
    if (fflush(a.w.out) != 0)
        status = EXIT_USAGE;
done:
    if (a.w.out && a.w.out != stdout)
        fclose(a.w.out);
    free(only);
    free(skip);
    br_registry_free(reg);
    cli_inputs_free(&a.inputs);
    cli_plugins_free(&a.plugins);
    return status;
}
