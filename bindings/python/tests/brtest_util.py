"""Helpers the tests share (imported by conftest.py and the test modules)."""
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
REF = ROOT / "examples" / "000_8b975b95330ebfb5.txt"
BUILD = Path(os.environ.get("BUDGETREC_BUILD", ROOT / "build"))
CLI = BUILD / "budgetrec"
GEN = ROOT / "tools" / "gen" / "gen_disclosure.py"


def generate(out, docs, seed, *extra):
    subprocess.run(["/usr/bin/python3", str(GEN), "--out", str(out), "--docs", str(docs),
                    "--seed", str(seed), *extra], check=True, stdout=subprocess.DEVNULL)
    return out

def cli_json(*args):
    out = subprocess.run([str(CLI), "check", "--format", "json", *map(str, args)],
                         capture_output=True, text=True)
    assert out.returncode in (0, 1, 2), out.stderr
    return [json.loads(line) for line in out.stdout.splitlines()]

def run_python(code, env=None, timeout=120):
    """Run code in a fresh interpreter of this venv; returns its stdout."""
    full_env = dict(os.environ, **(env or {}))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=full_env, timeout=timeout, cwd=str(ROOT))
    assert out.returncode == 0, out.stderr
    return out.stdout

def build_c_plugin(source, out_dir):
    """Compile a test plugin against libcore/include; returns the .so path."""
    so = Path(out_dir) / (Path(source).stem + ".so")
    subprocess.run(["cc", "-shared", "-fPIC", "-fvisibility=hidden", "-Wall", "-Wextra",
                    "-Werror", "-I", str(ROOT / "libcore" / "include"), str(source), "-o",
                    str(so)], check=True)
    return so
