/*
 * table.c — budgetrec.Table and budgetrec.Row.
 *
 * A Table holds a strong reference to its Disclosure and re-checks that the
 * disclosure is live before touching the C table (a lent one is revoked when
 * its check returns).  A Row holds its Table.  Cells cross as Decimal (money),
 * str (the text roles of performance tables) or None (blank: absent, not 0).
 */
#include <string.h>

#include "core.h"

PyObject *br_table_wrap(core_state *st, DisclosureObject *owner, const br_table *t,
                        PyObject *report)
{
    Py_ssize_t index = -1;
    size_t n = br_disclosure_table_count(owner->doc);
    for (size_t i = 0; i < n; i++)
        if (br_disclosure_table_at(owner->doc, i) == t)
            index = (Py_ssize_t)i;
    if (index < 0) {
        PyErr_SetString(st->Error, "table does not belong to its disclosure");
        return NULL;
    }
    TableObject *self = PyObject_GC_New(TableObject, st->Table_Type);
    if (!self)
        return NULL;
    self->owner = (DisclosureObject *)Py_NewRef((PyObject *)owner);
    self->table = t;
    self->index = index;
    self->report = report && report != Py_None ? Py_NewRef(report) : NULL;
    PyObject_GC_Track(self);
    return (PyObject *)self;
}

const br_table *br_table_live(core_state *st, TableObject *t)
{
    return br_disclosure_live(st, t->owner) ? t->table : NULL;
}

PyObject *br_cell_value(core_state *st, const br_cell *c)
{
    if (!c || !(c->flags & BR_CELL_PRESENT))
        Py_RETURN_NONE;
    if (c->flags & BR_CELL_TEXT)
        return br_str(c->text);
    return br_decimal_to_py(st, c->value);
}

/* A reading-confidence mark as {"kind": …, "why": …}, or None. */
static PyObject *uncertainty_dict(const br_uncertainty *u)
{
    if (!u)
        Py_RETURN_NONE;
    return Py_BuildValue("{szsz}", "kind", u->kind, "why", u->why);
}

static int table_traverse(PyObject *op, visitproc visit, void *arg)
{
    TableObject *self = (TableObject *)op;
    Py_VISIT(Py_TYPE(op));
    Py_VISIT(self->owner);
    Py_VISIT(self->report);
    return 0;
}

static int table_clear(PyObject *op)
{
    Py_CLEAR(((TableObject *)op)->report);
    return 0; /* owner stays until dealloc: `table` points into it */
}

static void table_dealloc(PyObject *op)
{
    TableObject *self = (TableObject *)op;
    PyTypeObject *tp = Py_TYPE(op);
    PyObject_GC_UnTrack(op);
    Py_CLEAR(self->report);
    Py_CLEAR(self->owner);
    tp->tp_free(op);
    Py_DECREF(tp);
}

#define LIVE_TABLE(self, st, t)                                        \
    core_state *st = STATE(self);                                      \
    const br_table *t = br_table_live(st, (TableObject *)(self));     \
    if (!t)                                                            \
        return NULL

static PyObject *get_kind(PyObject *self, void *c)
{
    LIVE_TABLE(self, st, t);
    return br_str(br_kind_name(br_table_kind(t)));
}

static PyObject *get_title(PyObject *self, void *c)
{
    LIVE_TABLE(self, st, t);
    return br_str(br_table_title(t));
}

static PyObject *get_unit(PyObject *self, void *c)
{
    LIVE_TABLE(self, st, t);
    br_unit u = br_table_unit(t);
    return br_str(u ? br_unit_name(u) : NULL);
}

static PyObject *get_line(PyObject *self, void *c)
{
    LIVE_TABLE(self, st, t);
    return br_long_or_none(br_table_line(t));
}

static PyObject *get_page(PyObject *self, void *c)
{
    LIVE_TABLE(self, st, t);
    return br_page_or_none(br_table_disclosure(t), br_table_part(t), br_table_line(t));
}

static PyObject *get_file(PyObject *self, void *c)
{
    LIVE_TABLE(self, st, t);
    return br_str(br_disclosure_part_file(br_table_disclosure(t), br_table_part(t)));
}

