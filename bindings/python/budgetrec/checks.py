"""Python checks: functions that run in the engine like the C plugins' checks.

    @br.check("mine.basic_total", inputs=["gpb_basic"], severity="error")
    def basic_total(basic, report):
        ...

The engine calls the function through a libffi closure (budgetrec._core,
pycheck.c) with one object per declared input — a Table for a table kind, the
Narrative for "narrative", the Disclosure for "disclosure" — then the Report
to add findings to.  These objects are *lent* for the call: keep figures
(Decimal values, row.cells, DataFrames), not the objects, past it.  An
exception the function raises becomes an error finding of the check.  When a
declared table is absent from a disclosure, the check is not applicable there
and is not called.
"""
import inspect
import os

import budgetrec


def _origin(func):
    name = f"{getattr(func, '__module__', '?')}.{getattr(func, '__qualname__', repr(func))}"
    try:
        file = inspect.getsourcefile(func) or inspect.getfile(func)
        line = inspect.getsourcelines(func)[1]
        return f"python: {name} ({os.path.basename(file)}:{line})"
    except (TypeError, OSError):
        return f"python: {name}"


def _check_arity(func, n):
    """Refuse at registration a function that cannot take n positional arguments."""
    try:
        sig = inspect.signature(func)
    except (TypeError, ValueError):
        return
    try:
        sig.bind(*range(n))
    except TypeError as e:
        raise TypeError(
            f"{getattr(func, '__qualname__', func)!s} must accept {n} positional arguments "
            f"(one per input, then the report): {e}") from None


def check(id, inputs, severity="error", title=None, description=None):
    """Register the decorated function as check `id` ("plugin.check").

    inputs: table kinds (budgetrec.kinds()), "narrative" or "disclosure", in
    the order the function takes them; the report comes last.  severity: the
    default for report.add(None, …).  title/description: shown by plugins()
    (description defaults to the docstring).  Registering an id again
    replaces the earlier Python check (re-running a notebook cell).
    Returns the function unchanged.
    """
    if isinstance(inputs, str):
        inputs = [inputs]
    inputs = list(inputs)

    def register(func):
        _check_arity(func, len(inputs) + 1)
        budgetrec._registry.add_check(
            func, id, inputs, severity, title,
            description if description is not None else inspect.getdoc(func),
            _origin(func))
        return func

    return register


def unregister(check_or_id):
    """Remove a Python check (by id, or the function registered).  Raises
    KeyError when it is not registered, budgetrec.Error while checks run."""
    if callable(check_or_id) and not isinstance(check_or_id, str):
        ids = [i for i, c in budgetrec._registry.python_checks.items() if c.func is check_or_id]
        if not ids:
            raise KeyError(f"{check_or_id!r} is not a registered check")
        for i in ids:
            budgetrec._registry.remove_check(i)
        return
    budgetrec._registry.remove_check(check_or_id)


def registered():
    """dict id → PyCheck of the Python checks registered."""
    return budgetrec._registry.python_checks
