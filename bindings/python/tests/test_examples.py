"""The examples run: examples/python_check.py and the notebook tour (executed
end to end with nbclient, in a kernel of this interpreter)."""
import json
import subprocess
import sys

import pytest

from brtest_util import ROOT


def test_python_check_example():
    out = subprocess.run([sys.executable, str(ROOT / "examples" / "python_check.py")],
                         capture_output=True, text=True, check=True).stdout
    assert ":173: warning: gpb_basic 30207 · personnel: 邮电费: 4.37 in the personnel column" in out
    assert out.strip().endswith("1 document(s), 2 finding(s)")


def test_tour_notebook_runs(tmp_path, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    # a kernel spec for this interpreter (the system's python3 kernel has no budgetrec)
    spec = tmp_path / "kernels" / "budgetrec-test"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "budgetrec test", "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    nb = nbformat.read(ROOT / "examples" / "tour.ipynb", as_version=4)
    client = nbclient.NotebookClient(nb, kernel_name="budgetrec-test", timeout=300,
                                     resources={"metadata": {"path": str(ROOT / "examples")}})
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs), "the plot was drawn"
    text = json.dumps([o.get("data", o.get("text")) for o in outputs], ensure_ascii=False)
    assert "52.82" in text and "vehicle_subtotal" in text