static PyObject *get_columns(PyObject *self, void *c)
{
    LIVE_TABLE(self, st, t);
    size_t n = br_table_column_count(t);
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; list && i < n; i++) {
        PyObject *s = br_str(br_role_name(br_table_column_role(t, i)));
        if (!s) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, s);
    }
    return list;
}

static PyObject *row_new(core_state *st, TableObject *table, Py_ssize_t index)
{
    RowObject *r = PyObject_GC_New(RowObject, st->Row_Type);
    if (!r)
        return NULL;
    r->table = (TableObject *)Py_NewRef((PyObject *)table);
    r->index = index;
    PyObject_GC_Track(r);
    return (PyObject *)r;
}

static PyObject *get_rows(PyObject *self, void *c)
{
    LIVE_TABLE(self, st, t);
    size_t n = br_table_row_count(t);
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; list && i < n; i++) {
        PyObject *r = row_new(st, (TableObject *)self, (Py_ssize_t)i);
        if (!r) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, r);
    }
    return list;
}

static PyObject *get_project(PyObject *self, void *c)
{
    LIVE_TABLE(self, st, t);
    if (!br_table_project_code(t) && !br_table_project_name(t))
        Py_RETURN_NONE;
    br_decimal amount;
    PyObject *code = br_str(br_table_project_code(t)), *name = br_str(br_table_project_name(t));
    PyObject *am = br_table_project_amount(t, &amount) ? br_decimal_to_py(st, amount)
                                                       : Py_NewRef(Py_None);
    PyObject *d = NULL;
    if (code && name && am)
        d = Py_BuildValue("{sOsOsO}", "code", code, "name", name, "amount", am);
    Py_XDECREF(code);
    Py_XDECREF(name);
    Py_XDECREF(am);
    return d;
}

static PyObject *get_attributes(PyObject *self, void *c)
{
    LIVE_TABLE(self, st, t);
    PyObject *d = PyDict_New();
    for (size_t i = 0; d && i < br_table_attr_count(t); i++) {
        PyObject *k = br_str(br_table_attr_key(t, i)), *v = br_str(br_table_attr_value(t, i));
        if (!k || !v || PyDict_SetItem(d, k, v) < 0)
            Py_CLEAR(d);
        Py_XDECREF(k);
        Py_XDECREF(v);
    }
    return d;
}

static PyObject *get_uncertain(PyObject *self, void *c)
{
    LIVE_TABLE(self, st, t);
    return uncertainty_dict(br_table_uncertain(t, -1));
}

/* role → mark, for the columns marked on their own (not through the table). */
static PyObject *get_uncertain_columns(PyObject *self, void *c)
{
    LIVE_TABLE(self, st, t);
    const br_uncertainty *whole = br_table_uncertain(t, -1);
    PyObject *d = PyDict_New();
    for (size_t i = 0; d && i < br_table_column_count(t); i++) {
        const br_uncertainty *u = br_table_uncertain(t, (long)i);
        if (!u || u == whole)
            continue;
        PyObject *v = uncertainty_dict(u);
        if (!v || br_dict_set(d, br_role_name(br_table_column_role(t, i)), v) < 0)
            Py_CLEAR(d);
        Py_XDECREF(v);
    }
    return d;
}

static PyObject *get_disclosure(PyObject *self, void *c)
{
    return Py_NewRef((PyObject *)((TableObject *)self)->owner);
}

static PyObject *get_index(PyObject *self, void *c)
{
    return PyLong_FromSsize_t(((TableObject *)self)->index);
}

static PyObject *get_report(PyObject *self, void *c)
{
    PyObject *r = ((TableObject *)self)->report;
    return Py_NewRef(r ? r : Py_None);
}

/* One row as a dict: code, label, side, line, page, then every column (None when blank). */
static PyObject *row_record(core_state *st, const br_table *t, const br_row *r)
{
    PyObject *d = PyDict_New();
    if (!d)
        return NULL;
    PyObject *code = br_str(br_row_code(r)), *label = br_str(br_row_label(r)),
             *side = br_str(br_side_name(br_row_side(r))), *line = br_long_or_none(br_row_line(r)),
             *page = br_page_or_none(br_table_disclosure(t), br_row_part(r), br_row_line(r));
    int ok = code && label && side && line && page && br_dict_set(d, "code", code) == 0 &&
             br_dict_set(d, "label", label) == 0 &&
             br_dict_set(d, "side", side) == 0 &&
             br_dict_set(d, "line", line) == 0 &&
             br_dict_set(d, "page", page) == 0;
    Py_XDECREF(code);
    Py_XDECREF(label);
    Py_XDECREF(side);
    Py_XDECREF(line);
    Py_XDECREF(page);
    for (size_t c = 0; ok && c < br_table_column_count(t); c++) {
        PyObject *v = br_cell_value(st, br_row_cell(r, c));
        ok = v && br_dict_set(d, br_role_name(br_table_column_role(t, c)), v) == 0;
        Py_XDECREF(v);
    }
    if (!ok)
        Py_CLEAR(d);
    return d;
}

