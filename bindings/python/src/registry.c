/*
 * registry.c — budgetrec._core.Registry: the loaded plugins and Python checks.
 *
 * The package makes one (budgetrec._registry) at import: the bundled plugins
 * in budgetrec/plugins/ plus BUDGETREC_PLUGIN_PATH.  libcore's registry is
 * read-only while checks run, so every change (load, add_check,
 * remove_check) is refused while `busy` counts runs that released the GIL
 * (Disclosure.check, check_many, reading).  Changes happen with the GIL held,
 * runs start with it held: the counter needs no other lock.
 */
#include <string.h>

#include "core.h"

br_registry *br_registry_get(core_state *st, RegistryObject *r)
{
    if (!r || !r->reg) {
        PyErr_SetString(st->Error, "the plugin registry is closed (interpreter shutdown)");
        return NULL;
    }
    return r->reg;
}

int br_registry_check_idle(core_state *st, RegistryObject *r, const char *what)
{
    if (!br_registry_get(st, r))
        return -1;
    if (r->busy) {
        PyErr_Format(st->Error,
                     "cannot %s while checks are running (%zd run%s in progress); "
                     "do it between runs",
                     what, r->busy, r->busy == 1 ? "" : "s");
        return -1;
    }
    return 0;
}

static PyObject *registry_new(PyTypeObject *tp, PyObject *args, PyObject *kwargs)
{
    if (PyTuple_GET_SIZE(args) || (kwargs && PyDict_GET_SIZE(kwargs))) {
        PyErr_SetString(PyExc_TypeError, "Registry() takes no arguments");
        return NULL;
    }
    RegistryObject *self = (RegistryObject *)tp->tp_alloc(tp, 0);
    if (!self)
        return NULL;
    self->pychecks = PyDict_New();
    self->reg = br_registry_new();
    if (!self->pychecks || !self->reg) {
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    return (PyObject *)self;
}

static int registry_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(((RegistryObject *)self)->pychecks);
    return 0;
}

static int registry_clear(PyObject *op)
{
    RegistryObject *self = (RegistryObject *)op;
    if (self->busy)
        return 0; /* a C run may still call the closures: keep everything */
    br_registry_free(self->reg); /* first: it points at the PyChecks' descriptors */
    self->reg = NULL;
    if (self->pychecks) {
        PyObject *key, *value;
        Py_ssize_t pos = 0;
        while (PyDict_Next(self->pychecks, &pos, &key, &value))
            ((PyCheckObject *)value)->registered = 0;
    }
    Py_CLEAR(self->pychecks);
    return 0;
}

static void registry_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    registry_clear(self);
    tp->tp_free(self);
    Py_DECREF(tp);
}

/* load(path) → the plugin's name.  PluginError when refused. */
static PyObject *registry_load(PyObject *op, PyObject *arg)
{
    RegistryObject *self = (RegistryObject *)op;
    core_state *st = STATE(op);
    PyObject *path = NULL;
    if (br_registry_check_idle(st, self, "load a plugin") < 0 ||
        !PyUnicode_FSConverter(arg, &path))
        return NULL;
    br_error err = {0};
    size_t before = br_registry_plugin_count(self->reg);
    int rc = br_registry_load(self->reg, PyBytes_AS_STRING(path), &err);
    Py_DECREF(path);
    if (rc != BR_OK) {
        br_raise_plugin_error(st, &err);
        return NULL;
    }
    const br_plugin_desc *d = br_registry_plugin_at(self->reg, before, NULL);
    return br_str(d ? d->name : NULL);
}

/* load_dir(dir) → the number of plugins loaded (refusals: .messages). */
static PyObject *registry_load_dir(PyObject *op, PyObject *arg)
{
    RegistryObject *self = (RegistryObject *)op;
    core_state *st = STATE(op);
    PyObject *path = NULL;
    if (br_registry_check_idle(st, self, "load plugins") < 0 || !PyUnicode_FSConverter(arg, &path))
        return NULL;
    br_error err = {0};
    int n = br_registry_load_dir(self->reg, PyBytes_AS_STRING(path), &err);
    Py_DECREF(path);
    if (n < 0) {
        PyErr_Format(st->Error, "%s: %s", err.file, err.message);
        return NULL;
    }
    return PyLong_FromLong(n);
}

static PyObject *registry_messages(PyObject *op, void *closure)
{
    RegistryObject *self = (RegistryObject *)op;
    if (!br_registry_get(STATE(op), self))
        return NULL;
    size_t n = br_registry_message_count(self->reg);
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; list && i < n; i++) {
        PyObject *s = br_str(br_registry_message_at(self->reg, i));
        if (!s) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, s);
    }
    return list;
}

