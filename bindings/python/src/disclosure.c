/*
 * disclosure.c — budgetrec.Disclosure: one department, one year, one document.
 *
 * An owned Disclosure frees its br_disclosure when the last reference goes;
 * its Tables, Rows and Narrative hold a reference to it, so they can outlive
 * the name the user gave it.  A Disclosure *lent* to a Python check wraps the
 * engine's pointer only for the duration of the call: br_disclosure_revoke
 * clears `doc`, and every accessor raises budgetrec.Error afterwards.
 *
 * Pickling: the bytes it was read from, its path and forced format; the
 * receiving process reads them again with its own registry.
 */
#include <string.h>

#include "core.h"

PyObject *br_disclosure_wrap(core_state *st, br_disclosure *doc, PyObject *registry,
                             PyObject *source, PyObject *format)
{
    DisclosureObject *d = PyObject_GC_New(DisclosureObject, st->Disclosure_Type);
    if (!d) {
        br_disclosure_free(doc);
        return NULL;
    }
    d->doc = doc;
    d->owned = 1;
    d->registry = Py_XNewRef(registry);
    d->source = Py_XNewRef(source);
    d->format = Py_NewRef(format ? format : Py_None);
    PyObject_GC_Track(d);
    return (PyObject *)d;
}

DisclosureObject *br_disclosure_lend(core_state *st, br_disclosure *doc)
{
    DisclosureObject *d = PyObject_GC_New(DisclosureObject, st->Disclosure_Type);
    if (!d)
        return NULL;
    d->doc = doc;
    d->owned = 0;
    d->registry = NULL;
    d->source = NULL;
    d->format = Py_NewRef(Py_None);
    PyObject_GC_Track(d);
    return d;
}

void br_disclosure_revoke(DisclosureObject *d)
{
    if (!d->owned)
        d->doc = NULL;
}

br_disclosure *br_disclosure_live(core_state *st, DisclosureObject *d)
{
    if (!d->doc)
        PyErr_SetString(st->Error,
                        "this disclosure was lent to a check that has returned: keep the figures "
                        "(row.cells, table.to_pandas()), not the objects");
    return d->doc;
}

static int disclosure_traverse(PyObject *op, visitproc visit, void *arg)
{
    DisclosureObject *self = (DisclosureObject *)op;
    Py_VISIT(Py_TYPE(op));
    Py_VISIT(self->registry);
    Py_VISIT(self->format);
    return 0;
}

static int disclosure_clear(PyObject *op)
{
    DisclosureObject *self = (DisclosureObject *)op;
    Py_CLEAR(self->format);
    /* the registry outlives the model on purpose: freed after doc, below */
    return 0;
}

static void disclosure_dealloc(PyObject *op)
{
    DisclosureObject *self = (DisclosureObject *)op;
    PyTypeObject *tp = Py_TYPE(op);
    PyObject_GC_UnTrack(op);
    if (self->owned)
        br_disclosure_free(self->doc);
    self->doc = NULL;
    Py_CLEAR(self->source);
    Py_CLEAR(self->format);
    Py_CLEAR(self->registry);
    tp->tp_free(op);
    Py_DECREF(tp);
}

#define LIVE(self, st, doc)                                                    \
    core_state *st = STATE(self);                                              \
    br_disclosure *doc = br_disclosure_live(st, (DisclosureObject *)(self));   \
    if (!doc)                                                                  \
        return NULL

static PyObject *get_path(PyObject *self, void *c)
{
    LIVE(self, st, doc);
    return br_str(br_disclosure_path(doc));
}

static PyObject *get_department(PyObject *self, void *c)
{
    LIVE(self, st, doc);
    return br_str(br_disclosure_department(doc));
}

static PyObject *get_department_code(PyObject *self, void *c)
{
    LIVE(self, st, doc);
    return br_str(br_disclosure_department_code(doc));
}

static PyObject *get_year(PyObject *self, void *c)
{
    LIVE(self, st, doc);
    return br_long_or_none(br_disclosure_year(doc));
}

static PyObject *get_unit(PyObject *self, void *c)
{
    LIVE(self, st, doc);
    br_unit u = br_disclosure_unit(doc);
    return br_str(u ? br_unit_name(u) : NULL);
}

static PyObject *get_reader(PyObject *self, void *c)
{
    LIVE(self, st, doc);
    return br_str(br_disclosure_reader(doc));
}

static PyObject *get_phase(PyObject *self, void *c)
{
    LIVE(self, st, doc);
    return br_str(br_phase_name(br_disclosure_phase(doc)));
}

static PyObject *get_encoding(PyObject *self, void *c)
{
    LIVE(self, st, doc);
    const char *enc = br_disclosure_encoding(doc);
    return br_str(enc ? enc : "UTF-8");
}

