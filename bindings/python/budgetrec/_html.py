"""Notebook views (_repr_html_): a disclosure, a table (failing cells
highlighted when a report is attached), a report and a run."""
from decimal import Decimal
from html import escape

COLOURS = {"error": "#f8d0d0", "warning": "#fbe6b8", "info": "#d8e8f8"}
STYLE = ("<style>.br-t{border-collapse:collapse;font-size:12px}"
         ".br-t td,.br-t th{border:1px solid #ccc;padding:2px 6px;text-align:left}"
         ".br-t td.n{text-align:right;font-family:monospace}"
         ".br-h{font-weight:bold;margin:4px 0}</style>")
_RANK = {"info": 0, "warning": 1, "error": 2}


def _text(v):
    if v is None:
        return ""
    if isinstance(v, Decimal):
        return format(v, "f")
    return str(v)


def _cell(v, cls="", style="", title=""):
    attrs = (f' class="{cls}"' if cls else "") + (f' style="{style}"' if style else "")
    attrs += f' title="{escape(title)}"' if title else ""
    return f"<td{attrs}>{escape(_text(v))}</td>"


def _marks(table, report):
    """(row key, column, line) → (severity, messages) of the report's findings on this table."""
    marks = {}
    if report is None:
        return marks
    for f in report.findings:
        if f.table != table.kind or f.row is None:
            continue
        key = (f.row, f.column)
        sev, msgs, lines = marks.get(key, ("info", [], set()))
        if _RANK[f.severity] > _RANK[sev]:
            sev = f.severity
        marks[key] = (sev, msgs + [f"{f.severity}: {f.message} [{f.check}]"], lines | {f.line})
    return marks


def table_html(t, max_rows=500):
    report = t.report
    marks = _marks(t, report)
    cols = t.columns
    head = "".join(f"<th>{escape(c)}</th>" for c in ["code", "label"] + cols)
    body = []
    for r in t.rows[:max_rows]:
        cells = r.cells
        tds = [_cell(r.code), _cell(r.label)]
        for c in cols:
            mark = marks.get((r.key, c))
            if mark and (None in mark[2] or r.line in mark[2]):
                tds.append(_cell(cells.get(c), "n", f"background:{COLOURS[mark[0]]}",
                                 "\n".join(mark[1])))
            else:
                tds.append(_cell(cells.get(c), "n" if isinstance(cells.get(c), Decimal) else ""))
        body.append("<tr>" + "".join(tds) + "</tr>")
    more = len(t) - max_rows
    note = f"<div>… {more} more rows</div>" if more > 0 else ""
    legend = ""
    if report is not None:
        legend = (" — highlighted: "
                  + ", ".join(f'<span style="background:{c}">{s}</span>' for s, c in COLOURS.items()))
    title = (f'<div class="br-h">{escape(t.kind)}: {escape(t.title or "")} '
             f'<span style="font-weight:normal">({escape(t.unit or "")}, line {t.line}){legend}'
             f"</span></div>")
    return (STYLE + title + f'<table class="br-t"><tr>{head}</tr>' + "".join(body) + "</table>"
            + note)


def disclosure_html(d):
    head = (f'<div class="br-h">{escape(d.department or "(department unknown)")} '
            f'{escape(str(d.department_code or ""))} — {d.year or ""} '
            f'<span style="font-weight:normal">({escape(d.unit or "")}; '
            f'{escape(d.path or "")}, read by {escape(d.reader or "?")})</span></div>')
    rows = []
    for t in d.all_tables:
        rows.append(f"<tr><td>{escape(t.kind)}</td><td>{escape(t.title or '')}</td>"
                    f'<td class="n">{len(t)}</td><td class="n">{t.line}</td></tr>')
    index = ('<table class="br-t"><tr><th>kind</th><th>title</th><th>rows</th><th>line</th></tr>'
             + "".join(rows) + "</table>")
    claims = d.claims
    details = "".join(f"<details><summary>{escape(t.kind)} (line {t.line})</summary>"
                      f"{table_html(t)}</details>" for t in d.all_tables)
    return (STYLE + head + index + f"<div>{len(claims)} narrative claims; "
            f"{len(d.notes)} reader notes</div>" + details)


def findings_html(findings, max_rows=500):
    cols = ["severity", "check", "table", "row", "column", "expected", "actual", "difference",
            "line", "message"]
    head = "".join(f"<th>{c}</th>" for c in cols)
    body = []
    for f in findings[:max_rows]:
        style = f"background:{COLOURS.get(f.severity, '')}"
        tds = []
        for c in cols:
            v = getattr(f, c)
            if c == "message" and f.consequence_of:
                v = f"↳ consequence of {f.consequence_of['table']} {f.consequence_of['row']} " \
                    f"{f.consequence_of['column']}: {v}"
            tds.append(_cell(v, "n" if isinstance(v, Decimal) else ""))
        body.append(f'<tr style="{style}">' + "".join(tds) + "</tr>")
    more = len(findings) - max_rows
    note = f"<div>… {more} more findings</div>" if more > 0 else ""
    return f'<table class="br-t"><tr>{head}</tr>' + "".join(body) + "</table>" + note


def report_html(r):
    findings = r.findings
    counts = {s: sum(1 for f in findings if f.severity == s) for s in COLOURS}
    head = (f'<div class="br-h">{escape(str(r.document))} — {escape(str(r.department or ""))} '
            f'{r.year or ""}: ' + ", ".join(
                f'<span style="background:{COLOURS[s]}">{n} {s}{"s" if n != 1 else ""}</span>'
                for s, n in counts.items()) + "</div>")
    # errors first, then warnings, then infos; report order within each
    ordered = sorted(findings, key=lambda f: -_RANK.get(f.severity, 0))
    return STYLE + head + findings_html(ordered)


def run_html(run, max_rows=50):
    s = run.summary
    f = run.findings
    counts = f["severity"].value_counts().to_dict() if len(f) else {}
    head = (f'<div class="br-h">{len(s)} documents checked'
            + (f" in {run.elapsed:.2f} s with {run.jobs} jobs" if run.elapsed else "") + ": "
            + ", ".join(f'<span style="background:{COLOURS[k]}">{counts.get(k, 0)} {k}</span>'
                        for k in COLOURS)
            + f', {int((~s["readable"]).sum()) if len(s) else 0} unreadable</div>')
    cols = ["document", "department", "year", "expenditure_total", "errors", "warnings", "infos"]
    return (STYLE + head + s[cols].head(max_rows).to_html(classes="br-t", index=False,
                                                            na_rep=""))
