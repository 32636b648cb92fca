"""Notebook views: _repr_html_ of Disclosure, Table (highlights), Report, Run."""
import budgetrec as br
from budgetrec._html import COLOURS
from brtest_util import REF


def test_disclosure_html(ref):
    html = ref._repr_html_()
    assert "重庆市潼南区政务服务管理办公室" in html and "gpb_basic" in html
    assert html.count("<details>") == 19 and "41 narrative claims" in html


def test_table_html_highlights_failing_cells(ref):
    plain = ref.tables["three_public"]._repr_html_()
    assert COLOURS["error"] not in plain and "6.00" in plain
    report = ref.check()
    html = report.tables["three_public"]._repr_html_()
    assert f'style="background:{COLOURS["error"]}" title="error: vehicle_subtotal' in html
    attached = ref.tables["gpb_basic"].attach(report)
    assert attached.report is report
    assert "total = personnel + public: 5.37" in attached._repr_html_()
    assert ref.tables["gpb_basic"].attach(None).report is None


def test_report_and_run_html(ref):
    report = ref.check()
    html = report._repr_html_()
    assert f"{len(report.errors)} errors" in html and COLOURS["warning"] in html
    assert "↳ consequence of three_public 合计 vehicle_subtotal" in html
    run = br.check_many([REF], progress=False)
    html = run._repr_html_()
    assert "1 documents checked" in html and "重庆市潼南区政务服务管理办公室" in html
    assert repr(run).startswith("<budgetrec.Run 1 documents")
