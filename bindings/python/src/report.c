/*
 * report.c — budgetrec.Report: the findings of one disclosure.
 *
 * Three lives:
 *   live      from Disclosure.check(): owns its br_report, holds its
 *             Disclosure (the report borrows the model); findings are
 *             copied into Finding records on first use.
 *   lent      handed to a Python check: wraps the engine's report for the
 *             duration of the call; add() writes to it; revoked on return.
 *   detached  unpickled: plain data (document, findings, runs, coverage), no
 *             C state.
 * Pickling always sends the detached form.
 *
 * coverage (br_report_coverage) is not one of the findings: Report.coverage
 * gives it as a dict, to_json() ends with it as the CLI's coverage record.
 */
#include <string.h>

#include "core.h"

static ReportObject *report_alloc(core_state *st)
{
    ReportObject *r = PyObject_GC_New(ReportObject, st->Report_Type);
    if (!r)
        return NULL;
    r->report = NULL;
    r->owned = r->lent = 0;
    r->disclosure = Py_NewRef(Py_None);
    r->findings = r->runs = NULL;
    r->document = r->department = r->year = NULL;
    r->check = NULL;
    r->coverage = NULL;
    r->coverage_record = 1;
    return r;
}

int br_coverage_record(const char *const *only, const char *const *skip)
{
    for (const char *const *p = skip; p && *p; p++)
        if (strcmp(*p, BR_COVERAGE_CHECK) == 0)
            return 0;
    if (!only)
        return 1;
    for (const char *const *p = only; *p; p++)
        if (strcmp(*p, BR_COVERAGE_CHECK) == 0)
            return 1;
    return 0;
}

PyObject *br_coverage_to_py(const br_coverage *cov)
{
    char msg[1024];
    br_coverage_format(cov, msg, sizeof msg);
    PyObject *by = PyDict_New();
    for (size_t i = 0; by && i < cov->nreasons; i++) {
        PyObject *n = PyLong_FromSize_t(cov->reasons[i].count);
        if (!n || br_dict_set(by, cov->reasons[i].kind ? cov->reasons[i].kind : "", n) < 0)
            Py_CLEAR(by);
        Py_XDECREF(n);
    }
    if (!by)
        return NULL;
    return Py_BuildValue("{snsnsnsnsNsnsnsnsnsnsnsnsnsnss}", "identities",
                         (Py_ssize_t)cov->identities, "held", (Py_ssize_t)cov->held, "broken",
                         (Py_ssize_t)cov->broken, "not_checked", (Py_ssize_t)cov->not_checked,
                         "not_checked_by", by, "tables", (Py_ssize_t)cov->tables,
                         "tables_uncertain", (Py_ssize_t)cov->tables_uncertain, "checks_run",
                         (Py_ssize_t)cov->checks_run, "checks_not_applicable",
                         (Py_ssize_t)cov->checks_not_applicable, "claims",
                         (Py_ssize_t)cov->claims, "claims_classified",
                         (Py_ssize_t)cov->claims_classified, "claims_checked",
                         (Py_ssize_t)cov->claims_checked, "sentences", (Py_ssize_t)cov->sentences,
                         "sentences_checked", (Py_ssize_t)cov->sentences_checked, "message", msg);
}

/* A copy the caller may mutate (not_checked_by too). */
static PyObject *coverage_copy(PyObject *cov)
{
    PyObject *d = PyDict_Copy(cov);
    PyObject *by = d ? PyDict_GetItemString(d, "not_checked_by") : NULL;
    if (by && PyDict_Check(by)) {
        PyObject *c = PyDict_Copy(by);
        if (!c || PyDict_SetItemString(d, "not_checked_by", c) < 0)
            Py_CLEAR(d);
        Py_XDECREF(c);
    }
    return d;
}

static int fill_context(ReportObject *r, const br_disclosure *doc)
{
    r->document = br_str(br_disclosure_path(doc));
    r->department = br_str(br_disclosure_department(doc));
    r->year = br_long_or_none(br_disclosure_year(doc));
    return r->document && r->department && r->year ? 0 : -1;
}