static PyObject *table_to_records(PyObject *self, PyObject *unused)
{
    LIVE_TABLE(self, st, t);
    size_t n = br_table_row_count(t);
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; list && i < n; i++) {
        PyObject *d = row_record(st, t, br_table_row_at(t, i));
        if (!d) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, d);
    }
    return list;
}

static PyObject *table_to_pandas(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"numbers", "labels", NULL};
    PyObject *numbers = NULL, *labels = Py_False;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|UO:to_pandas", kwlist, &numbers, &labels))
        return NULL;
    LIVE_TABLE(self, st, t);
    (void)t;
    PyObject *argv[3] = {self, numbers ? numbers : Py_None, labels};
    return br_call_helper(st, "table_to_pandas", argv, 3);
}

/* The row whose code is `key`, else the first whose label is `key`. */
static Py_ssize_t find_row(const br_table *t, const char *key)
{
    size_t n = br_table_row_count(t);
    for (size_t i = 0; i < n; i++) {
        const char *code = br_row_code(br_table_row_at(t, i));
        if (code && strcmp(code, key) == 0)
            return (Py_ssize_t)i;
    }
    for (size_t i = 0; i < n; i++)
        if (strcmp(br_row_label(br_table_row_at(t, i)), key) == 0)
            return (Py_ssize_t)i;
    return -1;
}

static PyObject *table_getitem(PyObject *self, PyObject *key)
{
    LIVE_TABLE(self, st, t);
    if (PyLong_Check(key)) {
        Py_ssize_t i = PyLong_AsSsize_t(key), n = (Py_ssize_t)br_table_row_count(t);
        if (i == -1 && PyErr_Occurred())
            return NULL;
        if (i < 0)
            i += n;
        if (i < 0 || i >= n) {
            PyErr_SetString(PyExc_IndexError, "row index out of range");
            return NULL;
        }
        return row_new(st, (TableObject *)self, i);
    }
    if (!PyUnicode_Check(key)) {
        PyErr_SetString(PyExc_TypeError, "rows are looked up by code or label (str) or position");
        return NULL;
    }
    const char *k = PyUnicode_AsUTF8(key);
    if (!k)
        return NULL;
    Py_ssize_t i = find_row(t, k);
    if (i < 0) {
        PyErr_SetObject(PyExc_KeyError, key);
        return NULL;
    }
    return row_new(st, (TableObject *)self, i);
}

static Py_ssize_t table_length(PyObject *self)
{
    const br_table *t = br_table_live(STATE(self), (TableObject *)self);
    return t ? (Py_ssize_t)br_table_row_count(t) : -1;
}

static PyObject *table_iter(PyObject *self)
{
    PyObject *rows = get_rows(self, NULL);
    if (!rows)
        return NULL;
    PyObject *it = PyObject_GetIter(rows);
    Py_DECREF(rows);
    return it;
}

static PyObject *table_row(PyObject *self, PyObject *key) { return table_getitem(self, key); }

/* attach(report) → this table with `report` attached (its failing cells are
 * highlighted in the notebook view). */
static PyObject *table_attach(PyObject *op, PyObject *report)
{
    TableObject *self = (TableObject *)op;
    LIVE_TABLE(op, st, t);
    if (report != Py_None && !PyObject_TypeCheck(report, st->Report_Type)) {
        PyErr_SetString(PyExc_TypeError, "attach() wants a Report or None");
        return NULL;
    }
    return br_table_wrap(st, self->owner, t, report);
}

static PyObject *table_html(PyObject *self, PyObject *unused)
{
    LIVE_TABLE(self, st, t);
    (void)t;
    return br_call_helper(st, "table_html", &self, 1);
}

