/*
 * checkmany.c — _core.check_many: read and check many disclosures on C
 * worker threads with the GIL released.
 *
 * Each worker takes the next path, reads it, checks it, copies what the
 * frames need (a per-document summary and its findings, strings in one pool
 * per document) into plain C arrays, and frees the disclosure and report at
 * once: memory holds one model per worker plus the compact results, never
 * the corpus.  The calling thread waits with the GIL released, waking every
 * 100 ms (or when a document completes) to report progress and to notice
 * Ctrl-C; then, with the GIL held, it turns the results into column lists
 * (budgetrec/run.py makes the DataFrames) through the same finding.c code
 * Report.findings uses, so the two agree value for value.
 *
 * Python checks run on the workers too: their closures take the GIL per
 * call.  A worker that may call them holds one thread state for its whole
 * life (PyGILState_Ensure + PyEval_SaveThread), so each call only re-takes
 * the GIL instead of creating a thread state.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core.h"

#define NOSTR ((size_t)-1)

typedef struct pool {
    char *buf;
    size_t len, cap;
    int oom;
} pool;

static size_t pool_add(pool *p, const char *s)
{
    if (!s)
        return NOSTR;
    size_t n = strlen(s) + 1;
    if (p->len + n > p->cap) {
        size_t cap = p->cap ? p->cap : 1024;
        while (cap < p->len + n)
            cap *= 2;
        char *b = realloc(p->buf, cap);
        if (!b) {
            p->oom = 1;
            return NOSTR;
        }
        p->buf = b;
        p->cap = cap;
    }
    memcpy(p->buf + p->len, s, n);
    size_t at = p->len;
    p->len += n;
    return at;
}

static const char *pool_str(const pool *p, size_t at) { return at == NOSTR ? NULL : p->buf + at; }

typedef struct cm_finding {
    size_t check, table, row, column, message, cause, file;
    int page;
    br_severity severity;
    unsigned present;
    br_decimal expected, actual, tolerance, diff;
    int has_diff;
    long line, consequence_of;
} cm_finding;

enum { FIG_INCOME, FIG_EXPENDITURE, FIG_BASIC, FIG_PROJECT, FIG_THREE_PUBLIC, NFIGS };

typedef struct cm_doc {
    int status; /* BR_OK, or why it could not be read */
    long err_line;
    size_t err_message, err_file, department, code, unit, phase, tables;
    int year;
    size_t ntables;
    br_decimal figs[NFIGS];
    unsigned figs_present;
    size_t counts[3], consequences;
    cm_finding *findings;
    size_t nfindings;
    br_coverage cov; /* reasons' kinds in `strings` at cov_kinds[i] */
    size_t cov_kinds[BR_COVERAGE_MAX_REASONS];
    int has_cov;
    pool strings;
} cm_doc;

typedef struct cm_run {
    const br_registry *reg;
    br_check_options opts;
    const char *const *paths; /* every file; a disclosure's files are consecutive */
    const size_t *first, *nparts; /* disclosure i: paths[first[i]], nparts[i] of them */
    size_t n;
    cm_doc *docs;
    size_t next, ndone;
    int cancel, python;
    pthread_mutex_t mu;
    pthread_cond_t cv;
} cm_run;

/* The 合计 row's cell of `role` in the first table of `kind`. */
static int total_of(const br_disclosure *doc, br_kind kind, br_role role, br_decimal *out)
{
    const br_table *t = br_disclosure_find_table(doc, kind);
    const br_row *r = t ? br_table_find_label(t, "合计") : NULL;
    const br_cell *c = r ? br_row_cell_by_role(r, role) : NULL;
    if (!c || !(c->flags & BR_CELL_PRESENT) || (c->flags & BR_CELL_TEXT))
        return 0;
    *out = c->value;
    return 1;
}

