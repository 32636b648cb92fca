"""Plugins: the bundled ones, br.load_plugin, refusals, BUDGETREC_PLUGIN_PATH,
and examples/plugin built with its own CMakeLists against the installed
headers (the path a plugin author follows).  Tests that load a plugin run in
a fresh interpreter: a process's registry keeps what it loaded."""
import os
import subprocess
import sys

import pytest

import budgetrec as br
from brtest_util import BUILD, REF, ROOT, run_python


def test_bundled_plugins_listed():
    df = br.plugins()
    assert list(df.columns) == ["kind", "id", "title", "description", "plugin", "version",
                                "origin"]
    reader = df[df.kind == "reader"].iloc[0]
    assert reader.id == "disclosure-text" and reader.origin.startswith(br.plugin_dir)
    checks = df[df.kind == "check"]
    assert {"rowtotals.row_total", "tables.hierarchy", "narrative.totals"} <= set(checks.id)
    assert checks.title.map(bool).all() and checks.version.notna().all()
    assert set(os.listdir(br.plugin_dir)) >= {"rowtotals.so", "disclosure_text.so"}


@pytest.mark.parametrize("fixture, reason", [
    ("plugin_wrong_major.so", "built for plugin ABI 2"),
    ("plugin_no_entry.so", "no entry point"),
    ("plugin_newer_minor.so", "newer than this host"),
])
def test_refused_plugins_raise(fixture, reason):
    path = BUILD / "tests" / "fixtures" / fixture
    if not path.exists():
        pytest.skip("C test fixtures not built")
    with pytest.raises(br.PluginError) as e:
        br.load_plugin(path)
    assert e.value.path == str(path) and reason in e.value.reason
    assert isinstance(e.value, br.Error)


def test_not_a_shared_object(tmp_path):
    bogus = tmp_path / "bogus.so"
    bogus.write_text("not ELF")
    with pytest.raises(br.PluginError, match="cannot load"):
        br.load_plugin(bogus)


@pytest.fixture(scope="module")
def example_plugin(tmp_path_factory):
    """examples/plugin built with cmake against the installed package's headers."""
    out = tmp_path_factory.mktemp("example-plugin")
    subprocess.run(["cmake", "-S", str(ROOT / "examples" / "plugin"), "-B", str(out),
                    f"-DPython3_EXECUTABLE={sys.executable}"], check=True,
                   capture_output=True)
    log = subprocess.run(["cmake", "--build", str(out)], check=True, capture_output=True,
                         text=True)
    assert "warning" not in log.stdout.lower()
    cache = (out / "CMakeCache.txt").read_text()
    assert f"BUDGETREC_INCLUDE_DIR:PATH={br.get_include()}" in cache
    return out / "example.so"


def negative_copy(tmp_path):
    text = REF.read_text(encoding="utf-8").replace("\t52.82\t52.82", "\t-52.82\t-52.82", 1)
    path = tmp_path / "negative.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_example_c_plugin(example_plugin, tmp_path):
    neg = negative_copy(tmp_path)
    out = run_python(f"""
import budgetrec as br
print(br.load_plugin({str(example_plugin)!r}))
df = br.plugins(); row = df[df.id == "example.negative_figures"].iloc[0]
print(row.plugin, row.version, row.origin == {str(example_plugin)!r})
for f in br.load({str(neg)!r}).check(only=["example.negative_figures"]).findings:
    print(f.severity, f.table, f.row, f.column, f.actual, f.line)
print(len(br.load({str(REF)!r}).check(only=["example.negative_figures"]).findings))
run = br.check_many([{str(neg)!r}], only="example.negative_figures", progress=False)
print(len(run.findings))
""")
    assert out.splitlines() == [
        "example",
        "example 1.0 True",
        "warning gpb_basic 30101 total -52.82 151",
        "warning gpb_basic 30101 personnel -52.82 151",
        "0",
        "2",
    ]


def test_plugin_path_environment(example_plugin):
    code = "import budgetrec as br; print('example.negative_figures' in br._registry.check_ids())"
    assert run_python(code, env={"BUDGETREC_PLUGIN_PATH": str(example_plugin.parent)}) == "True\n"
    assert run_python(code, env={"BUDGETREC_PLUGIN_PATH": str(example_plugin)}) == "True\n"
    assert run_python(code, env={"BUDGETREC_PLUGIN_PATH": ""}) == "False\n"
