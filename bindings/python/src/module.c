/*
 * budgetrec._core — the CPython extension around libcore.
 *
 * A skeleton for now (the Python issue builds the API of SPEC §8 on it):
 * multi-phase initialisation (PEP 489) and module state, like CPython's
 * Modules/_csv.c, so that heap types and the exception class can join later.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <budgetrec/budgetrec.h>

typedef struct {
    PyObject *error; /* budgetrec.Error */
} core_state;

static core_state *get_state(PyObject *module) { return PyModule_GetState(module); }

static PyObject *core_abi_version(PyObject *module, PyObject *unused)
{
    return Py_BuildValue("(ii)", BR_PLUGIN_ABI_MAJOR, BR_PLUGIN_ABI_MINOR);
}

static PyMethodDef core_methods[] = {
    {"abi_version", core_abi_version, METH_NOARGS,
     "abi_version() -> (major, minor) of the plugin ABI this build speaks."},
    {NULL, NULL, 0, NULL},
};

static int core_exec(PyObject *module)
{
    core_state *st = get_state(module);
    st->error = PyErr_NewExceptionWithDoc("budgetrec.Error", "A budgetrec library error.",
                                          NULL, NULL);
    if (!st->error || PyModule_AddObjectRef(module, "Error", st->error) < 0)
        return -1;
    return PyModule_AddStringConstant(module, "__version__", BR_VERSION);
}

static int core_traverse(PyObject *module, visitproc visit, void *arg)
{
    Py_VISIT(get_state(module)->error);
    return 0;
}

static int core_clear(PyObject *module)
{
    Py_CLEAR(get_state(module)->error);
    return 0;
}

static void core_free(void *module) { core_clear((PyObject *)module); }

static PyModuleDef_Slot core_slots[] = {
    {Py_mod_exec, core_exec},
    {0, NULL},
};

static struct PyModuleDef core_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "budgetrec._core",
    .m_doc = "The budgetrec core library (libcore).",
    .m_size = sizeof(core_state),
    .m_methods = core_methods,
    .m_slots = core_slots,
    .m_traverse = core_traverse,
    .m_clear = core_clear,
    .m_free = core_free,
};

PyMODINIT_FUNC PyInit__core(void) { return PyModuleDef_Init(&core_module); }
