/*
 * errors.c — budgetrec's exceptions and the mapping of br_status to them.
 *
 *   budgetrec.Error        every library error (a lent object used too late,
 *                          a registry change during a run, …)
 *   budgetrec.ReadError    an input could not be read: .path .line .reason
 *                          .code (the br_status name, "BR_ERR_INPUT")
 *   budgetrec.PluginError  a plugin was refused: .path .reason
 *
 * BR_ERR_NOMEM is MemoryError and BR_ERR_ARG ValueError, as Python code
 * expects; everything else is an Error.
 */
#include "core.h"

static PyObject *exception_with_defaults(const char *name, const char *doc, PyObject *base,
                                         const char *const *attrs)
{
    PyObject *dict = PyDict_New();
    if (!dict)
        return NULL;
    for (; *attrs; attrs++)
        if (PyDict_SetItemString(dict, *attrs, Py_None) < 0) {
            Py_DECREF(dict);
            return NULL;
        }
    PyObject *exc = PyErr_NewExceptionWithDoc(name, doc, base, dict);
    Py_DECREF(dict);
    return exc;
}

int br_errors_init(PyObject *module, core_state *st)
{
    static const char *const none[] = {NULL};
    static const char *const read_attrs[] = {"path", "line", "reason", "code", NULL};
    static const char *const plugin_attrs[] = {"path", "reason", NULL};
    st->Error = exception_with_defaults("budgetrec.Error", "A budgetrec library error.", NULL,
                                        none);
    if (!st->Error || PyModule_AddObjectRef(module, "Error", st->Error) < 0)
        return -1;
    st->ReadError = exception_with_defaults(
        "budgetrec.ReadError",
        "An input could not be read: .path, .line (None when no line is at fault), "
        ".reason, .code (the library status, e.g. 'BR_ERR_INPUT').",
        st->Error, read_attrs);
    if (!st->ReadError || PyModule_AddObjectRef(module, "ReadError", st->ReadError) < 0)
        return -1;
    st->PluginError = exception_with_defaults(
        "budgetrec.PluginError", "A plugin was refused: .path, .reason.", st->Error,
        plugin_attrs);
    if (!st->PluginError || PyModule_AddObjectRef(module, "PluginError", st->PluginError) < 0)
        return -1;
    return 0;
}

static int set_attr_str(PyObject *o, const char *name, const char *value)
{
    PyObject *v = value && *value ? br_str(value) : Py_NewRef(Py_None);
    if (!v)
        return -1;
    int rc = PyObject_SetAttrString(o, name, v);
    Py_DECREF(v);
    return rc;
}

PyObject *br_read_error_new(core_state *st, const char *path, long line, const char *reason,
                            const char *code)
{
    PyObject *msg;
    if (path && *path && line > 0)
        msg = PyUnicode_FromFormat("%s:%ld: %s", path, line, reason);
    else if (path && *path)
        msg = PyUnicode_FromFormat("%s: %s", path, reason);
    else
        msg = PyUnicode_FromString(reason);
    if (!msg)
        return NULL;
    PyObject *exc = PyObject_CallOneArg(st->ReadError, msg);
    Py_DECREF(msg);
    if (!exc)
        return NULL;
    PyObject *lineobj = line > 0 ? PyLong_FromLong(line) : Py_NewRef(Py_None);
    if (!lineobj || set_attr_str(exc, "path", path) < 0 ||
        PyObject_SetAttrString(exc, "line", lineobj) < 0 ||
        set_attr_str(exc, "reason", reason) < 0 || set_attr_str(exc, "code", code) < 0) {
        Py_XDECREF(lineobj);
        Py_DECREF(exc);
        return NULL;
    }
    Py_DECREF(lineobj);
    return exc;
}

void br_raise_read_error(core_state *st, const br_error *err)
{
    if (err->code == BR_ERR_NOMEM) {
        PyErr_NoMemory();
        return;
    }
    PyObject *exc = br_read_error_new(st, err->file, err->line,
                                      err->message[0] ? err->message : "cannot be read",
                                      br_status_name(err->code));
    if (exc) {
        PyErr_SetObject(st->ReadError, exc);
        Py_DECREF(exc);
    }
}

void br_raise_plugin_error(core_state *st, const br_error *err)
{
    if (err->code == BR_ERR_NOMEM) {
        PyErr_NoMemory();
        return;
    }
    PyObject *msg = PyUnicode_FromFormat("%s: %s", err->file, err->message);
    PyObject *exc = msg ? PyObject_CallOneArg(st->PluginError, msg) : NULL;
    Py_XDECREF(msg);
    if (!exc)
        return;
    if (set_attr_str(exc, "path", err->file) == 0 && set_attr_str(exc, "reason", err->message) == 0)
        PyErr_SetObject(st->PluginError, exc);
    Py_DECREF(exc);
}

void br_raise_status(core_state *st, int status, const char *what)
{
    switch (status) {
    case BR_ERR_NOMEM: PyErr_NoMemory(); break;
    case BR_ERR_ARG: PyErr_Format(PyExc_ValueError, "%s: invalid argument", what); break;
    default: PyErr_Format(st->Error, "%s failed (%s)", what, br_status_name(status));
    }
}

/* _core._read_error(path, line, reason, code=None) → a ReadError instance,
 * for the Python side (budgetrec.load's file checks). */
PyObject *br_py_read_error(PyObject *module, PyObject *args)
{
    const char *path, *reason, *code = NULL;
    long line;
    if (!PyArg_ParseTuple(args, "zls|z", &path, &line, &reason, &code))
        return NULL;
    return br_read_error_new(PyModule_GetState(module), path, line, reason, code);
}