PyObject *br_report_wrap(core_state *st, br_report *rep, DisclosureObject *d,
                         int coverage_record)
{
    ReportObject *r = report_alloc(st);
    if (!r) {
        br_report_free(rep);
        return NULL;
    }
    r->report = rep;
    r->owned = 1;
    r->coverage_record = coverage_record;
    Py_SETREF(r->disclosure, Py_NewRef((PyObject *)d));
    PyObject_GC_Track(r);
    if (fill_context(r, d->doc) < 0) {
        Py_DECREF(r);
        return NULL;
    }
    return (PyObject *)r;
}

ReportObject *br_report_lend(core_state *st, br_report *rep, DisclosureObject *d,
                             PyCheckObject *check)
{
    ReportObject *r = report_alloc(st);
    if (!r)
        return NULL;
    r->report = rep;
    r->lent = 1;
    Py_SETREF(r->disclosure, Py_NewRef((PyObject *)d));
    r->check = (PyCheckObject *)Py_NewRef((PyObject *)check);
    PyObject_GC_Track(r);
    if (fill_context(r, d->doc) < 0) {
        Py_DECREF(r);
        return NULL;
    }
    return r;
}

void br_report_revoke(ReportObject *r)
{
    if (r->lent)
        r->report = NULL;
}

static int report_traverse(PyObject *op, visitproc visit, void *arg)
{
    ReportObject *self = (ReportObject *)op;
    Py_VISIT(Py_TYPE(op));
    Py_VISIT(self->findings);
    Py_VISIT(self->runs);
    Py_VISIT(self->check);
    if (!self->owned) /* a live report's disclosure must outlive it: not cleared */
        Py_VISIT(self->disclosure);
    return 0;
}

static int report_clear(PyObject *op)
{
    ReportObject *self = (ReportObject *)op;
    Py_CLEAR(self->findings);
    Py_CLEAR(self->runs);
    Py_CLEAR(self->check);
    if (!self->owned)
        Py_CLEAR(self->disclosure);
    return 0;
}

static void report_dealloc(PyObject *op)
{
    ReportObject *self = (ReportObject *)op;
    PyTypeObject *tp = Py_TYPE(op);
    PyObject_GC_UnTrack(op);
    if (self->owned)
        br_report_free(self->report); /* before the disclosure it borrows */
    self->report = NULL;
    report_clear(op);
    Py_CLEAR(self->disclosure);
    Py_CLEAR(self->document);
    Py_CLEAR(self->department);
    Py_CLEAR(self->year);
    Py_CLEAR(self->coverage);
    tp->tp_free(op);
    Py_DECREF(tp);
}

static PyObject *revoked(core_state *st)
{
    PyErr_SetString(st->Error,
                    "this report was lent to a check that has returned; findings added are in "
                    "the Report that Disclosure.check() returns");
    return NULL;
}

/* Every finding as a new list of Finding records. */
static PyObject *make_findings(core_state *st, ReportObject *self)
{
    doc_context ctx = {self->document, self->department, self->year};
    size_t n = br_report_count(self->report);
    PyObject *cache = PyDict_New();
    PyObject *list = cache ? PyList_New((Py_ssize_t)n) : NULL;
    for (size_t i = 0; list && i < n; i++) {
        PyObject *f = br_finding_from_report(st, &ctx, self->report, i, cache);
        if (!f) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, f);
    }
    Py_XDECREF(cache);
    return list;
}

static PyObject *findings_of(core_state *st, ReportObject *self)
{
    if (self->findings)
        return Py_NewRef(self->findings);
    if (!self->report)
        return self->lent ? revoked(st) : PyList_New(0);
    PyObject *list = make_findings(st, self);
    if (list && self->owned) /* a lent report still grows: never cached */
        self->findings = Py_NewRef(list);
    return list;
}

static PyObject *get_findings(PyObject *op, void *c)
{
    PyObject *list = findings_of(STATE(op), (ReportObject *)op);
    if (!list)
        return NULL;
    PyObject *copy = PyList_GetSlice(list, 0, PyList_GET_SIZE(list)); /* callers may mutate it */
    Py_DECREF(list);
    return copy;
}

static PyObject *by_severity(PyObject *op, const char *sev)
{
    PyObject *list = findings_of(STATE(op), (ReportObject *)op);
    if (!list)
        return NULL;
    PyObject *out = PyList_New(0);
    for (Py_ssize_t i = 0; out && i < PyList_GET_SIZE(list); i++) {
        RecordObject *f = (RecordObject *)PyList_GET_ITEM(list, i);
        if (PyUnicode_CompareWithASCIIString(f->fields[F_SEVERITY], sev) == 0 &&
            PyList_Append(out, (PyObject *)f) < 0)
            Py_CLEAR(out);
    }
    Py_DECREF(list);
    return out;
}

