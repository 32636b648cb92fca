"""Pages, phase, a narrative and its tables read as one disclosure, GB18030
input: the Python side of what tests/test_parts.c checks in C."""
import json
import pickle
import subprocess
from decimal import Decimal

import pytest

import budgetrec as br
from brtest_util import CLI, ROOT, cli_json

DATA = ROOT / "tests" / "data"
L18 = DATA / "18_shanghai-putuo-wanli-street-2024-budget.layout.txt"
L20 = DATA / "20_shanghai-putuo-planning-resources-2024-final-accounts.layout.txt"
JOINED = DATA / "joined"
NARR = JOINED / "unit-narrative.txt"
TABLES = JOINED / "unit-tables.txt"
N11 = JOINED / "11_jiangsu-party-committee-office-2019-budget-narrative.layout.txt"
T12 = JOINED / "12_jiangsu-party-committee-office-2019-budget-tables.layout.txt"


def test_rows_tables_claims_and_findings_carry_their_page():
    d = br.load(L18)
    summary = d.tables["summary"]
    assert (summary.line, summary.page, summary.file) == (184, 10, None)
    r303 = d.tables["gpb_basic"].row("303")
    assert (r303.line, r303.page, r303.file) == (773, 30, None)
    assert r303.to_dict()["page"] == 30
    assert d.tables["three_public"].page == 31
    first = d.claims[0]
    assert (first.file, first.line, first.page) == (None, 43, 4)
    [f] = [f for f in d.check(only="layout-text.parse").findings if f.line == 720]
    assert (f.file, f.line, f.page) == (None, 720, 29)
    frame = d.check(only="layout-text.parse").to_pandas()
    assert str(frame["page"].dtype) == "Int64" and list(frame["page"]) == [29, 29]


def test_notes_name_their_page():
    d = br.load(L18)
    note = [n for n in d.notes if n["line"] == 720][0]
    assert list(note) == ["severity", "table", "row", "column", "line", "page", "message"]
    assert note["page"] == 29


def test_phase():
    assert br.load(L18).phase == "budget"
    assert br.load(L20).phase == "final"
    assert br.load(DATA / "reader_form_feed.txt").phase is None


def test_a_narrative_and_its_tables_are_one_disclosure():
    d = br.load(NARR, TABLES)
    assert d.parts == [str(NARR), str(TABLES)]
    assert d.part_readers == ["layout-text", "disclosure-text"]
    assert d.path == str(NARR) and d.unit == "万元" and d.phase == "budget"
    assert len(d.all_tables) == 3 and len(d.claims) == 3
    assert {t.file for t in d.all_tables} == {str(TABLES)}
    total = d.tables["gpb_basic"].row("合计")
    assert (total.file, total.line, total.page) == (str(TABLES), 10, 1)
    claim = d.claims[0]
    assert (claim.claim_class, claim.value) == ("operating_expenses", Decimal("79.35"))
    assert (claim.file, claim.line, claim.page) == (str(NARR), 6, 2)
    assert br.load([NARR, TABLES]) == d

    [f] = d.check(only="narrative.totals").findings
    assert (f.expected, f.actual, f.cause) == (Decimal("79.53"), Decimal("79.35"),
                                               "transposed_digits")
    assert (f.document, f.file, f.line, f.page) == (str(NARR), str(NARR), 6, 2)
    # a missing table the document's own procurement columns call for
    gov_fund = [f for f in d.check(only="completeness.tables").findings
                if f.table == "gov_fund"][0]
    assert (gov_fund.file, gov_fund.line, gov_fund.page) == (str(TABLES), 16, 2)
    # alone, the narrative has no table to hold its figures against
    assert br.load(NARR).check(only="narrative.totals").findings == []


def test_joined_json_is_the_clis():
    d = br.load(NARR, TABLES)
    report = d.check()
    out = subprocess.run([str(CLI), "check", "--format", "json", "--join", str(NARR),
                          str(TABLES)], capture_output=True, text=True).stdout
    assert report.to_json() == out
    dump = subprocess.run([str(CLI), "dump", "--join", str(NARR), str(TABLES)],
                          capture_output=True, text=True, check=True).stdout
    assert json.loads(d.to_json()) == json.loads(dump)
    assert json.loads(dump)["parts"] == [{"file": str(NARR), "reader": "layout-text"},
                                         {"file": str(TABLES), "reader": "disclosure-text"}]


def test_report_json_is_byte_identical_with_pages():
    out = subprocess.run([str(CLI), "check", "--format", "json", str(L18)],
                         capture_output=True, text=True).stdout
    assert br.load(L18).check().to_json() == out


def test_a_joined_disclosure_pickles_as_its_parts():
    d = br.load(NARR, TABLES)
    back = pickle.loads(pickle.dumps(d))
    assert back.parts == d.parts and back == d
    assert isinstance(d.source, tuple) and len(d.source) == 2


def test_in_memory_parts_take_their_names():
    d = br.load(NARR.read_bytes(), TABLES.read_bytes(), name=["n.txt", "t.txt"])
    assert d.parts == ["n.txt", "t.txt"]
    with pytest.raises(ValueError, match="2 sources but 1 names"):
        br.load(NARR, TABLES, name=["n.txt"])
    with pytest.raises(br.ReadError) as e:
        br.load(NARR, JOINED / "none-tables.txt")
    assert e.value.path == str(JOINED / "none-tables.txt")


def test_check_many_pairs_a_directory():
    run = br.check_many([JOINED], jobs=2, progress=False)
    assert run.documents == [str(N11), str(NARR)]
    assert list(run.summary["n_tables"]) == [12, 3]
    assert list(run.summary["phase"]) == ["budget", "budget"]
    mine = run.findings[run.findings["check"] == "narrative.totals"]
    row = mine[mine["document"] == str(NARR)].iloc[0]
    assert (row["file"], row["line"], row["page"]) == (str(NARR), 6, 2)
    assert [json.loads(line) for line in run.to_json().splitlines()] == cli_json(JOINED)

    apart = br.check_many([JOINED], jobs=1, progress=False, join=False)
    assert apart.documents == [str(N11), str(T12), str(NARR), str(TABLES)]
    together = br.check_many([(NARR, TABLES)], jobs=1, progress=False)
    assert together.documents == [str(NARR)] and list(together.summary["n_tables"]) == [3]
    everything = br.check_many([NARR, TABLES], jobs=1, progress=False, join=True)
    assert everything.documents == [str(NARR)]
    assert run.findings[run.findings["document"] == str(NARR)].reset_index(drop=True).equals(
        together.findings)


def test_pairing_helpers():
    assert br.run.expand([JOINED]) == [(str(N11), str(T12)), (str(NARR), str(TABLES))]
    assert br._core.pair_parts(["a/x-tables.pdf", "a/x-narrative.pdf", "b/x-tables.pdf"]) == [
        1, 0, -1]


def test_gb18030_reads_as_its_utf8_twin():
    gb = br.load(DATA / "rowtotals_broken.gb18030.txt")
    u8 = br.load(DATA / "rowtotals_broken.txt")
    assert (gb.encoding, u8.encoding) == ("GB18030", "UTF-8")
    as_json = [json.loads(x.to_json()) for x in (gb, u8)]
    for j in as_json:
        j.pop("document")
    assert as_json[0] == as_json[1]
    assert as_json[0]["department"]["name"] == "某单位"
