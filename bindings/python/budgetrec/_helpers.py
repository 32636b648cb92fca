"""What the C types call back into Python for (budgetrec._core's br_call_helper).

The extension keeps the model, the engine and the lifetimes in C; building
DataFrames, HTML, JSON and re-reading a pickled disclosure are easier and no
slower in Python.  Each function here is named by the C method that calls it.
"""
from budgetrec._frames import report_to_pandas, table_to_pandas  # noqa: F401
from budgetrec._html import disclosure_html, report_html, table_html  # noqa: F401
from budgetrec._json import disclosure_to_json, report_to_json  # noqa: F401


def report_tables(report):
    """Report.tables: the checked disclosure's tables with the report attached."""
    d = report.disclosure
    if d is None:
        import budgetrec

        raise budgetrec.Error("this report was unpickled without its disclosure: no tables")
    out = {}
    for kind, t in d.tables.items():
        out[kind] = [x.attach(report) for x in t] if isinstance(t, list) else t.attach(report)
    return out


def unpickle_disclosure(source, path, format):
    import budgetrec

    if isinstance(source, tuple):  # a joined disclosure: its parts' bytes and paths
        return budgetrec._registry.read_parts(list(zip(source, path)), format)
    return budgetrec._registry.read(source, path, format)


def unpickle_table(disclosure, index, report):
    return disclosure.all_tables[index].attach(report)