/* A list with one str per part: its path (c == NULL) or its reader. */
static PyObject *get_parts(PyObject *self, void *c)
{
    LIVE(self, st, doc);
    size_t n = br_disclosure_part_count(doc);
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; list && i < n; i++) {
        PyObject *p = br_str(c ? br_disclosure_part_reader(doc, i) : br_disclosure_part_path(doc, i));
        if (!p) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, p);
    }
    return list;
}

static PyObject *get_format(PyObject *self, void *c)
{
    return Py_NewRef(((DisclosureObject *)self)->format);
}

static PyObject *get_source(PyObject *self, void *c)
{
    DisclosureObject *d = (DisclosureObject *)self;
    return Py_NewRef(d->source ? d->source : Py_None);
}

/* kind → Table; performance_project (and any kind printed more than once)
 * → list of Table, in document order. */
static PyObject *get_tables(PyObject *self, void *c)
{
    LIVE(self, st, doc);
    PyObject *map = PyDict_New();
    if (!map)
        return NULL;
    size_t n = br_disclosure_table_count(doc);
    for (size_t i = 0; i < n; i++) {
        const br_table *t = br_disclosure_table_at(doc, i);
        br_kind kind = br_table_kind(t);
        const char *name = br_kind_name(kind);
        size_t same = 0;
        for (size_t k = 0; k < n; k++)
            same += br_table_kind(br_disclosure_table_at(doc, k)) == kind;
        PyObject *tab = br_table_wrap(st, (DisclosureObject *)self, t, NULL);
        if (!tab)
            goto fail;
        int rc;
        if (kind == BR_KIND_PERFORMANCE_PROJECT || same > 1) {
            PyObject *list = PyDict_GetItemString(map, name ? name : "unknown");
            if (!list) {
                list = PyList_New(0);
                rc = list ? br_dict_set(map, name ? name : "unknown", list) : -1;
                Py_XDECREF(list); /* the dict holds it */
                if (rc < 0) {
                    Py_DECREF(tab);
                    goto fail;
                }
            }
            rc = PyList_Append(list, tab);
        } else {
            rc = br_dict_set(map, name ? name : "unknown", tab);
        }
        Py_DECREF(tab);
        if (rc < 0)
            goto fail;
    }
    return map;
fail:
    Py_DECREF(map);
    return NULL;
}

static PyObject *get_all_tables(PyObject *self, void *c)
{
    LIVE(self, st, doc);
    size_t n = br_disclosure_table_count(doc);
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; list && i < n; i++) {
        PyObject *t = br_table_wrap(st, (DisclosureObject *)self, br_disclosure_table_at(doc, i),
                                    NULL);
        if (!t) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, t);
    }
    return list;
}

static PyObject *get_narrative(PyObject *self, void *c)
{
    LIVE(self, st, doc);
    (void)doc;
    return br_narrative_wrap(st, (DisclosureObject *)self);
}

static PyObject *get_claims(PyObject *self, void *c)
{
    LIVE(self, st, doc);
    return br_claims_list(st, br_disclosure_narrative(doc));
}

static PyObject *get_notes(PyObject *self, void *c)
{
    LIVE(self, st, doc);
    size_t n = br_disclosure_note_count(doc);
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; list && i < n; i++) {
        /* the keys of the CLI dump, in its order ("file" only when joined) */
        const br_note *note = br_disclosure_note_at(doc, i);
        size_t part = br_disclosure_note_part(doc, i);
        const char *file = br_disclosure_part_file(doc, part);
        PyObject *v[] = {br_str(br_severity_name(note->severity)), br_str(note->table),
                         br_str(note->row), br_str(note->column), br_str(file),
                         br_long_or_none(note->line), br_page_or_none(doc, part, note->line),
                         br_str(note->message)};
        static const char *const keys[] = {"severity", "table", "row",  "column",
                                           "file",     "line",  "page", "message"};
        PyObject *d = PyDict_New();
        for (size_t k = 0; k < sizeof v / sizeof *v; k++) {
            if (d && (!v[k] || ((k != 4 || file) && br_dict_set(d, keys[k], v[k]) < 0)))
                Py_CLEAR(d);
            Py_XDECREF(v[k]);
        }
        if (!d) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, d);
    }
    return list;
}

/* One id, or a comma-separated str, or an iterable of str → the tuple of ids. */
static PyObject *ids_tuple(PyObject *ids)
{
    if (PyUnicode_Check(ids)) {
        PyObject *sep = PyUnicode_FromString(",");
        PyObject *parts = sep ? PyUnicode_Split(ids, sep, -1) : NULL;
        Py_XDECREF(sep);
        PyObject *t = parts ? PyList_AsTuple(parts) : NULL;
        Py_XDECREF(parts);
        return t;
    }
    return PySequence_Tuple(ids);
}

