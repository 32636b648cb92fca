/*
 * core.h — what the files of budgetrec._core share: the module state, the
 * object layouts of its heap types, and the helpers each file exports.
 *
 * Ownership, in one place (every rule below is enforced in the files named):
 *
 *   Registry    owns its br_registry and the Python checks registered in it
 *               (dict id → PyCheck).  Mutations are refused while `busy`
 *               (a C run with the GIL released may be reading it).
 *   Disclosure  owns its br_disclosure (owned) and holds its Registry; or is
 *               *lent* to a Python check (owned == 0): `doc` is set to NULL
 *               when the check returns, and every accessor then raises.
 *   Table, Row, Narrative hold a strong reference to their Disclosure and
 *               check `owner->doc` before every access (disclosure.c).
 *   Report      owns its br_report and holds its Disclosure (live); or is lent
 *               to a Python check (report set to NULL when it returns); or is
 *               detached plain data (unpickled).
 *   Finding, Claim are plain records (record.c): copies, no C pointers.
 *   PyCheck     owns one ffi_closure; freed only once removed from the
 *               registry, which is refused while busy (pycheck.c).
 */
#ifndef BR_PY_CORE_H
#define BR_PY_CORE_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <ffi.h>

#include <budgetrec/budgetrec.h>

typedef struct core_state {
    PyObject *Error;       /* budgetrec.Error */
    PyObject *ReadError;   /* budgetrec.ReadError(Error): .path .line .reason .code */
    PyObject *PluginError; /* budgetrec.PluginError(Error): .path .reason */
    PyTypeObject *Registry_Type;
    PyTypeObject *Disclosure_Type;
    PyTypeObject *Table_Type;
    PyTypeObject *Row_Type;
    PyTypeObject *Narrative_Type;
    PyTypeObject *Report_Type;
    PyTypeObject *Finding_Type;
    PyTypeObject *Claim_Type;
    PyTypeObject *PyCheck_Type;
    PyObject *Decimal;          /* decimal.Decimal */
    PyObject *default_registry; /* the package's Registry (set at import) */
    PyObject *helpers;          /* budgetrec._helpers, imported on first use */
} core_state;

extern struct PyModuleDef br_core_module;

/* The module state of one of this module's types (module.c). */
core_state *br_state_of(PyTypeObject *tp);
#define STATE(obj) br_state_of(Py_TYPE(obj))
/* A function of the pure-Python helper module budgetrec._helpers (new ref). */
PyObject *br_helper(core_state *st, const char *name);
/* Call helper `name` with the given arguments (new ref, NULL on error). */
PyObject *br_call_helper(core_state *st, const char *name, PyObject *const *args, size_t n);

/* ---- registry.c ---- */
typedef struct RegistryObject {
    PyObject_HEAD
    br_registry *reg; /* NULL once cleared (interpreter shutdown) */
    PyObject *pychecks; /* dict: id → PyCheck registered here */
    Py_ssize_t busy;    /* C runs reading `reg` with the GIL released */
} RegistryObject;
extern PyType_Spec br_registry_spec;
/* The registry usable for a run, or NULL with budgetrec.Error set. */
br_registry *br_registry_get(core_state *st, RegistryObject *r);
/* Refuse a change while a run may read the registry (-1 with Error set). */
int br_registry_check_idle(core_state *st, RegistryObject *r, const char *what);

/* ---- disclosure.c ---- */
typedef struct DisclosureObject {
    PyObject_HEAD
    br_disclosure *doc; /* NULL once a lent disclosure was invalidated */
    int owned;          /* frees doc when deallocated */
    PyObject *registry; /* RegistryObject that read it (NULL when lent) */
    PyObject *source;   /* the bytes it was read from (NULL when lent) */
    PyObject *format;   /* the reader forced at load, or None */
} DisclosureObject;
extern PyType_Spec br_disclosure_spec;
/* A new Disclosure owning doc (stolen; freed on error). */
PyObject *br_disclosure_wrap(core_state *st, br_disclosure *doc, PyObject *registry,
                             PyObject *source, PyObject *format);
