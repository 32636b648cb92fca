/*
 * record.c — Finding and Claim: immutable plain-data records.
 *
 * They hold copies (str, int, Decimal, None, a small dict), never a C
 * pointer, so they outlive their report or disclosure and pickle as the
 * tuple of their fields.  Equality is field by field.
 */
#include <stddef.h>
#include <string.h>

#include "core.h"

#include <structmember.h>

const char *const br_finding_fields[F__COUNT] = {
    "document", "department", "year",     "check",   "severity", "table",
    "row",      "column",     "expected", "actual",  "difference", "tolerance",
    "file",     "line",       "page",     "message", "cause",    "consequence_of"};
static const char *const claim_fields[C__COUNT] = {
    "label", "value", "unit", "claim_class", "code", "direction", "file", "line", "page",
    "sentence", "role", "of", "base_class", "versus", "versus_line", "compared_with"};

static Py_ssize_t nfields(PyObject *self)
{
    return (Py_TYPE(self)->tp_basicsize - (Py_ssize_t)offsetof(RecordObject, fields)) /
           (Py_ssize_t)sizeof(PyObject *);
}

static const char *const *names_of(PyObject *self)
{
    return nfields(self) == F__COUNT ? br_finding_fields : claim_fields;
}

PyObject *br_record_new(PyTypeObject *tp, PyObject **values, Py_ssize_t n)
{
    RecordObject *r = PyObject_GC_New(RecordObject, tp);
    if (!r) {
        for (Py_ssize_t i = 0; i < n; i++)
            Py_XDECREF(values[i]);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        r->fields[i] = values[i] ? values[i] : Py_NewRef(Py_None);
    PyObject_GC_Track(r);
    return (PyObject *)r;
}

/* Record(*fields) or Record(name=value, …): what unpickling calls. */
static PyObject *record_new(PyTypeObject *tp, PyObject *args, PyObject *kwargs)
{
    Py_ssize_t n = (tp->tp_basicsize - (Py_ssize_t)offsetof(RecordObject, fields)) /
                   (Py_ssize_t)sizeof(PyObject *);
    const char *const *names = n == F__COUNT ? br_finding_fields : claim_fields;
    Py_ssize_t given = PyTuple_GET_SIZE(args);
    if (given > n) {
        PyErr_Format(PyExc_TypeError, "%s takes at most %zd fields", tp->tp_name, n);
        return NULL;
    }
    PyObject *values[F__COUNT] = {0};
    for (Py_ssize_t i = 0; i < given; i++)
        values[i] = Py_NewRef(PyTuple_GET_ITEM(args, i));
    if (kwargs) {
        PyObject *key, *value;
        Py_ssize_t pos = 0;
        while (PyDict_Next(kwargs, &pos, &key, &value)) {
            Py_ssize_t i = 0;
            for (; i < n; i++)
                if (PyUnicode_CompareWithASCIIString(key, names[i]) == 0)
                    break;
            if (i == n || values[i]) {
                PyErr_Format(PyExc_TypeError, "%s: %s field %R", tp->tp_name,
                             i == n ? "unknown" : "repeated", key);
                for (Py_ssize_t k = 0; k < n; k++)
                    Py_XDECREF(values[k]);
                return NULL;
            }
            values[i] = Py_NewRef(value);
        }
    }
    return br_record_new(tp, values, n);
}

static int record_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    for (Py_ssize_t i = 0; i < nfields(self); i++)
        Py_VISIT(((RecordObject *)self)->fields[i]);
    return 0;
}

static int record_clear(PyObject *self)
{
    /* Fields are never NULL for readers: cleared fields become None. */
    for (Py_ssize_t i = 0; i < nfields(self); i++)
        Py_SETREF(((RecordObject *)self)->fields[i], Py_NewRef(Py_None));
    return 0;
}

static void record_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    for (Py_ssize_t i = 0; i < nfields(self); i++)
        Py_CLEAR(((RecordObject *)self)->fields[i]);
    tp->tp_free(self);
    Py_DECREF(tp);
}

