/*
 * convert.c — values across the boundary: strings, exact decimals.
 *
 * Money crosses as decimal.Decimal built from br_decimal_format's exact text
 * ("52.82" stays 52.82, "17" stays 17); never through a binary float.
 */
#include <string.h>

#include "core.h"

PyObject *br_str(const char *s)
{
    if (!s)
        Py_RETURN_NONE;
    return PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "replace");
}

PyObject *br_str_cached(PyObject *cache, const char *s)
{
    PyObject *o = br_str(s);
    if (!o || !cache || o == Py_None)
        return o;
    PyObject *shared = PyDict_SetDefault(cache, o, o); /* borrowed */
    if (!shared) {
        Py_DECREF(o);
        return NULL;
    }
    Py_INCREF(shared);
    Py_DECREF(o);
    return shared;
}

PyObject *br_decimal_to_py(core_state *st, br_decimal d)
{
    char buf[BR_DECIMAL_STR_MAX];
    br_decimal_format(d, buf, sizeof buf);
    PyObject *s = PyUnicode_FromString(buf);
    if (!s)
        return NULL;
    PyObject *r = PyObject_CallOneArg(st->Decimal, s);
    Py_DECREF(s);
    return r;
}

PyObject *br_long_or_none(long v)
{
    if (v == 0)
        Py_RETURN_NONE;
    return PyLong_FromLong(v);
}

/* Decimal → br_decimal through its exact (sign, digits, exponent) tuple. */
static int from_decimal(PyObject *o, br_decimal *out)
{
    PyObject *t = PyObject_CallMethod(o, "as_tuple", NULL);
    if (!t)
        return -1;
    int rc = -1;
    PyObject *sign, *digits, *exp;
    if (!PyArg_ParseTuple(t, "OOO", &sign, &digits, &exp))
        goto done;
    if (!PyLong_Check(exp)) {
        PyErr_SetString(PyExc_ValueError, "a figure must be finite (not NaN or Infinity)");
        goto done;
    }
    long e = PyLong_AsLong(exp);
    Py_ssize_t n = PyTuple_Size(digits);
    if (e == -1 && PyErr_Occurred())
        goto done;
    int64_t units = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        long dig = PyLong_AsLong(PyTuple_GET_ITEM(digits, i));
        if (units > (INT64_MAX - 9) / 10) {
            PyErr_SetString(PyExc_OverflowError, "figure has more than 18 significant digits");
            goto done;
        }
        units = units * 10 + dig;
    }
    if (e < -18 || e > 18) {
        PyErr_SetString(PyExc_OverflowError, "figure's exponent is outside [-18, 18]");
        goto done;
    }
    out->units = PyObject_IsTrue(sign) ? -units : units;
    out->scale = (int32_t)-e;
    rc = 0;
done:
    Py_DECREF(t);
    return rc;
}

int br_decimal_from_py(core_state *st, PyObject *o, br_decimal *out)
{
    if (PyFloat_Check(o)) {
        PyErr_SetString(PyExc_TypeError,
                        "money is exact: pass a decimal.Decimal, an int or a str, not a float");
        return -1;
    }
    if (PyObject_IsInstance(o, st->Decimal) == 1)
        return from_decimal(o, out);
    if (PyLong_Check(o) || PyUnicode_Check(o)) {
        PyObject *d = PyObject_CallOneArg(st->Decimal, o);
        if (!d) {
            PyErr_Clear();
            PyErr_Format(PyExc_ValueError, "not a figure: %R", o);
            return -1;
        }
        int rc = from_decimal(d, out);
        Py_DECREF(d);
        return rc;
    }
    PyErr_Format(PyExc_TypeError, "a figure must be a Decimal, int or str, not %.100s",
                 Py_TYPE(o)->tp_name);
    return -1;
}

int br_utf8_or_null(PyObject *o, const char **out, const char *what)
{
    if (!o || o == Py_None) {
        *out = NULL;
        return 0;
    }
    if (!PyUnicode_Check(o)) {
        PyErr_Format(PyExc_TypeError, "%s must be a str or None, not %.100s", what,
                     Py_TYPE(o)->tp_name);
        return -1;
    }
    *out = PyUnicode_AsUTF8(o);
    return *out ? 0 : -1;
}

/* d[key] = v with a plain (not interned) key: PyDict_SetItemString interns
 * its key, and an interned string that dies leaves the interpreter's
 * interned dict to churn (3.11 interned strings are mortal). */
int br_dict_set(PyObject *d, const char *key, PyObject *v)
{
    PyObject *k = PyUnicode_FromString(key);
    if (!k)
        return -1;
    int rc = PyDict_SetItem(d, k, v);
    Py_DECREF(k);
    return rc;
}
