"""Python checks: libffi closures that run in the engine like C checks."""
import gc
import threading
from decimal import Decimal

import pytest

import budgetrec as br
from brtest_util import REF

pytestmark = pytest.mark.usefixtures("python_checks")


def planted(tmp_path):
    """The reference with 30101's total printed 53.82 where personnel says 52.82."""
    text = REF.read_text(encoding="utf-8")
    line = text.splitlines()[150]  # line 151: 30101 基本工资 52.82 52.82
    assert line.split("\t")[0] == "30101" and line.count("52.82") == 2
    changed = text.replace(line, line.replace("52.82", "53.82", 1), 1)
    path = tmp_path / "planted.txt"
    path.write_text(changed, encoding="utf-8")
    return path


def register_row_sum():
    @br.check("pytest.row_sum", inputs=["gpb_basic"], title="total = personnel + public")
    def row_sum(basic, report):
        for row in basic.rows:
            c = row.cells
            parts = [c[k] for k in ("personnel", "public") if k in c]
            if "total" in c and parts and sum(parts) != c["total"]:
                report.add("error", f"{row.key}: total {c['total']} ≠ {sum(parts)}",
                           table="gpb_basic", row=row.key, column="total",
                           expected=sum(parts), actual=c["total"])
    return row_sum


def test_python_check_finds_a_planted_inconsistency(tmp_path):
    register_row_sum()
    d = br.load(planted(tmp_path))
    report = d.check(only=["pytest.row_sum"])
    found = {f.row: f for f in report.findings}
    f = found["30101"]
    assert (f.check, f.severity, f.table, f.column, f.line) == (
        "pytest.row_sum", "error", "gpb_basic", "total", 151)
    assert (f.expected, f.actual, f.difference) == (
        Decimal("52.82"), Decimal("53.82"), Decimal("1.00"))
    assert report.runs["pytest.row_sum"] == "failed"
    # the untouched reference: only its genuine 30207
    assert {f.row for f in br.load(REF).check(only=["pytest.row_sum"]).findings} == {"30207"}


def test_python_check_listed_in_plugins():
    register_row_sum()
    df = br.plugins()
    row = df[df.id == "pytest.row_sum"].iloc[0]
    assert (row.kind, row.title, row.plugin) == ("check", "total = personnel + public", "python")
    assert row.origin.startswith("python: ") and "row_sum" in row.origin


def test_a_raising_check_becomes_an_error_finding(ref):
    @br.check("pytest.boom", inputs=["disclosure"])
    def boom(doc, report):
        report.add("info", "before the error")
        raise ValueError("figures do not add up: 1 + 1 = 3")

    report = ref.check(only=["pytest.boom", "rowtotals.row_total"])
    mine = [f for f in report.findings if f.check == "pytest.boom"]
    assert [f.severity for f in mine] == ["info", "error"]
    msg = mine[1].message
    assert "ValueError" in msg and "figures do not add up: 1 + 1 = 3" in msg
    assert "test_pycheck.py" in msg and "in boom" in msg
    # the rest of the run goes on
    assert any(f.check == "rowtotals.row_total" for f in report.findings)
    assert br.checks.registered()["pytest.boom"].raised == 1


def test_a_check_returning_a_value_becomes_an_error_finding(ref):
    @br.check("pytest.returns", inputs=["disclosure"])
    def returns(doc, report):
        return [("warning", "a finding that would be lost")]

    [f] = ref.check(only=["pytest.returns"]).findings
    assert f.severity == "error"
    assert "TypeError" in f.message
    assert "the check returned list, not None (findings are added with report.add)" in f.message
    assert br.checks.registered()["pytest.returns"].raised == 1


def test_custom_exception_type_is_named(ref):
    class BudgetSurprise(Exception):
        pass

    @br.check("pytest.custom", inputs=["narrative"])
    def custom(narrative, report):
        raise BudgetSurprise()

    [f] = ref.check(only=["pytest.custom"]).findings
    assert "BudgetSurprise" in f.message and f.severity == "error"