static void summarise(cm_doc *d, const br_disclosure *doc)
{
    d->department = pool_add(&d->strings, br_disclosure_department(doc));
    d->code = pool_add(&d->strings, br_disclosure_department_code(doc));
    br_unit u = br_disclosure_unit(doc);
    d->unit = pool_add(&d->strings, u ? br_unit_name(u) : NULL);
    d->phase = pool_add(&d->strings, br_phase_name(br_disclosure_phase(doc)));
    d->year = br_disclosure_year(doc);
    static const struct {
        br_kind kind;
        br_role role;
    } where[NFIGS] = {{BR_KIND_INCOME, BR_ROLE_TOTAL},
                      {BR_KIND_EXPENDITURE, BR_ROLE_TOTAL},
                      {BR_KIND_EXPENDITURE, BR_ROLE_BASIC},
                      {BR_KIND_EXPENDITURE, BR_ROLE_PROJECT},
                      {BR_KIND_THREE_PUBLIC, BR_ROLE_TOTAL}};
    for (int i = 0; i < NFIGS; i++)
        if (total_of(doc, where[i].kind, where[i].role, &d->figs[i]))
            d->figs_present |= 1u << i;
    /* the kinds present, once each, in document order */
    char kinds[1024] = "";
    size_t len = 0, n = br_disclosure_table_count(doc);
    for (size_t i = 0; i < n; i++) {
        br_kind k = br_table_kind(br_disclosure_table_at(doc, i));
        int seen = 0;
        for (size_t j = 0; j < i && !seen; j++)
            seen = br_table_kind(br_disclosure_table_at(doc, j)) == k;
        const char *name = br_kind_name(k);
        if (seen || !name || len + strlen(name) + 2 > sizeof kinds)
            continue;
        len += (size_t)snprintf(kinds + len, sizeof kinds - len, "%s%s", len ? "," : "", name);
        d->ntables++;
    }
    d->tables = pool_add(&d->strings, kinds);
}

static void collect(cm_doc *d, const br_report *rep)
{
    size_t n = br_report_count(rep);
    d->findings = n ? calloc(n, sizeof *d->findings) : NULL;
    if (n && !d->findings) {
        d->strings.oom = 1;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const br_finding *f = br_report_at(rep, i);
        cm_finding *c = &d->findings[i];
        pool *p = &d->strings;
        c->check = pool_add(p, f->check);
        c->table = pool_add(p, f->table);
        c->row = pool_add(p, f->row);
        c->column = pool_add(p, f->column);
        c->message = pool_add(p, f->message);
        c->cause = pool_add(p, f->cause);
        br_location loc = {0};
        br_report_location(rep, i, &loc);
        c->file = pool_add(p, loc.file);
        c->page = loc.page;
        c->severity = f->severity;
        c->present = f->present;
        c->expected = f->expected;
        c->actual = f->actual;
        c->tolerance = f->tolerance;
        c->has_diff = br_report_difference(rep, i, &c->diff);
        c->line = f->line;
        c->consequence_of = br_report_consequence_of(rep, i);
        if (c->consequence_of >= 0)
            d->consequences++;
        if ((unsigned)f->severity <= BR_SEV_ERROR)
            d->counts[f->severity]++;
    }
    d->nfindings = n;
}

static void process(cm_run *r, size_t i)
{
    cm_doc *d = &r->docs[i];
    br_disclosure *doc = NULL;
    br_error err = {0};
    d->err_file = NOSTR;
    d->status = br_registry_read_parts(r->reg, r->paths + r->first[i], r->nparts[i], &doc, &err);
    if (d->status != BR_OK) {
        d->err_line = err.line;
        d->err_message = pool_add(&d->strings, err.message[0] ? err.message : "cannot be read");
        /* the file at fault, when it is not the one naming the disclosure */
        if (err.file[0] && strcmp(err.file, r->paths[r->first[i]]) != 0)
            d->err_file = pool_add(&d->strings, err.file);
        return;
    }
    br_report *rep = br_registry_check(r->reg, doc, &r->opts);
    if (!rep) {
        d->strings.oom = 1;
    } else {
        summarise(d, doc);
        collect(d, rep);
        if (br_report_coverage(rep, &d->cov) == BR_OK) { /* kinds are the report's: copied */
            d->has_cov = 1;
            for (size_t k = 0; k < d->cov.nreasons; k++) {
                d->cov_kinds[k] = pool_add(&d->strings, d->cov.reasons[k].kind);
                d->cov.reasons[k].kind = NULL;
            }
        }
    }
    br_report_free(rep);
    br_disclosure_free(doc);
}