static PyObject *get_errors(PyObject *op, void *c) { return by_severity(op, "error"); }
static PyObject *get_warnings(PyObject *op, void *c) { return by_severity(op, "warning"); }
static PyObject *get_infos(PyObject *op, void *c) { return by_severity(op, "info"); }

static PyObject *get_runs(PyObject *op, void *c)
{
    ReportObject *self = (ReportObject *)op;
    if (self->runs)
        return PyDict_Copy(self->runs);
    if (!self->report)
        return self->lent ? revoked(STATE(op)) : PyDict_New();
    PyObject *d = PyDict_New();
    for (size_t i = 0; d && i < br_report_run_count(self->report); i++) {
        PyObject *k = br_str(br_report_run_check(self->report, i));
        PyObject *v = br_str(br_check_status_name(br_report_run_status(self->report, i)));
        if (!k || !v || PyDict_SetItem(d, k, v) < 0)
            Py_CLEAR(d);
        Py_XDECREF(k);
        Py_XDECREF(v);
    }
    if (d && self->owned)
        self->runs = PyDict_Copy(d);
    return d;
}

/* The coverage: cached for a live report, computed so far for a lent one
 * (it grows while checks run), the data for a detached one (None when it was
 * pickled without it). */
static PyObject *coverage_of(core_state *st, ReportObject *self)
{
    if (self->coverage)
        return Py_NewRef(self->coverage);
    if (!self->report) {
        if (self->lent)
            return revoked(st);
        Py_RETURN_NONE;
    }
    br_coverage cov;
    int rc = br_report_coverage(self->report, &cov);
    if (rc != BR_OK) {
        br_raise_status(st, rc, "Report.coverage");
        return NULL;
    }
    PyObject *d = br_coverage_to_py(&cov);
    if (d && self->owned)
        self->coverage = Py_NewRef(d);
    return d;
}

static PyObject *get_coverage(PyObject *op, void *c)
{
    PyObject *cov = coverage_of(STATE(op), (ReportObject *)op);
    if (!cov || cov == Py_None)
        return cov;
    PyObject *copy = coverage_copy(cov);
    Py_DECREF(cov);
    return copy;
}

static PyObject *get_coverage_record(PyObject *op, void *c)
{
    return PyBool_FromLong(((ReportObject *)op)->coverage_record);
}

static PyObject *get_disclosure(PyObject *op, void *c)
{
    return Py_NewRef(((ReportObject *)op)->disclosure);
}

static PyObject *get_document(PyObject *op, void *c)
{
    return Py_NewRef(((ReportObject *)op)->document);
}

static PyObject *get_department(PyObject *op, void *c)
{
    return Py_NewRef(((ReportObject *)op)->department);
}

static PyObject *get_year(PyObject *op, void *c) { return Py_NewRef(((ReportObject *)op)->year); }

static PyObject *get_max_severity(PyObject *op, void *c)
{
    static const char *const names[] = {"info", "warning", "error"};
    PyObject *list = findings_of(STATE(op), (ReportObject *)op);
    if (!list)
        return NULL;
    int max = -1;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
        PyObject *sev = ((RecordObject *)PyList_GET_ITEM(list, i))->fields[F_SEVERITY];
        for (int k = 0; k < 3; k++)
            if (PyUnicode_CompareWithASCIIString(sev, names[k]) == 0 && k > max)
                max = k;
    }
    Py_DECREF(list);
    if (max < 0)
        Py_RETURN_NONE;
    return PyUnicode_FromString(names[max]);
}

/* The line of `row` in the lent disclosure's first table of `kind`, or 0. */
static long row_line(const br_disclosure *doc, const char *kind, const char *row)
{
    const br_table *t = br_disclosure_find_table(doc, br_kind_from_name(kind));
    if (!t)
        return 0;
    const br_row *r = br_table_find_row(t, row);
    if (!r)
        r = br_table_find_label(t, row);
    return r ? br_row_line(r) : 0;
}

/* add(severity, message, table=None, row=None, column=None, expected=None,
 *     actual=None, *, tolerance=None, line=None, cause=None) */
