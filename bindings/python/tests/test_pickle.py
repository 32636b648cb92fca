"""Pickling: Disclosure (its source bytes, re-read), Table (its disclosure and
position), Report / Finding / Run (plain data) — across processes too."""
import multiprocessing
import pickle

import pytest

import budgetrec as br
from brtest_util import REF


def roundtrip(obj):
    return pickle.loads(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))


def test_disclosure(ref):
    back = roundtrip(ref)
    assert back == ref and back is not ref
    assert back.path == ref.path and back.source == ref.source
    assert back.tables["gpb_basic"].to_pandas().equals(ref.tables["gpb_basic"].to_pandas())
    text = br.load(REF.read_text(encoding="utf-8"), name="named.txt", format="disclosure-text")
    back = roundtrip(text)
    assert back.path == "named.txt" and back.format == "disclosure-text" and back == text


def test_table_keeps_its_disclosure_and_report(ref):
    t = ref.tables["performance_project"][3]
    back = roundtrip(t)
    assert back == t and back.index == t.index and back.disclosure == ref
    report = ref.check()
    attached = roundtrip(report.tables["three_public"])
    assert attached.report == report
    # tables of one disclosure share it after unpickling, as before
    a, b = roundtrip([ref.tables["income"], ref.tables["expenditure"]])
    assert a.disclosure is b.disclosure


def test_report_and_findings(ref):
    report = ref.check()
    back = roundtrip(report)
    assert back == report
    assert back.findings == report.findings and back.runs == report.runs
    assert back.disclosure is None
    assert (back.document, back.department, back.year) == (report.document, report.department,
                                                           report.year)
    assert back.errors == report.errors and back.max_severity == "error"
    assert back.to_pandas().equals(report.to_pandas())
    assert back.to_json() == report.to_json()
    f = report.errors[0]
    assert roundtrip(f) == f and roundtrip(ref.claims) == ref.claims
    with pytest.raises(br.Error, match="without its disclosure"):
        back.tables


def test_run(corpus200):
    run = br.check_many(sorted(corpus200.glob("*.txt"))[:20], jobs=2, progress=False)
    back = roundtrip(run)
    assert back == run and back.findings.equals(run.findings) and back.summary.equals(run.summary)


def _work(path):
    d = br.load(path)
    return d, d.check(), d.tables["gpb_basic"], br.check_many([path], progress=False)


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_worker_processes_return_them(method):
    ctx = multiprocessing.get_context(method)
    with ctx.Pool(2) as pool:
        results = pool.map(_work, [str(REF)] * 2)
    d, report, table, run = results[0]
    local = br.load(REF)
    assert d == local and report == local.check() and table == local.tables["gpb_basic"]
    assert run == br.check_many([str(REF)], progress=False)


def test_lent_disclosure_cannot_be_pickled(ref, python_checks):
    @br.check("pytest.pickle", inputs=["disclosure", "gpb_basic"])
    def pick(doc, basic, report):
        pickle.dumps(doc)

    [f] = ref.check(only=["pytest.pickle"]).findings
    assert "Error" in f.message and "lent" in f.message


def test_read_error_pickles_with_its_details():
    with pytest.raises(br.ReadError) as e:
        br.load(b"abc\n\xff")
    back = roundtrip(e.value)
    assert type(back) is br.ReadError
    assert (back.path, back.line, back.reason, back.code) == (
        "<bytes>", 2, e.value.reason, "BR_ERR_INPUT")
    assert str(back) == str(e.value)