static PyObject *record_richcompare(PyObject *a, PyObject *b, int op)
{
    if ((op != Py_EQ && op != Py_NE) || Py_TYPE(a) != Py_TYPE(b))
        Py_RETURN_NOTIMPLEMENTED;
    for (Py_ssize_t i = 0; i < nfields(a); i++) {
        int eq = PyObject_RichCompareBool(((RecordObject *)a)->fields[i],
                                          ((RecordObject *)b)->fields[i], Py_EQ);
        if (eq < 0)
            return NULL;
        if (!eq)
            return PyBool_FromLong(op == Py_NE);
    }
    return PyBool_FromLong(op == Py_EQ);
}

/* Hash the fields that are hashable (consequence_of is a dict). */
static Py_hash_t record_hash(PyObject *self)
{
    Py_ssize_t n = nfields(self);
    PyObject *t = PyTuple_New(n);
    if (!t)
        return -1;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *v = ((RecordObject *)self)->fields[i];
        PyTuple_SET_ITEM(t, i, Py_NewRef(PyDict_Check(v) ? Py_None : v));
    }
    Py_hash_t h = PyObject_Hash(t);
    Py_DECREF(t);
    return h;
}

static PyObject *record_repr(PyObject *self)
{
    PyObject *parts = PyList_New(0);
    if (!parts)
        return NULL;
    const char *const *names = names_of(self);
    PyObject *result = NULL;
    for (Py_ssize_t i = 0; i < nfields(self); i++) {
        PyObject *v = ((RecordObject *)self)->fields[i];
        if (v == Py_None || (nfields(self) == F__COUNT && (i == F_DOCUMENT || i == F_DEPARTMENT)))
            continue; /* a finding's document and department are long; the rest tells it */
        PyObject *s = PyUnicode_FromFormat("%s=%R", names[i], v);
        if (!s || PyList_Append(parts, s) < 0) {
            Py_XDECREF(s);
            goto done;
        }
        Py_DECREF(s);
    }
    PyObject *sep = PyUnicode_FromString(", ");
    PyObject *body = sep ? PyUnicode_Join(sep, parts) : NULL;
    Py_XDECREF(sep);
    if (body) {
        const char *name = strrchr(Py_TYPE(self)->tp_name, '.');
        result = PyUnicode_FromFormat("%s(%U)", name ? name + 1 : Py_TYPE(self)->tp_name, body);
        Py_DECREF(body);
    }
done:
    Py_DECREF(parts);
    return result;
}

static PyObject *record_asdict(PyObject *self, PyObject *unused)
{
    PyObject *d = PyDict_New();
    const char *const *names = names_of(self);
    for (Py_ssize_t i = 0; d && i < nfields(self); i++)
        if (br_dict_set(d, names[i], ((RecordObject *)self)->fields[i]) < 0)
            Py_CLEAR(d);
    return d;
}

static PyObject *record_reduce(PyObject *self, PyObject *unused)
{
    Py_ssize_t n = nfields(self);
    PyObject *t = PyTuple_New(n);
    if (!t)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++)
        PyTuple_SET_ITEM(t, i, Py_NewRef(((RecordObject *)self)->fields[i]));
    return Py_BuildValue("(ON)", (PyObject *)Py_TYPE(self), t);
}

static PyObject *record_fields(PyObject *cls, PyObject *unused)
{
    PyTypeObject *tp = (PyTypeObject *)cls;
    Py_ssize_t n = (tp->tp_basicsize - (Py_ssize_t)offsetof(RecordObject, fields)) /
                   (Py_ssize_t)sizeof(PyObject *);
    const char *const *names = n == F__COUNT ? br_finding_fields : claim_fields;
    PyObject *t = PyTuple_New(n);
    for (Py_ssize_t i = 0; t && i < n; i++) {
        PyObject *s = PyUnicode_FromString(names[i]);
        if (!s) {
            Py_CLEAR(t);
            break;
        }
        PyTuple_SET_ITEM(t, i, s);
    }
    return t;
}

static PyMethodDef record_methods[] = {
    {"_asdict", record_asdict, METH_NOARGS, "The fields as a dict."},
    {"to_dict", record_asdict, METH_NOARGS, "The fields as a dict."},
    {"__reduce__", record_reduce, METH_NOARGS, NULL},
    {"_field_names", record_fields, METH_NOARGS | METH_CLASS, "The names of the fields, in order."},
    {NULL, NULL, 0, NULL},
};

