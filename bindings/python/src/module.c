/*
 * budgetrec._core — the CPython extension around libcore.
 *
 * Multi-phase initialisation (PEP 489) with module state, like CPython's
 * Modules/_csv.c: every type is a heap type made by PyType_FromModuleAndSpec
 * and kept in the state, with traverse/clear for the garbage collector; no
 * static PyObject anywhere.  The files of this directory, one concern each:
 *
 *   module.c      this: state, types, module functions
 *   errors.c      Error / ReadError / PluginError, br_status mapping
 *   convert.c     strings and exact decimals (Decimal, never float)
 *   registry.c    Registry: plugins, reading, Python check registration
 *   disclosure.c  Disclosure (owned or lent), Disclosure.check
 *   table.c       Table, Row
 *   narrative.c   Narrative, Claim
 *   report.c      Report (live, lent, detached); report.add
 *   record.c      Finding and Claim records (plain data)
 *   finding.c     a C finding → Finding values (shared with check_many)
 *   pycheck.c     Python checks as libffi closures
 *   checkmany.c   check_many on worker threads, GIL released
 *
 * The pure-Python package (bindings/python/budgetrec/) builds the public API
 * on this, and provides the helpers (to_pandas, HTML, JSON, unpickling) that
 * methods here call through br_call_helper.
 */
#include "core.h"

core_state *br_state_of(PyTypeObject *tp)
{
    PyObject *module = PyType_GetModuleByDef(tp, &br_core_module);
    return module ? PyModule_GetState(module) : NULL;
}

PyObject *br_helper(core_state *st, const char *name)
{
    if (!st->helpers && !(st->helpers = PyImport_ImportModule("budgetrec._helpers")))
        return NULL;
    return PyObject_GetAttrString(st->helpers, name);
}

PyObject *br_call_helper(core_state *st, const char *name, PyObject *const *args, size_t n)
{
    PyObject *fn = br_helper(st, name);
    if (!fn)
        return NULL;
    PyObject *r = PyObject_Vectorcall(fn, args, n, NULL);
    Py_DECREF(fn);
    return r;
}

static PyObject *core_abi_version(PyObject *module, PyObject *unused)
{
    return Py_BuildValue("(ii)", BR_PLUGIN_ABI_MAJOR, BR_PLUGIN_ABI_MINOR);
}

static PyObject *core_set_default_registry(PyObject *module, PyObject *reg)
{
    core_state *st = PyModule_GetState(module);
    if (!PyObject_TypeCheck(reg, st->Registry_Type)) {
        PyErr_SetString(PyExc_TypeError, "a Registry is expected");
        return NULL;
    }
    Py_XSETREF(st->default_registry, Py_NewRef(reg));
    Py_RETURN_NONE;
}

static PyObject *core_default_registry(PyObject *module, PyObject *unused)
{
    core_state *st = PyModule_GetState(module);
    return Py_NewRef(st->default_registry ? st->default_registry : Py_None);
}

/* The kind names of SPEC §3, in br_kind order. */
static PyObject *core_kinds(PyObject *module, PyObject *unused)
{
    PyObject *list = PyList_New(0);
    for (int k = BR_KIND_UNKNOWN + 1; list && k < BR_KIND__COUNT; k++) {
        PyObject *s = br_str(br_kind_name((br_kind)k));
        if (!s || PyList_Append(list, s) < 0)
            Py_CLEAR(list);
        Py_XDECREF(s);
    }
    return list;
}

/* The money roles of SPEC §3 (the text roles of performance tables excluded). */
static PyObject *core_money_roles(PyObject *module, PyObject *unused)
{
    PyObject *list = PyList_New(0);
    for (int r = BR_ROLE_NONE + 1; list && r < BR_ROLE__COUNT; r++) {
        if (!br_role_is_money((br_role)r))
            continue;
        PyObject *s = br_str(br_role_name((br_role)r));
        if (!s || PyList_Append(list, s) < 0)
            Py_CLEAR(list);
        Py_XDECREF(s);
    }
    return list;
}

/* pair_parts(paths) -> list: for each path the index of the file it pairs
 * with (a narrative and its tables, br_pair_parts), or -1. */
static PyObject *core_pair_parts(PyObject *module, PyObject *arg)
{
    PyObject *items = PySequence_Tuple(arg), *result = NULL;
    if (!items)
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(items);
    const char **paths = PyMem_Calloc((size_t)n + 1, sizeof *paths);
    long *partner = PyMem_Calloc((size_t)n + 1, sizeof *partner);
    if (!paths || !partner) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        if (br_utf8_or_null(PyTuple_GET_ITEM(items, i), &paths[i], "path") < 0)
            goto done;
    br_pair_parts(paths, (size_t)n, partner);
    result = PyList_New(n);
    for (Py_ssize_t i = 0; result && i < n; i++) {
        PyObject *v = PyLong_FromLong(partner[i]);
        if (!v) {
            Py_CLEAR(result);
            break;
        }
        PyList_SET_ITEM(result, i, v);
    }
done:
    PyMem_Free(paths);
    PyMem_Free(partner);
    Py_DECREF(items);
    return result;
}

static PyObject *core_is_narrative_part(PyObject *module, PyObject *arg)
{
    const char *path;
    if (br_utf8_or_null(arg, &path, "path") < 0)
        return NULL;
    return PyBool_FromLong(br_part_is_narrative(path));
}