static void *worker(void *arg)
{
    cm_run *r = arg;
    PyGILState_STATE gil = PyGILState_UNLOCKED;
    PyThreadState *ts = NULL;
    if (r->python) { /* one thread state for the worker's life */
        gil = PyGILState_Ensure();
        ts = PyEval_SaveThread();
    }
    for (;;) {
        pthread_mutex_lock(&r->mu);
        if (r->cancel || r->next >= r->n) {
            pthread_mutex_unlock(&r->mu);
            break;
        }
        size_t i = r->next++;
        pthread_mutex_unlock(&r->mu);
        process(r, i);
        pthread_mutex_lock(&r->mu);
        r->ndone++;
        pthread_cond_broadcast(&r->cv);
        pthread_mutex_unlock(&r->mu);
    }
    if (r->python) {
        PyEval_RestoreThread(ts);
        PyGILState_Release(gil);
    }
    return NULL;
}

/* Wait (GIL released by the caller) until more documents are done than
 * `seen`, all are, or 100 ms passed; returns the number done. */
static size_t wait_progress(cm_run *r, size_t seen)
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_nsec += 100 * 1000 * 1000;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&r->mu);
    while (r->ndone == seen && r->ndone < r->n)
        if (pthread_cond_timedwait(&r->cv, &r->mu, &until) == ETIMEDOUT)
            break;
    size_t done = r->ndone;
    pthread_mutex_unlock(&r->mu);
    return done;
}

/* ---- results → column lists (GIL held) ---- */

static const char *const summary_cols[] = {
    "document", "department", "department_code", "year", "phase", "unit", "readable", "read_error",
    "income_total", "expenditure_total", "basic", "project", "three_public_total", "errors",
    "warnings", "infos", "consequences", "findings", "tables", "n_tables", "identities_checked",
    "identities_held", "identities_broken", "identities_not_checked", "tables_uncertain",
    "coverage",
    /* not a column: each document's Report.coverage dict (or None), which
     * Run keeps for to_json()'s coverage records */
    "coverage_detail"};
#define NSUMMARY (sizeof summary_cols / sizeof *summary_cols)

static int append(PyObject *list, PyObject *v)
{
    if (!v)
        return -1;
    int rc = PyList_Append(list, v);
    Py_DECREF(v);
    return rc;
}

static br_finding as_finding(const cm_doc *d, const cm_finding *c)
{
    const pool *p = &d->strings;
    return (br_finding){.check = pool_str(p, c->check), .severity = c->severity,
                        .table = pool_str(p, c->table), .row = pool_str(p, c->row),
                        .column = pool_str(p, c->column), .present = c->present,
                        .expected = c->expected, .actual = c->actual, .tolerance = c->tolerance,
                        .line = c->line, .message = pool_str(p, c->message),
                        .cause = pool_str(p, c->cause)};
}

static br_location as_location(const cm_doc *d, const cm_finding *c)
{
    return (br_location){.file = pool_str(&d->strings, c->file), .line = c->line, .page = c->page};
}

static int add_finding(core_state *st, PyObject **cols, const doc_context *ctx,
                       const br_finding *f, const br_location *loc, const br_decimal *diff,
                       const br_finding *primary, const br_location *ploc, PyObject *cache)
{
    PyObject *v[F__COUNT];
    if (br_finding_values(st, ctx, f, loc, diff, primary, ploc, cache, v) < 0)
        return -1;
    int rc = 0;
    for (int k = 0; k < F__COUNT; k++) {
        if (rc == 0 && PyList_Append(cols[k], v[k]) < 0)
            rc = -1;
        Py_DECREF(v[k]);
    }
    return rc;
}

