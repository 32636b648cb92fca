/*
 * pycheck.c — a Python callable as a native check: one libffi closure each.
 *
 * As CPython's Modules/_ctypes/callbacks.c does for ctypes callbacks:
 * ffi_closure_alloc → ffi_prep_cif (arity = inputs + 1, every argument a
 * pointer, returning int) → ffi_prep_closure_loc with this object as user
 * data.  The engine calls the closure like any plugin's check function — from
 * Disclosure.check() (GIL released) or from check_many's worker threads.
 *
 * The handler takes the GIL (PyGILState_Ensure), wraps the C pointers in
 * *lent* objects (a Disclosure, its Tables / Narrative, the Report), calls
 * the function, and revokes the lent objects when it returns, so a reference
 * kept by the check raises budgetrec.Error instead of reading freed memory.
 * No exception ever crosses the C frames: one raised by the check becomes an
 * error finding of the check, naming the exception's type and message.
 *
 * The closure is freed with the object, which cannot happen while it is
 * registered (the Registry holds it) — and unregistering is refused while a
 * run may still call it (Registry.busy).
 */
#include <stdlib.h>
#include <string.h>

#include "core.h"

int br_severity_from_py(PyObject *name)
{
    static const char *const names[] = {"info", "warning", "error"};
    if (PyUnicode_Check(name))
        for (int i = 0; i < 3; i++)
            if (PyUnicode_CompareWithASCIIString(name, names[i]) == 0)
                return i;
    PyErr_Format(PyExc_ValueError, "severity must be 'error', 'warning' or 'info', not %R", name);
    return -1;
}

static int input_code(PyObject *name)
{
    const char *s = PyUnicode_Check(name) ? PyUnicode_AsUTF8(name) : NULL;
    if (!s) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "inputs are names (str), not %.100s",
                         Py_TYPE(name)->tp_name);
        return -1;
    }
    if (strcmp(s, "narrative") == 0)
        return BR_INPUT_NARRATIVE;
    if (strcmp(s, "disclosure") == 0)
        return BR_INPUT_DISCLOSURE;
    br_kind k = br_kind_from_name(s);
    if (k == BR_KIND_UNKNOWN) {
        PyErr_Format(PyExc_ValueError,
                     "unknown input %R: a table kind (gpb_basic, three_public, ...), "
                     "'narrative' or 'disclosure'",
                     name);
        return -1;
    }
    return (int)k;
}

static const char *input_name(int in)
{
    if (in == BR_INPUT_NARRATIVE)
        return "narrative";
    if (in == BR_INPUT_DISCLOSURE)
        return "disclosure";
    return br_kind_name((br_kind)in);
}

/* ---- the exception of a check, as a finding ---- */

/* "(at file.py:12 in rule)" from the innermost traceback entry, or NULL. */
static PyObject *where_raised(PyObject *tb)
{
    if (!tb || tb == Py_None)
        return NULL;
    Py_INCREF(tb);
    for (;;) {
        PyObject *next = PyObject_GetAttrString(tb, "tb_next");
        if (!next || next == Py_None) {
            Py_XDECREF(next);
            break;
        }
        Py_SETREF(tb, next);
    }
    PyObject *frame = PyObject_GetAttrString(tb, "tb_frame");
    PyObject *lineno = PyObject_GetAttrString(tb, "tb_lineno");
    PyObject *code = frame ? PyObject_GetAttrString(frame, "f_code") : NULL;
    PyObject *file = code ? PyObject_GetAttrString(code, "co_filename") : NULL;
    PyObject *func = code ? PyObject_GetAttrString(code, "co_name") : NULL;
    PyObject *s = NULL;
    if (lineno && file && func)
        s = PyUnicode_FromFormat(" (at %S:%S in %S)", file, lineno, func);
    Py_XDECREF(func);
    Py_XDECREF(file);
    Py_XDECREF(code);
    Py_XDECREF(lineno);
    Py_XDECREF(frame);
    Py_DECREF(tb);
    PyErr_Clear();
    return s;
}

/* "ValueError" for builtins, "module.Qualname" otherwise. */
static PyObject *type_name(PyObject *type)
{
    PyObject *qual = PyObject_GetAttrString(type, "__qualname__");
    PyObject *mod = qual ? PyObject_GetAttrString(type, "__module__") : NULL;
    PyObject *s = NULL;
    if (mod && PyUnicode_Check(mod) && PyUnicode_CompareWithASCIIString(mod, "builtins") != 0)
        s = PyUnicode_FromFormat("%S.%S", mod, qual);
    else if (qual)
        s = Py_NewRef(qual);
    Py_XDECREF(mod);
    Py_XDECREF(qual);
    PyErr_Clear();
    return s;
}