static PyObject *registry_busy(PyObject *op, void *closure)
{
    return PyLong_FromSsize_t(((RegistryObject *)op)->busy);
}

static const br_reader_desc *find_reader(const br_registry *reg, const char *name)
{
    for (size_t i = 0; i < br_registry_plugin_count(reg); i++) {
        const br_plugin_desc *d = br_registry_plugin_at(reg, i, NULL);
        for (size_t k = 0; k < d->n_readers; k++)
            if (strcmp(d->readers[k].name, name) == 0)
                return &d->readers[k];
    }
    return NULL;
}

/* read(data, path=None, format=None) → Disclosure.  `data` is the bytes of
 * the input; `path` names it (SPEC §5 "document"); `format` forces a reader. */
static PyObject *registry_read(PyObject *op, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"data", "path", "format", NULL};
    RegistryObject *self = (RegistryObject *)op;
    core_state *st = STATE(op);
    PyObject *data, *pathobj = Py_None, *format = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "S|OO:read", kwlist, &data, &pathobj, &format))
        return NULL;
    const char *path = NULL, *fmt = NULL;
    if (br_utf8_or_null(pathobj, &path, "path") < 0 || br_utf8_or_null(format, &fmt, "format") < 0 ||
        !br_registry_get(st, self))
        return NULL;
    const br_reader_desc *reader = NULL;
    if (fmt && !(reader = find_reader(self->reg, fmt))) {
        PyErr_Format(PyExc_ValueError, "no reader named %R (see budgetrec.plugins())", format);
        return NULL;
    }
    br_disclosure *doc = NULL;
    br_error err = {0};
    int rc;
    self->busy++;
    Py_BEGIN_ALLOW_THREADS
    rc = br_registry_read_buffer_with(self->reg, reader ? reader->name : NULL, path,
                                      PyBytes_AS_STRING(data), (size_t)PyBytes_GET_SIZE(data),
                                      &doc, &err);
    Py_END_ALLOW_THREADS
    self->busy--;
    if (rc != BR_OK) {
        br_raise_read_error(st, &err);
        return NULL;
    }
    return br_disclosure_wrap(st, doc, op, data, format);
}

/* read_parts(sources, format=None) → Disclosure: ONE disclosure from several
 * inputs (a narrative and its tables published apart).  `sources` is a
 * sequence of (bytes, path); each is read as read() does, then they are
 * joined in order (br_disclosure_join).  The Disclosure's source is the
 * tuple of the bytes. */
static PyObject *registry_read_parts(PyObject *op, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"sources", "format", NULL};
    RegistryObject *self = (RegistryObject *)op;
    core_state *st = STATE(op);
    PyObject *sources, *format = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|O:read_parts", kwlist, &sources, &format))
        return NULL;
    const char *fmt = NULL;
    if (br_utf8_or_null(format, &fmt, "format") < 0 || !br_registry_get(st, self))
        return NULL;
    if (fmt && !find_reader(self->reg, fmt)) {
        PyErr_Format(PyExc_ValueError, "no reader named %R (see budgetrec.plugins())", format);
        return NULL;
    }
    PyObject *items = PySequence_Tuple(sources);
    if (!items)
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(items);
    PyObject *datas = PyTuple_New(n), *result = NULL;
    const char **paths = PyMem_Calloc((size_t)n + 1, sizeof *paths);
    if (!datas || !paths) {
        PyErr_NoMemory();
        goto done;
    }
    if (n == 0) {
        PyErr_SetString(PyExc_ValueError, "read_parts() needs at least one source");
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *data, *path;
        if (!PyArg_ParseTuple(PyTuple_GET_ITEM(items, i), "SO:read_parts", &data, &path) ||
            br_utf8_or_null(path, &paths[i], "path") < 0)
            goto done;
        PyTuple_SET_ITEM(datas, i, Py_NewRef(data));
    }
    br_disclosure *doc = NULL;
    br_error err = {0};
    int rc = BR_OK;
    self->busy++;
    Py_BEGIN_ALLOW_THREADS
    for (Py_ssize_t i = 0; i < n && rc == BR_OK; i++) {
        PyObject *data = PyTuple_GET_ITEM(datas, i);
        br_disclosure *part = NULL;
        rc = br_registry_read_buffer_with(self->reg, fmt, paths[i], PyBytes_AS_STRING(data),
                                          (size_t)PyBytes_GET_SIZE(data), &part, &err);
        char why[640];
        if (rc == BR_OK && doc && !br_disclosure_parts_agree(doc, part, why, sizeof why)) {
            rc = BR_ERR_INPUT;
            br_error_set(&err, rc, paths[i], 0, "%s", why);
            br_disclosure_free(part);
        } else if (rc == BR_OK && doc && (rc = br_disclosure_join(doc, part)) != BR_OK) {
            br_error_set(&err, rc, paths[i], 0, "out of memory");
            br_disclosure_free(part);
        } else if (rc == BR_OK && !doc) {
            doc = part;
        }
    }
    if (rc != BR_OK) {
        br_disclosure_free(doc);
        doc = NULL;
    }
    Py_END_ALLOW_THREADS
    self->busy--;
    if (rc != BR_OK)
        br_raise_read_error(st, &err);
    else
        result = br_disclosure_wrap(st, doc, op, datas, format);