static int add_document(core_state *st, PyObject **fcols, PyObject **scols, PyObject *document,
                        const cm_doc *d, PyObject *cache)
{
    const pool *p = &d->strings;
    if (p->oom) {
        PyErr_NoMemory();
        return -1;
    }
    int readable = d->status == BR_OK;
    PyObject *dept = readable ? br_str_cached(cache, pool_str(p, d->department))
                              : Py_NewRef(Py_None);
    PyObject *year = readable ? br_long_or_none(d->year) : Py_NewRef(Py_None);
    int rc = -1;
    if (!dept || !year)
        goto done;
    doc_context ctx = {document, dept, year};
    if (!readable) {
        br_finding f = {.check = "budgetrec.read", .severity = BR_SEV_ERROR, .line = d->err_line,
                        .message = pool_str(p, d->err_message)};
        br_location loc = {.file = pool_str(p, d->err_file), .line = d->err_line};
        if (add_finding(st, fcols, &ctx, &f, &loc, NULL, NULL, NULL, cache) < 0)
            goto done;
    }
    for (size_t i = 0; i < d->nfindings; i++) {
        const cm_finding *c = &d->findings[i];
        br_finding f = as_finding(d, c), primary;
        br_location loc = as_location(d, c), ploc = {0};
        if (c->consequence_of >= 0 && (size_t)c->consequence_of < d->nfindings) {
            primary = as_finding(d, &d->findings[c->consequence_of]);
            ploc = as_location(d, &d->findings[c->consequence_of]);
        }
        if (add_finding(st, fcols, &ctx, &f, &loc, c->has_diff ? &c->diff : NULL,
                        c->consequence_of >= 0 ? &primary : NULL, &ploc, cache) < 0)
            goto done;
    }
    size_t total = d->nfindings + !readable;
    size_t errors = d->counts[BR_SEV_ERROR] + !readable;
    int k = 0;
    if (append(scols[k++], Py_NewRef(document)) < 0 || append(scols[k++], Py_NewRef(dept)) < 0 ||
        append(scols[k++], readable ? br_str(pool_str(p, d->code)) : Py_NewRef(Py_None)) < 0 ||
        append(scols[k++], Py_NewRef(year)) < 0 ||
        append(scols[k++], readable ? br_str_cached(cache, pool_str(p, d->phase))
                                    : Py_NewRef(Py_None)) < 0 ||
        append(scols[k++], readable ? br_str_cached(cache, pool_str(p, d->unit))
                                    : Py_NewRef(Py_None)) < 0 ||
        append(scols[k++], PyBool_FromLong(readable)) < 0 ||
        append(scols[k++], readable ? Py_NewRef(Py_None) : br_str(pool_str(p, d->err_message))) < 0)
        goto done;
    for (int i = 0; i < NFIGS; i++)
        if (append(scols[k++], (d->figs_present & (1u << i)) ? br_decimal_to_py(st, d->figs[i])
                                                             : Py_NewRef(Py_None)) < 0)
            goto done;
    if (append(scols[k++], PyLong_FromSize_t(errors)) < 0 ||
        append(scols[k++], PyLong_FromSize_t(d->counts[BR_SEV_WARNING])) < 0 ||
        append(scols[k++], PyLong_FromSize_t(d->counts[BR_SEV_INFO])) < 0 ||
        append(scols[k++], PyLong_FromSize_t(d->consequences)) < 0 ||
        append(scols[k++], PyLong_FromSize_t(total)) < 0 ||
        append(scols[k++], readable ? br_str(pool_str(p, d->tables)) : PyUnicode_FromString("")) < 0 ||
        append(scols[k++], PyLong_FromSize_t(d->ntables)) < 0)
        goto done;
    /* coverage: None for a document that could not be read (as compare's nulls) */
    PyObject *cov = Py_NewRef(Py_None);
    if (readable && d->has_cov) {
        br_coverage c = d->cov;
        for (size_t i = 0; i < c.nreasons; i++)
            c.reasons[i].kind = pool_str(p, d->cov_kinds[i]);
        Py_SETREF(cov, br_coverage_to_py(&c));
        if (!cov)
            goto done;
    }
    static const char *const figures[] = {"identities", "held", "broken", "not_checked",
                                          "tables_uncertain", "message"};
    for (size_t i = 0; i < sizeof figures / sizeof *figures; i++) {
        PyObject *v = cov == Py_None ? Py_None : PyDict_GetItemString(cov, figures[i]);
        if (append(scols[k++], Py_NewRef(v ? v : Py_None)) < 0) {
            Py_DECREF(cov);
            goto done;
        }
    }
    if (append(scols[k++], cov) < 0)
        goto done;
    rc = 0;
done:
    Py_XDECREF(dept);
    Py_XDECREF(year);
    return rc;
}

static PyObject *columns_dict(const char *const *names, size_t n, PyObject **cols)
{
    PyObject *d = PyDict_New();
    for (size_t i = 0; d && i < n; i++)
        if (br_dict_set(d, names[i], cols[i]) < 0)
            Py_CLEAR(d);
    return d;
}

