"""Table and Row: exact Decimal cells, DataFrames, records, lookups."""
import math
from decimal import Decimal

import pytest

import budgetrec as br


def test_gpb_basic_as_dataframe(ref):
    df = ref.tables["gpb_basic"].to_pandas()
    assert list(df.columns) == ["total", "personnel", "public"]
    assert df.index.name == "row"
    assert df.loc["30101", "total"] == Decimal("52.82")
    assert isinstance(df.loc["30101", "total"], Decimal)
    assert df.loc["合计", "total"] == Decimal("320.61")
    assert df.loc["301", "public"] is None  # blank is absent, not zero
    assert str(df.loc["30211", "total"]) == "17"  # printed precision kept
    assert len(df) == 33


def test_float_on_request(ref):
    df = ref.tables["gpb_basic"].to_pandas(numbers="float")
    assert df.loc["30101", "total"] == 52.82
    assert df["total"].dtype == float
    assert math.isnan(df.loc["301", "public"])
    with pytest.raises(ValueError):
        ref.tables["gpb_basic"].to_pandas(numbers="double")


def test_labels_columns(ref):
    df = ref.tables["fiscal_summary"].to_pandas(labels=True)
    assert list(df.columns[:3]) == ["label", "side", "line"]
    first = df.iloc[0]
    assert (first["label"], first["side"], first["line"]) == ("本年收入", "income", 73)
    assert first["amount"] == Decimal("1996.06")


def test_performance_text_cells(ref):
    t = ref.tables["performance_project"][0]
    df = t.to_pandas()
    assert list(df.columns) == ["level1", "level2", "name", "target", "operator", "unit",
                                "weight"]
    row = df.iloc[0]
    assert (row["level1"], row["name"], row["operator"], row["unit"], row["weight"]) == (
        "产出指标", "劳务派遣工作人员", "≤", "名", "5")
    assert t.attributes["资金总额(万元)"] == "206.78"


def test_table_attributes(ref):
    t = ref.tables["three_public"]
    assert t.kind == "three_public"
    assert t.unit == "万元"
    assert t.columns[:2] == ["prev_total", "prev_abroad"]
    assert "vehicle_subtotal" in t.columns
    assert t.title.endswith("经费支出表") or "三公" in t.title
    assert isinstance(t.line, int)
    assert t.disclosure is not None and t.report is None
    assert len(t) == 2


def test_records(ref):
    recs = ref.tables["gpb_basic"].to_records()
    r = recs[2]
    assert r == {"code": "30101", "label": "基本工资", "side": None, "line": 151, "page": None,
                 "total": Decimal("52.82"), "personnel": Decimal("52.82"), "public": None}


def test_rows_and_lookup(ref):
    t = ref.tables["gpb_basic"]
    row = t["30101"]
    assert (row.code, row.label, row.key, row.line, row.side) == ("30101", "基本工资", "30101",
                                                                   151, None)
    assert row.cells == {"total": Decimal("52.82"), "personnel": Decimal("52.82")}
    assert row["total"] == Decimal("52.82") and row["public"] is None
    with pytest.raises(KeyError):
        row["amount"]
    assert t["合计"].code is None and t["合计"].key == "合计"
    assert t[0].label == "合计" and t[-1].code == t.rows[-1].code
    assert t.row("基本工资").code == "30101"
    with pytest.raises(KeyError):
        t["nope"]
    with pytest.raises(IndexError):
        t[1000]
    assert [r.key for r in t][:3] == ["合计", "301", "30101"]
    assert row.table == t
    assert row.to_dict()["label"] == "基本工资"


def test_inferred_cells(ref):
    row = ref.tables["gpb_basic"]["30207"]
    assert set(row.inferred) == {"total", "personnel"}
    assert row.cells == {"total": Decimal("5.37"), "personnel": Decimal("4.37")}


def test_equality(ref):
    other = br.load(ref.path)
    assert ref.tables["gpb_basic"] == other.tables["gpb_basic"]
    assert ref.tables["gpb_basic"] != ref.tables["income"]
    with pytest.raises(TypeError):
        hash(ref.tables["gpb_basic"])