/* A Disclosure lent to a Python check: invalidate with br_disclosure_revoke. */
DisclosureObject *br_disclosure_lend(core_state *st, br_disclosure *doc);
void br_disclosure_revoke(DisclosureObject *d);
/* The live br_disclosure of `d`, or NULL with budgetrec.Error set. */
br_disclosure *br_disclosure_live(core_state *st, DisclosureObject *d);
/* Parse only/skip (None, str or iterable of str) into a NULL-terminated
 * array whose strings live as long as *keep (a new tuple).  0 / -1. */
int br_parse_ids(core_state *st, const br_registry *reg, PyObject *ids, const char ***out,
                 PyObject **keep);

/* ---- table.c ---- */
typedef struct TableObject {
    PyObject_HEAD
    DisclosureObject *owner;
    const br_table *table;
    Py_ssize_t index; /* position among the disclosure's tables */
    PyObject *report; /* Report attached for highlighting, or NULL */
} TableObject;
typedef struct RowObject {
    PyObject_HEAD
    TableObject *table;
    Py_ssize_t index;
} RowObject;
extern PyType_Spec br_table_spec;
extern PyType_Spec br_row_spec;
PyObject *br_table_wrap(core_state *st, DisclosureObject *owner, const br_table *t,
                        PyObject *report);
/* The live table, or NULL with budgetrec.Error set. */
const br_table *br_table_live(core_state *st, TableObject *t);
/* The value of one cell: Decimal, str (text cells) or None (blank). */
PyObject *br_cell_value(core_state *st, const br_cell *c);

/* ---- narrative.c ---- */
typedef struct NarrativeObject {
    PyObject_HEAD
    DisclosureObject *owner;
} NarrativeObject;
extern PyType_Spec br_narrative_spec;
PyObject *br_narrative_wrap(core_state *st, DisclosureObject *owner);
/* The claims of a narrative as a list of Claim records. */
PyObject *br_claims_list(core_state *st, const br_narrative *n);
/* The page of `line` in `part` as an int, or None when unknown (new ref). */
PyObject *br_page_or_none(const br_disclosure *doc, size_t part, long line);

/* ---- record.c: Finding and Claim, immutable plain data ---- */
enum {
    F_DOCUMENT, F_DEPARTMENT, F_YEAR, F_CHECK, F_SEVERITY, F_TABLE, F_ROW, F_COLUMN,
    F_EXPECTED, F_ACTUAL, F_DIFFERENCE, F_TOLERANCE, F_FILE, F_LINE, F_PAGE, F_MESSAGE,
    F_CAUSE, F_CONSEQUENCE_OF, F__COUNT
};
enum {
    C_LABEL, C_VALUE, C_UNIT, C_CLASS, C_CODE, C_DIRECTION, C_FILE, C_LINE, C_PAGE,
    C_SENTENCE, C_ROLE, C_OF, C_BASE, C_VERSUS, C_VERSUS_LINE, C_COMPARED, C__COUNT
};
typedef struct RecordObject {
    PyObject_HEAD
    PyObject *fields[]; /* F__COUNT or C__COUNT values, never NULL */
} RecordObject;
extern PyType_Spec br_finding_spec;
extern PyType_Spec br_claim_spec;
/* A new record of `tp` from n values (references stolen, NULLs mean None). */
PyObject *br_record_new(PyTypeObject *tp, PyObject **values, Py_ssize_t n);
extern const char *const br_finding_fields[F__COUNT];

/* ---- finding.c: one C finding → the F__COUNT Python values ---- */
typedef struct doc_context {
    PyObject *document, *department, *year; /* borrowed; never NULL */
} doc_context;
/* Fill values[F__COUNT] (new references) for finding f at `loc` (file, page);
 * diff may be NULL; primary is the finding it is a consequence of (at
 * `ploc`), or NULL.  `cache` (a dict or NULL) shares equal short strings.
 * 0, or -1 with an exception. */
int br_finding_values(core_state *st, const doc_context *ctx, const br_finding *f,
                      const br_location *loc, const br_decimal *diff, const br_finding *primary,
                      const br_location *ploc, PyObject *cache, PyObject **values);
/* One Finding record for finding i of a report. */
PyObject *br_finding_from_report(core_state *st, const doc_context *ctx, const br_report *rep,
                                 size_t i, PyObject *cache);