static PyObject *build_result(core_state *st, cm_run *r, PyObject *documents)
{
    PyObject *fcols[F__COUNT] = {0}, *scols[NSUMMARY] = {0}, *result = NULL;
    PyObject *cache = PyDict_New();
    if (!cache)
        return NULL;
    for (size_t i = 0; i < F__COUNT; i++)
        if (!(fcols[i] = PyList_New(0)))
            goto done;
    for (size_t i = 0; i < NSUMMARY; i++)
        if (!(scols[i] = PyList_New(0)))
            goto done;
    for (size_t i = 0; i < r->n; i++)
        if (add_document(st, fcols, scols, PyList_GET_ITEM(documents, (Py_ssize_t)i), &r->docs[i],
                         cache) < 0)
            goto done;
    PyObject *s = columns_dict(summary_cols, NSUMMARY, scols);
    PyObject *f = s ? columns_dict(br_finding_fields, F__COUNT, fcols) : NULL;
    if (s && f)
        result = PyTuple_Pack(2, s, f);
    Py_XDECREF(s);
    Py_XDECREF(f);
done:
    for (size_t i = 0; i < F__COUNT; i++)
        Py_XDECREF(fcols[i]);
    for (size_t i = 0; i < NSUMMARY; i++)
        Py_XDECREF(scols[i]);
    Py_DECREF(cache);
    return result;
}

/* ---- the entry point ---- */

static int call_progress(PyObject *progress, size_t done)
{
    if (progress == Py_None)
        return 0;
    PyObject *arg = PyLong_FromSize_t(done);
    PyObject *res = arg ? PyObject_CallOneArg(progress, arg) : NULL;
    Py_XDECREF(arg);
    Py_XDECREF(res);
    return res ? 0 : -1;
}

/* check_many(registry, paths, jobs, only=None, skip=None, progress=None)
 *   → (summary columns, findings columns), dicts of lists.
 * `paths` is a list whose items are a str (one file) or a tuple of str (the
 * files of one joined disclosure, named by the first); directories already
 * expanded.  progress(done) is called with the GIL held as documents complete. */
