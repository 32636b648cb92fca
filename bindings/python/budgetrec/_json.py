"""JSON as the command line writes it: the model dump (SPEC §6, `budgetrec
dump --format json`) and findings as JSON Lines (SPEC §5, `budgetrec check
--format json`).  Figures are exact decimal strings."""
import json
from decimal import Decimal


def _fig(v):
    return format(v, "f") if isinstance(v, Decimal) else v


def _located(out, obj):
    """file (joined disclosures only), line, page — as the CLI dump has them."""
    if obj.file is not None:
        out["file"] = obj.file
    out["line"] = obj.line
    out["page"] = obj.page
    return out


def _table(t):
    out = _located({"kind": t.kind, "title": t.title, "unit": t.unit}, t)
    out["columns"] = t.columns
    project = t.project
    if project is not None:
        out["project"] = {"code": project["code"], "name": project["name"],
                          "amount": _fig(project["amount"])}
    attributes = t.attributes
    if attributes:
        out["attributes"] = attributes
    # reading confidence: only when marked, as the CLI dump has it
    uncertain = t.uncertain
    if uncertain is not None:
        out["uncertain"] = uncertain
    columns = t.uncertain_columns
    if columns:
        out["uncertain_columns"] = columns
    rows = []
    for r in t.rows:
        row = {"code": r.code, "label": r.label}
        if r.side is not None:
            row["side"] = r.side
        _located(row, r)
        row["cells"] = {k: _fig(v) for k, v in r.cells.items()}
        inferred = r.inferred
        if inferred:
            row["inferred"] = inferred
        uncertain = r.uncertain
        if uncertain is not None:
            row["uncertain"] = uncertain
        guessed = r.uncertain_cells
        if guessed:
            row["uncertain_cells"] = guessed
        rows.append(row)
    out["rows"] = rows
    return out


def _claim(c):
    out = {"label": c.label, "value": _fig(c.value), "unit": c.unit, "class": c.claim_class}
    if c.code is not None:
        out["code"] = c.code
    if c.direction is not None:
        out["direction"] = c.direction
    if c.sentence is not None:
        out["sentence"] = c.sentence
    if c.role is not None:
        out["role"] = c.role
    if c.of is not None:
        out["of"] = c.of
    if c.base_class is not None:
        out["base"] = c.base_class
    if c.compared_with is not None:
        out["compared_with"] = c.compared_with
    if c.versus is not None:
        out["versus"] = {"direction": c.versus, "line": c.versus_line}
    return _located(out, c)


def disclosure_dict(d):
    out = {"document": d.path, "reader": d.reader}
    parts = d.parts
    if len(parts) > 1:
        out["parts"] = [{"file": p, "reader": r} for p, r in zip(parts, d.part_readers)]
    out.update({
        "department": {"name": d.department, "code": d.department_code},
        "year": d.year,
        "phase": d.phase,
        "unit": d.unit,
        "tables": [_table(t) for t in d.all_tables],
        "claims": [_claim(c) for c in d.claims],
        "notes": d.notes,
    })
    return out


def disclosure_to_json(d):
    return json.dumps(disclosure_dict(d), ensure_ascii=False, indent=2)


def finding_dict(f):
    return {k: _fig(v) for k, v in f.to_dict().items()}


COVERAGE_CHECK = "budgetrec.coverage"
_FINDING_KEYS = ("document", "department", "year", "check", "severity", "table", "row", "column",
                 "expected", "actual", "difference", "tolerance", "file", "line", "page",
                 "message", "cause", "consequence_of")


def coverage_record(document, department, year, coverage):
    """The CLI's coverage record (cli/output.c): finding-shaped, check
    "budgetrec.coverage", severity info, located at the document's first
    line, then the "coverage" object (the coverage dict without its message)."""
    rec = dict.fromkeys(_FINDING_KEYS)
    rec.update(document=document, department=department, year=year, check=COVERAGE_CHECK,
               severity="info", line=1, message=coverage["message"])
    rec["coverage"] = {k: v for k, v in coverage.items() if k != "message"}
    return json.dumps(rec, ensure_ascii=False) + "\n"


def report_to_json(report):
    out = "".join(json.dumps(finding_dict(f), ensure_ascii=False) + "\n"
                  for f in report.findings)
    coverage = report.coverage
    if report._coverage_record and coverage is not None:
        out += coverage_record(report.document, report.department, report.year, coverage)
    return out