static PyObject *report_add(PyObject *op, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"severity", "message", "table", "row", "column", "expected",
                             "actual", "tolerance", "line", "cause", NULL};
    ReportObject *self = (ReportObject *)op;
    core_state *st = STATE(op);
    PyObject *sev = Py_None, *message, *table = Py_None, *row = Py_None, *column = Py_None,
             *expected = Py_None, *actual = Py_None, *tolerance = Py_None, *line = Py_None,
             *cause = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "OU|OOOOO$OOO:add", kwlist, &sev, &message,
                                     &table, &row, &column, &expected, &actual, &tolerance, &line,
                                     &cause))
        return NULL;
    if (!self->lent) {
        PyErr_SetString(st->Error, "add() is for the report a check is given while it runs");
        return NULL;
    }
    if (!self->report)
        return revoked(st);
    br_finding f = {.check = self->check->c_id, .severity = self->check->desc.severity};
    if (sev != Py_None) {
        int s = br_severity_from_py(sev);
        if (s < 0)
            return NULL;
        f.severity = (br_severity)s;
    }
    /* a Row or Table may stand for its key / kind */
    if (PyObject_TypeCheck(row, st->Row_Type)) {
        RowObject *r = (RowObject *)row;
        const br_table *t = br_table_live(st, r->table);
        if (!t)
            return NULL;
        const br_row *cr = br_table_row_at(t, (size_t)r->index);
        f.row = br_row_key(cr);
        f.line = br_row_line(cr);
        if (table == Py_None)
            f.table = br_kind_name(br_table_kind(t));
    } else if (br_utf8_or_null(row, &f.row, "row") < 0) {
        return NULL;
    }
    if (PyObject_TypeCheck(table, st->Table_Type)) {
        const br_table *t = br_table_live(st, (TableObject *)table);
        if (!t)
            return NULL;
        f.table = br_kind_name(br_table_kind(t));
        if (!f.line && f.row == NULL)
            f.line = br_table_line(t);
    } else if (table != Py_None && br_utf8_or_null(table, &f.table, "table") < 0) {
        return NULL;
    }
    if (br_utf8_or_null(column, &f.column, "column") < 0 ||
        br_utf8_or_null(cause, &f.cause, "cause") < 0 ||
        !(f.message = PyUnicode_AsUTF8(message)))
        return NULL;
    struct {
        PyObject *o;
        br_decimal *d;
        unsigned bit;
    } figs[] = {{expected, &f.expected, BR_FINDING_EXPECTED},
                {actual, &f.actual, BR_FINDING_ACTUAL},
                {tolerance, &f.tolerance, BR_FINDING_TOLERANCE}};
    for (size_t i = 0; i < 3; i++) {
        if (figs[i].o == Py_None)
            continue;
        if (br_decimal_from_py(st, figs[i].o, figs[i].d) < 0)
            return NULL;
        f.present |= figs[i].bit;
    }
    if (line != Py_None) {
        f.line = PyLong_AsLong(line);
        if (f.line == -1 && PyErr_Occurred())
            return NULL;
    } else if (!f.line && f.table && f.row) {
        f.line = row_line(br_report_disclosure(self->report), f.table, f.row);
    }
    int rc = br_report_add(self->report, &f);
    if (rc != BR_OK) {
        br_raise_status(st, rc, "Report.add");
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *report_to_pandas(PyObject *op, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"numbers", NULL};
    PyObject *numbers = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|O:to_pandas", kwlist, &numbers))
        return NULL;
    PyObject *argv[2] = {op, numbers};
    return br_call_helper(STATE(op), "report_to_pandas", argv, 2);
}

static PyObject *report_to_json(PyObject *op, PyObject *unused)
{
    return br_call_helper(STATE(op), "report_to_json", &op, 1);
}

static PyObject *report_html(PyObject *op, PyObject *unused)
{
    return br_call_helper(STATE(op), "report_html", &op, 1);
}

static PyObject *get_tables(PyObject *op, void *c)
{
    return br_call_helper(STATE(op), "report_tables", &op, 1);
}

/* The detached form: (document, department, year, findings, runs, coverage,
 * coverage_record). */