static PyObject *table_reduce(PyObject *op, PyObject *unused)
{
    TableObject *self = (TableObject *)op;
    LIVE_TABLE(op, st, t);
    (void)t;
    PyObject *fn = br_helper(st, "unpickle_table");
    if (!fn)
        return NULL;
    return Py_BuildValue("(N(OnO))", fn, (PyObject *)self->owner, self->index,
                         self->report ? self->report : Py_None);
}

/* What makes two tables equal: kind, title, unit, line, columns, rows. */
static PyObject *table_key(PyObject *self)
{
    PyObject *k = NULL, *parts[6] = {0};
    parts[0] = get_kind(self, NULL);
    parts[1] = get_title(self, NULL);
    parts[2] = get_unit(self, NULL);
    parts[3] = get_line(self, NULL);
    parts[4] = get_columns(self, NULL);
    parts[5] = table_to_records(self, NULL);
    if (parts[0] && parts[1] && parts[2] && parts[3] && parts[4] && parts[5])
        k = PyTuple_Pack(6, parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]);
    for (int i = 0; i < 6; i++)
        Py_XDECREF(parts[i]);
    return k;
}

static PyObject *table_richcompare(PyObject *a, PyObject *b, int op)
{
    if ((op != Py_EQ && op != Py_NE) || Py_TYPE(a) != Py_TYPE(b))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *ka = table_key(a);
    PyObject *kb = ka ? table_key(b) : NULL;
    PyObject *r = kb ? PyObject_RichCompare(ka, kb, op) : NULL;
    Py_XDECREF(ka);
    Py_XDECREF(kb);
    return r;
}

static PyObject *table_repr(PyObject *op)
{
    TableObject *self = (TableObject *)op;
    if (!self->owner->doc)
        return PyUnicode_FromString("<budgetrec.Table (lent to a check that has returned)>");
    return PyUnicode_FromFormat("<budgetrec.Table %s: %zu rows x %zu columns, line %ld>",
                                br_kind_name(br_table_kind(self->table)),
                                br_table_row_count(self->table),
                                br_table_column_count(self->table), br_table_line(self->table));
}