int br_parse_ids(core_state *st, const br_registry *reg, PyObject *ids, const char ***out,
                 PyObject **keep)
{
    *out = NULL;
    *keep = NULL;
    if (!ids || ids == Py_None)
        return 0;
    PyObject *t = ids_tuple(ids);
    if (!t)
        return -1;
    Py_ssize_t n = PyTuple_GET_SIZE(t);
    const char **v = PyMem_Calloc((size_t)n + 1, sizeof *v);
    if (!v) {
        Py_DECREF(t);
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *s = PyTuple_GET_ITEM(t, i);
        if (!PyUnicode_Check(s)) {
            PyErr_Format(PyExc_TypeError, "check ids are str, not %.100s", Py_TYPE(s)->tp_name);
            goto fail;
        }
        const char *id = PyUnicode_AsUTF8(s);
        if (!id)
            goto fail;
        size_t len = strlen(id);
        int parse = len > 6 && strcmp(id + len - 6, ".parse") == 0;
        if (!parse && strcmp(id, "budgetrec.read") != 0 && strcmp(id, BR_COVERAGE_CHECK) != 0 &&
            strcmp(id, BR_UNCHECKED_CHECK) != 0 &&
            !br_registry_find_check(reg, id)) {
            PyErr_Format(PyExc_ValueError, "no check named %R (see budgetrec.plugins())", s);
            goto fail;
        }
        v[i] = id;
    }
    *out = v;
    *keep = t;
    return 0;
fail:
    PyMem_Free(v);
    Py_DECREF(t);
    return -1;
}

/* check(only=None, skip=None) → Report.  The engine runs with the GIL
 * released; Python checks take it back for their own calls. */
static PyObject *disclosure_check(PyObject *op, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"only", "skip", NULL};
    DisclosureObject *self = (DisclosureObject *)op;
    PyObject *only = Py_None, *skip = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|OO:check", kwlist, &only, &skip))
        return NULL;
    LIVE(op, st, doc);
    if (!self->owned || br_running_python_check()) {
        PyErr_SetString(st->Error, self->owned ? "checks cannot be run from inside a check"
                                               : "a disclosure lent to a check cannot be "
                                                 "checked from inside that check");
        return NULL;
    }
    RegistryObject *reg = (RegistryObject *)self->registry;
    if (!br_registry_get(st, reg))
        return NULL;
    const char **only_ids = NULL, **skip_ids = NULL;
    PyObject *keep_only = NULL, *keep_skip = NULL, *result = NULL;
    if (br_parse_ids(st, reg->reg, only, &only_ids, &keep_only) < 0 ||
        br_parse_ids(st, reg->reg, skip, &skip_ids, &keep_skip) < 0)
        goto done;
    br_check_options opts = {.only = only_ids, .skip = skip_ids};
    br_report *rep;
    Py_INCREF(reg);
    reg->busy++;
    Py_BEGIN_ALLOW_THREADS
    rep = br_registry_check(reg->reg, doc, &opts);
    Py_END_ALLOW_THREADS
    reg->busy--;
    Py_DECREF(reg);
    if (!rep) {
        PyErr_NoMemory();
        goto done;
    }
    result = br_report_wrap(st, rep, self, br_coverage_record(only_ids, skip_ids));
done:
    PyMem_Free(only_ids);
    PyMem_Free(skip_ids);
    Py_XDECREF(keep_only);
    Py_XDECREF(keep_skip);
    return result;
}

static PyObject *disclosure_to_json(PyObject *self, PyObject *unused)
{
    LIVE(self, st, doc);
    (void)doc;
    return br_call_helper(st, "disclosure_to_json", &self, 1);
}

static PyObject *disclosure_html(PyObject *self, PyObject *unused)
{
    LIVE(self, st, doc);
    (void)doc;
    return br_call_helper(st, "disclosure_html", &self, 1);
}

static PyObject *disclosure_reduce(PyObject *op, PyObject *unused)
{
    DisclosureObject *self = (DisclosureObject *)op;
    LIVE(op, st, doc);
    if (!self->source) {
        PyErr_SetString(st->Error, "a disclosure lent to a check cannot be pickled");
        return NULL;
    }
    PyObject *fn = br_helper(st, "unpickle_disclosure");
    if (!fn)
        return NULL;
    /* a joined disclosure: its sources (a tuple) and the paths of its parts */
    PyObject *path = PyTuple_Check(self->source) ? get_parts(op, NULL)
                                                 : br_str(br_disclosure_path(doc));
    if (path && PyList_Check(path))
        Py_SETREF(path, PyList_AsTuple(path));
    if (!path) {
        Py_DECREF(fn);
        return NULL;
    }
    return Py_BuildValue("(N(ONO))", fn, self->source, path, self->format);
}