done:
    PyMem_Free(paths);
    Py_XDECREF(datas);
    Py_DECREF(items);
    return result;
}

/* add_check(func, id, inputs, severity, title, description, origin) → PyCheck.
 * A Python check already registered under `id` is replaced (re-running a
 * notebook cell re-registers); a plugin's check id is refused. */
static PyObject *registry_add_check(PyObject *op, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"func", "id", "inputs", "severity", "title", "description",
                             "origin", NULL};
    RegistryObject *self = (RegistryObject *)op;
    core_state *st = STATE(op);
    PyObject *func, *id, *inputs, *title = Py_None, *description = Py_None, *origin = Py_None;
    const char *severity = "error";
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "OUO|sOOO:add_check", kwlist, &func, &id,
                                     &inputs, &severity, &title, &description, &origin))
        return NULL;
    if (br_registry_check_idle(st, self, "register a check") < 0)
        return NULL;
    PyObject *check = br_pycheck_new(st, func, id, inputs, severity, title, description, origin);
    if (!check)
        return NULL;
    PyCheckObject *pc = (PyCheckObject *)check;
    PyObject *old = PyDict_GetItemWithError(self->pychecks, id); /* borrowed */
    if (!old && PyErr_Occurred())
        goto fail;
    if (old) {
        if (br_registry_remove_check(self->reg, pc->c_id) != BR_OK) {
            PyErr_SetString(st->Error, "registry out of step with its Python checks");
            goto fail;
        }
        ((PyCheckObject *)old)->registered = 0;
        if (PyDict_DelItem(self->pychecks, id) < 0)
            goto fail;
    }
    br_error err = {0};
    int rc = br_registry_add_check(self->reg, &pc->desc, "python", &err);
    if (rc != BR_OK) {
        if (rc == BR_ERR_NOMEM)
            PyErr_NoMemory();
        else
            PyErr_Format(PyExc_ValueError, "%s", err.message);
        goto fail;
    }
    pc->registered = 1;
    if (PyDict_SetItem(self->pychecks, id, check) < 0) {
        br_registry_remove_check(self->reg, pc->c_id);
        pc->registered = 0;
        goto fail;
    }
    return check;
fail:
    Py_DECREF(check);
    return NULL;
}

/* remove_check(id): unregister a Python check.  Its closure is freed when
 * the last reference goes — never while a run may call it (busy). */