static PyMethodDef table_methods[] = {
    {"to_pandas", (PyCFunction)(void (*)(void))table_to_pandas, METH_VARARGS | METH_KEYWORDS,
     "to_pandas(numbers='decimal', labels=False) -> DataFrame indexed by row code (or label), "
     "one column per role.  numbers='float' converts money to float (at the edge only); "
     "labels=True adds label, side and line columns."},
    {"to_records", table_to_records, METH_NOARGS,
     "to_records() -> list of dict: code, label, side, line, page and every column."},
    {"row", table_row, METH_O, "row(key) -> Row by code, else by label (KeyError if none)."},
    {"attach", table_attach, METH_O,
     "attach(report) -> Table: this table with the report's failing cells highlighted."},
    {"_repr_html_", table_html, METH_NOARGS, NULL},
    {"__reduce__", table_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef table_getset[] = {
    {"kind", get_kind, NULL, "SPEC §3 kind ('gpb_basic', …).", NULL},
    {"title", get_title, NULL, "Title as printed.", NULL},
    {"unit", get_unit, NULL, "Money unit as printed.", NULL},
    {"line", get_line, NULL, "Line of the title.", NULL},
    {"page", get_page, NULL, "Page of the title (None when the document has no pages).", NULL},
    {"file", get_file, NULL, "The file it was read from when the disclosure is joined, else None.",
     NULL},
    {"columns", get_columns, NULL, "Column roles, in order.", NULL},
    {"rows", get_rows, NULL, "The rows (list of Row).", NULL},
    {"project", get_project, NULL, "performance_project: dict code/name/amount, else None.", NULL},
    {"attributes", get_attributes, NULL, "Key/value attributes (performance tables).", NULL},
    {"uncertain", get_uncertain, NULL,
     "Reading confidence of the table as a whole: None (read with certainty) or a dict "
     "{'kind', 'why'}; identities through it are not checked.", NULL},
    {"uncertain_columns", get_uncertain_columns, NULL,
     "dict role -> {'kind', 'why'}: the columns marked uncertain on their own (empty when "
     "none; a table marked as a whole is in `uncertain`).", NULL},
    {"disclosure", get_disclosure, NULL, "The Disclosure it belongs to.", NULL},
    {"index", get_index, NULL, "Its position among the disclosure's tables.", NULL},
    {"report", get_report, NULL, "The attached Report, or None.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot table_slots[] = {
    {Py_tp_doc, "One table of a disclosure: kind, title, unit, columns (roles), rows."},
    {Py_tp_dealloc, table_dealloc},
    {Py_tp_traverse, table_traverse},
    {Py_tp_clear, table_clear},
    {Py_tp_richcompare, table_richcompare},
    {Py_tp_hash, PyObject_HashNotImplemented},
    {Py_tp_repr, table_repr},
    {Py_tp_iter, table_iter},
    {Py_mp_subscript, table_getitem},
    {Py_mp_length, table_length},
    {Py_tp_methods, table_methods},
    {Py_tp_getset, table_getset},
    {0, NULL},
};

PyType_Spec br_table_spec = {
    .name = "budgetrec.Table",
    .basicsize = sizeof(TableObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE |
             Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = table_slots,
};

/* ---- Row ---- */

static const br_row *row_live(core_state *st, RowObject *r)
{
    const br_table *t = br_table_live(st, r->table);
    return t ? br_table_row_at(t, (size_t)r->index) : NULL;
}

#define LIVE_ROW(self, st, r)                                      \
    core_state *st = STATE(self);                                  \
    const br_row *r = row_live(st, (RowObject *)(self));          \
    if (!r)                                                        \
        return NULL

static int row_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(op));
    Py_VISIT(((RowObject *)op)->table);
    return 0;
}

static void row_dealloc(PyObject *op)
{
    PyTypeObject *tp = Py_TYPE(op);
    PyObject_GC_UnTrack(op);
    Py_CLEAR(((RowObject *)op)->table);
    tp->tp_free(op);
    Py_DECREF(tp);
}

static PyObject *row_code(PyObject *self, void *c)
{
    LIVE_ROW(self, st, r);
    return br_str(br_row_code(r));
}

static PyObject *row_label(PyObject *self, void *c)
{
    LIVE_ROW(self, st, r);
    return br_str(br_row_label(r));
}

static PyObject *row_key(PyObject *self, void *c)
{
    LIVE_ROW(self, st, r);
    return br_str(br_row_key(r));
}

static PyObject *row_line(PyObject *self, void *c)
{
    LIVE_ROW(self, st, r);
    return br_long_or_none(br_row_line(r));
}

static PyObject *row_page(PyObject *self, void *c)
{
    LIVE_ROW(self, st, r);
    return br_page_or_none(br_table_disclosure(br_row_table(r)), br_row_part(r), br_row_line(r));
}

static PyObject *row_file(PyObject *self, void *c)
{
    LIVE_ROW(self, st, r);
    return br_str(br_disclosure_part_file(br_table_disclosure(br_row_table(r)), br_row_part(r)));
}

static PyObject *row_side(PyObject *self, void *c)
{
    LIVE_ROW(self, st, r);
    return br_str(br_side_name(br_row_side(r)));
}

/* The present cells: role → Decimal or str (blank cells are absent). */
static PyObject *row_cells(PyObject *self, void *c)
{
    LIVE_ROW(self, st, r);
    const br_table *t = ((RowObject *)self)->table->table;
    PyObject *d = PyDict_New();
    for (size_t i = 0; d && i < br_table_column_count(t); i++) {
        const br_cell *cell = br_row_cell(r, i);
        if (!(cell->flags & BR_CELL_PRESENT))
            continue;
        PyObject *v = br_cell_value(st, cell);
        if (!v || br_dict_set(d, br_role_name(br_table_column_role(t, i)), v) < 0)
            Py_CLEAR(d);
        Py_XDECREF(v);
    }
    return d;
}

/* The roles of the row's cells that carry `flag`. */
static PyObject *roles_flagged(PyObject *self, unsigned flag)
{
    LIVE_ROW(self, st, r);
    const br_table *t = ((RowObject *)self)->table->table;
    PyObject *list = PyList_New(0);
    for (size_t i = 0; list && i < br_table_column_count(t); i++) {
        if (!(br_row_cell(r, i)->flags & flag))
            continue;
        PyObject *s = br_str(br_role_name(br_table_column_role(t, i)));
        if (!s || PyList_Append(list, s) < 0)
            Py_CLEAR(list);
        Py_XDECREF(s);
    }
    return list;
}

static PyObject *row_inferred(PyObject *self, void *c)
{
    return roles_flagged(self, BR_CELL_INFERRED);
}

static PyObject *row_uncertain(PyObject *self, void *c)
{
    LIVE_ROW(self, st, r);
    return uncertainty_dict(br_row_uncertain(r));
}

/* Roles of the cells whose column is a guess (BR_CELL_UNCERTAIN). */
static PyObject *row_uncertain_cells(PyObject *self, void *c)
{
    return roles_flagged(self, BR_CELL_UNCERTAIN);
}

static PyObject *row_table(PyObject *self, void *c)
{
    return Py_NewRef((PyObject *)((RowObject *)self)->table);
}

static PyObject *row_getitem(PyObject *self, PyObject *role)
{
    LIVE_ROW(self, st, r);
    const char *name = PyUnicode_Check(role) ? PyUnicode_AsUTF8(role) : NULL;
    if (!name) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "cells are looked up by role name (str)");
        return NULL;
    }
    const br_cell *cell = br_row_cell_by_role(r, br_role_from_name(name));
    if (!cell || br_role_from_name(name) == BR_ROLE_NONE) {
        PyErr_SetObject(PyExc_KeyError, role);
        return NULL;
    }
    return br_cell_value(st, cell);
}