/* Turn the pending exception into an error finding of the check.  Leaves no
 * exception set.  A KeyboardInterrupt is re-raised in the main thread (as a
 * pending signal) once the run returns to Python. */
static void report_exception(PyCheckObject *self, br_report *rep)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    int interrupt = type && PyErr_GivenExceptionMatches(type, PyExc_KeyboardInterrupt);
    PyObject *name = type ? type_name(type) : NULL;
    PyObject *text = value ? PyObject_Str(value) : NULL;
    if (!text)
        PyErr_Clear();
    PyObject *where = where_raised(tb);
    PyObject *empty = PyUnicode_New(0, 0);
    PyObject *msg = NULL;
    if (empty)
        msg = PyUnicode_FromFormat("the check raised %S%s%S%S", name ? name : Py_None,
                                   text && PyUnicode_GET_LENGTH(text) ? ": " : "",
                                   text ? text : empty, where ? where : empty);
    Py_XDECREF(empty);
    const char *m = msg ? PyUnicode_AsUTF8(msg) : NULL;
    if (!m)
        PyErr_Clear();
    br_finding f = {.check = self->c_id, .severity = BR_SEV_ERROR,
                    .message = m ? m : "the check raised an exception that cannot be printed"};
    br_report_add(rep, &f);
    Py_XDECREF(msg);
    Py_XDECREF(where);
    Py_XDECREF(text);
    Py_XDECREF(name);
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
    PyErr_Clear();
    if (interrupt)
        PyErr_SetInterrupt();
}

/* ---- the call ---- */

/* Python checks running on this thread (a check that ran checks again would
 * recurse through the engine's C frames until the C stack overflows). */
static _Thread_local int in_check;

int br_running_python_check(void) { return in_check > 0; }

static void call_check(PyCheckObject *self, void **args, br_report *rep)
{
    core_state *st = STATE(self);
    size_t n = self->desc.n_inputs;
    PyObject *argv[BR_CHECK_MAX_INPUTS + 1] = {0};
    DisclosureObject *lent_doc = NULL;
    ReportObject *lent_report = NULL;
    int ok = 0;
    if (!self->func) {
        PyErr_SetString(st->Error, "the check's function was cleared (interpreter shutdown)");
        goto done;
    }
    lent_doc = br_disclosure_lend(st, (br_disclosure *)br_report_disclosure(rep));
    lent_report = lent_doc ? br_report_lend(st, rep, lent_doc, self) : NULL;
    if (!lent_report)
        goto done;
    for (size_t i = 0; i < n; i++) {
        void *p = *(void **)args[i];
        int in = self->inputs[i];
        if (in == BR_INPUT_DISCLOSURE)
            argv[i] = Py_NewRef((PyObject *)lent_doc);
        else if (in == BR_INPUT_NARRATIVE)
            argv[i] = br_narrative_wrap(st, lent_doc);
        else
            argv[i] = br_table_wrap(st, lent_doc, (const br_table *)p, NULL);
        if (!argv[i])
            goto done;
    }
    argv[n] = Py_NewRef((PyObject *)lent_report);
    self->calls++;
    PyObject *res = PyObject_Vectorcall(self->func, argv, n + 1, NULL);
    ok = res != NULL;
    if (res && res != Py_None) {
        /* findings go through report.add: a value returned would be lost
         * silently (a list of findings, a count) — said like an exception */
        PyErr_Format(PyExc_TypeError,
                     "the check returned %s, not None (findings are added with report.add)",
                     Py_TYPE(res)->tp_name);
        ok = 0;
    }
    Py_XDECREF(res);
done:
    if (!ok) {
        self->raised++;
        report_exception(self, rep);
    }
    if (lent_doc)
        br_disclosure_revoke(lent_doc);
    if (lent_report)
        br_report_revoke(lent_report);
    for (size_t i = 0; i <= n; i++)
        Py_XDECREF(argv[i]);
    Py_XDECREF(lent_report);
    Py_XDECREF(lent_doc);
}

static int finalizing(void)
{
#if PY_VERSION_HEX >= 0x030D0000
    return Py_IsFinalizing();
#else
    return _Py_IsFinalizing();
#endif
}