static PyObject *report_state(PyObject *op)
{
    ReportObject *self = (ReportObject *)op;
    PyObject *findings = findings_of(STATE(op), self);
    PyObject *tuple = findings ? PyList_AsTuple(findings) : NULL;
    PyObject *runs = tuple ? get_runs(op, NULL) : NULL;
    PyObject *cov = runs ? get_coverage(op, NULL) : NULL;
    PyObject *t = cov ? Py_BuildValue("(OOOOOOO)", self->document, self->department, self->year,
                                      tuple, runs, cov,
                                      self->coverage_record ? Py_True : Py_False)
                      : NULL;
    Py_XDECREF(cov);
    Py_XDECREF(runs);
    Py_XDECREF(tuple);
    Py_XDECREF(findings);
    return t;
}

static PyObject *report_reduce(PyObject *op, PyObject *unused)
{
    PyObject *state = report_state(op);
    if (!state)
        return NULL;
    PyObject *ctor = PyObject_GetAttrString((PyObject *)Py_TYPE(op), "_from_data");
    if (!ctor) {
        Py_DECREF(state);
        return NULL;
    }
    return Py_BuildValue("(NN)", ctor, state);
}

/* Report._from_data(document, department, year, findings, runs,
 *                   coverage=None, coverage_record=True): detached.  The last
 * two are optional so that reports pickled before coverage still load. */
static PyObject *report_from_data(PyObject *cls, PyObject *args)
{
    PyObject *document, *department, *year, *findings, *runs, *coverage = Py_None;
    int coverage_record = 1;
    if (!PyArg_ParseTuple(args, "OOOOO!|Op:_from_data", &document, &department, &year,
                          &findings, &PyDict_Type, &runs, &coverage, &coverage_record))
        return NULL;
    if (coverage != Py_None && !PyDict_Check(coverage)) {
        PyErr_SetString(PyExc_TypeError, "coverage must be a dict or None");
        return NULL;
    }
    core_state *st = br_state_of((PyTypeObject *)cls);
    PyObject *list = PySequence_List(findings);
    if (!list)
        return NULL;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++)
        if (!PyObject_TypeCheck(PyList_GET_ITEM(list, i), st->Finding_Type)) {
            Py_DECREF(list);
            PyErr_SetString(PyExc_TypeError, "findings must be Finding records");
            return NULL;
        }
    ReportObject *r = report_alloc(st);
    if (!r) {
        Py_DECREF(list);
        return NULL;
    }
    r->findings = list;
    r->runs = PyDict_Copy(runs);
    r->document = Py_NewRef(document);
    r->department = Py_NewRef(department);
    r->year = Py_NewRef(year);
    r->coverage = coverage == Py_None ? NULL : coverage_copy(coverage);
    r->coverage_record = coverage_record;
    PyObject_GC_Track(r);
    if (!r->runs || (coverage != Py_None && !r->coverage)) {
        Py_DECREF(r);
        return NULL;
    }
    return (PyObject *)r;
}

static PyObject *report_richcompare(PyObject *a, PyObject *b, int op)
{
    if ((op != Py_EQ && op != Py_NE) || Py_TYPE(a) != Py_TYPE(b))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *sa = report_state(a);
    PyObject *sb = sa ? report_state(b) : NULL;
    PyObject *r = sb ? PyObject_RichCompare(sa, sb, op) : NULL;
    Py_XDECREF(sa);
    Py_XDECREF(sb);
    return r;
}

static Py_ssize_t report_length(PyObject *op)
{
    ReportObject *self = (ReportObject *)op;
    if (self->findings)
        return PyList_GET_SIZE(self->findings);
    if (!self->report) {
        if (self->lent) {
            revoked(STATE(op));
            return -1;
        }
        return 0;
    }
    return (Py_ssize_t)br_report_count(self->report);
}

static PyObject *report_iter(PyObject *op)
{
    PyObject *list = findings_of(STATE(op), (ReportObject *)op);
    if (!list)
        return NULL;
    PyObject *it = PyObject_GetIter(list);
    Py_DECREF(list);
    return it;
}

