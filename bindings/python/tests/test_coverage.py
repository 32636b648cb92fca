"""Coverage and reading confidence: Report.coverage, the coverage record of
to_json() (byte for byte the CLI's), Run.summary's coverage columns, and the
uncertainty marks of tables, columns, rows and cells (Table.uncertain,
Table.uncertain_columns, Row.uncertain, Row.uncertain_cells, the dump)."""
import json
import pickle
import subprocess

import pandas as pd
import pytest

import budgetrec as br
from brtest_util import CLI, REF, ROOT, build_c_plugin, run_python

ARTEFACTS = ROOT / "tests" / "data" / "reader_artefacts.txt"
FIXTURE = ROOT / "tests" / "data" / "uncertain_fixture.txt"
COVERAGE_KEYS = ["identities", "held", "broken", "not_checked", "not_checked_by", "tables",
                 "tables_uncertain", "checks_run", "checks_not_applicable", "claims",
                 "claims_classified", "claims_checked", "sentences", "sentences_checked",
                 "message"]
REF_MESSAGE = ("323 identities checked: 311 held, 12 broken; 0 not checked; "
               "19 of 19 tables read with certainty; 27 checks ran, 1 not applicable; "
               "29 of 41 narrative figures checked (36 understood)")


def cli(*args):
    out = subprocess.run([str(CLI), *map(str, args)], capture_output=True, text=True)
    assert out.returncode in (0, 1, 2), out.stderr
    return out.stdout


def test_coverage_of_the_reference(ref):
    cov = ref.check().coverage
    assert list(cov) == COVERAGE_KEYS
    assert cov == {"identities": 323, "held": 311, "broken": 12, "not_checked": 0,
                   "not_checked_by": {}, "tables": 19, "tables_uncertain": 0, "checks_run": 27,
                   "checks_not_applicable": 1, "claims": 41, "claims_classified": 36,
                   "claims_checked": 29, "sentences": 16, "sentences_checked": 14,
                   "message": REF_MESSAGE}
    # the CLI's record says the same
    last = json.loads(cli("check", "--format", "json", REF).splitlines()[-1])
    assert last["check"] == "budgetrec.coverage" and last["message"] == REF_MESSAGE
    assert last["coverage"] == {k: v for k, v in cov.items() if k != "message"}


def test_coverage_is_not_a_finding_and_is_a_copy(ref):
    report = ref.check()
    assert all(f.check != "budgetrec.coverage" for f in report.findings)
    cov = report.coverage
    cov["identities"] = 0
    cov["not_checked_by"]["x"] = 1
    assert report.coverage["identities"] == 323 and report.coverage["not_checked_by"] == {}


def test_to_json_is_the_cli_output_byte_for_byte(ref):
    out = ref.check().to_json()
    assert out == cli("check", "--format", "json", REF)
    assert out.endswith('"sentences": 16, "sentences_checked": 14}}\n')


@pytest.mark.parametrize("only, skip, record", [
    ("rowtotals.row_total", None, False),
    ("rowtotals.row_total,budgetrec.coverage", None, True),
    (None, "budgetrec.coverage", False),
    (None, "rowtotals.row_total", True),
])
def test_only_and_skip_decide_the_coverage_record_as_the_cli(ref, only, skip, record):
    report = ref.check(only=only, skip=skip)
    args = ["check", "--format", "json"]
    args += ["--only", only] if only else []
    args += ["--skip", skip] if skip else []
    out = report.to_json()
    assert out == cli(*args, REF)
    assert ('"check": "budgetrec.coverage"' in out) is record
    assert report.coverage is not None  # the dict is there either way


def test_pickling_keeps_the_coverage(ref):
    report = ref.check()
    back = pickle.loads(pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL))
    assert back.disclosure is None
    assert back.coverage == report.coverage and back == report
    assert back.to_json() == report.to_json()
    only = pickle.loads(pickle.dumps(ref.check(only="rowtotals.row_total")))
    assert '"budgetrec.coverage"' not in only.to_json()


def test_from_data_without_coverage_still_loads(ref):
    """A report pickled before coverage: five fields, coverage None, no record."""
    report = ref.check()
    old = br.Report._from_data(report.document, report.department, report.year,
                               report.findings, report.runs)
    assert old.coverage is None
    assert old.to_json() == "".join(line + "\n" for line in
                                     report.to_json().splitlines()[:-1])


def test_a_lent_report_gives_the_coverage_so_far(python_checks):
    seen = {}

    @br.check("pytest.coverage_so_far", inputs=["gpb_basic"])
    def so_far(basic, report):
        seen["coverage"] = report.coverage
        seen["report"] = report

    cov = br.load(REF).check().coverage
    so = seen["coverage"]
    assert list(so) == COVERAGE_KEYS
    assert 0 <= so["identities"] <= cov["identities"]
    assert so["checks_run"] <= cov["checks_run"]
    with pytest.raises(br.Error, match="lent to a check that has returned"):
        seen["report"].coverage


