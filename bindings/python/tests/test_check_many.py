"""check_many: C worker threads, GIL released, the same findings as check()."""
import json
import shutil
import threading
import time
from decimal import Decimal

import pandas as pd
import pytest

import budgetrec as br
from brtest_util import CLI, REF, cli_json


def sequential(paths):
    return pd.concat([br.load(p).check().to_pandas() for p in paths], ignore_index=True)


def records(frame):
    out = []
    for rec in frame.to_dict("records"):
        out.append(tuple(None if (v is pd.NA or v is None) else v for v in rec.values()))
    return out


def test_200_documents_jobs2_equal_200_checks(corpus200):
    paths = [str(p) for p in sorted(corpus200.glob("*.txt"))]
    assert len(paths) == 200
    run = br.check_many(corpus200, jobs=2, progress=False)
    assert run.documents == paths
    assert len(run) == 200 and run.jobs == 2
    seq = sequential(paths)
    assert len(run.findings) == len(seq) > 0
    assert records(run.findings) == records(seq)  # finding for finding, field for field
    assert run.findings.equals(seq)
    # and the command line says the same
    assert [json.loads(line) for line in run.to_json().splitlines()] == cli_json(corpus200)


def test_python_checks_run_in_the_workers(corpus200, python_checks):
    threads = set()

    @br.check("pytest.workers", inputs=["gpb_basic", "narrative"])
    def workers(basic, narrative, report):
        threads.add(threading.get_ident())
        total = basic["合计"]["total"]
        report.add("info", f"basic {total}", table=basic, row="合计", column="total",
                   actual=total)
        if total > Decimal("300"):
            raise RuntimeError("big department")

    paths = [str(p) for p in sorted(corpus200.glob("*.txt"))][:60]
    run = br.check_many(paths, jobs=2, progress=False)
    mine = run.findings[run.findings.check == "pytest.workers"]
    assert len(mine[mine.severity == "info"]) == 60
    assert threading.get_ident() not in threads and len(threads) == 2
    assert run.findings.equals(sequential(paths))
    assert br.checks.registered()["pytest.workers"].calls == 120


def test_summary_of_the_reference():
    run = br.check_many([REF], progress=False)
    s = run.summary.iloc[0]
    report = br.load(REF).check()
    assert s["document"] == str(REF) and s["department"] == "重庆市潼南区政务服务管理办公室"
    assert (s["department_code"], s["year"], s["unit"], s["readable"]) == ("363", 2022, "万元",
                                                                          True)
    assert s["read_error"] is None
    assert (s["income_total"], s["expenditure_total"], s["basic"], s["project"]) == (
        Decimal("1996.06"), Decimal("1996.06"), Decimal("320.61"), Decimal("1675.45"))
    assert s["three_public_total"] == Decimal("6.00")
    assert (s["errors"], s["warnings"], s["infos"], s["findings"]) == (
        len(report.errors), len(report.warnings), len(report.infos), len(report))
    assert s["consequences"] == sum(1 for f in report.findings if f.consequence_of)
    assert s["tables"].split(",")[:3] == ["fiscal_summary", "gpb_expenditure", "gpb_basic"]
    assert s["n_tables"] == 12


def test_unreadable_inputs_become_findings(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02")
    shutil.copy(REF, tmp_path / "ok.txt")
    missing = str(tmp_path / "missing.txt")
    run = br.check_many([tmp_path, missing], jobs=2, progress=False)
    assert run.documents == [str(tmp_path / n) for n in ("binary.txt", "empty.txt", "ok.txt")] + [
        missing]
    s = run.summary.set_index("document")
    assert list(s["readable"]) == [False, False, True, False]
    assert s.loc[missing, "read_error"] == "cannot open: No such file or directory"
    reads = run.findings[run.findings.check == "budgetrec.read"]
    assert list(reads.document) == [str(tmp_path / "binary.txt"), str(tmp_path / "empty.txt"),
                                    missing]
    assert set(reads.severity) == {"error"} and reads.department.isna().all()
    assert (run.findings.document == str(tmp_path / "ok.txt")).sum() > 10  # the run went on
    assert [json.loads(line) for line in run.to_json().splitlines()] == cli_json(tmp_path, missing)


def test_directories_are_expanded_like_the_cli(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / ".hidden").mkdir()
    for rel in ["z.txt", "a.txt", "b/deep/x.txt", "b/m.txt", ".hidden/h.txt", ".h.txt"]:
        shutil.copy(REF, tmp_path / rel)
    (tmp_path / "notes.md").write_text("not a disclosure")
    run = br.check_many(str(tmp_path) + "/", progress=False, only=["rowtotals.row_total"])
    expect = [str(tmp_path / r) for r in ["a.txt", "b/deep/x.txt", "b/m.txt", "z.txt"]]
    assert run.documents == expect
    cli_docs = list(dict.fromkeys(f["document"] for f in cli_json(
        str(tmp_path) + "/", "--only", "rowtotals.row_total")))
    assert cli_docs == expect


def test_progress_callback_and_errors(corpus200):
    calls = []
    run = br.check_many(corpus200, jobs=2, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (200, 200) and calls == sorted(calls) and len(run) == 200

    def fail(done, total):
        raise RuntimeError("stop here")

    with pytest.raises(RuntimeError, match="stop here"):
        br.check_many(corpus200, jobs=2, progress=fail)
    assert br._registry.busy == 0  # the run ended cleanly
    with pytest.raises(ValueError):
        br.check_many(corpus200, only=["no.such_check"])


def test_plain_progress_without_a_terminal(corpus200, capsys):
    br.check_many(sorted(corpus200.glob("*.txt"))[:3], progress="always")
    err = capsys.readouterr().err
    assert "3/3" in err


def test_the_gil_is_released_while_workers_run(corpus200):
    """A Python thread keeps running while check_many reads and checks."""
    ticks, stop = [0], threading.Event()

    def ticker():
        while not stop.is_set():
            ticks[0] += 1

    t = threading.Thread(target=ticker)
    t.start()
    try:
        start = time.perf_counter()
        br.check_many(corpus200, jobs=1, progress=False)
        elapsed = time.perf_counter() - start
    finally:
        stop.set()
        t.join()
    assert elapsed > 0.05
    assert ticks[0] > 10_000, ticks  # a held GIL would leave it at ~0


def test_sleeping_python_checks_overlap(corpus200, python_checks):
    @br.check("pytest.nap", inputs=["disclosure"])
    def nap(doc, report):
        time.sleep(0.25)

    paths = sorted(corpus200.glob("*.txt"))[:4]
    start = time.perf_counter()
    br.check_many(paths, jobs=2, only=["pytest.nap"], progress=False)
    two = time.perf_counter() - start
    start = time.perf_counter()
    br.check_many(paths, jobs=1, only=["pytest.nap"], progress=False)
    one = time.perf_counter() - start
    assert one >= 1.0 and two < 0.8, (one, two)


def test_empty_run():
    run = br.check_many([], progress=False)
    assert len(run) == 0 and len(run.findings) == 0
    assert list(run.findings.columns) == list(br.Finding._field_names())