static PyMethodDef core_methods[] = {
    {"pair_parts", core_pair_parts, METH_O,
     "pair_parts(paths) -> list: the index of the file each path pairs with "
     "(NAME-narrative.EXT with NAME-tables.EXT), or -1."},
    {"is_narrative_part", core_is_narrative_part, METH_O,
     "is_narrative_part(path) -> bool: is it the narrative of a pair (NAME-narrative.EXT)?"},
    {"abi_version", core_abi_version, METH_NOARGS,
     "abi_version() -> (major, minor) of the plugin ABI this build speaks."},
    {"_set_default_registry", core_set_default_registry, METH_O,
     "Set the registry unpickling and the package functions use."},
    {"_default_registry", core_default_registry, METH_NOARGS, "The default registry, or None."},
    {"_read_error", br_py_read_error, METH_VARARGS,
     "_read_error(path, line, reason, code=None) -> ReadError instance."},
    {"kinds", core_kinds, METH_NOARGS, "kinds() -> the table kind names of SPEC §3."},
    {"money_roles", core_money_roles, METH_NOARGS, "money_roles() -> the money column roles."},
    {"check_many", (PyCFunction)(void (*)(void))br_check_many, METH_VARARGS | METH_KEYWORDS,
     "check_many(registry, paths, jobs, only=None, skip=None, progress=None) -> "
     "(summary columns, findings columns): read and check on worker threads, GIL released."},
    {NULL, NULL, 0, NULL},
};

static int add_type(PyObject *module, PyType_Spec *spec, PyTypeObject **slot, const char *name)
{
    *slot = (PyTypeObject *)PyType_FromModuleAndSpec(module, spec, NULL);
    if (!*slot)
        return -1;
    return PyModule_AddObjectRef(module, name, (PyObject *)*slot);
}

static int core_exec(PyObject *module)
{
    core_state *st = PyModule_GetState(module);
    if (br_errors_init(module, st) < 0)
        return -1;
    if (add_type(module, &br_registry_spec, &st->Registry_Type, "Registry") < 0 ||
        add_type(module, &br_disclosure_spec, &st->Disclosure_Type, "Disclosure") < 0 ||
        add_type(module, &br_table_spec, &st->Table_Type, "Table") < 0 ||
        add_type(module, &br_row_spec, &st->Row_Type, "Row") < 0 ||
        add_type(module, &br_narrative_spec, &st->Narrative_Type, "Narrative") < 0 ||
        add_type(module, &br_report_spec, &st->Report_Type, "Report") < 0 ||
        add_type(module, &br_finding_spec, &st->Finding_Type, "Finding") < 0 ||
        add_type(module, &br_claim_spec, &st->Claim_Type, "Claim") < 0 ||
        add_type(module, &br_pycheck_spec, &st->PyCheck_Type, "PyCheck") < 0)
        return -1;
    PyObject *decimal = PyImport_ImportModule("decimal");
    if (!decimal)
        return -1;
    st->Decimal = PyObject_GetAttrString(decimal, "Decimal");
    Py_DECREF(decimal);
    if (!st->Decimal)
        return -1;
    if (PyModule_AddIntConstant(module, "CHECK_MAX_INPUTS", BR_CHECK_MAX_INPUTS) < 0)
        return -1;
    return PyModule_AddStringConstant(module, "__version__", BR_VERSION);
}

static int core_traverse(PyObject *module, visitproc visit, void *arg)
{
    core_state *st = PyModule_GetState(module);
    Py_VISIT(st->Error);
    Py_VISIT(st->ReadError);
    Py_VISIT(st->PluginError);
    Py_VISIT(st->Registry_Type);
    Py_VISIT(st->Disclosure_Type);
    Py_VISIT(st->Table_Type);
    Py_VISIT(st->Row_Type);
    Py_VISIT(st->Narrative_Type);
    Py_VISIT(st->Report_Type);
    Py_VISIT(st->Finding_Type);
    Py_VISIT(st->Claim_Type);
    Py_VISIT(st->PyCheck_Type);
    Py_VISIT(st->Decimal);
    Py_VISIT(st->default_registry);
    Py_VISIT(st->helpers);
    return 0;
}

static int core_clear(PyObject *module)
{
    core_state *st = PyModule_GetState(module);
    Py_CLEAR(st->default_registry);
    Py_CLEAR(st->helpers);
    Py_CLEAR(st->Decimal);
    Py_CLEAR(st->Error);
    Py_CLEAR(st->ReadError);
    Py_CLEAR(st->PluginError);
    Py_CLEAR(st->Registry_Type);
    Py_CLEAR(st->Disclosure_Type);
    Py_CLEAR(st->Table_Type);
    Py_CLEAR(st->Row_Type);
    Py_CLEAR(st->Narrative_Type);
    Py_CLEAR(st->Report_Type);
    Py_CLEAR(st->Finding_Type);
    Py_CLEAR(st->Claim_Type);
    Py_CLEAR(st->PyCheck_Type);
    return 0;
}

static void core_free(void *module) { core_clear((PyObject *)module); }

static PyModuleDef_Slot core_slots[] = {
    {Py_mod_exec, core_exec},
    {0, NULL},
};

struct PyModuleDef br_core_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "budgetrec._core",
    .m_doc = "The budgetrec core library (libcore) for Python.",
    .m_size = sizeof(core_state),
    .m_methods = core_methods,
    .m_slots = core_slots,
    .m_traverse = core_traverse,
    .m_clear = core_clear,
    .m_free = core_free,
};

PyMODINIT_FUNC PyInit__core(void) { return PyModuleDef_Init(&br_core_module); }