/* The closure's handler: int fn(input..., br_report *). */
static void handler(ffi_cif *cif, void *ret, void **args, void *userdata)
{
    PyCheckObject *self = userdata;
    br_report *rep = *(br_report **)args[self->desc.n_inputs];
    *(ffi_sarg *)ret = BR_OK;
    if (finalizing()) {
        br_finding f = {.check = self->c_id, .severity = BR_SEV_WARNING,
                        .message = "not run: the Python interpreter is shutting down"};
        br_report_add(rep, &f);
        return;
    }
    PyGILState_STATE g = PyGILState_Ensure();
    Py_INCREF(self);
    in_check++;
    call_check(self, args, rep);
    in_check--;
    Py_DECREF(self);
    PyGILState_Release(g);
}

/* ---- the object ---- */

static char *dup_utf8(PyObject *o, const char *fallback)
{
    const char *s = o && o != Py_None ? PyUnicode_AsUTF8(o) : fallback;
    if (!s)
        return NULL;
    char *copy = strdup(s);
    if (!copy)
        PyErr_NoMemory();
    return copy;
}

PyObject *br_pycheck_new(core_state *st, PyObject *func, PyObject *id, PyObject *inputs,
                         const char *severity, PyObject *title, PyObject *description,
                         PyObject *origin)
{
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "a check must be callable");
        return NULL;
    }
    const char *cid = PyUnicode_AsUTF8(id);
    if (!cid)
        return NULL;
    const char *dot = strchr(cid, '.');
    if (!dot || dot == cid || !dot[1]) {
        PyErr_Format(PyExc_ValueError, "a check id has the form 'plugin.check' (got %R)", id);
        return NULL;
    }
    PyObject *sevname = PyUnicode_FromString(severity);
    int sev = sevname ? br_severity_from_py(sevname) : -1;
    Py_XDECREF(sevname);
    if (sev < 0)
        return NULL;
    if ((title != Py_None && !PyUnicode_Check(title)) ||
        (description != Py_None && !PyUnicode_Check(description)) ||
        (origin != Py_None && !PyUnicode_Check(origin))) {
        PyErr_SetString(PyExc_TypeError, "title, description and origin are str or None");
        return NULL;
    }
    PyObject *seq = PySequence_Tuple(inputs);
    if (!seq)
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(seq);
    if (n > BR_CHECK_MAX_INPUTS) {
        PyErr_Format(PyExc_ValueError, "a check takes at most %d inputs", BR_CHECK_MAX_INPUTS);
        Py_DECREF(seq);
        return NULL;
    }
    PyCheckObject *self = PyObject_GC_New(PyCheckObject, st->PyCheck_Type);
    if (!self) {
        Py_DECREF(seq);
        return NULL;
    }
    self->func = Py_NewRef(func);
    self->id = Py_NewRef(id);
    self->origin = Py_NewRef(origin);
    self->c_id = self->c_title = self->c_description = NULL;
    self->closure = NULL;
    self->code = NULL;
    self->registered = 0;
    self->calls = self->raised = 0;
    memset(&self->desc, 0, sizeof self->desc);
    PyObject_GC_Track(self);
    for (Py_ssize_t i = 0; i < n; i++)
        if ((self->inputs[i] = input_code(PyTuple_GET_ITEM(seq, i))) < 0)
            goto fail;
    if (!(self->c_id = dup_utf8(id, NULL)) || !(self->c_title = dup_utf8(title, cid)) ||
        !(self->c_description = dup_utf8(description, "A check written in Python.")))
        goto fail;
    for (Py_ssize_t i = 0; i <= n; i++)
        self->argtypes[i] = &ffi_type_pointer;
    self->closure = ffi_closure_alloc(sizeof(ffi_closure), &self->code);
    if (!self->closure) {
        PyErr_NoMemory();
        goto fail;
    }
    if (ffi_prep_cif(&self->cif, FFI_DEFAULT_ABI, (unsigned)n + 1, &ffi_type_sint,
                     self->argtypes) != FFI_OK ||
        ffi_prep_closure_loc(self->closure, &self->cif, handler, self, self->code) != FFI_OK) {
        PyErr_SetString(st->Error, "libffi could not prepare the check's closure");
        goto fail;
    }
    self->desc = (br_check_desc){
        .size = sizeof(br_check_desc), .id = self->c_id, .title = self->c_title,
        .description = self->c_description, .severity = (br_severity)sev,
        .inputs = self->inputs, .n_inputs = (size_t)n, .fn = (br_check_fn)self->code,
    };
    Py_DECREF(seq);
    return (PyObject *)self;