static PyObject *row_to_dict(PyObject *self, PyObject *unused)
{
    LIVE_ROW(self, st, r);
    return row_record(st, ((RowObject *)self)->table->table, r);
}

static PyObject *row_repr(PyObject *op)
{
    RowObject *self = (RowObject *)op;
    if (!self->table->owner->doc)
        return PyUnicode_FromString("<budgetrec.Row (lent to a check that has returned)>");
    const br_row *r = br_table_row_at(self->table->table, (size_t)self->index);
    PyObject *cells = row_cells(op, NULL);
    if (!cells)
        return NULL;
    PyObject *s = PyUnicode_FromFormat("<budgetrec.Row %s %s line %ld %R>",
                                       br_row_code(r) ? br_row_code(r) : "-",
                                       br_row_label(r) ? br_row_label(r) : "",
                                       br_row_line(r), cells);
    Py_DECREF(cells);
    return s;
}

static PyMethodDef row_methods[] = {
    {"to_dict", row_to_dict, METH_NOARGS,
     "to_dict() -> dict: code, label, side, line, page and every column (None when blank)."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef row_getset[] = {
    {"code", row_code, NULL, "Subject code, or None.", NULL},
    {"label", row_label, NULL, "Label as printed (normalised).", NULL},
    {"key", row_key, NULL, "The code when there is one, else the label (SPEC §5 'row').", NULL},
    {"line", row_line, NULL, "1-based source line.", NULL},
    {"page", row_page, NULL, "1-based page of that line (None when the document has no pages).",
     NULL},
    {"file", row_file, NULL, "The file it was read from when the disclosure is joined, else None.",
     NULL},
    {"side", row_side, NULL, "'income' / 'expenditure' in two-sided tables, else None.", NULL},
    {"cells", row_cells, NULL, "dict role -> Decimal (money) or str (text); blanks absent.", NULL},
    {"inferred", row_inferred, NULL, "Roles whose column was assigned by arithmetic.", NULL},
    {"uncertain", row_uncertain, NULL,
     "The row's own reading-confidence mark: None or a dict {'kind', 'why'} (e.g. a label "
     "fragment read as a row).", NULL},
    {"uncertain_cells", row_uncertain_cells, NULL,
     "Roles of the cells whose column is a guess (their identities are not checked).", NULL},
    {"table", row_table, NULL, "The Table it belongs to.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot row_slots[] = {
    {Py_tp_doc, "One row of a table; row[role] is its cell (None when blank)."},
    {Py_tp_dealloc, row_dealloc},
    {Py_tp_traverse, row_traverse},
    {Py_tp_repr, row_repr},
    {Py_mp_subscript, row_getitem},
    {Py_tp_methods, row_methods},
    {Py_tp_getset, row_getset},
    {0, NULL},
};

PyType_Spec br_row_spec = {
    .name = "budgetrec.Row",
    .basicsize = sizeof(RowObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE |
             Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = row_slots,
};