/* ---- report.c ---- */
struct PyCheckObject;
typedef struct ReportObject {
    PyObject_HEAD
    br_report *report;    /* live or lent; NULL when detached or revoked */
    int owned;            /* frees report when deallocated */
    int lent;             /* handed to a Python check: add() allowed */
    PyObject *disclosure; /* DisclosureObject, or None */
    PyObject *findings;   /* list of Finding (cached; detached: the data) */
    PyObject *runs;       /* dict check → status (cached / detached) */
    PyObject *document, *department, *year;
    struct PyCheckObject *check; /* lent: whose findings add() makes */
    PyObject *coverage;   /* dict (cached / detached), or NULL */
    int coverage_record;  /* to_json() ends with the coverage record */
} ReportObject;
extern PyType_Spec br_report_spec;
/* coverage_record: whether to_json() writes the coverage record (see
 * br_coverage_record). */
PyObject *br_report_wrap(core_state *st, br_report *rep, DisclosureObject *d,
                         int coverage_record);
/* Report.coverage: the keys of the JSON "coverage" object, then "message". */
PyObject *br_coverage_to_py(const br_coverage *cov);
/* Whether the coverage record is written, as `budgetrec check` decides:
 * not when skip names it; with only, only when only names it. */
int br_coverage_record(const char *const *only, const char *const *skip);
ReportObject *br_report_lend(core_state *st, br_report *rep, DisclosureObject *d,
                             struct PyCheckObject *check);
void br_report_revoke(ReportObject *r);

/* ---- pycheck.c ---- */
typedef struct PyCheckObject {
    PyObject_HEAD
    PyObject *func;   /* the Python callable */
    PyObject *id;     /* str */
    PyObject *origin; /* str: where the function is defined */
    char *c_id, *c_title, *c_description;
    int inputs[BR_CHECK_MAX_INPUTS];
    br_check_desc desc;
    ffi_type *argtypes[BR_CHECK_MAX_INPUTS + 1];
    ffi_cif cif;
    ffi_closure *closure;
    void *code;     /* the closure's executable address = desc.fn */
    int registered; /* in a registry's list: must not be freed */
    unsigned long long calls, raised;
} PyCheckObject;
extern PyType_Spec br_pycheck_spec;
/* A new PyCheck (not registered yet). */
PyObject *br_pycheck_new(core_state *st, PyObject *func, PyObject *id, PyObject *inputs,
                         const char *severity, PyObject *title, PyObject *description,
                         PyObject *origin);
/* Whether this thread is inside a Python check (runs are refused there). */
int br_running_python_check(void);
/* Severity name → value, or -1 with ValueError set. */
int br_severity_from_py(PyObject *name);

/* ---- checkmany.c ---- */
PyObject *br_check_many(PyObject *module, PyObject *args, PyObject *kwargs);

/* ---- errors.c ---- */
int br_errors_init(PyObject *module, core_state *st);
/* Raise the exception matching a failed call (ReadError for reading). */
void br_raise_read_error(core_state *st, const br_error *err);
void br_raise_plugin_error(core_state *st, const br_error *err);
void br_raise_status(core_state *st, int status, const char *what);
/* The ReadError instance for (path, line, reason, code) (new ref). */
PyObject *br_read_error_new(core_state *st, const char *path, long line, const char *reason,
                            const char *code);
PyObject *br_py_read_error(PyObject *module, PyObject *args);

/* ---- convert.c ---- */
PyObject *br_str(const char *s); /* str, or None for NULL */
/* str shared through `cache` (a dict, may be NULL) */
PyObject *br_str_cached(PyObject *cache, const char *s);
PyObject *br_decimal_to_py(core_state *st, br_decimal d);
/* Decimal, int or str → br_decimal (floats refused: money is exact). */
int br_decimal_from_py(core_state *st, PyObject *o, br_decimal *out);
PyObject *br_long_or_none(long v); /* int, or None for 0 */
/* d[key] = v, the key not interned (see convert.c); 0 / -1. */
int br_dict_set(PyObject *d, const char *key, PyObject *v);
/* UTF-8 of a str, or NULL for None (TypeError for other types). */
int br_utf8_or_null(PyObject *o, const char **out, const char *what);

#endif