PyObject *br_check_many(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"registry", "paths", "jobs", "only", "skip", "progress", NULL};
    core_state *st = PyModule_GetState(module);
    PyObject *regobj, *documents, *only = Py_None, *skip = Py_None, *progress = Py_None;
    Py_ssize_t jobs = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O!O!n|OOO:check_many", kwlist,
                                     st->Registry_Type, &regobj, &PyList_Type, &documents, &jobs,
                                     &only, &skip, &progress))
        return NULL;
    RegistryObject *reg = (RegistryObject *)regobj;
    if (jobs < 1 || jobs > 1024) {
        PyErr_SetString(PyExc_ValueError, "jobs must be from 1 to 1024");
        return NULL;
    }
    if (progress != Py_None && !PyCallable_Check(progress)) {
        PyErr_SetString(PyExc_TypeError, "progress must be callable or None");
        return NULL;
    }
    if (!br_registry_get(st, reg))
        return NULL;
    if (br_running_python_check()) {
        PyErr_SetString(st->Error, "checks cannot be run from inside a check");
        return NULL;
    }
    documents = PyList_GetSlice(documents, 0, PyList_GET_SIZE(documents)); /* our own copy */
    if (!documents)
        return NULL;
    size_t n = (size_t)PyList_GET_SIZE(documents);
    PyObject *encoded = PyList_New(0), *names = PyList_New((Py_ssize_t)n), *keep_only = NULL,
             *keep_skip = NULL, *result = NULL;
    size_t *first = PyMem_Calloc(n + 1, sizeof *first), *nparts = PyMem_Calloc(n + 1, sizeof *nparts);
    const char **paths = NULL;
    cm_run r = {.reg = reg->reg, .n = n, .first = first, .nparts = nparts};
    r.docs = calloc(n + 1, sizeof *r.docs);
    if (!encoded || !names || !first || !nparts || !r.docs) {
        PyErr_NoMemory();
        goto done;
    }
    /* every file encoded, in order; a joined disclosure's files consecutive */
    for (size_t i = 0; i < n; i++) {
        PyObject *item = PyList_GET_ITEM(documents, (Py_ssize_t)i);
        PyObject *group = PyTuple_Check(item) ? Py_NewRef(item) : PyTuple_Pack(1, item);
        if (!group)
            goto done;
        first[i] = (size_t)PyList_GET_SIZE(encoded);
        nparts[i] = (size_t)PyTuple_GET_SIZE(group);
        for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(group); k++) {
            PyObject *b = NULL;
            int ok = PyUnicode_FSConverter(PyTuple_GET_ITEM(group, k), &b) &&
                     PyList_Append(encoded, b) == 0;
            Py_XDECREF(b);
            if (!ok) {
                Py_DECREF(group);
                goto done;
            }
        }
        if (!nparts[i]) {
            Py_DECREF(group);
            PyErr_SetString(PyExc_ValueError, "check_many: an empty group of paths");
            goto done;
        }
        /* the disclosure is named by its first file */
        PyList_SET_ITEM(names, (Py_ssize_t)i, Py_NewRef(PyTuple_GET_ITEM(group, 0)));
        Py_DECREF(group);
    }
    paths = PyMem_Calloc((size_t)PyList_GET_SIZE(encoded) + 1, sizeof *paths);
    if (!paths) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(encoded); k++)
        paths[k] = PyBytes_AS_STRING(PyList_GET_ITEM(encoded, k));
    r.paths = paths;
    const char **only_ids, **skip_ids;
    if (br_parse_ids(st, reg->reg, only, &only_ids, &keep_only) < 0)
        goto done;
    if (br_parse_ids(st, reg->reg, skip, &skip_ids, &keep_skip) < 0) {
        PyMem_Free(only_ids);
        goto done;
    }
    r.opts = (br_check_options){.only = only_ids, .skip = skip_ids};
    r.python = PyDict_GET_SIZE(reg->pychecks) > 0;
    pthread_mutex_init(&r.mu, NULL);
    pthread_cond_init(&r.cv, NULL);

    Py_INCREF(reg);
    reg->busy++;
    size_t nthreads = (size_t)jobs < n ? (size_t)jobs : n, started = 0;
    pthread_t *threads = calloc(nthreads ? nthreads : 1, sizeof *threads);
    for (size_t j = 0; threads && j < nthreads; j++)
        started += pthread_create(&threads[started], NULL, worker, &r) == 0;
    int failed = 0;
    if (!started) { /* no thread: do the work here, GIL released all the same */
        r.python = 0;
        Py_BEGIN_ALLOW_THREADS
        for (size_t i = 0; i < n; i++)
            process(&r, i);
        Py_END_ALLOW_THREADS
        r.ndone = n;
        failed = call_progress(progress, n) < 0;
    }
    size_t seen = 0;
    while (started && seen < n) {
        size_t done;
        Py_BEGIN_ALLOW_THREADS
        done = wait_progress(&r, seen);
        Py_END_ALLOW_THREADS
        if (done != seen && call_progress(progress, done) < 0) {
            failed = 1;
            break;
        }
        seen = done;
        if (PyErr_CheckSignals() < 0) { /* Ctrl-C: stop handing out documents */
            failed = 1;
            break;
        }
    }
    if (failed) {
        pthread_mutex_lock(&r.mu);
        r.cancel = 1;
        pthread_mutex_unlock(&r.mu);
    }
    Py_BEGIN_ALLOW_THREADS
    for (size_t j = 0; j < started; j++)
        pthread_join(threads[j], NULL);
    Py_END_ALLOW_THREADS
    free(threads);
    reg->busy--;
    Py_DECREF(reg);
    pthread_mutex_destroy(&r.mu);
    pthread_cond_destroy(&r.cv);
    PyMem_Free(only_ids);
    PyMem_Free(skip_ids);
    if (!failed)
        result = build_result(st, &r, names);
done:
    if (r.docs)
        for (size_t i = 0; i < n; i++) {
            free(r.docs[i].findings);
            free(r.docs[i].strings.buf);
        }
    free(r.docs);
    PyMem_Free(paths);
    PyMem_Free(first);
    PyMem_Free(nparts);
    Py_XDECREF(names);
    Py_XDECREF(encoded);
    Py_XDECREF(keep_only);
    Py_XDECREF(keep_skip);
    Py_DECREF(documents);
    return result;
}