static PyObject *report_repr(PyObject *op)
{
    ReportObject *self = (ReportObject *)op;
    if (self->lent && !self->report)
        return PyUnicode_FromString("<budgetrec.Report (lent to a check that has returned)>");
    PyObject *list = findings_of(STATE(op), self);
    if (!list)
        return NULL;
    Py_ssize_t counts[3] = {0, 0, 0};
    static const char *const names[] = {"error", "warning", "info"};
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
        PyObject *sev = ((RecordObject *)PyList_GET_ITEM(list, i))->fields[F_SEVERITY];
        for (int k = 0; k < 3; k++)
            counts[k] += PyUnicode_CompareWithASCIIString(sev, names[k]) == 0;
    }
    Py_DECREF(list);
    return PyUnicode_FromFormat("<budgetrec.Report %S: %zd errors, %zd warnings, %zd infos%s>",
                                self->document, counts[0], counts[1], counts[2],
                                self->lent ? " (being written by a check)" : "");
}

static PyMethodDef report_methods[] = {
    {"add", (PyCFunction)(void (*)(void))report_add, METH_VARARGS | METH_KEYWORDS,
     "add(severity, message, table=None, row=None, column=None, expected=None, actual=None, *, "
     "tolerance=None, line=None, cause=None): report a finding from a Python check.  severity "
     "is 'error', 'warning', 'info' or None (the check's default); table a kind name or Table; "
     "row a code/label or Row; figures Decimal, int or str (never float); line defaults to the "
     "row's."},
    {"to_pandas", (PyCFunction)(void (*)(void))report_to_pandas, METH_VARARGS | METH_KEYWORDS,
     "to_pandas(numbers='decimal') -> DataFrame: one row per finding, SPEC §5 columns."},
    {"to_json", report_to_json, METH_NOARGS,
     "to_json() -> str: JSON Lines, as `budgetrec check --format json` writes them: every "
     "finding, then the coverage record (check 'budgetrec.coverage'; left out when the "
     "report was made with only= not naming it, or skip= naming it)."},
    {"_repr_html_", report_html, METH_NOARGS, NULL},
    {"__reduce__", report_reduce, METH_NOARGS, NULL},
    {"_from_data", report_from_data, METH_VARARGS | METH_CLASS,
     "Rebuild a detached report (unpickling)."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef report_getset[] = {
    {"findings", get_findings, NULL, "Every finding (list of Finding), in report order.", NULL},
    {"errors", get_errors, NULL, "Findings of severity error.", NULL},
    {"warnings", get_warnings, NULL, "Findings of severity warning.", NULL},
    {"infos", get_infos, NULL, "Findings of severity info.", NULL},
    {"runs", get_runs, NULL,
     "dict check id -> outcome (passed, failed, not_applicable, crashed, skipped).", NULL},
    {"disclosure", get_disclosure, NULL, "The Disclosure checked (None once unpickled).", NULL},
    {"document", get_document, NULL, "The document's path.", NULL},
    {"department", get_department, NULL, "The department.", NULL},
    {"year", get_year, NULL, "The year.", NULL},
    {"max_severity", get_max_severity, NULL, "'error', 'warning', 'info' or None.", NULL},
    {"coverage", get_coverage, NULL,
     "How much was checked, as the CLI's coverage record: dict identities, held, broken, "
     "not_checked, not_checked_by (kind -> count), tables, tables_uncertain, checks_run, "
     "checks_not_applicable, claims, claims_classified, claims_checked, sentences, "
     "sentences_checked (the narrative's figures read, understood, compared; its sentences "
     "stating figures, and those compared), message.  Not a finding.  A report lent to a running check "
     "gives the coverage so far (the checks run before it); an unpickled report its data "
     "(None when pickled by a version without coverage).", NULL},
    {"_coverage_record", get_coverage_record, NULL,
     "Whether to_json() ends with the coverage record (only/skip as the CLI).", NULL},
    {"tables", get_tables, NULL,
     "The disclosure's tables with this report attached (failing cells highlighted).", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot report_slots[] = {
    {Py_tp_doc, "The findings of one disclosure (Disclosure.check())."},
    {Py_tp_dealloc, report_dealloc},
    {Py_tp_traverse, report_traverse},
    {Py_tp_clear, report_clear},
    {Py_tp_richcompare, report_richcompare},
    {Py_tp_hash, PyObject_HashNotImplemented},
    {Py_tp_repr, report_repr},
    {Py_tp_iter, report_iter},
    {Py_sq_length, report_length},
    {Py_tp_methods, report_methods},
    {Py_tp_getset, report_getset},
    {0, NULL},
};

PyType_Spec br_report_spec = {
    .name = "budgetrec.Report",
    .basicsize = sizeof(ReportObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE |
             Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = report_slots,
};