def test_inputs_are_bound_in_order(ref):
    seen = {}

    @br.check("pytest.inputs", inputs=["three_public", "narrative", "disclosure", "gpb_basic"])
    def inputs(three_public, narrative, disclosure, basic, report):
        seen["kinds"] = (three_public.kind, basic.kind)
        seen["claims"] = len(narrative.claims)
        seen["department"] = disclosure.department
        seen["vehicle"] = three_public["合计"]["vehicle_subtotal"]
        seen["frame"] = basic.to_pandas()
        seen["report"] = repr(report)

    ref.check(only=["pytest.inputs"])
    assert seen["kinds"] == ("three_public", "gpb_basic")
    assert seen["claims"] == 41 and seen["department"] == ref.department
    assert seen["vehicle"] == Decimal("6.00")
    assert seen["frame"].loc["30101", "total"] == Decimal("52.82")  # a copy: still usable
    assert "being written by a check" in seen["report"]


def test_not_applicable_when_an_input_is_absent(ref):
    calls = []

    @br.check("pytest.soc", inputs=["soc_capital"])
    def soc(table, report):
        calls.append(1)

    report = ref.check(only=["pytest.soc"])
    assert calls == [] and report.runs["pytest.soc"] == "not_applicable"


def test_lent_objects_are_revoked_after_the_call(ref):
    kept = {}

    @br.check("pytest.keep", inputs=["gpb_basic", "narrative", "disclosure"])
    def keep(basic, narrative, doc, report):
        kept.update(basic=basic, row=basic["30101"], narrative=narrative, doc=doc,
                    report=report, tables=doc.tables)

    ref.check(only=["pytest.keep"])
    gc.collect()
    for name in ("basic", "row", "narrative", "doc"):
        assert "lent to a check" in repr(kept[name])
    with pytest.raises(br.Error, match="lent to a check that has returned"):
        kept["basic"].rows
    with pytest.raises(br.Error):
        kept["row"].cells
    with pytest.raises(br.Error):
        kept["narrative"].claims
    with pytest.raises(br.Error):
        kept["doc"].tables
    with pytest.raises(br.Error):
        kept["tables"]["income"].to_pandas()
    with pytest.raises(br.Error, match="lent to a check"):
        kept["report"].add("error", "too late")
    with pytest.raises(br.Error):
        kept["report"].findings
    # the disclosure itself is intact
    assert ref.tables["gpb_basic"]["30101"]["total"] == Decimal("52.82")


def test_misuse_inside_a_check_is_a_finding_not_a_crash(ref):
    @br.check("pytest.misuse", inputs=["disclosure"])
    def misuse(doc, report):
        doc.check()  # recursion into the engine is refused

    @br.check("pytest.register_during_run", inputs=["disclosure"])
    def register_during_run(doc, report):
        br.check("pytest.late", inputs=["disclosure"])(lambda d, r: None)

    @br.check("pytest.bad_add", inputs=["disclosure"])
    def bad_add(doc, report):
        report.add("error", "float money", expected=1.5)

    @br.check("pytest.nested", inputs=["disclosure"])
    def nested(doc, report):
        br.load(REF).check()  # would call this check again, and again…

    @br.check("pytest.nested_many", inputs=["disclosure"])
    def nested_many(doc, report):
        br.check_many([REF], progress=False)

    report = ref.check(only=["pytest.misuse", "pytest.register_during_run", "pytest.bad_add",
                             "pytest.nested", "pytest.nested_many"])
    msgs = {f.check: f.message for f in report.findings}
    assert "cannot be checked from inside that check" in msgs["pytest.misuse"]
    assert "cannot be run from inside a check" in msgs["pytest.nested"]
    assert "cannot be run from inside a check" in msgs["pytest.nested_many"]
    assert "while checks are running" in msgs["pytest.register_during_run"]
    assert "money is exact" in msgs["pytest.bad_add"]
    assert "pytest.late" not in br.checks.registered()