static PyObject *disclosure_richcompare(PyObject *a, PyObject *b, int op)
{
    if ((op != Py_EQ && op != Py_NE) || Py_TYPE(a) != Py_TYPE(b))
        Py_RETURN_NOTIMPLEMENTED;
    if (a == b)
        return PyBool_FromLong(op == Py_EQ);
    PyObject *ja = PyObject_CallMethod(a, "to_json", NULL);
    PyObject *jb = ja ? PyObject_CallMethod(b, "to_json", NULL) : NULL;
    PyObject *r = jb ? PyObject_RichCompare(ja, jb, op) : NULL;
    Py_XDECREF(ja);
    Py_XDECREF(jb);
    return r;
}

static PyObject *disclosure_repr(PyObject *op)
{
    DisclosureObject *self = (DisclosureObject *)op;
    if (!self->doc)
        return PyUnicode_FromString("<budgetrec.Disclosure (lent to a check that has returned)>");
    const char *dept = br_disclosure_department(self->doc);
    const char *path = br_disclosure_path(self->doc);
    return PyUnicode_FromFormat("<budgetrec.Disclosure %s %d, %zu tables, %zu claims, %s>",
                                dept ? dept : "(department unknown)",
                                br_disclosure_year(self->doc),
                                br_disclosure_table_count(self->doc),
                                br_narrative_claim_count(br_disclosure_narrative(self->doc)),
                                path ? path : "(no path)");
}

static PyMethodDef disclosure_methods[] = {
    {"check", (PyCFunction)(void (*)(void))disclosure_check, METH_VARARGS | METH_KEYWORDS,
     "check(only=None, skip=None) -> Report: run the registered checks (C plugins and Python "
     "checks) on this disclosure.  only/skip: check ids (a list, or a comma-separated str)."},
    {"to_json", disclosure_to_json, METH_NOARGS, "The model as SPEC §6 JSON (a str)."},
    {"_repr_html_", disclosure_html, METH_NOARGS, NULL},
    {"__reduce__", disclosure_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef disclosure_getset[] = {
    {"path", get_path, NULL, "The path it was read from (or the name given).", NULL},
    {"department", get_department, NULL, "Department name, or None.", NULL},
    {"department_code", get_department_code, NULL, "Department code when printed, or None.",
     NULL},
    {"year", get_year, NULL, "Budget year (int), or None.", NULL},
    {"unit", get_unit, NULL, "Money unit as printed ('万元'), or None.", NULL},
    {"reader", get_reader, NULL, "Name of the reader that read it.", NULL},
    {"phase", get_phase, NULL,
     "'budget' (预算) or 'final' (决算 final accounts), from the table titles as read; None "
     "when they do not say.", NULL},
    {"parts", get_parts, NULL,
     "The files it was read from: one, or the narrative and its tables of a joined "
     "disclosure (br.load(narrative, tables)).", NULL},
    {"part_readers", get_parts, NULL, "The reader of each part.", "readers"},
    {"encoding", get_encoding, NULL,
     "The input's encoding: 'UTF-8', or 'GB18030' when it was converted from that.", NULL},
    {"format", get_format, NULL, "The reader forced at load (format=), or None.", NULL},
    {"source", get_source, NULL,
     "The bytes it was read from (a tuple of them, one per part, when joined).", NULL},
    {"tables", get_tables, NULL,
     "dict kind -> Table; performance_project (and any kind printed twice) -> list of Table.",
     NULL},
    {"all_tables", get_all_tables, NULL, "Every Table, in document order.", NULL},
    {"narrative", get_narrative, NULL, "The Narrative (text and claims).", NULL},
    {"claims", get_claims, NULL, "The narrative's claims (list of Claim).", NULL},
    {"notes", get_notes, NULL, "What the reader noted about the input (list of dict).", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot disclosure_slots[] = {
    {Py_tp_doc, "A budget disclosure read into the exact model (budgetrec.load)."},
    {Py_tp_dealloc, disclosure_dealloc},
    {Py_tp_traverse, disclosure_traverse},
    {Py_tp_clear, disclosure_clear},
    {Py_tp_richcompare, disclosure_richcompare},
    {Py_tp_hash, PyObject_HashNotImplemented},
    {Py_tp_repr, disclosure_repr},
    {Py_tp_methods, disclosure_methods},
    {Py_tp_getset, disclosure_getset},
    {0, NULL},
};

PyType_Spec br_disclosure_spec = {
    .name = "budgetrec.Disclosure",
    .basicsize = sizeof(DisclosureObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE |
             Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = disclosure_slots,
};
