"""Disclosure.check and Report: the findings of SPEC §5, exactly as the CLI."""
import json
from decimal import Decimal

import pytest

import budgetrec as br
from brtest_util import REF, cli_json


def find(report, **where):
    return [f for f in report.findings if all(getattr(f, k) == v for k, v in where.items())]


def test_findings_are_the_clis(ref):
    report = ref.check()
    assert [json.loads(line) for line in report.to_json().splitlines()] == cli_json(REF)


def test_three_public_vehicle_subtotal(ref):
    report = ref.check()
    [f] = find(report, table="three_public", row="合计", column="vehicle_subtotal")
    assert isinstance(f, br.Finding)
    assert (f.check, f.severity, f.line) == ("rowtotals.row_total", "error", 200)
    assert (f.expected, f.actual, f.difference, f.tolerance) == (
        Decimal("4.00"), Decimal("6.00"), Decimal("2.00"), Decimal("0.010"))
    assert f.document == str(REF) and f.department == "重庆市潼南区政务服务管理办公室"
    assert f.year == 2022 and f.consequence_of is None
    # the broken 三公 total is linked to it as a consequence
    [total] = find(report, table="three_public", row="合计", column="total")
    assert total.consequence_of == {"table": "three_public", "row": "合计",
                                    "column": "vehicle_subtotal", "file": None, "line": 200,
                                    "page": None}
    assert (f.file, f.page) == (None, None)  # one file without form feeds


def test_decimal_shift_and_postage(ref):
    report = ref.check()
    [shift] = find(report, row="2101199", column="prev_total")
    assert (shift.cause, shift.actual, shift.expected, shift.line) == (
        "decimal_shift", Decimal("27.2"), Decimal("2.72"), 136)
    [postage] = find(report, check="rowtotals.row_total", row="30207")
    assert (postage.actual, postage.expected) == (Decimal("5.37"), Decimal("4.37"))


def test_severity_lists(ref):
    report = ref.check()
    assert report.errors == [f for f in report.findings if f.severity == "error"]
    assert report.warnings == [f for f in report.findings if f.severity == "warning"]
    assert report.infos == [f for f in report.findings if f.severity == "info"]
    assert len(report) == len(report.findings) == len(list(report))
    assert report.max_severity == "error"
    assert report.errors and report.warnings and report.infos


def test_runs(ref):
    runs = ref.check().runs
    assert runs["rowtotals.row_total"] == "failed"
    assert runs["tables.two_sided"] == "passed"
    assert set(runs.values()) <= {"passed", "failed", "not_applicable", "crashed", "skipped"}


def test_only_and_skip(ref):
    only = ref.check(only=["rowtotals.row_total"])
    assert {f.check for f in only.findings} == {"rowtotals.row_total"}
    assert only.runs["tables.hierarchy"] == "skipped"
    assert ref.check(only="rowtotals.row_total,tables.hierarchy").runs["tables.hierarchy"] != \
        "skipped"
    skipped = ref.check(skip=["rowtotals.row_total", "disclosure-text.parse"])
    assert not find(skipped, check="rowtotals.row_total")
    assert not find(skipped, check="disclosure-text.parse")
    assert ref.check(only=[]).findings == []
    with pytest.raises(ValueError, match="no check named 'rowtotals.typo'"):
        ref.check(only=["rowtotals.typo"])


def test_to_pandas(ref):
    report = ref.check()
    df = report.to_pandas()
    assert list(df.columns) == list(br.Finding._field_names())
    assert len(df) == len(report)
    row = df[(df.table == "three_public") & (df.column == "vehicle_subtotal")].iloc[0]
    assert row["actual"] == Decimal("6.00") and row["line"] == 200
    assert str(df["line"].dtype) == "Int64" and str(df["year"].dtype) == "Int64"
    floats = report.to_pandas(numbers="float")
    assert floats["actual"].dtype == float


def test_finding_records():
    f = br.Finding(document="d", check="x.y", severity="error", message="m",
                   expected=Decimal("1.0"))
    assert f.row is None and f.expected == Decimal("1.0")
    assert f == br.Finding(*[getattr(f, n) for n in br.Finding._field_names()])
    assert hash(f) == hash(br.Finding(**f.to_dict()))
    assert "check='x.y'" in repr(f)
    with pytest.raises(AttributeError):
        f.check = "other"
    with pytest.raises(TypeError):
        br.Finding(nonsense=1)


def test_report_add_is_only_for_checks(ref):
    report = ref.check()
    with pytest.raises(br.Error, match="add\\(\\) is for the report a check is given"):
        report.add("error", "no")


def test_reports_of_generated_injections_locate_the_change(corpus_injected):
    """A diagnosable slip injected by the generator is reported as an error at
    the changed cell, with its cause."""
    checked = 0
    for inject in sorted(corpus_injected.glob("*.inject.json")):
        expected = json.loads(inject.read_text())
        if not expected.get("cause") or expected["cause"] in ("missing_child",
                                                              "double_counted_child"):
            continue
        d = br.load(str(inject).replace(".inject.json", ".txt"))
        hits = [f for f in d.check().errors
                if (f.table, f.row, f.column) == (expected["table"], expected["row"],
                                                  expected["column"])]
        assert hits, (inject.name, expected)
        assert hits[0].cause == expected["cause"] and hits[0].line == expected["line"]
        checked += 1
    assert checked >= 4