static PyObject *registry_remove_check(PyObject *op, PyObject *id)
{
    RegistryObject *self = (RegistryObject *)op;
    core_state *st = STATE(op);
    if (!PyUnicode_Check(id)) {
        PyErr_SetString(PyExc_TypeError, "a check id is a str");
        return NULL;
    }
    if (br_registry_check_idle(st, self, "unregister a check") < 0)
        return NULL;
    PyObject *check = PyDict_GetItemWithError(self->pychecks, id);
    if (!check) {
        if (PyErr_Occurred())
            return NULL;
        const char *cid = PyUnicode_AsUTF8(id);
        if (cid && br_registry_find_check(self->reg, cid))
            PyErr_Format(st->Error,
                         "check %R comes from a plugin and cannot be unregistered; "
                         "leave it out of a run with skip=[%R]",
                         id, id);
        else if (cid)
            PyErr_Format(PyExc_KeyError, "no Python check %R is registered", id);
        return NULL;
    }
    if (br_registry_remove_check(self->reg, ((PyCheckObject *)check)->c_id) != BR_OK) {
        PyErr_SetString(st->Error, "registry out of step with its Python checks");
        return NULL;
    }
    ((PyCheckObject *)check)->registered = 0;
    if (PyDict_DelItem(self->pychecks, id) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *registry_python_checks(PyObject *op, void *closure)
{
    return PyDict_Copy(((RegistryObject *)op)->pychecks);
}

static const br_plugin_desc *plugin_named(const br_registry *reg, const char *name,
                                          const char **path)
{
    for (size_t i = 0; name && i < br_registry_plugin_count(reg); i++) {
        const br_plugin_desc *d = br_registry_plugin_at(reg, i, path);
        if (strcmp(d->name, name) == 0)
            return d;
    }
    return NULL;
}

/* listing() → [(kind, id, title, description, plugin, version, origin)],
 * readers then checks, in registry order. */
static PyObject *registry_listing(PyObject *op, PyObject *unused)
{
    RegistryObject *self = (RegistryObject *)op;
    if (!br_registry_get(STATE(op), self))
        return NULL;
    PyObject *list = PyList_New(0);
    if (!list)
        return NULL;
    for (size_t i = 0; i < br_registry_plugin_count(self->reg); i++) {
        const char *path;
        const br_plugin_desc *d = br_registry_plugin_at(self->reg, i, &path);
        for (size_t k = 0; k < d->n_readers; k++) {
            const br_reader_desc *r = &d->readers[k];
            PyObject *t = Py_BuildValue("(szzzzzs)", "reader", r->name, r->name, r->description,
                                        d->name, d->version, path);
            if (!t || PyList_Append(list, t) < 0) {
                Py_XDECREF(t);
                goto fail;
            }
            Py_DECREF(t);
        }
    }
    for (size_t i = 0; i < br_registry_check_count(self->reg); i++) {
        const char *owner = NULL, *path = NULL;
        const br_check_desc *c = br_registry_check_at(self->reg, i, &owner);
        const br_plugin_desc *d = plugin_named(self->reg, owner, &path);
        PyObject *t;
        PyObject *pycheck = PyDict_GetItemString(self->pychecks, c->id); /* borrowed */
        if (pycheck)
            t = Py_BuildValue("(ssszsOO)", "check", c->id, c->title, c->description, "python",
                              Py_None, ((PyCheckObject *)pycheck)->origin);
        else
            t = Py_BuildValue("(ssszzzz)", "check", c->id, c->title, c->description, owner,
                              d ? d->version : NULL, path);
        if (!t || PyList_Append(list, t) < 0) {
            Py_XDECREF(t);
            goto fail;
        }
        Py_DECREF(t);
    }
    return list;
fail:
    Py_DECREF(list);
    return NULL;
}

static PyObject *registry_check_ids(PyObject *op, PyObject *unused)
{
    RegistryObject *self = (RegistryObject *)op;
    if (!br_registry_get(STATE(op), self))
        return NULL;
    size_t n = br_registry_check_count(self->reg);
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; list && i < n; i++) {
        PyObject *s = br_str(br_registry_check_at(self->reg, i, NULL)->id);
        if (!s) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, s);
    }
    return list;
}

static PyMethodDef registry_methods[] = {
    {"load", registry_load, METH_O, "load(path) -> name: load one plugin shared object."},
    {"load_dir", registry_load_dir, METH_O,
     "load_dir(dir) -> int: load every *.so in dir (sorted); refusals go to .messages."},
    {"read_parts", (PyCFunction)(void (*)(void))registry_read_parts,
     METH_VARARGS | METH_KEYWORDS,
     "read_parts(sources, format=None) -> Disclosure: ONE disclosure from a sequence of "
     "(bytes, path), read one by one and joined in order."},
    {"read", (PyCFunction)(void (*)(void))registry_read, METH_VARARGS | METH_KEYWORDS,
     "read(data, path=None, format=None) -> Disclosure: read bytes with the most confident "
     "reader, or the reader named by format."},
    {"add_check", (PyCFunction)(void (*)(void))registry_add_check, METH_VARARGS | METH_KEYWORDS,
     "add_check(func, id, inputs, severity='error', title=None, description=None, origin=None)"
     " -> PyCheck: register a Python callable as a native check (a libffi closure)."},
    {"remove_check", registry_remove_check, METH_O, "remove_check(id): unregister a Python check."},
    {"listing", registry_listing, METH_NOARGS,
     "listing() -> [(kind, id, title, description, plugin, version, origin)]."},
    {"check_ids", registry_check_ids, METH_NOARGS, "check_ids() -> ids of every check, in order."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef registry_getset[] = {
    {"messages", registry_messages, NULL, "Why plugins were refused, in load order.", NULL},
    {"busy", registry_busy, NULL, "Runs in progress that read this registry.", NULL},
    {"python_checks", registry_python_checks, NULL, "dict id -> PyCheck of Python checks.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot registry_slots[] = {
    {Py_tp_doc, "Registry(): loaded reader and check plugins, and registered Python checks."},
    {Py_tp_new, registry_new},
    {Py_tp_dealloc, registry_dealloc},
    {Py_tp_traverse, registry_traverse},
    {Py_tp_clear, registry_clear},
    {Py_tp_methods, registry_methods},
    {Py_tp_getset, registry_getset},
    {0, NULL},
};

PyType_Spec br_registry_spec = {
    .name = "budgetrec._core.Registry",
    .basicsize = sizeof(RegistryObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE,
    .slots = registry_slots,
};
