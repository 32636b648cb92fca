"""DataFrames: a table's rows, a report's or a run's findings, a run's summary.

Money is decimal.Decimal in object columns by default; numbers="float"
converts it at this edge only (the model never holds a float).  Finding
frames have the SPEC §5 columns (Finding's fields) with nullable Int64 year,
line and page, built by one function for Report.to_pandas and Run.findings so the
two compare equal.
"""
import math

from budgetrec import _core

FINDING_COLUMNS = list(_core.Finding._field_names())
FIGURE_COLUMNS = ["expected", "actual", "difference", "tolerance"]
SUMMARY_FIGURES = ["income_total", "expenditure_total", "basic", "project", "three_public_total"]
SUMMARY_COLUMNS = ["document", "department", "department_code", "year", "phase", "unit", "readable",
                   "read_error"] + SUMMARY_FIGURES + [
                   "errors", "warnings", "infos", "consequences", "findings", "tables",
                   "n_tables"] + [
                   "identities_checked", "identities_held", "identities_broken",
                   "identities_not_checked", "tables_uncertain", "coverage"]
# Int64 (nullable): <NA> for a document that could not be read
SUMMARY_COVERAGE_COUNTS = ["identities_checked", "identities_held", "identities_broken",
                           "identities_not_checked", "tables_uncertain"]


def _numbers(numbers):
    if numbers in (None, "decimal"):
        return "decimal"
    if numbers == "float":
        return "float"
    raise ValueError(f"numbers must be 'decimal' or 'float', not {numbers!r}")


def _to_float(values):
    return [math.nan if v is None else float(v) for v in values]


def table_to_pandas(table, numbers=None, labels=False):
    import pandas as pd

    numbers = _numbers(numbers)
    records = table.to_records()
    columns = table.columns
    money = set(_core.money_roles())
    data = {}
    if labels:
        data["label"] = [r["label"] for r in records]
        data["side"] = [r["side"] for r in records]
        data["line"] = pd.array([r["line"] for r in records], dtype="Int64")
    for c in columns:
        values = [r[c] for r in records]
        data[c] = _to_float(values) if numbers == "float" and c in money else values
    index = pd.Index([r["code"] or r["label"] for r in records], name="row", dtype=object)
    frame = pd.DataFrame(data, index=index)
    for c in columns:
        if not (numbers == "float" and c in money):
            frame[c] = frame[c].astype(object)
    return frame


def findings_frame(columns, numbers=None):
    """A findings DataFrame from a dict of column lists (Finding field names)."""
    import pandas as pd

    numbers = _numbers(numbers)
    data = {}
    for c in FINDING_COLUMNS:
        values = columns[c]
        if c in ("year", "line", "page"):
            data[c] = pd.array(values, dtype="Int64")
        elif c in FIGURE_COLUMNS and numbers == "float":
            data[c] = _to_float(values)
        else:
            data[c] = pd.Series(values, dtype=object)
    return pd.DataFrame(data, columns=FINDING_COLUMNS)


def report_to_pandas(report, numbers=None):
    findings = report.findings
    columns = {c: [getattr(f, c) for f in findings] for c in FINDING_COLUMNS}
    return findings_frame(columns, numbers)


def summary_frame(columns):
    import pandas as pd

    data = {}
    for c in SUMMARY_COLUMNS:
        values = columns[c]
        if c == "year" or c in SUMMARY_COVERAGE_COUNTS:
            data[c] = pd.array(values, dtype="Int64")
        elif c in SUMMARY_FIGURES or c in ("department", "department_code", "phase", "unit",
                                           "read_error", "document", "tables", "coverage"):
            data[c] = pd.Series(values, dtype=object)
        else:
            data[c] = values
    return pd.DataFrame(data, columns=SUMMARY_COLUMNS)