def test_run_summary_has_the_coverage_columns():
    run = br.check_many([REF, ARTEFACTS, "no/such/file.txt"], jobs=2, progress=False)
    s = run.summary
    assert list(s.columns)[-6:] == ["identities_checked", "identities_held",
                                    "identities_broken", "identities_not_checked",
                                    "tables_uncertain", "coverage"]
    assert list(s.columns)[:-6][-2:] == ["tables", "n_tables"]  # appended after them
    ref, art, bad = s.iloc[0], s.iloc[1], s.iloc[2]
    assert [ref[c] for c in s.columns[-6:-1]] == [323, 311, 12, 0, 0]
    assert ref["coverage"] == REF_MESSAGE
    assert [art[c] for c in s.columns[-6:-1]] == [0, 0, 0, 2, 2]
    assert art["coverage"].startswith(
        "0 identities checked; 2 not checked (extra_figures 1, misaligned_columns 1)")
    assert all(pd.isna(bad[c]) for c in s.columns[-6:])
    assert str(s["identities_checked"].dtype) == "Int64"
    assert run.coverage[0] == br.load(REF).check().coverage and run.coverage[2] is None


def test_run_to_json_is_the_cli_output_byte_for_byte():
    files = [REF, ARTEFACTS, "no/such/file.txt"]
    run = br.check_many(files, jobs=2, progress=False)
    assert run.to_json() == cli("check", "--format", "json", *files)
    back = pickle.loads(pickle.dumps(run))
    assert back.to_json() == run.to_json()
    skipped = br.check_many(files, jobs=2, progress=False, skip=["budgetrec.coverage"])
    assert skipped.to_json() == cli("check", "--format", "json", "--skip",
                                    "budgetrec.coverage", *files)
    assert "budgetrec.coverage" not in skipped.to_json()
    only = br.check_many(files, jobs=1, progress=False, only="rowtotals.row_total")
    assert only.to_json() == cli("check", "--format", "json", "--only", "rowtotals.row_total",
                                 *files)


def test_rows_the_reader_is_unsure_of_are_not_checked():
    # "12.00 7" in one cell, "六元" in a money column: the reader marks both rows
    d = br.load(ARTEFACTS)
    table = d.tables["gpb_expenditure"]
    assert table.uncertain is None and table.uncertain_columns == {}
    assert [(r.code, r.uncertain["kind"]) for r in table.rows] == [
        ("201", "extra_figures"), ("208", "misaligned_columns")]
    assert table.rows[1].uncertain["why"] == (
        "text in a money column: the row's cells may not be in their columns")
    cov = d.check().coverage
    assert (cov["identities"], cov["not_checked"], cov["not_checked_by"]) == (
        0, 2, {"extra_figures": 1, "misaligned_columns": 1})
    # (and its 政府性基金 table, a title with nothing under it: not read)
    assert (cov["tables"], cov["tables_uncertain"]) == (3, 2)
    assert d.check().to_json() == cli("check", "--format", "json", ARTEFACTS)
    dump = json.loads(cli("dump", "--format", "json", ARTEFACTS))
    assert json.loads(d.to_json()) == dump
    assert dump["tables"][0]["rows"][0]["uncertain"] == table.rows[0].uncertain


def test_a_certain_reading_dumps_no_uncertain_fields(ref):
    assert "uncertain" not in ref.to_json()
    assert all(t.uncertain is None and t.uncertain_columns == {} for t in ref.all_tables)


def test_column_row_and_cell_marks(tmp_path):
    """tests/fixtures/plugin_uncertain.c marks a column, a row, a cell and a
    table; the plugin is loaded in a fresh interpreter (it stays registered)."""
    so = build_c_plugin(ROOT / "tests" / "fixtures" / "plugin_uncertain.c", tmp_path)
    out = run_python(f"""
import json, budgetrec as br
br.load_plugin({str(so)!r})
d = br.load({str(FIXTURE)!r})
g, e = d.tables["gpb_expenditure"], d.tables["expenditure"]
print(json.dumps({{
    "to_json": d.to_json(),
    "g": [g.uncertain, g.uncertain_columns, [(r.uncertain, r.uncertain_cells) for r in g.rows]],
    "e": [e.uncertain, e.uncertain_columns],
    "report": d.check().to_json(),
    "coverage": d.check().coverage,
}}, ensure_ascii=False))
""")
    got = json.loads(out)
    dump = cli("dump", "--plugin", so, FIXTURE)
    assert json.loads(got["to_json"]) == json.loads(dump)
    assert got["report"] == cli("check", "--format", "json", "--plugin", so, FIXTURE)
    header = {"kind": "unknown_header", "why": "the header of the third column is unknown"}
    fragment = {"kind": "label_fragment", "why": "the label may be a fragment of the row above"}
    assert got["g"] == [None, {"project": header},
                        [[None, []], [None, ["basic"]], [fragment, []]]]
    assert got["e"] == [{"kind": "extra_figures", "why": "a row holds more figures than columns"},
                        {}]
    table = json.loads(dump)["tables"][0]
    assert table["uncertain_columns"] == {"project": header} and "uncertain" not in table
    assert [("uncertain" in r, r.get("uncertain_cells")) for r in table["rows"]] == [
        (False, None), (False, ["basic"]), (True, None)]
    cov = got["coverage"]
    assert (cov["identities"], cov["not_checked"], cov["tables"], cov["tables_uncertain"]) == (
        0, 7, 2, 2)
    assert cov["not_checked_by"] == {"unknown_header": 2, "guessed_figure": 1,
                                     "label_fragment": 3, "extra_figures": 1}