#define FIELD(name, i) \
    {name, T_OBJECT, (Py_ssize_t)(offsetof(RecordObject, fields) + (i) * sizeof(PyObject *)), \
     READONLY, NULL}

static PyMemberDef finding_members[] = {
    FIELD("document", F_DOCUMENT),     FIELD("department", F_DEPARTMENT),
    FIELD("year", F_YEAR),             FIELD("check", F_CHECK),
    FIELD("severity", F_SEVERITY),     FIELD("table", F_TABLE),
    FIELD("row", F_ROW),               FIELD("column", F_COLUMN),
    FIELD("expected", F_EXPECTED),     FIELD("actual", F_ACTUAL),
    FIELD("difference", F_DIFFERENCE), FIELD("tolerance", F_TOLERANCE),
    FIELD("file", F_FILE),             FIELD("line", F_LINE),
    FIELD("page", F_PAGE),             FIELD("message", F_MESSAGE),
    FIELD("cause", F_CAUSE),           FIELD("consequence_of", F_CONSEQUENCE_OF),
    {NULL, 0, 0, 0, NULL},
};

static PyMemberDef claim_members[] = {
    FIELD("label", C_LABEL),     FIELD("value", C_VALUE), FIELD("unit", C_UNIT),
    FIELD("claim_class", C_CLASS), FIELD("code", C_CODE), FIELD("direction", C_DIRECTION),
    FIELD("file", C_FILE),       FIELD("line", C_LINE), FIELD("page", C_PAGE),
    FIELD("sentence", C_SENTENCE), FIELD("role", C_ROLE), FIELD("of", C_OF),
    FIELD("base_class", C_BASE), FIELD("versus", C_VERSUS), FIELD("versus_line", C_VERSUS_LINE),
    FIELD("compared_with", C_COMPARED),
    {NULL, 0, 0, 0, NULL},
};

static PyType_Slot finding_slots[] = {
    {Py_tp_doc, "One finding (SPEC §5): document, department, year, check, severity, table, "
                "row, column, expected, actual, difference, tolerance (Decimal or None), file "
                "(the part of a joined disclosure, else None), line, page (None when the "
                "document has no pages), message, cause, consequence_of (dict "
                "table/row/column/file/line/page of the finding it follows from, or None).  "
                "Plain data: it outlives its report and pickles."},
    {Py_tp_new, record_new},
    {Py_tp_dealloc, record_dealloc},
    {Py_tp_traverse, record_traverse},
    {Py_tp_clear, record_clear},
    {Py_tp_richcompare, record_richcompare},
    {Py_tp_hash, record_hash},
    {Py_tp_repr, record_repr},
    {Py_tp_methods, record_methods},
    {Py_tp_members, finding_members},
    {0, NULL},
};

static PyType_Slot claim_slots[] = {
    {Py_tp_doc, "A figure the narrative states: label, value (Decimal), unit as printed, "
                "claim_class (SPEC §3 class or None), code, direction, file (the part of a "
                "joined disclosure, else None), line, page (None when unknown)."},
    {Py_tp_new, record_new},
    {Py_tp_dealloc, record_dealloc},
    {Py_tp_traverse, record_traverse},
    {Py_tp_clear, record_clear},
    {Py_tp_richcompare, record_richcompare},
    {Py_tp_hash, record_hash},
    {Py_tp_repr, record_repr},
    {Py_tp_methods, record_methods},
    {Py_tp_members, claim_members},
    {0, NULL},
};

PyType_Spec br_finding_spec = {
    .name = "budgetrec.Finding",
    .basicsize = (int)(offsetof(RecordObject, fields) + F__COUNT * sizeof(PyObject *)),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE,
    .slots = finding_slots,
};

PyType_Spec br_claim_spec = {
    .name = "budgetrec.Claim",
    .basicsize = (int)(offsetof(RecordObject, fields) + C__COUNT * sizeof(PyObject *)),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE,
    .slots = claim_slots,
};
