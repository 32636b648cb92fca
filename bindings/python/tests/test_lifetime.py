"""Lifetimes: whatever order Python frees things in, nothing dangles or leaks."""
import gc
import os
import tracemalloc
from decimal import Decimal

import budgetrec as br
from brtest_util import REF


def test_table_outlives_its_disclosure():
    d = br.load(REF)
    table = d.tables["gpb_basic"]
    row = table["30101"]
    narrative = d.narrative
    perf = d.tables["performance_project"]
    del d
    gc.collect()
    assert table.to_pandas().loc["30101", "total"] == Decimal("52.82")
    assert row.cells["total"] == Decimal("52.82")
    assert len(narrative.claims) == 41
    assert perf[0].project["name"] == "潼南区政务中心购买社会服务专项资金"
    del table
    gc.collect()
    assert row["personnel"] == Decimal("52.82")  # the row keeps table and disclosure alive


def test_findings_and_reports_outlive_what_made_them():
    d = br.load(REF)
    report = d.check()
    del d
    gc.collect()
    assert report.disclosure.department == "重庆市潼南区政务服务管理办公室"
    tables = report.tables
    findings = report.findings
    del report
    gc.collect()
    assert any(f.row == "30207" for f in findings)
    assert "background" in tables["three_public"]._repr_html_()


def test_registry_outlives_the_package_reference():
    """Disclosures hold the registry that read them."""
    reg = br._core.Registry()
    reg.load_dir(br.plugin_dir)
    d = reg.read(REF.read_bytes(), str(REF))
    del reg
    gc.collect()
    assert d.check(only=["rowtotals.row_total"]).errors


def rss_kb():
    with open(f"/proc/{os.getpid()}/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def cycle(data, i):
    d = br.load(data, name="cycle.txt")
    report = d.check()
    assert len(report.errors) > 5
    if i % 10 == 0:  # exercise the rest of the API now and then
        d.tables["gpb_basic"].to_pandas()
        report.to_pandas()
        [r.cells for r in d.tables["three_public"].rows]
        d.claims


def test_no_leak_over_10000_load_check_cycles():
    """10,000 load/check cycles.  Growth is measured from cycle 2,000 to
    10,000, past one-time effects (caches, allocator arenas): leaking one
    small Python object per cycle would show as > 256 kB of Python heap, one
    disclosure or report (C arenas, 16 kB and more) as > 100 MB of RSS."""
    data = REF.read_bytes()
    for i in range(300):  # warm up: pandas, Decimal contexts
        cycle(data, i)
    tracemalloc.start()
    for i in range(2_000):
        cycle(data, i)
    gc.collect()
    py_at_2000, rss_at_2000 = tracemalloc.get_traced_memory()[0], rss_kb()
    for i in range(2_000, 10_000):
        cycle(data, i)
    gc.collect()
    grown_py = tracemalloc.get_traced_memory()[0] - py_at_2000
    tracemalloc.stop()
    grown_rss = rss_kb() - rss_at_2000
    assert grown_py < 256 * 1024, f"Python heap grew {grown_py} bytes over 8,000 cycles"
    assert grown_rss < 16 * 1024, f"RSS grew {grown_rss} kB over 8,000 cycles"
