"""budgetrec.load: paths, text and bytes; metadata, tables, claims; ReadError."""
import json
import os
import subprocess
from pathlib import Path

import pytest

import budgetrec as br
from brtest_util import CLI, REF


def test_metadata(ref):
    assert ref.department == "重庆市潼南区政务服务管理办公室"
    assert ref.department_code == "363"
    assert ref.year == 2022
    assert ref.unit == "万元"
    assert ref.reader == "disclosure-text"
    assert ref.path == str(REF)
    assert ref.format is None
    assert ref.source == REF.read_bytes()


def test_path_text_and_bytes_read_the_same_model(ref):
    text = REF.read_text(encoding="utf-8")
    from_path = br.load(Path(REF))
    from_text = br.load(text, name=str(REF))
    from_bytes = br.load(REF.read_bytes(), name=str(REF))
    assert from_path == ref and from_text == ref and from_bytes == ref
    assert br.load(text).path == "<text>"
    assert br.load(REF.read_bytes()).path == "<bytes>"


def test_tables_mapping(ref):
    tables = ref.tables
    assert set(tables) == {
        "fiscal_summary", "gpb_expenditure", "gpb_basic", "three_public", "gov_fund", "summary",
        "income", "expenditure", "procurement", "projects", "performance_overall",
        "performance_project"}
    assert isinstance(tables["gpb_basic"], br.Table)
    perf = tables["performance_project"]
    assert isinstance(perf, list) and len(perf) == 8
    assert [t.project["code"] for t in perf][:2] == ["50015222T000000135300",
                                                    "50015222T000000135339"]
    assert perf[0].project["amount"].as_tuple() == (0, (2, 0, 6, 7, 8), -2)  # Decimal 206.78
    assert len(ref.all_tables) == 19
    assert [t.index for t in ref.all_tables] == list(range(19))


def test_claims(ref):
    claims = ref.claims
    assert len(claims) == 41
    staff = claims[2]
    assert (staff.label, str(staff.value), staff.unit, staff.claim_class, staff.line) == (
        "在职在编职工", "14", "人", "staff_count", 13)
    assert isinstance(staff, br.Claim)
    classes = {c.claim_class for c in claims}
    assert {"income_total", "expenditure_class", "three_public_total"} <= classes
    n = ref.narrative
    assert len(n) == 41 and list(n) == claims
    assert n.first_line >= 1 and "部门" in n.text


def test_notes(ref):
    notes = ref.notes
    assert notes[0]["table"] == "gpb_basic" and notes[0]["row"] == "30206"
    assert notes[0]["line"] == 172 and notes[0]["severity"] == "info"


def test_to_json_is_the_cli_dump(ref):
    out = subprocess.run([str(CLI), "dump", "--format", "json", str(REF)], capture_output=True,
                         text=True, check=True).stdout
    assert json.loads(ref.to_json()) == json.loads(out)


def test_format_forces_a_reader():
    d = br.load(REF, format="disclosure-text")
    assert d.format == "disclosure-text" and d.reader == "disclosure-text"
    assert d == br.load(REF)
    with pytest.raises(ValueError, match="no reader named 'nope'"):
        br.load(REF, format="nope")
    with pytest.raises(br.ReadError, match="does not recognise") as e:
        br.load(b"\x00abc", format="disclosure-text")
    assert e.value.code == "BR_ERR_UNSUPPORTED"


@pytest.mark.parametrize("source, line, reason, code", [
    ("no/such/file.txt", None, "cannot open: No such file or directory", "BR_ERR_IO"),
    (b"", None, "empty file", "BR_ERR_INPUT"),
    (b"\x00\x01binary", None, "binary file (NUL byte at offset 0), and no reader recognises it",
     "BR_ERR_INPUT"),
    (b"abc\n\xff\xfe\n", 2, "invalid UTF-8 at byte offset 4 (line 2): invalid lead byte",
     "BR_ERR_INPUT"),
    ("hello\nworld\n", None, "no recognisable table", "BR_ERR_UNSUPPORTED"),
])
def test_read_errors(source, line, reason, code):
    with pytest.raises(br.ReadError) as e:
        br.load(source)
    err = e.value
    assert isinstance(err, br.Error)
    assert (err.line, err.reason, err.code) == (line, reason, code)
    expected_path = source if isinstance(source, str) and "\n" not in source else (
        "<bytes>" if isinstance(source, bytes) else "<text>")
    assert err.path == expected_path
    assert str(err).startswith(expected_path)


def test_directory_is_a_read_error_and_gb18030_is_converted(tmp_path):
    with pytest.raises(br.ReadError, match="is a directory") as e:
        br.load(tmp_path)
    assert e.value.path == str(tmp_path)
    gb = tmp_path / "gb.txt"
    gb.write_bytes(REF.read_text(encoding="utf-8").encode("gb18030"))
    d = br.load(gb)
    assert d.encoding == "GB18030" and br.load(REF).encoding == "UTF-8"
    assert d.department == "重庆市潼南区政务服务管理办公室" and len(d.all_tables) == 19
    # neither UTF-8 nor GB18030 (a lead byte cut off at the end): the UTF-8 error
    with pytest.raises(br.ReadError) as e:
        br.load(REF.read_text(encoding="utf-8").encode("gb18030") + b"\xb2")
    assert "invalid UTF-8" in e.value.reason and e.value.line == 3


def test_load_rejects_other_types():
    with pytest.raises(TypeError):
        br.load(42)


def test_disclosure_cannot_be_made_directly():
    with pytest.raises(TypeError):
        br.Disclosure()


def test_repr(ref):
    assert repr(ref).startswith("<budgetrec.Disclosure 重庆市潼南区政务服务管理办公室 2022, 19 tables")


def test_kinds():
    assert br.kinds()[:3] == ["summary", "income", "expenditure"]
    assert "performance_project" in br.kinds()


def test_get_include_has_the_plugin_header():
    assert os.path.exists(os.path.join(br.get_include(), "budgetrec", "plugin.h"))