def test_report_add_arguments(ref):
    @br.check("pytest.add", inputs=["gpb_basic"], severity="warning")
    def add(basic, report):
        report.add(None, "default severity")
        report.add("info", "figures", table=basic, row=basic["30101"], column="total",
                   expected="52.82", actual=Decimal("52.820"), tolerance=0, cause="none")
        report.add("error", "explicit line", table="three_public", row="合计", line=7)
        report.add("error", "row looked up", table="three_public", row="合计")
        with pytest.raises(ValueError):
            report.add("fatal", "bad severity")
        with pytest.raises(ValueError):
            report.add("error", "bad figure", actual="12,x")
        with pytest.raises(TypeError):
            report.add("error", "bad table", table=3)

    fs = ref.check(only=["pytest.add"]).findings
    assert [f.severity for f in fs] == ["warning", "info", "error", "error"]
    assert fs[1].line == 151 and fs[1].row == "30101" and fs[1].table == "gpb_basic"
    assert fs[1].difference == Decimal("0.000") and fs[1].tolerance == Decimal("0")
    assert fs[1].cause == "none"
    assert fs[2].line == 7
    assert fs[3].line == 200


def test_reregistering_replaces_and_unregister_removes(ref):
    @br.check("pytest.v", inputs=["disclosure"])
    def v1(doc, report):
        report.add("info", "v1")

    @br.check("pytest.v", inputs=["disclosure"])
    def v2(doc, report):
        report.add("info", "v2")

    assert [f.message for f in ref.check(only=["pytest.v"]).findings] == ["v2"]
    assert br._registry.check_ids().count("pytest.v") == 1
    br.unregister(v2)
    assert "pytest.v" not in br._registry.check_ids()
    with pytest.raises(ValueError):
        ref.check(only=["pytest.v"])
    with pytest.raises(KeyError):
        br.unregister("pytest.v")
    with pytest.raises(br.Error, match="comes from a plugin"):
        br.unregister("rowtotals.row_total")


def test_registration_is_validated():
    with pytest.raises(ValueError, match="plugin.check"):
        br.check("nodot", inputs=["gpb_basic"])(lambda t, r: None)
    with pytest.raises(ValueError, match="unknown input"):
        br.check("pytest.x", inputs=["gpb_basics"])(lambda t, r: None)
    with pytest.raises(ValueError, match="severity"):
        br.check("pytest.x", inputs=["gpb_basic"], severity="fatal")(lambda t, r: None)
    with pytest.raises(TypeError, match="positional arguments"):
        br.check("pytest.x", inputs=["gpb_basic", "narrative"])(lambda t, r: None)
    with pytest.raises(ValueError, match="already registered"):
        br.check("rowtotals.row_total", inputs=["gpb_basic"])(lambda t, r: None)
    assert "pytest.x" not in br._registry.check_ids()


def test_closures_freed_on_unregister(ref):
    """Registering and unregistering many checks leaves nothing behind."""
    import weakref

    class Fn:
        def __call__(self, doc, report):
            report.add("info", "called")

    refs = []
    for i in range(200):
        fn = Fn()
        refs.append(weakref.ref(fn))
        br.check(f"pytest.churn{i}", inputs=["disclosure"])(fn)
        assert len(ref.check(only=[f"pytest.churn{i}"]).findings) == 1
        br.unregister(f"pytest.churn{i}")
        del fn
    gc.collect()
    assert all(r() is None for r in refs)


def test_python_checks_run_from_other_python_threads(ref):
    @br.check("pytest.threads", inputs=["gpb_basic"])
    def threads(basic, report):
        report.add("info", threading.current_thread().name)

    results = []

    def work():
        results.append(br.load(REF).check(only=["pytest.threads"]).findings[0].message)

    ts = [threading.Thread(target=work, name=f"t{i}") for i in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert sorted(results) == ["t0", "t1", "t2", "t3"]
