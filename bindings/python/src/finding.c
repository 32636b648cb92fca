/*
 * finding.c — one C finding as the Python values of a Finding.
 *
 * The single place that decides how a finding looks in Python, shared by
 * Report.findings and check_many's frames, so the two agree value for value.
 * Figures are Decimal (None when absent), `line`, `page` and `year` None
 * when 0, `file` None unless the disclosure is joined, `consequence_of` a
 * dict like the JSON output's.
 */
#include "core.h"

static PyObject *decimal_or_none(core_state *st, const br_decimal *d, int present)
{
    if (!present)
        Py_RETURN_NONE;
    return br_decimal_to_py(st, *d);
}

static PyObject *page_or_none(int page)
{
    if (page > 0)
        return PyLong_FromLong(page);
    Py_RETURN_NONE;
}

PyObject *br_page_or_none(const br_disclosure *doc, size_t part, long line)
{
    return page_or_none(br_disclosure_page_of(doc, part, line));
}

/* consequence_of: where the finding it follows from is, as the JSON has it
 * (the keys in that order; its line as printed there, even when 0). */
static PyObject *where(const br_finding *p, const br_location *loc, PyObject *cache)
{
    PyObject *table = br_str_cached(cache, p->table), *row = br_str(p->row),
             *column = br_str_cached(cache, p->column), *file = br_str_cached(cache, loc->file),
             *line = PyLong_FromLong(p->line), *page = page_or_none(loc->page);
    PyObject *d = NULL;
    if (table && row && column && file && line && page)
        d = Py_BuildValue("{sOsOsOsOsOsO}", "table", table, "row", row, "column", column,
                          "file", file, "line", line, "page", page);
    Py_XDECREF(table);
    Py_XDECREF(row);
    Py_XDECREF(column);
    Py_XDECREF(file);
    Py_XDECREF(line);
    Py_XDECREF(page);
    return d;
}

int br_finding_values(core_state *st, const doc_context *ctx, const br_finding *f,
                      const br_location *loc, const br_decimal *diff, const br_finding *primary,
                      const br_location *ploc, PyObject *cache, PyObject **v)
{
    v[F_DOCUMENT] = Py_NewRef(ctx->document);
    v[F_DEPARTMENT] = Py_NewRef(ctx->department);
    v[F_YEAR] = Py_NewRef(ctx->year);
    v[F_CHECK] = br_str_cached(cache, f->check);
    v[F_SEVERITY] = br_str_cached(cache, br_severity_name(f->severity));
    v[F_TABLE] = br_str_cached(cache, f->table);
    v[F_ROW] = br_str(f->row);
    v[F_COLUMN] = br_str_cached(cache, f->column);
    v[F_EXPECTED] = decimal_or_none(st, &f->expected, f->present & BR_FINDING_EXPECTED);
    v[F_ACTUAL] = decimal_or_none(st, &f->actual, f->present & BR_FINDING_ACTUAL);
    v[F_DIFFERENCE] = decimal_or_none(st, diff, diff != NULL);
    v[F_TOLERANCE] = decimal_or_none(st, &f->tolerance, f->present & BR_FINDING_TOLERANCE);
    v[F_FILE] = br_str_cached(cache, loc ? loc->file : NULL);
    v[F_LINE] = br_long_or_none(f->line);
    v[F_PAGE] = page_or_none(loc ? loc->page : 0);
    v[F_MESSAGE] = br_str(f->message);
    v[F_CAUSE] = br_str_cached(cache, f->cause);
    v[F_CONSEQUENCE_OF] = primary ? where(primary, ploc, cache) : Py_NewRef(Py_None);
    for (int i = 0; i < F__COUNT; i++)
        if (!v[i]) {
            for (int k = 0; k < F__COUNT; k++)
                Py_CLEAR(v[k]);
            return -1;
        }
    return 0;
}

PyObject *br_finding_from_report(core_state *st, const doc_context *ctx, const br_report *rep,
                                 size_t i, PyObject *cache)
{
    br_decimal diff;
    br_location loc = {0}, ploc = {0};
    int has = br_report_difference(rep, i, &diff);
    long p = br_report_consequence_of(rep, i);
    br_report_location(rep, i, &loc);
    if (p >= 0)
        br_report_location(rep, (size_t)p, &ploc);
    PyObject *v[F__COUNT];
    if (br_finding_values(st, ctx, br_report_at(rep, i), &loc, has ? &diff : NULL,
                          p >= 0 ? br_report_at(rep, (size_t)p) : NULL, &ploc, cache, v) < 0)
        return NULL;
    return br_record_new(st->Finding_Type, v, F__COUNT);
}