fail:
    Py_DECREF(seq);
    Py_DECREF(self);
    return NULL;
}

static int pycheck_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyCheckObject *self = (PyCheckObject *)op;
    Py_VISIT(Py_TYPE(op));
    Py_VISIT(self->func);
    Py_VISIT(self->origin);
    return 0;
}

static int pycheck_clear(PyObject *op)
{
    /* the closure stays: the engine may still hold its address */
    Py_CLEAR(((PyCheckObject *)op)->func);
    return 0;
}

static void pycheck_dealloc(PyObject *op)
{
    PyCheckObject *self = (PyCheckObject *)op;
    PyTypeObject *tp = Py_TYPE(op);
    PyObject_GC_UnTrack(op);
    if (self->closure && !self->registered) /* never free what a registry may call */
        ffi_closure_free(self->closure);
    if (!self->registered) {
        free(self->c_id);
        free(self->c_title);
        free(self->c_description);
    }
    Py_CLEAR(self->func);
    Py_CLEAR(self->id);
    Py_CLEAR(self->origin);
    tp->tp_free(op);
    Py_DECREF(tp);
}

static PyObject *get_inputs(PyObject *op, void *c)
{
    PyCheckObject *self = (PyCheckObject *)op;
    PyObject *list = PyList_New((Py_ssize_t)self->desc.n_inputs);
    for (size_t i = 0; list && i < self->desc.n_inputs; i++) {
        PyObject *s = PyUnicode_FromString(input_name(self->inputs[i]));
        if (!s) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, s);
    }
    return list;
}

static PyObject *get_func(PyObject *op, void *c)
{
    PyObject *f = ((PyCheckObject *)op)->func;
    return Py_NewRef(f ? f : Py_None);
}

static PyObject *get_id(PyObject *op, void *c) { return Py_NewRef(((PyCheckObject *)op)->id); }
static PyObject *get_origin(PyObject *op, void *c)
{
    return Py_NewRef(((PyCheckObject *)op)->origin);
}
static PyObject *get_title(PyObject *op, void *c) { return br_str(((PyCheckObject *)op)->c_title); }
static PyObject *get_severity(PyObject *op, void *c)
{
    return br_str(br_severity_name(((PyCheckObject *)op)->desc.severity));
}
static PyObject *get_calls(PyObject *op, void *c)
{
    return PyLong_FromUnsignedLongLong(((PyCheckObject *)op)->calls);
}
static PyObject *get_raised(PyObject *op, void *c)
{
    return PyLong_FromUnsignedLongLong(((PyCheckObject *)op)->raised);
}
static PyObject *get_registered(PyObject *op, void *c)
{
    return PyBool_FromLong(((PyCheckObject *)op)->registered);
}

static PyObject *pycheck_repr(PyObject *op)
{
    PyCheckObject *self = (PyCheckObject *)op;
    return PyUnicode_FromFormat("<budgetrec.PyCheck %U (%s), %llu calls%s>", self->id,
                                self->registered ? "registered" : "unregistered", self->calls,
                                self->raised ? ", some raised" : "");
}

static PyGetSetDef pycheck_getset[] = {
    {"id", get_id, NULL, "The check id.", NULL},
    {"func", get_func, NULL, "The Python callable.", NULL},
    {"inputs", get_inputs, NULL, "Declared inputs, in call order.", NULL},
    {"title", get_title, NULL, "Title shown by budgetrec.plugins().", NULL},
    {"severity", get_severity, NULL, "Default severity of its findings.", NULL},
    {"origin", get_origin, NULL, "Where the function is defined.", NULL},
    {"calls", get_calls, NULL, "How many times the engine called it.", NULL},
    {"raised", get_raised, NULL, "How many of those calls raised.", NULL},
    {"registered", get_registered, NULL, "Whether a registry lists it.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot pycheck_slots[] = {
    {Py_tp_doc, "A Python function registered as a native check (budgetrec.check)."},
    {Py_tp_dealloc, pycheck_dealloc},
    {Py_tp_traverse, pycheck_traverse},
    {Py_tp_clear, pycheck_clear},
    {Py_tp_repr, pycheck_repr},
    {Py_tp_getset, pycheck_getset},
    {0, NULL},
};

PyType_Spec br_pycheck_spec = {
    .name = "budgetrec._core.PyCheck",
    .basicsize = sizeof(PyCheckObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE |
             Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = pycheck_slots,
};
